// The query API over a graph JSON held in memory: `newsgraph view graph.json` uses it for graphs too large to draw
// whole, so they open on the same focus view as a store. Same answers as the SQL queries over a published graph.
import type { GraphQuery } from "../store/query.js";
import type { ApiEdge, ApiNode, EvidenceRow, FocusGraph, GraphJson, NeighbourhoodQuery, Page, QuoteRow, SearchHit, SerializedEdge, SerializedNode } from "../types.js";

type Window = { since?: string | null; until?: string | null };

export function memoryQuery(graph: GraphJson): GraphQuery {
  const dateOf = new Map(graph.attributes.articles.map((a) => [a.id, a.date]));
  const nodes = new Map(graph.nodes.map((n) => [n.key, n]));
  const edges = new Map(graph.edges.map((e) => [e.key, e]));
  const at = new Map<string, SerializedEdge[]>();
  const strength = new Map<string, number>();
  for (const e of graph.edges) {
    for (const end of [e.source, e.target]) {
      let list = at.get(end);
      if (!list) at.set(end, (list = []));
      list.push(e);
      strength.set(end, (strength.get(end) ?? 0) + e.attributes.weight);
    }
  }
  const inWindow = (doc: string, w: Window) => {
    if (!w.since && !w.until) return true;
    const d = dateOf.get(doc);
    return !!d && (!w.since || d >= w.since) && (!w.until || d <= w.until);
  };
  const weight = (e: SerializedEdge, w: Window) =>
    !w.since && !w.until ? e.attributes.weight : e.attributes.evidence.filter((ev) => inWindow(ev.document, w)).length;
  const apiNode = (n: SerializedNode, s = strength.get(n.key) ?? 0): ApiNode => ({
    key: n.key, label: n.attributes.label, kind: n.attributes.kind, aliases: n.attributes.aliases, mentions: n.attributes.mentions, strength: s,
  });
  const apiEdge = (e: SerializedEdge, w: number): ApiEdge => ({
    key: e.key, source: e.source, target: e.target, relation: e.attributes.relation, weight: w, ...(e.attributes.cameo ? { cameo: e.attributes.cameo } : {}),
  });
  const byWeight = (a: ApiEdge, b: ApiEdge) => b.weight - a.weight || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const page = <T>(items: T[], offset: number, limit: number): Page<T> => ({ items: items.slice(offset, offset + limit), total: items.length, offset });
  const evidenceRows = (e: SerializedEdge): EvidenceRow[] =>
    e.attributes.evidence.map((ev) => ({ ...ev, edge: e.key, relation: e.attributes.relation, source: e.source, target: e.target, date: dateOf.get(ev.document) ?? null }));
  const byDoc = (a: { document: string; start: number }, b: { document: string; start: number }) =>
    a.document < b.document ? -1 : a.document > b.document ? 1 : a.start - b.start;

  function edgesAt(ends: readonly string[], q: NeighbourhoodQuery, exclude: ReadonlySet<string>): ApiEdge[] {
    const out = new Map<string, ApiEdge>();
    for (const end of ends) {
      for (const e of at.get(end) ?? []) {
        if (exclude.has(e.key) || out.has(e.key)) continue;
        if (q.relations?.length && !q.relations.includes(e.attributes.relation)) continue;
        const other = nodes.get(e.source === end ? e.target : e.source);
        if (q.kinds?.length && (!other || !q.kinds.includes(other.attributes.kind))) continue;
        const w = weight(e, q);
        if (w > 0) out.set(e.key, apiEdge(e, w));
      }
    }
    return [...out.values()].sort(byWeight).slice(0, q.limit);
  }
  function withNodes(list: ApiEdge[], extra: string[]): FocusGraph {
    const keys = [...new Set([...extra, ...list.flatMap((e) => [e.source, e.target])])].sort();
    return { nodes: keys.flatMap((k) => (nodes.has(k) ? [apiNode(nodes.get(k)!)] : [])), edges: list };
  }

  return {
    async info() {
      const dates = [...dateOf.values()].filter((d): d is string => !!d).sort();
      return { articles: graph.attributes.articles.length, nodes: graph.nodes.length, edges: graph.edges.length, firstDate: dates[0] ?? null, lastDate: dates[dates.length - 1] ?? null };
    },
    async search(text, limit) {
      const q = text.trim().toLowerCase();
      if (!q) return [];
      const hits: { hit: SearchHit; rank: number }[] = [];
      for (const n of graph.nodes) {
        let best: { name: string; rank: number } | null = null;
        for (const name of [n.attributes.label, ...n.attributes.aliases]) {
          const l = name.toLowerCase();
          const rank = l === q ? 0 : l.startsWith(q) ? 1 : q.length >= 3 && l.includes(q) ? 2 : -1;
          if (rank >= 0 && (!best || rank < best.rank || (rank === best.rank && name < best.name))) best = { name, rank };
        }
        if (!best) continue;
        const hit: SearchHit = { key: n.key, label: n.attributes.label, kind: n.attributes.kind, mentions: n.attributes.mentions };
        if (best.name !== n.attributes.label && !n.attributes.label.toLowerCase().includes(q)) hit.alias = best.name;
        hits.push({ hit, rank: best.rank });
      }
      hits.sort((a, b) => a.rank - b.rank || b.hit.mentions - a.hit.mentions || (a.hit.key < b.hit.key ? -1 : 1));
      return hits.slice(0, limit).map((h) => h.hit);
    },
    async top(q) {
      const windowed = !!(q.since || q.until);
      const score = new Map<string, number>();
      if (windowed) {
        for (const e of graph.edges) {
          const w = weight(e, q);
          if (w > 0) for (const end of [e.source, e.target]) score.set(end, (score.get(end) ?? 0) + w);
        }
      }
      const ranked = graph.nodes
        .map((n) => ({ n, s: windowed ? (score.get(n.key) ?? 0) : (strength.get(n.key) ?? 0) }))
        .filter((x) => !windowed || x.s > 0)
        .sort((a, b) => b.s - a.s || (windowed ? 0 : b.n.attributes.mentions - a.n.attributes.mentions) || (a.n.key < b.n.key ? -1 : 1))
        .slice(0, q.limit);
      const keep = new Set(ranked.map((x) => x.n.key));
      const list = graph.edges.filter((e) => keep.has(e.source) && keep.has(e.target)).map((e) => apiEdge(e, weight(e, q))).filter((e) => e.weight > 0);
      return { nodes: ranked.map((x) => apiNode(x.n, x.s)), edges: list };
    },
    async neighbourhood(q) {
      const hop1 = edgesAt([q.key], q, new Set());
      let list = hop1;
      if (q.hops >= 2) {
        const around = [...new Set(hop1.flatMap((e) => [e.source, e.target]))].filter((k) => k !== q.key);
        list = [...hop1, ...edgesAt(around, q, new Set(hop1.map((e) => e.key)))];
      }
      return withNodes(list, [q.key]);
    },
    async entity(key) {
      const n = nodes.get(key);
      return n ? apiNode(n) : undefined;
    },
    async evidence(key, offset, limit) {
      return page((at.get(key) ?? []).flatMap(evidenceRows).sort((a, b) => byDoc(a, b) || (a.edge < b.edge ? -1 : 1)), offset, limit);
    },
    async edgeEvidence(edge, offset, limit) {
      const e = edges.get(edge);
      return page(e ? evidenceRows(e).sort(byDoc) : [], offset, limit);
    },
    async quotes(key, offset, limit) {
      const n = nodes.get(key);
      const rows: QuoteRow[] = (n?.attributes.quotes ?? []).map((q) => ({ ...q, date: dateOf.get(q.document) ?? null }));
      return page(rows.sort(byDoc), offset, limit);
    },
  };
}
