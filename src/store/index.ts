// The store: every ingested article's extraction, so a graph can be rebuilt after adding or removing articles without
// extracting the others again. Two back ends behind one interface: SQLite (a file path; the embedded default) and
// PostgreSQL (a postgres:// URL; shared by many workers). The rules are written once, here and in identity.ts, over
// `SqlDatabase`: a source is identified by its origin, its article by an id and the sha256 of its text; a text is
// stored once, under the smallest id whatever the arrival order, its other sources kept as copies; a source stored
// before with another text is updated; each article lands in one transaction.
//
// Many writers: each write transaction takes one store-wide lock (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory
// transaction lock), so identity decisions are made on a store no one else is changing and writers cannot
// deadlock. A transaction only writes rows (milliseconds); extraction, the cost, runs before it, in parallel across
// workers, each text claimed by one worker at a time.
import type { ArticleExtraction, ArticleMeta, ArticleRef, GraphJson, RawArticle } from "../types.js";
import { contentHash } from "../util/hash.js";
import { shorten } from "../util/shorten.js";
import { planArticle, withArticleId, type ArticlePlace, type ArticlePlan, type Arrival, type StoredRow } from "./identity.js";
import { isPostgresUrl, openPostgres, redactUrl } from "./postgres.js";
import { graphState, publishGraph } from "./publish.js";
import { sqlQuery, type GraphQuery } from "./query.js";
import type { SqlDatabase, SqlExecutor } from "./sql.js";
import { openSqlite } from "./sqlite.js";
import {
  StoreError, type DateWindow, type Extractor, type IngestItem, type IngestOutcome, type IngestReport, type StoreOptions, type StoredArticle,
} from "./types.js";

export * from "./types.js";
export type { GraphQuery } from "./query.js";
export { contentHash } from "../util/hash.js";

export interface Store {
  /** The file, or the URL without its password. */
  readonly location: string;
  /** The same as `location` (the name stores had before PostgreSQL). */
  readonly file: string;
  readonly backend: "sqlite" | "postgres";
  /** The id of the article stored with this content hash, if any. */
  idForHash(hash: string): Promise<string | undefined>;
  /** Stores each item in its own transaction; an item whose text is already stored is recorded as a copy. */
  ingest(items: Iterable<IngestItem>): Promise<IngestReport>;
  /**
   * Hashes the raw article; unless that text is already stored, extracts it with `extract` and stores it in one
   * transaction. With `wait: false`, an article another live worker is extracting right now comes back as "busy"
   * (nothing done) instead of waiting for it.
   */
  ingestArticle(article: RawArticle, extract: Extractor, options?: { wait?: boolean }): Promise<IngestOutcome | "busy">;
  /**
   * Ingests articles one by one (each its own transaction). Articles another worker holds are put off and done at
   * the end (by then usually stored by that worker, so only checked); none is lost if that worker dies.
   * Reported under the id stored (which may carry a `~hash` suffix), skipped ones under the id they came with.
   */
  ingestArticles(
    articles: Iterable<RawArticle> | AsyncIterable<RawArticle>,
    extract: Extractor,
    onArticle?: (id: string, outcome: IngestOutcome) => void,
    onError?: (article: RawArticle, error: unknown) => void,
  ): Promise<IngestReport>;
  /**
   * Removes one source by id: an article with its mentions and evidence (also its evidence and quotes in the
   * published graph), or a copy. When other sources share the removed article's text, the smallest of them holds it
   * from then on. False when the id was not stored.
   */
  remove(articleId: string): Promise<boolean>;
  /** Every stored article, by id. */
  listArticles(): Promise<StoredArticle[]>;
  /** One stored extraction, its text's other sources listed as `article.duplicates`. */
  get(articleId: string): Promise<ArticleExtraction | undefined>;
  /** The stored extractions, by article id (never by arrival order); only those dated in `window` when given. */
  extractions(window?: DateWindow): Promise<ArticleExtraction[]>;
  /**
   * What the stored articles are now (`stored`) and what they were when the graph for queries was published
   * (`published`, null if never): the published graph is current when the two are equal.
   */
  graphState(): Promise<{ stored: string; published: string | null }>;
  /** Replaces the published graph in one transaction; `state` is `graphState().stored` read before the extractions. */
  publish(graph: GraphJson, state: string): Promise<void>;
  /** Queries over the published graph. */
  readonly query: GraphQuery;
  close(): Promise<void>;
}

