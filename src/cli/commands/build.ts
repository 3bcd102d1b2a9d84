import path from "node:path";
import type { Command, CommandIO } from "../command.js";
import { UsageError, numberFlag, parseArgs, storeFlag, stringFlag } from "../args.js";
import { streamInputs, formatProblem } from "../../ingest/index.js";
import { extractAll } from "../../parallel/index.js";
import { BuildProgress, estimateArticles, isTerminal } from "../../parallel/progress.js";
import { buildGraph } from "../../graph/build.js";
import { layoutGraph } from "../../graph/layout.js";
import { mergeExtractions } from "../../graph/merge.js";
import { sliceAround } from "../../graph/slice.js";
import { toGraphJson } from "../../export/json.js";
import { stringifyGraph } from "../../export/json.js";
import { shorten } from "../../util/shorten.js";
import { writeFileAtomic } from "../../util/atomic-write.js";
import { EXPORT_FORMATS, isExportFormat, writeExport } from "../../export/index.js";
import { writeHtml } from "../../export/html.js";
import { extractionsFromStore } from "../../store/build.js";
import type { GraphJson } from "../../types.js";

const USAGE = `newsgraph build <paths...> [options]

Reads articles (.txt, .md, .html, .json, .jsonl; folders are searched recursively) and writes their knowledge graph.

Options:
  --out FILE        graph JSON (default out/graph.json; "-" writes to stdout)
  --html FILE       also write the interactive page, one self-contained HTML file
  --format FORMAT   format of --out: ${EXPORT_FORMATS.join(", ")} (default json)
  --db FILE_OR_URL  build from a store filled by \`newsgraph ingest\` (SQLite file or postgres:// URL)
                    instead of paths; NEWSGRAPH_DB is used when neither paths nor --db are given
  --since DATE      with --db: only articles dated DATE (YYYY-MM-DD) or later
  --until DATE      with --db: only articles dated DATE or earlier
  --around ENTITY   with --db: only the entity (node key or name) and what lies within --hops of it
  --hops N          hops for --around (default 1)
  --strict          any input problem is fatal (exit 1 before writing)
  --no-layout       skip the ForceAtlas2 layout (faster; positions stay 0)
  --quiet           no summary
`;

function summary(graph: GraphJson, articles: number, words: number, seconds: number, duplicates: number): string {
  const kinds = new Map<string, number>();
  for (const n of graph.nodes) kinds.set(n.attributes.kind, (kinds.get(n.attributes.kind) ?? 0) + 1);
  const relations = new Map<string, number>();
  for (const e of graph.edges) relations.set(e.attributes.relation, (relations.get(e.attributes.relation) ?? 0) + 1);
  const list = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(", ") || "none";
  const quotes = graph.nodes.reduce((n, x) => n + x.attributes.quotes.length, 0);
  return [
    `articles ${articles}, words ${words.toLocaleString("en-US")}${duplicates > 0 ? `, duplicates ${duplicates} (same text, extracted once)` : ""}`,
    `nodes ${graph.nodes.length}: ${list(kinds)}`,
    `edges ${graph.edges.length}: ${list(relations)}`,
    `quotes ${quotes}`,
    `${seconds.toFixed(2)} s, ${Math.round(words / Math.max(seconds, 1e-6)).toLocaleString("en-US")} words/s`,
  ].join("\n");
}

async function write(graph: GraphJson, out: string, format: string, io: CommandIO): Promise<void> {
  if (out === "-") {
    if (format !== "json") throw new UsageError(`--out - writes JSON only`);
    io.stdout.write(stringifyGraph(graph));
    return;
  }
  if (format === "json") await writeFileAtomic(out, stringifyGraph(graph));
  else if (isExportFormat(format)) await writeExport(graph, format, out);
}

