// A folder of RFC 4180 CSV files: nodes.csv, edges.csv, evidence.csv (one row per evidence sentence) and
// articles.csv. Records end in CRLF; a field is quoted when it holds a comma, a quote, CR or LF.
// Lists (aliases, documents, quotes) are JSON text so they survive a round trip.
import type { GraphJson } from "../types.js";
import { evidenceDocuments } from "./provenance.js";

export type CsvValue = string | number | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvTable(header: readonly string[], rows: Iterable<readonly CsvValue[]>): string {
  const lines = [header.map(csvField).join(",")];
  for (const row of rows) lines.push(row.map(csvField).join(","));
  return lines.join("\r\n") + "\r\n";
}

export const NODE_COLUMNS = ["key", "label", "kind", "aliases", "mentions", "documents", "quotes", "x", "y", "size"] as const;
export const EDGE_COLUMNS = ["key", "source", "target", "relation", "weight", "cameo", "rule", "documents"] as const;
export const EVIDENCE_COLUMNS = [
  "edge", "source", "target", "relation", "document", "start", "end", "text", "quote", "rule",
] as const;
export const ARTICLE_COLUMNS = ["id", "title", "date", "source"] as const;

/** The CSV set as file name -> content, in a fixed order. */
export function toCsvFiles(json: GraphJson): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    "nodes.csv",
    csvTable(
      NODE_COLUMNS,
      json.nodes.map(({ key, attributes: a }) => [
        key, a.label, a.kind, JSON.stringify(a.aliases), a.mentions, JSON.stringify(a.documents),
        JSON.stringify(a.quotes), a.x, a.y, a.size,
      ]),
    ),
  );
  files.set(
    "edges.csv",
    csvTable(
      EDGE_COLUMNS,
      json.edges.map(({ key, source, target, attributes: a }) => [
        key, source, target, a.relation, a.weight, a.cameo, a.rule, JSON.stringify(evidenceDocuments(a)),
      ]),
    ),
  );
  files.set(
    "evidence.csv",
    csvTable(
      EVIDENCE_COLUMNS,
      json.edges.flatMap(({ key, source, target, attributes: a }) =>
        a.evidence.map((e) => [key, source, target, a.relation, e.document, e.start, e.end, e.text, e.quote, e.rule]),
      ),
    ),
  );
  files.set(
    "articles.csv",
    csvTable(ARTICLE_COLUMNS, json.attributes.articles.map((a) => [a.id, a.title, a.date, a.source])),
  );
  return files;
}
