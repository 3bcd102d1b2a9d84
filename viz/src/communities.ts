// Louvain communities for the "colour by community" mode, computed on demand in the page.
// Run on an undirected simple projection (parallel and reverse edges summed) with a seeded PRNG, so the
// same graph always gets the same colours.
import Graph from "graphology";
import louvain from "graphology-communities-louvain";
import type { VizGraph } from "./model.js";

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Community per node, numbered by size (0 = largest), so the first palette colours go to the big ones. */
export function detectCommunities(graph: VizGraph): Map<string, number> {
  const simple = new Graph({ type: "undirected", multi: false, allowSelfLoops: false });
  graph.forEachNode((node) => simple.addNode(node));
  graph.forEachEdge((_e, a, source, target) => {
    if (source === target) return;
    simple.updateEdge(source, target, (attrs: { weight?: number }) => ({ weight: (attrs.weight ?? 0) + (a.weight || 1) }));
  });
  const raw = simple.size > 0 ? louvain(simple, { getEdgeWeight: "weight", rng: seededRandom(1) }) : {};
  const sizes = new Map<number, number>();
  for (const c of Object.values(raw)) sizes.set(c, (sizes.get(c) ?? 0) + 1);
  const order = [...sizes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([c]) => c);
  const rank = new Map(order.map((c, i) => [c, i]));
  const out = new Map<string, number>();
  let next = order.length;
  graph.forEachNode((node) => {
    const c = raw[node];
    out.set(node, c === undefined ? next++ : (rank.get(c) ?? 0));
  });
  return out;
}

export interface CommunitySummary {
  community: number;
  size: number;
  /** Label of its most mentioned member, to name the community in the legend. */
  label: string;
}

/** The biggest communities, largest first, each named after its most mentioned member. */
export function summarizeCommunities(graph: VizGraph, communities: ReadonlyMap<string, number>, limit = 8): CommunitySummary[] {
  const out = new Map<number, { size: number; label: string; mentions: number }>();
  graph.forEachNode((node, a) => {
    const c = communities.get(node);
    if (c === undefined) return;
    const s = out.get(c) ?? { size: 0, label: a.label, mentions: -1 };
    s.size++;
    if ((a.mentions ?? 0) > s.mentions) {
      s.mentions = a.mentions ?? 0;
      s.label = a.label;
    }
    out.set(c, s);
  });
  return [...out.entries()]
    .sort((x, y) => y[1].size - x[1].size || x[0] - y[0])
    .slice(0, limit)
    .map(([community, s]) => ({ community, size: s.size, label: s.label }));
}
