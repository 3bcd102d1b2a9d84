// Relations stated by verbs and fixed frames inside a sentence: subject on the left, object on the right
// (or after the preposition the verb wants), in the same quotation context, with passive voice turned round.
import type { Article, EntityKind, Relation, Sentence } from "../types.js";
import { lexicon, phraseRelation, type VerbEntry } from "../extract/lexicon.js";
import type { Ref, RefIndex } from "../resolve/refs.js";
import type { QuoteSpan } from "../extract/quotes.js";
import { headOfRef, quoteAt } from "./tree/context.js";
import { baseRelation, childrenOf } from "../nlp/parse/paths.js";
import { wordClass } from "../data/word-classes.js";

export interface Fact {
  sentence: number;
  source: string;
  target: string;
  relation: Relation;
  cameo?: string;
  rule: string;
  quote?: string;
  /** The token of the verb that states it, for facts read from a verb (window or tree). */
  trigger?: number;
}

const ACTORS = new Set<EntityKind>(["person", "country", "organization"]);
const BE = wordClass("be-forms");
const NEGATION = wordClass("negation");
const MODALS = wordClass("modals");
const NOUN_CONTEXT = wordClass("noun-context");
const BARRIERS = wordClass("clause-barriers");
const OBJECT_STOP = wordClass("object-stops");
const SAY_ADJUNCTS = wordClass("say-adjunct-relations");
const SAY_ADDRESSEE = wordClass("say-addressee-prepositions");
const SUBJECT_WINDOW = 14;
/** Relations whose target may be a place; for the others a place is where, not whom. */
/** Relations two coordinated subjects can have with each other when the verb has no object. */
const MUTUAL = new Set<Relation>(["agreed_with", "met", "cooperates_with"]);
/**
 * The most coordinated subjects that relate pairwise ("the ministers of A, B and C agreed"): a longer list acts
 * together on something ("the six countries agreed to establish the CSTO"), not pair by pair.
 */
export const MAX_MUTUAL_PARTIES = 4;
const PLACE_TARGETS = new Set<Relation>(["visited", "deployed", "attacked", "located_in", "based_in", "hosted"]);
const OBJECT_WINDOW = 9;
const DIRECT_WINDOW = 4;

interface Ctx {
  article: Article;
  refs: RefIndex;
  quotes: readonly QuoteSpan[];
}

function sameContext(ctx: Ctx, s: Sentence, a: number, b: number): boolean {
  return quoteAt(ctx, s.tokens[a]?.start ?? 0) === quoteAt(ctx, s.tokens[b]?.start ?? 0);
}

