// Definite descriptions of organizations: "the foreign ministry said", "the union says", "the company said".
// News names a body once and then refers to it by what it is. A description resolves to the organization named
// before it whose name holds its head noun and its other words ("the foreign ministry" -> "Ministry of Foreign
// Affairs"), else to the one the text described with that noun ("the pilots' union Cockpit" ... "the union").
// With no such organization it stays unresolved: a guess by salience would put words in the wrong mouth.
import type { Article, Sentence } from "../types.js";
import type { RefIndex } from "./refs.js";
import { wordClass } from "../data/word-classes.js";

const HEADS = wordClass("body-description-heads");
/** Words between "the" and the head noun: "the foreign ministry", "the country's central bank". */
const MAX_MODIFIERS = 2;

interface Seen {
  entity: string;
  /** Lower-case words of the organization's names. */
  nameWords: Set<string>;
  /** Nouns the text described it with: "union" in "the pilots' union Cockpit". */
  described: Set<string>;
  /** Character offset of its latest mention so far. */
  last: number;
}

/** The description noun written right before a name ("union Cockpit", "carrier Lufthansa"), or "". */
function describingNoun(s: Sentence, from: number): string {
  const w = s.tokens[from - 1]?.text ?? "";
  return /^\p{Ll}+$/u.test(w) && HEADS.has(w) ? w : "";
}

/** Adds a ref for each "the <modifiers> <head>" that names an organization seen before it. */
export function resolveBodyDescriptions(article: Article, refs: RefIndex): void {
  const seen = new Map<string, Seen>();
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const named = refs.bySentence[si]?.find((r) => r.from === i && r.kind === "organization" && r.how === "name");
      if (named) {
        remember(seen, refs, named.entity, s.tokens[i]?.start ?? s.start).described.add(describingNoun(s, i));
        continue;
      }
      if (words[i] !== "the" || refs.at(si, i)) continue;
      for (let j = i + 1; j <= i + 1 + MAX_MODIFIERS && j < words.length; j++) {
        if (!/^\p{Ll}[\p{Ll}-]*$/u.test(s.tokens[j]?.text ?? "") || refs.at(si, j)) break;
        if (!HEADS.has(words[j] ?? "")) continue;
        // "the union Cockpit": the description introduces the name after it
        if (refs.startingAt(si, j + 1)) break;
        const id = pick(seen, words[j]!, words.slice(i + 1, j));
        if (id) refs.add({ sentence: si, from: i, to: j + 1, start: s.tokens[i]?.start ?? s.start, entity: id, kind: "organization", nested: false, how: "nominal" });
        break;
      }
    }
  });
}

function remember(seen: Map<string, Seen>, refs: RefIndex, entity: string, at: number): Seen {
  let e = seen.get(entity);
  if (!e) {
    const w = refs.entityById.get(entity);
    const nameWords = new Set([...(w?.names.keys() ?? []), ...(w?.aliases ?? [])].flatMap((n) => n.toLowerCase().split(/[\s-]+/)));
    e = { entity, nameWords, described: new Set(), last: at };
    seen.set(entity, e);
  }
  e.last = at;
  return e;
}

/**
 * The latest organization whose name holds the head and every modifier; else the latest the text described with
 * the head; else the only one whose name holds the head ("the central bank" -> "Bank of Korea").
 */
function pick(seen: Map<string, Seen>, head: string, modifiers: readonly string[]): string | undefined {
  const all = [...seen.values()].sort((a, b) => b.last - a.last);
  const holds = (e: Seen, w: string) => e.nameWords.has(w) || e.nameWords.has(`${w}s`) || e.nameWords.has(w.replace(/s$/, ""));
  const full = all.find((e) => holds(e, head) && modifiers.every((m) => holds(e, m)));
  if (full) return full.entity;
  const described = all.find((e) => e.described.has(head));
  if (described) return described.entity;
  const headOnly = all.filter((e) => holds(e, head));
  return headOnly.length === 1 ? headOnly[0]!.entity : undefined;
}
