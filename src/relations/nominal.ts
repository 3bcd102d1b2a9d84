// Relations stated by the shape of names next to each other, which news writes without a verb:
// "Peshawar, Khyber Pakhtunkhwa" and "Ashgabat, capital of Turkmenistan" (located_in), "Iran's Quds Force" and
// "the U.S. Department of the Treasury" (part_of the state), "the Treasury Office of Foreign Assets Control"
// (a unit part_of the body before it). The place gazetteer confirms containment where the text only juxtaposes.
import type { Article, Relation, Sentence } from "../types.js";
import type { Ref, RefIndex } from "../resolve/refs.js";
import { placeGazetteer, placeKey } from "../data/places.js";
import { wordClass } from "../data/word-classes.js";
import { lexicon } from "../extract/lexicon.js";
import type { Fact } from "./verbs.js";
import { listAt } from "./frames.js";

const CAPITALS = wordClass("capital-nouns");
const GOVERNMENT = wordClass("government-bodies");
const SUB_BODIES = wordClass("sub-body-heads");
const COMPASS = wordClass("compass-adjectives");
const PLACE_NOUNS = wordClass("place-nouns");
const POSSESSIVE = wordClass("possessive-markers");
const BUSINESS = wordClass("business-nouns");
const BACKING = wordClass("backing-suffixes");
const ARTICLES = wordClass("articles");
const FACILITY = wordClass("facility-heads");
const DELEGATIONS = wordClass("delegation-nouns");
const LEADING = wordClass("leading-participles");
const MEMBER_NOUNS = wordClass("member-nouns");
const MEMBER_KINDS = wordClass("member-kind-nouns");
const OFFICIAL_GROUPS = wordClass("official-group-nouns");
const LISTING_VERBS = wordClass("listing-verbs");
const DESCRIPTION_OPENERS = wordClass("apposition-description-openers");
const RELATIVE_IS = wordClass("relative-pronouns");
const BE = wordClass("be-forms");

interface Ctx {
  article: Article;
  refs: RefIndex;
}

function nameOf(ctx: Ctx, r: Ref): string {
  const e = ctx.refs.entityById.get(r.entity);
  return e ? ([...e.names.keys()][0] ?? "") : "";
}

/** Whether the gazetteer puts place `inner` inside `outer` (its region or country). */
function contains(ctx: Ctx, outer: Ref, inner: Ref): boolean {
  const entry = placeGazetteer().get(placeKey(nameOf(ctx, inner)));
  if (!entry) return false;
  const o = placeKey(nameOf(ctx, outer));
  return placeKey(entry.country) === o || (entry.region !== undefined && placeKey(entry.region) === o);
}

function isRegionOrCountry(ctx: Ctx, r: Ref): boolean {
  return r.kind === "country" || placeGazetteer().get(placeKey(nameOf(ctx, r)))?.kind === "region";
}

/** The next ref starting at or after token k (skipping "the"). */
function refFrom(ctx: Ctx, si: number, k: number, words: readonly string[]): Ref | undefined {
  return ctx.refs.startingAt(si, words[k] === "the" ? k + 1 : k);
}

/** "P1, P2", "P1, (the) capital of P2", "P1 (region) in (southern) P2": P1 located_in P2. */
function placeFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const p1 of ctx.refs.bySentence[si] ?? []) {
    if (p1.nested || (p1.kind !== "place" && p1.how !== "name")) continue;
    if (p1.kind !== "place") continue;
    let k = p1.to;
    let rule = "";
    let p2: Ref | undefined;
    if (words[k] === ",") {
      let m = k + 1;
      if (words[m] === "the") m++;
      if (CAPITALS.has(words[m] ?? "") && words[m + 1] === "of") {
        p2 = refFrom(ctx, si, m + 2, words);
        rule = "nominal:capital-of";
      } else {
        p2 = ctx.refs.startingAt(si, k + 1);
        // "Joint Staff Headquarters, Rawalpindi": a facility lies in the town named after it
        const facility = FACILITY.has(nameOf(ctx, p1).toLowerCase().split(/\s+/).at(-1) ?? "");
        // a list ("Kabul, Kandahar and Herat") is no containment unless the gazetteer says so
        if (p2 && !(isRegionOrCountry(ctx, p2) || contains(ctx, p2, p1) || (facility && p2.kind === "place"))) p2 = undefined;
        if (p2 && (words[p2.to] === "and" || words[p2.to] === "or") && !contains(ctx, p2, p1)) p2 = undefined;
        rule = "nominal:place-comma-place";
      }
    } else {
      if (PLACE_NOUNS.has(words[k] ?? "")) k++;
      if (words[k] !== "in") continue;
      let m = k + 1;
      if (words[m] === "the") m++;
      if (COMPASS.has(words[m] ?? "")) m++;
      p2 = ctx.refs.startingAt(si, m);
      if (p2 && !(isRegionOrCountry(ctx, p2) || contains(ctx, p2, p1))) p2 = undefined;
      rule = "nominal:place-in-place";
    }
    if (p2 && p2.entity !== p1.entity && (p2.kind === "place" || p2.kind === "country")) {
      out.push({ sentence: si, source: p1.entity, target: p2.entity, relation: "located_in", rule });
    }
  }
  ownedPlaceFacts(ctx, si, s, words, out);
}

