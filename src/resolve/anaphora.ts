// Pronouns and descriptions: "he" -> the person last named; "the country" -> the country the article is about;
// "the operation" / "an operation" -> the article's named operation.
import type { Article, Sentence, Span } from "../types.js";
import { isParsed } from "../nlp/parse/index.js";
import type { RefIndex } from "./refs.js";
import type { RoleFact, UnresolvedRole } from "./roles.js";
import { lexicon } from "../extract/lexicon.js";
import { wordClass } from "../data/word-classes.js";

const PERSONAL = wordClass("personal-pronouns");
const DESCRIPTION_HEADS = new Map<string, "country" | "event" | "exercise">([
  ...[...wordClass("country-description-heads")].map((w) => [w, "country"] as const),
  ...[...wordClass("event-description-heads")].map((w) => [w, "event"] as const),
  ...[...wordClass("exercise-description-heads")].map((w) => [w, "exercise"] as const),
]);
const DETERMINERS = wordClass("nominal-determiners");
const PREPOSITIONS = wordClass("object-prepositions");
/** Words a description may put between its determiner and head noun. */
const MAX_DESCRIPTION_MODIFIERS = 4;
/** Paragraphs a pronoun may look back for its person. */
const PRONOUN_REACH = 3;

/**
 * Resolves pronouns and descriptions to the person last seen as a subject (not inside "by X", "of X"), which
 * in news is who the story is about; roles no earlier name carries ("the chancellor said") go the same way.
 */
export function resolveAnaphora(article: Article, refs: RefIndex, unresolved: readonly UnresolvedRole[] = [], quoted: readonly Span[] = []): RoleFact[] {
  const facts: RoleFact[] = [];
  // every word of every role title ("shadow", "chancellor"), to step over "by shadow chancellor X"
  const { roleWords, honorifics } = lexicon();
  const mentionCount = (id: string) => refs.entityById.get(id)?.mentions.length ?? 0;
  const topOf = (kind: string, head?: string): string | undefined => {
    let best: string | undefined;
    for (const e of refs.entityById.values()) {
      if (e.kind !== kind) continue;
      if (head && kind === "event" && ![...e.names.keys()].some((n) => n.toLowerCase().includes(head)) && head !== "operation") continue;
      if (!best || mentionCount(e.id) > mentionCount(best)) best = e.id;
    }
    return best;
  };
  const gender = genders(refs);
  // the last person and the last subject person of each gender ("m", "f", "?")
  let lastPerson: { id: string; paragraph: number } | undefined;
  let lastSubject: { id: string; paragraph: number } | undefined;
  const lastSubjectBy = new Map<string, { id: string; paragraph: number }>();
  const pending = [...unresolved].sort((a, b) => a.ref.start - b.ref.start);
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    const near = (p?: { id: string; paragraph: number }) => (p && s.paragraph - p.paragraph <= PRONOUN_REACH ? p.id : undefined);
    for (let i = 0; i < words.length; i++) {
      while (pending[0] && pending[0].ref.sentence === si && pending[0].ref.from === i) {
        const n = pending.shift() as UnresolvedRole;
        const id = near(lastSubject) ?? near(lastPerson);
        if (!id || n.ref.how !== "role") continue;
        // a guess by salience names the speaker but is too weak to state an affiliation
        refs.add({ ...n.ref, entity: id, kind: "person" });
      }
      // people named inside a quotation are talked about, not talking: they never become "he" or "she"
      const named = refs.bySentence[si]?.find((r) => r.from === i && r.kind === "person");
      const insideQuote = named !== undefined && quoted.some((q) => q.start <= named.start && named.start < q.end);
      if (named && !insideQuote) {
        lastPerson = { id: named.entity, paragraph: s.paragraph };
        let k = i - 1;
        while (k >= 0 && (roleWords.has(words[k] ?? "") || honorifics.has(words[k] ?? "") || words[k] === ".")) k--;
        const possessive = /^['’]s$/.test(words[named.to] ?? "");
        if (!PREPOSITIONS.has(words[k] ?? "") && !possessive && subjectInTree(s, named.from, named.to)) {
          lastSubject = { id: named.entity, paragraph: s.paragraph };
          lastSubjectBy.set(gender.get(named.entity) ?? "?", lastSubject);
        }
      }
      const w = words[i] ?? "";
      if (PERSONAL.has(w)) {
        // "she" never goes to a man: the latest subject of her gender or of unknown gender
        const g = w === "she" ? "f" : "m";
        const a = lastSubjectBy.get(g);
        const b = lastSubjectBy.get("?");
        const same = a && b ? (a.paragraph > b.paragraph || (a.paragraph === b.paragraph && lastSubject?.id === a.id) ? a : b) : a ?? b;
        const other = g === "f" ? "m" : "f";
        const fits = (p?: { id: string; paragraph: number }) => (p && gender.get(p.id) !== other ? near(p) : undefined);
        const id = near(same) ?? fits(lastSubject) ?? fits(lastPerson);
        if (id) refs.add({ sentence: si, from: i, to: i + 1, start: s.tokens[i]?.start ?? s.start, entity: id, kind: "person", nested: false, how: "pronoun" });
        continue;
      }
      if (!DETERMINERS.has(w)) continue;
      // "the new counterterrorism operation", "the annual joint military training exercise": lower-case modifiers
      // (up to four) between determiner and head
      for (let j = i + 1; j <= i + 1 + MAX_DESCRIPTION_MODIFIERS && j < words.length; j++) {
        const kind = DESCRIPTION_HEADS.get(words[j] ?? "");
        if (!kind) {
          // past the first two words, only plain modifiers: no name, verb or second determiner
          const t = s.tokens[j];
          if (j > i + 2 && (!/^[\p{Ll}\d-]+$/u.test(t?.text ?? "") || DETERMINERS.has(words[j] ?? "") || t?.upos === "VERB" || t?.upos === "AUX")) break;
          continue;
        }
        if (j > i + 3 && s.tokens.slice(i + 1, j).some((t) => !/^[\p{Ll}\d-]+$/u.test(t.text) || t.upos === "VERB" || t.upos === "AUX" || DETERMINERS.has(t.text))) break;
        if (refs.at(si, j)) break;
        if (kind === "event" && /^\p{Lu}/u.test(s.tokens[j]?.text ?? "")) break;
        const id = topOf(kind, words[j]);
        if (id) refs.add({ sentence: si, from: i, to: j + 1, start: s.tokens[i]?.start ?? s.start, entity: id, kind, nested: false, how: "nominal" });
        break;
      }
    }
  });
  return facts;
}

