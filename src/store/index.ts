// The embedded store: one SQLite file (WAL) holding every ingested article's extraction, so a graph can be
// rebuilt after adding or removing articles without extracting the others again.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import type { ArticleExtraction, ArticleMeta, ArticleRef, RawArticle } from "../types.js";
import { MIGRATIONS, SCHEMA, SCHEMA_VERSION } from "./schema.js";
import { contentHash } from "../util/hash.js";
import { shorten } from "../util/shorten.js";
import { planArticle, withArticleId, type ArticlePlace, type ArticlePlan, type StoredRow } from "./identity.js";

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
  /**
   * Removes one source by id: an article with its mentions and evidence, or a copy. When other sources share
   * the removed article's text, the smallest of them holds it from then on. False when the id was not stored.
   */
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

interface CopyRow {
  id: string;
  title: string | null;
  date: string | null;
  source: string;
  origin: string | null;
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
  const one = db.prepare<[string], { hash: string; extraction: string }>("SELECT hash, extraction FROM articles WHERE id = ?");
  const all = db.prepare<[], { hash: string; extraction: string }>("SELECT hash, extraction FROM articles ORDER BY id");
  const copiesOf = db.prepare<[string], ArticleRef>("SELECT id, source FROM copies WHERE hash = ? ORDER BY id");
  const allCopies = db.prepare<[], ArticleRef & { hash: string }>("SELECT hash, id, source FROM copies ORDER BY id");
  /** The extraction with its text's other sources listed, as a direct build lists them. */
  const withCopies = (row: { extraction: string }, copies: readonly ArticleRef[] | undefined): ArticleExtraction => {
    const x = JSON.parse(row.extraction) as ArticleExtraction;
    if (copies && copies.length > 0) x.article = { ...x.article, duplicates: copies.map((c) => ({ id: c.id, source: c.source })) };
    return x;
  };
  return {
    idForHash: (hash: string) => byHash.get(hash)?.id,
    listArticles: (): StoredArticle[] =>
      list.all().map((r) => ({ id: r.id, title: r.title, date: r.date, source: r.source, hash: r.hash, words: r.words })),
    get: (id: string) => {
      const row = one.get(id);
      return row ? withCopies(row, copiesOf.all(row.hash)) : undefined;
    },
    extractions: () => {
      const copies = new Map<string, ArticleRef[]>();
      for (const c of allCopies.all()) {
        const list = copies.get(c.hash) ?? [];
        list.push(c);
        copies.set(c.hash, list);
      }
      return all.all().map((r) => withCopies(r, copies.get(r.hash)));
    },
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
  // A source is an article row or a copy row; both kinds hold an id and an origin.
  const sources = "SELECT id, hash, origin FROM articles WHERE %s UNION ALL SELECT id, hash, origin FROM copies WHERE %s";
  const rowById = db.prepare<[string, string], StoredRow>(sources.replaceAll("%s", "id = ?"));
  const rowByOrigin = db.prepare<[string, string], StoredRow>(`${sources.replaceAll("%s", "origin = ?")} ORDER BY id LIMIT 1`);
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
  const articleRow = db.prepare<[string], ArticleRow & { origin: string | null; extraction: string }>(
    "SELECT id, hash, title, date, source, origin, words, extraction FROM articles WHERE id = ?",
  );
  const insertCopy = db.prepare("INSERT OR REPLACE INTO copies (id, hash, title, date, source, origin) VALUES (?, ?, ?, ?, ?, ?)");
  const deleteCopy = db.prepare<[string]>("DELETE FROM copies WHERE id = ?");
  const firstCopy = db.prepare<[string], CopyRow>("SELECT id, title, date, source, origin FROM copies WHERE hash = ? ORDER BY id LIMIT 1");
  const place: ArticlePlace = {
    byId: (id) => rowById.get(id, id),
    byOrigin: (origin) => rowByOrigin.get(origin, origin),
    byHash: (hash) => read.idForHash(hash),
  };

  /** Writes one article and its rows (the caller holds the transaction). */
  function insert(x: ArticleExtraction, hash: string, origin: string | null): void {
    const id = x.article.id;
    deleteCopy.run(id);
    insertArticle.run(id, hash, x.article.title, x.article.date, x.article.source, origin, x.words, JSON.stringify(x));
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
  }

  /**
   * Removes one source: a copy row, or an article with its rows. Another source of the same text (the smallest
   * copy) then holds the text: same text, so the same extraction under its id, and nothing is extracted again.
   */
  function removeSource(id: string): boolean {
    const row = articleRow.get(id);
    if (!row) return deleteCopy.run(id).changes > 0;
    deleteArticle.run(id);
    const heir = firstCopy.get(row.hash);
    if (heir) {
      const x = withArticleId(JSON.parse(row.extraction) as ArticleExtraction, heir.id);
      insert({ ...x, article: { id: heir.id, title: heir.title, date: heir.date, source: heir.source } }, row.hash, heir.origin);
    }
    return true;
  }

  /** The article at `id` becomes a copy of its own text (a smaller id is about to hold it). */
  function demote(id: string): void {
    const row = articleRow.get(id);
    if (!row) return;
    deleteArticle.run(id);
    insertCopy.run(row.id, row.hash, row.title, row.date, row.source, row.origin);
  }

  /** Carries out a plan in one transaction: the article lands whole, with its copies, or not at all. */
  const carry = db.transaction((plan: ArticlePlan, arrival: { meta: ArticleMeta; hash: string; origin: string }, x?: ArticleExtraction) => {
    for (const id of plan.drop) removeSource(id);
    if (plan.demote !== undefined) demote(plan.demote);
    if (x) insert(x, arrival.hash, arrival.origin);
    else if (plan.holder !== plan.id) {
      const m = arrival.meta;
      insertCopy.run(plan.id, arrival.hash, m.title, m.date, m.source, arrival.origin);
    }
  });

  function ingestOne(raw: RawArticle, extract: (raw: RawArticle) => ArticleExtraction): { outcome: keyof IngestReport; id: string } {
    const hash = contentHash(raw.text);
    const origin = raw.origin ?? raw.source;
    const plan = planArticle(place, { id: raw.id, hash, origin });
    const meta: ArticleMeta = { id: plan.id, title: raw.title, date: raw.date, source: raw.source };
    if (!plan.write) {
      carry(plan, { meta, hash, origin });
      return plan;
    }
    const extraction = extract(plan.id === raw.id ? raw : { ...raw, id: plan.id });
    if (extraction.article.id !== plan.id) {
      throw new StoreError(`store: extraction of "${shorten(plan.id)}" names article "${shorten(extraction.article.id)}"`);
    }
    carry(plan, { meta, hash, origin }, extraction);
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
        const x = withArticleId(item.extraction, plan.id);
        carry(plan, { meta: x.article, hash: item.hash, origin }, plan.write ? x : undefined);
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
    remove: db.transaction((articleId: string) => removeSource(articleId)),
    close: () => db.close(),
  };
}
