// Resolution inside one article: candidates -> entities. Certain names found by lists and cues come first;
// guesses join them by surname, spelling skeleton, acronym or handle, or stand alone when their shape is clear.
import { nameForm } from "../nlp/text.js";
import type { Article, EntityKind, Mention } from "../types.js";
import type { Candidate } from "../extract/mentions.js";
import { lexicon } from "../extract/lexicon.js";
import { cues } from "../extract/cues.js";
import { placeGazetteer, placeKey } from "../data/places.js";
import { acronymMatches, initials, nameTokens, plainKey, skeletonKey } from "./keys.js";
import { wordClass } from "../data/word-classes.js";

export interface WorkEntity {
  id: string;
  kind: EntityKind;
  names: Map<string, number>;
  aliases: Set<string>;
  mentions: Mention[];
  /** Lower-cased titles and roles seen with the entity ("ambassador", "spokesman"). */
  titles: Set<string>;
  /** Mentions whose kind a word list or cue was sure of (the rest are the tagger's or shape guesses). */
  certain: number;
}

export interface Resolution {
  entities: WorkEntity[];
  /** Entity id for each candidate (same index), or undefined when dropped. */
  ofCandidate: (string | undefined)[];
}

const AUXILIARIES = wordClass("speech-auxiliaries");
const SPELLING_KINDS = new Set<EntityKind>(["event", "exercise"]);

function groupKey(kind: EntityKind, name: string): string {
  return `${kind}|${SPELLING_KINDS.has(kind) ? skeletonKey(name) : plainKey(name)}`;
}

/** "Washington urged", "Islamabad's operation", "urged Washington": a capital acting for its country. */
function capitalActsForCountry(article: Article, c: Candidate): boolean {
  const s = article.sentences[c.sentence];
  if (!s) return false;
  const next = s.tokens[c.to]?.text.toLowerCase() ?? "";
  const prev = s.tokens[c.from - 1]?.text.toLowerCase() ?? "";
  if (next === ":" || next === "/" || prev === "/") return false; // a dateline
  if (next === "’s" || next === "'s") return true;
  if (prev === "by" || prev === "with" || prev === "against") return true; // "welcomed by Beijing", "talks with Washington"
  // "tensions between Islamabad and Kabul", "the backing of both Kiev and European nations": two sides, so actors
  if (prev === "between" || prev === "both") return true;
  const pairedWith = (k: number) => ["between", "both"].includes(s.tokens[k]?.text.toLowerCase() ?? "");
  if ((prev === "and" || prev === "&") && c.from >= 3 && pairedWith(c.from - 3) && /^\p{Lu}/u.test(s.tokens[c.from - 2]?.text ?? "")) return true;
  const verbs = lexicon().verbs;
  if (verbs.has(next) || AUXILIARIES.has(next)) return true;
  const before = s.tokens[c.from - 1]?.text.toLowerCase() === "the" ? s.tokens[c.from - 2] : s.tokens[c.from - 1];
  const entry = before ? verbs.get(before.text.toLowerCase()) : undefined;
  return entry !== undefined && entry.object.startsWith("direct");
}

export function resolveDocument(article: Article, candidates: readonly Candidate[]): Resolution {
  const table: EntityTable = { article, entities: [], byKey: new Map(), ofCandidate: new Array(candidates.length).fill(undefined) };
  const { entities, ofCandidate } = table;
  const order = candidates.map((c, i) => i).sort((a, b) => (candidates[a]?.start ?? 0) - (candidates[b]?.start ?? 0));
  placeCertain(table, candidates, order);
  placeMultiWordPersons(table, candidates, order);
  placeGuesses(table, candidates, order);
  joinBracketAcronyms(article, candidates, entities, ofCandidate);
  joinOfficialStyles(entities, ofCandidate);
  mergeSurnames(entities, ofCandidate);
  for (const kind of TAIL_KINDS) mergeNameTails(entities, ofCandidate, kind);
  mergeCountryPrefixed(entities, ofCandidate);
  mergeBodyForms(entities, ofCandidate);
  voteKinds(entities, ofCandidate);
  dropImpliedCountries(candidates, entities, ofCandidate);
  return { entities: entities.filter((e) => e.mentions.length > 0), ofCandidate };
}