/**
 * "Anbar's Rutba", "Lake Hamrin of Diyala", "the northern Rakhine state of Myanmar", "the Chinese capital Beijing":
 * a place owned by, or said to be of, a larger place lies in it.
 */
function ownedPlaceFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const p1 of ctx.refs.bySentence[si] ?? []) {
    if (p1.nested || p1.kind !== "place") continue;
    let outer: Ref | undefined;
    let rule = "";
    // "Anbar's Rutba", "Barcelona's central Plaza Catalunya" (an adjective or two between)
    const before = p1.from - adjectivesBefore(s, p1.from);
    if (POSSESSIVE.has(words[before - 1] ?? "")) {
      const owner = ctx.refs.endingAt(si, before - 1);
      if (owner && (owner.kind === "place" || owner.kind === "country")) [outer, rule] = [owner, "nominal:place-possessor"];
    }
    // "Lake Hamrin of Diyala", "Rakhine state of Myanmar"
    let k = p1.to;
    const named = PLACE_NOUNS.has(words[k] ?? "");
    if (named) k++;
    if (!outer && words[k] === "of") {
      const o = refFrom(ctx, si, k + 1, words);
      // "the Hawija district of Kirkuk" states it; a bare "X of Y" needs the gazetteer's word
      // ("Lake Tharthar of Anbar province": the place noun may follow the larger place)
      const namedAfter = o !== undefined && PLACE_NOUNS.has(words[o.to] ?? "");
      if (o && (o.kind === "country" || o.kind === "place") && (named || namedAfter || isRegionOrCountry(ctx, o) || contains(ctx, o, p1))) [outer, rule] = [o, "nominal:place-of-place"];
    }
    // "Oman's capital, Muscat", "Oman's capital Muscat"
    const c = words[p1.from - 1] === "," ? p1.from - 2 : p1.from - 1;
    if (!outer && CAPITALS.has(words[c] ?? "") && POSSESSIVE.has(words[c - 1] ?? "")) {
      const owner = ctx.refs.endingAt(si, c - 1);
      if (owner && (owner.kind === "country" || owner.kind === "place")) [outer, rule] = [owner, "nominal:possessor-capital"];
    }
    // "the Chinese capital Beijing"
    if (!outer && CAPITALS.has(words[p1.from - 1] ?? "")) {
      const c = ctx.refs.countryNamedBy(s.tokens[p1.from - 2]?.text ?? "");
      if (c && c !== p1.entity) {
        out.push({ sentence: si, source: p1.entity, target: c, relation: "located_in", rule: "nominal:demonym-capital" });
        continue;
      }
    }
    if (outer && outer.entity !== p1.entity) out.push({ sentence: si, source: p1.entity, target: outer.entity, relation: "located_in", rule });
  }
}

/**
 * How many lower-case adjectives (at most two: "central", "western") stand right before token k, as the tagger
 * reads them: "Israel's war in Gaza" has none, so Gaza is not Israel's.
 */
function adjectivesBefore(s: Sentence, k: number): number {
  let n = 0;
  while (n < 2 && s.tokens[k - n - 1]?.upos === "ADJ" && /^\p{Ll}[\p{Ll}-]*$/u.test(s.tokens[k - n - 1]?.text ?? "")) n++;
  return n;
}

/**
 * A state body's name: its head is a government noun ("Quds Force"), or one comes before "of" or "for" ("Ministry of
 * Foreign Affairs", "State Committee for National Security").
 */
function isStateBody(label: string): boolean {
  const name = label.toLowerCase().split(/\s+/);
  return GOVERNMENT.has(name.at(-1) ?? "") || GOVERNMENT.has(name.slice(-2).join(" ")) || name.some((w, i) => GOVERNMENT.has(w) && (name[i + 1] === "of" || name[i + 1] === "for"));
}

