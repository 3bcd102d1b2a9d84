import type { Sentence, Token } from "../types.js";
import { loadData, stringList } from "../data/load.js";
import { tokenize, isWordToken } from "./tokenize.js";

const ABBREVIATIONS = new Set(loadData("abbreviations", (v) => stringList(v, "words")));
const DEBRIS_PATTERNS = loadData("debris", (v) => stringList(v, "linePatterns")).map((p) => new RegExp(p, "iu"));

const TERMINATORS = new Set([".", "!", "?", "…"]);
const CLOSERS = new Set(["”", "’", '"', "'", ")", "]"]);
const NUMERIC_RE = /^[\d.,:%/-]+$/;
// "INP Published 30 Jun, 2024 02:58am", "By Jane Doe | Updated ...": the credit before the verb is kept as a line.
// Only when a date follows, so "The report was published by ..." is never cut.
const BYLINE_RE = /^\s*(?:by\s+)?(\S.{0,58}?)\s*[|,·-]?\s+(?:published|updated|posted)(?:\s+on)?:?\s+(?=\d|\p{L}{3,9}\.?\s+\d)/iu;
const DATE_RE = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}:\d{2}\s*(am|pm)?\b/i;

/** True for a line of page furniture: tickers, share buttons, lines of numbers and dates. */
export function isDebrisLine(line: string, tokens: readonly Token[]): boolean {
  const trimmed = line.trim();
  if (DEBRIS_PATTERNS.some((re) => re.test(trimmed))) return true;
  const words = tokens.filter((t) => isWordToken(t.text));
  if (words.length === 0) return true;
  const numeric = words.filter((t) => NUMERIC_RE.test(t.text)).length;
  if (numeric / words.length > 0.4) return true;
  // "Print Print 2024-06-30": a short line without a single lower-case word that carries a date.
  const hasLower = words.some((t) => /^\p{Ll}/u.test(t.text) && !NUMERIC_RE.test(t.text));
  return words.length <= 8 && !hasLower && DATE_RE.test(trimmed);
}

