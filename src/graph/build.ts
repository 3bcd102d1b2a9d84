import type { ArticleExtraction, GraphJson } from "../types.js";
import { toGraphJson } from "./json.js";
import { layoutGraph } from "./layout.js";
import { mergeExtractions } from "./merge.js";

export interface GraphBuildOptions {
  /** Seed of the layout's initial positions. */
  seed?: number;
  /** Skip ForceAtlas2 (positions stay 0): for scoring runs that never draw. */
  layout?: boolean;
}

/** Merge, lay out and serialize: the graph JSON of a set of article extractions. */
export function buildGraph(extractions: readonly ArticleExtraction[], options: GraphBuildOptions = {}): GraphJson {
  const graph = mergeExtractions(extractions);
  if (options.layout !== false) layoutGraph(graph, options.seed === undefined ? {} : { seed: options.seed });
  return toGraphJson(graph);
}
