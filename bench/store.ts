// The store at scale, measured (figures printed; nothing here is a test):
//   npm run bench:store -- [--pg URL] [--skip ingest,latency,synthetic] [--synthetic 1000000] [--keep]
// 1. ingest throughput (articles/s) of the BBC corpus: SQLite (one process) and PostgreSQL with 1, 2 and 4
//    `newsgraph ingest` processes at once;
// 2. p50/p95 latency of the explorer's API (search, 1-hop and 2-hop neighbourhoods, windowed neighbourhoods, top of a
//    period, evidence pages), over HTTP, on a store holding BBC and Reuters (21k articles), PostgreSQL and SQLite;
//    and the page's first paint in headless Chromium on it;
// 3. the same latencies on a synthetic PostgreSQL store of --synthetic articles (scripts/synthetic-store.ts), with
//    its size on disk.
// --pg names any database on the server (default NEWSGRAPH_BENCH_PG, NEWSGRAPH_TEST_PG, or the local socket); the
// bench creates its own databases beside it (newsgraph_bench_*). --keep reuses the corpus and synthetic stores of
// an earlier run instead of filling them again.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { renderApiHtml } from "../src/export/html.js";
import { serveExplorer } from "../src/server/http.js";
import { refreshPublishedGraph } from "../src/store/build.js";
import { openStore, type Store } from "../src/store/index.js";
import { hasUser, withDatabase } from "../src/store/postgres.js";
import { fillSynthetic } from "../scripts/synthetic-store.js";
import { chromiumAvailable, launchChromium, waitForPage } from "../tests/browser/chromium.js";

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const PG = arg("pg") ?? process.env.NEWSGRAPH_BENCH_PG ?? process.env.NEWSGRAPH_TEST_PG ?? `postgres://${userInfo().username}@/postgres?host=/var/run/postgresql`;
const SKIP = new Set((arg("skip") ?? "").split(",").filter(Boolean));
const SYNTHETIC = Number(arg("synthetic") ?? 1_000_000);
const KEEP = process.argv.includes("--keep");
const BBC = "../shared/corpora/news/bbc/bbc.jsonl";
const REUTERS = "../shared/corpora/news/reuters21578/reuters21578.jsonl";
const NODE_FLAGS = JSON.parse(readFileSync("bin/node-flags.json", "utf8")) as string[];

const pgClient = (url: string) => new pg.Client(hasUser(url) ? { connectionString: url } : { connectionString: url, user: userInfo().username });
async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const c = pgClient(url);
  await c.connect();
  try {
    return (await c.query(text, params)).rows as T[];
  } finally {
    await c.end();
  }
}
/** A database named `name` beside --pg's: emptied (dropped and created) unless `keep` and it exists. */
async function database(name: string, keep = false): Promise<{ url: string; existed: boolean }> {
  const existed = (await sql(PG, "SELECT 1 FROM pg_database WHERE datname = $1", [name])).length > 0;
  if (!(keep && existed)) {
    await sql(PG, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await sql(PG, `CREATE DATABASE ${name}`);
  }
  return { url: withDatabase(PG, name), existed: keep && existed };
}

/** `workers` ingest processes at once over `inputs`; resolves to the wall time in seconds. */
async function ingestProcesses(db: string, inputs: string[], workers: number): Promise<number> {
  const t0 = performance.now();
  await Promise.all(Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, "bin/newsgraph.mjs", "ingest", ...inputs, "--db", db], { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += String(d)));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`ingest exited ${code}: ${err.slice(-500)}`))));
  })));
  return (performance.now() - t0) / 1000;
}

async function countArticles(location: string): Promise<number> {
  const store = await openStore(location, { readonly: true });
  try {
    return (await store.query.info()).articles;
  } finally {
    await store.close();
  }
}

const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1 });
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

