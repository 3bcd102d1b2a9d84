import type { Article, RawArticle } from "../types.js";
import { segment } from "./segment.js";

/** The nlp stage: cuts the text into sentences and tokens once; later stages never re-parse. */
export function analyze(raw: RawArticle): Article {
  const sentences = segment(raw.text);
  let words = 0;
  for (const s of sentences) for (const t of s.tokens) if (/^[\p{L}\p{N}]/u.test(t.text)) words++;
  return { ...raw, sentences, words };
}
