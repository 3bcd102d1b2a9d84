// Relations stated by fixed frames rather than verbs: "attacks by X", "cooperation between A and B",
// "exercises ... between A and B", "X, a Washington think tank", "Afghanistan-based Taliban", "US State Department".
import type { Article, EntityKind, Sentence } from "../types.js";
import type { Candidate } from "../extract/mentions.js";
import type { Ref, RefIndex } from "../resolve/refs.js";
import type { Resolution } from "../resolve/document.js";
import type { Fact } from "./verbs.js";
import { cues } from "../extract/cues.js";
import { wordClass } from "../data/word-classes.js";

const ACTORS = new Set<EntityKind>(["person", "country", "organization"]);
const HOLD = wordClass("hold-verbs");
const HONORIFIC_WORDS = wordClass("honorifics");
const STATES = new Set<EntityKind>(["country", "organization"]);
const COOPERATION = wordClass("cooperation-nouns");
const ATTACK = wordClass("attack-nouns");
const LOCATION_NOUN = wordClass("located-body-nouns");

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

export function extractFrames(article: Article, refs: RefIndex, candidates: readonly Candidate[], res: Resolution): Fact[] {
  const out: Fact[] = [];
  const push = (si: number, a: Ref | string, b: Ref | string, relation: Fact["relation"], rule: string, cameo?: string) => {
    const source = typeof a === "string" ? a : a.entity;
    const target = typeof b === "string" ? b : b.entity;
    if (source === target) return;
    const f: Fact = { sentence: si, source, target, relation, rule: `frame:${rule}` };
    if (cameo) f.cameo = cameo;
    out.push(f);
  };
  const exerciseWords = cues().exerciseWords;
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    const refList = refs.bySentence[si] ?? [];
    // exercises named in a sentence that says who holds them together
    const exercises = refList.filter((r) => r.kind === "exercise");
    const exerciseWordAt = words.findIndex((w) => exerciseWords.has(w));
    if (exercises.length || exerciseWordAt >= 0) {
      const pair = between(refs, s, si, 0);
      if (pair && exercises.length) for (const p of pair) for (const x of exercises) push(si, p, x, "participated_in", "exercise-between", "062");
      // "Iran and Pakistan held the joint naval exercise 'Sea Guard 2024'": who holds it takes part
      const v = words.findIndex((w) => HOLD.has(w));
      const first = exercises[0];
      if (v > 0 && first && first.from > v) {
        const holders = listBefore(refs, s, si, v).filter((r) => ACTORS.has(r.kind));
        for (const h of holders) for (const x of exercises) push(si, h, x, "participated_in", "exercise-held", "062");
      }
    }
    for (let i = 0; i < words.length; i++) {
      const w = words[i] ?? "";
      if (COOPERATION.has(w) && words[i + 1] === "between") {
        const pair = between(refs, s, si, i + 1);
        if (pair && pair.every((r) => ACTORS.has(r.kind))) push(si, pair[0], pair[1], "cooperates_with", "cooperation-between", "062");
      }
      // "during his visit to Beijing", "after a meeting with Xi": the visitor is the clause's subject person
      if ((w === "visit" || w === "trip" || w === "meeting") && (words[i + 1] === "to" || words[i + 1] === "with")) {
        let k = i + 2;
        if (words[k] === "the") k++;
        const other = refs.startingAt(si, k);
        const who = nearestLeft(refs, si, i, ACTORS, 20);
        const rel = words[i + 1] === "to" ? "visited" : "met";
        if (other && who && other.entity !== who.entity && (rel === "met" ? ACTORS.has(other.kind) : other.kind !== "person")) {
          push(si, who, other, rel, `${w}-${words[i + 1]}`, rel === "visited" ? "042" : "040");
        }
      }
      // "an alliance of the US, India, Australia and Japan": every pair cooperates
      if (COOPERATION.has(w) && words[i + 1] === "of") {
        const members = listAt(refs, s, si, i + 2).filter((r) => r.kind === "country" || r.kind === "organization");
        for (let a = 0; a < members.length; a++) for (let b = a + 1; b < members.length; b++) push(si, members[a] as Ref, members[b] as Ref, "cooperates_with", "alliance-of", "062");
      }
      if (ATTACK.has(w)) {
        // "attacks by X" (X attacked the subject of the clause), "X attack on Y"
        let k = i + 1;
        while (k < words.length && k - i <= 6 && words[k] !== "by" && words[k] !== "on") k++;
        if (words[k] === "by") {
          let m = k + 1;
          let agent: Ref | undefined;
          for (; m < words.length && m - k <= 8 && !agent; m++) {
            const r = refs.at(si, m);
            // "Afghanistan-based Taliban": the modifier is not the attacker
            if (r && STATES.has(r.kind) && !/-/.test(s.tokens[r.from]?.text ?? "")) agent = r;
          }
          const victim = nearestLeft(refs, si, i, ACTORS);
          if (agent && victim) push(si, agent, victim, "attacked", "attacks-by", "180");
        } else if (words[k] === "on") {
          const victim = refs.startingAt(si, k + 1) ?? refs.startingAt(si, k + 2);
          const agent = nearestLeft(refs, si, i, STATES, 3);
          if (agent && victim && ACTORS.has(victim.kind)) push(si, agent, victim, "attacked", "attack-on", "180");
        }
      }
      // "Thank you X and Y" inside a quotation: thanks from the speaker, added in attribution.
    }
    // "Oliver Finegold, of the Evening Standard", "Nicolas Sarkozy of France"; "Labour's Mr Livingstone"
    for (const r of refList) {
      if (r.kind !== "person" || r.nested) continue;
      let k = r.to;
      if (words[k] === ",") k++;
      if (words[k] === "of") {
        if (words[k + 1] === "the") k++;
        const body = refs.startingAt(si, k + 1);
        if (body && (body.kind === "organization" || body.kind === "country")) push(si, r, body, body.kind === "country" ? "represents" : "member_of", "person-of-body");
      }
      // "Labour's Mr Livingstone": step over the honorific
      let p = r.from;
      while (p > 0 && (HONORIFIC_WORDS.has(words[p - 1] ?? "") || words[p - 1] === ".")) p--;
      const poss = words[p - 1] === "’s" || words[p - 1] === "'s" ? refs.endingAt(si, p - 1) : undefined;
      if (poss?.kind === "organization") push(si, r, poss, "member_of", "body-possessive-person");
    }
    // "Amritsar in India", "Dallas in the US", "Westminster Hall, London", "the Pakistani city of Lahore"
    for (const r of refList) {
      if (r.nested || (r.kind !== "place" && r.kind !== "organization")) continue;
      let k = r.to;
      const comma = words[k] === ",";
      if (words[k] === "in" || comma) k++;
      else continue;
      if (words[k] === "the") k++;
      const where = refs.startingAt(si, k);
      if (!where || (where.kind !== "place" && where.kind !== "country") || where.entity === r.entity) continue;
      // a list of places ("Paris, London and Rome") is not containment
      if (comma && (words[where.to] === "and" || words[where.to] === "," || words[r.from - 1] === "," || r.kind !== "place")) continue;
      push(si, r, where, "located_in", comma ? "place-comma-place" : "x-in-place");
    }
    for (const r of refList) {
      if (r.kind !== "place" || r.nested) continue;
      const w1 = words[r.from - 1] ?? "";
      const w2 = words[r.from - 2] ?? "";
      // "the Pakistani city of Lahore"
      if (w1 === "of" && ["city", "town", "province", "region", "state", "village", "capital", "port"].includes(w2)) {
        const country = refs.endingAt(si, r.from - 2);
        if (country && country.kind === "country") push(si, r, country, "located_in", "demonym-city-of");
      }
      // "Pakistan's Sindh province"
      if ((w1 === "’s" || w1 === "'s")) {
        const country = refs.endingAt(si, r.from - 1);
        if (country && country.kind === "country" && ["province", "region", "state", "city", "district"].includes(words[r.to] ?? "")) push(si, r, country, "located_in", "possessive-place");
      }
    }
    // "X, a Washington think tank" / "a think tank in Washington X"
    for (const r of refList) {
      if (r.kind !== "organization" || r.nested) continue;
      if (words[r.to] === "," && (words[r.to + 1] === "a" || words[r.to + 1] === "an" || words[r.to + 1] === "the")) {
        const place = refs.startingAt(si, r.to + 2);
        if (place && (place.kind === "place" || place.kind === "country") && LOCATION_NOUN.has(words[place.to] ?? "")) push(si, r, place, "located_in", "apposition-place");
      }
      const prev = refs.endingAt(si, r.from);
      if (prev?.kind === "place" && words[r.from - 2] === "in" && LOCATION_NOUN.has(words[r.from - 3] ?? "")) push(si, r, prev, "located_in", "noun-in-place-org");
    }
  });
  // "Afghanistan-based Taliban": based_in; "US State Department": part_of
  candidates.forEach((c, ci) => {
    const id = res.ofCandidate[ci];
    if (!id) return;
    const s = article.sentences[c.sentence];
    if (!s) return;
    if (c.rule === "hyphen-based") {
      const org = refs.startingAt(c.sentence, c.to) ?? refs.startingAt(c.sentence, c.to + 1);
      if (org && ACTORS.has(org.kind) && org.entity !== id) push(c.sentence, org, id, "based_in", "hyphen-based");
    }
    if (c.nested && c.kind === "country") {
      const outer = refs.at(c.sentence, c.from);
      const name = outer ? refs.entityById.get(outer.entity) : undefined;
      const gov = cues().governmentHeads;
      if (outer && name && outer.kind === "organization" && [...name.names.keys()].some((n) => n.toLowerCase().split(/\s+/).some((w) => gov.has(w)))) {
        push(c.sentence, outer, id, "part_of", "country-prefix");
      }
    }
  });
  return out;
}

/** Refs listed from token `from`: "A, B and C", each optionally with "the". */
function listAt(refs: RefIndex, s: Sentence, si: number, from: number): Ref[] {
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
  while (k > 0 && /^(have|has|had|will|also|jointly|recently|successfully)$/i.test(s.tokens[k - 1]?.text ?? "")) k--;
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
