// The queried explorer: the page when `newsgraph view --db` (or a graph too large to draw) serves it. It never holds
// the whole graph: it opens on the most connected entities of the chosen period, and adds what the API returns as the
// user searches, expands neighbourhoods and opens evidence. It reads only the API (types from the JSON contract).
import Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import Sigma from "sigma";
import type { ApiEdge, ApiNode, EvidenceRow, FocusGraph, Page, QuoteRow, SearchHit, StoreInfo } from "../../src/types.js";
import { KIND_COLORS, KIND_LABELS, RELATION_FAMILIES_LIST, kindColor, relationColor, relationLabel } from "./colors.js";
import { byId, h } from "./dom.js";
import { exportPngButton } from "./png.js";

export interface ApiConfig {
  api: string;
  title: string;
}

interface NodeAttrs {
  label: string;
  kind: string;
  x: number;
  y: number;
  size: number;
  color: string;
  strength: number;
}
interface EdgeAttrs {
  label: string;
  relation: string;
  weight: number;
  size: number;
  color: string;
}

/** Page sizes of the panel's lists. */
const PAGE = 10;

/** The controls the explorer keeps in the sidebar: period, expansion depth and breadth, relation and kind filters. */
interface Options {
  since: string;
  until: string;
  hops: number;
  limit: number;
  relations: Set<string>;
  kinds: Set<string>;
}

async function getJson<T>(api: string, path: string, params: Record<string, string | number | undefined>): Promise<T> {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== "") q.set(k, String(v));
  const res = await fetch(`${api}${path}?${q}`);
  const body = (await res.json()) as T & { error?: string };
  if (!res.ok) throw new Error(body.error ?? `${path}: HTTP ${res.status}`);
  return body;
}

