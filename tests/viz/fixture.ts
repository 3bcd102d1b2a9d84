// Loads the hand-made sample graph for the page's Node tests (plain graphology, no DOM, no WebGL).
import { readFileSync } from "node:fs";
import Graph from "graphology";
import type { ArticleMeta, EdgeAttributes, GraphAttributes, GraphJson, NodeAttributes } from "../../src/types.js";

export const SAMPLE_PATH = new URL("../fixtures/viz/sample-graph.json", import.meta.url);

export function sampleJson(): GraphJson {
  return JSON.parse(readFileSync(SAMPLE_PATH, "utf8")) as GraphJson;
}

export function sampleGraph(): Graph<NodeAttributes, EdgeAttributes, GraphAttributes> {
  const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "directed", multi: true });
  g.import(sampleJson() as never);
  return g;
}

export function sampleArticles(): Map<string, ArticleMeta> {
  return new Map(sampleJson().attributes.articles.map((a) => [a.id, a]));
}
