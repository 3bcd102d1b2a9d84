// Every format, on the real seeds graph: parse each output back and compare counts and a few attributes.
import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { beforeAll, describe, expect, it } from "vitest";
import { toCsvFiles } from "../../src/export/csv.js";
import { toCypher } from "../../src/export/cypher.js";
import { toGexf } from "../../src/export/gexf.js";
import { toGraphml } from "../../src/export/graphml.js";
import { extractArticle } from "../../src/pipeline/article.js";
import { buildGraph } from "../../src/graph/build.js";
import { readInputs } from "../../src/ingest/index.js";
import type { GraphJson } from "../../src/types.js";
import { elements, parseXml, readCsvObjects } from "./helpers.js";

let json: GraphJson;
beforeAll(async () => {
  const { articles } = await readInputs(["seeds"]);
  json = buildGraph(articles.map(extractArticle), { seed: 1 });
}, 60_000);

describe("exports of the seeds graph", () => {
  it("has something to export", () => {
    expect(json.nodes.length).toBeGreaterThan(5);
    expect(json.edges.length).toBeGreaterThan(2);
  });

  it("gexf parses back with the same nodes, edges and evidence", () => {
    const g = parse(MultiDirectedGraph, toGexf(json));
    expect(g.order).toBe(json.nodes.length);
    expect(g.size).toBe(json.edges.length);
    for (const e of json.edges) {
      expect(g.source(e.key)).toBe(e.source);
      expect(JSON.parse(g.getEdgeAttribute(e.key, "evidence") as string)).toEqual(e.attributes.evidence);
    }
    for (const n of json.nodes) expect(g.getNodeAttribute(n.key, "label")).toBe(n.attributes.label);
  });

  it("graphml is well-formed with the same counts", () => {
    const doc = parseXml(toGraphml(json));
    expect(elements(doc, "node")).toHaveLength(json.nodes.length);
    expect(elements(doc, "edge")).toHaveLength(json.edges.length);
    const keys = elements(doc, "data").filter((d) => d.getAttribute("key") === "e_key").map((d) => d.textContent);
    expect(keys).toEqual(json.edges.map((e) => e.key));
  });

  it("csv has one evidence row per evidence item", () => {
    const files = toCsvFiles(json);
    expect(readCsvObjects(files.get("nodes.csv")!)).toHaveLength(json.nodes.length);
    expect(readCsvObjects(files.get("edges.csv")!)).toHaveLength(json.edges.length);
    const evidence = readCsvObjects(files.get("evidence.csv")!);
    expect(evidence).toHaveLength(json.edges.reduce((n, e) => n + e.attributes.evidence.length, 0));
    expect(evidence.map((r) => r["text"])).toEqual(json.edges.flatMap((e) => e.attributes.evidence.map((ev) => ev.text)));
  });

  it("cypher has one statement per article, node, edge and mention link", () => {
    const lines = toCypher(json).split("\n").filter((l) => l.endsWith(";"));
    const links = json.nodes.reduce((n, x) => n + x.attributes.documents.length, 0);
    expect(lines).toHaveLength(2 + json.attributes.articles.length + json.nodes.length + json.edges.length + links);
  });
});
