// Types shared by the store's back ends and their callers.
import type { ArticleExtraction, ArticleMeta, RawArticle } from "../types.js";

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

export type IngestOutcome = keyof IngestReport;

export type Extractor = (raw: RawArticle) => ArticleExtraction | Promise<ArticleExtraction>;

export interface StoreOptions {
  /** Open an existing store without writing (builds); default false. */
  readonly?: boolean;
  /** Create the store when it does not exist; default true (false for commands that only change a store). */
  create?: boolean;
}

/** Articles dated in [since, until] (YYYY-MM-DD, both inclusive); either end may be open. Undated articles are out. */
export interface DateWindow {
  since?: string | null;
  until?: string | null;
}

export class StoreError extends Error {
  override name = "StoreError";
}
