// A Cypher script for Neo4j (cypher-shell -f graph.cypher): uniqueness constraints, then MERGE of articles,
// entities (label :Entity plus one label per kind) and relationships typed by relation in upper case.
// MERGE on keys makes the script safe to run again. Evidence and quotes are JSON text (Neo4j properties
// cannot hold maps); documents and aliases are string lists.
import type { EntityKind, GraphJson } from "../types.js";
import { evidenceDocuments } from "./provenance.js";

/** A Cypher string literal: single-quoted, with backslash escapes for quote, backslash and control characters. */
export function cypherString(text: string): string {
  const body = text
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD")
    .replace(/[\\'\u0000-\u001F\u007F]/g, (c) => {
      switch (c) {
        case "\\": return "\\\\";
        case "'": return "\\'";
        case "\n": return "\\n";
        case "\r": return "\\r";
        case "\t": return "\\t";
        default: return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
      }
    });
  return `'${body}'`;
}

/** A label or relationship type, back-quoted unless it is a plain identifier (inner back-quotes doubled). */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, "``")}\``;
}

export function cypherList(values: readonly string[]): string {
  return `[${values.map(cypherString).join(", ")}]`;
}

/** Counts: an Integer literal when whole (the contract's case), a Float otherwise. */
function cypherCount(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : cypherFloat(n);
}

/** Always a float literal, so a property has one type on every node (0 would otherwise be an Integer). */
function cypherFloat(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`cypher: cannot write the non-finite number ${n}; fix the layout first`);
  const text = String(n);
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

/** `person` -> `Person`, `agreed_with`-style kinds -> `AgreedWith`. */
export function kindLabel(kind: EntityKind | string): string {
  return kind.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join("") || "Unknown";
}

/** `agreed_with` -> `AGREED_WITH`; anything outside [A-Z0-9_] becomes `_`. */
export function relationType(relation: string): string {
  return relation.toUpperCase().replace(/[^A-Z0-9_]/g, "_") || "RELATED_TO";
}

/** Serializes a graph JSON as a Cypher script, one statement per line, each ending in `;`. */
export function toCypher(json: GraphJson): string {
  return [...cypherChunks(json)].join("");
}

/** The script in pieces (one line each, newline included), so a large graph can be streamed to a file. */
export function* cypherChunks(json: GraphJson): Generator<string> {
  const g = json.attributes;
  const header = [
    `// ${g.generator} ${g.version}: ${json.nodes.length} entities, ${json.edges.length} relationships, ` +
      `${g.articles.length} articles. Run with: cypher-shell -f <this file>`,
    "CREATE CONSTRAINT newsgraph_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;",
    "CREATE CONSTRAINT newsgraph_article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE;",
  ];
  for (const line of header) yield line + "\n";
  for (const a of g.articles) {
    yield (
      `MERGE (a:Article {id: ${cypherString(a.id)}}) SET a.title = ${a.title === null ? "null" : cypherString(a.title)}, ` +
        `a.date = ${a.date === null ? "null" : cypherString(a.date)}, a.source = ${cypherString(a.source)};\n`
    );
  }
  for (const { key, attributes: a } of json.nodes) {
    yield (
      `MERGE (n:Entity {key: ${cypherString(key)}}) SET n:${cypherName(kindLabel(a.kind))}, ` +
        `n.label = ${cypherString(a.label)}, n.kind = ${cypherString(a.kind)}, n.aliases = ${cypherList(a.aliases)}, ` +
        `n.mentions = ${cypherCount(a.mentions)}, n.documents = ${cypherList(a.documents)}, ` +
        `n.quotes = ${cypherString(JSON.stringify(a.quotes))}, n.x = ${cypherFloat(a.x)}, n.y = ${cypherFloat(a.y)}, ` +
        `n.size = ${cypherFloat(a.size)};\n`
    );
  }
  for (const { key, source, target, attributes: a } of json.edges) {
    yield (
      `MATCH (s:Entity {key: ${cypherString(source)}}), (t:Entity {key: ${cypherString(target)}}) ` +
        `MERGE (s)-[r:${cypherName(relationType(a.relation))} {key: ${cypherString(key)}}]->(t) ` +
        `SET r.relation = ${cypherString(a.relation)}, r.weight = ${cypherCount(a.weight)}, ` +
        `r.evidence = ${cypherString(JSON.stringify(a.evidence))}, r.documents = ${cypherList(evidenceDocuments(a))}, ` +
        `r.rule = ${cypherString(a.rule)}, r.cameo = ${a.cameo === undefined ? "null" : cypherString(a.cameo)};\n`
    );
  }
  // Provenance as graph structure too: each entity links to the articles that name it.
  const articleIds = new Set(g.articles.map((a) => a.id));
  for (const { key, attributes: a } of json.nodes) {
    for (const doc of a.documents) {
      if (!articleIds.has(doc)) continue;
      yield (
        `MATCH (n:Entity {key: ${cypherString(key)}}), (a:Article {id: ${cypherString(doc)}}) MERGE (n)-[:MENTIONED_IN]->(a);\n`
      );
    }
  }
}
