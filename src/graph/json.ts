import type { GraphJson, SerializedEdge, SerializedNode } from "../types.js";
import type { NewsGraph } from "./merge.js";

/** graphology's serialization with nodes and edges in key order, so equal graphs give equal bytes. */
export function toGraphJson(graph: NewsGraph): GraphJson {
  const nodes: SerializedNode[] = [];
  graph.forEachNode((key, attributes) => nodes.push({ key, attributes: { ...attributes } }));
  const edges: SerializedEdge[] = [];
  graph.forEachEdge((key, attributes, source, target) => edges.push({ key, source, target, attributes: { ...attributes } }));
  nodes.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  edges.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    attributes: { ...graph.getAttributes() },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes,
    edges,
  };
}

export function stringifyGraph(json: GraphJson): string {
  return JSON.stringify(json, null, 1) + "\n";
}
