// A synthetic PostgreSQL store of N articles, generated inside the database (generate_series), for the query
// benchmark at sizes no corpus here reaches:
//   npx tsx scripts/synthetic-store.ts --articles 1000000 --db postgres://root@/newsgraph_synthetic?host=/var/run/postgresql
// Each article gets a stored row and three statements between entities drawn with a heavy-tailed popularity
// (a few hubs named in tens of thousands of articles, a long tail named once), spread over ten years of dates; the
// published graph (graph_* tables) is written directly, as `view --db` would publish it, and marked current.
// The extraction JSON stored per article is a small stub: the query benchmark reads the graph tables only.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { userInfo } from "node:os";
import { hasUser } from "../src/store/postgres.js";
import { openStore } from "../src/store/index.js";
import { RELATIONS } from "../src/types.js";

const SYLLABLES = ["an", "ber", "cal", "dor", "el", "fen", "gar", "hal", "is", "jor", "kel", "lan", "mar", "nor", "ol", "per", "quin", "ros",
  "sal", "tor", "ul", "var", "wen", "xan", "yor", "zel", "bra", "cri", "dal", "fra", "gil", "har", "iv", "kar", "lor", "mel", "nev", "os", "pal", "ren"];

export interface SyntheticReport {
  articles: number;
  entities: number;
  edges: number;
  evidence: number;
  seconds: number;
  bytes: number;
}

