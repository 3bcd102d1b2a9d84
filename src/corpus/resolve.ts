// Cross-article resolution: after every article is extracted and before the graph is written, entities that
// different articles (or the same one) name differently but that are one real thing are joined, each join with
// its reason. Rules:
//   surname   a one-word person ("Goldsmith", "Mr Goldsmith") joins the one full-name person of the corpus with
//             that surname, when exactly one exists ("Peter Goldsmith"); two ("Tony Blair", "Cherie Blair") and
//             the surname stays apart. An article that names a different full name with that surname never
//             leaves a bare surname (in-article resolution joined it there), so nothing in it contradicts.
//   acronym   an acronym joins its expansion when any article defines it ("UK Independence Party (UKIP)").
//   plural    a body's singular and plural names join ("Liberal Democrat", "Liberal Democrats").
//   country   a body's name after its country's name joins the same name without it ("US Treasury Department",
//             "Treasury Department") when only one country's body goes by that name.
// Input is sorted by article id, and every rule counts over the whole corpus, so the result does not depend on
// the order articles arrive in.
import type { ArticleExtraction, DocEntity } from "../types.js";
import { lexicon } from "../extract/lexicon.js";
import { acronymMatches, nameTokens, plainKey } from "../resolve/keys.js";

/** Two merge keys (see graph/merge.ts) that name one entity, and why. */
export interface CorpusJoin {
  a: string;
  b: string;
  reason: string;
}

const ACRONYM_RE = /^\p{Lu}[\p{Lu}\d&]{1,7}$/u;

/** The joins cross-article resolution makes; `keyOf(e)` is an entity's merge key before them. */
export function corpusJoins(sorted: readonly ArticleExtraction[], keyOf: (doc: number, ent: number) => string): CorpusJoin[] {
  const joins: CorpusJoin[] = [];
  const fullBySurname = new Map<string, Map<string, string>>(); // surname -> key -> label
  const bare = new Map<string, { key: string; label: string }[]>(); // surname -> one-word person entities
  const orgs = new Map<string, string>(); // key -> name
  const acronyms = new Map<string, Map<string, { name: string; doc: string }>>(); // acronym -> expansion key -> where defined
  const countries = new Set([...lexicon().countries.keys()]);
  sorted.forEach((x, xi) => x.entities.forEach((e, ei) => {
    const key = keyOf(xi, ei);
    if (e.kind === "person") {
      const t = nameTokens(e.name);
      if (t.length > 1) {
        const m = fullBySurname.get(t[t.length - 1]!) ?? new Map<string, string>();
        m.set(key, e.name);
        fullBySurname.set(t[t.length - 1]!, m);
      } else if (t.length === 1) {
        const list = bare.get(t[0]!) ?? [];
        list.push({ key, label: e.name });
        bare.set(t[0]!, list);
      }
    }
    if (e.kind === "organization") {
      orgs.set(key, e.name);
      for (const acr of definedAcronyms(e)) {
        const m = acronyms.get(acr) ?? new Map<string, { name: string; doc: string }>();
        if (!m.has(key)) m.set(key, { name: e.name, doc: x.article.id });
        acronyms.set(acr, m);
      }
    }
  }));

  for (const [surname, list] of [...bare].sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
    const full = fullBySurname.get(surname);
    if (!full || new Set(full.values()).size !== 1) continue;
    const [fullKey, fullName] = [...full].sort()[0]!;
    for (const b of list) joins.push({ a: b.key, b: fullKey, reason: `surname: "${b.label}" is the surname of "${fullName}", the one full-name person with it in the corpus` });
  }
  const orgKeyByName = new Map<string, string>();
  for (const [key, name] of [...orgs].sort((p, q) => (p[0] < q[0] ? -1 : 1))) if (!orgKeyByName.has(plainKey(name))) orgKeyByName.set(plainKey(name), key);
  for (const [acr, defs] of [...acronyms].sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
    if (defs.size !== 1) continue; // two bodies share the letters: leave the bare acronym alone
    const [expKey, def] = [...defs][0]!;
    const acrKey = orgKeyByName.get(plainKey(acr));
    if (acrKey && acrKey !== expKey) joins.push({ a: acrKey, b: expKey, reason: `acronym: "${acr}" is defined as "${def.name}" in ${def.doc}` });
  }
  // singular and plural; a country's name before a body's name
  const byStem = new Map<string, string[]>();
  const byBody = new Map<string, string[]>();
  for (const [key, name] of [...orgs].sort((p, q) => (p[0] < q[0] ? -1 : 1))) {
    const stem = plainKey(name.replace(/s$/, ""));
    byStem.set(stem, [...(byStem.get(stem) ?? []), key]);
    const words = name.split(/\s+/);
    if (words.length > 2 && countries.has(words[0]!.toLowerCase())) {
      const rest = plainKey(words.slice(1).join(" "));
      byBody.set(rest, [...(byBody.get(rest) ?? []), key]);
    }
  }
  for (const keys of byStem.values()) {
    const names = new Set(keys.map((k) => orgs.get(k)!));
    if (names.size < 2) continue;
    const [first, ...rest] = keys;
    for (const k of rest) if (orgs.get(k) !== orgs.get(first!)) joins.push({ a: k, b: first!, reason: `plural: "${orgs.get(k)}" and "${orgs.get(first!)}" are one name, singular and plural` });
  }
  for (const [rest, keys] of byBody) {
    const bodyKey = orgKeyByName.get(rest);
    if (!bodyKey || new Set(keys.map((k) => orgs.get(k)!.split(/\s+/)[0]!.toLowerCase())).size !== 1) continue;
    for (const k of keys) joins.push({ a: bodyKey, b: k, reason: `country: "${orgs.get(bodyKey)}" is "${orgs.get(k)}" without its country, the only body of that name` });
  }
  return joins;
}

/** Acronyms an entity's own aliases define: "UKIP" beside "UK Independence Party". */
function definedAcronyms(e: DocEntity): string[] {
  const out: string[] = [];
  for (const a of e.aliases) if (ACRONYM_RE.test(a) && e.aliases.some((b) => b !== a && acronymMatches(a, b))) out.push(a);
  return out;
}