/** The entities being built for one article, found by group key, and the entity each candidate went to. */
interface EntityTable {
  article: Article;
  entities: WorkEntity[];
  byKey: Map<string, WorkEntity>;
  ofCandidate: (string | undefined)[];
}

/** Candidate `ci` as a mention of the entity of its kind and name, made on first sight. */
function addToEntity(t: EntityTable, c: Candidate, kind: EntityKind, name: string, ci: number): WorkEntity {
  const key = groupKey(kind, name);
  let e = t.byKey.get(key);
  if (!e) {
    e = { id: `e${t.entities.length}`, kind, names: new Map(), aliases: new Set(), mentions: [], titles: new Set(), certain: 0 };
    t.entities.push(e);
    t.byKey.set(key, e);
  }
  attach(t, e, c, ci, name);
  return e;
}

/** Candidate `ci` as a mention of `e`: its name (when it brings one), surface form, title and certainty. */
function attach(t: EntityTable, e: WorkEntity, c: Candidate, ci: number, name?: string): void {
  const oneLine = name?.replace(/\s+/g, " ");
  if (oneLine) e.names.set(oneLine, (e.names.get(oneLine) ?? 0) + 1);
  // a name wrapped over two lines is still one name
  e.aliases.add(c.text.replace(/\s+/g, " "));
  if (c.title) {
    e.titles.add(c.title);
    const s = t.article.sentences[c.sentence];
    const titled = s ? nameForm(t.article.text.slice(s.tokens[c.from - 1] ? findTitleStart(t.article, c) : c.start, c.end)) : "";
    if (titled && titled !== c.text) e.aliases.add(titled.replace(/\s+/g, " "));
  }
  e.mentions.push({ start: c.start, end: c.end, text: c.text, sentence: c.sentence });
  if (c.certain && c.kind !== "unknown") e.certain++;
  t.ofCandidate[ci] = e.id;
}

/** Pass 1: names that lists and cues are sure of. A capital acting, or a demonym, stands for its country. */
function placeCertain(t: EntityTable, candidates: readonly Candidate[], order: readonly number[]): void {
  for (const ci of order) {
    const c = candidates[ci] as Candidate;
    if (!c.certain || c.kind === "unknown") continue;
    if (c.countryVia === "capital" && c.country && capitalActsForCountry(t.article, c)) addToEntity(t, c, "country", c.country, ci);
    else if (c.countryVia === "demonym" && c.country) addToEntity(t, c, "country", c.country, ci);
    else addToEntity(t, c, c.kind, c.name, ci);
  }
}

/** Pass 2: multi-word person guesses become people unless a known name claims them. */
function placeMultiWordPersons(t: EntityTable, candidates: readonly Candidate[], order: readonly number[]): void {
  for (const ci of order) {
    const c = candidates[ci] as Candidate;
    if (c.certain || c.kind !== "person" || nameTokens(c.name).length < 2) continue;
    const e = claim(t.entities, c);
    if (e) attach(t, e, c, ci);
    else addToEntity(t, c, "person", c.name, ci);
  }
}

/** Pass 3: single words and other guesses: surname or first name of a person, a known name, or their own guess. */
function placeGuesses(t: EntityTable, candidates: readonly Candidate[], order: readonly number[]): void {
  for (const ci of order) {
    const c = candidates[ci] as Candidate;
    if (t.ofCandidate[ci] !== undefined || (c.certain && c.kind !== "unknown")) continue;
    const e = claim(t.entities, c) ?? personByPart(t.entities, c);
    if (e) attach(t, e, c, ci);
    else if (c.kind !== "unknown" && c.rule !== "guess-initial") addToEntity(t, c, c.kind, c.name, ci);
  }
}

/** The entity already known that a guess names: same spelling skeleton (events), same name or alias, or its acronym. */
function claim(entities: readonly WorkEntity[], c: Candidate): WorkEntity | undefined {
  const sk = skeletonKey(c.name);
  const pk = plainKey(c.name);
  for (const e of entities) {
    if (SPELLING_KINDS.has(e.kind) && sk.length >= 4 && [...e.names.keys()].some((n) => skeletonKey(n) === sk)) return e;
  }
  for (const e of entities) if ([...e.aliases, ...e.names.keys()].some((a) => plainKey(a) === pk)) return e;
  if (/^\p{Lu}{2,6}$/u.test(c.text)) {
    for (const e of entities) if (e.kind === "organization" && [...e.names.keys()].some((n) => initials(n) === c.text || acronymMatches(c.text, n))) return e;
  }
  return undefined;
}

