// Titles and roles: "Pakistan's ambassador to the United States Masood Khan", "State Department spokesman
// Matthew Miller", "Miller, a spokesman for the State Department" tie a person to a country or organization;
// "the envoy", "the ambassador" later refer back to that person.
import type { Article, Relation, Sentence } from "../types.js";
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

/**
 * A role's relation to its affiliation. A person holding an office of a country represents it (gold convention:
 * "Pakistan's deputy prime minister", "the Iraqi official"); of an organization, only envoys represent it ("UN
 * envoy X"), other office holders are its members ("Commerce Secretary X").
 */
function relationFor(role: RoleEntry, affiliationKind: string): Relation | null {
  if (role.relation === "member_of" && affiliationKind === "country") return "represents";
  if (role.relation === "represents" && affiliationKind === "organization" && role.group !== "envoy") return "member_of";
  return role.relation;
}

/** "the envoy" waiting for the person it refers to, found once every sentence has been read. */
interface PendingNominal {
  ref: Omit<Ref, "entity" | "kind">;
  group: string;
  affiliation?: Ref;
  role: RoleEntry;
}

/** Person entity id -> the role groups ("ambassador", "spokesperson") introduced with them. */
type PersonRoles = Map<string, Set<string>>;

function addRoleGroup(personRole: PersonRoles, person: string, group: string): void {
  (personRole.get(person) ?? personRole.set(person, new Set()).get(person))?.add(group);
}

/** Finds role facts and adds role refs ("the envoy" -> the person) to the index. */
export function resolveRoles(article: Article, refs: RefIndex): { facts: RoleFact[]; unresolved: UnresolvedRole[] } {
  const facts: RoleFact[] = [];
  const personRole = titledRoleGroups(refs);
  const pendingNominals: PendingNominal[] = [];
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (const hit of rolesIn(words)) {
      const r = readRole(refs, si, words, s.tokens, hit);
      if (r.person) {
        addRoleGroup(personRole, r.person.entity, hit.role.group);
        if (r.affiliation) facts.push({ sentence: si, person: r.person.entity, affiliation: r.affiliation.entity, relation: relationFor(hit.role, r.affiliation.kind), rule: r.rule });
        if (r.country?.kind === "country") facts.push({ sentence: si, person: r.person.entity, affiliation: r.country.entity, relation: "represents", rule: "role-country-body" });
        continue;
      }
      const pending = unnamedRole(refs, s, si, words, r);
      if (pending) pendingNominals.push(pending);
    }
  });
  const unresolved = resolveNominals(refs, pendingNominals, personRole, facts);
  return { facts, unresolved };
}


/** The role groups of the titles written before people's names ("Ambassador Masood Khan"). */
function titledRoleGroups(refs: RefIndex): PersonRoles {
  const lex = lexicon();
  const personRole: PersonRoles = new Map();
  for (const e of refs.entityById.values()) {
    for (const t of e.titles) {
      const r = lex.roles.get(t);
      if (r) addRoleGroup(personRole, e.id, r.group);
    }
  }
  return personRole;
}

/** What the words around a role say: whose role it is, for whom, and where the phrase starts and ends. */
interface RoleReading {
  hit: RoleHit;
  affiliation: Ref | undefined;
  /** The country in front of the affiliated body ("US" in "US Treasury Secretary"). */
  country: Ref | undefined;
  /** First token of the phrase: the affiliation before the role, or the role. */
  leftEdge: number;
  /** The token after the role, its destination or affiliation after it, and titles up to the name. */
  end: number;
  person: Ref | undefined;
  rule: string;
}

function readRole(refs: RefIndex, si: number, words: readonly string[], tokens: readonly { text: string }[], hit: RoleHit): RoleReading {
  let affiliation = affiliationBefore(refs, si, words, hit, tokens);
  // "US Treasury Secretary John Snow": the country in front of a government body is represented too
  const country = affiliation?.kind === "organization" && hit.role.relation === "represents" ? refs.endingAt(si, affiliation.from) : undefined;
  const leftEdge = affiliation ? affiliation.from : hit.from;
  let j = afterDestination(refs, si, words, hit.to);
  if (!affiliation) {
    affiliation = affiliationAfter(refs, si, words, tokens, j);
    if (affiliation) j = affiliation.to;
  }
  j = titlesBeforeName(refs, si, words, j);
  const after = refs.startingAt(si, j);
  if (after?.kind === "person") return { hit, affiliation, country, leftEdge, end: j, person: after, rule: "role-appositive" };
  return { hit, affiliation, country, leftEdge, end: j, person: personBefore(refs, si, words, leftEdge), rule: "role-apposition-after" };
}

