// A slice of a merged graph around one entity: the entity and everything within N hops (edges either way), with the
// edges among them, for `newsgraph build --db ... --around ENTITY --hops N`.
import type { NewsGraph } from "./merge.js";

export class SliceError extends Error {
  override name = "SliceError";
}

/** The node an entity argument names: its key, else a label, else an alias (case-insensitive; most mentions wins). */
export function findEntity(graph: NewsGraph, entity: string): string | undefined {
  if (graph.hasNode(entity)) return entity;
  const wanted = entity.trim().toLowerCase();
  let best: string | undefined;
  let bestScore = -1;
  graph.forEachNode((key, a) => {
    const score = a.label.toLowerCase() === wanted ? 2e9 + a.mentions : a.aliases.some((x) => x.toLowerCase() === wanted) ? a.mentions : -1;
    if (score > bestScore || (score === bestScore && score >= 0 && best !== undefined && key < best)) {
      best = key;
      bestScore = score;
    }
  });
  return bestScore >= 0 ? best : undefined;
}

/** A copy of `graph` keeping only the nodes within `hops` of `entity`; the article list keeps the articles they cite. */
export function sliceAround(graph: NewsGraph, entity: string, hops: number): NewsGraph {
  const start = findEntity(graph, entity);
  if (start === undefined) throw new SliceError(`slice: no entity "${entity}" in the graph; give a node key (person:angela-merkel) or a name`);
  const keep = new Set([start]);
  let frontier = [start];
  for (let hop = 0; hop < hops && frontier.length; hop++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachNeighbor(node, (other) => {
        if (!keep.has(other)) {
          keep.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  const out = graph.copy() as NewsGraph;
  out.forEachNode((node) => {
    if (!keep.has(node)) out.dropNode(node);
  });
  const cited = new Set<string>();
  out.forEachNode((_n, a) => a.documents.forEach((d) => cited.add(d)));
  out.setAttribute("articles", graph.getAttribute("articles").filter((a) => cited.has(a.id)));
  return out;
}
