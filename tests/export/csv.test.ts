import { describe, expect, it } from "vitest";
import { csvField, toCsvFiles } from "../../src/export/csv.js";
import { readCsv, readCsvObjects, sampleGraph } from "./helpers.js";

describe("csv export", () => {
  const json = sampleGraph();
  const files = toCsvFiles(json);

  it("writes the four files", () => {
    expect([...files.keys()]).toEqual(["nodes.csv", "edges.csv", "evidence.csv", "articles.csv"]);
  });

  it.each([
    ["plain", "abc", "abc"],
    ["comma", "a,b", '"a,b"'],
    ["quote", 'say "hi"', '"say ""hi"""'],
    ["CRLF", "a\r\nb", '"a\r\nb"'],
    ["LF", "a\nb", '"a\nb"'],
    ["null", null, ""],
    ["number", 1.5, "1.5"],
  ] as const)("quotes a field: %s", (_name, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("round-trips nodes with lists as JSON", () => {
    const nodes = readCsvObjects(files.get("nodes.csv")!);
    expect(nodes).toHaveLength(json.nodes.length);
    const att = nodes.find((n) => n["key"] === "organization:at&t")!;
    expect(att["label"]).toBe('AT&T "Research <Labs>", Inc.');
    expect(JSON.parse(att["aliases"]!)).toEqual(json.nodes[1]!.attributes.aliases);
    const ana = nodes.find((n) => n["key"] === "person:ana-lópez")!;
    expect(JSON.parse(ana["quotes"]!)).toEqual(json.nodes[0]!.attributes.quotes);
    expect(Number(ana["x"])).toBe(1.5);
  });

  it("round-trips edges", () => {
    const edges = readCsvObjects(files.get("edges.csv")!);
    expect(edges.map((e) => e["key"])).toEqual(["e0", "e1", "e2", "e3"]);
    expect(edges[0]).toMatchObject({ source: "person:ana-lópez", relation: "criticized", weight: "2", cameo: "" });
    expect(edges[1]!["cameo"]).toBe("042");
    expect(JSON.parse(edges[0]!["documents"]!)).toEqual(["a1", "a2"]);
  });

  it("writes one evidence row per evidence item, keeping CR LF and quotes inside text", () => {
    const rows = readCsvObjects(files.get("evidence.csv")!);
    expect(rows).toHaveLength(json.edges.reduce((n, e) => n + e.attributes.evidence.length, 0));
    expect(rows[1]).toEqual({
      edge: "e0", source: "person:ana-lópez", target: "organization:at&t", relation: "criticized",
      document: "a2", start: "5", end: "40", text: "López again criticized AT&T;\r\nno reply came.", quote: "",
      rule: "comm.verb-object",
    });
    expect(rows[0]!["quote"]).toBe("We will not accept this");
  });

  it("keeps the article list", () => {
    const rows = readCsv(files.get("articles.csv")!);
    expect(rows).toEqual([
      ["id", "title", "date", "source"],
      ["a1", 'Talks in Zürich, "a first" & <more>', "2024-03-01", "seeds/a1.txt"],
      ["a2", "", "", "https://example.org/news?id=2&lang=fr"],
    ]);
  });
});
