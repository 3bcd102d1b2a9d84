// The exploration page: wires the graph, sigma, the sidebar, search, the side panel and the URL hash together.
// All display logic lives in plain modules (reducers, filters, search, details); this file only connects them.
import Sigma from "sigma";
import { EdgeArrowProgram, type EdgeProgramType } from "sigma/rendering";
import { EdgeCurvedArrowProgram } from "@sigma/edge-curve";
import type { GraphAttributes, GraphJson, NodeAttributes } from "../../src/types.js";
import "./style.css";
import { communityColor, kindColor } from "./colors.js";
import { detectCommunities, summarizeCommunities } from "./communities.js";
import { edgeDetails, nodeDetails } from "./details.js";
import { byId, h } from "./dom.js";
import { computeVisibility, countItems, type FilterState } from "./filters.js";
import { parseHash, serializeHash, type ViewState } from "./hash.js";
import { loadModel, previewGraph, type VizEdgeAttributes } from "./model.js";
import { renderEdgePanel, renderNodePanel } from "./panel.js";
import { focusItems, initialDisplayState, reduceEdge, reduceNode, withFocus, type ColorMode, type DisplayState } from "./reducers.js";
import { buildSearchIndex, search, type SearchHit } from "./search.js";
import { renderKindFilters, renderRelationFilters } from "./sidebar.js";
import { startExplorer, type ApiConfig } from "./explorer.js";
import { exportPngButton } from "./png.js";

declare global {
  interface Window {
    newsgraph?: Record<string, unknown>;
  }
}

/** Zoom level (camera ratio) below which edge labels are drawn. */
const EDGE_LABEL_RATIO = 0.45;

async function inflate(base64: string): Promise<unknown> {
  const binary = atob(base64.trim());
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return JSON.parse(await new Response(stream).text());
}

/**
 * The embedded graph: plain JSON, or for big graphs gzip+base64 in two parts (the graph without its edges, then the
 * edges), inflated with the built-in DecompressionStream. `edges` is null when they came with the graph.
 */
function readGraphData(): { head: Promise<GraphJson> | null; edges: (() => Promise<GraphJson["edges"]>) | null; edgeCount: number | null } {
  const el = document.getElementById("graph-data");
  const raw = el?.textContent?.trim() ?? "";
  if (!raw) return { head: null, edges: null, edgeCount: null };
  if (el?.getAttribute("type") !== "application/gzip") return { head: Promise.resolve(JSON.parse(raw) as GraphJson), edges: null, edgeCount: null };
  const edgesEl = document.getElementById("graph-edges");
  return {
    head: inflate(raw) as Promise<GraphJson>,
    // started only when asked (after the first frame), so it does not compete with the nodes for the main thread
    edges: edgesEl ? () => inflate(edgesEl.textContent ?? "") as Promise<GraphJson["edges"]> : null,
    edgeCount: edgesEl ? Number(edgesEl.dataset.count) : null,
  };
}

/** Resolves after the browser has painted the current frame. */
function nextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function showMessage(text: string): void {
  byId("graph").replaceChildren(h("div", { class: "message", text }));
}

/** Milliseconds since navigation start at each loading phase, for the render benchmark. */
const timings: Record<string, number> = {};
const mark = (phase: string) => (timings[phase] = Math.round(performance.now()));

