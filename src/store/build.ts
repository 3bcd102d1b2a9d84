// Building from a store: the stored extractions, by article id, merged exactly as a direct build merges them.
import { buildGraph, type GraphBuildOptions } from "../graph/build.js";
import type { ArticleExtraction, GraphJson } from "../types.js";
import { openStore, type DateWindow, type Store } from "./index.js";

/** Every extraction in the store at `location` (dated in `window` when given), by article id. */
export async function extractionsFromStore(location: string, window: DateWindow = {}): Promise<ArticleExtraction[]> {
  const store = await openStore(location, { readonly: true });
  try {
    return await store.extractions(window);
  } finally {
    await store.close();
  }
}

/**
 * The graph of everything in the store (or of the articles dated in `window`): `mergeExtractions` then `toGraphJson`
 * through `buildGraph`. No layout unless `options.layout` is true. An entity or edge whose evidence all came from
 * removed articles is simply absent, since the graph is re-merged from the remaining extractions.
 */
export async function graphFromStore(location: string, options: GraphBuildOptions & { window?: DateWindow } = {}): Promise<GraphJson> {
  return buildGraph(await extractionsFromStore(location, options.window), { ...options, layout: options.layout ?? false });
}

/**
 * Publishes the store's graph for queries unless the published one is current. Returns whether it had to. The state
 * is read before the extractions, so articles stored meanwhile make the next call publish again.
 */
export async function refreshPublishedGraph(store: Store): Promise<boolean> {
  const state = await store.graphState();
  if (state.published === state.stored) return false;
  const graph = buildGraph(await store.extractions(), { layout: false });
  await store.publish(graph, state.stored);
  return true;
}
