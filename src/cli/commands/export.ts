import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs, stringFlag, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { EXPORT_EXTENSIONS, EXPORT_FORMATS, isExportFormat, writeExport, writeNeo4jImport } from "../../export/index.js";
import { validateGraphJson } from "../../export/schema.js";
import type { GraphJson } from "../../types.js";

const USAGE = `newsgraph export <graph.json> --format ${EXPORT_FORMATS.join("|")} [--out PATH] [--neo4j-import DIR]

  --format   gexf (Gephi), graphml (yEd, Cytoscape, networkx), csv (a folder: nodes.csv, edges.csv,
             evidence.csv, articles.csv), cypher (a Neo4j script for cypher-shell -f), json
  --out      where to write; default: the input path with the format's extension (csv: <name>-csv/)
  --neo4j-import DIR
             also write the CSV set for \`neo4j-admin database import full\` (with import.sh) into DIR
`;

/** Reads a graph JSON file and checks it against the contract, so exporters never see a malformed graph. */
async function readGraphJson(file: string): Promise<GraphJson> {
  const value: unknown = JSON.parse(await readFile(file, "utf8"));
  const result = validateGraphJson(value);
  if (!result.ok) {
    const shown = result.errors.slice(0, 10).map((e) => `  ${e}`);
    if (result.errors.length > 10) shown.push(`  ... and ${result.errors.length - 10} more`);
    throw new Error(`${file} is not a valid newsgraph graph JSON (see \`newsgraph validate ${file}\`):\n${shown.join("\n")}`);
  }
  return value as GraphJson;
}

export const exportCommand: Command = {
  name: "export",
  summary: "convert a graph JSON to GEXF, GraphML, CSV or Cypher",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ["format", "out", "neo4j-import"], []);
    const [input, ...extra] = args.positionals;
    if (!input) throw new UsageError("give the graph JSON to export");
    if (extra.length > 0) throw new UsageError(`one input only, got also: ${extra.join(" ")}`);
    const format = stringFlag(args, "format");
    if (!format) throw new UsageError("--format is required");
    if (!isExportFormat(format)) throw new UsageError(`unknown format "${format}"; use one of ${EXPORT_FORMATS.join(", ")}`);
    const out = stringFlag(args, "out") ?? input.replace(/\.json$/i, "") + EXPORT_EXTENSIONS[format];
    if (resolve(out) === resolve(input)) throw new UsageError(`--out would overwrite the input ${input}`);
    const graph = await readGraphJson(input);
    await writeExport(graph, format, out);
    io.stdout.write(`${format}: ${graph.nodes.length} nodes, ${graph.edges.length} edges -> ${out}\n`);
    const neo4jDir = stringFlag(args, "neo4j-import");
    if (neo4jDir !== undefined) {
      await writeNeo4jImport(graph, neo4jDir);
      io.stdout.write(`neo4j-admin import set -> ${neo4jDir} (run: sh import.sh)\n`);
    }
    return 0;
  },
};
