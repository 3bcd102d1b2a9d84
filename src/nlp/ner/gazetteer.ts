// Word lists the tagger sees as features. They are data: built from the pinned `world-countries` package plus
// the short lists below, stored inside the model at training time so training and tagging always agree.
import countries from "world-countries";
import { normaliseToken } from "./text.js";

/** Gazetteer categories, one bit each (a phrase may be in several, e.g. "Mexico" country and capital). */
export const GAZ = {
  country: 1,
  capital: 2,
  demonym: 4,
  title: 8,
  orgSuffix: 16,
  region: 32,
} as const;
export const GAZ_BITS = 6;

// Why these: the words that, just before or inside a name, say what kind of name it is.
const TITLES = [
  "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "lord", "lady", "dame", "president", "vice-president",
  "prime minister", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "senator",
  "sen.", "rep.", "representative", "governor", "gov.", "mayor", "judge", "justice", "general", "gen.", "colonel",
  "col.", "captain", "capt.", "lt.", "sgt.", "admiral", "commander", "chairman", "chairwoman", "chief executive",
  "spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "premier", "leader", "coach", "manager",
  "striker", "midfielder", "defender", "goalkeeper", "rev.", "father", "bishop", "archbishop", "cardinal", "rabbi",
  "sheikh", "president-elect", "professor", "prof.", "st.", "saint", "director", "analyst", "economist",
];

const ORG_SUFFIXES = [
  "inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc", "ag", "sa", "s.a.", "nv",
  "n.v.", "gmbh", "bv", "spa", "group", "holdings", "bank", "party", "association", "union", "council", "committee",
  "ministry", "agency", "institute", "university", "college", "club", "fc", "united", "city", "rovers", "athletic",
  "airlines", "airways", "motors", "industries", "international", "systems", "technologies", "communications",
  "foundation", "federation", "league", "organisation", "organization", "commission", "department", "court",
  "parliament", "assembly", "congress", "army", "police", "exchange", "fund", "trust", "newspaper", "times", "news",
];

export interface GazetteerData {
  /** Lower-cased phrases, tokens separated by single spaces, with their category bits. */
  entries: [string, number][];
}

function phraseKey(text: string): string {
  return normaliseToken(text)
    .toLowerCase()
    .replace(/([,()])/g, " $1 ")
    .replace(/'s\b/g, " 's")
    .trim()
    .split(/\s+/)
    .join(" ");
}

/** Builds the gazetteer from its sources; deterministic (sorted) so the model bytes are reproducible. */
export function buildGazetteer(): GazetteerData {
  const map = new Map<string, number>();
  const add = (text: string, bit: number): void => {
    const key = phraseKey(text);
    if (key.length < 2 || key.split(" ").length > 6) return;
    map.set(key, (map.get(key) ?? 0) | bit);
  };
  const regions = new Set<string>();
  for (const c of countries) {
    add(c.name.common, GAZ.country);
    add(c.name.official, GAZ.country);
    for (const alt of c.altSpellings) if (alt.length > 3 && /^[A-Z][a-z]/.test(alt)) add(alt, GAZ.country);
    for (const cap of c.capital) add(cap, GAZ.capital);
    const eng = c.demonyms["eng"];
    if (eng) {
      add(eng.m, GAZ.demonym);
      add(eng.f, GAZ.demonym);
    }
    for (const lang of Object.values(c.languages)) add(lang, GAZ.demonym);
    if (c.region) regions.add(c.region);
    if (c.subregion) regions.add(c.subregion);
  }
  for (const r of regions) add(r, GAZ.region);
  for (const r of ["Europe", "Asia", "Africa", "Middle East", "Latin America", "Gulf", "Balkans", "Scandinavia"]) add(r, GAZ.region);
  for (const t of TITLES) add(t, GAZ.title);
  for (const s of ORG_SUFFIXES) add(s, GAZ.orgSuffix);
  return { entries: [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}

/** Look-up structure for matching: phrase -> bits, plus which first tokens can start a phrase and the longest length. */
export class Gazetteer {
  readonly phrases: Map<string, number>;
  readonly starts: Set<string>;
  readonly maxLen: number;

  constructor(data: GazetteerData) {
    this.phrases = new Map(data.entries);
    this.starts = new Set();
    let maxLen = 1;
    for (const [key] of data.entries) {
      const parts = key.split(" ");
      this.starts.add(parts[0]!);
      maxLen = Math.max(maxLen, parts.length);
    }
    this.maxLen = maxLen;
  }

  /**
   * Marks every token covered by a gazetteer phrase: `begin[i]` / `inside[i]` get the category bits of phrases
   * starting at / continuing through token i. `lower` holds the sentence's lower-cased normalised tokens.
   */
  mark(lower: readonly string[], n: number, begin: Uint8Array, inside: Uint8Array): void {
    begin.fill(0, 0, n);
    inside.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      const first = lower[i]!;
      if (!this.starts.has(first)) continue;
      let key = first;
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        if (len > 1) key += " " + lower[i + len - 1]!;
        const bits = this.phrases.get(key);
        if (bits === undefined) continue;
        begin[i]! |= bits;
        for (let k = i + 1; k < i + len; k++) inside[k]! |= bits;
      }
    }
  }
}
