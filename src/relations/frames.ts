// Relations stated by fixed frames rather than verbs: "attacks by X", "cooperation between A and B",
// "exercises ... between A and B", "X, a Washington think tank", "Afghanistan-based Taliban", "US State Department".
import type { Article, EntityKind, Sentence } from "../types.js";
import type { Candidate } from "../extract/mentions.js";
import type { Ref, RefIndex } from "../resolve/refs.js";
import type { Resolution } from "../resolve/document.js";
import type { Fact } from "./verbs.js";
import { cues } from "../extract/cues.js";
import { wordClass } from "../data/word-classes.js";
import { isParsed } from "../nlp/parse/index.js";

const ACTORS = new Set<EntityKind>(["person", "country", "organization"]);
const HOLD = wordClass("hold-verbs");
const HONORIFIC_WORDS = wordClass("honorifics");
const STATES = new Set<EntityKind>(["country", "organization"]);
const COOPERATION = wordClass("cooperation-nouns");
const MEETINGS = wordClass("meeting-between-nouns");
const ATTACK = wordClass("attack-nouns");
const LOCATION_NOUN = wordClass("located-body-nouns");
const CITY_OF = wordClass("city-of-nouns");
const POSSESSED_PLACE = wordClass("possessed-place-nouns");
const SUBJECT_LIST_HELPERS = wordClass("subject-list-helpers");

/** "between A and B": the two refs, or undefined. */
function between(refs: RefIndex, s: Sentence, si: number, from: number): [Ref, Ref] | undefined {
  for (let i = from; i < s.tokens.length - 3; i++) {
    if (s.tokens[i]?.text.toLowerCase() !== "between") continue;
    let k = i + 1;
    if (s.tokens[k]?.text.toLowerCase() === "the") k++;
    const a = refs.startingAt(si, k);
    if (!a || s.tokens[a.to]?.text.toLowerCase() !== "and") return undefined;
    k = a.to + 1;
    if (s.tokens[k]?.text.toLowerCase() === "the") k++;
    const b = refs.startingAt(si, k);
    return b ? [a, b] : undefined;
  }
  return undefined;
}

function nearestLeft(refs: RefIndex, si: number, i: number, kinds: ReadonlySet<EntityKind>, window = 10): Ref | undefined {
  for (let k = i - 1; k >= 0 && i - k <= window; k--) {
    const r = refs.at(si, k);
    if (r && kinds.has(r.kind)) return r;
  }
  return undefined;
}

/** What every frame reads: the refs, the sentence and its lower-case words, and where facts go. */
interface FrameCtx {
  refs: RefIndex;
  s: Sentence;
  si: number;
  words: string[];
  push: (a: Ref | string, b: Ref | string, relation: Fact["relation"], rule: string, cameo?: string) => void;
}

export function extractFrames(article: Article, refs: RefIndex, candidates: readonly Candidate[], res: Resolution): Fact[] {
  const out: Fact[] = [];
  const pusher = (si: number): FrameCtx["push"] => (a, b, relation, rule, cameo) => {
    const source = typeof a === "string" ? a : a.entity;
    const target = typeof b === "string" ? b : b.entity;
    if (source === target) return;
    const f: Fact = { sentence: si, source, target, relation, rule: `frame:${rule}` };
    if (cameo) f.cameo = cameo;
    out.push(f);
  };
  article.sentences.forEach((s, si) => {
    const ctx: FrameCtx = { refs, s, si, words: s.tokens.map((t) => t.text.toLowerCase()), push: pusher(si) };
    exerciseFrames(ctx);
    for (let i = 0; i < ctx.words.length; i++) nounFrames(ctx, i);
    personOfBodyFrames(ctx);
    placeFrames(ctx);
    bodyPlaceFrames(ctx);
  });
  candidateFrames(article, refs, candidates, res, pusher);
  return out;
}

