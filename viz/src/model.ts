// The page's graph: the GraphJson contract loaded into graphology, plus indices the page needs once.
import Graph from "graphology";
import { indexParallelEdges, type ParallelSlot } from "./curvature.js";
import type { ArticleMeta, EdgeAttributes, GraphAttributes, GraphJson, NodeAttributes } from "../../src/types.js";

export type VizEdgeAttributes = EdgeAttributes;

export type VizGraph = Graph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface Model {
  graph: VizGraph;
  articles: Map<string, ArticleMeta>;
  /** Sorted distinct article dates (YYYY-MM-DD). */
  dates: string[];
  parallel: Map<string, ParallelSlot>;
}

/**
 * The nodes alone, for a first frame before the (much slower) import of the edges. The attribute objects are the
 * parsed JSON's own, so this costs little memory.
 */
export function previewGraph(json: GraphJson): VizGraph {
  const graph: VizGraph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
  for (const n of json.nodes ?? []) {
    const a = n.attributes;
    if (Number.isFinite(a?.x) && Number.isFinite(a?.y)) graph.addNode(n.key, { ...a, size: Number.isFinite(a.size) ? a.size : 4 });
  }
  return graph;
}

export function loadModel(json: GraphJson): Model {
  const graph: VizGraph = new Graph({ type: "directed", multi: true, allowSelfLoops: true });
  graph.import(json as never);
  // A graph straight from an older build may lack positions: place such nodes on a circle rather than fail.
  let i = 0;
  const n = graph.order || 1;
  graph.forEachNode((node, a) => {
    const patch: Partial<NodeAttributes> = {};
    if (!Number.isFinite(a.x) || !Number.isFinite(a.y)) {
      patch.x = Math.cos((2 * Math.PI * i) / n) * 100;
      patch.y = Math.sin((2 * Math.PI * i) / n) * 100;
    }
    if (!Number.isFinite(a.size) || a.size <= 0) patch.size = 4;
    if (!Array.isArray(a.aliases)) patch.aliases = [];
    if (!Array.isArray(a.quotes)) patch.quotes = [];
    if (!Array.isArray(a.documents)) patch.documents = [];
    if (Object.keys(patch).length) graph.mergeNodeAttributes(node, patch);
    i++;
  });
  graph.forEachEdge((edge, a) => {
    if (!Array.isArray(a.evidence)) graph.setEdgeAttribute(edge, "evidence", []);
    if (!Number.isFinite(a.weight)) graph.setEdgeAttribute(edge, "weight", a.evidence?.length || 1);
  });
  const parallel = indexParallelEdges(graph);
  const articles = new Map<string, ArticleMeta>();
  for (const a of json.attributes?.articles ?? []) articles.set(a.id, a);
  const dates = [...new Set([...articles.values()].map((a) => a.date).filter((d): d is string => !!d))].sort();
  return { graph, articles, dates, parallel };
}
