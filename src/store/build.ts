// Building from a store: every stored extraction, merged exactly as a direct build merges them.
import { buildGraph, type GraphBuildOptions } from "../graph/build.js";
import type { ArticleExtraction, GraphJson } from "../types.js";
import { openStore } from "./index.js";

/** Every extraction in the store at `file`, by article id (opened read-only). */
export function extractionsFromStore(file: string): ArticleExtraction[] {
  const store = openStore(file, { readonly: true });
  try {
    return store.extractions();
  } finally {
    store.close();
  }
}

/**
 * The graph of everything in the store at `file`: `mergeExtractions` then `toGraphJson` through `buildGraph`.
 * No layout unless `options.layout` is true (positions stay 0). An entity or edge whose evidence all came
 * from removed articles is simply absent, since the graph is re-merged from the remaining extractions.
 */
export function graphFromStore(file: string, options: GraphBuildOptions = {}): GraphJson {
  return buildGraph(extractionsFromStore(file), { ...options, layout: options.layout ?? false });
}
