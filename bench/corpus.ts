// Corpus-scale builds, measured: BBC (2,225 articles) and Reuters-21578 (19,043 bodies) through the whole
// pipeline (ingest -> parallel extract -> merge -> layout -> serialize -> write), one child process per corpus
// so each peak RSS is its own. Prints a table and writes the figures as JSON.
//   npm run bench -- [--corpus bbc|reuters|all] [--limit N] [--workers N] [--no-layout] [--json out/bench.json]
//                    [--save-extractions DIR | --from-extractions DIR] [--keep-graph]
// --save-extractions keeps each corpus's extractions as DIR/<corpus>.jsonl; --from-extractions reads them back
// instead of ingesting and extracting, to iterate on merge, layout and serialization alone. The graph is written to
// the temp folder (timed) and deleted unless --keep-graph.
// Figures are whole-process: wall time counts from process start (tsx start-up included); peak RSS is the
// process's (worker threads share it).
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { availableParallelism } from "node:os";
import { streamInputs, type IngestEvent } from "../src/ingest/index.js";
import { extractAll, type ExtractAllResult } from "../src/parallel/index.js";
import type { ArticleExtraction } from "../src/types.js";
import { mergeExtractions } from "../src/graph/merge.js";
import { layoutGraph } from "../src/graph/layout.js";
import { stringifyGraph, toGraphJson } from "../src/export/json.js";
import { writeFileAtomic } from "../src/util/atomic-write.js";

const NODE_FLAGS = JSON.parse(readFileSync(new URL("../bin/node-flags.json", import.meta.url), "utf8")) as string[];

const CORPORA = {
  bbc: "../shared/corpora/news/bbc/bbc.jsonl",
  reuters: "../shared/corpora/news/reuters21578/reuters21578.jsonl",
} as const;
type CorpusName = keyof typeof CORPORA;

interface Figures {
  corpus: CorpusName;
  articles: number;
  duplicates: number;
  skipped: number;
  failed: number;
  /** Words of every input article, duplicates included: title and text split on white space (BBC: 854,490). */
  words: number;
  /** Words the extractor read: the first copy of each text, as its tokenizer counts them. */
  extractedWords: number;
  wordsPerSecond: number;
  articlesPerSecond: number;
  wallSeconds: number;
  peakRssMB: number;
  workers: number;
  nodes: number;
  edges: number;
  bytes: number;
  /** Seconds per stage. ingest runs inside extract (streamed); startup is module loading before main. */
  stages: { startup: number; ingest: number; extract: number; merge: number; layout: number; serialize: number; write: number };
  /** Extraction time summed over articles (wall time inside the workers; CPU time when the machine is idle). */
  extractCpuSeconds: number;
  /** User + system CPU of the whole process, all threads: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  wordsPerCpuSecond: number;
  /** CPU seconds per stage (extract: all threads; the other stages run alone on the main thread). */
  stagesCpu: { startup: number; extract: number; merge: number; layout: number; serialize: number; write: number };
  /**
   * What the wall time would be on idle cores: the serial stages' CPU plus the extract CPU spread over the
   * workers. A projection for shared machines, where wall time mostly measures the neighbours.
   */
  projectedIdleWallSeconds: number;
  projectedWordsPerSecond: number;
}

/** CPU seconds this process has used so far, all threads. */
function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const has = (name: string): boolean => process.argv.includes(`--${name}`);
const seconds = (ms: number): number => Math.round(ms) / 1000;
const round = (s: number): number => Math.round(s * 1000) / 1000;

/** White-space separated words of a text (how the issue counts a corpus's words). */
function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c === 32 || (c >= 9 && c <= 13) || c === 160;
    if (!space && !inWord) words++;
    inWord = !space;
  }
  return words;
}

/**
 * Counts the time spent inside the ingest stream (reading and decoding) and the input words, and stops after
 * `limit` articles.
 */
async function* timed(events: AsyncIterable<IngestEvent>, limit: number, clock: { ms: number; words: number }): AsyncGenerator<IngestEvent> {
  const it = events[Symbol.asyncIterator]();
  let articles = 0;
  while (articles < limit) {
    const started = performance.now();
    const next = await it.next();
    clock.ms += performance.now() - started;
    if (next.done) return;
    if (next.value.type === "article") {
      articles++;
      clock.words += countWords(next.value.article.title ?? "") + countWords(next.value.article.text);
    }
    yield next.value;
  }
  await it.return?.(undefined);
}

