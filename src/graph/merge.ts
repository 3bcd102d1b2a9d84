// Cross-article resolution: the same entity named in several articles becomes one node. People and organizations
// merge on their full name, events and exercises on a spelling skeleton (transliterations vary), countries on
// their common name. A bare surname never merges across articles, so two different Khans stay apart.
import { MultiDirectedGraph } from "graphology";
import type { ArticleExtraction, DocEntity, EdgeAttributes, EntityKind, Evidence, GraphAttributes, NodeAttributes, QuoteAttribute } from "../types.js";
import { SYMMETRIC_RELATIONS } from "../types.js";
import { plainKey, skeletonKey, slug } from "../resolve/keys.js";
import { corpusJoins } from "../corpus/resolve.js";

export type NewsGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export const GENERATOR = "newsgraph";
export const VERSION = "0.1.0";

const SPELLING_KINDS = new Set<EntityKind>(["event", "exercise"]);

function mergeKeys(e: DocEntity): string[] {
  const forms = SPELLING_KINDS.has(e.kind) ? e.aliases : [e.name];
  const keys = forms.map((f) => (SPELLING_KINDS.has(e.kind) ? skeletonKey(f) : plainKey(f))).filter((k) => k.length > 0);
  return [...new Set(keys)].map((k) => `${e.kind}|${k}`);
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) { p = this.find(p); this.parent.set(x, p); }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

interface Group {
  kind: EntityKind;
  names: Map<string, number>;
  aliases: Set<string>;
  mentions: number;
  documents: Set<string>;
  quotes: QuoteAttribute[];
  titles: Map<string, number>;
}

/** Reasons kept per node: enough to explain it, not a log of every article. */
const MAX_REASONS = 12;

function labelOf(g: Group): string {
  let best = "";
  let bestScore = -Infinity;
  for (const [name, count] of [...g.names].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const words = name.split(/\s+/).length;
    // a person joined by surname is shown by the full name, however often the surname alone was written
    const full = g.kind === "person" && words > 1 ? 1e5 : 0;
    const score = (name.startsWith("@") ? -1e6 : 0) + (/^(operation|exercise)\s/i.test(name) ? 1e4 : 0) + full + count * 100 + Math.min(words, 4);
    if (score > bestScore) { best = name; bestScore = score; }
  }
  return best;
}

function compareEvidence(a: Evidence, b: Evidence): number {
  return a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start || a.end - b.end;
}

export interface MergeOptions {
  /** Run cross-article resolution (src/corpus); off, only equal names merge (for measuring what it adds). */
  corpus?: boolean;
}

/** A merged graph and where each article entity went: `"<article id>|<entity id>"` -> node key. */
export interface MergeResult {
  graph: NewsGraph;
  nodeOf: Map<string, string>;
}

/** Merges per-article extractions into one graph. The result does not depend on the order of `extractions`. */
export function mergeExtractions(extractions: readonly ArticleExtraction[], options: MergeOptions = {}): NewsGraph {
  return mergeWithMap(extractions, options).graph;
}

/** As mergeExtractions, also returning the node each article entity became (for scoring merges). */
export function mergeWithMap(extractions: readonly ArticleExtraction[], options: MergeOptions = {}): MergeResult {
  const sorted = [...extractions].sort((a, b) => (a.article.id < b.article.id ? -1 : a.article.id > b.article.id ? 1 : 0));
  const { uf, keysOf, reasons } = joinEntities(sorted, options);
  const { groups, groupOf } = collectGroups(sorted, uf, keysOf);
  const graph: NewsGraph = new MultiDirectedGraph({ allowSelfLoops: false });
  graph.replaceAttributes({ generator: GENERATOR, version: VERSION, articles: sorted.map((x) => ({ ...x.article })) });
  const nodeOf = addNodes(graph, groups, reasonsByRoot(reasons, uf));
  addEdges(graph, sorted, groupOf, nodeOf);
  const entityNode = new Map<string, string>();
  for (const [k, root] of groupOf) entityNode.set(k, nodeOf.get(root) ?? "");
  return { graph, nodeOf: entityNode };
}

/** Which merge keys name one entity: equal names (an entity's own keys), then cross-article resolution's joins. */
interface Joins {
  uf: UnionFind;
  /** Each entity's merge keys, by article then entity index; the first is the one its group is found by. */
  keysOf: string[][][];
  /** Merge key -> why cross-article resolution joined it to another group. */
  reasons: Map<string, Set<string>>;
}

function joinEntities(sorted: readonly ArticleExtraction[], options: MergeOptions): Joins {
  const uf = new UnionFind();
  // Each entity's merge keys, computed once (normalising names is most of the merge's own cost).
  const keysOf = sorted.map((x) => x.entities.map((e) => {
    const keys = mergeKeys(e);
    for (let i = 1; i < keys.length; i++) uf.union(keys[0] as string, keys[i] as string);
    return keys;
  }));
  // Cross-article resolution (src/corpus): joins beyond equal names, each with its reason.
  const reasons = new Map<string, Set<string>>();
  const joins = options.corpus === false ? [] : corpusJoins(sorted, (xi, ei) => keysOf[xi]?.[ei]?.[0] ?? "");
  for (const j of joins) {
    if (!j.a || !j.b || uf.find(j.a) === uf.find(j.b)) continue;
    uf.union(j.a, j.b);
    (reasons.get(j.a) ?? reasons.set(j.a, new Set()).get(j.a))!.add(j.reason);
  }
  return { uf, keysOf, reasons };
}

/**
 * One group per union-find root, holding everything its entities and their quotations bring; `groupOf` maps
 * `"<article id>|<entity id>"` to the root (quotations and relations are found through it).
 */
