import { describe, expect, it } from "vitest";
import { buildSearchIndex, normalize, search } from "../../viz/src/search.js";
import { sampleGraph } from "./fixture.js";

const graph = sampleGraph();
const index = buildSearchIndex(graph.mapNodes((key, a) => ({ key, label: a.label, kind: a.kind, aliases: a.aliases, mentions: a.mentions })));

describe("search over labels and aliases", () => {
  const cases: [name: string, query: string, firstNode: string | null, alias: string | null][] = [
    ["full label", "Masood Khan", "masood-khan", null],
    ["label prefix, any case", "maso", "masood-khan", null],
    ["surname alias finds the person", "khan", "masood-khan", "Khan"],
    ["short alias", "US", "united-states", "US"],
    ["alias that is another node's label ranks that node first", "Washington", "washington", null],
    ["punctuation-insensitive", "azm e istekam", "azm-e-istekam", "Azm-e-Istekam"],
    ["word inside a label", "istekam", "azm-e-istekam", null],
    ["markup in labels is just text", "<img", "xss-org", null],
    ["no match", "zzzz", null, null],
    ["blank query", "   ", null, null],
  ];
  it.each(cases)("%s: %j", (_name, query, firstNode, alias) => {
    const hits = search(index, query);
    expect(hits[0]?.node ?? null).toBe(firstNode);
    if (firstNode) expect(hits[0]?.alias ?? null).toBe(alias);
  });

  it("returns one hit per node, at most `limit`", () => {
    const hits = search(index, "a", 5);
    expect(hits.length).toBeLessThanOrEqual(5);
    expect(new Set(hits.map((h) => h.node)).size).toBe(hits.length);
  });

  it("normalizes accents, case and punctuation", () => {
    expect(normalize("São Paulo")).toBe("sao paulo");
    expect(normalize("  Azm-e-Istekam!! ")).toBe("azm e istekam");
  });

  it("is fast enough to run on every keystroke over 60k names", () => {
    const big = buildSearchIndex(Array.from({ length: 20_000 }, (_, i) => ({ key: `n${i}`, label: `Entity ${i}`, kind: "person", aliases: [`E${i}`, `Alias ${i}`] })));
    const t = performance.now();
    for (const q of ["ent", "entity 19", "alias 1", "e5"]) search(big, q);
    // generous bound: about 10 ms on a quiet machine, and CI machines are shared
    expect((performance.now() - t) / 4).toBeLessThan(400);
  });
});
