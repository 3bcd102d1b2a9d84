// The place gazetteer (data/geonames-places.json, generated from GeoNames by scripts/build-geonames.ts): populated
// places of 15,000 people or more and the first-level regions (provinces, states) of every country, each with its
// country. The tagger reads it as features (at training time); mentions and resolution read it as kind evidence.
import { isRecord, loadData } from "./load.js";

export interface PlaceEntry {
  /** The GeoNames name ("Erbil"), also when looked up by an alternate ("Arbil"). */
  name: string;
  kind: "city" | "region";
  /** The country's common name (world-countries). */
  country: string;
  /** The first-level region a city lies in, when GeoNames names it. */
  region?: string;
  /** People living there (cities; 0 for regions). */
  population: number;
}

interface GeonamesFile {
  countries: Record<string, string>;
  regions: [string, string, string][];
  cities: [string, string, string, number, string[]?][];
}

/** Lower case, accents off: "Ar Ruţbah" and "ar rutbah" look up the same entry. */
export function placeKey(name: string): string {
  return name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
}

let cached: Map<string, PlaceEntry> | undefined;

/**
 * Lower-cased, accent-free name -> place. Where several places share a name the most populous city wins, and a
 * region of that name outranks a city smaller than 100,000 ("Punjab" the province, not a town called Punjab).
 */
export function placeGazetteer(): Map<string, PlaceEntry> {
  if (cached) return cached;
  const data = loadData("geonames-places", (v): GeonamesFile => {
    if (!isRecord(v) || !isRecord(v.countries) || !Array.isArray(v.regions) || !Array.isArray(v.cities)) {
      throw new Error("needs countries, regions and cities (regenerate with npm run geonames)");
    }
    return v as unknown as GeonamesFile;
  });
  const out = new Map<string, PlaceEntry>();
  const regionName = new Map<string, string>();
  const better = (a: PlaceEntry, b: PlaceEntry | undefined) =>
    !b || (a.kind === "region" ? b.kind === "city" && b.population < 100_000 : b.kind === "city" ? a.population > b.population : a.population >= 100_000);
  const add = (form: string, e: PlaceEntry) => {
    const k = placeKey(form);
    if (k.length >= 3 && better(e, out.get(k))) out.set(k, e);
  };
  for (const [name, cc, id] of data.regions) {
    const country = data.countries[cc];
    if (!country) continue;
    regionName.set(`${cc}.${id}`, name);
    add(name, { name, kind: "region", country, population: 0 });
  }
  for (const [name, cc, admin1, population, alts] of data.cities) {
    const country = data.countries[cc];
    if (!country) continue;
    const region = regionName.get(`${cc}.${admin1}`);
    const e: PlaceEntry = { name, kind: "city", country, population, ...(region && region !== name ? { region } : {}) };
    add(name, e);
    for (const a of alts ?? []) add(a, e);
  }
  cached = out;
  return out;
}