function endsSentence(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  if (!tok || !TERMINATORS.has(tok.text)) return false;
  const prev = tokens[i - 1];
  if (tok.text === "." && prev) {
    const p = prev.text.toLowerCase();
    // Initials ("Elizabeth K. Horst") and titles ("Lt. Gen.") do not end sentences.
    if (ABBREVIATIONS.has(p) || (/^\p{Lu}$/u.test(prev.text) && prev.end === tok.start)) return false;
  }
  let j = i + 1;
  while (j < tokens.length && CLOSERS.has(tokens[j]?.text ?? "")) j++;
  const next = tokens[j];
  if (!next) return true;
  return /^[\p{Lu}\p{N}“"‘'(@]/u.test(next.text);
}

/** Separators that end a dateline: "KABUL –", "BAKLOH (HIMACHAL PRADESH):", "MOGADISHU, Oct. 17 (Xinhua) --". */
const DATELINE_SEPARATORS = new Set([":", "–", "—", "-", "--", "―"]);
/** Paragraphs (from the article's first) where a dateline may open the text. */
const DATELINE_PARAGRAPHS = 3;
const DATELINE_TOKENS = 12;

/**
 * The tokens of a dateline opening a paragraph, separator included, or 0: a place in capitals, then perhaps a
 * region, date or agency ("ISLAMABAD, Pakistan —", "MEXICO CITY (Reuters) –"), then a separator, then the text.
 * The dateline is a sentence of its own, so the parser never takes its place for the first clause's subject.
 */
function datelineEnd(tokens: readonly Token[]): number {
  // three capitals at least: "US - China talks" is no dateline
  if (!/^\p{Lu}[\p{Lu}'.-]+\p{Lu}$/u.test(tokens[0]?.text ?? "")) return 0;
  for (let i = 1; i < tokens.length && i < DATELINE_TOKENS; i++) {
    const t = tokens[i]!.text;
    if (DATELINE_SEPARATORS.has(t)) {
      let j = i + 1;
      while (DATELINE_SEPARATORS.has(tokens[j]?.text ?? "")) j++; // "--" written as two dashes
      return j < tokens.length && /^[\p{Lu}“"‘']/u.test(tokens[j]!.text) ? j : 0;
    }
    if (TERMINATORS.has(t) && t !== ".") return 0;
    // a dateline holds names, numbers, commas, brackets and abbreviation dots, never a lower-case word
    if (/^\p{Ll}/u.test(t) && !ABBREVIATIONS.has(t.toLowerCase())) return 0;
  }
  return 0;
}

/** Cuts one paragraph into sentences; closing quotes and brackets stay with the sentence they end. */
function splitParagraph(text: string, tokens: Token[], paragraph: number, headline: boolean): Sentence[] {
  const out: Sentence[] = [];
  let from = paragraph < DATELINE_PARAGRAPHS && !headline ? datelineEnd(tokens) : 0;
  if (from > 0) out.push(makeSentence(text, tokens.slice(0, from), paragraph, true));
  for (let i = 0; i < tokens.length; i++) {
    if (!endsSentence(tokens, i)) continue;
    let j = i + 1;
    while (j < tokens.length && CLOSERS.has(tokens[j]?.text ?? "") && (tokens[j]?.start ?? 0) === (tokens[j - 1]?.end ?? 0)) j++;
    out.push(makeSentence(text, tokens.slice(from, j), paragraph, headline));
    from = j;
    i = j - 1;
  }
  if (from < tokens.length) out.push(makeSentence(text, tokens.slice(from), paragraph, headline));
  return out;
}

function makeSentence(text: string, tokens: Token[], paragraph: number, headline: boolean): Sentence {
  const start = tokens[0]?.start ?? 0;
  const end = tokens[tokens.length - 1]?.end ?? start;
  return { start, end, text: text.slice(start, end), tokens, paragraph, headline };
}

/** Splits an article into sentences with absolute offsets, dropping lines of page debris. */
/** Most lines of similar, column-like length: the line ends are wrapping, not paragraph breaks. */
export function isHardWrapped(text: string): boolean {
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  if (lines.length < 6) return false;
  const columnar = lines.filter((l) => l.length >= 45 && l.length <= 82).length;
  const unfinished = lines.filter((l) => !/[.!?:"”’)\]]\s*$/.test(l)).length;
  return columnar / lines.length >= 0.6 && unfinished / lines.length >= 0.5;
}

export function segment(text: string): Sentence[] {
  const wrapped = isHardWrapped(text);
  const sentences: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    // hard-wrapped text (wire copy at ~70 columns): a paragraph runs on until a blank or indented line
    if (wrapped) {
      while (lineEnd < text.length) {
        const nextEnd = text.indexOf("\n", lineEnd + 1);
        const next = text.slice(lineEnd + 1, nextEnd < 0 ? text.length : nextEnd);
        if (next.trim() === "" || /^\s/.test(next)) break;
        lineEnd = nextEnd < 0 ? text.length : nextEnd;
      }
    }
    const byline = BYLINE_RE.exec(text.slice(lineStart, lineEnd));
    if (byline?.[1] && byline[1].length < 60) lineEnd = lineStart + (byline.index ?? 0) + byline[0].indexOf(byline[1]) + byline[1].length;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() !== "") {
      const tokens = tokenize(text, lineStart, lineEnd);
      if (!isDebrisLine(line, tokens)) {
        const last = tokens[tokens.length - 1]?.text ?? "";
        const headline = !TERMINATORS.has(last) && !CLOSERS.has(last) && tokens.length < 30;
        sentences.push(...splitParagraph(text, tokens, paragraph, headline));
        paragraph++;
      }
    }
    const next = text.indexOf("\n", lineEnd);
    lineStart = next < 0 ? text.length + 1 : next + 1;
  }
  return sentences;
}