/**
 * The organization of the article that the first word of `label` names ("UN" in "UN Security Council", by the
 * organization's own name or alias, or by the well-known form the organization list gives), when the rest of the
 * label is a body's name.
 */
function parentNamedFirst(ctx: Ctx, self: string, label: string): string | undefined {
  const [first, ...rest] = label.split(/\s+/);
  if (!first || rest.length === 0 || (!isStateBody(rest.join(" ")) && !SUB_BODIES.has(rest[0]!.toLowerCase()))) return undefined;
  const canonical = lexicon().orgExact.get(first) ?? lexicon().orgs.get(first.toLowerCase());
  for (const e of ctx.refs.entityById.values()) {
    if (e.id === self || e.kind !== "organization" || e.mentions.length === 0) continue;
    const forms = [...e.names.keys(), ...e.aliases];
    if (forms.some((f) => f === first || (canonical !== undefined && f === canonical))) return e.id;
  }
  return undefined;
}

/**
 * "the UN Security Council", "the AU Commission": a body whose name begins with another body's name is part of it.
 * Read from the name wherever it stands, also inside a longer name ("UN Security Council Resolution 2216").
 */
function bodyOfBodyFacts(ctx: Ctx, out: Fact[]): void {
  ctx.refs.bySentence.forEach((list, si) => {
    for (const o of list) {
      if (o.kind !== "organization" || o.how !== "name") continue;
      const owner = parentNamedFirst(ctx, o.entity, nameOf(ctx, o));
      if (owner) out.push({ sentence: si, source: o.entity, target: owner, relation: "part_of", rule: "nominal:body-of-body" });
    }
  });
}

/** "Iran's Quds Force", "Iraqi federal police", "the U.S. Department of the Treasury": a state body part_of its state. */
function bodyFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const o of ctx.refs.bySentence[si] ?? []) {
    if (o.kind !== "organization" || o.nested || o.how !== "name") continue;
    const state = isStateBody(nameOf(ctx, o));
    let country: string | undefined;
    let rule = "";
    if (state) {
      const owner = POSSESSIVE.has(words[o.from - 1] ?? "") ? ctx.refs.endingAt(si, o.from - 1) : undefined;
      if (owner?.kind === "country") [country, rule] = [owner.entity, "nominal:state-possessor"];
      // the country word at the front of the name, or just before it ("Iraqi federal police")
      const front = ctx.refs.countryNamedBy(s.tokens[o.from]?.text ?? "") ?? ctx.refs.countryNamedBy(words[o.from - 1] ?? "");
      if (!country && front && front !== o.entity) [country, rule] = [front, "nominal:state-name"];
    }
    if (country) out.push({ sentence: si, source: o.entity, target: country, relation: "part_of" as Relation, rule });
    // "the Treasury Office of Foreign Assets Control": a unit named right after its parent body
    const parent = ctx.refs.endingAt(si, o.from);
    if (parent && parent.kind === "organization" && parent.entity !== o.entity && SUB_BODIES.has(words[o.from] ?? "")) {
      out.push({ sentence: si, source: o.entity, target: parent.entity, relation: "part_of", rule: "nominal:unit-of-body" });
    }
  }
}

/**
 * "British oil major BP", "The U.S.' second-largest energy company Chevron", "Britain's BG Group", "Yemen's
 * Houthis": a body that is no state body, with its country before it, is based there. Through describing words
 * only when the last of them is a business noun (so "Russian President X's party" says nothing of the party).
 */
function homeFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const o of ctx.refs.bySentence[si] ?? []) {
    if (o.kind !== "organization" || o.nested || o.how !== "name") continue;
    if (isStateBody(nameOf(ctx, o))) continue;
    let k = o.from - 1;
    // "Switzerland's biggest bank, UBS": the description may stand in apposition before the name
    if (words[k] === "," && BUSINESS.has(words[k - 1] ?? "")) k--;
    const described = BUSINESS.has(words[k] ?? "");
    // over the describing words: "oil and natural gas exploration and production firm"
    if (described) while (k > 0 && o.from - k < 10 && /^[\p{Ll}\d-]+$/u.test(s.tokens[k]?.text ?? "") && !ARTICLES.has(words[k] ?? "")) k--;
    if (!described && !POSSESSIVE.has(words[k] ?? "")) continue;
    const possessed = POSSESSIVE.has(words[k] ?? "") || words[k] === "'" || words[k] === "’";
    if (possessed) k--;
    const ref = ctx.refs.at(si, k);
    // "Lufthansa's low-cost airline Eurowings": a company described as a body's own is part of it
    if (possessed && described && ref?.kind === "organization" && ref.entity !== o.entity) {
      out.push({ sentence: si, source: o.entity, target: ref.entity, relation: "part_of", rule: "nominal:owned-company" });
      continue;
    }
    const country = ref?.kind === "country" ? ref.entity : ctx.refs.countryNamedBy(s.tokens[k]?.text ?? "");
    if (country && country !== o.entity) out.push({ sentence: si, source: o.entity, target: country, relation: "based_in", rule: "nominal:home-country" });
  }
}

