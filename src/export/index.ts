// One entry point for every export format; each writer is a pure GraphJson -> text function in its own file.
import type { GraphJson } from "../types.js";
import { writeDirAtomic, writeFileAtomic } from "./atomic.js";
import { toCsvFiles } from "./csv.js";
import { cypherChunks } from "./cypher.js";
import { toGexf } from "./gexf.js";
import { graphmlChunks } from "./graphml.js";
import { stringifyGraph } from "./json.js";
import { toNeo4jAdminFiles } from "./neo4j-admin.js";

export type ExportFormat = "json" | "gexf" | "graphml" | "csv" | "cypher";
export const EXPORT_FORMATS: readonly ExportFormat[] = ["json", "gexf", "graphml", "csv", "cypher"];

/** The usual file extension per format; `csv` writes a folder. */
export const EXPORT_EXTENSIONS: Readonly<Record<ExportFormat, string>> = {
  json: ".json",
  gexf: ".gexf",
  graphml: ".graphml",
  csv: "-csv",
  cypher: ".cypher",
};

export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}

export { toCsvFiles } from "./csv.js";
export { cypherChunks, toCypher } from "./cypher.js";
export { toGexf } from "./gexf.js";
export { graphmlChunks, toGraphml } from "./graphml.js";
export { toNeo4jAdminFiles } from "./neo4j-admin.js";

/** Joins small chunks into pieces of about `size` characters: one write per line would be a syscall per line. */
export function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const chunk of chunks) {
    parts.push(chunk);
    length += chunk.length;
    if (length >= size) {
      yield parts.join("");
      parts = [];
      length = 0;
    }
  }
  if (parts.length > 0) yield parts.join("");
}

/**
 * Writes `graph` in `format` to `outPath` atomically (temporary sibling, then rename). `csv` writes a folder
 * holding nodes.csv, edges.csv, evidence.csv and articles.csv; every other format writes one file (GraphML
 * and Cypher streamed in chunks, so a large graph never needs one huge string).
 */
export async function writeExport(graph: GraphJson, format: ExportFormat, outPath: string): Promise<void> {
  switch (format) {
    case "json":
      return writeFileAtomic(outPath, stringifyGraph(graph));
    case "gexf":
      return writeFileAtomic(outPath, toGexf(graph));
    case "graphml":
      return writeFileAtomic(outPath, batched(graphmlChunks(graph)));
    case "cypher":
      return writeFileAtomic(outPath, batched(cypherChunks(graph)));
    case "csv":
      return writeDirAtomic(outPath, toCsvFiles(graph));
    default: {
      const never: never = format;
      throw new Error(`export: unknown format "${String(never)}"; use one of ${EXPORT_FORMATS.join(", ")}`);
    }
  }
}

/** Writes the neo4j-admin import CSV set (and import.sh) into the folder `outDir`, atomically. */
export async function writeNeo4jImport(graph: GraphJson, outDir: string): Promise<void> {
  return writeDirAtomic(outDir, toNeo4jAdminFiles(graph));
}
