// Which nodes and edges the filters hide. Computed once per filter change into sets the reducers look up.
import type { ArticleMeta, EdgeAttributes, NodeAttributes } from "../../src/types.js";

export interface FilterState {
  hiddenKinds: ReadonlySet<string>;
  hiddenRelations: ReadonlySet<string>;
  minWeight: number;
  /** Inclusive YYYY-MM-DD bounds, or null for open. */
  dateFrom: string | null;
  dateTo: string | null;
}

export const DEFAULT_FILTERS: FilterState = {
  hiddenKinds: new Set(),
  hiddenRelations: new Set(),
  minWeight: 1,
  dateFrom: null,
  dateTo: null,
};

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
}

/** The minimal graph surface the filters need, so they run on plain data in tests. */
export interface FilterableGraph {
  forEachNode(cb: (node: string, attrs: NodeAttributes) => void): void;
  forEachEdge(cb: (edge: string, attrs: EdgeAttributes, source: string, target: string) => void): void;
}

function dateActive(f: FilterState): boolean {
  return f.dateFrom !== null || f.dateTo !== null;
}

/** Undated articles always pass: a missing date is no reason to hide a statement. */
export function articleInRange(article: ArticleMeta | undefined, f: FilterState): boolean {
  const d = article?.date;
  if (!d) return true;
  if (f.dateFrom !== null && d < f.dateFrom) return false;
  if (f.dateTo !== null && d > f.dateTo) return false;
  return true;
}

export function computeVisibility(graph: FilterableGraph, f: FilterState, articles: ReadonlyMap<string, ArticleMeta>): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  const byDate = dateActive(f);
  graph.forEachNode((node, a) => {
    if (f.hiddenKinds.has(a.kind)) hiddenNodes.add(node);
    else if (byDate && a.documents.length > 0 && !a.documents.some((d) => articleInRange(articles.get(d), f))) hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, a, source, target) => {
    if (
      hiddenNodes.has(source) ||
      hiddenNodes.has(target) ||
      f.hiddenRelations.has(a.relation) ||
      a.weight < f.minWeight ||
      (byDate && a.evidence.length > 0 && !a.evidence.some((e) => articleInRange(articles.get(e.document), f)))
    ) {
      hiddenEdges.add(edge);
    }
  });
  return { hiddenNodes, hiddenEdges };
}

export interface Counts {
  kinds: Map<string, number>;
  relations: Map<string, number>;
  maxWeight: number;
}

/** Totals per kind and per relation, for the filter list. */
export function countItems(graph: FilterableGraph): Counts {
  const kinds = new Map<string, number>();
  const relations = new Map<string, number>();
  let maxWeight = 1;
  graph.forEachNode((_n, a) => kinds.set(a.kind, (kinds.get(a.kind) ?? 0) + 1));
  graph.forEachEdge((_e, a) => {
    relations.set(a.relation, (relations.get(a.relation) ?? 0) + 1);
    if (a.weight > maxWeight) maxWeight = a.weight;
  });
  return { kinds, relations, maxWeight };
}