export async function startExplorer(config: ApiConfig, mark: (phase: string) => void): Promise<void> {
  const api = config.api;
  const options: Options = { since: "", until: "", hops: 1, limit: 25, relations: new Set(), kinds: new Set() };
  const window_ = () => ({ since: options.since || undefined, until: options.until || undefined });
  const graph = new Graph<NodeAttrs, EdgeAttrs>({ type: "directed", multi: true, allowSelfLoops: false });
  let selected: string | null = null;
  let maxStrength = 1;

  const infoP = getJson<StoreInfo>(api, "info", {});
  const topP = getJson<FocusGraph>(api, "top", { limit: 60 });

  // ---- Drawing: add what the API returned, place new nodes next to their anchor, settle with a few FA2 rounds ----
  const sizeOf = (strength: number) => 3 + 13 * Math.sqrt(Math.max(strength, 0) / maxStrength);
  function add(piece: FocusGraph, anchor: string | null): string[] {
    const added: string[] = [];
    const at = anchor && graph.hasNode(anchor) ? graph.getNodeAttributes(anchor) : { x: 0, y: 0 };
    const fresh = piece.nodes.filter((n) => !graph.hasNode(n.key));
    for (const n of piece.nodes) maxStrength = Math.max(maxStrength, n.strength);
    fresh.forEach((n: ApiNode, i) => {
      const angle = (2 * Math.PI * i) / Math.max(fresh.length, 1);
      const r = anchor ? 10 + fresh.length / 2 : 30;
      graph.addNode(n.key, { label: n.label, kind: n.kind, x: at.x + r * Math.cos(angle), y: at.y + r * Math.sin(angle), size: 4, color: kindColor(n.kind), strength: n.strength });
      added.push(n.key);
    });
    for (const e of piece.edges as ApiEdge[]) {
      if (graph.hasEdge(e.key) || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
      graph.addDirectedEdgeWithKey(e.key, e.source, e.target, {
        label: relationLabel(e.relation), relation: e.relation, weight: e.weight, size: Math.min(1 + Math.log2(e.weight), 5), color: relationColor(e.relation),
      });
    }
    graph.forEachNode((node, a) => graph.setNodeAttribute(node, "size", sizeOf(a.strength)));
    if (added.length && graph.order > 1) {
      forceAtlas2.assign(graph, { iterations: anchor ? 60 : 150, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 400 } });
    }
    return added;
  }

  // ---- The renderer: highlight the selection and its neighbours; everything else stays as drawn ----
  const container = byId("graph");
  const renderer = new Sigma(graph, container, {
    renderEdgeLabels: true,
    defaultEdgeType: "arrow",
    labelFont: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    labelDensity: 1,
    labelRenderedSizeThreshold: 4,
    edgeLabelSize: 11,
    stagePadding: 40,
    nodeReducer: (node, attrs) => {
      if (!selected || node === selected || graph.areNeighbors(node, selected)) return { ...attrs, highlighted: node === selected };
      return { ...attrs, color: "#e2e5ea", label: "" };
    },
    edgeReducer: (edge, attrs) => {
      if (!selected || graph.hasExtremity(edge, selected)) return attrs;
      return { ...attrs, color: "#eef0f3", label: "" };
    },
  });

  // ---- Sidebar: replaced by the explorer's controls ----
  const info = await infoP;
  const sidebar = document.querySelector<HTMLElement>(".sidebar")!;
  const stats = h("p", { class: "stats", attrs: { id: "stats" } });
  const showStats = () =>
    (stats.textContent = `Showing ${graph.order.toLocaleString("en")} of ${info.nodes.toLocaleString("en")} entities · ` +
      `${graph.size.toLocaleString("en")} of ${info.edges.toLocaleString("en")} relations · ${info.articles.toLocaleString("en")} articles`);
  const dateInput = (id: string, key: "since" | "until") => {
    const input = h("input", { attrs: { type: "date", id, ...(info.firstDate ? { min: info.firstDate } : {}), ...(info.lastDate ? { max: info.lastDate } : {}) } });
    input.addEventListener("change", () => {
      options[key] = input.value;
      void reload();
    });
    return input;
  };
  const numberSelect = (id: string, values: number[], key: "hops" | "limit") => {
    const select = h("select", { attrs: { id } }, values.map((v) => h("option", { text: String(v), attrs: { value: String(v) } })));
    select.value = String(options[key]);
    select.addEventListener("change", () => (options[key] = Number(select.value)));
    return select;
  };
  const checkList = (items: [string, string, string][], set: Set<string>, name: string) =>
    h("ul", { class: "filters" }, items.map(([value, label, color]) => {
      const box = h("input", { attrs: { type: "checkbox", name, value } });
      box.checked = true;
      box.addEventListener("change", () => {
        // An empty set means "all": only the unticked ones narrow the query.
        const boxes = [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)];
        set.clear();
        if (boxes.some((b) => !b.checked)) for (const b of boxes) if (b.checked) set.add(b.value);
      });
      const swatch = h("span", { class: "swatch" });
      swatch.style.setProperty("--c", color);
      return h("li", {}, [h("label", {}, [box, swatch, h("span", { class: "name", text: label })])]);
    }));
  sidebar.replaceChildren(
    stats,
    h("section", {}, [
      h("h2", { text: "Period" }),
      h("div", { class: "dates" }, [h("label", {}, ["From ", dateInput("date-from", "since")]), h("label", {}, ["To ", dateInput("date-to", "until")])]),
      h("p", { class: "note", text: info.firstDate ? `Articles from ${info.firstDate} to ${info.lastDate}` : "" }),
    ]),
    h("section", {}, [
      h("h2", { text: "Expand" }),
      h("div", { class: "dates" }, [h("label", {}, ["Hops ", numberSelect("hops", [1, 2], "hops")]), h("label", {}, ["Relations per hop ", numberSelect("limit", [10, 25, 50, 100], "limit")])]),
      h("p", { class: "note", text: "Double-click an entity, or use Expand in its panel, to add its strongest relations." }),
    ]),
    h("section", {}, [h("h2", { text: "Neighbour kinds" }), checkList(Object.keys(KIND_COLORS).map((k) => [k, (KIND_LABELS as Record<string, string>)[k] ?? k, kindColor(k)]), options.kinds, "kind")]),
    h("section", {}, [h("h2", { text: "Relations" }), checkList(RELATION_FAMILIES_LIST.flatMap(([, rs]) => rs.map((r): [string, string, string] => [r, relationLabel(r), relationColor(r)])), options.relations, "relation")]),
  );

  // ---- Expanding, selecting, the panel ----
  const panel = byId("panel");
  const body = byId("panel-body");
  let expansions = 0;
  async function expand(key: string): Promise<void> {
    const piece = await getJson<FocusGraph>(api, "neighbourhood", {
      key, hops: options.hops, limit: options.limit, ...window_(),
      relation: [...options.relations].join(","), kind: [...options.kinds].join(","),
    });
    add(piece, key);
    expansions++;
    showStats();
    renderer.refresh();
    window.newsgraph = { ...window.newsgraph, expansions };
  }

  function pagedList<T>(title: string, path: string, params: Record<string, string>, item: (row: T) => HTMLElement, cls: string): HTMLElement {
    const list = h("ul", { class: `paged ${cls}` });
    const count = h("span", { class: "count" });
    const more = h("button", { class: `more more-${cls}`, text: "Show more", attrs: { type: "button" } });
    let offset = 0;
    const load = async () => {
      more.disabled = true;
      const page = await getJson<Page<T>>(api, path, { ...params, offset, limit: PAGE });
      list.append(...page.items.map(item));
      offset += page.items.length;
      count.textContent = String(page.total);
      more.hidden = offset >= page.total;
      more.disabled = false;
      section.hidden = page.total === 0;
    };
    more.addEventListener("click", () => void load());
    const section = h("section", { class: "panel-section" }, [h("h3", {}, [title, count]), list, more]);
    void load();
    return section;
  }
  const label = (key: string) => (graph.hasNode(key) ? graph.getNodeAttribute(key, "label") : key.replace(/^[a-z]+:/, "").replace(/-/g, " "));
  const caption = (doc: string, date: string | null, rule?: string) =>
    h("div", { class: "caption" }, [h("span", { class: "article-title", text: date ? `${doc} · ${date}` : doc }), rule ? h("span", { class: "rule", text: rule }) : null]);
  const evidenceItem = (ev: EvidenceRow) =>
    h("li", { class: "evidence" }, [
      h("p", { class: "relation-line", text: `${label(ev.source)} ${relationLabel(ev.relation)} ${label(ev.target)}` }),
      h("p", { class: "sentence", text: ev.text }),
      caption(ev.document, ev.date, ev.rule),
    ]);
  const quoteItem = (q: QuoteRow) => h("li", {}, [h("blockquote", { text: q.text }), caption(q.document, q.date)]);

  async function select(key: string): Promise<void> {
    const node = await getJson<ApiNode>(api, "entity", { key });
    if (!graph.hasNode(key)) add({ nodes: [node], edges: [] }, null);
    selected = key;
    renderer.refresh();
    const badge = h("span", { class: "kind-badge" }, [h("span", { class: "dot" }), node.kind]);
    badge.style.setProperty("--c", kindColor(node.kind));
    const expandButton = h("button", { class: "expand", text: "Expand neighbourhood", attrs: { type: "button" } });
    expandButton.addEventListener("click", () => void expand(key));
    body.replaceChildren(
      h("header", { class: "panel-head" }, [
        badge,
        h("h2", { text: node.label, attrs: { id: "panel-title" } }),
        node.aliases.length > 1 ? h("p", { class: "aliases" }, ["Also: ", h("span", { text: node.aliases.filter((a) => a !== node.label).join(" · ") })]) : null,
        h("p", { class: "facts", text: `${node.mentions} mentions · ${node.strength} statements` }),
        expandButton,
      ]),
      pagedList<QuoteRow>("Quotations", "quotes", { key }, quoteItem, "quotes"),
      pagedList<EvidenceRow>("Evidence", "evidence", { key }, evidenceItem, "evidence"),
    );
    panel.hidden = false;
    panel.scrollTop = 0;
  }
  function selectEdge(edge: string): void {
    const a = graph.getEdgeAttributes(edge);
    body.replaceChildren(
      h("header", { class: "panel-head" }, [h("h2", { text: `${label(graph.source(edge))} ${a.label} ${label(graph.target(edge))}`, attrs: { id: "panel-title" } })]),
      pagedList<EvidenceRow>("Evidence", "edge-evidence", { edge }, evidenceItem, "evidence"),
    );
    panel.hidden = false;
  }
  const closePanel = () => {
    panel.hidden = true;
    selected = null;
    renderer.refresh();
  };
  byId("panel-close").addEventListener("click", closePanel);
  renderer.on("clickNode", ({ node }) => void select(node));
  renderer.on("doubleClickNode", ({ node, event }) => {
    event.preventSigmaDefault();
    void expand(node);
  });
  renderer.on("clickEdge", ({ edge }) => selectEdge(edge));
  renderer.on("clickStage", () => !panel.hidden && closePanel());
  renderer.on("enterNode", () => container.classList.add("pointer"));
  renderer.on("leaveNode", () => container.classList.remove("pointer"));

  // ---- Search: the database's text index, as the user types ----
  const input = byId<HTMLInputElement>("search");
  const results = byId<HTMLUListElement>("search-results");
  let hits: SearchHit[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let asked = 0;
  const choose = async (hit: SearchHit) => {
    input.value = hit.label;
    results.hidden = true;
    await select(hit.key);
    await expand(hit.key);
    const d = renderer.getNodeDisplayData(hit.key);
    if (d) void renderer.getCamera().animate({ x: d.x, y: d.y, ratio: 0.6 }, { duration: 300 });
  };
  input.addEventListener("input", () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = input.value.trim();
      const ticket = ++asked;
      hits = q ? await getJson<SearchHit[]>(api, "search", { q, limit: 10 }) : [];
      if (ticket !== asked) return; // an older answer arriving late
      results.replaceChildren(
        ...hits.map((hit) => {
          const dot = h("span", { class: "dot" });
          dot.style.setProperty("--c", kindColor(hit.kind));
          const li = h("li", { attrs: { role: "option", "data-node": hit.key } }, [
            dot, h("span", { class: "name", text: hit.label }), hit.alias ? h("span", { class: "alias", text: `“${hit.alias}”` }) : null, h("span", { class: "kind", text: hit.kind }),
          ]);
          li.addEventListener("mousedown", (ev) => {
            ev.preventDefault();
            void choose(hit);
          });
          return li;
        }),
      );
      if (!hits.length && q) results.replaceChildren(h("li", { class: "none", text: "No entity matches" }));
      results.hidden = !q;
    }, 120);
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && hits[0]) void choose(hits[0]);
    if (ev.key === "Escape") results.hidden = true;
  });
  input.addEventListener("blur", () => (results.hidden = true));

  // ---- Period, zoom, reset ----
  async function reload(): Promise<void> {
    const top = await getJson<FocusGraph>(api, "top", { limit: 60, ...window_() });
    graph.clear();
    maxStrength = 1;
    add(top, null);
    closePanel();
    showStats();
  }
  const camera = renderer.getCamera();
  byId("zoom-in").addEventListener("click", () => void camera.animatedZoom({ duration: 250 }));
  byId("zoom-out").addEventListener("click", () => void camera.animatedUnzoom({ duration: 250 }));
  byId("zoom-fit").addEventListener("click", () => void camera.animatedReset({ duration: 300 }));
  byId("reset").addEventListener("click", () => void reload());
  const exportPng = exportPngButton(byId("export-png"), renderer, container);

  add(await topP, null);
  showStats();
  renderer.refresh();
  mark("rendered");
  document.title = `newsgraph · ${config.title}`;
  document.body.dataset.ready = "true";
  window.newsgraph = {
    ready: true, mode: "api", firstRenderMs: performance.now(), readyMs: performance.now(), renderer, graph, expansions,
    select: (key: string) => select(key), expand: (key: string) => expand(key), exportPng,
  };
}
