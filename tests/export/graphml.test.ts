import { describe, expect, it } from "vitest";
import { toGraphml } from "../../src/export/graphml.js";
import { elements, parseXml, sampleGraph } from "./helpers.js";

/** Reads a GraphML element's <data> children as attr.name -> typed value, using the <key> declarations. */
function dataOf(el: Element, keys: Map<string, { name: string; type: string }>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeName !== "data") continue;
    const d = child as Element;
    const key = keys.get(d.getAttribute("key") ?? "");
    if (!key) throw new Error(`undeclared key ${d.getAttribute("key")}`);
    const raw = d.textContent ?? "";
    out[key.name] = key.type === "string" ? raw : Number(raw);
  }
  return out;
}

describe("graphml export", () => {
  const json = sampleGraph();
  const text = toGraphml(json);
  const doc = parseXml(text);
  const keys = new Map(
    elements(doc, "key").map((k) => [
      k.getAttribute("id") ?? "",
      { name: k.getAttribute("attr.name") ?? "", type: k.getAttribute("attr.type") ?? "", for: k.getAttribute("for") },
    ]),
  );

  it("declares every key with a GraphML type", () => {
    for (const k of keys.values()) {
      expect(["string", "int", "long", "float", "double", "boolean"]).toContain(k.type);
      expect(["graph", "node", "edge"]).toContain(k.for);
    }
    expect(keys.get("n_mentions")!.type).toBe("int");
    expect(keys.get("n_x")!.type).toBe("double");
    expect(keys.get("e_weight")!.type).toBe("int");
  });

  it("is a directed graph with the right nodes and edges, edges carrying ids", () => {
    const graph = elements(doc, "graph")[0]!;
    expect(graph.getAttribute("edgedefault")).toBe("directed");
    expect(graph.namespaceURI ?? doc.documentElement!.namespaceURI).toBe("http://graphml.graphdrawing.org/xmlns");
    const nodes = elements(doc, "node");
    const edges = elements(doc, "edge");
    const keyOf = new Map(nodes.map((n) => [n.getAttribute("id"), dataOf(n, keys)["key"]]));
    expect(nodes.map((n) => dataOf(n, keys)["key"])).toEqual(json.nodes.map((n) => n.key));
    expect(
      edges.map((e) => [dataOf(e, keys)["key"], keyOf.get(e.getAttribute("source")), keyOf.get(e.getAttribute("target"))]),
    ).toEqual(json.edges.map((e) => [e.key, e.source, e.target]));
  });

  it("uses ids that are XML name tokens, as the GraphML schema requires", () => {
    const ids = [...elements(doc, "node"), ...elements(doc, "edge")].map((e) => e.getAttribute("id") ?? "");
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[\p{L}\p{N}._:-]+$/u);
  });

  it("round-trips node attributes through escaping", () => {
    const [ana, att] = elements(doc, "node").map((n) => dataOf(n, keys));
    expect(att).toMatchObject({ label: 'AT&T "Research <Labs>", Inc.', kind: "organization", mentions: 2, x: 0, y: 3, size: 4.5 });
    expect(JSON.parse(ana!["quotes"] as string)).toEqual(json.nodes[0]!.attributes.quotes);
    expect(JSON.parse(ana!["documents"] as string)).toEqual(["a1", "a2"]);
  });

  it("round-trips edge attributes and evidence, tabs and CR LF included", () => {
    const edges = elements(doc, "edge").map((e) => dataOf(e, keys));
    expect(edges[0]).toMatchObject({ relation: "criticized", weight: 2, rule: "comm.verb-object" });
    expect(edges[0]!["cameo"]).toBeUndefined();
    expect(edges[1]!["cameo"]).toBe("042");
    for (const [i, e] of edges.entries()) {
      expect(JSON.parse(e["evidence"] as string)).toEqual(json.edges[i]!.attributes.evidence);
    }
  });

  it("keeps the article list as graph-level data", () => {
    const graph = elements(doc, "graph")[0]!;
    const g = dataOf(graph, keys);
    expect(g["generator"]).toBe("newsgraph");
    expect(JSON.parse(g["articles"] as string)).toEqual(json.attributes.articles);
  });

  it("escapes raw text: control characters dropped, whitespace kept as references", () => {
    const g = sampleGraph();
    g.nodes[0]!.attributes.label = "a\u0001b\tc\nd\r\ne <&> '\"";
    const d = parseXml(toGraphml(g));
    const k = new Map(elements(d, "key").map((e) => [e.getAttribute("id") ?? "", { name: e.getAttribute("attr.name") ?? "", type: "string" }]));
    expect(dataOf(elements(d, "node")[0]!, k)["label"]).toBe("ab\tc\nd\r\ne <&> '\"");
  });
});
