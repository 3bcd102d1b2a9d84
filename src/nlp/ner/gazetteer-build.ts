// Builds the gazetteer stored in the model (training time only): countries, capitals, demonyms, languages and
// regions from the pinned `world-countries` package; GeoNames cities and first-level regions (data/geonames-places.json); first names, last names, well-known people, organisations,
// sports teams and cities from compromise's lexicon (read as data, compromise is not run); and the short lists below.
import nlp from "compromise";
import countries from "world-countries";
import { placeGazetteer } from "../../data/places.js";
import { GAZ, type GazetteerData } from "./gazetteer.js";
import { normaliseToken } from "./text.js";

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

const COMPROMISE_TAGS: Record<string, number> = {
  FirstName: GAZ.firstName,
  MaleName: GAZ.firstName,
  FemaleName: GAZ.firstName,
  LastName: GAZ.lastName,
  Person: GAZ.person,
  Organization: GAZ.organisation,
  SportsTeam: GAZ.organisation,
  City: GAZ.city,
  Country: GAZ.country,
  Demonym: GAZ.demonym,
  Honorific: GAZ.title,
  WeekDay: GAZ.timeWord,
  Month: GAZ.timeWord,
};

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
  for (const [word, tag] of Object.entries((nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon)) {
    for (const t of Array.isArray(tag) ? tag : [tag]) {
      const bit = COMPROMISE_TAGS[t];
      if (bit !== undefined) add(word, bit);
    }
  }
  for (const s of ORG_SUFFIXES) add(s, GAZ.orgSuffix);
  for (const [key, place] of placeGazetteer()) {
    add(key, place.kind === "region" ? GAZ.geoRegion : place.population >= 250_000 ? GAZ.geoCity | GAZ.geoBigCity : GAZ.geoCity);
  }
  return { entries: [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) };
}

