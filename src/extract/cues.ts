import { loadData, stringList } from "../data/load.js";

/** Head words and stop lists from data/cues.json, as sets. */
export interface Cues {
  orgHeads: Set<string>;
  governmentHeads: Set<string>;
  eventHeads: Set<string>;
  eventPrefixes: Set<string>;
  exerciseWords: Set<string>;
  placeHeads: Set<string>;
  placePrefixes: Set<string>;
  connectors: Set<string>;
  notNames: Set<string>;
  alwaysSkip: Set<string>;
  notEntities: Set<string>;
  portfolioWords: Set<string>;
}

let cached: Cues | undefined;

export function cues(): Cues {
  cached ??= loadData("cues", (v) => ({
    orgHeads: new Set(stringList(v, "orgHeads")),
    governmentHeads: new Set(stringList(v, "governmentHeads")),
    eventHeads: new Set(stringList(v, "eventHeads")),
    eventPrefixes: new Set(stringList(v, "eventPrefixes")),
    exerciseWords: new Set(stringList(v, "exerciseWords")),
    placeHeads: new Set(stringList(v, "placeHeads")),
    placePrefixes: new Set(stringList(v, "placePrefixes")),
    connectors: new Set(stringList(v, "connectors")),
    notNames: new Set(stringList(v, "notNames")),
    alwaysSkip: new Set(stringList(v, "alwaysSkip")),
    notEntities: new Set(stringList(v, "notEntities")),
    portfolioWords: new Set(stringList(v, "portfolioWords")),
  }));
  return cached;
}
