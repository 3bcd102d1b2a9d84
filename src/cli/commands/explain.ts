import { readFile } from "node:fs/promises";
import { parseArgs, UsageError } from "../args.js";
import type { Command } from "../command.js";
import type { GraphJson, SerializedNode } from "../../types.js";
import { describeFsError } from "../../ingest/problems.js";

const USAGE = `newsgraph explain <graph.json> <node>

  Prints what the graph knows of one entity and why it is one node: its kind, title, aliases, articles, and the
  reason for every merge cross-article resolution made into it (surname, acronym, plural, country prefix).
  <node> is a node key ("person:peter-goldsmith") or a label or alias, compared without case.
  Exit code: 0 found, 1 not found or unreadable, 2 usage error.
`;

/** The node a user means: its key, else the one whose label, else whose alias, matches without case. */
export function findNode(graph: GraphJson, query: string): SerializedNode | undefined {
  const q = query.toLowerCase();
  return (
    graph.nodes.find((n) => n.key === query) ??
    graph.nodes.find((n) => n.attributes.label.toLowerCase() === q) ??
    graph.nodes.find((n) => n.attributes.aliases.some((a) => a.toLowerCase() === q))
  );
}

/** The explanation as text lines. */
export function explainNode(n: SerializedNode): string {
  const a = n.attributes;
  const lines = [`${n.key}: "${a.label}" (${a.kind})`];
  if (a.title) lines.push(`  title: ${a.title}`);
  lines.push(`  aliases: ${a.aliases.join(" | ") || "(none)"}`);
  lines.push(`  ${a.mentions} mention${a.mentions === 1 ? "" : "s"} in ${a.documents.length} article${a.documents.length === 1 ? "" : "s"}`);
  if (a.merged?.length) {
    lines.push(`  merged (${a.merged.length}):`);
    for (const r of a.merged) lines.push(`    - ${r}`);
  } else lines.push("  merged: none beyond equal names (every article named it the same way)");
  return `${lines.join("\n")}\n`;
}

export const explainCommand: Command = {
  name: "explain",
  summary: "print why one node is one node: aliases, title and the reason for each merge",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, [], []);
    const [file, node, ...extra] = args.positionals;
    if (!file || !node) throw new UsageError("give the graph JSON file and a node key, label or alias");
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
    let graph: GraphJson;
    try {
      graph = JSON.parse(await readFile(file, "utf8")) as GraphJson;
    } catch (err) {
      io.stderr.write(`${file}: cannot read: ${err instanceof SyntaxError ? err.message : describeFsError(err)}\n`);
      return 1;
    }
    const found = findNode(graph, node);
    if (!found) {
      io.stderr.write(`${file}: no node with key, label or alias "${node}"\n`);
      return 1;
    }
    io.stdout.write(explainNode(found));
    return 0;
  },
};
