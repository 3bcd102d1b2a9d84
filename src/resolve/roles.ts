// Titles and roles: "Pakistan's ambassador to the United States Masood Khan", "State Department spokesman
// Matthew Miller", "Miller, a spokesman for the State Department" tie a person to a country or organization;
// "the envoy", "the ambassador" later refer back to that person.
import type { Article, Relation } from "../types.js";
import { lexicon, type RoleEntry } from "../extract/lexicon.js";
import type { RefIndex, Ref } from "./refs.js";
import { wordClass } from "../data/word-classes.js";

/** "the archbishop" with no earlier archbishop named: left for anaphora to resolve by salience. */
export interface UnresolvedRole {
  ref: Omit<Ref, "entity" | "kind">;
  role: RoleEntry;
  affiliation?: Ref;
}

export interface RoleFact {
  sentence: number;
  person: string;
  affiliation: string;
  relation: Relation | null;
  rule: string;
}

const POSSESSIVE = wordClass("possessive-markers");
const DETERMINERS = wordClass("role-determiners");
const ACTOR_KINDS = new Set(["country", "organization"]);

interface RoleHit {
  from: number;
  to: number;
  role: RoleEntry;
  title: string;
}

function rolesIn(words: readonly string[]): RoleHit[] {
  const lex = lexicon();
  const hits: RoleHit[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!lex.roleFirstWords.has(words[i] ?? "")) continue;
    for (let len = 3; len > 0; len--) {
      const title = words.slice(i, i + len).join(" ");
      const role = lex.roles.get(title);
      if (role) {
        hits.push({ from: i, to: i + len, role, title });
        i += len - 1;
        break;
      }
    }
  }
  return hits;
}

function relationFor(role: RoleEntry, affiliationKind: string): Relation | null {
  if (role.relation === "represents" && affiliationKind === "organization") return "member_of";
  return role.relation;
}

