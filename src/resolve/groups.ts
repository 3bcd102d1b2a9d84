// Plural descriptions of parties named together before: "Egypt and Jordan signed a treaty. The two countries
// also agreed ..." and "Vladimir Putin and Xi Jinping met in Beijing. Both leaders said ...". The
// description refers to each of them: it gets one ref for a group entity, and the group's members are kept in
// the ref index, so that extractors (refsOfNodes) and the pipeline give every member the relation.
import type { Article, Sentence } from "../types.js";
import type { Ref, RefIndex } from "./refs.js";
import { wordClass } from "../data/word-classes.js";
import { lexicon } from "../extract/lexicon.js";

const STATE_GROUPS = wordClass("state-group-nouns");
const PERSON_GROUPS = wordClass("person-group-nouns");
const NUMBERS = new Map<string, number>([["two", 2], ["both", 2], ["three", 3], ["four", 4], ["five", 5], ["2", 2], ["3", 3], ["4", 4], ["5", 5]]);
/** Sentences a description looks back for its list of parties. */
const REACH = 3;

/**
 * Adds a group ref for each "the two countries", "both leaders", "the three nations" whose parties were listed
 * (as a coordination of exactly that many names of the right kind) in the same sentence before it or in the
 * REACH sentences before. Returns how many groups were added.
 */
export function resolveGroupDescriptions(article: Article, refs: RefIndex): number {
  let added = 0;
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const n = NUMBERS.get(words[i] ?? "");
      if (n === undefined) continue;
      // "the two countries", "both countries", "both the countries", "the two Central Asian countries"
      let k = i + 1;
      if (words[k] === "the") k++;
      let head = k;
      while (head < words.length && head - k < 3 && !STATE_GROUPS.has(words[head] ?? "") && !PERSON_GROUPS.has(words[head] ?? "")) head++;
      const kind = STATE_GROUPS.has(words[head] ?? "") ? "state" : PERSON_GROUPS.has(words[head] ?? "") ? "person" : undefined;
      if (!kind || (words[i] !== "both" && words[i - 1] !== "the") || refs.at(si, head)) continue;
      const members = listBefore(article, refs, si, i, n, kind);
      if (!members) continue;
      const id = `group:${si}:${i}`;
      refs.groups.set(id, members.map((r) => r.entity));
      const first = members[0]!;
      const from = words[i - 1] === "the" ? i - 1 : i;
      refs.add({ sentence: si, from, to: head + 1, start: s.tokens[from]!.start, entity: id, kind: first.kind, nested: false, how: "nominal" });
      added++;
      i = head;
    }
  });
  return added;
}

/** The last list of exactly n names of the kind (joined by "and" or commas) before token i of sentence si. */
function listBefore(article: Article, refs: RefIndex, si: number, i: number, n: number, kind: "state" | "person"): Ref[] | undefined {
  const fits = (r: Ref) => (kind === "person" ? r.kind === "person" : r.kind === "country" || r.kind === "organization") && r.how !== "pronoun" && !refs.groups.has(r.entity);
  for (let back = si; back >= 0 && si - back <= REACH; back--) {
    const s = article.sentences[back] as Sentence;
    const list = (refs.bySentence[back] ?? []).filter((r) => !r.nested && (back < si || r.to <= i));
    for (let end = list.length - 1; end >= 0; end--) {
      const run = coordinatedEndingWith(s, list, end);
      if (run.length === n && run.every(fits) && new Set(run.map((r) => r.entity)).size === n) return run;
    }
  }
  // (people are only ever taken from a list: a sentence names too many others in passing)
  if (kind === "person") return undefined;
  // a demonym ("the Chinese-brokered deal") only describes; the parties are named
  const named = (r: Ref) => fits(r) && lexicon().countries.get(article.sentences[r.sentence]?.tokens[r.from]?.text.toLowerCase().replace(/-.*$/, "") ?? "")?.via !== "demonym";
  return lastNamed(article, refs, si, i, n, named);
}

/**
 * With no list, the parties last named: going back from token i, the first n distinct names of the kind, when the
 * sentence that completes them names no other ("Thailand's minister said Bangkok keeps ties with Cambodia. The two
 * countries agreed ...").
 */
function lastNamed(article: Article, refs: RefIndex, si: number, i: number, n: number, fits: (r: Ref) => boolean): Ref[] | undefined {
  const seen = new Map<string, Ref>();
  for (let back = si; back >= 0 && si - back <= 1; back--) {
    const here = (refs.bySentence[back] ?? []).filter((r) => !r.nested && fits(r) && (back < si || r.to <= i));
    for (const r of [...here].reverse()) if (!seen.has(r.entity)) seen.set(r.entity, r);
    if (seen.size > n) return undefined;
    if (seen.size === n) return [...seen.values()].reverse();
  }
  return undefined;
}

/** The refs joined to list[end] by "and", "," or ", and" leftwards (with it, in order). */
function coordinatedEndingWith(s: Sentence, list: readonly Ref[], end: number): Ref[] {
  const out = [list[end]!];
  for (let j = end - 1; j >= 0; j--) {
    const gap = s.tokens.slice(list[j]!.to, out[0]!.from).map((t) => t.text.toLowerCase()).filter((w) => w !== "the");
    if (!(gap.length === 1 && (gap[0] === "and" || gap[0] === ",")) && !(gap.length === 2 && gap[0] === "," && gap[1] === "and")) break;
    out.unshift(list[j]!);
  }
  return out;
}
