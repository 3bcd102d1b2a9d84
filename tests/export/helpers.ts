// Readers used to parse exports back in tests: an RFC 4180 CSV reader, an XML parse that fails on any error,
// and the sample graph fixture.
import { readFileSync } from "node:fs";
import { DOMParser } from "@xmldom/xmldom";
import type { GraphJson } from "../../src/types.js";

export function sampleGraph(): GraphJson {
  return JSON.parse(readFileSync(new URL("../fixtures/export/sample-graph.json", import.meta.url), "utf8")) as GraphJson;
}

/** Reads RFC 4180 CSV: CRLF records, quoted fields with doubled quotes, CR/LF allowed inside quotes. */
export function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (field !== "") throw new Error(`csv: quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ",") {
      row.push(field);
      field = "";
      i++;
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
    } else if (c === "\n" || c === "\r") {
      throw new Error(`csv: bare line break at ${i} (records must end in CRLF)`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error("csv: unterminated quoted field");
  if (field !== "" || row.length > 0) throw new Error("csv: last record does not end in CRLF");
  return rows;
}

/** CSV rows as objects keyed by the header; checks every row has the header's width. */
export function readCsvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = readCsv(text);
  if (!header) throw new Error("csv: no header");
  return rows.map((r, n) => {
    if (r.length !== header.length) throw new Error(`csv: row ${n + 1} has ${r.length} fields, header has ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]!]));
  });
}

/** Parses XML, throwing on any warning or error so a malformed document fails the test. */
export function parseXml(text: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => problems.push(`warning: ${m}`),
      error: (m: string) => problems.push(`error: ${m}`),
      fatalError: (m: string) => problems.push(`fatal: ${m}`),
    },
  }).parseFromString(text, "text/xml");
  if (problems.length > 0) throw new Error(`xml: ${problems.join("; ")}`);
  return doc;
}

export function elements(parent: Document | Element, name: string): Element[] {
  return Array.from(parent.getElementsByTagName(name) as ArrayLike<Element>);
}