/** The country or body named just before a role: "Pakistan's", "State Department", "The Pakistani", "@State_SCA". */
function affiliationBefore(refs: RefIndex, si: number, words: readonly string[], hit: RoleHit, tokens: readonly { text: string }[]): Ref | undefined {
  let k = hit.from;
  // "Pakistan's special representative", "Myanmar's junta leader": plain words between a possessive and the role
  for (let m = 1; m <= MAX_ROLE_MODIFIERS; m++) {
    if (POSSESSIVE.has(words[k - m - 1] ?? "") && tokens.slice(k - m, k).every((t) => /^\p{Ll}[\p{Ll}-]*$/u.test(t.text))) { k -= m; break; }
  }
  if (POSSESSIVE.has(words[k - 1] ?? "")) k--;
  // "Kyrgyz President X", "the Iraqi interior minister": a demonym stands for the country the article names
  const named = k > 0 ? refs.countryNamedBy(words[k - 1] ?? "") : undefined;
  const affiliation = refs.endingAt(si, k) ??
    (named ? { sentence: si, from: k - 1, to: k, start: 0, entity: named, kind: "country" as const, nested: false, how: "nominal" as const } : undefined);
  // "the London mayor": a place has leaders but no members or envoys
  if (affiliation && !ACTOR_KINDS.has(affiliation.kind) && !(affiliation.kind === "place" && hit.role.relation === "leader_of")) return undefined;
  return affiliation;
}

/** Plain words a possessive may stand before a role with: "Pakistan's special representative". */
const MAX_ROLE_MODIFIERS = 2;

/** Skips a destination after the role: "ambassador to the United States", "envoy in Kabul". */
function afterDestination(refs: RefIndex, si: number, words: readonly string[], j: number): number {
  if (words[j] !== "to" && words[j] !== "in") return j;
  let m = j + 1;
  if (words[m] === "the") m++;
  const dest = refs.startingAt(si, m);
  return dest && dest.kind !== "person" ? dest.to : j;
}

/** The country or body after the role: "spokesman for the State Department", "President of Pakistan". */
function affiliationAfter(refs: RefIndex, si: number, words: readonly string[], tokens: readonly { text: string }[], j: number): Ref | undefined {
  if (words[j] !== "of" && words[j] !== "for" && words[j] !== "at" && words[j] !== "from") {
    // "X, Chairman Joint Chiefs of Staff Committee", "General Y, Commander PLAAF": a capitalised title written
    // straight before a body's name, as South Asian and military style does
    const body = /^\p{Lu}/u.test(tokens[j - 1]?.text ?? "") ? refs.startingAt(si, j) : undefined;
    return body?.kind === "organization" ? body : undefined;
  }
  let m = j + 1;
  if (words[m] === "the") m++;
  // "director of civil rights group Liberty": a few descriptive words may come first
  let aff = refs.startingAt(si, m);
  for (let skip = 0; !aff && skip < 4 && /^[a-z-]+$/.test(tokens[m + skip]?.text ?? ""); skip++) aff = refs.startingAt(si, m + skip + 1);
  // "second in command of Sudan's Rapid Support Forces": the body the possessor owns
  if (aff && POSSESSIVE.has(words[aff.to] ?? "")) {
    const owned = refs.startingAt(si, aff.to + 1);
    if (owned?.kind === "organization") aff = owned;
  }
  return aff && ACTOR_KINDS.has(aff.kind) ? aff : undefined;
}

/** Where the name after a role would start: past coordinated titles, a comma, and ranks or honorifics. */
function titlesBeforeName(refs: RefIndex, si: number, words: readonly string[], j: number): number {
  const lex = lexicon();
  // "Chairman and CEO Michael Wirth": coordinated titles share the name after them
  for (;;) {
    const next = words[j] === "and" || words[j] === "&" || words[j] === "," ? j + 1 : j;
    const len = next > j ? ([2, 1].find((n) => lex.roles.has(words.slice(next, next + n).join(" "))) ?? 0) : 0;
    if (len === 0) break;
    j = next + len;
  }
  if (words[j] === ",") j++;
  // "Army chief General Asim Munir": more titles may stand between the role and the name
  // ("Senior Gen. Than Shwe", "Air Chief Marshal Arthur Harris": ranks of several words too)
  for (;;) {
    if (j >= words.length || refs.startingAt(si, j)) break;
    const rank = [3, 2].find((n) => lex.honorifics.has(words.slice(j, j + n).join(" ")) && !refs.startingAt(si, j + 1));
    if (rank) j += rank;
    else if (lex.honorifics.has(words[j] ?? "") || lex.roles.get(words[j] ?? "")?.prefix === true || words[j] === ".") j++;
    else break;
  }
  return j;
}