async function start(): Promise<void> {
  mark("script");
  // Served by `newsgraph view --db` (or a graph too large to draw): the queried explorer, no embedded graph.
  const dataEl = document.getElementById("graph-data");
  if (dataEl?.getAttribute("type") === "application/x-newsgraph-api") {
    await startExplorer(JSON.parse(dataEl.textContent ?? "{}") as ApiConfig, mark);
    return;
  }
  const embedded = readGraphData();
  const data = embedded.head ? await embedded.head : null;
  mark("parsed");
  if (!data) {
    showMessage("This page has no graph data. Build one with `newsgraph build … --html out/graph.html`.");
    window.newsgraph = { ready: true, empty: true };
    return;
  }
  const edgeCount = embedded.edgeCount ?? data.edges.length;
  const big = data.nodes.length > 5_000 || edgeCount > 15_000;
  const small = data.nodes.length <= 300;
  // First frame from the nodes alone; the edges (most of the import time) follow right after it is painted.
  let graph = previewGraph(data);

  let filters: FilterState = { hiddenKinds: new Set(), hiddenRelations: new Set(), minWeight: 1, dateFrom: null, dateTo: null };
  let display: DisplayState = { ...initialDisplayState(), edgeLabels: !big, fadeOthers: !big, edgeScale: big ? 0.35 : 1 };
  let communities: Map<string, number> | null = null;

  const container = byId("graph");
  // The programs are typed for untyped attributes; they read only display data, so the cast is sound.
  const edgeProgramClasses = { arrow: EdgeArrowProgram, curvedArrow: EdgeCurvedArrowProgram } as unknown as Record<
    string,
    EdgeProgramType<NodeAttributes, VizEdgeAttributes, GraphAttributes>
  >;
  const renderer = new Sigma<NodeAttributes, VizEdgeAttributes, GraphAttributes>(graph, container, {
    renderEdgeLabels: true,
    enableEdgeEvents: edgeCount <= 20_000,
    defaultEdgeType: "arrow",
    edgeProgramClasses,
    labelFont: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    labelColor: { color: "#1f2937" },
    edgeLabelFont: "Inter, 'Segoe UI', system-ui, -apple-system, sans-serif",
    edgeLabelSize: 11,
    edgeLabelWeight: "500",
    edgeLabelColor: { attribute: "color" },
    // Small graphs (the usual news set) label every node; big ones only the larger nodes, thinned by a grid.
    labelDensity: big ? 0.3 : small ? 4 : 0.8,
    labelGridCellSize: small ? 50 : 90,
    labelRenderedSizeThreshold: big ? 11 : small ? 0 : 5,
    zIndex: !big,
    hideEdgesOnMove: big,
    hideLabelsOnMove: big,
    minCameraRatio: 0.01,
    maxCameraRatio: 12,
    stagePadding: 40,
    nodeReducer: (node, attrs) => reduceNode(node, attrs, display),
    edgeReducer: (edge, attrs) => reduceEdge(edge, attrs, display, graph),
  });
  const firstRenderMs = performance.now();
  mark("rendered");
  await nextPaint();
  if (embedded.edges) data.edges = await embedded.edges();
  mark("edges parsed");
  const model = loadModel(data);
  mark("imported");
  graph = model.graph;
  const { articles } = model;
  display = { ...display, parallel: model.parallel };
  renderer.setGraph(graph);
  mark("complete");
  const counts = countItems(graph);

  const refresh = () => renderer.refresh({ skipIndexation: true });
  const setDisplay = (patch: Partial<DisplayState>) => {
    const before = display;
    display = withFocus(graph, { ...display, ...patch });
    const global = display.colorMode !== before.colorMode || display.zoomedIn !== before.zoomedIn || display.fadeOthers;
    if (global) {
      refresh();
      return;
    }
    // Big graphs: repaint only what hover and selection touch, before and after.
    const a = focusItems(graph, before);
    const b = focusItems(graph, display);
    renderer.refresh({
      partialGraph: { nodes: [...new Set([...a.nodes, ...b.nodes])], edges: [...new Set([...a.edges, ...b.edges])] },
      skipIndexation: true,
    });
  };

  // ---- Filters ----
  const applyFilters = (next: FilterState) => {
    filters = next;
    const v = computeVisibility(graph, filters, articles);
    const unchanged = v.hiddenNodes.size + v.hiddenEdges.size + display.hiddenNodes.size + display.hiddenEdges.size === 0;
    display = withFocus(graph, { ...display, hiddenNodes: v.hiddenNodes, hiddenEdges: v.hiddenEdges });
    byId("stats").textContent =
      `${(graph.order - v.hiddenNodes.size).toLocaleString("en")} of ${graph.order.toLocaleString("en")} entities · ` +
      `${(graph.size - v.hiddenEdges.size).toLocaleString("en")} of ${graph.size.toLocaleString("en")} relations · ` +
      `${articles.size.toLocaleString("en")} articles`;
    if (!unchanged) refresh();
    scheduleHash();
  };
  const handlers = {
    toggleKind(kind: string, visible: boolean) {
      const hiddenKinds = new Set(filters.hiddenKinds);
      if (visible) hiddenKinds.delete(kind);
      else hiddenKinds.add(kind);
      applyFilters({ ...filters, hiddenKinds });
    },
    toggleRelations(relations: readonly string[], visible: boolean) {
      const hiddenRelations = new Set(filters.hiddenRelations);
      for (const r of relations) {
        if (visible) hiddenRelations.delete(r);
        else hiddenRelations.add(r);
      }
      applyFilters({ ...filters, hiddenRelations });
      renderRelationFilters(byId("relation-filters"), counts, filters, handlers);
    },
  };
  const renderSidebar = () => {
    renderKindFilters(byId("kind-filters"), counts, filters, handlers);
    renderRelationFilters(byId("relation-filters"), counts, filters, handlers);
    const weight = byId<HTMLInputElement>("min-weight");
    weight.max = String(counts.maxWeight);
    weight.value = String(filters.minWeight);
    weight.disabled = counts.maxWeight <= 1;
    byId("min-weight-value").textContent = String(filters.minWeight);
    const from = byId<HTMLInputElement>("date-from");
    const to = byId<HTMLInputElement>("date-to");
    from.value = filters.dateFrom ?? "";
    to.value = filters.dateTo ?? "";
    for (const b of document.querySelectorAll<HTMLButtonElement>("[data-color]")) b.classList.toggle("active", b.dataset.color === display.colorMode);
    byId("kind-section").classList.toggle("muted-legend", display.colorMode === "community");
  };

  const weight = byId<HTMLInputElement>("min-weight");
  weight.addEventListener("input", () => {
    byId("min-weight-value").textContent = weight.value;
    applyFilters({ ...filters, minWeight: Number(weight.value) });
  });
  if (model.dates.length) {
    byId("date-section").hidden = false;
    const from = byId<HTMLInputElement>("date-from");
    const to = byId<HTMLInputElement>("date-to");
    for (const input of [from, to]) {
      input.min = model.dates[0] ?? "";
      input.max = model.dates[model.dates.length - 1] ?? "";
    }
    byId("date-extent").textContent = `${model.dates.length} dates, ${dateExtent(model.dates)}`;
    const onDate = () => applyFilters({ ...filters, dateFrom: from.value || null, dateTo: to.value || null });
    from.addEventListener("change", onDate);
    to.addEventListener("change", onDate);
  }

  // ---- Colour mode ----
  const setColorMode = (mode: ColorMode) => {
    if (mode === "community" && !communities) communities = detectCommunities(graph);
    const n = communities ? new Set(communities.values()).size : 0;
    byId("color-note").textContent = mode === "community" ? `${n.toLocaleString("en")} communities (Louvain)` : "";
    const legend = byId("community-legend");
    legend.hidden = mode !== "community" || !communities;
    if (mode === "community" && communities) {
      legend.replaceChildren(
        ...summarizeCommunities(graph, communities).map((c) => {
          const swatch = h("span", { class: "swatch" });
          swatch.style.setProperty("--c", communityColor(c.community));
          return h("li", {}, [h("span", { class: "legend-row" }, [swatch, h("span", { class: "name", text: c.label }), h("span", { class: "count", text: c.size.toLocaleString("en") })])]);
        }),
      );
    }
    setDisplay({ colorMode: mode, communities });
    renderSidebar();
    scheduleHash();
  };
  for (const b of document.querySelectorAll<HTMLButtonElement>("[data-color]")) {
    b.addEventListener("click", () => setColorMode(b.dataset.color === "community" ? "community" : "kind"));
  }

  // ---- Selection and panel ----
  const panel = byId("panel");
  const panelBody = byId("panel-body");
  const moveTo = (node: string) => {
    const d = renderer.getNodeDisplayData(node);
    if (!d) return;
    const camera = renderer.getCamera();
    const ratio = Math.min(camera.getState().ratio, big ? 0.2 : 0.6);
    // Centre the node in the part of the stage the panel leaves visible: shift the camera right by half the
    // panel's width, converted from pixels to framed-graph units at the target zoom.
    const covered = panel.hidden ? 0 : panel.getBoundingClientRect().width;
    const { width } = renderer.getDimensions();
    const a = renderer.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState: { ...camera.getState(), ratio } });
    const b = renderer.viewportToFramedGraph({ x: covered / 2, y: 0 }, { cameraState: { ...camera.getState(), ratio } });
    const dx = width > covered ? b.x - a.x : 0;
    // Big graphs jump: every animation frame would redraw tens of thousands of edges.
    if (big) camera.setState({ x: d.x + dx, y: d.y, ratio });
    else void camera.animate({ x: d.x + dx, y: d.y, ratio }, { duration: 450 });
  };
  const actions = {
    selectNode: (node: string) => selectNode(node, true),
    selectEdge: (edge: string) => selectEdge(edge),
  };
  function selectNode(node: string, move: boolean): void {
    if (!graph.hasNode(node)) return;
    renderNodePanel(panelBody, nodeDetails(graph, node, articles), actions);
    panel.hidden = false;
    panel.scrollTop = 0;
    setDisplay({ selectedNode: node, selectedEdge: null });
    if (move) moveTo(node);
    scheduleHash();
  }
  function selectEdge(edge: string): void {
    if (!graph.hasEdge(edge)) return;
    renderEdgePanel(panelBody, edgeDetails(graph, edge, articles), actions);
    panel.hidden = false;
    panel.scrollTop = 0;
    setDisplay({ selectedNode: null, selectedEdge: edge });
    scheduleHash();
  }
  function closePanel(): void {
    panel.hidden = true;
    setDisplay({ selectedNode: null, selectedEdge: null });
    scheduleHash();
  }
  byId("panel-close").addEventListener("click", closePanel);

  renderer.on("enterNode", ({ node }) => {
    container.classList.add("pointer");
    setDisplay({ hoveredNode: node });
  });
  renderer.on("leaveNode", () => {
    container.classList.remove("pointer");
    setDisplay({ hoveredNode: null });
  });
  renderer.on("enterEdge", ({ edge }) => {
    container.classList.add("pointer");
    setDisplay({ hoveredEdge: edge });
  });
  renderer.on("leaveEdge", () => {
    container.classList.remove("pointer");
    setDisplay({ hoveredEdge: null });
  });
  renderer.on("clickNode", ({ node }) => selectNode(node, false));
  renderer.on("clickEdge", ({ edge }) => selectEdge(edge));
  renderer.on("clickStage", () => {
    if (!panel.hidden) closePanel();
  });

  // ---- Camera: edge labels when zoomed in; state in the hash ----
  const camera = renderer.getCamera();
  camera.on("updated", (state) => {
    // Only matters where edge labels can show; a full repaint for nothing is seconds on software WebGL.
    const zoomedIn = state.ratio < EDGE_LABEL_RATIO;
    if (display.edgeLabels && zoomedIn !== display.zoomedIn) setDisplay({ zoomedIn });
    scheduleHash();
  });
  byId("zoom-in").addEventListener("click", () => void camera.animatedZoom({ duration: 250 }));
  byId("zoom-out").addEventListener("click", () => void camera.animatedUnzoom({ duration: 250 }));
  byId("zoom-fit").addEventListener("click", () => void camera.animatedReset({ duration: 300 }));

  // ---- Search ----
  const index = buildSearchIndex(graph.mapNodes((key, a) => ({ key, label: a.label, kind: a.kind, aliases: a.aliases, mentions: a.mentions })));
  const input = byId<HTMLInputElement>("search");
  const results = byId<HTMLUListElement>("search-results");
  let hits: SearchHit[] = [];
  let active = 0;
  const closeResults = () => {
    results.hidden = true;
    input.setAttribute("aria-expanded", "false");
  };
  const renderResults = () => {
    results.replaceChildren(
      ...hits.map((hit, i) => {
        const dot = h("span", { class: "dot" });
        dot.style.setProperty("--c", kindColor(hit.kind));
        const li = h("li", { attrs: { role: "option", "aria-selected": String(i === active), "data-node": hit.node } }, [
          dot,
          h("span", { class: "name", text: hit.label }),
          hit.alias ? h("span", { class: "alias", text: `“${hit.alias}”` }) : null,
          h("span", { class: "kind", text: hit.kind }),
        ]);
        li.classList.toggle("hidden-node", display.hiddenNodes.has(hit.node));
        li.addEventListener("mousedown", (ev) => {
          ev.preventDefault();
          choose(i);
        });
        return li;
      }),
    );
    if (!hits.length && input.value.trim()) results.replaceChildren(h("li", { class: "none", text: "No entity matches" }));
    results.hidden = !input.value.trim();
    input.setAttribute("aria-expanded", String(!results.hidden));
  };
  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    input.value = hit.label;
    closeResults();
    input.blur();
    selectNode(hit.node, true);
  };
  input.addEventListener("input", () => {
    hits = search(index, input.value, 8);
    active = 0;
    renderResults();
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
      ev.preventDefault();
      if (!hits.length) return;
      active = (active + (ev.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      renderResults();
    } else if (ev.key === "Enter") {
      ev.preventDefault();
      choose(active);
    } else if (ev.key === "Escape") {
      ev.stopPropagation();
      if (!results.hidden) closeResults();
      else input.blur();
    }
  });
  input.addEventListener("blur", () => closeResults());
  input.addEventListener("focus", () => {
    if (input.value.trim()) {
      hits = search(index, input.value, 8);
      renderResults();
    }
  });

  // ---- Keyboard ----
  document.addEventListener("keydown", (ev) => {
    const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement;
    if (ev.key === "/" && !typing) {
      ev.preventDefault();
      input.focus();
      input.select();
    } else if (ev.key === "Escape" && !typing) {
      if (!panel.hidden) closePanel();
    }
  });

  // ---- Reset and export ----
  byId("reset").addEventListener("click", () => {
    input.value = "";
    closeResults();
    panel.hidden = true;
    display = { ...display, selectedNode: null, selectedEdge: null, hoveredNode: null, hoveredEdge: null };
    applyFilters({ hiddenKinds: new Set(), hiddenRelations: new Set(), minWeight: 1, dateFrom: null, dateTo: null });
    setColorMode("kind");
    void camera.animatedReset({ duration: 300 });
  });
  const exportPng = exportPngButton(byId("export-png"), renderer, container);

  // ---- URL hash ----
  let hashTimer: ReturnType<typeof setTimeout> | null = null;
  let applyingHash = false;
  function currentView(): ViewState {
    const c = camera.getState();
    const moved = Math.abs(c.x - 0.5) > 1e-4 || Math.abs(c.y - 0.5) > 1e-4 || Math.abs(c.ratio - 1) > 1e-4;
    return {
      node: display.selectedNode,
      edge: display.selectedEdge,
      hiddenKinds: [...filters.hiddenKinds],
      hiddenRelations: [...filters.hiddenRelations],
      minWeight: filters.minWeight,
      dateFrom: filters.dateFrom,
      dateTo: filters.dateTo,
      colorMode: display.colorMode,
      camera: moved ? { x: c.x, y: c.y, ratio: c.ratio } : null,
    };
  }
  function scheduleHash(): void {
    if (applyingHash) return;
    if (hashTimer) clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      hashTimer = null;
      const hash = serializeHash(currentView());
      if (hash !== location.hash && !(hash === "" && location.hash === "")) {
        history.replaceState(null, "", hash || location.pathname + location.search);
      }
    }, 250);
  }
  function applyView(v: ViewState): void {
    applyingHash = true;
    try {
      applyFilters({
        hiddenKinds: new Set(v.hiddenKinds),
        hiddenRelations: new Set(v.hiddenRelations),
        minWeight: v.minWeight,
        dateFrom: v.dateFrom,
        dateTo: v.dateTo,
      });
      if (v.colorMode !== display.colorMode) setColorMode(v.colorMode);
      if (v.node && graph.hasNode(v.node)) selectNode(v.node, !v.camera);
      else if (v.edge && graph.hasEdge(v.edge)) selectEdge(v.edge);
      else if (!panel.hidden) closePanel();
      if (v.camera) camera.setState(v.camera);
      renderSidebar();
    } finally {
      applyingHash = false;
    }
  }
  window.addEventListener("hashchange", () => applyView(parseHash(location.hash)));

  document.title = `newsgraph · ${graph.order.toLocaleString("en")} entities, ${graph.size.toLocaleString("en")} relations`;
  renderSidebar();
  applyView(parseHash(location.hash));
  document.body.dataset.ready = "true";
  window.newsgraph = {
    ready: true,
    firstRenderMs,
    readyMs: performance.now(),
    timings,
    order: graph.order,
    size: graph.size,
    renderer,
    graph,
    exportPng,
    display: () => display,
    selectNode: (node: string) => selectNode(node, true),
  };
}

function dateExtent(dates: readonly string[]): string {
  return dates.length > 1 ? `${dates[0]} to ${dates[dates.length - 1]}` : (dates[0] ?? "");
}

start().catch((err: unknown) => {
  showMessage(`newsgraph page: ${err instanceof Error ? err.message : String(err)}`);
  window.newsgraph = { ready: true, error: String(err) };
  throw err;
});
