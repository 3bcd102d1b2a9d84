// Paths over a parsed sentence for the extractors: who is the subject, object or passive agent of a verb, what
// a verb's complements are, appositions, possessors, conjuncts, and what a preposition attaches to. Every function
// takes a sentence whose tokens carry `head` and `deprel` (see ./index.ts) and token indices within it; results are
// token indices in sentence order. Conjuncts are expanded ("China and Russia condemned" -> both are subjects).
import type { Sentence } from "../../types.js";

const RELATIVE_PRONOUNS = new Set(["who", "whom", "which", "that", "whose"]);

/** The relation without its subtype ("nsubj:pass" -> "nsubj"). */
export function baseRelation(deprel: string | undefined): string {
  if (deprel === undefined) return "";
  const i = deprel.indexOf(":");
  return i < 0 ? deprel : deprel.slice(0, i);
}

/** Children of token i, in order, optionally only those whose relation is one of `rels` (full labels). */
export function childrenOf(sent: Sentence, i: number, rels?: readonly string[]): number[] {
  const out: number[] = [];
  sent.tokens.forEach((t, j) => {
    if (t.head === i && (!rels || rels.includes(t.deprel ?? ""))) out.push(j);
  });
  return out;
}

/**
 * The head token of the span [from, to) (a mention's tokens): the token whose head lies outside the span
 * ("Ishaq Dar": Ishaq, since UD heads a flat name on its first word); the last token when the parse has none.
 */
export function spanHead(sent: Sentence, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const h = sent.tokens[i]?.head ?? -1;
    if (h < from || h >= to) return i;
  }
  return to - 1;
}

/** Token i and the tokens conjoined with it ("X, Y and Z"), in order. */
export function withConjuncts(sent: Sentence, i: number): number[] {
  let first = i;
  while (sent.tokens[first]?.deprel === "conj" && (sent.tokens[first]!.head ?? -1) >= 0) first = sent.tokens[first]!.head!;
  const out = new Set<number>([first]);
  const walk = (k: number): void => {
    for (const c of childrenOf(sent, k, ["conj"])) if (!out.has(c)) (out.add(c), walk(c));
    // a conjunct the parser hung on a later word of the same name ("Jean-Yves Le Drian and Heiko Maas", with
    // "Drian" read as an apposition of "Jean-Yves"): words of one name are proper nouns with no comma between
    for (const d of childrenOf(sent, k, ["flat", "appos", "compound"])) if (d > k && sameName(sent, k, d)) walk(d);
  };
  walk(first);
  return [...out].sort((a, b) => a - b);
}

/** Whether tokens k < d are proper nouns of one name: nothing but proper nouns between them. */
function sameName(sent: Sentence, k: number, d: number): boolean {
  for (let x = k; x <= d; x++) if (sent.tokens[x]?.upos !== "PROPN") return false;
  return true;
}

/** The other conjuncts of token i. */
export function conjunctsOf(sent: Sentence, i: number): number[] {
  return withConjuncts(sent, i).filter((k) => k !== i);
}

const expand = (sent: Sentence, heads: number[]): number[] => [...new Set(heads.flatMap((h) => withConjuncts(sent, h)))].sort((a, b) => a - b);

/** Whether verb i is passive (a passive subject or auxiliary, or a by-agent). */
export function isPassive(sent: Sentence, i: number): boolean {
  return childrenOf(sent, i, ["nsubj:pass", "aux:pass", "csubj:pass", "obl:agent"]).length > 0 || isReducedPassive(sent, i);
}

/**
 * "the treaty signed in 1992 by Russia ...": a past participle with no auxiliary and a by-phrase is passive,
 * however the parser labelled its parts (its noun may come out as nsubj).
 */
export function isReducedPassive(sent: Sentence, i: number): boolean {
  return sent.tokens[i]?.xpos === "VBN" && childrenOf(sent, i, ["aux"]).length === 0 &&
    childrenOf(sent, i, ["obl"]).some((o) => childrenOf(sent, o, ["case"]).some((c) => sent.tokens[c]!.text.toLowerCase() === "by"));
}

/**
 * Subjects of verb (or predicate) i: nsubj, nsubj:pass, csubj. A verb without one borrows it: a conjoined verb
 * from its first conjunct ("X arrived and met Y"), an open complement from its controller ("X urged Y to leave":
 * Y; "X wants to leave": X), a relative clause from the noun it modifies ("the soldiers who attacked"), a
 * participle clause from its head verb ("X spoke, telling reporters ...").
 */
export function subjectsOf(sent: Sentence, i: number): number[] {
  const own = childrenOf(sent, i, ["nsubj", "nsubj:pass", "csubj", "csubj:pass"]);
  const t = sent.tokens[i];
  const head = t?.head ?? -1;
  if (own.length === 0 && t && inverted(sent, i)) {
    // "..., said the spokesman": EWT (web text) has few inverted reporting clauses, so the parser often labels
    // the speaker obj; a reporting verb after its content takes the noun after it as its subject
    const after = childrenOf(sent, i, ["obj"]).filter((o) => o > i);
    if (after.length > 0) return expand(sent, after.slice(0, 1));
  }
  if (own.length > 0) {
    if (t?.deprel === "acl:relcl" && head >= 0) {
      return expand(sent, own.map((s) => (RELATIVE_PRONOUNS.has(sent.tokens[s]!.text.toLowerCase()) ? head : s)));
    }
    return expand(sent, own);
  }
  if (head < 0 || !t) return [];
  if (t.deprel === "conj") return subjectsOf(sent, head);
  if (t.deprel === "xcomp") {
    const objects = objectsOf(sent, head);
    return objects.length > 0 ? objects : subjectsOf(sent, head);
  }
  if (t.deprel === "acl:relcl" || t.deprel === "acl") return withConjuncts(sent, head);
  // "X celebrated the win, telling a crowd that ...", "After meeting Y, X said": a participle clause without a
  // subject has its head's
  if (t.deprel === "advcl" && (t.xpos === "VBG" || t.xpos === "VBN")) return subjectsOf(sent, head);
  // "X went on to endorse Y, calling her ...": a to-infinitive clause of purpose or sequence has its head's subject
  if (t.deprel === "advcl" && t.xpos === "VB" && childrenOf(sent, i, ["mark"]).some((m) => sent.tokens[m]?.text.toLowerCase() === "to")) return subjectsOf(sent, head);
  return [];
}