async function loadExtractions(file: string, limit: number): Promise<ExtractAllResult> {
  const result: ExtractAllResult = { extractions: [], words: 0, duplicates: 0, failed: 0, extractMs: 0 };
  for (const line of readFileSync(file, "utf8").split("\n")) {
    if (line === "" || result.extractions.length >= limit) continue;
    const x = JSON.parse(line) as ArticleExtraction;
    result.extractions.push(x);
    result.words += x.words;
    result.duplicates += x.article.duplicates?.length ?? 0;
  }
  return result;
}

async function child(corpus: CorpusName): Promise<Figures> {
  const startup = performance.now();
  const cStartup = cpuNow();
  const limit = Number(flag("limit") ?? Infinity);
  const workers = Number(flag("workers") ?? availableParallelism());
  const ingest = { ms: 0, words: 0 };
  let skipped = 0;
  const t0 = performance.now();
  const c0 = cpuNow();
  const from = flag("from-extractions");
  const result = from ? await loadExtractions(join(from, `${corpus}.jsonl`), limit) : await extractAll(timed(streamInputs([CORPORA[corpus]]), limit, ingest), {
    workers,
    onEvent(event) {
      // Ingest warnings (in Reuters: the 1,799 records without a body) are counted, not printed.
      if (event.type === "problem") skipped++;
    },
  });
  const t1 = performance.now();
  const c1 = cpuNow();
  const save = flag("save-extractions");
  if (save) {
    mkdirSync(save, { recursive: true });
    writeFileSync(join(save, `${corpus}.jsonl`), result.extractions.map((x) => JSON.stringify(x)).join("\n") + "\n");
  }
  const tm = performance.now();
  const cm = cpuNow();
  const graph = mergeExtractions(result.extractions);
  const t2 = performance.now();
  const c2 = cpuNow();
  if (!has("no-layout")) layoutGraph(graph);
  const t3 = performance.now();
  const c3 = cpuNow();
  const text = stringifyGraph(toGraphJson(graph));
  const t4 = performance.now();
  const c4 = cpuNow();
  const out = join(tmpdir(), `newsgraph-bench-${corpus}-${process.pid}.json`);
  await writeFileAtomic(out, text);
  const t5 = performance.now();
  const c5 = cpuNow();
  if (has("keep-graph")) console.error(`bench: graph kept in ${out}`);
  else rmSync(out, { force: true });
  const wall = performance.now();
  // --from-extractions reads no input: only the extracted words are known.
  const words = from ? result.words : ingest.words;
  const usage = process.cpuUsage();
  const cpu = usage.user + usage.system;
  const parallelism = Math.max(1, Math.min(workers, availableParallelism()));
  const projected = cStartup + (c1 - c0) / (from ? 1 : parallelism) + (c5 - cm);
  return {
    corpus,
    articles: result.extractions.length,
    duplicates: result.duplicates,
    skipped,
    failed: result.failed,
    words,
    extractedWords: result.words,
    wordsPerSecond: Math.round(words / (wall / 1000)),
    articlesPerSecond: Math.round((result.extractions.length + result.duplicates) / (wall / 1000)),
    wallSeconds: seconds(wall),
    peakRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    workers,
    nodes: graph.order,
    edges: graph.size,
    bytes: Buffer.byteLength(text),
    stages: {
      startup: seconds(startup),
      ingest: seconds(ingest.ms),
      extract: seconds(t1 - t0),
      merge: seconds(t2 - tm),
      layout: seconds(t3 - t2),
      serialize: seconds(t4 - t3),
      write: seconds(t5 - t4),
    },
    extractCpuSeconds: seconds(result.extractMs),
    cpuSeconds: seconds(cpu / 1000),
    wordsPerCpuSecond: Math.round(words / (cpu / 1e6)),
    stagesCpu: { startup: round(cStartup), extract: round(c1 - c0), merge: round(c2 - cm), layout: round(c3 - c2), serialize: round(c4 - c3), write: round(c5 - c4) },
    projectedIdleWallSeconds: round(projected),
    projectedWordsPerSecond: Math.round(words / projected),
  };
}