/**
 * A demonym alone does not name its country ("Cambodian Prime Minister Hun Sen"): a country the article only
 * implies is no entity (gold README convention); a relation may still reach it where the article names it.
 */
function dropImpliedCountries(candidates: readonly Candidate[], entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const demonyms = new Set(candidates.filter((c) => c.countryVia === "demonym").map((c) => c.start));
  for (const e of entities) {
    if (e.kind !== "country" || e.mentions.length === 0 || e.mentions.some((m) => !demonyms.has(m.start))) continue;
    e.mentions = [];
    for (let i = 0; i < ofCandidate.length; i++) if (ofCandidate[i] === e.id) ofCandidate[i] = undefined;
  }
}

/** Kinds one name may carry twice in an article: a capital as a location and as its country acting. */
const TWO_KINDS_ALLOWED = new Set(["country|place", "place|country"]);

/**
 * One kind per entity within an article: entities with the same name but different kinds (the tagger read "Rutba"
 * once as a place and once as an organization) become one, of the kind most of their mentions have; a mention a
 * word list or cue was sure of counts three times. Events and exercises, and a capital beside its country, stay.
 */
function voteKinds(entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const byName = new Map<string, WorkEntity[]>();
  for (const e of entities) {
    if (e.mentions.length === 0 || SPELLING_KINDS.has(e.kind)) continue;
    for (const key of new Set([...e.names.keys()].map(plainKey))) {
      const list = byName.get(key) ?? [];
      if (!list.includes(e)) list.push(e);
      byName.set(key, list);
    }
  }
  for (const group of byName.values()) {
    const live = group.filter((e) => e.mentions.length > 0);
    if (live.length < 2 || new Set(live.map((e) => e.kind)).size < 2) continue;
    if (live.some((a) => live.some((b) => TWO_KINDS_ALLOWED.has(`${a.kind}|${b.kind}`)))) continue;
    const weight = (e: WorkEntity) => e.mentions.length + 2 * e.certain;
    const into = [...live].sort((a, b) => weight(b) - weight(a) || a.mentions[0]!.start - b.mentions[0]!.start)[0]!;
    for (const e of live) if (e !== into) absorb(into, e, ofCandidate);
  }
}

function absorb(into: WorkEntity, e: WorkEntity, ofCandidate: (string | undefined)[]): void {
  for (const [n, c] of e.names) into.names.set(n, (into.names.get(n) ?? 0) + c);
  for (const a of e.aliases) into.aliases.add(a);
  for (const t of e.titles) into.titles.add(t);
  into.certain += e.certain;
  into.mentions.push(...e.mentions);
  into.mentions.sort((a, b) => a.start - b.start);
  e.mentions = [];
  for (let i = 0; i < ofCandidate.length; i++) if (ofCandidate[i] === e.id) ofCandidate[i] = into.id;
}

/**
 * "Alliance of Sahel States (AES)", "Association of Southeast Asian (ASEAN) countries": an acronym in brackets right
 * after a name is that name's, whatever language its letters come from; every name it follows becomes one entity.
 */
function joinBracketAcronyms(article: Article, candidates: readonly Candidate[], entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const byEnd = new Map<string, number>(); // "<sentence>:<token end>" -> candidate index
  // the longest name ending there: "Transition Mission in Somalia (ATMIS)" is the mission's, not Somalia's
  candidates.forEach((c, i) => {
    const key = `${c.sentence}:${c.to}`;
    const had = byEnd.get(key);
    if (ofCandidate[i] !== undefined && !c.rule.startsWith("hyphen") && (had === undefined || c.from < candidates[had]!.from)) byEnd.set(key, i);
  });
  candidates.forEach((c, i) => {
    const toks = article.sentences[c.sentence]?.tokens;
    if (!toks || c.to - c.from !== 1 || !/^\p{Lu}[\p{Lu}\d&]{1,7}$/u.test(c.text)) return;
    if (toks[c.from - 1]?.text !== "(" || toks[c.to]?.text !== ")") return;
    const before = byEnd.get(`${c.sentence}:${c.from - 1}`);
    const acr = byId.get(ofCandidate[i] ?? "");
    const name = before === undefined ? undefined : byId.get(ofCandidate[before] ?? "");
    if (!acr || !name || acr === name || name.kind === "person" || name.kind === "country" || acr.kind === "person" || acr.mentions.length === 0 || name.mentions.length === 0) return;
    const [into, from] = acr.mentions.length + acr.names.size > name.mentions.length + name.names.size ? [acr, name] : [name, acr];
    absorb(into, from, ofCandidate);
  });
}

