// The window rules (relations/verbs.ts) read a verb's subject as the nearest name before it. In a parsed sentence
// the tree knows better: a window fact whose source is not the verb's subject (or by-agent) in the tree is dropped
// ("X, who is on a visit to Pakistan, called on Y": the window takes Pakistan for the subject). Where the parser
// found no subject, or the tree read the verb itself, the window fact stands or yields as before.
import type { Sentence } from "../../types.js";
import type { RefIndex } from "../../resolve/refs.js";
import { childrenOf, passiveAgentOf, subjectsOf } from "../../nlp/parse/paths.js";
import { isParsed } from "../../nlp/parse/index.js";
import type { Fact } from "../verbs.js";

/** Links inside a subject that still name who acts: "the foreign ministers of X", "Pakistani authorities", "X's army". */
const ACTING_LINKS = ["nmod", "nmod:poss", "amod", "compound", "flat", "appos", "conj"];

/** Whether the tree gives verb `i` a subject or agent, and if so whether entity `source` is named in one of them. */
function subjectAgrees(s: Sentence, si: number, i: number, source: string, refs: RefIndex): boolean {
  const nodes = [...subjectsOf(s, i), ...passiveAgentOf(s, i)];
  if (nodes.length === 0) return true;
  const names = (k: number) => (refs.bySentence[si] ?? []).some((r) => r.entity === source && r.from <= k && k < r.to) || refs.countryNamedBy(s.tokens[k]?.text ?? "") === source;
  const inside = nodes.flatMap((k) => childrenOf(s, k, ACTING_LINKS));
  // lists inside it, however the parser linked them: "the ministers of A, B and C" (B as appos, C as conj of B)
  const listed = (ks: number[]) => ks.flatMap((k) => childrenOf(s, k, ["conj", "appos"]));
  const first = listed(inside);
  return [...nodes, ...inside, ...first, ...listed(first)].some(names);
}

/**
 * The window facts that the tree does not contradict: a verb the tree patterns read keeps only the window facts
 * they also state, and a window fact's source must be its verb's subject or agent in the tree.
 */
export function agreeingWithTree(window: readonly Fact[], tree: readonly Fact[], sentences: readonly Sentence[], refs: RefIndex): Fact[] {
  const read = new Set(tree.filter((f) => f.trigger !== undefined).map((f) => `${f.sentence}|${f.trigger}`));
  const same = new Set(tree.map((f) => `${f.sentence}|${f.source}|${f.relation}|${f.target}`));
  return window.filter((f) => {
    if (f.trigger === undefined) return true;
    const s = sentences[f.sentence];
    if (!s || !isParsed(s)) return true;
    if (read.has(`${f.sentence}|${f.trigger}`)) return same.has(`${f.sentence}|${f.source}|${f.relation}|${f.target}`);
    return subjectAgrees(s, f.sentence, f.trigger, f.source, refs);
  });
}
