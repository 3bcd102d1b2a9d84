// Shapes inside a person's or body's name that a run of capitalised words must keep: name particles ("bin",
// "von der", a capitalised "Al" opening a name) and a quoted nickname ("Ferdinand ''Bongbong'' Marcos").
import { isCapitalized } from "../nlp/tokenize.js";
import type { Token } from "../types.js";
import { wordClass } from "../data/word-classes.js";

const QUOTE_OPEN = wordClass("opening-quote-marks");

function norm(t: string): string {
  return t.replace(/’/g, "'").toLowerCase();
}

/** Connectors that are parts of personal names ("bin Salman", "von der Leyen", "da Silva"). */
export const NAME_PARTICLES = wordClass("name-particles");

/** A name particle inside a person's name: lower-case or not, between two name words ("Faisal bin Farhan"). */
export function isParticle(toks: readonly Token[], i: number, to: number): boolean {
  return i > 0 && i + 1 < to && NAME_PARTICLES.has(norm(toks[i]?.text ?? "")) && isCapitalized(toks[i - 1]?.text ?? "") && isCapitalized(toks[i + 1]?.text ?? "");
}

/** A quoted nickname inside a name, with the spaces around it: "Ferdinand ''Bongbong'' Marcos". */
export const NICKNAME_RE = /\s+(?:''|["“‘'])\p{Lu}[\p{L}-]*(?:''|["”’'])\s+/u;

/** Token after a quoted one-word nickname opening at token j ('' Bongbong '' or “ Pepe ”), or 0. */
export function nicknameEnd(toks: readonly Token[], j: number): number {
  const open = toks[j]?.text === "'" && toks[j + 1]?.text === "'" ? 2 : QUOTE_OPEN.has(toks[j]?.text ?? "") || toks[j]?.text === "'" ? 1 : 0;
  if (open === 0 || !/^\p{Lu}[\p{L}-]*$/u.test(toks[j + open]?.text ?? "")) return 0;
  const close = j + open + 1;
  const n = open === 2 ? (toks[close]?.text === "'" && toks[close + 1]?.text === "'" ? 2 : 0) : /^["”’']$/.test(toks[close]?.text ?? "") ? 1 : 0;
  return n > 0 ? close + n : 0;
}

/** A name particle written with a capital before another name word: the first word of a name ("Al Jazeera", "Le Monde"). */
export function openingParticle(toks: readonly Token[], i: number): boolean {
  const t = toks[i]?.text ?? "";
  return NAME_PARTICLES.has(norm(t)) && /^\p{Lu}\p{Ll}/u.test(t) && isCapitalized(toks[i + 1]?.text ?? "");
}