/** Opens the store at `location`: a postgres:// URL, or an SQLite file path. */
export async function openStore(location: string, options: StoreOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return makeStore(redactUrl(location), "postgres", await openPostgres(location, options), options);
  return makeStore(location, "sqlite", openSqlite(location, options), options);
}

// ---- Planning: identity.ts decides, from the rows this arrival could touch, read at once ----

const SOURCES = (where: string) =>
  `SELECT id, hash, origin FROM articles WHERE ${where} UNION ALL SELECT id, hash, origin FROM copies WHERE ${where}`;

/** Everything `planArticle` may look up for one arrival: its origin's rows, its id and the ids it could get. */
async function placeFor(db: SqlExecutor, a: Arrival): Promise<ArticlePlace> {
  const base = `${a.id}~${a.hash.slice(0, 8)}`;
  // `base-2`, `base-3`, ...: the ids from "base-" up to (not including) "base." ('.' follows '-'), a range both
  // back ends read from the id index (ids compare byte-wise on both), where a LIKE would scan every row.
  const where = "id = ? OR id = ? OR (id >= ? AND id < ?) OR origin = ?";
  const params = [a.id, base, `${base}-`, `${base}.`, a.origin];
  const rows = await db.all<StoredRow>(SOURCES(where), [...params, ...params]);
  const holder = (await db.all<{ id: string }>("SELECT id FROM articles WHERE hash = ? ORDER BY id LIMIT 1", [a.hash]))[0]?.id;
  const byId = new Map<string, StoredRow>();
  for (const r of rows) if (!byId.has(r.id)) byId.set(r.id, r);
  const ofOrigin = rows.filter((r) => r.origin === a.origin).sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))[0];
  return {
    byId: (id) => byId.get(id),
    byOrigin: (origin) => (origin === a.origin ? ofOrigin : undefined),
    byHash: (hash) => (hash === a.hash ? holder : undefined),
  };
}

async function plan(db: SqlExecutor, a: Arrival): Promise<{ plan: ArticlePlan; place: ArticlePlace }> {
  const place = await placeFor(db, a);
  return { plan: planArticle(place, a), place };
}

/** A plan that changes nothing: the text is held under this id already, or this source is recorded as its copy. */
function isNoop(p: ArticlePlan, place: ArticlePlace, a: Arrival): boolean {
  if (p.write || p.drop.length > 0 || p.demote !== undefined) return false;
  if (p.holder === p.id) return true;
  const row = place.byId(p.id);
  return row !== undefined && row.hash === a.hash && row.origin === a.origin;
}

// ---- Writing (inside a transaction) ----

/** Deletes an article row (mentions and evidence cascade) and its evidence and quotes in the published graph. */
async function deleteArticleRows(tx: SqlExecutor, id: string): Promise<number> {
  await tx.run("DELETE FROM graph_evidence WHERE document = ?", [id]);
  await tx.run("DELETE FROM graph_quotes WHERE document = ?", [id]);
  return tx.run("DELETE FROM articles WHERE id = ?", [id]);
}

async function insertArticle(tx: SqlExecutor, x: ArticleExtraction, hash: string, origin: string | null): Promise<void> {
  const id = x.article.id;
  await tx.run("DELETE FROM copies WHERE id = ?", [id]);
  const values = [id, hash, x.article.title, x.article.date, x.article.source, origin, x.words, JSON.stringify(x)];
  if (tx.dialect === "sqlite") {
    await tx.run(
      "INSERT INTO articles (id, hash, title, date, source, origin, words, extraction, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, " +
        "(SELECT coalesce(max(seq), 0) + 1 FROM articles))",
      values,
    );
  } else {
    await tx.run("INSERT INTO articles (id, hash, title, date, source, origin, words, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", values);
  }
  const names = new Map<string, string>();
  const mentions = [];
  for (const e of x.entities) {
    names.set(e.id, e.name);
    for (const m of e.mentions) mentions.push([id, e.id, e.kind, e.name, m.start, m.end, m.text]);
  }
  await tx.insertMany("mentions", ["article_id", "entity", "kind", "name", "span_start", "span_end", "text"], mentions);
  const evidence = x.relations.map((r) => {
    const ev = r.evidence;
    return [id, names.get(r.source) ?? r.source, names.get(r.target) ?? r.target, r.relation, ev.start, ev.end, ev.text, ev.quote ?? null, ev.rule, r.cameo ?? null];
  });
  await tx.insertMany("evidence", ["article_id", "source", "target", "relation", "span_start", "span_end", "text", "quote", "rule", "cameo"], evidence);
}

