// Plain maths for parallel edges (kept apart from model.ts, which loads WebGL code).

/** Curvature of a parallel edge from its index among its siblings (after the sigma edge-curve example). */
export function parallelCurvature(index: number, maxIndex: number): number {
  if (maxIndex <= 0) return 0;
  if (index < 0) return -parallelCurvature(-index, maxIndex);
  const amplitude = 3.5;
  // 0.4 rather than edge-curve's 0.25: bundles of 2-3 statements between the same two entities need room for their labels
  const maxCurvature = amplitude * (1 - Math.exp(-maxIndex / amplitude)) * 0.4;
  return (maxCurvature * index) / maxIndex;
}

export interface ParallelSlot {
  index: number;
  max: number;
}

export interface EdgeSource {
  forEachEdge(cb: (edge: string, attrs: unknown, source: string, target: string) => void): void;
}

/**
 * Where each edge sits in its bundle of parallel edges, with the semantics of @sigma/edge-curve's
 * `indexParallelEdgesIndex`, but into a Map instead of edge attributes: the graph data stays untouched, and
 * skipping 60k attribute writes (each emitting an event) keeps big graphs fast to open. Lone edges get no slot.
 */
export function indexParallelEdges(graph: EdgeSource): Map<string, ParallelSlot> {
  const directed = new Map<string, string[]>();
  const pairCount = new Map<string, number>();
  graph.forEachEdge((edge, _a, source, target) => {
    const key = source + "\u0000" + target;
    const list = directed.get(key);
    if (list) list.push(edge);
    else directed.set(key, [edge]);
    const pair = source < target ? key : target + "\u0000" + source;
    pairCount.set(pair, (pairCount.get(pair) ?? 0) + 1);
  });
  const slots = new Map<string, ParallelSlot>();
  for (const [key, edges] of directed) {
    const [source = "", target = ""] = key.split("\u0000");
    const pair = source < target ? key : target + "\u0000" + source;
    const total = pairCount.get(pair) ?? edges.length;
    const n = edges.length;
    if (n === 1 && total === 1) continue;
    if (n === 1) {
      slots.set(edges[0]!, { index: 1, max: 1 });
    } else if (n === total) {
      const max = (n - 1) / 2;
      edges.forEach((e, i) => slots.set(e, { index: i - max, max }));
    } else {
      edges.forEach((e, i) => slots.set(e, { index: i + 1, max: n }));
    }
  }
  return slots;
}
