// The CSV set for `neo4j-admin database import full`: the fast path for large graphs into an empty database.
// Lists use U+001F (unit separator) as array delimiter, a character names and texts never contain; evidence
// and quotes are JSON text as in the Cypher script. import.sh holds the matching command line.
import type { GraphJson } from "../types.js";
import { csvTable, type CsvValue } from "./csv.js";
import { kindLabel, relationType } from "./cypher.js";
import { evidenceDocuments } from "./provenance.js";

export const NEO4J_ARRAY_DELIMITER = "\u001F";

function list(values: readonly string[]): string {
  return values.map((v) => v.replaceAll(NEO4J_ARRAY_DELIMITER, " ")).join(NEO4J_ARRAY_DELIMITER);
}

function numberType(values: readonly number[]): "long" | "double" {
  return values.every((v) => Number.isSafeInteger(v)) ? "long" : "double";
}

/** File name -> content for neo4j-admin import, plus import.sh. */
export function toNeo4jAdminFiles(json: GraphJson, database = "neo4j"): Map<string, string> {
  const files = new Map<string, string>();
  const mentionsType = numberType(json.nodes.map((n) => n.attributes.mentions));
  files.set(
    "entities.csv",
    csvTable(
      [
        "key:ID(Entity)", ":LABEL", "label", "kind", "aliases:string[]", `mentions:${mentionsType}`, "documents:string[]",
        "quotes", "x:double", "y:double", "size:double",
      ],
      json.nodes.map(({ key, attributes: a }): CsvValue[] => [
        key, list(["Entity", kindLabel(a.kind)]), a.label, a.kind, list(a.aliases), a.mentions, list(a.documents),
        JSON.stringify(a.quotes), a.x, a.y, a.size,
      ]),
    ),
  );
  files.set(
    "articles.csv",
    csvTable(["id:ID(Article)", "title", "date", "source"], json.attributes.articles.map((a) => [a.id, a.title, a.date, a.source])),
  );
  const weightType = numberType(json.edges.map((e) => e.attributes.weight));
  files.set(
    "relationships.csv",
    csvTable(
      [
        ":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "key", "relation", `weight:${weightType}`, "evidence",
        "documents:string[]", "rule", "cameo",
      ],
      json.edges.map(({ key, source, target, attributes: a }): CsvValue[] => [
        source, target, relationType(a.relation), key, a.relation, a.weight, JSON.stringify(a.evidence),
        list(evidenceDocuments(a)), a.rule, a.cameo,
      ]),
    ),
  );
  const articleIds = new Set(json.attributes.articles.map((a) => a.id));
  files.set(
    "mentioned_in.csv",
    csvTable(
      [":START_ID(Entity)", ":END_ID(Article)"],
      json.nodes.flatMap(({ key, attributes: a }) => a.documents.filter((d) => articleIds.has(d)).map((d) => [key, d])),
    ),
  );
  files.set(
    "import.sh",
    [
      "#!/bin/sh",
      "# Imports this folder into an empty Neo4j 5 database (stop the database first). Run from this folder.",
      "set -e",
      `neo4j-admin database import full --overwrite-destination=true --array-delimiter=U+001F --multiline-fields=true \\`,
      "  --nodes=entities.csv --nodes=Article=articles.csv \\",
      "  --relationships=relationships.csv --relationships=MENTIONED_IN=mentioned_in.csv \\",
      `  ${database}`,
      "",
    ].join("\n"),
  );
  return files;
}
