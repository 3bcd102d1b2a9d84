// Runs data/relation-patterns.json over a parsed sentence: finds each pattern's triggers (verbs, multi-word
// verbs, role titles, names of places and bodies), follows its source and target paths, and states a fact for
// every pair. Negated, modal and infinitive verbs state nothing: "did not meet", "could attack", "asked X to visit".
import type { EntityKind, Relation, Sentence } from "../../types.js";
import { lexicon, phraseRelation, type RoleEntry, type VerbEntry } from "../../extract/lexicon.js";
import { wordClass } from "../../data/word-classes.js";
import { childrenOf, isPassive } from "../../nlp/parse/paths.js";
import type { Ref } from "../../resolve/refs.js";
import { roleRelation } from "../../resolve/roles.js";
import { MAX_MUTUAL_PARTIES } from "../verbs.js";
import { ACTORS, headOfRef, quoteAt, type TreeContext, type TreeFact } from "./context.js";
import { sourceRefs, targetRefs, type Anchor } from "./paths.js";
import { relationPatterns, type RelationPattern } from "./patterns.js";

const NEGATION = wordClass("negation");
const MODALS = wordClass("modals");
const PLACE_TARGETS = wordClass("place-target-relations");
const INTENT = wordClass("intent-verbs");
const EVENTS: ReadonlySet<EntityKind> = new Set<EntityKind>(["event", "exercise", "organization"]);

/** A trigger found in a sentence, with what decides the pattern's relation. */
interface Hit extends Anchor {
  verb?: { relation: Relation; cameo: string; lemma: string; object: string; speech: boolean };
  role?: RoleEntry;
  noun?: string;
}

/**
 * A verb that states nothing: negated, under a modal (except speech), or the infinitive of a verb of wanting or
 * asking ("asked X to visit", "plans to visit"). A purpose infinitive is stated: "arrived to meet X".
 */
function unstated(s: Sentence, v: number, speech: boolean): boolean {
  for (const c of childrenOf(s, v)) {
    const t = s.tokens[c]!;
    const w = t.text.toLowerCase();
    if (NEGATION.has(w) && (t.deprel === "advmod" || t.deprel === "neg" || t.deprel === "det")) return true;
    if (!speech && t.deprel === "aux" && MODALS.has(w)) return true;
    if (t.deprel === "mark" && w === "to") {
      const head = s.tokens[s.tokens[v]?.head ?? -1];
      if (s.tokens[v]?.deprel !== "advcl" || !head || INTENT.has(head.text.toLowerCase())) return true;
    }
  }
  return false;
}

function verbHits(s: Sentence, si: number): Hit[] {
  const lex = lexicon();
  const out: Hit[] = [];
  const words = s.tokens.map((t) => t.text.toLowerCase());
  s.tokens.forEach((t, i) => {
    if (t.upos !== "VERB") return;
    const form = words[i]!;
    const phrase = (lex.phrases.get(form) ?? []).find((p) => p.words.every((w, k) => words[i + k] === w));
    if (phrase) {
      const verb = { ...phraseRelation(phrase, words, i), lemma: phrase.words.join(" "), object: "phrase", speech: false };
      out.push({ si, node: i, from: i, to: i + phrase.words.length, preposition: phrase.words.at(-1), verb });
      return;
    }
    const e: VerbEntry | undefined = lex.verbs.get(form);
    if (!e) return;
    const verb = { relation: e.relation, cameo: e.cameo, lemma: e.lemma, object: e.object, speech: e.speech };
    out.push({ si, node: i, from: i, to: i + 1, preposition: /^[a-z|]+$/.test(e.object) && !e.object.startsWith("direct") && e.object !== "clause" && e.object !== "about" && e.object !== "none" ? e.object : undefined, verb });
  });
  return out;
}

function roleHits(s: Sentence, si: number): Hit[] {
  const lex = lexicon();
  const words = s.tokens.map((t) => t.text.toLowerCase());
  const out: Hit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!lex.roleFirstWords.has(words[i]!)) continue;
    for (let len = 3; len > 0; len--) {
      const role = lex.roles.get(words.slice(i, i + len).join(" "));
      if (!role) continue;
      out.push({ si, node: headOfRef(s, { from: i, to: i + len }), from: i, to: i + len, role });
      i += len - 1;
      break;
    }
  }
  return out;
}

/** Nouns of a "noun" pattern ("visit to", "meeting with"), used as nouns. */
function nounHits(s: Sentence, si: number): Hit[] {
  const out: Hit[] = [];
  s.tokens.forEach((t, i) => {
    if (t.upos === "NOUN") out.push({ si, node: i, from: i, to: i + 1, noun: t.text.toLowerCase() });
  });
  return out;
}