/** Exercises named in a sentence that says who holds them together ("between A and B", "A and B held ..."). */
function exerciseFrames({ refs, s, si, words, push }: FrameCtx): void {
  const exercises = (refs.bySentence[si] ?? []).filter((r) => r.kind === "exercise");
  if (exercises.length === 0 && !words.some((w) => cues().exerciseWords.has(w))) return;
  const pair = between(refs, s, si, 0);
  if (pair && exercises.length) for (const p of pair) for (const x of exercises) push(p, x, "participated_in", "exercise-between", "062");
  // "Iran and Pakistan held the joint naval exercise 'Sea Guard 2024'": who holds it takes part
  const v = words.findIndex((w) => HOLD.has(w));
  const first = exercises[0];
  if (v > 0 && first && first.from > v) {
    const holders = listBefore(refs, s, si, v).filter((r) => ACTORS.has(r.kind));
    for (const h of holders) for (const x of exercises) push(h, x, "participated_in", "exercise-held", "062");
  }
}

/** Frames around the noun at token i: cooperation between, visit to / meeting with, alliance of, attacks by / on. */
function nounFrames(ctx: FrameCtx, i: number): void {
  const { refs, s, si, words, push } = ctx;
  const w = words[i] ?? "";
  if (COOPERATION.has(w) && words[i + 1] === "between") {
    const pair = between(refs, s, si, i + 1);
    if (pair && pair.every((r) => ACTORS.has(r.kind))) push(pair[0], pair[1], "cooperates_with", "cooperation-between", "062");
  }
  // "talks between the Sudanese army and the RSF", "a meeting between X and Y": the two met
  if (MEETINGS.has(w) && words[i + 1] === "between") {
    const pair = between(refs, s, si, i + 1);
    if (pair && pair.every((r) => ACTORS.has(r.kind))) push(pair[0], pair[1], "met", "meeting-between", "040");
  }
  // "during his visit to Beijing", "after a meeting with Xi": the visitor is the clause's subject person
  // (a window guess: in a parsed sentence the tree's noun-visit and noun-meeting patterns read the owner instead)
  if ((w === "visit" || w === "trip" || w === "meeting") && (words[i + 1] === "to" || words[i + 1] === "with") && !isParsed(s)) {
    let k = i + 2;
    if (words[k] === "the") k++;
    const other = refs.startingAt(si, k);
    const who = nearestLeft(refs, si, i, ACTORS, 20);
    const rel = words[i + 1] === "to" ? "visited" : "met";
    if (other && who && other.entity !== who.entity && (rel === "met" ? ACTORS.has(other.kind) : other.kind !== "person")) {
      push(who, other, rel, `${w}-${words[i + 1]}`, rel === "visited" ? "042" : "040");
    }
  }
  // "Pakistan-China cooperation", "the US-India strategic partnership": the parties joined in one hyphenated word
  if (COOPERATION.has(w) || COOPERATION.has(w.replace(/s$/, ""))) {
    let k = i - 1;
    while (k > 0 && i - k <= 2 && s.tokens[k]?.upos === "ADJ") k--;
    const parties = (refs.bySentence[si] ?? []).filter((r) => r.from === k && r.to === k + 1 && ACTORS.has(r.kind));
    for (let a = 0; a < parties.length; a++) for (let b = a + 1; b < parties.length; b++) {
      if (parties[a]!.entity !== parties[b]!.entity) push(parties[a]!, parties[b]!, "cooperates_with", "hyphenated-cooperation", "062");
    }
  }
  // "an alliance of the US, India, Australia and Japan": every pair cooperates
  if (COOPERATION.has(w) && words[i + 1] === "of") {
    const members = listAt(refs, s, si, i + 2).filter((r) => r.kind === "country" || r.kind === "organization");
    for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) push(members[a] as Ref, members[b] as Ref, "cooperates_with", "alliance-of", "062");
  }
  if (ATTACK.has(w)) attackFrames(ctx, i);
}

