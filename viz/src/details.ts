// What the side panel shows for a node or an edge, as plain data (the DOM code only lays it out).
import type { ArticleMeta, EdgeAttributes, Evidence, NodeAttributes } from "../../src/types.js";
import { relationFamily, relationLabel } from "./colors.js";
import { highlightSegments, type Segment } from "./highlight.js";

export interface DetailsGraph {
  getNodeAttributes(node: string): NodeAttributes;
  hasNode(node: string): boolean;
  forEachOutEdge(node: string, cb: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
  forEachInEdge(node: string, cb: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
  getEdgeAttributes(edge: string): EdgeAttributes;
  extremities(edge: string): [string, string];
}

export interface EvidenceView {
  segments: Segment[];
  quote: string | null;
  rule: string;
  document: string;
  article: ArticleMeta | null;
}

export interface RelationItem {
  edge: string;
  other: string;
  otherLabel: string;
  weight: number;
  evidence: EvidenceView[];
}

export interface RelationGroup {
  relation: string;
  family: string;
  direction: "out" | "in";
  /** "urged →" for statements the entity made, "← urged by" for statements about it. */
  title: string;
  items: RelationItem[];
}

export interface NodeDetails {
  node: string;
  label: string;
  kind: string;
  aliases: string[];
  /** Title or role written before the name ("lord"), when the graph records one. */
  title: string | null;
  /** Why cross-article resolution joined differently named entities into this node. */
  merged: string[];
  mentions: number;
  articles: ArticleMeta[];
  quotes: { text: string; article: ArticleMeta | null }[];
  relations: RelationGroup[];
}

export interface EdgeDetails {
  edge: string;
  relation: string;
  family: string;
  source: string;
  sourceLabel: string;
  target: string;
  targetLabel: string;
  weight: number;
  cameo: string | null;
  evidence: EvidenceView[];
}

function namesOf(a: NodeAttributes): string[] {
  return [a.label, ...(a.aliases ?? [])];
}

function articleOf(articles: ReadonlyMap<string, ArticleMeta>, id: string): ArticleMeta | null {
  return articles.get(id) ?? null;
}

/** Newest article first; undated last. */
function byDateDesc(a: EvidenceView, b: EvidenceView): number {
  return (b.article?.date ?? "").localeCompare(a.article?.date ?? "");
}

export function evidenceView(ev: Evidence, self: NodeAttributes, other: NodeAttributes | null, articles: ReadonlyMap<string, ArticleMeta>): EvidenceView {
  const groups = [{ tag: "self", names: namesOf(self) }];
  if (other) groups.push({ tag: "other", names: namesOf(other) });
  return {
    segments: highlightSegments(ev.text ?? "", groups),
    quote: ev.quote ?? null,
    rule: ev.rule ?? "",
    document: ev.document,
    article: articleOf(articles, ev.document),
  };
}

export function nodeDetails(graph: DetailsGraph, node: string, articles: ReadonlyMap<string, ArticleMeta>): NodeDetails {
  const a = graph.getNodeAttributes(node);
  const groups = new Map<string, RelationGroup>();
  const visit = (direction: "out" | "in") => (edge: string, e: EdgeAttributes, source: string, target: string) => {
    const other = direction === "out" ? target : source;
    const key = `${direction}:${e.relation}`;
    let group = groups.get(key);
    if (!group) {
      const label = relationLabel(e.relation);
      group = {
        relation: e.relation,
        family: relationFamily(e.relation) ?? "other",
        direction,
        title: direction === "out" ? `${label} →` : `← ${label} (by)`,
        items: [],
      };
      groups.set(key, group);
    }
    const o = graph.getNodeAttributes(other);
    group.items.push({
      edge,
      other,
      otherLabel: o.label,
      weight: e.weight,
      evidence: e.evidence.map((ev) => evidenceView(ev, a, o, articles)).sort(byDateDesc),
    });
  };
  graph.forEachOutEdge(node, visit("out"));
  graph.forEachInEdge(node, visit("in"));
  const relations = [...groups.values()].sort(
    (x, y) => (x.direction === y.direction ? 0 : x.direction === "out" ? -1 : 1) || sum(y) - sum(x) || x.relation.localeCompare(y.relation),
  );
  for (const g of relations) g.items.sort((x, y) => y.weight - x.weight || x.otherLabel.localeCompare(y.otherLabel));
  return {
    node,
    label: a.label,
    kind: a.kind,
    aliases: [...new Set(a.aliases ?? [])].filter((x) => x !== a.label),
    title: typeof a.title === "string" ? a.title : null,
    merged: Array.isArray(a.merged) ? a.merged.filter((r): r is string => typeof r === "string") : [],
    mentions: a.mentions ?? 0,
    articles: (a.documents ?? []).map((d) => articles.get(d) ?? { id: d, title: null, date: null, source: "" }),
    quotes: (a.quotes ?? []).map((q) => ({ text: q.text, article: articleOf(articles, q.document) })),
    relations,
  };
}

function sum(g: RelationGroup): number {
  return g.items.reduce((n, i) => n + i.weight, 0);
}

export function edgeDetails(graph: DetailsGraph, edge: string, articles: ReadonlyMap<string, ArticleMeta>): EdgeDetails {
  const e = graph.getEdgeAttributes(edge);
  const [source, target] = graph.extremities(edge);
  const s = graph.getNodeAttributes(source);
  const t = graph.getNodeAttributes(target);
  return {
    edge,
    relation: e.relation,
    family: relationFamily(e.relation) ?? "other",
    source,
    sourceLabel: s.label,
    target,
    targetLabel: t.label,
    weight: e.weight,
    cameo: e.cameo ?? null,
    evidence: e.evidence.map((ev) => evidenceView(ev, s, t, articles)).sort(byDateDesc),
  };
}

/** "Pakistan asks US … · 27 Jun 2024" (or the id when the article has no title). */
export function articleCaption(article: ArticleMeta | null, fallbackId: string): string {
  const title = article?.title || article?.id || fallbackId;
  return article?.date ? `${title} · ${formatDate(article.date)}` : title;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function formatDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return date;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