function nameHits(ctx: TreeContext, s: Sentence, si: number, kind: EntityKind): Hit[] {
  return (ctx.refs.bySentence[si] ?? []).filter((r) => r.kind === kind && r.how === "name" && !r.nested)
    .map((r) => ({ si, node: headOfRef(s, r), from: r.from, to: r.to, ref: r }));
}

function triggers(ctx: TreeContext, s: Sentence, si: number): Map<RelationPattern["trigger"], Hit[]> {
  const verbs = verbHits(s, si);
  return new Map([
    ["verb", verbs.filter((h) => h.verb?.object !== "phrase")],
    ["phrase", verbs.filter((h) => h.verb?.object === "phrase")],
    ["role", roleHits(s, si)],
    ["noun", nounHits(s, si)],
    ["place", nameHits(ctx, s, si, "place")],
    ["organization", nameHits(ctx, s, si, "organization")],
  ]);
}

function applies(p: RelationPattern, ctx: TreeContext, s: Sentence, h: Hit): boolean {
  const w = p.when;
  if (h.verb) {
    if (w.voice !== undefined && (w.voice === "passive") !== isPassive(s, h.node)) return false;
    if (w.objects && !w.objects.includes(h.verb.object)) return false;
    if (w.relations && !w.relations.includes(h.verb.relation)) return false;
    if (unstated(s, h.node, h.verb.speech)) return false;
    if (w.objectless && childrenOf(s, h.node, ["obj"]).length > 0) return false;
  }
  if (h.noun !== undefined && !(w.nouns ?? []).includes(h.noun)) return false;
  if (w.outsideQuote && quoteAt(ctx, s.tokens[h.node]?.start ?? 0) >= 0) return false;
  return true;
}

/** The pattern's relation for one pair, or null when the pair cannot hold it. */
function relationOf(p: RelationPattern, h: Hit, a: Ref, b: Ref): Relation | null {
  let r: Relation | null = p.relation === "@verb" ? (h.verb?.relation ?? null) : p.relation === "@role" ? (h.role?.relation ?? null) : p.relation;
  if (r === null) return null;
  if (p.relation === "@role" && h.role) r = roleRelation(h.role, b.kind);
  if (r === null) return null;
  // a person "attacks" with words; joining a body is membership
  if (r === "attacked" && a.kind === "person") r = "criticized";
  if (r === "participated_in" && h.verb?.lemma === "join" && b.kind === "organization") r = "member_of";
  if (b.kind === "place" && !PLACE_TARGETS.has(r)) return null;
  // holding, staging or beginning something is taking part only when that something is an event or a body
  if (p.relation === "@verb" && h.verb?.object === "direct-event" && !EVENTS.has(b.kind)) return null;
  if (h.verb && !ACTORS.has(a.kind) && p.relation === "@verb") return null;
  return r;
}

/** Facts the patterns state in sentence `si` (which must be parsed). */
export function treeFacts(ctx: TreeContext, si: number, out: TreeFact[]): void {
  const s = ctx.article.sentences[si];
  if (!s || s.tokens[0]?.deprel === undefined) return;
  const found = triggers(ctx, s, si);
  for (const p of relationPatterns()) {
    for (const h of found.get(p.trigger) ?? []) {
      if (!applies(p, ctx, s, h)) continue;
      const sources = sourceRefs(ctx, h, p.source).filter((r) => !p.when.sourceKinds || p.when.sourceKinds.includes(r.kind));
      if (p.relation === "@verb" && !h.verb && p.trigger !== "noun") continue;
      if (sources.length === 0) continue;
      const anchor = h.noun !== undefined && p.when.preposition ? { ...h, preposition: p.when.preposition } : h;
      if (p.target === "co-subject" && sources.length > MAX_MUTUAL_PARTIES) continue;
      const targets = p.target === "co-subject" ? sources : targetRefs(ctx, anchor, p.target);
      const here = quoteAt(ctx, s.tokens[h.node]?.start ?? 0);
      for (const a of sources) for (const b of targets) {
        if (a.entity === b.entity || (p.target === "co-subject" && a.entity > b.entity)) continue;
        if (h.verb && (quoteAt(ctx, a.start) !== here)) continue;
        const relation = relationOf(p, h, a, b);
        if (!relation) continue;
        const fact: TreeFact = { sentence: si, source: a.entity, target: b.entity, relation, rule: `tree:${p.id}:${h.verb?.lemma ?? h.noun ?? (h.role ? s.tokens.slice(h.from, h.to).map((t) => t.text.toLowerCase()).join(" ") : p.trigger)}` };
        if (h.verb?.cameo) fact.cameo = h.verb.cameo;
        if (h.verb) fact.trigger = h.node;
        out.push(fact);
      }
    }
  }
}
