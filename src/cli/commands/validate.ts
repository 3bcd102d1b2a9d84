import { readFile } from "node:fs/promises";
import { parseArgs, UsageError } from "../args.js";
import type { Command } from "../command.js";
import { validateGraphJson } from "../../export/schema.js";
import { describeFsError } from "../../ingest/problems.js";

const USAGE = `newsgraph validate <graph.json>

  Checks a graph JSON against the newsgraph contract: every attribute's type, entity kinds and relations from
  the vocabulary, evidence offsets (non-negative, start <= end), unique keys, edges between existing nodes,
  documents listed in attributes.articles. Use - to read standard input.
  Exit code: 0 valid, 1 invalid (the errors are listed), 2 usage error.
`;

/** How many errors are printed; the total is always given. */
const SHOWN_ERRORS = 50;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString("utf8");
}

export const validateCommand: Command = {
  name: "validate",
  summary: "check a graph JSON against the contract (exit 1 with the errors if invalid)",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, [], []);
    const [file, ...extra] = args.positionals;
    if (!file) throw new UsageError("give the graph JSON file to check");
    if (extra.length > 0) throw new UsageError(`one file only, got also: ${extra.join(" ")}`);
    let text: string;
    try {
      text = file === "-" ? await readStdin() : await readFile(file, "utf8");
    } catch (err) {
      io.stderr.write(`${file}: cannot read: ${describeFsError(err)}\n`);
      return 1;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      io.stderr.write(`${file}: invalid: not JSON (${err instanceof Error ? err.message : String(err)})\n`);
      return 1;
    }
    const result = validateGraphJson(value);
    if (result.ok) {
      const g = value as { nodes: unknown[]; edges: unknown[]; attributes: { articles: unknown[] } };
      io.stdout.write(
        `${file}: valid (${g.nodes.length} nodes, ${g.edges.length} edges, ${g.attributes.articles.length} articles)\n`,
      );
      return 0;
    }
    const { errors } = result;
    const lines = errors.slice(0, SHOWN_ERRORS).map((e) => `  ${e}`);
    if (errors.length > SHOWN_ERRORS) lines.push(`  ... and ${errors.length - SHOWN_ERRORS} more`);
    io.stderr.write(`${file}: invalid, ${errors.length} error${errors.length === 1 ? "" : "s"}:\n${lines.join("\n")}\n`);
    return 1;
  },
};