/** Whether verb i follows the clause it reports: it hangs under an earlier verb, or has a clause before it. */
function inverted(sent: Sentence, i: number): boolean {
  const t = sent.tokens[i]!;
  if ((t.deprel === "parataxis" || t.deprel === "ccomp") && (t.head ?? -1) >= 0 && t.head! < i) return true;
  return childrenOf(sent, i, ["ccomp", "parataxis"]).some((c) => c < i);
}

/**
 * Objects of verb i: obj, or iobj when there is no obj ("urged Washington to lift": parsers trained on UD often
 * label the object of urge/ask/tell iobj). With `indirect`, only iobj.
 */
export function objectsOf(sent: Sentence, i: number, indirect = false): number[] {
  if (indirect) return expand(sent, childrenOf(sent, i, ["iobj"]));
  if (inverted(sent, i) && childrenOf(sent, i, ["nsubj", "nsubj:pass"]).length === 0) return [];
  const obj = childrenOf(sent, i, ["obj"]);
  return expand(sent, obj.length > 0 ? obj : childrenOf(sent, i, ["iobj"]));
}

/** The by-agents of a passive verb i ("was criticised by X and Y"). */
export function passiveAgentOf(sent: Sentence, i: number): number[] {
  const agents = childrenOf(sent, i, ["obl:agent"]);
  if (agents.length === 0 && isPassive(sent, i)) {
    // older UD and some parses label the by-phrase plain obl
    for (const o of childrenOf(sent, i, ["obl"])) {
      if (childrenOf(sent, o, ["case"]).some((c) => sent.tokens[c]!.text.toLowerCase() === "by")) agents.push(o);
    }
  }
  return expand(sent, agents);
}

/** Clausal complements of verb i: open (xcomp: "urged Y to leave") and closed (ccomp: "said Y would leave"). */
export function complementsOf(sent: Sentence, i: number): { xcomp: number[]; ccomp: number[] } {
  return { xcomp: childrenOf(sent, i, ["xcomp"]), ccomp: childrenOf(sent, i, ["ccomp"]) };
}

/** Appositions of noun i ("X, the foreign minister,"), and of i's head when i is itself the apposition. */
export function appositionsOf(sent: Sentence, i: number): number[] {
  const out = childrenOf(sent, i, ["appos"]);
  const t = sent.tokens[i];
  if (t?.deprel === "appos" && (t.head ?? -1) >= 0) out.push(t.head!);
  return out.sort((a, b) => a - b);
}

/** Relations inside one noun phrase: a possessor written before any of these words belongs to them too. */
const NP_INTERNAL = new Set(["compound", "flat", "nmod:desc", "amod", "nmod:unmarked"]);

/**
 * The possessor of noun i ("Pakistan's ambassador": Pakistan), or -1. "Pakistan's ambassador Masood Khan" is
 * headed by Masood, so the possessor hangs there: a word inside the phrase (compound, flat, nmod:desc, ...) takes
 * its head's possessor when that possessor comes before it.
 */
export function possessorOf(sent: Sentence, i: number): number {
  const own = childrenOf(sent, i, ["nmod:poss"])[0];
  if (own !== undefined) return own;
  const t = sent.tokens[i];
  if (!t || !NP_INTERNAL.has(t.deprel ?? "") || (t.head ?? -1) < 0) return -1;
  const p = childrenOf(sent, t.head!, ["nmod:poss"])[0];
  return p !== undefined && p < i ? p : -1;
}

/**
 * For a preposition (case marker) at i: the noun it introduces and the word that phrase attaches to
 * ("the embassy in Kabul": in -> Kabul -> embassy); -1 where missing.
 */
export function prepositionHead(sent: Sentence, i: number): { object: number; attachedTo: number } {
  const t = sent.tokens[i];
  if (!t || baseRelation(t.deprel) !== "case" || (t.head ?? -1) < 0) return { object: -1, attachedTo: -1 };
  const object = t.head!;
  return { object, attachedTo: sent.tokens[object]!.head ?? -1 };
}

/** First and last token index of the subtree of token i (the whole phrase it heads). */
export function subtreeSpan(sent: Sentence, i: number): [number, number] {
  let lo = i, hi = i;
  const stack = [i];
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const c of childrenOf(sent, k)) {
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
      stack.push(c);
    }
  }
  return [lo, hi];
}

/**
 * Arcs from token k up to its ancestor `top`, conjunct arcs free (conjuncts are as prominent as the first of them);
 * the sentence length when `top` is not above k.
 */
export function depthBelow(s: Sentence, k: number, top: number): number {
  let d = 0;
  for (let x = k, steps = 0; x !== top; x = s.tokens[x]?.head ?? -1, steps++) {
    if (x < 0 || steps > s.tokens.length) return s.tokens.length;
    if (s.tokens[x]?.deprel !== "conj") d++;
  }
  return d;
}
