import type { Token } from "../types.js";

// Order matters: handles, dotted abbreviations (U.S., U.K.), words with inner hyphens/apostrophes
// (Azm-e-Istekam, O’Brien), numbers with separators (88.00, 2024-06-30, 02:58), then any single symbol.
const TOKEN_RE =
  /@[\p{L}\p{N}_]+|#[\p{L}\p{N}_]+|(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*|\S/gu;
const POSSESSIVE_RE = /^(.+?)(['’][sS])$/u;
const WORDY_RE = /^[\p{L}\p{N}@#]/u;

/** Splits text[start, end) into tokens with absolute offsets; a trailing possessive 's is its own token. */
export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  for (const m of slice.matchAll(TOKEN_RE)) {
    const s = start + (m.index ?? 0);
    const word = m[0];
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