async function insertCopy(tx: SqlExecutor, id: string, hash: string, meta: { title: string | null; date: string | null; source: string }, origin: string | null): Promise<void> {
  await tx.run(
    "INSERT INTO copies (id, hash, title, date, source, origin) VALUES (?, ?, ?, ?, ?, ?) " +
      "ON CONFLICT (id) DO UPDATE SET hash = excluded.hash, title = excluded.title, date = excluded.date, source = excluded.source, origin = excluded.origin",
    [id, hash, meta.title, meta.date, meta.source, origin],
  );
}

interface ArticleRowFull {
  id: string;
  hash: string;
  title: string | null;
  date: string | null;
  source: string;
  origin: string | null;
  extraction: string;
}
const articleRow = async (tx: SqlExecutor, id: string) =>
  (await tx.all<ArticleRowFull>("SELECT id, hash, title, date, source, origin, extraction FROM articles WHERE id = ?", [id]))[0];

/**
 * Removes one source: a copy row, or an article with its rows. Another source of the same text (the smallest copy)
 * then holds the text: same text, so the same extraction under its id, and nothing is extracted again.
 */
async function removeSource(tx: SqlExecutor, id: string): Promise<boolean> {
  const row = await articleRow(tx, id);
  if (!row) return (await tx.run("DELETE FROM copies WHERE id = ?", [id])) > 0;
  await deleteArticleRows(tx, id);
  const heir = (await tx.all<{ id: string; title: string | null; date: string | null; source: string; origin: string | null }>(
    "SELECT id, title, date, source, origin FROM copies WHERE hash = ? ORDER BY id LIMIT 1", [row.hash],
  ))[0];
  if (heir) {
    const x = withArticleId(JSON.parse(row.extraction) as ArticleExtraction, heir.id);
    await insertArticle(tx, { ...x, article: { id: heir.id, title: heir.title, date: heir.date, source: heir.source } }, row.hash, heir.origin);
  }
  return true;
}

/** The article at `id` becomes a copy of its own text (a smaller id is about to hold it). */
async function demote(tx: SqlExecutor, id: string): Promise<void> {
  const row = await articleRow(tx, id);
  if (!row) return;
  await deleteArticleRows(tx, id);
  await insertCopy(tx, row.id, row.hash, row, row.origin);
}

/** Carries out a plan: the article lands whole, with its copies, or not at all (the caller holds the transaction). */
async function carry(tx: SqlExecutor, p: ArticlePlan, a: Arrival, meta: ArticleMeta, x?: ArticleExtraction): Promise<void> {
  for (const id of p.drop) await removeSource(tx, id);
  if (p.demote !== undefined) await demote(tx, p.demote);
  if (x) await insertArticle(tx, x, a.hash, a.origin);
  else if (p.holder !== p.id) await insertCopy(tx, p.id, a.hash, meta, a.origin);
}

// ---- Reading ----

/** The extraction with its text's other sources listed, as a direct build lists them. */
function withCopies(row: { extraction: string }, copies: readonly ArticleRef[] | undefined): ArticleExtraction {
  const x = JSON.parse(row.extraction) as ArticleExtraction;
  if (copies && copies.length > 0) x.article = { ...x.article, duplicates: copies.map((c) => ({ id: c.id, source: c.source })) };
  return x;
}

