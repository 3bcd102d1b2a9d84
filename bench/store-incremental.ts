// Incremental builds, measured: how long ingesting N new articles takes when the store already holds M,
// against building those N alone (extract + merge), and what a rebuild from the store costs.
//   npm run bench:store-incremental -- [--m 20000] [--n 200] [--db FILE]
// Articles come from the shared BBC and Reuters corpora (BBC first). --db keeps the M-article store between
// runs (it is filled only up to M), so the slow one-off extraction of M articles is paid once.
import { existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { toGraphJson } from "../src/export/json.js";
import { extractArticle } from "../src/pipeline/article.js";
import { mergeExtractions } from "../src/graph/merge.js";
import { streamInputs } from "../src/ingest/index.js";
import { extractionsFromStore, graphFromStore } from "../src/store/build.js";
import { contentHash, openStore } from "../src/store/index.js";
import type { RawArticle } from "../src/types.js";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) throw new Error(`bench: --${name} takes a number`);
  return v;
}
function stringOption(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const M = option("m", 20_000);
const N = option("n", 200);
const CORPORA = ["../shared/corpora/news/bbc/bbc.jsonl", "../shared/corpora/news/reuters21578/reuters21578.jsonl"];

/** Distinct texts only (the BBC set repeats about a hundred articles), so every new article is really new. */
async function corpus(limit: number): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  const seen = new Set<string>();
  for await (const event of streamInputs(CORPORA.filter((f) => existsSync(f)))) {
    if (event.type !== "article" || event.article.text.trim() === "") continue;
    const hash = contentHash(event.article.text);
    if (seen.has(hash)) continue;
    seen.add(hash);
    out.push(event.article);
    if (out.length === limit) break;
  }
  return out;
}

const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
};
const timeAsync = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const r = await f();
  return [r, (performance.now() - t0) / 1000];
};
const s = (sec: number) => (sec < 0.1 ? `${(sec * 1000).toFixed(1)} ms` : `${sec.toFixed(2)} s`);

const articles = await corpus(M + N);
if (articles.length < M + N) {
  throw new Error(`bench: the corpora hold ${articles.length} usable articles, fewer than M + N = ${M + N}`);
}
const old = articles.slice(0, M);
// The N new articles are taken from the end (Reuters when M is large): as many as asked, none already stored.
const fresh = articles.slice(M, M + N);
const words = (rs: RawArticle[]) => rs.reduce((n, r) => n + r.text.split(/\s+/).length, 0);

const tmp = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
const kept = stringOption("db");
const seedFile = kept ?? join(tmp, "seed.db");
try {
  // 1. The store with M articles (paid once when --db is given).
  const seed = await openStore(seedFile);
  const [seeded, seedSec] = await timeAsync(() => seed.ingestArticles(old, extractArticle));
  const seedWords = words(old.filter((r) => seeded.added.includes(r.id)));
  await seed.close();
  console.log(`store with M=${M} articles: ${seeded.added.length} extracted + stored in ${s(seedSec)}` +
    (seeded.added.length > 0 ? ` (${Math.round(seedWords / seedSec)} words/s)` : " (reused)"));

  // The pipeline gets faster on texts it has seen (JIT, caches), so the two things compared are each timed
  // twice, alternating, on fresh copies of the store, and the faster round of each is reported.
  const copy = (name: string): string => {
    const file = join(tmp, name);
    const raw = new Database(seedFile);
    raw.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`); // a consistent copy of a WAL database
    raw.close();
    return file;
  };
  type Round = { ingestSec: number; extractSec: number; buildNSec: number; added: number; file: string };
  const rounds: Round[] = [];
  for (let round = 0; round < 2; round++) {
    // Build those N alone: extract + merge + JSON, no store.
    const [, buildNSec] = time(() => toGraphJson(mergeExtractions(fresh.map(extractArticle))));
    // Ingest the N into a copy of the M store (so --db stays at M), timing extraction apart from storing.
    const file = copy(`work-${round}.db`);
    const store = await openStore(file);
    let extractSec = 0;
    const timedExtract = (r: RawArticle) => {
      const [x, sec] = time(() => extractArticle(r));
      extractSec += sec;
      return x;
    };
    const [report, ingestSec] = await timeAsync(() => store.ingestArticles(fresh, timedExtract));
    await store.close();
    rounds.push({ ingestSec, extractSec, buildNSec, added: report.added.length, file });
  }
  const bestIngest = rounds.reduce((x, y) => (y.ingestSec < x.ingestSec ? y : x));
  // The same N into an empty store, to show what M costs the ingest (index depth, nothing else).
  const empty = await openStore(join(tmp, "empty.db"));
  const extracted = new Map(fresh.map((r) => [r.id, extractArticle(r)]));
  const [, emptyStoreSec] = await timeAsync(() => empty.ingestArticles(fresh, (r) => extracted.get(r.id)!));
  await empty.close();
  const buildNSec = Math.min(...rounds.map((r) => r.buildNSec));
  const work = bestIngest.file;
  const store = await openStore(work);
  const [skipped, skipSec] = await timeAsync(() => store.ingestArticles([...old.slice(0, N)], extractArticle));
  await store.close();

  // 4. Rebuild the whole graph from the store (M + N), no extraction.
  const [graph, rebuildSec] = await timeAsync(() => graphFromStore(work));
  const [stored, loadSec] = await timeAsync(() => extractionsFromStore(work));
  const mb = (statSync(work).size / 1024 / 1024).toFixed(1);

  console.log(`ingest N=${N} new into the store holding M=${M}: ${s(bestIngest.ingestSec)} (${bestIngest.added} added; ` +
    `extraction ${s(bestIngest.extractSec)}, hashing + storing ${s(bestIngest.ingestSec - bestIngest.extractSec)})`);
  console.log(`build those N=${N} alone (extract + merge + JSON): ${s(buildNSec)}`);
  console.log(`hashing + storing the N=${N} into an empty store:  ${s(emptyStoreSec)}`);
  console.log(`ingest N=${N} already-stored articles again:       ${s(skipSec)} (${skipped.skipped.length} skipped, none extracted)`);
  console.log(`graph of all M+N=${M + N} from the store (merge):   ${s(rebuildSec)} ` +
    `(${graph.nodes.length} nodes, ${graph.edges.length} edges; store ${mb} MB; ` +
    `reading the ${stored.length} extractions alone: ${s(loadSec)})`);
  if (seeded.added.length > 0) {
    const perArticle = seedSec / seeded.added.length;
    console.log(`for scale: extracting all M+N again would take about ${s(perArticle * (M + N))}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