/** "attacks by X" (X attacked the subject of the clause), "X attack on Y". */
function attackFrames({ refs, s, si, words, push }: FrameCtx, i: number): void {
  let k = i + 1;
  while (k < words.length && k - i <= 6 && words[k] !== "by" && words[k] !== "on") k++;
  if (words[k] === "by") {
    let agent: Ref | undefined;
    for (let m = k + 1; m < words.length && m - k <= 8 && !agent; m++) {
      const r = refs.at(si, m);
      // "Afghanistan-based Taliban": the modifier is not the attacker
      if (r && STATES.has(r.kind) && !/-/.test(s.tokens[r.from]?.text ?? "")) agent = r;
    }
    const victim = nearestLeft(refs, si, i, ACTORS);
    if (agent && victim) push(agent, victim, "attacked", "attacks-by", "180");
  } else if (words[k] === "on") {
    const victim = refs.startingAt(si, k + 1) ?? refs.startingAt(si, k + 2);
    const agent = nearestLeft(refs, si, i, STATES, 3);
    if (agent && victim && ACTORS.has(victim.kind)) push(agent, victim, "attacked", "attack-on", "180");
  }
}

/** "Oliver Finegold, of the Evening Standard", "Nicolas Sarkozy of France"; "Labour's Mr Livingstone". */
function personOfBodyFrames({ refs, si, words, push }: FrameCtx): void {
  for (const r of refs.bySentence[si] ?? []) {
    if (r.kind !== "person" || r.nested) continue;
    let k = r.to;
    if (words[k] === ",") k++;
    if (words[k] === "of") {
      if (words[k + 1] === "the") k++;
      const body = refs.startingAt(si, k + 1);
      if (body && (body.kind === "organization" || body.kind === "country")) push(r, body, body.kind === "country" ? "represents" : "member_of", "person-of-body");
    }
    // "Labour's Mr Livingstone": step over the honorific
    let p = r.from;
    while (p > 0 && (HONORIFIC_WORDS.has(words[p - 1] ?? "") || words[p - 1] === ".")) p--;
    const poss = words[p - 1] === "’s" || words[p - 1] === "'s" ? refs.endingAt(si, p - 1) : undefined;
    if (poss?.kind === "organization") push(r, poss, "member_of", "body-possessive-person");
  }
}

/** "Amritsar in India", "Dallas in the US", "Westminster Hall, London", "the Pakistani city of Lahore", "Pakistan's Sindh province". */
function placeFrames({ refs, s, si, words, push }: FrameCtx): void {
  const list = refs.bySentence[si] ?? [];
  // a body "in" a place is based there; in a parsed sentence the tree's body-located pattern reads that, and
  // knows where the phrase attaches ("the annual meeting of the World Bank in Lima" places the meeting)
  const parsed = isParsed(s);
  for (const r of list) {
    if (r.nested || (r.kind !== "place" && r.kind !== "organization") || (r.kind === "organization" && parsed)) continue;
    let k = r.to;
    const comma = words[k] === ",";
    if (words[k] === "in" || comma) k++;
    else continue;
    if (words[k] === "the") k++;
    const where = refs.startingAt(si, k);
    if (!where || (where.kind !== "place" && where.kind !== "country") || where.entity === r.entity) continue;
    // a list of places ("Paris, London and Rome") is not containment
    if (comma && (words[where.to] === "and" || words[where.to] === "," || words[r.from - 1] === "," || r.kind !== "place")) continue;
    push(r, where, r.kind === "organization" ? "based_in" : "located_in", comma ? "place-comma-place" : "x-in-place");
  }
  for (const r of list) {
    if (r.kind !== "place" || r.nested) continue;
    const w1 = words[r.from - 1] ?? "";
    if (w1 === "of" && CITY_OF.has(words[r.from - 2] ?? "")) {
      const country = refs.endingAt(si, r.from - 2);
      if (country && country.kind === "country") push(r, country, "located_in", "demonym-city-of");
    }
    if (w1 === "’s" || w1 === "'s") {
      const country = refs.endingAt(si, r.from - 1);
      if (country && country.kind === "country" && POSSESSED_PLACE.has(words[r.to] ?? "")) push(r, country, "located_in", "possessive-place");
    }
  }
}

