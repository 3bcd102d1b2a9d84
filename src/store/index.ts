// The embedded store: one SQLite file (WAL) holding every ingested article's extraction, so a graph can be
// rebuilt after adding or removing articles without extracting the others again.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { ArticleExtraction, ArticleMeta, RawArticle } from "../types.js";
import { SCHEMA, SCHEMA_VERSION } from "./schema.js";

/** sha256 (hex) of the article text: two articles with the same text are the same article. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** An article as listed by the store. */
export interface StoredArticle extends ArticleMeta {
  hash: string;
  words: number;
}

/** One article to store: its extraction and the hash of the text it was extracted from. */
export interface IngestItem {
  extraction: ArticleExtraction;
  hash: string;
}

/** What an ingest did, by article id. */
export interface IngestReport {
  /** New ids. */
  added: string[];
  /** Ids already stored with another text: the old extraction was replaced. */
  replaced: string[];
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
      if (readonly) throw new StoreError(`store: ${file} is not a newsgraph store (schema version ${version})`);
      db.exec(SCHEMA);
      db.pragma(`user_version = ${SCHEMA_VERSION}`);
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
  const hashOf = db.prepare<[string], { hash: string }>("SELECT hash FROM articles WHERE id = ?");
  const insertArticle = db.prepare(
    "INSERT INTO articles (id, hash, title, date, source, words, extraction) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertMention = db.prepare(
    "INSERT INTO mentions (article_id, entity, kind, name, span_start, span_end, text) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const insertEvidence = db.prepare(
    "INSERT INTO evidence (article_id, source, target, relation, span_start, span_end, text, quote, rule, cameo) " +
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const deleteArticle = db.prepare<[string]>("DELETE FROM articles WHERE id = ?");

  /** Writes one article and its rows; run inside a transaction, so it lands whole or not at all. */
  const store = db.transaction((item: IngestItem, replace: boolean, drop?: string) => {
    const x = item.extraction;
    const id = x.article.id;
    if (replace) deleteArticle.run(id);
    if (drop !== undefined) deleteArticle.run(drop);
    insertArticle.run(id, item.hash, x.article.title, x.article.date, x.article.source, x.words, JSON.stringify(x));
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

  /**
   * Decides what to do with an article before any extraction work. Of several articles with the same text the
   * one with the smallest id is kept, whatever the order they arrive in, so ingesting in any order or in parts
   * gives the same store; a later, smaller-id copy takes the place of the stored one (`swap`) and still counts
   * as skipped, since its text was already there.
   */
  function plan(id: string, hash: string): { outcome: keyof IngestReport; swap?: string } {
    const holder = read.idForHash(hash);
    if (holder !== undefined) return holder === id || holder < id ? { outcome: "skipped" } : { outcome: "skipped", swap: holder };
    return { outcome: hashOf.get(id) ? "replaced" : "added" };
  }

  function ingestArticle(raw: RawArticle, extract: (raw: RawArticle) => ArticleExtraction): keyof IngestReport {
    const hash = contentHash(raw.text);
    const { outcome, swap } = plan(raw.id, hash);
    if (outcome === "skipped" && swap === undefined) return outcome;
    const extraction = extract(raw);
    if (extraction.article.id !== raw.id) {
      throw new StoreError(`store: extraction of "${raw.id}" names article "${extraction.article.id}"`);
    }
    store({ extraction, hash }, hashOf.get(raw.id) !== undefined, swap);
    return outcome;
  }

  return {
    file,
    ...read,
    ingest(items) {
      const report: IngestReport = { added: [], replaced: [], skipped: [] };
      for (const item of items) {
        const id = item.extraction.article.id;
        const { outcome, swap } = plan(id, item.hash);
        if (outcome !== "skipped" || swap !== undefined) store(item, hashOf.get(id) !== undefined, swap);
        report[outcome].push(id);
      }
      return report;
    },
    ingestArticle,
    ingestArticles(articles, extract, onArticle) {
      const report: IngestReport = { added: [], replaced: [], skipped: [] };
      for (const raw of articles) {
        const outcome = ingestArticle(raw, extract);
        report[outcome].push(raw.id);
        onArticle?.(raw.id, outcome);
      }
      return report;
    },
    remove: (articleId) => deleteArticle.run(articleId).changes > 0,
    close: () => db.close(),
  };
}