function makeStore(location: string, backend: Store["backend"], db: SqlDatabase, options: StoreOptions): Store {
  const readonly = options.readonly ?? false;
  const writable = () => {
    if (readonly) throw new StoreError(`store: ${location} was opened read-only`);
  };
  /** One write transaction under the store-wide write lock. */
  const write = <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
    db.transaction(async (tx, lock) => {
      await lock(["write"]);
      return fn(tx);
    });

  async function ingestOne(raw: RawArticle, extract: Extractor, wait: boolean): Promise<{ outcome: IngestOutcome; id: string } | "busy"> {
    writable();
    const a: Arrival = { id: raw.id, hash: contentHash(raw.text), origin: raw.origin ?? raw.source };
    const meta = (id: string): ArticleMeta => ({ id, title: raw.title, date: raw.date, source: raw.source });
    /** Plans again under the write lock and carries it out, with the extraction when the plan writes one. */
    const commit = (x?: ArticleExtraction) =>
      write(async (tx) => {
        const { plan: p } = await plan(tx, a);
        if (p.write && !x) return null; // the text is gone meanwhile (removed): extract after all
        await carry(tx, p, a, meta(p.id), p.write ? withArticleId(x!, p.id) : undefined);
        return p;
      });

    const early = await plan(db, a);
    if (isNoop(early.plan, early.place, a)) return early.plan;
    if (!early.plan.write) {
      const done = await commit();
      if (done) return done;
    }
    const claim = `hash:${a.hash}`;
    if (!wait) {
      if (!(await db.tryClaim(claim))) return "busy";
    } else {
      await db.claim(claim);
    }
    try {
      // The worker that held the claim may have stored this text meanwhile: then this source is only a copy.
      const again = await plan(db, a);
      if (isNoop(again.plan, again.place, a)) return again.plan;
      if (!again.plan.write) {
        const done = await commit();
        if (done) return done;
      }
      const id = again.plan.id;
      const extraction = await extract(id === raw.id ? raw : { ...raw, id });
      if (extraction.article.id !== id) {
        throw new StoreError(`store: extraction of "${shorten(id)}" names article "${shorten(extraction.article.id)}"`);
      }
      return (await commit(extraction))!;
    } finally {
      await db.release(claim);
    }
  }

  return {
    location,
    file: location,
    backend,
    idForHash: async (hash) => (await db.all<{ id: string }>("SELECT id FROM articles WHERE hash = ? ORDER BY id LIMIT 1", [hash]))[0]?.id,
    async ingest(items) {
      writable();
      const report: IngestReport = { added: [], updated: [], skipped: [] };
      for (const item of items) {
        const a: Arrival = { id: item.extraction.article.id, hash: item.hash, origin: item.origin ?? item.extraction.article.source };
        const p = await write(async (tx) => {
          const { plan: p } = await plan(tx, a);
          const x = withArticleId(item.extraction, p.id);
          await carry(tx, p, a, x.article, p.write ? x : undefined);
          return p;
        });
        report[p.outcome].push(p.outcome === "skipped" ? a.id : p.id);
      }
      return report;
    },
    async ingestArticle(raw, extract, opts = {}) {
      const r = await ingestOne(raw, extract, opts.wait !== false);
      return r === "busy" ? r : r.outcome;
    },
    async ingestArticles(articles, extract, onArticle, onError) {
      const report: IngestReport = { added: [], updated: [], skipped: [] };
      const busy: RawArticle[] = [];
      // Without onError the first failing article ends the ingest (the articles before it stay stored).
      const attempt = async (raw: RawArticle, wait: boolean) => {
        try {
          const r = await ingestOne(raw, extract, wait);
          if (r === "busy") return busy.push(raw);
          const id = r.outcome === "skipped" ? raw.id : r.id;
          report[r.outcome].push(id);
          onArticle?.(id, r.outcome);
        } catch (err) {
          if (!onError) throw err;
          onError(raw, err);
        }
      };
      for await (const raw of articles) await attempt(raw, false);
      for (const raw of busy.splice(0)) await attempt(raw, true);
      return report;
    },
    async remove(articleId) {
      writable();
      return write((tx) => removeSource(tx, articleId));
    },
    async listArticles() {
      const rows = await db.all<StoredArticle>("SELECT id, hash, title, date, source, words FROM articles ORDER BY id");
      return rows.map((r) => ({ id: r.id, title: r.title, date: r.date, source: r.source, hash: r.hash, words: Number(r.words) }));
    },
    async get(articleId) {
      const row = (await db.all<{ hash: string; extraction: string }>("SELECT hash, extraction FROM articles WHERE id = ?", [articleId]))[0];
      if (!row) return undefined;
      return withCopies(row, await db.all<ArticleRef>("SELECT id, source FROM copies WHERE hash = ? ORDER BY id", [row.hash]));
    },
    async extractions(window = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (window.since) where.push("date >= ?"), params.push(window.since);
      if (window.until) where.push("date <= ?"), params.push(window.until);
      const rows = await db.all<{ hash: string; extraction: string }>(
        `SELECT hash, extraction FROM articles ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`, params,
      );
      const copies = new Map<string, ArticleRef[]>();
      for (const c of await db.all<ArticleRef & { hash: string }>("SELECT hash, id, source FROM copies ORDER BY id")) {
        const list = copies.get(c.hash) ?? [];
        list.push({ id: c.id, source: c.source });
        copies.set(c.hash, list);
      }
      return rows.map((r) => withCopies(r, copies.get(r.hash)));
    },
    graphState: () => graphState(db),
    async publish(graph, state) {
      writable();
      await publishGraph(db, graph, state);
    },
    query: sqlQuery(db),
    close: () => db.close(),
  };
}