/** "the Islamic Republic" in an article that names Iran (and no other Islamic Republic): the country's own style. */
function joinOfficialStyles(entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const styles = lexicon().officialStyles;
  for (const e of entities) {
    if (e.mentions.length === 0 || e.kind === "country") continue;
    const names = [...e.names.keys()].map((n) => n.toLowerCase().replace(/^the\s+/, ""));
    const style = names.map((n) => styles.get(n)).find((x) => x !== undefined);
    if (!style) continue;
    const hosts = entities.filter((c) => c.kind === "country" && c.mentions.length > 0 && [...c.names.keys()].some((n) => style.includes(n)));
    if (hosts.length !== 1) continue;
    const styleNames = [...e.names.keys()];
    absorb(hosts[0]!, e, ofCandidate);
    for (const n of styleNames) hosts[0]!.names.delete(n); // shown by its common name; the style stays an alias
  }
}

/** "Mr Straw" found before or after "Jack Straw": a one-word person joins the one full name that contains it. */
function mergeSurnames(entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  for (const e of entities) {
    if ((e.kind !== "person" && e.kind !== "organization" && e.kind !== "place") || e.mentions.length === 0) continue;
    const words = new Set([...e.names.keys()].flatMap((n) => nameTokens(n)));
    if (words.size !== 1) continue;
    const word = [...words][0] as string;
    // "Mr. Toyoda" beside "Akio Toyoda": a town's name that is the surname of the article's one person so named
    if (e.kind === "place") {
      const people = entities.filter((p) => p.kind === "person" && p.mentions.length > 0 && [...p.names.keys()].some((n) => { const t = nameTokens(n); return t.length > 1 && t[t.length - 1] === word; }));
      if (people.length === 1) absorb(people[0] as WorkEntity, e, ofCandidate);
      // "Bush" beside "Jeb Bush" and, once each, his father and brother: the one the article keeps naming
      else if (people.length > 1 && dominant(people)) absorb(dominant(people) as WorkEntity, e, ofCandidate);
      // "Nippon" beside "Nippon Steel": a word no gazetteer knows as a place, opening the one body so named
      else if (!isPlaceName(word)) {
        const bodies = entities.filter((o) => o.kind === "organization" && o.mentions.length > 0 && [...o.names.keys()].some((n) => { const t = nameTokens(n); return t.length > 1 && t[0] === word; }));
        if (bodies.length === 1) absorb(bodies[0] as WorkEntity, e, ofCandidate);
      }
      continue;
    }
    // people by any part of the full name
    const full = entities.filter((p) => p !== e && p.kind === e.kind && p.mentions.length > 0 && [...p.names.keys()].some((n) => {
      const t = nameTokens(n);
      // organizations by their first or last word: "Contrack" ~ "Contrack International", "the Commission" ~ "European Commission"
      // ... but not "UKIP" ~ "UKIP Scotland": a body's name followed by a place names a branch of it
      if (e.kind === "organization" && t[0] === word && isPlaceName(t.slice(1).join(" "))) return false;
      return t.length > 1 && (e.kind === "person" ? t.includes(word) : t[0] === word || t[t.length - 1] === word);
    }));
    if (full.length !== 1) continue;
    absorb(full[0] as WorkEntity, e, ofCandidate);
  }
}

/** Of several people sharing a surname, the one named more often than all the others together. */
function dominant(people: readonly WorkEntity[]): WorkEntity | undefined {
  const sorted = [...people].sort((a, b) => b.mentions.length - a.mentions.length);
  const top = sorted[0];
  const rest = sorted.slice(1).reduce((n, p) => n + p.mentions.length, 0);
  return top && top.mentions.length > rest ? top : undefined;
}

/** Kinds whose names are shortened by dropping their first words. */
const TAIL_KINDS: readonly EntityKind[] = ["person", "exercise", "event"];

/**
 * "Lopez Obrador" beside "Andres Manuel Lopez Obrador", "Marcos Jr" beside "Ferdinand Marcos Jr.": a person named
 * by two or more words that end the one longer name of the article that ends so; the same for exercises and events
 * ("Exercise Khanjar" beside "Joint Special Forces Exercise Khanjar", "Security Talks" beside "Defence and Security Talks").
 */
