// Positions and sizes for the exploration page, computed once at build time so the page opens instantly.
// Deterministic: seeded start positions, ForceAtlas2 (itself deterministic), then label-overlap removal.
import { mulberry32 } from "../util/rng.js";
import type Graph from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";

export interface LayoutOptions {
  /** Seed of the start positions. */
  seed?: number;
  /** ForceAtlas2 iterations; by default chosen from the graph's size (see `defaultIterations`). */
  iterations?: number;
}

export const DEFAULT_LAYOUT_SEED = 42;
export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 16;

export { mulberry32 } from "../util/rng.js";

/**
 * ForceAtlas2 iterations that keep `newsgraph build` within a few seconds (measured on one core: Barnes-Hut
 * costs about 11 µs per node per iteration, so 20k nodes x 20 iterations is about 4.5 s). Huge graphs get only a
 * few iterations: their layout is rough, and the page still opens because positions are always set.
 */
export function defaultIterations(order: number): number {
  if (order <= 300) return 500;
  if (order <= 1_000) return 300;
  if (order <= 5_000) return 150;
  if (order <= 20_000) return 20;
  if (order <= 50_000) return 8;
  return 0;
}

/** Noverlap is quadratic in crowded cells; it is only run where it stays under about half a second. */
export const NOVERLAP_MAX_ORDER = 3_000;
/** Above this many nodes, isolated nodes skip ForceAtlas2 and are placed on a ring. */
export const ISOLATED_RING_MIN_ORDER = 500;

/** Node size from how often it is mentioned (or its degree when mention counts are missing), sqrt-scaled. */
function assignSizes(graph: Graph): void {
  let max = 1;
  const score = new Map<string, number>();
  graph.forEachNode((node, attrs) => {
    const mentions = typeof attrs.mentions === "number" && attrs.mentions > 0 ? attrs.mentions : 0;
    const value = Math.max(mentions, graph.degree(node));
    score.set(node, value);
    if (value > max) max = value;
  });
  graph.forEachNode((node) => {
    const v = score.get(node) ?? 0;
    const size = MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(v / max);
    graph.setNodeAttribute(node, "size", Math.round(size * 100) / 100);
  });
}

/** Average label glyph width in pixels at the page's 13 px label font. */
const LABEL_PX_PER_CHAR = 7;

function labelOf(graph: Graph, node: string): string {
  const label: unknown = graph.getNodeAttribute(node, "label");
  return typeof label === "string" ? label : node;
}

/** The larger side of the bounding box of node positions. */
function extentOf(graph: Graph): number {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  graph.forEachNode((_n, a) => {
    minX = Math.min(minX, a.x);
    maxX = Math.max(maxX, a.x);
    minY = Math.min(minY, a.y);
    maxY = Math.max(maxY, a.y);
  });
  return Math.max(maxX - minX, maxY - minY, 0);
}

/** Sets `x`, `y` and `size` on every node. Same graph and options, same output. */
export function layoutGraph(graph: Graph, options: LayoutOptions = {}): void {
  const order = graph.order;
  if (order === 0) return;
  const rng = mulberry32(options.seed ?? DEFAULT_LAYOUT_SEED);
  const spread = Math.sqrt(order) * 10;
  graph.forEachNode((node) => {
    graph.mergeNodeAttributes(node, { x: (rng() - 0.5) * spread, y: (rng() - 0.5) * spread });
  });
  assignSizes(graph);

  const iterations = options.iterations ?? defaultIterations(order);
  if (iterations > 0 && graph.size > 0) {
    // Corpus graphs are mostly isolated nodes (85% on Reuters): only the connected part needs forces; the
    // rest goes on a ring around it. Small graphs keep the plain layout.
    const connected = order > ISOLATED_RING_MIN_ORDER ? connectedPart(graph) : graph;
    const settings = forceAtlas2.inferSettings(connected);
    forceAtlas2.assign(connected, {
      iterations,
      // weight = number of statements behind a relation: repeated claims pull harder
      getEdgeWeight: (_edge, attrs) => (typeof attrs.weight === "number" ? Math.min(attrs.weight, 5) : 1),
      // Barnes-Hut above 500 nodes: the exact O(n²) repulsion costs 37 ms per iteration at 2,000 nodes.
      settings: { ...settings, barnesHutOptimize: connected.order > 500 },
    });
    if (connected !== graph) placeAround(graph, connected);
  }
  // Remove overlaps of nodes and, roughly, of their labels. Sizes are screen pixels in the page while positions
  // are graph units, so convert with the scale at which the whole graph fits a ~900 px stage, and give each node
  // a radius that covers half its label (labels are drawn to the right of the node).
  if (order <= NOVERLAP_MAX_ORDER && order > 1) {
    const unit = extentOf(graph) / 900 || 1;
    noverlap.assign(graph, {
      maxIterations: order <= 1_000 ? 150 : 50,
      inputReducer: (node, attrs) => ({
        x: attrs.x,
        y: attrs.y,
        size: (Number(attrs.size) + Math.min(labelOf(graph, node).length, 28) * LABEL_PX_PER_CHAR * 0.5) * unit,
      }),
      settings: { margin: 4 * unit, ratio: 1, expansion: 1.1 },
    });
  }
  // Round so the JSON stays small and byte-identical across runs.
  graph.forEachNode((node, attrs) => {
    const x = Number(attrs.x), y = Number(attrs.y);
    graph.mergeNodeAttributes(node, {
      x: Number.isFinite(x) ? Math.round(x * 1000) / 1000 : 0,
      y: Number.isFinite(y) ? Math.round(y * 1000) / 1000 : 0,
    });
  });
}

/** A copy of the nodes that have edges, with their edges and positions. */
function connectedPart(graph: Graph): Graph {
  const part = graph.nullCopy() as Graph;
  graph.forEachNode((node, attrs) => {
    if (graph.degree(node) > 0) part.addNode(node, { x: attrs.x, y: attrs.y, size: attrs.size });
  });
  graph.forEachEdge((edge, attrs, source, target) => {
    part.addEdgeWithKey(edge, source, target, { weight: attrs.weight });
  });
  return part;
}

/** Copies the laid-out positions back and puts every isolated node on a sunflower ring outside them. */
function placeAround(graph: Graph, part: Graph): void {
  let radius = 0;
  part.forEachNode((node, attrs) => {
    graph.mergeNodeAttributes(node, { x: attrs.x, y: attrs.y });
    radius = Math.max(radius, Math.hypot(Number(attrs.x), Number(attrs.y)));
  });
  const golden = Math.PI * (3 - Math.sqrt(5));
  const spacing = Math.max(radius / Math.sqrt(Math.max(part.order, 1)), 1);
  let k = 0;
  graph.forEachNode((node) => {
    if (part.hasNode(node)) return;
    const r = radius + spacing * (1 + Math.sqrt(k));
    graph.mergeNodeAttributes(node, { x: r * Math.cos(k * golden), y: r * Math.sin(k * golden) });
    k++;
  });
}
