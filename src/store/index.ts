// The embedded store: one SQLite file (WAL) holding every ingested article's extraction, so a graph can be
// rebuilt after adding or removing articles without extracting the others again.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { ArticleExtraction, ArticleMeta, RawArticle } from "../types.js";
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from "./schema.js";
import { contentHash } from "../util/hash.js";
import { shorten } from "../util/shorten.js";
import { planArticle, withArticleId, type ArticlePlace, type StoredRow } from "./identity.js";

export { contentHash } from "../util/hash.js";

/** An article as listed by the store. */
export interface StoredArticle extends ArticleMeta {
  hash: string;
  words: number;
}

/** One article to store: its extraction and the hash of the text it was extracted from. */
export interface IngestItem {
  extraction: ArticleExtraction;
  hash: string;
  /** The source's identity across runs (`RawArticle.origin`); the article's `source` when absent. */
  origin?: string;
}

/** What an ingest did, by article id (the id stored, which may carry a `~hash` suffix; see identity.ts). */
export interface IngestReport {
  /** New articles: a text not stored before, from a source not stored before. */
  added: string[];
  /** Sources stored before with another text: their old extraction was replaced. */
  updated: string[];
  /** Texts already stored (under this id or another): nothing was done, nothing extracted. */
  skipped: string[];
}

export interface StoreOptions {
  /** Open an existing store without writing (builds); default false. */
  readonly?: boolean;
  /** Create the file when it does not exist; default true (false for commands that only change a store). */
  create?: boolean;
}

export interface Store {
  readonly file: string;
  /** The id of the article stored with this content hash, if any. */
  idForHash(hash: string): string | undefined;
  /** Stores each item in its own transaction; an item whose hash is already stored is skipped. */
  ingest(items: Iterable<IngestItem>): IngestReport;
  /**
   * Hashes the raw article; unless that text is already stored, extracts it with `extract` and stores it in
   * one transaction. Returns what was done. The unit `ingestArticles` and streaming callers build on.
   */
  ingestArticle(article: RawArticle, extract: (raw: RawArticle) => ArticleExtraction): keyof IngestReport;
  /**
   * Hashes each raw article, skips the ones already stored without extracting them, extracts the rest with
   * `extract` and stores each in its own transaction. `onArticle` is called after each article (progress).
   */
  ingestArticles(
    articles: Iterable<RawArticle>,
    extract: (raw: RawArticle) => ArticleExtraction,
    onArticle?: (id: string, outcome: keyof IngestReport) => void,
  ): IngestReport;
  /** Removes an article with its mentions and evidence; false when it was not stored. */
  remove(articleId: string): boolean;
  /** Every stored article, by id. */
  listArticles(): StoredArticle[];
  /** One stored extraction. */
  get(articleId: string): ArticleExtraction | undefined;
  /** Every stored extraction, by article id (a deterministic order). */
  extractions(): ArticleExtraction[];
  close(): void;
}

export class StoreError extends Error {
  override name = "StoreError";
}

interface ArticleRow {
  id: string;
  hash: string;
  title: string | null;
  date: string | null;
  source: string;
  words: number;
}

/** Opens (creating if needed) the store in `file`. */
export function openStore(file: string, options: StoreOptions = {}): Store {
  const readonly = options.readonly ?? false;
  const mustExist = readonly || options.create === false;
  if (mustExist && !existsSync(file)) {
    throw new StoreError(`store: ${file} does not exist; create it with \`newsgraph ingest <paths> --db ${file}\``);
  }
  // A read-only store is opened writable but with query_only on: a truly read-only SQLite connection to a WAL
  // database leaves its -wal and -shm files behind, while this one cleans them up on close like any other.
  const db = new Database(file, { fileMustExist: mustExist });
  if (readonly) db.pragma("query_only = ON");
  try {
    if (!readonly) {
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL keeps every committed transaction consistent after a crash; only the last ones may be lost.
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(`store: ${file} has schema version ${version}, newer than this newsgraph (${SCHEMA_VERSION}); upgrade newsgraph`);
    }
    if (version < SCHEMA_VERSION) {
      if (readonly && version === 0) throw new StoreError(`store: ${file} is not a newsgraph store (schema version ${version})`);
      if (readonly) throw new StoreError(`store: ${file} has schema version ${version}; run \`newsgraph ingest\` on it once to upgrade it`);
      db.transaction(() => {
        if (version === 0) db.exec(SCHEMA);
        else for (let v = version; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v] ?? "");
        db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })();
    }
  } catch (err) {
    db.close();
    if ((err as { code?: unknown }).code === "SQLITE_NOTADB") {
      throw new StoreError(`store: ${file} is not a newsgraph store (not an SQLite database); give the --db file made by ingest`);
    }
    throw err;
  }
  return readonly ? readonlyStore(file, db) : writableStore(file, db);
}