function collectGroups(sorted: readonly ArticleExtraction[], uf: UnionFind, keysOf: string[][][]): { groups: Map<string, Group>; groupOf: Map<string, string> } {
  const groups = new Map<string, Group>();
  const groupOf = new Map<string, string>();
  for (const [xi, x] of sorted.entries()) {
    for (const [ei, e] of x.entities.entries()) {
      const root = uf.find(keysOf[xi]?.[ei]?.[0] ?? `${e.kind}|${x.article.id}|${e.id}`);
      groupOf.set(`${x.article.id}|${e.id}`, root);
      let g = groups.get(root);
      if (!g) { g = { kind: e.kind, names: new Map(), aliases: new Set(), mentions: 0, documents: new Set(), quotes: [], titles: new Map() }; groups.set(root, g); }
      if (e.title) g.titles.set(e.title, (g.titles.get(e.title) ?? 0) + 1);
      g.names.set(e.name, (g.names.get(e.name) ?? 0) + 1);
      for (const a of e.aliases) g.aliases.add(a);
      g.mentions += e.mentions.length;
      g.documents.add(x.article.id);
    }
    for (const q of x.quotes) {
      const root = groupOf.get(`${x.article.id}|${q.speaker}`);
      const g = root ? groups.get(root) : undefined;
      g?.quotes.push({ text: q.text, document: x.article.id, start: q.start, end: q.end });
    }
  }
  return { groups, groupOf };
}

/** The join reasons gathered per group root (they were recorded per key, before later unions moved roots). */
function reasonsByRoot(reasons: ReadonlyMap<string, Set<string>>, uf: UnionFind): Map<string, Set<string>> {
  const mergedOf = new Map<string, Set<string>>();
  for (const [k, rs] of reasons) {
    const root = uf.find(k);
    const set = mergedOf.get(root) ?? new Set<string>();
    for (const r of rs) set.add(r);
    mergedOf.set(root, set);
  }
  return mergedOf;
}

/**
 * One node per group, keyed `<kind>:<slug of label>`; returns group root -> node key. Groups are taken in the
 * order of kind and label (then root), so keys and their -2, -3 suffixes do not depend on the input's order.
 */
function addNodes(graph: NewsGraph, groups: ReadonlyMap<string, Group>, mergedOf: ReadonlyMap<string, Set<string>>): Map<string, string> {
  const nodeOf = new Map<string, string>();
  const usedKeys = new Set<string>();
  const roots = [...groups.keys()].sort();
  const labelled = roots.map((root) => {
    const g = groups.get(root) as Group;
    const label = labelOf(g);
    return { root, g, label, order: g.kind + label };
  });
  labelled.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : a.root < b.root ? -1 : 1));
  // Suffixes -2, -3, ... for repeated slugs. Keys are never released, so each base resumes where it stopped
  // (the same keys as trying from -2 every time, without the quadratic scan over thousands of "person:smith").
  const nextSuffix = new Map<string, number>();
  for (const { root, g, label } of labelled) {
    const base = `${g.kind}:${slug(label)}`;
    let key = base;
    if (usedKeys.has(key)) {
      let n = nextSuffix.get(base) ?? 2;
      while (usedKeys.has(`${base}-${n}`)) n++;
      key = `${base}-${n}`;
      nextSuffix.set(base, n + 1);
    }
    usedKeys.add(key);
    nodeOf.set(root, key);
    graph.addNode(key, nodeAttributes(g, label, mergedOf.get(root)));
  }
  return nodeOf;
}

/** A group's node: sorted aliases, documents and quotations; the title written most often; why it was joined. */
function nodeAttributes(g: Group, label: string, why: ReadonlySet<string> | undefined): NodeAttributes {
  const attrs: NodeAttributes = {
    label, kind: g.kind, aliases: [...g.aliases].sort(), mentions: g.mentions, documents: [...g.documents].sort(),
    quotes: g.quotes.sort((a, b) => (a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start)),
    x: 0, y: 0, size: 1,
  };
  const title = [...g.titles].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  if (title) attrs.title = title;
  if (why && why.size > 0) attrs.merged = [...why].sort().slice(0, MAX_REASONS);
  return attrs;
}

/**
 * One edge per (source node, relation, target node), symmetric relations in key order, weighted by its evidence;
 * added in key order, so the graph does not depend on the input's order.
 */
function addEdges(graph: NewsGraph, sorted: readonly ArticleExtraction[], groupOf: ReadonlyMap<string, string>, nodeOf: ReadonlyMap<string, string>): void {
  const edges = new Map<string, { source: string; target: string; attrs: EdgeAttributes }>();
  for (const x of sorted) {
    for (const r of x.relations) {
      let source = nodeOf.get(groupOf.get(`${x.article.id}|${r.source}`) ?? "");
      let target = nodeOf.get(groupOf.get(`${x.article.id}|${r.target}`) ?? "");
      if (!source || !target || source === target) continue;
      if (SYMMETRIC_RELATIONS.has(r.relation) && source > target) [source, target] = [target, source];
      const key = `${source}|${r.relation}|${target}`;
      let e = edges.get(key);
      if (!e) {
        e = { source, target, attrs: { relation: r.relation, weight: 0, evidence: [], rule: r.evidence.rule } };
        if (r.cameo) e.attrs.cameo = r.cameo;
        edges.set(key, e);
      }
      e.attrs.evidence.push(r.evidence);
    }
  }
  for (const key of [...edges.keys()].sort()) {
    const e = edges.get(key) as { source: string; target: string; attrs: EdgeAttributes };
    e.attrs.evidence.sort(compareEvidence);
    e.attrs.weight = e.attrs.evidence.length;
    e.attrs.rule = e.attrs.evidence[0]?.rule ?? e.attrs.rule;
    graph.addDirectedEdgeWithKey(key, e.source, e.target, e.attrs);
  }
}
