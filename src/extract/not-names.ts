// Capitalised words that are no names where they stand: a wire credit in brackets, a stock ticker, a wire copy's
// sign-off on its last line (the gold README: wire credits are no entities).
import type { Article, Sentence, Token } from "../types.js";
import { wordClass } from "../data/word-classes.js";

const DASHES = wordClass("wire-credit-dashes");

/**
 * A wire credit is no entity (gold README): "LONDON, Feb 5 (Reuters) - ...", "MOGADISHU (Xinhua) -- ...", or a
 * closing "(BBC)" on its own. A name alone in brackets followed by a dash, or ending its sentence.
 */
export function wireCredit(toks: readonly Token[], c: { from: number; to: number }): boolean {
  if (toks[c.from - 1]?.text !== "(" || toks[c.to]?.text !== ")") return false;
  const next = toks[c.to + 1]?.text;
  if (next !== undefined && DASHES.has(next)) return true;
  // the sentence is only the credit: "(BBC)" or "(Reuters)." closing an article
  return c.from === 1 && (next === undefined || (next === "." && c.to + 2 === toks.length));
}

/**
 * A stock ticker in angle brackets right after a company's name ("Rollins Inc <ROL>", "<OCBM.SI>"): one code in
 * capitals, not a second name. A name alone in brackets is the company's ("bought <Banque Paribas>"), as wire copy
 * marks companies without a ticker.
 */
export function ticker(toks: readonly Token[], c: { from: number; to: number }): boolean {
  if (toks[c.from - 1]?.text !== "<" || toks[c.to]?.text !== ">" || c.to - c.from !== 1) return false;
  return /^[A-Z0-9][A-Z0-9.]{0,9}$/.test(toks[c.from]?.text ?? "") && /^\p{Lu}/u.test(toks[c.from - 2]?.text ?? "");
}

/**
 * A wire copy's sign-off: one word alone on the article's last line ("...to emulate Brazil.\n Reuter"). Agencies
 * end their copy so; a name alone on a closing line states nothing.
 */
export function signOff(article: Article, c: { sentence: number; from: number; to: number }): boolean {
  if (c.sentence !== article.sentences.length - 1 || c.from !== 0 || c.to !== 1) return false;
  const s = article.sentences[c.sentence] as Sentence;
  const rest = s.tokens.slice(1);
  if (!rest.every((t) => /^[.)\]]$/.test(t.text))) return false;
  return /\n[ \t]*$/.test(article.text.slice(Math.max(0, s.start - 80), s.start));
}
