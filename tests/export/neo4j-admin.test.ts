import { describe, expect, it } from "vitest";
import { NEO4J_ARRAY_DELIMITER, toNeo4jAdminFiles } from "../../src/export/neo4j-admin.js";
import { readCsv, readCsvObjects, sampleGraph } from "./helpers.js";

describe("neo4j-admin import set", () => {
  const json = sampleGraph();
  const files = toNeo4jAdminFiles(json);

  it("writes entities, articles, relationships, mention links and the command", () => {
    expect([...files.keys()].sort()).toEqual(["articles.csv", "entities.csv", "import.sh", "mentioned_in.csv", "relationships.csv"]);
    expect(files.get("import.sh")).toContain("--array-delimiter=U+001F");
  });

  it("declares ids, labels, types and typed arrays in the headers", () => {
    const [header] = readCsv(files.get("entities.csv")!);
    expect(header).toContain("key:ID(Entity)");
    expect(header).toContain("aliases:string[]");
    const rels = readCsv(files.get("relationships.csv")!);
    expect(rels[0]!.slice(0, 3)).toEqual([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]);
    expect(rels).toHaveLength(json.edges.length + 1);
  });

  it("keeps values intact", () => {
    const entities = readCsvObjects(files.get("entities.csv")!);
    expect(entities).toHaveLength(json.nodes.length);
    const att = entities.find((e) => e["key:ID(Entity)"] === "organization:at&t")!;
    expect(att[":LABEL"]!.split(NEO4J_ARRAY_DELIMITER)).toEqual(["Entity", "Organization"]);
    expect(att["aliases:string[]"]!.split(NEO4J_ARRAY_DELIMITER)).toEqual(json.nodes[1]!.attributes.aliases);
    const rels = readCsvObjects(files.get("relationships.csv")!);
    expect(rels.map((r) => r[":TYPE"])).toEqual(["CRITICIZED", "VISITED", "AGREED_WITH", "MET"]);
    expect(JSON.parse(rels[0]!["evidence"]!)).toEqual(json.edges[0]!.attributes.evidence);
    expect(readCsvObjects(files.get("mentioned_in.csv")!)).toHaveLength(4);
  });
});