/** Fills the (empty) store at `url` with `articles` synthetic articles and their published graph. */
export async function fillSynthetic(url: string, articles: number, log: (line: string) => void = () => undefined): Promise<SyntheticReport> {
  const started = performance.now();
  await (await openStore(url)).close(); // schema
  const client = new pg.Client(hasUser(url) ? { connectionString: url } : { connectionString: url, user: userInfo().username });
  await client.connect();
  const entities = Math.max(10, Math.round(articles / 4));
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await client.query(sql, params);
    log(`  ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  };
  try {
    await client.query("SET synchronous_commit = off");
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("SET work_mem = '256MB'");
    const syl = `ARRAY[${SYLLABLES.map((s) => `'${s}'`).join(",")}]`;
    const rel = `ARRAY[${RELATIONS.slice(0, 16).map((r) => `'${r}'`).join(",")}]`;
    const n = SYLLABLES.length;
    // entity j's name: two syllables, space, three syllables (64M combinations), a title case
    const name = (j: string) =>
      `initcap((${syl})[1 + ${j} % ${n}] || (${syl})[1 + (${j} / ${n}) % ${n}]) || ' ' || ` +
      `initcap((${syl})[1 + (${j} / ${n * n}) % ${n}] || (${syl})[1 + (${j} / ${n ** 3}) % ${n}] || (${syl})[1 + (${j} * 7 + 3) % ${n}])`;
    const day = (i: string) => `to_char(date '2015-01-01' + (${i} % 3650), 'YYYY-MM-DD')`;
    await q("articles", `INSERT INTO articles (id, hash, title, date, source, words, extraction)
      SELECT 'syn-' || lpad(i::text, 8, '0'), md5(i::text) || md5((-i)::text), 'Synthetic article ' || i, ${day("i")}, 'synthetic/' || i, 300,
        '{"article":{"id":"syn-' || lpad(i::text, 8, '0') || '","title":null,"date":null,"source":"synthetic"},"words":300,"entities":[],"relations":[],"quotes":[]}'
      FROM generate_series(1, $1::int) i`, [articles]);
    // three statements per article; endpoints drawn as floor(E * u^3): heavy-tailed popularity
    await q("statements", `CREATE TEMP TABLE st AS
      SELECT i, k, s, t, r FROM (
        SELECT i, k, floor($2::int * power(random() + 0 * i, 3))::int AS s, floor($2::int * power(random() + 0 * k, 3))::int AS t,
               (${rel})[1 + floor(random() * 16)::int] AS r
        FROM generate_series(1, $1::int) i, generate_series(1, 3) k) x WHERE s <> t`, [articles, entities]);
    await q("graph_evidence", `INSERT INTO graph_evidence (edge, document, span_start, span_end, text, quote, rule, day)
      SELECT 'person:e' || s || '|' || r || '|person:e' || t, 'syn-' || lpad(i::text, 8, '0'), k * 100, k * 100 + 90,
        'Synthetic statement ' || k || ' of article ' || i || ': entity ' || s || ' ' || r || ' entity ' || t || '.', NULL, 'synthetic', ${day("i")}
      FROM st`);
    await q("graph_edges", `INSERT INTO graph_edges (key, source, target, relation, weight, cameo, rule)
      SELECT 'person:e' || s || '|' || r || '|person:e' || t, 'person:e' || s, 'person:e' || t, r, count(*), NULL, 'synthetic' FROM st GROUP BY s, r, t`);
    await q("graph_edge_days", `INSERT INTO graph_edge_days (edge, day, weight)
      SELECT 'person:e' || s || '|' || r || '|person:e' || t, ${day("i")}, count(*) FROM st GROUP BY s, r, t, ${day("i")}`);
    await q("graph_node_days", `INSERT INTO graph_node_days (node, day, weight)
      SELECT 'person:e' || e, d, count(*) FROM (SELECT s AS e, ${day("i")} AS d FROM st UNION ALL SELECT t, ${day("i")} FROM st) x GROUP BY e, d`);
    await q("graph_nodes", `INSERT INTO graph_nodes (key, label, kind, aliases, mentions, strength, degree)
      SELECT 'person:e' || j, ${name("j")}, 'person', json_build_array(${name("j")})::text, coalesce(w, 0) * 2 + 1, coalesce(w, 0), coalesce(d, 0)
      FROM generate_series(0, $1::int - 1) j
      LEFT JOIN (SELECT e, sum(w)::int AS w, count(*)::int AS d FROM (
        SELECT source AS e, weight AS w FROM graph_edges UNION ALL SELECT target, weight FROM graph_edges) x GROUP BY e) agg ON agg.e = 'person:e' || j`, [entities]);
    await q("graph_names", `INSERT INTO graph_names (node, name, label, kind, mentions) SELECT key, label, label, kind, mentions FROM graph_nodes`);
    await q("graph_quotes", `INSERT INTO graph_quotes (node, document, span_start, span_end, text, day)
      SELECT 'person:e' || s, 'syn-' || lpad(i::text, 8, '0'), 0, 80, 'A synthetic quotation of entity ' || s || '.', ${day("i")} FROM st WHERE k = 1 AND i % 10 = 0`);
    const counts = (await client.query(`SELECT (SELECT count(*) FROM graph_edges) AS e, (SELECT count(*) FROM graph_evidence) AS v`)).rows[0] as { e: string; v: string };
    await q("analyze", "ANALYZE");
    const state = (await client.query("SELECT count(*) AS n, coalesce(max(seq), 0) AS s FROM articles")).rows[0] as { n: string; s: string };
    await client.query("DELETE FROM graph_meta");
    await client.query("INSERT INTO graph_meta (key, value) VALUES ('state', $1)", [`${state.n}:${state.s}`]);
    const bytes = Number((await client.query("SELECT pg_database_size(current_database()) AS b")).rows[0].b);
    return { articles, entities, edges: Number(counts.e), evidence: Number(counts.v), seconds: (performance.now() - started) / 1000, bytes };
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const db = arg("db");
  const n = Number(arg("articles") ?? 1_000_000);
  if (!db || !Number.isInteger(n) || n < 1) {
    console.error("usage: tsx scripts/synthetic-store.ts --articles N --db postgres://USER@/DB?host=/var/run/postgresql (an empty database)");
    process.exit(2);
  }
  const r = await fillSynthetic(db, n, console.log);
  console.log(`${r.articles} articles, ${r.entities} entities, ${r.edges} edges, ${r.evidence} evidence rows in ${r.seconds.toFixed(0)} s; ${(r.bytes / 2 ** 30).toFixed(2)} GiB on disk`);
}