function dateFlag(args: Parameters<typeof stringFlag>[0], name: string): string | undefined {
  const v = stringFlag(args, name);
  if (v !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${name} takes a date YYYY-MM-DD, got "${v}"`);
  return v;
}

export const buildCommand: Command = {
  name: "build",
  summary: "build a graph JSON (and page) from article files or folders",
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv, ["out", "html", "format", "db", "since", "until", "around", "hops"], ["strict", "no-layout", "quiet"]);
    const out = stringFlag(args, "out") ?? path.join("out", "graph.json");
    const html = stringFlag(args, "html");
    const format = stringFlag(args, "format") ?? "json";
    const db = stringFlag(args, "db") ?? (args.positionals.length === 0 ? storeFlag(args) : undefined);
    const since = dateFlag(args, "since");
    const until = dateFlag(args, "until");
    const around = stringFlag(args, "around");
    const hops = numberFlag(args, "hops") ?? 1;
    if (!Number.isInteger(hops) || hops < 0) throw new UsageError(`--hops takes a whole number, got ${hops}`);
    if (!db && (since || until || around)) throw new UsageError("--since, --until and --around slice a store: give --db");
    if (!isExportFormat(format)) throw new UsageError(`unknown --format "${format}" (one of ${EXPORT_FORMATS.join(", ")})`);
    if (!db && args.positionals.length === 0) throw new UsageError("name at least one file or folder of articles (or --db FILE)");
    const strict = args.flags.has("strict");
    const started = performance.now();

    let graph: GraphJson;
    let articles = 0;
    let words = 0;
    let failed = 0;
    let duplicates = 0;
    let extractSeconds = 0;
    if (db) {
      const stored = await extractionsFromStore(db, { since, until });
      for (const x of stored) words += x.words;
      articles = stored.length;
      if (around === undefined) {
        graph = buildGraph(stored, { layout: !args.flags.has("no-layout") });
      } else {
        const slice = sliceAround(mergeExtractions(stored), around, hops);
        if (!args.flags.has("no-layout")) layoutGraph(slice);
        graph = toGraphJson(slice);
      }
    } else {
      const extractStarted = performance.now();
      // Extraction runs on every core (in this thread for small inputs); events come back in input order.
      const progress = !args.flags.has("quiet") && isTerminal(io.stderr) ? new BuildProgress(io.stderr, await estimateArticles(args.positionals)) : undefined;
      const say = (line: string) => (progress ? progress.log(line) : io.stderr.write(line));
      const extracted = await extractAll(streamInputs(args.positionals), {
        onEvent(event) {
          progress?.tick(event);
          if (event.type === "problem") {
            say(`newsgraph: ${formatProblem(event.problem)}\n`);
            if (event.problem.severity === "error") failed++;
          } else if (event.type === "failed") {
            failed++;
            say(`newsgraph: ${shorten(event.article.source, 100)}: error: article "${shorten(event.article.id)}" could not be processed: ${shorten(event.message, 150)}\n`);
          }
        },
      }).finally(() => progress?.stop());
      extractSeconds = (performance.now() - extractStarted) / 1000;
      const extractions = extracted.extractions;
      words = extracted.words;
      duplicates = extracted.duplicates;
      articles = extractions.length;
      if (strict && failed > 0) {
        io.stderr.write(`newsgraph build: ${failed} input problem(s) and --strict: nothing written\n`);
        return 1;
      }
      if (articles === 0) {
        io.stderr.write("newsgraph build: no articles found in the given paths; nothing written\n");
        return 1;
      }
      graph = buildGraph(extractions, { layout: !args.flags.has("no-layout") });
    }
    await write(graph, out, format, io);
    if (html) await writeHtml(graph, html);
    const seconds = (performance.now() - started) / 1000;
    if (!args.flags.has("quiet")) {
      const written = [out === "-" ? "stdout" : out, ...(html ? [html] : [])].join(" and ");
      const rate = extractSeconds > 0 ? `extraction ${extractSeconds.toFixed(2)} s, ${Math.round(words / extractSeconds).toLocaleString("en-US")} words/s (start-up and model loading included)\n` : "";
      io.stderr.write(`${summary(graph, articles, words, seconds, duplicates)}\n${rate}wrote ${written}\n`);
      if (failed > 0) io.stderr.write(`${failed} input(s) failed; see the messages above\n`);
    }
    return failed > 0 ? 1 : 0;
  },
};
