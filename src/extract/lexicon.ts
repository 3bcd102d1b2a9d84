// Word lists as lookup tables, built once: countries, capitals and demonyms from world-countries; first names,
// surnames, cities, regions and verb forms read out of compromise's lexicon into data/compromise-words.json (so
// extraction never loads compromise itself); organizations, titles and verbs from data/.
import countries from "world-countries";
import type { CompromiseWords } from "../data/compromise-words-build.js";
import { isRecord, loadData, stringList } from "../data/load.js";
import { RELATIONS, type Relation } from "../types.js";

export interface CountryEntry {
  name: string;
  /** How the surface form names the country. */
  via: "name" | "capital" | "demonym";
}

export interface RoleEntry {
  /** What "X's <role> Y" says between Y and X; null for roles the vocabulary has no relation for (clergy). */
  relation: Relation | null;
  group: string;
  prefix: boolean;
}

export interface VerbEntry {
  lemma: string;
  relation: Relation;
  cameo: string;
  speech: boolean;
  object: string;
}

export interface PhraseEntry {
  words: string[];
  relation: Relation;
  cameo: string;
  /** The relation when no to-infinitive or for-phrase follows the object ("X called on Y": a meeting). */
  bare?: { relation: Relation; cameo: string };
}

export interface Lexicon {
  /** Lower-cased surface form -> country. */
  countries: Map<string, CountryEntry>;
  /**
   * The style of an official name, lower-cased, -> the countries named so: "islamic republic" -> Iran, Pakistan, ...
   * (from "Islamic Republic of Iran"); two words or more, so "Republic" or "Kingdom" alone never count.
   */
  officialStyles: Map<string, string[]>;
  /** Lower-cased surface form -> canonical organization name; `orgExact` keeps case-sensitive forms. */
  orgs: Map<string, string>;
  orgExact: Map<string, string>;
  /** Lower-cased city and region names that are not countries. */
  places: Set<string>;
  /** Lower-cased grammar words and verb forms ("would", "across", "pledged"), never names. */
  grammarWords: Set<string>;
  /** Every lower-cased word compromise's lexicon knows, names included. */
  knownWords: Set<string>;
  firstNames: Set<string>;
  femaleNames: Set<string>;
  maleNames: Set<string>;
  lastNames: Set<string>;
  roles: Map<string, RoleEntry>;
  /** Every word of every role title ("shadow", "press", "secretary"), and the first words alone. */
  roleWords: Set<string>;
  roleFirstWords: Set<string>;
  honorifics: Set<string>;
  /** Descriptive words written before a name like a title ("euro-sceptic", "veteran"): title, never name. */
  epithets: Set<string>;
  /** Inflected form -> verb entry. */
  verbs: Map<string, VerbEntry>;
  /** Fixed phrases by their first (inflected) word. */
  phrases: Map<string, PhraseEntry[]>;
  longestName: number;
}

function checkRelation(r: unknown, where: string): Relation {
  if (typeof r !== "string" || !(RELATIONS as readonly string[]).includes(r)) throw new Error(`${where}: "${String(r)}" is not in the relation vocabulary`);
  return r as Relation;
}

