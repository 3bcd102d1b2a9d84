// Relations that follow from two others stated in the same sentence. Only where the text itself ties them:
// "X arrived in Muscat, Oman's capital" states both the visit and where Muscat is, so it states a visit to Oman.
import type { EntityKind } from "../types.js";
import type { Fact } from "./verbs.js";

/**
 * A visit to a place that the same sentence places in a country (or region) is a visit there too:
 * visited(X, P) and located_in(P, C) in one sentence give visited(X, C).
 */
export function derivedFacts(facts: readonly Fact[], kindOf: (entity: string) => EntityKind | undefined): Fact[] {
  const out: Fact[] = [];
  const within = new Map<string, string[]>();
  for (const f of facts) {
    if (f.relation !== "located_in") continue;
    const key = `${f.sentence}|${f.source}`;
    within.set(key, [...(within.get(key) ?? []), f.target]);
  }
  for (const f of facts) {
    if (f.relation !== "visited") continue;
    for (const wider of within.get(`${f.sentence}|${f.target}`) ?? []) {
      if (wider === f.source || kindOf(wider) !== "country") continue;
      out.push({ sentence: f.sentence, source: f.source, target: wider, relation: "visited", cameo: f.cameo ?? "042", rule: `derived:visit-within:${f.rule}` });
    }
  }
  return out;
}