function readers(db: Database.Database) {
  const byHash = db.prepare<[string], { id: string }>("SELECT id FROM articles WHERE hash = ? LIMIT 1");
  const list = db.prepare<[], ArticleRow>("SELECT id, hash, title, date, source, words FROM articles ORDER BY id");
  const one = db.prepare<[string], { extraction: string }>("SELECT extraction FROM articles WHERE id = ?");
  const all = db.prepare<[], { extraction: string }>("SELECT extraction FROM articles ORDER BY id");
  return {
    idForHash: (hash: string) => byHash.get(hash)?.id,
    listArticles: (): StoredArticle[] =>
      list.all().map((r) => ({ id: r.id, title: r.title, date: r.date, source: r.source, hash: r.hash, words: r.words })),
    get: (id: string) => {
      const row = one.get(id);
      return row ? (JSON.parse(row.extraction) as ArticleExtraction) : undefined;
    },
    extractions: () => all.all().map((r) => JSON.parse(r.extraction) as ArticleExtraction),
  };
}

function readonlyStore(file: string, db: Database.Database): Store {
  const refuse = (): never => {
    throw new StoreError(`store: ${file} was opened read-only`);
  };
  return { file, ...readers(db), ingest: refuse, ingestArticle: refuse, ingestArticles: refuse, remove: refuse, close: () => db.close() };
}

function writableStore(file: string, db: Database.Database): Store {
  const read = readers(db);
  const rowById = db.prepare<[string], StoredRow>("SELECT id, hash, origin FROM articles WHERE id = ?");
  const rowByOrigin = db.prepare<[string], StoredRow>("SELECT id, hash, origin FROM articles WHERE origin = ? ORDER BY id LIMIT 1");
  const insertArticle = db.prepare(
    "INSERT INTO articles (id, hash, title, date, source, origin, words, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const insertMention = db.prepare(
    "INSERT INTO mentions (article_id, entity, kind, name, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEvidence = db.prepare(
    "INSERT INTO evidence (article_id, source, target, relation, span_start, span_end, text, quote, rule, cameo) " +
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const deleteArticle = db.prepare<[string]>("DELETE FROM articles WHERE id = ?");
  const place: ArticlePlace = {
    byId: (id) => rowById.get(id),
    byOrigin: (origin) => rowByOrigin.get(origin),
    byHash: (hash) => read.idForHash(hash),
  };

  /** Writes one article and its rows after removing `drop`; run inside a transaction, so it lands whole or not at all. */
  const write = db.transaction((item: IngestItem, origin: string, drop: readonly string[]) => {
    for (const id of drop) deleteArticle.run(id);
    const x = item.extraction;
    const id = x.article.id;
    insertArticle.run(id, item.hash, x.article.title, x.article.date, x.article.source, origin, x.words, JSON.stringify(x));
    const names = new Map<string, string>();
    for (const e of x.entities) {
      names.set(e.id, e.name);
      for (const m of e.mentions) insertMention.run(id, e.id, e.kind, e.name, m.start, m.end, m.text);
    }
    for (const r of x.relations) {
      const ev = r.evidence;
      insertEvidence.run(
        id, names.get(r.source) ?? r.source, names.get(r.target) ?? r.target, r.relation, ev.start, ev.end, ev.text,
        ev.quote ?? null, ev.rule, r.cameo ?? null,
      );
    }
  });
  const dropOnly = db.transaction((drop: readonly string[]) => {
    for (const id of drop) deleteArticle.run(id);
  });

  function ingestOne(raw: RawArticle, extract: (raw: RawArticle) => ArticleExtraction): { outcome: keyof IngestReport; id: string } {
    const hash = contentHash(raw.text);
    const origin = raw.origin ?? raw.source;
    const plan = planArticle(place, { id: raw.id, hash, origin });
    if (!plan.write) {
      dropOnly(plan.drop);
      return plan;
    }
    const extraction = extract(plan.id === raw.id ? raw : { ...raw, id: plan.id });
    if (extraction.article.id !== plan.id) {
      throw new StoreError(`store: extraction of "${shorten(plan.id)}" names article "${shorten(extraction.article.id)}"`);
    }
    write({ extraction, hash }, origin, plan.drop);
    return plan;
  }

  return {
    file,
    ...read,
    ingest(items) {
      const report: IngestReport = { added: [], updated: [], skipped: [] };
      for (const item of items) {
        const origin = item.origin ?? item.extraction.article.source;
        const plan = planArticle(place, { id: item.extraction.article.id, hash: item.hash, origin });
        if (plan.write) write({ ...item, extraction: withArticleId(item.extraction, plan.id) }, origin, plan.drop);
        else dropOnly(plan.drop);
        report[plan.outcome].push(plan.outcome === "skipped" ? item.extraction.article.id : plan.id);
      }
      return report;
    },
    ingestArticle: (raw, extract) => ingestOne(raw, extract).outcome,
    ingestArticles(articles, extract, onArticle) {
      const report: IngestReport = { added: [], updated: [], skipped: [] };
      for (const raw of articles) {
        const { outcome, id: stored } = ingestOne(raw, extract);
        const id = outcome === "skipped" ? raw.id : stored;
        report[outcome].push(id);
        onArticle?.(id, outcome);
      }
      return report;
    },
    remove: (articleId) => deleteArticle.run(articleId).changes > 0,
    close: () => db.close(),
  };
}
