// Keys that decide when two names are the same entity.
import { wordClass } from "../data/word-classes.js";

const plainKeys = new Map<string, string>();
/** Names kept in the plainKey memo before it starts afresh. */
const PLAIN_KEY_MEMO = 50_000;

/** Lower case, accents and punctuation removed, a leading "the" dropped: "The Wilson Center" -> "wilsoncenter". */
export function plainKey(name: string): string {
  // Resolution compares the same few names many times per article: memoised (it is pure).
  let key = plainKeys.get(name);
  if (key === undefined) {
    if (plainKeys.size >= PLAIN_KEY_MEMO) plainKeys.clear();
    key = computePlainKey(name);
    plainKeys.set(name, key);
  }
  return key;
}

function computePlainKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/^@/, "")
    .replace(/^the\s+/, "")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const NAME_PREFIX_RE = /^(operation|exercise|op)\s+/i;

/**
 * A spelling-tolerant key for transliterated names: consonant skeleton with q~k, ph~f, silent h dropped,
 * doubled letters collapsed, vowels dropped after the first letter. "Azm-e-Istehkam", "Azmi Isteqam"
 * and "Azm-i-Istekam" all give "azmstkm". Used for events and exercises, whose names are rarely common words.
 */
export function skeletonKey(name: string): string {
  const base = plainKey(name.replace(NAME_PREFIX_RE, ""));
  if (base.length === 0) return "";
  const first = base.charAt(0);
  const rest = base
    .slice(1)
    .replace(/q/g, "k")
    .replace(/ph/g, "f")
    .replace(/ck/g, "k")
    .replace(/h/g, "")
    .replace(/[aeiouy]/g, "")
    .replace(/(.)\1+/g, "$1");
  return first + rest;
}

/** Name tokens without titles or punctuation, lower-cased: "Ambassador Masood Khan" -> ["masood","khan"] when given the name part. */
export function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[\s.]+/u)
    .map((t) => t.replace(/[^\p{L}\p{N}'-]/gu, ""))
    .filter((t) => t.length > 0);
}

/** Initials of the capitalised words: "Bureau of South and Central Asian Affairs" -> "BSCAA". */
export function initials(name: string): string {
  return name
    .split(/[\s-]+/u)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w.charAt(0))
    .join("");
}

/** Stable slug for node keys. */
export function slug(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/^@/, "")
      .replace(/[^a-z0-9\p{L}]+/gu, "-")
      .replace(/^-+|-+$/g, "") || "x"
  );
}

const ACRONYM_SKIP = wordClass("acronym-skip-words");

/**
 * Whether `acronym` abbreviates `name`: the first letter of each word, an all-capitals word whole ("UK" in "UK
 * Independence Party" -> UKIP), grammar words optional: "UN", "NATO", "UKIP", "BSCAA".
 */
export function acronymMatches(acronym: string, name: string): boolean {
  const words = name.split(/[\s-]+/u).filter((w) => /^[\p{L}\d]/u.test(w));
  if (words.length < 2) return false;
  const target = acronym.toUpperCase();
  const go = (wi: number, ai: number): boolean => {
    if (ai === target.length) return words.slice(wi).every((w) => ACRONYM_SKIP.has(w.toLowerCase()));
    if (wi === words.length) return false;
    const w = words[wi]!;
    if (ACRONYM_SKIP.has(w.toLowerCase()) && go(wi + 1, ai)) return true;
    if (/^\p{Lu}{2,}$/u.test(w) && target.startsWith(w, ai) && go(wi + 1, ai + w.length)) return true;
    return w.charAt(0).toUpperCase() === target.charAt(ai) && go(wi + 1, ai + 1);
  };
  return go(0, 0);
}