/** The nearest actor to the left of token v, skipping parentheticals; undefined past a clause barrier. */
function subjectOf(ctx: Ctx, si: number, v: number, kinds: ReadonlySet<EntityKind> = ACTORS): Ref | undefined {
  const s = ctx.article.sentences[si] as Sentence;
  for (let i = v - 1; i >= 0 && v - i <= SUBJECT_WINDOW; i--) {
    const w = s.tokens[i]?.text.toLowerCase() ?? "";
    // "Ishaq Dar, who met ...": the relative pronoun stands for the name before it
    if (w === "who" && s.tokens[i - 1]?.text === ",") {
      const antecedent = ctx.refs.endingAt(si, i - 1);
      return antecedent && kinds.has(antecedent.kind) ? antecedent : undefined;
    }
    if (BARRIERS.has(w)) return undefined;
    const r = ctx.refs.at(si, i);
    if (!r) continue;
    if (!sameContext(ctx, s, i, v)) return undefined;
    // "Iran rejected Israel's claims and warned ...": a possessive only describes a noun
    const possessive = /^['’]s$/.test(s.tokens[r.to]?.text ?? "");
    if (kinds.has(r.kind) && !possessive) return r;
    i = r.from;
  }
  return undefined;
}

/** Refs to the right of token v (after `prep` when given), the first and any listed after it with "and"/",". */
function objectsOf(ctx: Ctx, si: number, v: number, prep: string | undefined, kinds: ReadonlySet<EntityKind> | undefined, window = OBJECT_WINDOW): Ref[] {
  const s = ctx.article.sentences[si] as Sentence;
  let i = v + 1;
  if (prep) {
    while (i < s.tokens.length && i - v <= OBJECT_WINDOW + 4 && s.tokens[i]?.text.toLowerCase() !== prep) i++;
    if (s.tokens[i]?.text.toLowerCase() !== prep) return [];
    i++;
  }
  const start = i;
  for (; i < s.tokens.length && i - start <= (prep ? 4 : window); i++) {
    const w = s.tokens[i]?.text.toLowerCase() ?? "";
    if (OBJECT_STOP.has(w)) return [];
    const r = ctx.refs.at(si, i);
    if (!r) continue;
    if (!sameContext(ctx, s, v, i)) return [];
    if (kinds && !kinds.has(r.kind)) { i = r.to - 1; continue; }
    // "met Chinese Ambassador Jiang Zaidong": a country word in front of a title and a name only describes them
    let k = r.to;
    while (k < s.tokens.length && k - r.to < 3 && isTitleWord(s.tokens[k]?.text.toLowerCase() ?? "")) k++;
    const described = k > r.to ? ctx.refs.startingAt(si, k) : undefined;
    if (described && (described.kind === "person" || described.kind === "organization") && (!kinds || kinds.has(described.kind))) { i = described.from - 1; continue; }
    const out = [r];
    // lists: "Thank you @MichaelKugelman and Ghazanfar Hashmi", "urged Washington and London"
    let j = r.to;
    for (;;) {
      const sep = s.tokens[j]?.text.toLowerCase();
      if (sep !== "and" && sep !== "," && sep !== "or") break;
      let k = j + 1;
      if (s.tokens[k]?.text.toLowerCase() === "the") k++;
      const next = ctx.refs.startingAt(si, k);
      if (!next || next.kind !== r.kind) break;
      out.push(next);
      j = next.to;
    }
    return out;
  }
  return [];
}

function isNounUse(s: Sentence, i: number, entry: VerbEntry, form: string): boolean {
  const prev = s.tokens[i - 1]?.text.toLowerCase() ?? "";
  if (form === entry.lemma || form === `${entry.lemma}s` || form === `${entry.lemma}es`) return NOUN_CONTEXT.has(prev);
  return false;
}

function negatedOrHypothetical(s: Sentence, i: number, speech: boolean): boolean {
  for (let k = Math.max(0, i - 3); k < i; k++) {
    const w = s.tokens[k]?.text.toLowerCase() ?? "";
    if (NEGATION.has(w)) return true;
    if (!speech && MODALS.has(w)) return true;
  }
  return false;
}

/** A verb or fixed phrase at a token, as the window rules read it. */
interface Trigger {
  entry: VerbEntry | undefined;
  relation: Relation;
  cameo: string | undefined;
  objectMode: string;
  span: number;
}

/** The verb entry or phrase starting at token i ("called on" wins over "called"), if any. */
function triggerAt(words: readonly string[], i: number): Trigger | undefined {
  const lex = lexicon();
  const form = words[i] ?? "";
  for (const p of lex.phrases.get(form) ?? []) {
    if (p.words.every((w, k) => words[i + k] === w)) return { entry: undefined, ...phraseRelation(p, words, i), objectMode: "phrase", span: p.words.length };
  }
  const entry = lex.verbs.get(form);
  return entry ? { entry, relation: entry.relation, cameo: entry.cameo, objectMode: entry.object ?? "direct", span: 1 } : undefined;
}

/** The kinds a verb's object may have: actors for appeals and telling, events for holding and launching. */
function objectKindsOf(t: Trigger): ReadonlySet<EntityKind> | undefined {
  const { objectMode, relation } = t;
  if (objectMode === "direct-actor" || objectMode === "clause" || relation === "urged" || relation === "asked" || relation === "told" || relation === "thanked") return ACTORS;
  if (objectMode === "direct-event") return new Set<EntityKind>(["event", "exercise", "organization"]);
  if (relation === "addressed") return new Set<EntityKind>(["organization", "event", "country"]);
  if (relation === "launched") return new Set<EntityKind>(["event", "exercise"]);
  // one hosts guests and gatherings, not companies ("shareholders will receive shares of Exxon")
  if (relation === "hosted") return new Set<EntityKind>(["person", "country", "event", "exercise"]);
  return undefined;
}

interface Arguments {
  subjects: Ref[];
  objects: Ref[];
  /**
   * Whether the subjects were read at the verb; facts whose source comes from elsewhere ("the decision to launch X
   * was taken at a meeting of Y") carry no trigger, so the tree's subject check (tree/agree.ts) leaves them alone.
   */
  subjectAtVerb: boolean;
}

/** Who acts and on whom, by the window: the by-agent and patient of a passive, else the subject and objects. */
function argumentsAt(ctx: Ctx, si: number, words: readonly string[], i: number, t: Trigger, passive: boolean): Arguments {
  const last = i + t.span - 1;
  if (passive) {
    const agent = objectsOf(ctx, si, last, "by", ACTORS);
    const patient = subjectOf(ctx, si, i, new Set<EntityKind>(["person", "country", "organization", "event", "exercise", "place"]));
    return agent.length && patient ? { subjects: agent, objects: [patient], subjectAtVerb: true } : { subjects: [], objects: [], subjectAtVerb: true };
  }
  // "Pakistan's decision to join ...": the decision's owner acts
  const owner = words[i - 1] === "to" && words[i - 2] === "decision" && /^['’]s$/.test(words[i - 3] ?? "") ? ctx.refs.endingAt(si, i - 3) : undefined;
  const subj = owner && ACTORS.has(owner.kind) ? owner : subjectOf(ctx, si, i);
  const prep = ["at", "in", "with", "to"].includes(t.objectMode) ? t.objectMode : undefined;
  // a direct object follows its verb closely ("told Dawn", "urged the US"); a clause may run longer
  const objects = objectsOf(ctx, si, last, prep, objectKindsOf(t), t.objectMode === "clause" || t.objectMode === "phrase" ? OBJECT_WINDOW : DIRECT_WINDOW);
  if (subj) return { subjects: [...coordinated(ctx, si, subj), subj], objects, subjectAtVerb: true };
  // "The decision to launch Operation X was taken ... at a meeting of the Supreme Committee"
  // only when the clause goes on in the passive: "... was taken (at a meeting) of/by X"
  const after = objects[objects.length - 1];
  if (after && (words[after.to] === "was" || words[after.to] === "were")) {
    const agent = objectsOf(ctx, si, after.to - 1, "of", new Set<EntityKind>(["organization", "country"]));
    const by = agent.length ? agent : objectsOf(ctx, si, after.to - 1, "by", ACTORS);
    return { subjects: by.slice(0, 1), objects, subjectAtVerb: false };
  }
  return { subjects: [], objects, subjectAtVerb: true };
}

/** The facts of one verb: mutual ones among coordinated subjects, and one per subject and object. */
function factsOf(si: number, i: number, words: readonly string[], t: Trigger, args: Arguments, passive: boolean, out: Fact[]): void {
  const { relation, cameo, entry, span } = t;
  const { subjects, objects } = args;
  // "Pakistan and China agreed to ...", "X and Y met on Monday": the subjects relate to each other
  if (objects.length === 0 && subjects.length > 1 && subjects.length <= MAX_MUTUAL_PARTIES && MUTUAL.has(relation)) {
    for (let x = 0; x < subjects.length; x++) for (let y = x + 1; y < subjects.length; y++) {
      const f: Fact = { sentence: si, source: subjects[x]!.entity, target: subjects[y]!.entity, relation, rule: `verb:mutual:${words[i]}`, trigger: i };
      if (cameo) f.cameo = cameo;
      out.push(f);
    }
  }
  for (const a of subjects) {
    for (const b of objects) {
      if (a.entity === b.entity || (b.kind === "place" && !PLACE_TARGETS.has(relation))) continue;
      // a person "attacks" someone with words: criticism, not force
      const rel = relation === "attacked" && a.kind === "person" ? "criticized"
        : relation === "participated_in" && entry?.lemma === "join" && b.kind === "organization" ? "member_of" // joining a body
        : relation;
      const fact: Fact = { sentence: si, source: a.entity, target: b.entity, relation: rel, rule: `verb:${passive ? "passive:" : ""}${words.slice(i, i + span).join(" ")}` };
      if (args.subjectAtVerb) fact.trigger = i;
      if (cameo) fact.cameo = cameo;
      out.push(fact);
    }
  }
}

function verbFacts(ctx: Ctx, si: number, out: Fact[]): void {
  const s = ctx.article.sentences[si] as Sentence;
  const words = s.tokens.map((t) => t.text.toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const t = triggerAt(words, i);
    if (!t) continue;
    if (t.entry && isNounUse(s, i, t.entry, words[i] ?? "")) continue;
    // in a parsed sentence the tagger knows a noun or adjective use ("a plenary meeting", "the proposed acquisition")
    const upos = s.tokens[i]?.upos;
    // ... or a participle that only describes a noun ("the company's proposed acquisition")
    if ((upos !== undefined && upos !== "VERB") || s.tokens[i]?.deprel === "amod") continue;
    const speech = t.entry?.speech ?? t.relation === "said";
    if (negatedOrHypothetical(s, i, speech)) continue;
    const prev = words[i - 1] ?? "";
    if (prev === "to" && words[i - 2] !== "decision") continue; // "asked the US to provide ...": requested, not done
    if (t.entry?.lemma === "say") reportedSpeech(ctx, si, i, out);
    if (t.objectMode === "none" || t.objectMode === "about" || t.relation === "said") continue; // other statements become edges through quotations
    const passive = BE.has(prev) || (BE.has(words[i - 2] ?? "") && /ly$/.test(prev));
    factsOf(si, i, words, t, argumentsAt(ctx, si, words, i, t, passive), passive, out);
  }
}

export function extractRelations(article: Article, refs: RefIndex, quotes: readonly QuoteSpan[]): Fact[] {
  const ctx: Ctx = { article, refs, quotes };
  const out: Fact[] = [];
  article.sentences.forEach((_s, si) => verbFacts(ctx, si, out));
  return out;
}

/**
 * "Mr Straw said the US government was suspicious": `said` to the first thing the reported clause names;
 * "India had its own problems, Ms Short said" likewise backwards. Only the plain verb "say": "stressed" and
 * "emphasised" introduce arguments rather than statements about someone.
 */
function reportedSpeech(ctx: Ctx, si: number, v: number, out: Fact[]): void {
  const s = ctx.article.sentences[si] as Sentence;
  if (quoteAt(ctx, s.tokens[v]?.start ?? 0) >= 0) return;
  const words = s.tokens.map((t) => t.text.toLowerCase());
  // the speaker stands right before the verb ("Mr Straw said", "Jack Straw has also said"), never "what officials say"
  const near = subjectOf(ctx, si, v, new Set<EntityKind>(["person", "organization"]));
  const speaker = near && v - near.to <= 2 && near.how !== "nominal" ? near : undefined;
  let target: Ref | undefined;
  // "India had its own problems, Ms Short said.": the speaker after a comma closes the reported clause
  const inverted = speaker !== undefined && words[beforeHonorifics(words, speaker.from)] === "," && (words[v + 1] === "." || v + 1 >= words.length);
  if (speaker && !inverted) {
    const aside = adjunctTokens(s, v);
    for (let k = v + 1; k < words.length && !target; k++) {
      if (quoteAt(ctx, s.tokens[k]?.start ?? 0) >= 0) return; // a quotation: its own said edge
      const r = ctx.refs.at(si, k);
      if (r && r.entity !== speaker.entity && r.how !== "pronoun" && r.kind !== "place" && !aside.has(headOfRef(s, r))) target = r;
    }
    if (target) out.push({ sentence: si, source: speaker.entity, target: target.entity, relation: "said", cameo: "010", rule: "verb:say:reported" });
    return;
  }
  // "<clause>, X said." / "<clause>, said X."
  const after = ctx.refs.at(si, v + 1) ?? ctx.refs.at(si, v + 2);
  const before = ctx.refs.at(si, v - 1);
  // "..., Ms Short said": the name may carry a title
  const who = inverted ? speaker : after && words[v - 1] === "," ? after : before && words[beforeHonorifics(words, before.from)] === "," ? before : undefined;
  if (!who || !ACTORS.has(who.kind)) return;
  for (let k = 0; k < v - 2 && !target; k++) {
    if (quoteAt(ctx, s.tokens[k]?.start ?? 0) >= 0) return;
    const r = ctx.refs.at(si, k);
    if (r && r.entity !== who.entity && r.how !== "pronoun" && r.kind !== "place") target = r;
  }
  if (target) out.push({ sentence: si, source: who.entity, target: target.entity, relation: "said", cameo: "010", rule: "verb:say:reported-after" });
}

/**
 * In a parsed sentence, the tokens of the say verb's own adjuncts: where, when and through what it was said
 * ("said on a live YouTube broadcast", "said during his visit to Japan", "said at a meeting of the World Bank").
 * What was said is the complement, not these. Empty for an unparsed sentence.
 */
function adjunctTokens(s: Sentence, v: number): Set<number> {
  const out = new Set<number>();
  if (s.tokens[v]?.deprel === undefined) return out;
  for (const c of childrenOf(s, v)) {
    if (!SAY_ADJUNCTS.has(baseRelation(s.tokens[c]?.deprel))) continue;
    // "said to X" and "said about X" name whom it was said to or about
    if (childrenOf(s, c, ["case"]).some((p) => SAY_ADDRESSEE.has(s.tokens[p]?.text.toLowerCase() ?? ""))) continue;
    // a clause the parser hung inside the adjunct is still what was said: "said in a statement it has entered ..."
    const stack = [c];
    while (stack.length > 0) {
      const k = stack.pop()!;
      out.add(k);
      for (const d of childrenOf(s, k)) if (!(CLAUSES.has(baseRelation(s.tokens[d]?.deprel)) && childrenOf(s, d, ["nsubj", "nsubj:pass"]).length > 0)) stack.push(d);
    }
  }
  return out;
}

/** Relations of a clause that may hang under a noun or verb. */
const CLAUSES = new Set(["acl", "ccomp", "advcl", "parataxis"]);

/** "Pakistan and China signed ...": actors joined to the subject by "and" or commas, leftwards. */
function coordinated(ctx: Ctx, si: number, subj: Ref): Ref[] {
  const s = ctx.article.sentences[si] as Sentence;
  const out: Ref[] = [];
  let k = subj.from;
  for (;;) {
    let j = k - 1;
    const sep = s.tokens[j]?.text.toLowerCase();
    if (sep !== "and" && sep !== ",") break;
    if (s.tokens[j - 1]?.text === "," && sep === "and") j--;
    const prev = ctx.refs.endingAt(si, j);
    if (!prev || prev.kind !== subj.kind) break;
    out.unshift(prev);
    k = prev.from;
    if (s.tokens[k - 1]?.text.toLowerCase() === "the") k--;
  }
  return out;
}

function isTitleWord(w: string): boolean {
  const lex = lexicon();
  return lex.roleWords.has(w) || lex.honorifics.has(w);
}

/** Index of the token before a name and any honorifics written in front of it ("..., Ms. Short said"). */
function beforeHonorifics(words: readonly string[], from: number): number {
  let k = from - 1;
  while (k > 0 && (lexicon().honorifics.has(words[k] ?? "") || words[k] === ".")) k--;
  return k;
}
