import type { Token } from "../types.js";
import { visibleText } from "./text.js";

// Order matters: handles, dotted abbreviations (U.S., U.K.), words with inner hyphens/apostrophes
// (Azm-e-Istekam, O’Brien), numbers with separators (88.00, 2024-06-30, 02:58), then any single symbol.
// Format characters (\p{Cf}: zero-width spaces, joiners, soft hyphens, bidi controls) are invisible: inside a word
// they stay in its span (Ang\u00ADela is one word), anywhere else they separate nothing and make no token.
const TOKEN_RE =
  /@[\p{L}\p{N}_]+|#[\p{L}\p{N}_]+|(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*(?:[-'’.&][\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}\p{Cf}]*)*|[^\s\p{Cf}]/gu;
// Flat character classes, no nested quantifiers: a 10-million-character word must not exhaust the regexp stack.
const TRAILING_FORMAT_RE = /\p{Cf}+$/u;
const POSSESSIVE_RE = /^(.+?)(['’][sS])$/u;
const WORDY_RE = /^[\p{L}\p{N}@#]/u;

/**
 * Splits text[start, end) into tokens with absolute offsets; a trailing possessive 's is its own token. A token
 * holding format characters (or non-NFC letters) has its visible NFC form as text, its given span as offsets.
 */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN_RE)) {
    const s = start + (m.index ?? 0);
    // a word's trailing format characters are outside it ("Angela\u200b Merkel": "Angela")
    const raw = m[0].replace(TRAILING_FORMAT_RE, "");
    // The token's text is what a reader sees; its span still covers the characters as given.
    const word = visibleText(raw);
    if (word.length !== raw.length) {
      tokens.push({ text: word, start: s, end: s + raw.length });
      continue;
    }
    const pos = POSSESSIVE_RE.exec(word);
    if (pos && pos[1] && pos[2] && WORDY_RE.test(word) && !word.includes(".")) {
      tokens.push({ text: pos[1], start: s, end: s + pos[1].length });
      tokens.push({ text: pos[2], start: s + pos[1].length, end: s + word.length });
    } else {
      tokens.push({ text: word, start: s, end: s + word.length });
    }
  }
  return tokens;
}

export function isWordToken(t: string): boolean {
  return WORDY_RE.test(t);
}

export function isCapitalized(t: string): boolean {
  const c = t.charAt(0);
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

export function isAllCaps(t: string): boolean {
  return /\p{Lu}/u.test(t) && !/\p{Ll}/u.test(t);
}