async function benchIngest(tmp: string): Promise<void> {
  console.log("\n== ingest throughput: BBC (2,225 records) ==");
  const file = join(tmp, "ingest.db");
  const sec = await ingestProcesses(file, [BBC], 1);
  const n = await countArticles(file);
  console.log(`SQLite, 1 process:        ${fmt(n / sec)} articles/s (${n} stored in ${sec.toFixed(1)} s)`);
  for (const workers of [1, 2, 4]) {
    const { url } = await database(`newsgraph_bench_ingest_${workers}`);
    await (await openStore(url)).close();
    const s = await ingestProcesses(url, [BBC], workers);
    const m = await countArticles(url);
    console.log(`PostgreSQL, ${workers} process${workers > 1 ? "es" : "  "}: ${fmt(m / s)} articles/s (${m} stored in ${s.toFixed(1)} s)`);
    await sql(PG, `DROP DATABASE IF EXISTS newsgraph_bench_ingest_${workers} WITH (FORCE)`);
  }
}

interface Sample {
  keys: string[];
  hubs: string[];
  terms: string[];
  window: { since: string; until: string };
}

/** Entities and search terms to query: the 100 strongest (the worst cases) and 200 drawn evenly from the rest. */
async function sample(url: string): Promise<Sample> {
  const hubs = (await sql<{ key: string }>(url, "SELECT key FROM graph_nodes ORDER BY strength DESC, key LIMIT 100")).map((r) => r.key);
  const spread = await sql<{ key: string; label: string }>(url, "SELECT key, label FROM graph_nodes WHERE strength > 0 ORDER BY md5(key) LIMIT 200");
  const terms: string[] = [];
  for (const { label } of spread) {
    const word = label.split(/\s+/)[0] ?? label;
    terms.push(word.slice(0, 4).toLowerCase()); // prefix, as typed
    if (label.length >= 8) terms.push(label.slice(2, 7).toLowerCase()); // inside a name
  }
  const dates = (await sql<{ lo: string; hi: string }>(url, "SELECT min(date) AS lo, max(date) AS hi FROM articles"))[0]!;
  const hi = new Date(`${dates.hi}T00:00:00Z`);
  const lo = new Date(hi.getTime() - 365 * 86400e3);
  const since = lo.toISOString().slice(0, 10) < dates.lo ? dates.lo : lo.toISOString().slice(0, 10);
  return { keys: [...hubs, ...spread.map((r) => r.key)], hubs, terms, window: { since, until: dates.hi } };
}

/** A route stops after this long and reports the requests it made (hub evidence on the largest stores is slow). */
const ROUTE_BUDGET_MS = 90_000;

/** p50/p95 of each API route over HTTP (the page's view of it), each request on its own; printed as measured. */
async function latencies(store: Store, s: Sample, label: string): Promise<void> {
  const view = await serveExplorer(store.query, await renderApiHtml({ api: "api/", title: label }));
  const get = async (path: string) => {
    const t0 = performance.now();
    const res = await fetch(`${view.url}api/${path}`);
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
    return performance.now() - t0;
  };
  const e = encodeURIComponent;
  const routes: [string, string[]][] = [
    ["search", s.terms.map((t) => `search?q=${e(t)}&limit=10`)],
    ["neighbourhood 1 hop (top 25)", s.keys.map((k) => `neighbourhood?key=${e(k)}&hops=1&limit=25`)],
    ["neighbourhood 1 hop, 1-year window", s.keys.slice(0, 150).map((k) => `neighbourhood?key=${e(k)}&hops=1&limit=25&since=${s.window.since}&until=${s.window.until}`)],
    ["neighbourhood 2 hops (25 + 25)", s.keys.slice(0, 150).map((k) => `neighbourhood?key=${e(k)}&hops=2&limit=25`)],
    ["entity evidence, first page", s.keys.slice(0, 150).map((k) => `evidence?key=${e(k)}&limit=10`)],
    ["top 60 of the last year", Array.from({ length: 20 }, () => `top?limit=60&since=${s.window.since}&until=${s.window.until}`)],
  ];
  console.log(`-- ${label}`);
  try {
    for (const [name, paths] of routes) {
      for (const p of paths.slice(0, 5)) await get(p); // warm-up
      const ms: number[] = [];
      const t0 = performance.now();
      for (const p of paths) {
        ms.push(await get(p));
        if (performance.now() - t0 > ROUTE_BUDGET_MS) break;
      }
      const count = ms.length === paths.length ? `${ms.length} requests` : `${ms.length} of ${paths.length} requests: stopped after ${ROUTE_BUDGET_MS / 1000} s`;
      console.log(`${name.padEnd(38)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms   p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   (${count})`);
    }
  } finally {
    await view.close();
  }
}