/**
 * "Sun Hung Kai Properties, a Hong Kong construction firm", "X, the Japanese carmaker": a company described after
 * its name by its country or town and a business noun is based there.
 */
function appositiveHomeFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const o of ctx.refs.bySentence[si] ?? []) {
    if (o.kind !== "organization" || o.nested || o.how !== "name" || words[o.to] !== ",") continue;
    // "X, the Japanese carmaker", "X, the largest Japanese carmaker", "X, which is among the top four US steelmakers":
    // a few lower-case words may come before the country
    let k = o.to + 1;
    if (RELATIVE_IS.has(words[k] ?? "") && BE.has(words[k + 1] ?? "")) k += 2;
    const opened = k;
    while (k - opened < 4 && /^[\p{Ll}\d-]+$/u.test(s.tokens[k]?.text ?? "") && !ctx.refs.startingAt(si, k) && !ctx.refs.countryNamedBy(s.tokens[k]?.text ?? "")) k++;
    if (k === opened || !(ARTICLES.has(words[opened] ?? "") || DESCRIPTION_OPENERS.has(words[opened] ?? ""))) continue;
    const where = ctx.refs.startingAt(si, k);
    const home = where && (where.kind === "country" || where.kind === "place") ? where : undefined;
    const country = home?.entity ?? ctx.refs.countryNamedBy(s.tokens[k]?.text ?? "");
    if (!country || country === o.entity) continue;
    let j = home ? home.to : k + 1;
    // ("the top four US steelmakers": a plural too)
    const business = (w: string) => BUSINESS.has(w) || BUSINESS.has(w.replace(/s$/, ""));
    while (j < words.length && j - k < 6 && /^[\p{Ll}-]+$/u.test(s.tokens[j]?.text ?? "") && !business(words[j] ?? "")) j++;
    if (business(words[j] ?? "")) out.push({ sentence: si, source: o.entity, target: country, relation: "based_in", rule: "nominal:apposition-home" });
  }
}

/** "the Iran-backed Houthis", "a Quds Force-backed facilitator": the backer supports the body named next. */
function backingFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  s.tokens.forEach((t, k) => {
    const m = /^(.+)-(\p{L}+)$/u.exec(t.text);
    if (!m || !BACKING.has((m[2] ?? "").toLowerCase())) return;
    const prefix = m[1] ?? "";
    // the backer: a name the mention finder found in the hyphenated word, the name just before it, or a country word
    const inside = (ctx.refs.bySentence[si] ?? []).find((r) => r.from <= k && k < r.to && (r.kind === "country" || r.kind === "organization"));
    const before = ctx.refs.endingAt(si, k) ?? undefined;
    const backer = inside?.entity ?? (before && before.to === k && s.tokens[k - 1]?.end === t.start ? before.entity : undefined) ?? ctx.refs.countryNamedBy(prefix);
    let j = k + 1;
    while (j < s.tokens.length && j - k <= 3 && !ctx.refs.startingAt(si, j) && /^\p{Ll}/u.test(s.tokens[j]?.text ?? "")) j++;
    const backed = ctx.refs.startingAt(si, j);
    if (backer && backed && backed.entity !== backer && (backed.kind === "organization" || backed.kind === "person" || backed.kind === "country")) {
      out.push({ sentence: si, source: backer, target: backed.entity, relation: "supports", rule: "nominal:x-backed" });
    }
  });
}

/**
 * "An Iranian delegation headed by Foreign Minister X", "a senior U.S. delegation led by Secretary of State Y": the
 * head of a delegation represents the country named before it (a body's delegation: its member).
 */
function delegationFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  const lex = lexicon();
  words.forEach((w, k) => {
    if (!DELEGATIONS.has(w) || !LEADING.has(words[k + 1] ?? "") || words[k + 2] !== "by") return;
    let j = k + 3;
    // past the titles to the name: "Secretary of State", "Foreign Minister", "Mawlawi"
    while (j < words.length && j - k < 10 && !ctx.refs.startingAt(si, j) && (lex.roleWords.has(words[j] ?? "") || lex.honorifics.has(words[j] ?? "") || words[j] === "of" || words[j] === "state" || /^\p{Lu}/u.test(s.tokens[j]?.text ?? ""))) j++;
    const head = ctx.refs.startingAt(si, j);
    if (head?.kind !== "person") return;
    for (let b = k - 1; b >= 0 && k - b <= 4; b--) {
      const owner = ctx.refs.at(si, b);
      const country = owner?.kind === "country" ? owner.entity : ctx.refs.countryNamedBy(s.tokens[b]?.text ?? "");
      if (country) return void out.push({ sentence: si, source: head.entity, target: country, relation: "represents", rule: "nominal:delegation-head" });
      if (owner?.kind === "organization") return void out.push({ sentence: si, source: head.entity, target: owner.entity, relation: "member_of", rule: "nominal:delegation-head" });
      if (!/^\p{Ll}/u.test(s.tokens[b]?.text ?? "") || ARTICLES.has(words[b] ?? "")) return;
    }
  });
}

/**
 * "the ECOWAS member states of Ghana, Togo and Benin", "NATO members Poland and
 * Hungary", "EU member countries France and Germany": each listed country or body is a member of the body before.
 */
function memberFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (const body of ctx.refs.bySentence[si] ?? []) {
    if (body.nested || body.kind !== "organization") continue;
    let k = body.to;
    // the body's acronym in brackets after its name
    if (words[k] === "(" && words[k + 2] === ")") k += 3;
    if (!MEMBER_NOUNS.has(words[k] ?? "")) continue;
    k++;
    if (MEMBER_KINDS.has(words[k] ?? "")) k++;
    if (words[k] === "of" || words[k] === "," || words[k] === ":") k++;
    for (const m of listAt(ctx.refs, s, si, k)) {
      if ((m.kind === "country" || m.kind === "organization") && m.entity !== body.entity) out.push({ sentence: si, source: m.entity, target: body.entity, relation: "member_of", rule: "nominal:body-members" });
    }
  }
}

/**
 * "Philippine officials present were Executive Secretary A, Finance Secretary B and ...", "Pakistan's delegation
 * included A and B": each person listed after a country's officials (or delegation) and "were"/"included"
 * represents that country.
 */
function officialsListFacts(ctx: Ctx, si: number, s: Sentence, words: readonly string[], out: Fact[]): void {
  for (let i = 1; i < words.length; i++) {
    if (!OFFICIAL_GROUPS.has(words[i] ?? "")) continue;
    const owner = POSSESSIVE.has(words[i - 1] ?? "") ? ctx.refs.endingAt(si, i - 1) : undefined;
    const country = owner?.kind === "country" ? owner.entity : ctx.refs.countryNamedBy(s.tokens[i - 1]?.text ?? "");
    if (!country) continue;
    // "officials present were", "delegation included": the listing verb within two words
    const v = [i + 1, i + 2].find((k) => LISTING_VERBS.has(words[k] ?? ""));
    if (v === undefined) continue;
    const people = (ctx.refs.bySentence[si] ?? []).filter((r) => !r.nested && r.kind === "person" && r.from > v);
    for (let p = 0; p < people.length; p++) {
      // each next name follows a comma or "and" (titles between allowed); anything else ends the list
      const gap = p === 0 ? words.slice(v + 1, people[0]!.from) : words.slice(people[p - 1]!.to, people[p]!.from);
      if (p > 0 && !gap.some((w) => w === "," || w === "and")) break;
      if (gap.some((w) => w === "." || w === ";" || LISTING_VERBS.has(w))) break;
      out.push({ sentence: si, source: people[p]!.entity, target: country, relation: "represents", rule: "nominal:officials-list" });
    }
    return;
  }
}

/** Relations stated by adjacent names, sentence by sentence. */
export function nominalFacts(article: Article, refs: RefIndex): Fact[] {
  const ctx: Ctx = { article, refs };
  const out: Fact[] = [];
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    placeFacts(ctx, si, s, words, out);
    bodyFacts(ctx, si, s, words, out);
    homeFacts(ctx, si, s, words, out);
    appositiveHomeFacts(ctx, si, s, words, out);
    backingFacts(ctx, si, s, words, out);
    delegationFacts(ctx, si, s, words, out);
    memberFacts(ctx, si, s, words, out);
    officialsListFacts(ctx, si, s, words, out);
  });
  bodyOfBodyFacts(ctx, out);
  return out;
}