/** Finds role facts and adds role refs ("the envoy" -> the person) to the index. */
export function resolveRoles(article: Article, refs: RefIndex): { facts: RoleFact[]; unresolved: UnresolvedRole[] } {
  const facts: RoleFact[] = [];
  const unresolved: UnresolvedRole[] = [];
  const lex = lexicon();
  const personRole = new Map<string, Set<string>>(); // person -> role groups
  const pendingNominals: { ref: Omit<Ref, "entity" | "kind">; group: string; affiliation?: Ref; role: RoleEntry }[] = [];
  for (const e of refs.entityById.values()) {
    for (const t of e.titles) {
      const r = lex.roles.get(t);
      if (r) (personRole.get(e.id) ?? personRole.set(e.id, new Set()).get(e.id))?.add(r.group);
    }
  }
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (const hit of rolesIn(words)) {
      // affiliation before: "Pakistan's", "State Department", "The Pakistani", "@State_SCA"
      let k = hit.from;
      if (POSSESSIVE.has(words[k - 1] ?? "")) k--;
      // "Kyrgyz President X", "the Iraqi interior minister": a demonym stands for the country the article names
      const named = k > 0 ? refs.countryNamedBy(words[k - 1] ?? "") : undefined;
      let affiliation = refs.endingAt(si, k) ??
        (named ? { sentence: si, from: k - 1, to: k, start: 0, entity: named, kind: "country" as const, nested: false, how: "nominal" as const } : undefined);
      // "the London mayor": a place has leaders but no members or envoys
      if (affiliation && !ACTOR_KINDS.has(affiliation.kind) && !(affiliation.kind === "place" && hit.role.relation === "leader_of")) affiliation = undefined;
      // "US Treasury Secretary John Snow": the country in front of a government body is represented too
      const country = affiliation?.kind === "organization" && hit.role.relation === "represents" ? refs.endingAt(si, affiliation.from) : undefined;
      const leftEdge = affiliation ? affiliation.from : hit.from;
      // skip a destination: "ambassador to the United States"
      let j = hit.to;
      if ((words[j] === "to" || words[j] === "in") ) {
        let m = j + 1;
        if (words[m] === "the") m++;
        const dest = refs.startingAt(si, m);
        if (dest && dest.kind !== "person") j = dest.to;
      }
      // affiliation after: "spokesman for the State Department", "President of Pakistan"
      if (!affiliation && (words[j] === "of" || words[j] === "for" || words[j] === "at")) {
        let m = j + 1;
        if (words[m] === "the") m++;
        // "director of civil rights group Liberty": a few descriptive words may come first
        let aff = refs.startingAt(si, m);
        for (let skip = 0; !aff && skip < 4 && /^[a-z-]+$/.test(s.tokens[m + skip]?.text ?? ""); skip++) aff = refs.startingAt(si, m + skip + 1);
        if (aff && ACTOR_KINDS.has(aff.kind)) { affiliation = aff; j = aff.to; }
      }
      // "Chairman and CEO Michael Wirth": coordinated titles share the name after them
      for (;;) {
        const next = words[j] === "and" || words[j] === "&" || words[j] === "," ? j + 1 : j;
        const len = next > j ? ([2, 1].find((n) => lex.roles.has(words.slice(next, next + n).join(" "))) ?? 0) : 0;
        if (len === 0) break;
        j = next + len;
      }
      if (words[j] === ",") j++;
      // "Army chief General Asim Munir": more titles may stand between the role and the name
      while (j < words.length && (lex.honorifics.has(words[j] ?? "") || lex.roles.get(words[j] ?? "")?.prefix === true || words[j] === ".") && !refs.startingAt(si, j)) j++;
      const after = refs.startingAt(si, j);
      let person: Ref | undefined = after?.kind === "person" ? after : undefined;
      let rule = "role-appositive";
      if (!person) {
        // "Matthew Miller, a spokesman for ..."
        let b = leftEdge;
        while (b > 0 && DETERMINERS.has(words[b - 1] ?? "")) b--;
        if (words[b - 1] === ",") {
          const p = refs.endingAt(si, b - 1);
          if (p?.kind === "person") { person = p; rule = "role-apposition-after"; }
        }
      }
      if (person) {
        (personRole.get(person.entity) ?? personRole.set(person.entity, new Set()).get(person.entity))?.add(hit.role.group);
        if (affiliation) facts.push({ sentence: si, person: person.entity, affiliation: affiliation.entity, relation: relationFor(hit.role, affiliation.kind), rule });
        if (country?.kind === "country") facts.push({ sentence: si, person: person.entity, affiliation: country.entity, relation: "represents", rule: "role-country-body" });
        continue;
      }
      const det = words[leftEdge - 1];
      // "A Home Office spokesman said", "a spokesman said": an unnamed spokesperson speaks for the body
      if (hit.role.group === "spokesperson" && (det === "a" || det === "an")) {
        const body = affiliation ?? lastBody(refs, si, leftEdge);
        if (body) refs.add({ sentence: si, from: leftEdge, to: Math.max(hit.to, j), start: s.tokens[leftEdge]?.start ?? s.start, entity: body.entity, kind: body.kind, nested: false, how: "role" });
        continue;
      }
      const lowercase = /^\p{Ll}/u.test(s.tokens[hit.from]?.text ?? "");
      if ((affiliation || det === "the") && lowercase) {
        pendingNominals.push({
          ref: { sentence: si, from: leftEdge, to: Math.max(hit.to, j), start: s.tokens[leftEdge]?.start ?? s.start, nested: false, how: "role" },
          group: hit.role.group, role: hit.role, ...(affiliation ? { affiliation } : {}),
        });
      }
    }
  });
  // "the envoy" -> the person last introduced with a role of that group (or the next one, for a lead that names them later)
  for (const n of pendingNominals) {
    let best: { id: string; distance: number } | undefined;
    for (const e of refs.entityById.values()) {
      if (e.kind !== "person" || !personRole.get(e.id)?.has(n.group)) continue;
      for (const m of e.mentions) {
        const d = m.start < n.ref.start ? n.ref.start - m.start : (m.start - n.ref.start) * 4;
        if (!best || d < best.distance) best = { id: e.id, distance: d };
      }
    }
    if (!best) {
      unresolved.push({ ref: n.ref, role: n.role, ...(n.affiliation ? { affiliation: n.affiliation } : {}) });
      continue;
    }
    refs.add({ ...n.ref, entity: best.id, kind: "person" });
    if (n.affiliation) facts.push({ sentence: n.ref.sentence, person: best.id, affiliation: n.affiliation.entity, relation: relationFor(n.role, n.affiliation.kind), rule: "role-nominal" });
  }
  return { facts, unresolved };
}

export function roleRelation(role: RoleEntry, affiliationKind: string): Relation | null {
  return relationFor(role, affiliationKind);
}

/** The organization (or country) named last before token `before` of sentence `si`, looking back one sentence. */
function lastBody(refs: RefIndex, si: number, before: number): Ref | undefined {
  for (let k = si; k >= Math.max(0, si - 1); k--) {
    const list = (refs.bySentence[k] ?? []).filter((r) => !r.nested && (r.kind === "organization" || r.kind === "country") && (k < si || r.to <= before));
    const last = list[list.length - 1];
    if (last) return last;
  }
  return undefined;
}
