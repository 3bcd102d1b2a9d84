// The store: every ingested article's extraction, so a graph can be rebuilt after adding or removing articles without
// extracting the others again. Two back ends behind one interface: SQLite (a file path; the embedded default) and
// PostgreSQL (a postgres:// URL; shared by many workers). The rules are written once, here, over `SqlDatabase`:
// an article is identified by its id and the sha256 of its text; the same text is stored once, under the smallest id
// whatever the arrival order; an id stored with another text is replaced; each article is one transaction.
import { createHash } from "node:crypto";
import type { ArticleExtraction, GraphJson, RawArticle } from "../types.js";
import { isPostgresUrl, openPostgres, redactUrl } from "./postgres.js";
import { graphState, publishGraph } from "./publish.js";
import { sqlQuery, type GraphQuery } from "./query.js";
import { sortLocks, type SqlDatabase, type SqlExecutor } from "./sql.js";
import { openSqlite } from "./sqlite.js";
import {
  StoreError, type DateWindow, type Extractor, type IngestItem, type IngestOutcome, type IngestReport, type StoreOptions, type StoredArticle,
} from "./types.js";

export * from "./types.js";
export type { GraphQuery } from "./query.js";

/** sha256 (hex) of the article text: two articles with the same text are the same article. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

export interface Store {
  /** The file, or the URL without its password. */
  readonly location: string;
  readonly backend: "sqlite" | "postgres";
  /** The id of the article stored with this content hash, if any. */
  idForHash(hash: string): Promise<string | undefined>;
  /** Stores each item in its own transaction; an item whose hash is already stored is skipped. */
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
   */
  ingestArticles(
    articles: Iterable<RawArticle> | AsyncIterable<RawArticle>,
    extract: Extractor,
    onArticle?: (id: string, outcome: IngestOutcome) => void,
    onError?: (article: RawArticle, error: unknown) => void,
  ): Promise<IngestReport>;
  /** Removes an article with its mentions and its evidence and quotes in the published graph; false when absent. */
  remove(articleId: string): Promise<boolean>;
  /** Every stored article, by id. */
  listArticles(): Promise<StoredArticle[]>;
  /** One stored extraction. */
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

interface Plan {
  outcome: IngestOutcome;
  /** A stored copy of the same text under a larger id, which this article replaces. */
  swap?: string;
  /** This id is stored already (with another text). */
  exists: boolean;
}

/**
 * What to do with an article. Of several articles with the same text the one with the smallest id is kept, whatever
 * the order they arrive in, so ingesting in any order, in parts or in parallel gives the same store; a later,
 * smaller-id copy takes the place of the stored one (`swap`) and still counts as skipped, its text being there.
 */
async function plan(db: SqlExecutor, id: string, hash: string): Promise<Plan> {
  const holder = (await db.all<{ id: string }>("SELECT id FROM articles WHERE hash = ? ORDER BY id LIMIT 1", [hash]))[0]?.id;
  const exists = (await db.all("SELECT 1 AS x FROM articles WHERE id = ?", [id])).length > 0;
  if (holder !== undefined) return holder === id || holder < id ? { outcome: "skipped", exists } : { outcome: "skipped", swap: holder, exists };
  return { outcome: exists ? "replaced" : "added", exists };
}

const needsWrite = (p: Plan) => p.outcome !== "skipped" || p.swap !== undefined;

/** Deletes an article everywhere: its row (mentions and evidence cascade) and its evidence and quotes in the graph. */
async function deleteArticle(tx: SqlExecutor, id: string): Promise<number> {
  await tx.run("DELETE FROM graph_evidence WHERE document = ?", [id]);
  await tx.run("DELETE FROM graph_quotes WHERE document = ?", [id]);
  return tx.run("DELETE FROM articles WHERE id = ?", [id]);
}