function mergeNameTails(entities: WorkEntity[], ofCandidate: (string | undefined)[], kind: EntityKind): void {
  const people = entities.filter((e) => e.kind === kind && e.mentions.length > 0);
  const tokens = new Map(people.map((e) => [e, [...e.names.keys()].map(nameTokens)]));
  const byLast = new Map<string, WorkEntity[]>(); // last word -> people with a name ending in it
  for (const [e, names] of tokens) for (const t of new Set(names.map((n) => n[n.length - 1] ?? ""))) byLast.set(t, [...(byLast.get(t) ?? []), e]);
  const endsIn = (full: string[], tail: string[]) => full.length > tail.length && tail.every((w, k) => full[full.length - tail.length + k] === w);
  for (const e of people) {
    // (a person's one-word names are surnames, joined by mergeSurnames; an exercise's or event's short form may
    // stand beside its two-word form: "KHANJAR" and "Exercise KHANJAR")
    const all = tokens.get(e)!;
    const mine = kind === "person" ? all : all.filter((t) => t.length >= 2);
    if (e.mentions.length === 0 || mine.length === 0 || mine.some((t) => t.length < 2)) continue;
    const longest = Math.max(...mine.map((t) => t.length));
    const hosts = (byLast.get(mine[0]![mine[0]!.length - 1]!) ?? []).filter((p) => p !== e && p.mentions.length > 0 &&
      tokens.get(p)!.some((full) => full.length > longest && mine.some((tail) => endsIn(full, tail))));
    if (hosts.length === 1) absorb(hosts[0]!, e, ofCandidate);
  }
}

/** "US Treasury Department" beside "Treasury Department" in one article: the country's name before a body's. */
function mergeCountryPrefixed(entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const countries = lexicon().countries;
  const orgs = entities.filter((e) => e.kind === "organization" && e.mentions.length > 0);
  const byKey = new Map<string, WorkEntity>();
  for (const o of orgs) for (const n of o.names.keys()) if (!byKey.has(plainKey(n))) byKey.set(plainKey(n), o);
  for (const e of orgs) {
    for (const name of [...e.names.keys()]) {
      const words = name.split(/\s+/);
      if (words.length <= 2 || countries.get(words[0]!.toLowerCase())?.via !== "name") continue;
      const body = byKey.get(plainKey(words.slice(1).join(" ")));
      if (body && body !== e && body.mentions.length > 0 && e.mentions.length > 0) { absorb(e, body, ofCandidate); break; }
    }
  }
}

/**
 * One body under its usual forms: "Department of the Treasury" is "Treasury Department" (a government head word
 * before "of" or at the end), with or without its country in front ("U.S. ..."), and the word alone names it ("the
 * Treasury said"). Bodies of two different countries stay apart ("Indian Defence Ministry", "Pakistani Defence Ministry").
 */
function mergeBodyForms(entities: WorkEntity[], ofCandidate: (string | undefined)[]): void {
  const orgs = entities.filter((e) => e.kind === "organization" && e.mentions.length > 0);
  const forms = new Map<WorkEntity, BodyForm[]>(orgs.map((o) => [o, [...o.names.keys()].map(bodyForm)]));
  const countryOf = (o: WorkEntity): string | undefined => forms.get(o)!.find((f) => f.country)?.country;
  for (const e of orgs) {
    if (e.mentions.length === 0) continue;
    const mine = forms.get(e)!;
    const single = mine.length > 0 && mine.every((f) => f.words.length === 1) ? mine[0]!.words[0] : undefined;
    const same = orgs.filter((o) => o !== e && o.mentions.length > 0 && forms.get(o)!.some((f) => mine.some((m) =>
      f.core === m.core ||
      // the word alone: "Treasury" ~ "Treasury Department"
      (single !== undefined && f.words.length === 2 && f.words[0] === single && GOVERNMENT_HEADS.has(f.words[1]!)) ||
      // a company's short name: "Computer Terminal" ~ "Computer Terminal Systems Inc" (only company words after it)
      (m.words.length >= 2 && f.words.length > m.words.length && m.words.every((w, k) => f.words[k] === w) &&
        f.words.slice(m.words.length).every((w) => COMPANY_WORDS.has(w))))));
    if (same.length !== 1) continue;
    const other = same[0]!;
    const a = countryOf(e), b = countryOf(other);
    if (a && b && a !== b) continue;
    // into the body mentioned more (the earlier on a tie), so its name leads
    const [into, from] = other.mentions.length > e.mentions.length || (other.mentions.length === e.mentions.length && other.mentions[0]!.start < e.mentions[0]!.start) ? [other, e] : [e, other];
    absorb(into, from, ofCandidate);
  }
}