/** "X, a Washington think tank" / "a think tank in Washington X". */
function bodyPlaceFrames({ refs, si, words, push }: FrameCtx): void {
  for (const r of refs.bySentence[si] ?? []) {
    if (r.kind !== "organization" || r.nested) continue;
    if (words[r.to] === "," && (words[r.to + 1] === "a" || words[r.to + 1] === "an" || words[r.to + 1] === "the")) {
      const place = refs.startingAt(si, r.to + 2);
      if (place && (place.kind === "place" || place.kind === "country") && LOCATION_NOUN.has(words[place.to] ?? "")) push(r, place, "located_in", "apposition-place");
    }
    const prev = refs.endingAt(si, r.from);
    if (prev?.kind === "place" && words[r.from - 2] === "in" && LOCATION_NOUN.has(words[r.from - 3] ?? "")) push(r, prev, "located_in", "noun-in-place-org");
  }
}

/** "Afghanistan-based Taliban": based_in; "US State Department": part_of (read from how the mention was found). */
function candidateFrames(article: Article, refs: RefIndex, candidates: readonly Candidate[], res: Resolution, pusher: (si: number) => FrameCtx["push"]): void {
  candidates.forEach((c, ci) => {
    const id = res.ofCandidate[ci];
    if (!id || !article.sentences[c.sentence]) return;
    const push = pusher(c.sentence);
    if (c.rule === "hyphen-based") {
      const org = refs.startingAt(c.sentence, c.to) ?? refs.startingAt(c.sentence, c.to + 1);
      if (org && ACTORS.has(org.kind) && org.entity !== id) push(org, id, "based_in", "hyphen-based");
    }
    if (c.nested && c.kind === "country") {
      const outer = refs.at(c.sentence, c.from);
      const name = outer ? refs.entityById.get(outer.entity) : undefined;
      const gov = cues().governmentHeads;
      if (outer && name && outer.kind === "organization" && [...name.names.keys()].some((n) => n.toLowerCase().split(/\s+/).some((w) => gov.has(w)))) {
        push(outer, id, "part_of", "country-prefix");
      }
    }
  });
}

/** Refs listed from token `from`: "A, B and C", each optionally with "the". */
export function listAt(refs: RefIndex, s: Sentence, si: number, from: number): Ref[] {
  const out: Ref[] = [];
  let k = from;
  for (;;) {
    if (s.tokens[k]?.text.toLowerCase() === "the") k++;
    const r = refs.startingAt(si, k);
    if (!r) break;
    out.push(r);
    const sep = s.tokens[r.to]?.text.toLowerCase();
    if (sep !== "," && sep !== "and") break;
    k = r.to + 1;
    if (s.tokens[k]?.text.toLowerCase() === "and") k++;
  }
  return out;
}

/** The subject list ending just before token `v` (auxiliaries skipped): "Iran and Pakistan (have) held". */
function listBefore(refs: RefIndex, s: Sentence, si: number, v: number): Ref[] {
  let k = v;
  while (k > 0 && SUBJECT_LIST_HELPERS.has(s.tokens[k - 1]?.text.toLowerCase() ?? "")) k--;
  const last = refs.endingAt(si, k);
  if (!last) return [];
  const out = [last];
  let from = last.from;
  for (;;) {
    let j = from - 1;
    if (s.tokens[j]?.text.toLowerCase() === "the") j--;
    const sep = s.tokens[j]?.text.toLowerCase();
    if (sep !== "and" && sep !== ",") break;
    const prev = refs.endingAt(si, j);
    if (!prev) break;
    out.unshift(prev);
    from = prev.from;
  }
  return out;
}
