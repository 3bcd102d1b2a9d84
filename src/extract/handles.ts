import type { EntityKind } from "../types.js";
import { cues } from "./cues.js";
import type { Lexicon } from "./lexicon.js";

/** Splits a social-media handle into words: "@ElizabethKHorst" -> Elizabeth K Horst, "@State_SCA" -> State SCA. */
export function handleWords(handle: string): string[] {
  return handle
    .replace(/^@/, "")
    .split(/[_.]+/)
    .flatMap((part) => part.match(/\p{Lu}+(?!\p{Ll})|\p{Lu}?\p{Ll}+|\d+/gu) ?? [])
    .filter((w) => w.length > 0);
}

/**
 * Guesses what a handle names. A first name followed by one to three capitalised words is a person
 * (@MichaelKugelman); an organization head word, a leading "The" or an acronym part make an organization
 * (@TheWilsonCenter, @State_SCA). Organizations keep a readable name without "The" when they have a head word.
 */
export function splitHandle(handle: string, lex: Lexicon): { kind: EntityKind; name: string } {
  const words = handleWords(handle);
  const lower = words.map((w) => w.toLowerCase());
  const orgLike = lower[0] === "the" || lower.some((w) => cues().orgHeads.has(w)) || words.some((w) => w.length > 1 && /^\p{Lu}+$/u.test(w));
  if (!orgLike && words.length >= 2 && words.length <= 4 && lex.firstNames.has(lower[0] ?? "")) {
    return { kind: "person", name: words.join(" ") };
  }
  if (!orgLike && words.length >= 2 && words.length <= 3 && words.every((w) => /^\p{Lu}/u.test(w))) {
    return { kind: "person", name: words.join(" ") };
  }
  const named = lower[0] === "the" ? words.slice(1) : words;
  const hasHead = lower.some((w) => cues().orgHeads.has(w));
  return { kind: "organization", name: hasHead && named.length > 1 ? named.join(" ") : handle };
}