/** "Matthew Miller, a spokesman for ...": the person named before a comma and the role's determiners. */
function personBefore(refs: RefIndex, si: number, words: readonly string[], leftEdge: number): Ref | undefined {
  let b = leftEdge;
  while (b > 0 && DETERMINERS.has(words[b - 1] ?? "")) b--;
  if (words[b - 1] !== ",") return undefined;
  const p = refs.endingAt(si, b - 1);
  return p?.kind === "person" ? p : undefined;
}

/**
 * A role with no name beside it. "A Home Office spokesman said", "a spokesman said": an unnamed spokesperson speaks
 * for the body (a ref to it is added). "the envoy", "Pakistan's ambassador": a description of someone named
 * elsewhere, returned to be resolved once every sentence is read.
 */
function unnamedRole(refs: RefIndex, s: Sentence, si: number, words: readonly string[], r: RoleReading): PendingNominal | undefined {
  const { hit, affiliation, leftEdge, end } = r;
  const det = words[leftEdge - 1];
  if (hit.role.group === "spokesperson" && (det === "a" || det === "an")) {
    const body = affiliation ?? lastBody(refs, si, leftEdge);
    if (body) refs.add({ sentence: si, from: leftEdge, to: Math.max(hit.to, end), start: s.tokens[leftEdge]?.start ?? s.start, entity: body.entity, kind: body.kind, nested: false, how: "role" });
    return undefined;
  }
  const lowercase = /^\p{Ll}/u.test(s.tokens[hit.from]?.text ?? "");
  if (!(affiliation || det === "the") || !lowercase) return undefined;
  return {
    ref: { sentence: si, from: leftEdge, to: Math.max(hit.to, end), start: s.tokens[leftEdge]?.start ?? s.start, nested: false, how: "role" },
    group: hit.role.group, role: hit.role, ...(affiliation ? { affiliation } : {}),
  };
}

/**
 * "the envoy" -> the person last introduced with a role of that group (or the next one, for a lead that names them
 * later); adds the ref and the affiliation's fact. Returns the descriptions no person was found for.
 */
function resolveNominals(refs: RefIndex, pending: readonly PendingNominal[], personRole: PersonRoles, facts: RoleFact[]): UnresolvedRole[] {
  const unresolved: UnresolvedRole[] = [];
  for (const n of pending) {
    let best: { id: string; distance: number } | undefined;
    for (const e of refs.entityById.values()) {
      if (e.kind !== "person" || !personRole.get(e.id)?.has(n.group)) continue;
      for (const m of e.mentions) {
        const d = m.start < n.ref.start ? n.ref.start - m.start : (m.start - n.ref.start) * 4;
        if (!best || d < best.distance) best = { id: e.id, distance: d };
      }
    }
    if (!best) {
      // "A spokesperson from the Ministry of Commerce stated ... the spokesperson urged": the body spoken for before
      const body = n.group === "spokesperson" ? lastBodySpokenFor(refs, n.ref.start) : undefined;
      if (body) refs.add({ ...n.ref, entity: body.entity, kind: body.kind });
      else unresolved.push({ ref: n.ref, role: n.role, ...(n.affiliation ? { affiliation: n.affiliation } : {}) });
      continue;
    }
    refs.add({ ...n.ref, entity: best.id, kind: "person" });
    if (n.affiliation) facts.push({ sentence: n.ref.sentence, person: best.id, affiliation: n.affiliation.entity, relation: relationFor(n.role, n.affiliation.kind), rule: "role-nominal" });
  }
  return unresolved;
}

export function roleRelation(role: RoleEntry, affiliationKind: string): Relation | null {
  return relationFor(role, affiliationKind);
}

/** The body an unnamed spokesperson spoke for last before character `start` ("a Home Office spokesman"). */
function lastBodySpokenFor(refs: RefIndex, start: number): Ref | undefined {
  let found: Ref | undefined;
  for (const list of refs.bySentence) {
    for (const r of list) if (r.how === "role" && r.start < start && (r.kind === "organization" || r.kind === "country") && (!found || r.start > found.start)) found = r;
  }
  return found;
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
