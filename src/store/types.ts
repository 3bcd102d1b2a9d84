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
