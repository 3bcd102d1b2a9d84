import { MultiDirectedGraph } from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { toGexf } from "../../src/export/gexf.js";
import { elements, parseXml, sampleGraph } from "./helpers.js";

describe("gexf export", () => {
  const json = sampleGraph();
  const text = toGexf(json);

  it("parses back with graphology-gexf: same nodes, edges, ids and direction", () => {
    const g = parse(MultiDirectedGraph, text);
    expect(g.order).toBe(json.nodes.length);
    expect(g.size).toBe(json.edges.length);
    expect(g.nodes()).toEqual(json.nodes.map((n) => n.key));
    for (const e of json.edges) {
      expect(g.source(e.key)).toBe(e.source);
      expect(g.target(e.key)).toBe(e.target);
    }
  });

  it("keeps labels, kind, counts and positions typed", () => {
    const g = parse(MultiDirectedGraph, text);
    const att = g.getNodeAttributes("organization:at&t");
    expect(att).toMatchObject({ label: 'AT&T "Research <Labs>", Inc.', kind: "organization", mentions: 2, x: 0, y: 3, size: 4.5 });
    expect(JSON.parse(att["aliases"] as string)).toEqual(["AT&T \"Research <Labs>\", Inc.", "AT&T"]);
    const cote = g.getNodeAttributes("country:côte-d'ivoire");
    expect(JSON.parse(cote["aliases"] as string)).toContain("コートジボワール");
  });

  it("keeps relation, weight and the evidence as JSON text", () => {
    const g = parse(MultiDirectedGraph, text);
    const e0 = g.getEdgeAttributes("e0");
    expect(e0).toMatchObject({ relation: "criticized", weight: 2, label: "criticized", rule: "comm.verb-object" });
    expect(JSON.parse(e0["evidence"] as string)).toEqual(json.edges[0]!.attributes.evidence);
    expect(JSON.parse(e0["documents"] as string)).toEqual(["a1", "a2"]);
    expect(g.getEdgeAttribute("e1", "cameo")).toBe("042");
    expect(JSON.parse(g.getEdgeAttribute("e2", "evidence") as string)[0].text).toBe(
      'AT&T agreed with the government, a\tdeal ("Back\\slash").',
    );
  });

  it("is well-formed XML with the articles in <meta>", () => {
    const doc = parseXml(text);
    const meta = elements(doc, "articles")[0]!;
    expect(JSON.parse(meta.textContent ?? "")).toEqual(json.attributes.articles);
    expect(elements(doc, "graph")[0]!.getAttribute("defaultedgetype")).toBe("directed");
    expect(elements(doc, "edge").map((e) => e.getAttribute("id"))).toEqual(["e0", "e1", "e2", "e3"]);
  });

  it("drops characters XML cannot hold instead of writing a broken file", () => {
    const bad = sampleGraph();
    bad.nodes[0]!.attributes.label = "Ana\u0000 Ló\u0007pez";
    const g = parse(MultiDirectedGraph, toGexf(bad));
    expect(g.getNodeAttribute("person:ana-lópez", "label")).toBe("Ana López");
  });
});
