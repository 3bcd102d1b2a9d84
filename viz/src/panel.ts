// The side panel: a node's label, kind, aliases, quotations, relations with evidence; or one edge's evidence.
import type { Segment } from "./highlight.js";
import { FAMILY_COLORS, kindColor, relationColor, relationLabel } from "./colors.js";
import { articleCaption, formatDate, type EdgeDetails, type EvidenceView, type NodeDetails } from "./details.js";
import { h, sourceLink } from "./dom.js";

/** Quotations shown before "Show more": long lists would push the relations out of sight. */
const QUOTES_SHOWN = 3;

export interface PanelActions {
  selectNode(node: string): void;
  selectEdge(edge: string): void;
}

function segmentsEl(segments: readonly Segment[]): HTMLElement {
  const p = h("p", { class: "sentence" });
  for (const s of segments) p.append(s.tag ? h("mark", { class: `m-${s.tag}`, text: s.text }) : document.createTextNode(s.text));
  return p;
}

function evidenceEl(ev: EvidenceView): HTMLElement {
  return h("li", { class: "evidence" }, [
    segmentsEl(ev.segments),
    h("div", { class: "caption" }, [
      h("span", { class: "article-title", text: articleCaption(ev.article, ev.document) }),
      ev.rule ? h("span", { class: "rule", text: ev.rule, title: "extraction rule" }) : null,
    ]),
  ]);
}

function kindBadge(kind: string): HTMLElement {
  const badge = h("span", { class: "kind-badge" }, [h("span", { class: "dot" }), kind]);
  badge.style.setProperty("--c", kindColor(kind));
  return badge;
}

function section(title: string, count: number | null, children: (HTMLElement | null)[]): HTMLElement {
  return h("section", { class: "panel-section" }, [
    h("h3", {}, [title, count === null ? null : h("span", { class: "count", text: String(count) })]),
    ...children,
  ]);
}

export function renderNodePanel(body: HTMLElement, d: NodeDetails, actions: PanelActions): void {
  const head = h("header", { class: "panel-head" }, [
    kindBadge(d.kind),
    h("h2", { text: d.label, attrs: { id: "panel-title" } }),
    d.aliases.length ? h("p", { class: "aliases" }, ["Also: ", h("span", { text: d.aliases.join(" · ") })]) : null,
    d.title ? h("p", { class: "title" }, ["Title: ", h("span", { text: d.title })]) : null,
    h("p", { class: "facts" }, [
      `${d.mentions} mention${d.mentions === 1 ? "" : "s"} · ${d.articles.length} article${d.articles.length === 1 ? "" : "s"} · `,
      `${d.relations.reduce((n, g) => n + g.items.length, 0)} relations`,
    ]),
  ]);
  const parts: HTMLElement[] = [head];
  if (d.merged.length) {
    parts.push(section("Merged", d.merged.length, [h("ul", { class: "merged" }, d.merged.map((r) => h("li", { text: r })))]));
  }
  if (d.quotes.length) {
    const quoteEl = (q: NodeDetails["quotes"][number]) =>
      h("li", {}, [
        h("blockquote", { text: q.text }),
        h("div", { class: "caption" }, [h("span", { class: "article-title", text: articleCaption(q.article, "") })]),
      ]);
    const list = h("ul", { class: "quotes" }, d.quotes.slice(0, QUOTES_SHOWN).map(quoteEl));
    let more: HTMLElement | null = null;
    if (d.quotes.length > QUOTES_SHOWN) {
      more = h("button", { class: "more", text: `Show ${d.quotes.length - QUOTES_SHOWN} more quotations` });
      more.addEventListener("click", () => {
        list.append(...d.quotes.slice(QUOTES_SHOWN).map(quoteEl));
        more?.remove();
      });
    }
    parts.push(section("Quotations", d.quotes.length, [list, more]));
  }
  if (d.relations.length) {
    const groups = d.relations.map((g) => {
      const title = h("h4", { class: "relation-title" }, [h("span", { class: "line" }), g.title, h("span", { class: "count", text: String(g.items.length) })]);
      title.style.setProperty("--c", relationColor(g.relation));
      return h("div", { class: "relation-group", attrs: { "data-relation": g.relation, "data-direction": g.direction } }, [
        title,
        h("ul", { class: "relation-items" }, g.items.map((item) => {
          const other = h("button", { class: "link", text: item.otherLabel, title: `Show ${item.otherLabel}` });
          other.addEventListener("click", () => actions.selectNode(item.other));
          const edgeBtn = h("button", { class: "weight", text: `×${item.weight}`, title: "Show this relation's evidence" });
          edgeBtn.addEventListener("click", () => actions.selectEdge(item.edge));
          return h("li", {}, [
            h("div", { class: "relation-head" }, [other, edgeBtn]),
            h("ul", { class: "evidence-list" }, item.evidence.map(evidenceEl)),
          ]);
        })),
      ]);
    });
    parts.push(section("Relations", null, groups));
  }
  if (d.articles.length) {
    parts.push(
      section("Articles", d.articles.length, [
        h("ul", { class: "articles" }, d.articles.map((a) =>
          h("li", {}, [
            h("span", { class: "article-title", text: a.title || a.id }),
            h("span", { class: "caption" }, [a.date ? formatDate(a.date) + " · " : "", sourceLink(a.source)]),
          ]),
        )),
      ]),
    );
  }
  body.replaceChildren(...parts);
}

export function renderEdgePanel(body: HTMLElement, d: EdgeDetails, actions: PanelActions): void {
  const src = h("button", { class: "link", text: d.sourceLabel });
  src.addEventListener("click", () => actions.selectNode(d.source));
  const tgt = h("button", { class: "link", text: d.targetLabel });
  tgt.addEventListener("click", () => actions.selectNode(d.target));
  const rel = h("span", { class: "relation-pill", text: relationLabel(d.relation) });
  rel.style.setProperty("--c", relationColor(d.relation));
  const family = h("span", { class: "kind-badge" }, [h("span", { class: "dot" }), d.family]);
  family.style.setProperty("--c", (FAMILY_COLORS as Record<string, string>)[d.family] ?? "#999");
  body.replaceChildren(
    h("header", { class: "panel-head" }, [
      family,
      h("h2", { class: "edge-title", attrs: { id: "panel-title" } }, [src, rel, tgt]),
      h("p", { class: "facts", text: `${d.weight} statement${d.weight === 1 ? "" : "s"}${d.cameo ? ` · CAMEO ${d.cameo}` : ""}` }),
    ]),
    section("Evidence", d.evidence.length, [h("ul", { class: "evidence-list" }, d.evidence.map(evidenceEl))]),
  );
}