function table(rows: Figures[]): string {
  const lines: [string, (f: Figures) => string][] = [
    ["articles (extracted)", (f) => f.articles.toLocaleString("en-US")],
    ["duplicates", (f) => String(f.duplicates)],
    ["ingest warnings (skipped)", (f) => String(f.skipped)],
    ["failed", (f) => String(f.failed)],
    ["words (input, duplicates included)", (f) => f.words.toLocaleString("en-US")],
    ["words extracted (first copies)", (f) => f.extractedWords.toLocaleString("en-US")],
    ["words/s", (f) => f.wordsPerSecond.toLocaleString("en-US")],
    ["articles/s", (f) => f.articlesPerSecond.toLocaleString("en-US")],
    ["wall s", (f) => f.wallSeconds.toFixed(2)],
    ["CPU s (all threads)", (f) => f.cpuSeconds.toFixed(2)],
    ["words/CPU s", (f) => f.wordsPerCpuSecond.toLocaleString("en-US")],
    ["projected idle wall s", (f) => f.projectedIdleWallSeconds.toFixed(2)],
    ["projected words/s", (f) => f.projectedWordsPerSecond.toLocaleString("en-US")],
    ["peak RSS MB", (f) => String(f.peakRssMB)],
    ["workers", (f) => String(f.workers)],
    ["nodes", (f) => f.nodes.toLocaleString("en-US")],
    ["edges", (f) => f.edges.toLocaleString("en-US")],
    ["JSON MB", (f) => (f.bytes / 1e6).toFixed(1)],
    ["  startup s (CPU)", (f) => `${f.stages.startup.toFixed(2)} (${f.stagesCpu.startup.toFixed(2)})`],
    ["  ingest s (in extract)", (f) => f.stages.ingest.toFixed(2)],
    ["  extract s (CPU)", (f) => `${f.stages.extract.toFixed(2)} (${f.stagesCpu.extract.toFixed(2)})`],
    ["  merge s (CPU)", (f) => `${f.stages.merge.toFixed(2)} (${f.stagesCpu.merge.toFixed(2)})`],
    ["  layout s (CPU)", (f) => `${f.stages.layout.toFixed(2)} (${f.stagesCpu.layout.toFixed(2)})`],
    ["  serialize s (CPU)", (f) => `${f.stages.serialize.toFixed(2)} (${f.stagesCpu.serialize.toFixed(2)})`],
    ["  write s (CPU)", (f) => `${f.stages.write.toFixed(2)} (${f.stagesCpu.write.toFixed(2)})`],
    ["  extract s in workers", (f) => f.extractCpuSeconds.toFixed(2)],
  ];
  const header = ["", ...rows.map((r) => r.corpus)];
  const body = lines.map(([label, get]) => [label, ...rows.map(get)]);
  const widths = header.map((_, i) => Math.max(...[header, ...body].map((r) => (r[i] ?? "").length)));
  return [header, ...body].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ")).join("\n");
}

async function parent(): Promise<void> {
  const which = flag("corpus") ?? "all";
  const names: CorpusName[] = which === "all" ? ["bbc", "reuters"] : which === "bbc" || which === "reuters" ? [which] : [];
  if (names.length === 0) throw new Error(`bench: --corpus takes bbc, reuters or all, got "${which}"`);
  const self = fileURLToPath(import.meta.url);
  const passed = process.argv.slice(2).filter((a, i, all) => a !== "--corpus" && all[i - 1] !== "--corpus");
  const rows: Figures[] = [];
  for (const name of names) {
    // The CLI's Node flags (bin/node-flags.json), so the figures are the CLI's.
    const run = spawnSync(process.execPath, [...NODE_FLAGS, ...process.execArgv, self, "--child", "--corpus", name, ...passed], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`bench: the ${name} run failed (exit ${run.status})`);
    rows.push(JSON.parse(run.stdout.trim().split("\n").pop() ?? "") as Figures);
  }
  console.log(table(rows));
  const jsonOut = flag("json") ?? join("out", "bench.json");
  mkdirSync(dirname(jsonOut), { recursive: true });
  writeFileSync(jsonOut, JSON.stringify({ date: new Date().toISOString(), cores: availableParallelism(), runs: rows }, null, 2) + "\n");
  console.log(`wrote ${jsonOut}`);
}

if (has("child")) {
  const name = flag("corpus") as CorpusName;
  console.log(JSON.stringify(await child(name)));
} else {
  await parent();
}