function loadCountries(): Map<string, CountryEntry> {
  const extra = loadData("countries-extra", (v) => {
    if (!isRecord(v) || !isRecord(v.aliases) || !isRecord(v.demonyms)) throw new Error("needs aliases and demonyms objects");
    return { aliases: v.aliases as Record<string, string[]>, demonyms: v.demonyms as Record<string, string[]>, countries: stringList(v, "countries") };
  });
  const out = new Map<string, CountryEntry>();
  const add = (form: string, entry: CountryEntry) => {
    const k = form.toLowerCase();
    if (!out.has(k) || (out.get(k)?.via !== "name" && entry.via === "name")) out.set(k, entry);
  };
  const recognised = new Set(extra.countries);
  for (const c of countries) {
    if (!c.independent && !recognised.has(c.name.common)) continue;
    const name = c.name.common;
    add(name, { name, via: "name" });
    add(c.name.official, { name, via: "name" });
    // other spellings of several words ("Republic of Chile"); a one-word one is mostly the country's own language
    // ("Suisse", "Nippon", "Brasil"), which English news writes in company names ("Credit Suisse", "the sale to
    // Nippon"): the English one-word forms news uses are listed in data/countries-extra.json
    for (const alt of c.altSpellings) if (alt.length > 3 && /\s/.test(alt) && /^[\p{L} .'-]+$/u.test(alt)) add(alt, { name, via: "name" });
    for (const cap of c.capital ?? []) add(cap.replace(/\s+D\.C\.$/, ""), { name, via: "capital" });
    const dem = c.demonyms?.eng;
    if (dem) for (const d of new Set([dem.m, dem.f])) if (d) { add(d, { name, via: "demonym" }); add(`${d}s`, { name, via: "demonym" }); }
  }
  for (const [name, forms] of Object.entries(extra.aliases)) for (const f of forms) add(f, { name, via: "name" });
  for (const [name, forms] of Object.entries(extra.demonyms)) for (const f of forms) add(f, { name, via: "demonym" });
  return out;
}

function loadOfficialStyles(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of countries) {
    const m = /^(.+?) of (?:the )?(.+)$/.exec(c.name.official);
    if (!m?.[1] || m[1].split(" ").length < 2) continue;
    const style = m[1].toLowerCase();
    out.set(style, [...(out.get(style) ?? []), c.name.common]);
  }
  return out;
}

function loadOrgs(knownWords: ReadonlySet<string>): { orgs: Map<string, string>; orgExact: Map<string, string> } {
  const data = loadData("organizations", (v) => {
    if (!isRecord(v) || !isRecord(v.organizations)) throw new Error("needs an organizations object");
    return v.organizations as Record<string, string[]>;
  });
  const orgs = new Map<string, string>();
  const orgExact = new Map<string, string>();
  for (const [name, aliases] of Object.entries(data)) {
    for (const form of [name, ...aliases]) {
      // Short or lower-case-word names ("Fed", "Dawn", "AP") match only as written.
      if (form.length <= 4 || knownWords.has(form.toLowerCase())) orgExact.set(form, name);
      else orgs.set(form.toLowerCase(), name);
    }
  }
  return { orgs, orgExact };
}

function loadRoles(): { roles: Map<string, RoleEntry>; honorifics: Set<string>; epithets: Set<string> } {
  return loadData("titles", (v) => {
    if (!isRecord(v) || !isRecord(v.roles)) throw new Error("needs a roles object");
    const roles = new Map<string, RoleEntry>();
    for (const [title, r] of Object.entries(v.roles)) {
      if (!isRecord(r) || typeof r.group !== "string") throw new Error(`role "${title}" needs a group`);
      const relation = r.relation === null ? null : checkRelation(r.relation, `role "${title}"`);
      roles.set(title, { relation, group: r.group, prefix: r.prefix === true });
    }
    return { roles, honorifics: new Set(stringList(v, "honorifics")), epithets: new Set(stringList(v, "epithets")) };
  });
}

/**
 * Inflections of a verb (say -> says, said, saying): compromise's conjugations as read out into
 * data/compromise-words.json, regular ones for verbs it lacks (tweet, quip).
 */
export function inflections(lemma: string): string[] {
  const forms = new Set([lemma, ...(compromiseWords().conjugations[lemma] ?? [])]);
  if (forms.size === 1 && !lemma.includes(" ")) for (const f of regularInflections(lemma)) forms.add(f);
  return [...forms];
}

/** tweet -> tweets, tweeted, tweeting; quip -> quips, quipped, quipping; liken -> likens, likened, likening. */
export function regularInflections(lemma: string): string[] {
  // a short consonant-vowel-consonant ending doubles ("qu" counts as a consonant): quip -> quipped
  const stem = /[^aeiou][aeiou][bdgklmnprt]$/.test(lemma.replace(/^qu/, "kw")) && lemma.length <= 4 ? lemma + lemma.slice(-1) : lemma;
  const third = /(s|sh|ch|x|z)$/.test(lemma) ? `${lemma}es` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ies` : `${lemma}s`;
  const past = lemma.endsWith("e") ? `${lemma}d` : /[^aeiou]y$/.test(lemma) ? `${lemma.slice(0, -1)}ied` : `${stem}ed`;
  const gerund = lemma.endsWith("e") && !lemma.endsWith("ee") ? `${lemma.slice(0, -1)}ing` : `${stem}ing`;
  return [third, past, gerund];
}

function loadVerbs(): { verbs: Map<string, VerbEntry>; phrases: Map<string, PhraseEntry[]> } {
  return loadData("relation-verbs", (v) => {
    if (!isRecord(v) || !Array.isArray(v.verbs) || !Array.isArray(v.phrases)) throw new Error("needs verbs and phrases arrays");
    const verbs = new Map<string, VerbEntry>();
    for (const e of v.verbs as Record<string, unknown>[]) {
      const entry: VerbEntry = {
        lemma: String(e.lemma), relation: checkRelation(e.relation, `verb "${String(e.lemma)}"`),
        cameo: String(e.cameo ?? ""), speech: e.speech === true, object: String(e.object ?? "direct"),
      };
      for (const f of inflections(entry.lemma)) if (!verbs.has(f)) verbs.set(f, entry);
    }
    const phrases = new Map<string, PhraseEntry[]>();
    for (const e of v.phrases as Record<string, unknown>[]) {
      const words = String(e.words).split(" ");
      const relation = checkRelation(e.relation, `phrase "${String(e.words)}"`);
      const [head, ...rest] = words;
      for (const f of inflections(head ?? "")) {
        const list = phrases.get(f) ?? [];
        const bare = e.bare === undefined ? undefined : { relation: checkRelation(e.bare, `phrase "${String(e.words)}" bare`), cameo: String(e.bareCameo ?? "") };
        list.push({ words: [f, ...rest], relation, cameo: String(e.cameo ?? ""), ...(bare ? { bare } : {}) });
        phrases.set(f, list);
      }
    }
    return { verbs, phrases };
  });
}

function isStringList(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

const WORD_LISTS = ["firstNames", "femaleNames", "maleNames", "lastNames", "places", "grammarWords", "otherWords"] as const;

let compromiseCache: CompromiseWords | undefined;

/** data/compromise-words.json, checked (`npm run lexicon:compromise` rebuilds it). */
export function compromiseWords(): CompromiseWords {
  compromiseCache ??= loadData("compromise-words", (v) => {
    if (!isRecord(v) || typeof v.compromise !== "string" || !isRecord(v.conjugations)) throw new Error("needs compromise and conjugations");
    for (const key of WORD_LISTS) if (!isStringList(v[key])) throw new Error(`"${key}" must be a list of strings`);
    for (const [lemma, forms] of Object.entries(v.conjugations)) if (!isStringList(forms)) throw new Error(`conjugations of "${lemma}" must be a list of strings`);
    return v as unknown as CompromiseWords;
  });
  return compromiseCache;
}

function loadNames(): Pick<Lexicon, "firstNames" | "femaleNames" | "maleNames" | "lastNames" | "places" | "grammarWords" | "knownWords"> {
  const w = compromiseWords();
  return {
    firstNames: new Set(w.firstNames), femaleNames: new Set(w.femaleNames), maleNames: new Set(w.maleNames), lastNames: new Set(w.lastNames),
    places: new Set(w.places), grammarWords: new Set(w.grammarWords),
    knownWords: new Set(WORD_LISTS.flatMap((key) => w[key])),
  };
}

/** World regions (data/regions.json), lower-case, without a leading "the". */
function loadRegions(): string[] {
  return loadData("regions", (v) => {
    if (!isRecord(v) || !isStringList(v.regions)) throw new Error('needs "regions", a list of strings');
    return v.regions.map((r) => r.toLowerCase().replace(/^the\s+/, ""));
  });
}

let cached: Lexicon | undefined;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const countriesMap = loadCountries();
  const names = loadNames();
  for (const k of countriesMap.keys()) names.places.delete(k);
  for (const r of loadRegions()) names.places.add(r);
  const roles = loadRoles();
  const titles = [...roles.roles.keys()];
  const lex: Lexicon = {
    countries: countriesMap, officialStyles: loadOfficialStyles(), ...loadOrgs(names.knownWords), ...names, ...roles, ...loadVerbs(), longestName: 6,
    roleWords: new Set(titles.flatMap((r) => r.split(" "))),
    roleFirstWords: new Set(titles.map((r) => r.split(" ")[0] ?? "")),
  };
  cached = lex;
  return lex;
}

/**
 * The relation and CAMEO code a phrase states at token `at` of `words` (lower-cased): its `bare` relation when no
 * "to" or "for" follows before the clause ends ("called on General X at headquarters" is a meeting; "called on
 * Russia to withdraw" urges).
 */
export function phraseRelation(p: PhraseEntry, words: readonly string[], at: number): { relation: Relation; cameo: string } {
  if (!p.bare) return { relation: p.relation, cameo: p.cameo };
  for (let k = at + p.words.length; k < words.length && k < at + p.words.length + 14; k++) {
    const w = words[k] ?? "";
    if (w === "to" || w === "for") return { relation: p.relation, cameo: p.cameo };
    if (w === "." || w === ";" || w === "and" || w === "but") break;
  }
  return p.bare;
}
