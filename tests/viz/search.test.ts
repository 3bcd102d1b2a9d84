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

  // Its speed over 60k names is a figure of `npm run bench:viz`, not a timed test (shared CI cores made it flaky).
  it("ranks the exact label first among 60k names and aliases", () => {
    const big = buildSearchIndex(Array.from({ length: 20_000 }, (_, i) => ({ key: `n${i}`, label: `Entity ${i}`, kind: "person", aliases: [`E${i}`, `Alias ${i}`] })));
    expect(search(big, "entity 19")[0]?.node).toBe("n19");
    expect(search(big, "alias 1234")[0]).toEqual(expect.objectContaining({ node: "n1234", alias: "Alias 1234" }));
  });
});
