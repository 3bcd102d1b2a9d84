// The messages between the pool and its workers: one task, one reply, matched by `seq`.
import type { ArticleExtraction, RawArticle } from "../types.js";

export interface TaskMessage {
  seq: number;
  article: RawArticle;
}

export type ReplyMessage =
  | { seq: number; extraction: ArticleExtraction; ms: number }
  | { seq: number; error: string; ms: number };