async function writeArticle(tx: SqlExecutor, item: IngestItem): Promise<void> {
  const x = item.extraction;
  const id = x.article.id;
  const values = [id, item.hash, x.article.title, x.article.date, x.article.source, x.words, JSON.stringify(x)];
  if (tx.dialect === "sqlite") {
    await tx.run(
      "INSERT INTO articles (id, hash, title, date, source, words, extraction, seq) VALUES (?, ?, ?, ?, ?, ?, ?, " +
        "(SELECT coalesce(max(seq), 0) + 1 FROM articles))",
      values,
    );
  } else {
    await tx.run("INSERT INTO articles (id, hash, title, date, source, words, extraction) VALUES (?, ?, ?, ?, ?, ?, ?)", values);
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

/** The article's transaction: locks its text, then the ids it touches; decides again under the locks; writes. */
async function store(db: SqlDatabase, item: IngestItem): Promise<IngestOutcome> {
  const id = item.extraction.article.id;
  return db.transaction(async (tx, lock) => {
    await lock([`hash:${item.hash}`]);
    const first = await plan(tx, id, item.hash);
    if (!needsWrite(first)) return first.outcome;
    await lock(sortLocks([`id:${id}`, ...(first.swap ? [`id:${first.swap}`] : [])]));
    // Another writer of these ids may have committed between the two plans; the holder of this text cannot change.
    const p = await plan(tx, id, item.hash);
    if (!needsWrite(p)) return p.outcome;
    if (p.exists) await deleteArticle(tx, id);
    if (p.swap !== undefined) await deleteArticle(tx, p.swap);
    await writeArticle(tx, item);
    return p.outcome;
  });
}

function makeStore(location: string, backend: Store["backend"], db: SqlDatabase, options: StoreOptions): Store {
  const readonly = options.readonly ?? false;
  const writable = () => {
    if (readonly) throw new StoreError(`store: ${location} was opened read-only`);
  };

  async function ingestArticle(raw: RawArticle, extract: Extractor, opts: { wait?: boolean } = {}): Promise<IngestOutcome | "busy"> {
    writable();
    const hash = contentHash(raw.text);
    const early = await plan(db, raw.id, hash);
    if (!needsWrite(early)) return early.outcome;
    const claim = `hash:${hash}`;
    if (opts.wait === false) {
      if (!(await db.tryClaim(claim))) return "busy";
    } else {
      await db.claim(claim);
    }
    try {
      // The worker that held the claim may have stored it meanwhile.
      const again = await plan(db, raw.id, hash);
      if (!needsWrite(again)) return again.outcome;
      const extraction = await extract(raw);
      if (extraction.article.id !== raw.id) {
        throw new StoreError(`store: extraction of "${raw.id}" names article "${extraction.article.id}"`);
      }
      return await store(db, { extraction, hash });
    } finally {
      await db.release(claim);
    }
  }

  return {
    location,
    backend,
    idForHash: async (hash) => (await db.all<{ id: string }>("SELECT id FROM articles WHERE hash = ? ORDER BY id LIMIT 1", [hash]))[0]?.id,
    async ingest(items) {
      writable();
      const report: IngestReport = { added: [], replaced: [], skipped: [] };
      for (const item of items) report[await store(db, item)].push(item.extraction.article.id);
      return report;
    },
    ingestArticle,
    async ingestArticles(articles, extract, onArticle, onError) {
      const report: IngestReport = { added: [], replaced: [], skipped: [] };
      const busy: RawArticle[] = [];
      const done = (id: string, outcome: IngestOutcome) => {
        report[outcome].push(id);
        onArticle?.(id, outcome);
      };
      // Without onError the first failing article ends the ingest (the articles before it stay stored).
      const attempt = async (raw: RawArticle, wait: boolean) => {
        try {
          return await ingestArticle(raw, extract, { wait });
        } catch (err) {
          if (!onError) throw err;
          onError(raw, err);
          return null;
        }
      };
      for await (const raw of articles) {
        const outcome = await attempt(raw, false);
        if (outcome === "busy") busy.push(raw);
        else if (outcome) done(raw.id, outcome);
      }
      for (const raw of busy) {
        const outcome = await attempt(raw, true);
        if (outcome && outcome !== "busy") done(raw.id, outcome);
      }
      return report;
    },
    async remove(articleId) {
      writable();
      return db.transaction(async (tx, lock) => {
        await lock([`id:${articleId}`]);
        return (await deleteArticle(tx, articleId)) > 0;
      });
    },
    async listArticles() {
      const rows = await db.all<StoredArticle>("SELECT id, hash, title, date, source, words FROM articles ORDER BY id");
      return rows.map((r) => ({ id: r.id, title: r.title, date: r.date, source: r.source, hash: r.hash, words: r.words }));
    },
    async get(articleId) {
      const row = (await db.all<{ extraction: string }>("SELECT extraction FROM articles WHERE id = ?", [articleId]))[0];
      return row ? (JSON.parse(row.extraction) as ArticleExtraction) : undefined;
    },
    async extractions(window = {}) {
      const where: string[] = [];
      const params: string[] = [];
      if (window.since) where.push("date >= ?"), params.push(window.since);
      if (window.until) where.push("date <= ?"), params.push(window.until);
      const sql = `SELECT extraction FROM articles ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY id`;
      return (await db.all<{ extraction: string }>(sql, params)).map((r) => JSON.parse(r.extraction) as ArticleExtraction);
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
