// The page's graph: the GraphJson contract loaded into graphology, plus indices the page needs once.
import Graph from "graphology";
import { indexParallelEdgesIndex } from "@sigma/edge-curve";
import type { ArticleMeta, EdgeAttributes, GraphAttributes, GraphJson, NodeAttributes } from "../../src/types.js";

/** Display preparation written once at load by `indexParallelEdgesIndex` (never changed afterwards). */
export interface VizEdgeAttributes extends EdgeAttributes {
  parallelIndex?: number | null;
  parallelMinIndex?: number | null;
  parallelMaxIndex?: number | null;
}

export type VizGraph = Graph<NodeAttributes, VizEdgeAttributes, GraphAttributes>;

export interface Model {
  graph: VizGraph;
  articles: Map<string, ArticleMeta>;
  /** Sorted distinct article dates (YYYY-MM-DD). */
  dates: string[];
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
  indexParallelEdgesIndex(graph as unknown as Graph);
  const articles = new Map<string, ArticleMeta>();
  for (const a of json.attributes?.articles ?? []) articles.set(a.id, a);
  const dates = [...new Set([...articles.values()].map((a) => a.date).filter((d): d is string => !!d))].sort();
  return { graph, articles, dates };
}
