// Finds quotations (“…”, "…", and ‘…’ when it is speech) inside each paragraph. Attribution to a speaker
// happens in attribution.ts, after mentions are resolved.
import type { Article, Sentence } from "../types.js";
import { wordClass } from "../data/word-classes.js";

export interface QuoteSpan {
  /** The quoted words, without the marks. */
  start: number;
  end: number;
  text: string;
  /** Offsets of the opening and closing marks. */
  open: number;
  close: number;
  paragraph: number;
  /** Index of the sentence the quotation opens in. */
  sentence: number;
  /** Speech, as opposed to a name or title in quote marks ("Falcon Talon", “The Future of Pak-US Relations.”). */
  speech: boolean;
  /** Inside another quotation: never attributed on its own. */
  nested: boolean;
  /** A transcript's speaker label ("WALLACE: ..."), cut from the quoted text. */
  label?: string;
}

const TRANSCRIPT_LABEL = /^(\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+){0,2}):\s+/u;
const CONNECTORS = wordClass("title-connectors");

/** Looks like a name or a title rather than speech: short, or every content word capitalised. */
export function looksLikeName(text: string): boolean {
  const words = text.replace(/[.,!?;:]+$/u, "").split(/\s+/u).filter(Boolean);
  if (words.length === 0) return true;
  const content = words.filter((w) => !CONNECTORS.has(w.toLowerCase()));
  const titleCase = content.every((w) => /^[\p{Lu}\p{N}@(]/u.test(w));
  if (titleCase) return true;
  // one lower-case word ("a “signal”", "“unhinged”") is a word the speaker used, as the gold and PolNeAR count it
  return words.length < 2 && !/^\p{Ll}+$/u.test(words[0] ?? "");
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** Quote marks paired per paragraph; nested quotations are left to the outer one. */
export function findQuotes(article: Article): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  const byParagraph = new Map<number, Sentence[]>();
  for (const s of article.sentences) {
    const list = byParagraph.get(s.paragraph) ?? [];
    list.push(s);
    byParagraph.set(s.paragraph, list);
  }
  for (const [paragraph, sentences] of byParagraph) {
    const first = sentences[0];
    const last = sentences[sentences.length - 1];
    if (!first || !last) continue;
    const text = article.text;
    const stack: { mark: string; at: number }[] = [];
    const pairs: [number, number][] = [];
    for (let i = first.start; i < last.end; i++) {
      let c = text[i];
      // typewriter doubles: ''…'' and ``…'' (some wires and archives) are double quote marks; a closing
      // double is recorded at its first character so the quoted text stops before it
      const closeAt = i;
      if ((c === "'" && text[i + 1] === "'") || (c === "`" && text[i + 1] === "`")) {
        c = c === "`" ? "“" : '"';
        i++;
      }
      // “Automotive News Europe“, : an opening mark in closing shape (after a word, before a space or punctuation)
      // while one is open is a misprinted closing mark, not a new quotation running to the paragraph's end
      const closingShape = /[\p{L}\p{N}.,!?]/u.test(text[i - 1] ?? "") && !isLetter(text[i + 1]);
      if (c === "“" && !(closingShape && findLast(stack, "“") >= 0)) stack.push({ mark: "“", at: i });
      else if (c === "”" || c === "“") {
        const k = findLast(stack, "“");
        if (k >= 0) { pairs.push([stack[k]!.at, closeAt]); stack.length = k; }
      } else if (c === '"') {
        const k = findLast(stack, '"');
        const openingShape = (closeAt === first.start || /\s/u.test(text[closeAt - 1] ?? "")) && /[\p{L}\p{N}‘'(]/u.test(text[i + 1] ?? "");
        // BBC style: a quote running over sentences reopens each one without closing the last: "A. "B. "C."
        const reopens = k >= 0 && openingShape && /[.!?]/u.test(text[closeAt - 2] ?? "");
        if (reopens) {
          pairs.push([stack[k]!.at, closeAt - 1]);
          stack.length = k;
          stack.push({ mark: '"', at: i });
        } else if (k >= 0 && !(openingShape && k !== stack.length - 1)) { pairs.push([stack[k]!.at, closeAt]); stack.length = k; }
        else stack.push({ mark: '"', at: i });
      } else if (c === "‘" || (c === "'" && !isLetter(text[i - 1]) && isLetter(text[i + 1]))) {
        stack.push({ mark: "‘", at: i });
      } else if ((c === "’" || c === "'") && !isLetter(text[i + 1])) {
        const k = findLast(stack, "‘");
        if (k >= 0) { pairs.push([stack[k]!.at, i]); stack.length = k; }
      }
    }
    // An unclosed opening mark at the end of a paragraph still quotes to the end (news reopens quotes per paragraph).
    for (const open of stack) if (open.mark !== "‘") pairs.push([open.at, last.end]);
    pairs.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    let coveredTo = -1;
    for (const [open, close] of pairs) {
      const nested = open < coveredTo;
      if (!nested) coveredTo = close;
      let start = open + 1;
      let end = close;
      while (start < end && /\s/u.test(text[start] ?? "")) start++;
      while (end > start && /[\s,]/u.test(text[end - 1] ?? "")) end--;
      // a transcript line: "PENCE: Well, look, ..." names its speaker in capitals before a colon
      const labelled = TRANSCRIPT_LABEL.exec(text.slice(start, end));
      if (labelled?.[1]) start += labelled[0].length;
      const body = text.slice(start, end);
      if (!body) continue;
      const sentence = sentences.find((s) => s.start <= open && open < s.end) ?? sentences.find((s) => s.start > open);
      const index = sentence ? article.sentences.indexOf(sentence) : -1;
      const speech = !looksLikeName(body) && !(text[open] === "‘" && body.split(/\s+/).length < 4);
      const span: QuoteSpan = { start, end, text: body, open, close, paragraph, sentence: index, speech: speech && !nested, nested };
      if (labelled?.[1]) span.label = labelled[1];
      out.push(span);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

function findLast(stack: readonly { mark: string }[], mark: string): number {
  for (let k = stack.length - 1; k >= 0; k--) if (stack[k]?.mark === mark) return k;
  return -1;
}