interface BodyForm {
  /** Lower-case words without a leading "the" or country, the head word last. */
  words: string[];
  core: string;
  country?: string;
}

const GOVERNMENT_HEADS = new Set(cues().governmentHeads);
const LEGAL_FORMS = wordClass("company-legal-forms");
/** Words that end a company's full name after its short name ("Systems", "Group", "Holdings"). */
const COMPANY_WORDS = wordClass("company-name-endings");

function bodyForm(name: string): BodyForm {
  const countries = lexicon().countries;
  let words = name.split(/\s+/).filter(Boolean);
  if (words[0]?.toLowerCase() === "the") words = words.slice(1);
  let country: string | undefined;
  for (const n of [2, 1]) {
    const c = words.length > n ? countries.get(words.slice(0, n).join(" ").toLowerCase()) : undefined;
    if (c && c.via !== "capital") { country = c.name; words = words.slice(n); break; }
  }
  let lower = words.map((w) => w.toLowerCase());
  // "Department of the Treasury" -> "treasury department"
  if (lower.length > 2 && GOVERNMENT_HEADS.has(lower[0]!) && lower[1] === "of") {
    const rest = lower.slice(lower[2] === "the" ? 3 : 2);
    if (rest.length > 0) lower = [...rest, lower[0]!];
  }
  // "Waste Management Inc" is "Waste Management": a legal form at the end is no part of the name to compare
  while (lower.length > 1 && LEGAL_FORMS.has(lower[lower.length - 1]!.replace(/[.,]/g, ""))) lower = lower.slice(0, -1);
  return { words: lower, core: lower.join(" "), ...(country ? { country } : {}) };
}

/** A country, or a place a word list or GeoNames knows. */
function isPlaceName(words: string): boolean {
  const lex = lexicon();
  return lex.countries.has(words) || lex.places.has(words) || placeGazetteer().has(placeKey(words));
}

/** The person whose first or last name this single word is: the latest one named before it, else the first after. */
function personByPart(entities: readonly WorkEntity[], c: Candidate): WorkEntity | undefined {
  const word = c.name.toLowerCase();
  if (word.includes(" ")) return undefined;
  let before: WorkEntity | undefined;
  let beforeAt = -1;
  let after: WorkEntity | undefined;
  let afterAt = Infinity;
  for (const e of entities) {
    if (e.kind !== "person") continue;
    const parts = [...e.names.keys()].flatMap((n) => nameTokens(n));
    if (!parts.includes(word) || parts.length < 2) continue;
    for (const m of e.mentions) {
      if (m.start < c.start && m.start > beforeAt) { before = e; beforeAt = m.start; }
      if (m.start > c.start && m.start < afterAt) { after = e; afterAt = m.start; }
    }
  }
  return before ?? after;
}

/** Start of the title words written right before a titled name ("Ambassador Masood Khan"). */
function findTitleStart(article: Article, c: Candidate): number {
  const s = article.sentences[c.sentence];
  if (!s || !c.title) return c.start;
  const n = c.title.split(" ").length;
  let k = c.from;
  let words = 0;
  while (k > 0 && words < n) {
    k--;
    if (s.tokens[k]?.text !== ".") words++;
  }
  return s.tokens[k]?.start ?? c.start;
}

/** The name an entity is shown by: the most complete name seen (most words, then most often, then first). */
export function canonicalName(e: WorkEntity): string {
  let best = "";
  let bestScore = -1;
  for (const [name, count] of e.names) {
    const words = nameTokens(name).length;
    const prefixed = /^(operation|exercise)\s/i.test(name) ? 1 : 0;
    const handle = name.startsWith("@") ? -100 : 0;
    const score = handle + prefixed * 1000 + Math.min(words, 4) * 100 + count;
    if (score > bestScore) { best = name; bestScore = score; }
  }
  return best || [...e.aliases][0] || "";
}