/**
 * Whether the name at tokens [from, to) may be a clause's subject, where the sentence is parsed: "Mr. Obama said,
 * not even needing to mention the author of that boast, Muhammad Ali, who died ..." makes Obama, not Ali, the one a
 * later "he said" continues. Unparsed sentences say nothing against it.
 */
function subjectInTree(s: Sentence, from: number, to: number): boolean {
  if (!isParsed(s)) return true;
  let head = to - 1;
  for (let k = from; k < to; k++) {
    const h = s.tokens[k]?.head ?? -1;
    if (h < from || h >= to) { head = k; break; }
  }
  const t = s.tokens[head];
  const up = t?.head !== undefined && t.head >= 0 ? s.tokens[t.head] : undefined;
  const isSubject = (d: string | undefined) => d !== undefined && (d.startsWith("nsubj") || d.startsWith("csubj"));
  const subjectNode = isSubject(t?.deprel) ? t : ["appos", "flat", "compound", "conj"].includes(t?.deprel ?? "") && isSubject(up?.deprel) ? up : undefined;
  if (subjectNode) return !reportedClause(s, subjectNode.head ?? -1);
  // a name before the sentence's first verb, not after a preposition, is the subject the parser may have missed
  // ("on Tuesday Mr Ebbers denied"); after it, an object or an aside
  const verb = s.tokens.findIndex((x) => x.upos === "VERB" || x.upos === "AUX");
  return verb < 0 || verb >= to;
}

/**
 * Whether verb `v` heads a clause someone reports ("Machado claimed that Gonzalez received 70%"): its subject is
 * what the story reports, while the one reporting stays who a later "she" means.
 */
function reportedClause(s: Sentence, v: number): boolean {
  const t = s.tokens[v];
  const up = t?.head !== undefined && t.head >= 0 ? s.tokens[t.head] : undefined;
  return t?.deprel === "ccomp" && up !== undefined && lexicon().verbs.get(up.text.toLowerCase())?.speech === true;
}

const FEMALE_TITLES = wordClass("female-titles");
const MALE_TITLES = wordClass("male-titles");

/** Gender of each person where titles or the first name tell it: "m", "f", or absent. */
function genders(refs: RefIndex): Map<string, string> {
  const lex = lexicon();
  const out = new Map<string, string>();
  for (const e of refs.entityById.values()) {
    if (e.kind !== "person") continue;
    const words = [...e.titles, ...e.aliases].flatMap((a) => a.toLowerCase().split(/[\s.]+/));
    if (words.some((w) => FEMALE_TITLES.has(w))) out.set(e.id, "f");
    else if (words.some((w) => MALE_TITLES.has(w))) out.set(e.id, "m");
    else {
      const first = [...e.names.keys()].map((n) => n.split(/\s+/)[0]?.toLowerCase() ?? "").find((f) => lex.femaleNames.has(f) || lex.maleNames.has(f));
      if (first) out.set(e.id, lex.femaleNames.has(first) ? "f" : "m");
    }
  }
  return out;
}