async function firstPaint(store: Store): Promise<string> {
  if (!chromiumAvailable()) return "first paint: Chromium not installed, skipped";
  const view = await serveExplorer(store.query, await renderApiHtml({ api: "api/", title: "bench" }));
  const browser = await launchChromium();
  const ms: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await page.goto(view.url);
      const ready = await waitForPage(page, 60_000);
      ms.push(Math.round(ready.firstRenderMs ?? NaN));
      await page.close();
    }
  } finally {
    await browser.close();
    await view.close();
  }
  return `first paint of the explorer in headless Chromium (navigation start -> top entities drawn): ${ms.join(", ")} ms`;
}

async function benchCorpora(tmp: string): Promise<void> {
  console.log("\n== query latency: BBC + Reuters ==");
  const { url, existed } = await database("newsgraph_bench_corpora", KEEP);
  if (!existed) {
    await (await openStore(url)).close();
    const sec = await ingestProcesses(url, [BBC, REUTERS], 2);
    const n = await countArticles(url);
    console.log(`filled by 2 ingest processes: ${n} articles in ${sec.toFixed(0)} s (${fmt(n / sec)} articles/s)`);
  }
  const pgStore = await openStore(url);
  let t0 = performance.now();
  const published = await refreshPublishedGraph(pgStore);
  console.log(published
    ? `publish the graph (merge of all extractions by id, written to graph_*): ${((performance.now() - t0) / 1000).toFixed(1)} s`
    : "the published graph is current (kept from an earlier run)");
  const s = await sample(url);
  await latencies(pgStore, s, "PostgreSQL");
  console.log(await firstPaint(pgStore));

  // The same articles in SQLite (copied from PostgreSQL, not extracted again).
  const file = join(tmp, "corpora.db");
  const lite = await openStore(file);
  const listed = await pgStore.listArticles();
  const extractions = await pgStore.extractions();
  await lite.ingest(extractions.map((x, i) => ({ extraction: x, hash: listed[i]!.hash })));
  t0 = performance.now();
  await refreshPublishedGraph(lite);
  console.log(`SQLite copy: publish ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await latencies(lite, s, "SQLite");
  await lite.close();
  await pgStore.close();
}

async function benchSynthetic(): Promise<void> {
  console.log(`\n== query latency: synthetic store of ${fmt(SYNTHETIC)} articles (PostgreSQL) ==`);
  const { url, existed } = await database(`newsgraph_bench_synthetic_${SYNTHETIC}`, KEEP);
  if (!existed || (await countArticles(url).catch(() => 0)) !== SYNTHETIC) {
    if (existed) await database(`newsgraph_bench_synthetic_${SYNTHETIC}`);
    const r = await fillSynthetic(url, SYNTHETIC, (line) => console.log(line));
    console.log(`generated in ${r.seconds.toFixed(0)} s`);
  }
  const counts = (await sql<{ e: string; n: string; v: string; b: string }>(url,
    "SELECT (SELECT count(*) FROM graph_nodes) AS n, (SELECT count(*) FROM graph_edges) AS e, (SELECT count(*) FROM graph_evidence) AS v, pg_database_size(current_database()) AS b"))[0]!;
  console.log(`${fmt(SYNTHETIC)} articles, ${fmt(Number(counts.n))} entities, ${fmt(Number(counts.e))} edges, ${fmt(Number(counts.v))} evidence sentences; ` +
    `${(Number(counts.b) / 2 ** 30).toFixed(2)} GiB on disk`);
  const store = await openStore(url, { readonly: true });
  try {
    await latencies(store, await sample(url), "PostgreSQL");
  } finally {
    await store.close();
  }
}

const tmp = mkdtempSync(join(tmpdir(), "newsgraph-bench-store-"));
try {
  for (const f of [BBC, REUTERS]) if (!existsSync(f)) throw new Error(`bench: ${f} is missing (the shared corpora)`);
  if (!SKIP.has("ingest")) await benchIngest(tmp);
  if (!SKIP.has("latency")) await benchCorpora(tmp);
  if (!SKIP.has("synthetic")) await benchSynthetic();
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
