// Reporting subjects no entity covers. An anaphoric one ("“…,” she said", "He continued, “…”", "“…,” the
// businessman replied", "said the 46-year-old"): coreference left the pronoun or description unlinked (a first name
// of either gender, a description no title list knows), yet it points back to someone already quoted, and
// attributeQuotes gives the quotation to the speaker of the quotation just before it. An indefinite one ("a friend
// said") or a name the tagger missed ("Black said") is someone else: the quotation does not continue the last
// speaker's, and the missed name joins the article's one person of that surname.
import type { Article, Sentence } from "../types.js";
import type { QuoteSpan } from "../extract/quotes.js";
import type { RefIndex } from "../resolve/refs.js";
import { unknownNameAt } from "./tree/speakers.js";
import { lexicon } from "../extract/lexicon.js";
import { wordClass } from "../data/word-classes.js";

const PRONOUNS = wordClass("personal-pronouns");
const PERSON_NOUNS = wordClass("person-description-heads");
const HELPERS = wordClass("attribution-helpers");
/** Lower-case modifiers a description may put between "the" and its head ("the billionaire business mogul"). */
const MAX_MODIFIERS = 3;
const AGE = /^\d+-year-old$/u;

function isReportingVerb(s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  if (!t) return false;
  const e = lexicon().verbs.get(t.text.toLowerCase());
  if (e === undefined || !(e.speech || e.relation === "said")) return false;
  return t.upos === undefined || t.upos === "VERB";
}

/** Token `k` past helpers ("he also said", "she then added"): the index of the reporting verb, or -1. */
function verbAt(s: Sentence, k: number): number {
  let v = k;
  while (v < s.tokens.length && v - k < 2 && !isReportingVerb(s, v) && HELPERS.has(s.tokens[v]?.text.toLowerCase() ?? "")) v++;
  return isReportingVerb(s, v) ? v : -1;
}

/** The end (exclusive) of an anaphoric subject starting at `k` ("he", "the judge", "the 43-year-old"), or -1. */
function anaphorAt(refs: RefIndex, si: number, s: Sentence, k: number): number {
  const w = s.tokens[k]?.text.toLowerCase() ?? "";
  if (refs.at(si, k)) return -1;
  if (PRONOUNS.has(w)) return k + 1;
  if (w !== "the") return -1;
  for (let j = k + 1; j <= k + 1 + MAX_MODIFIERS && j < s.tokens.length; j++) {
    const t = s.tokens[j]!;
    if (refs.at(si, j) || !/^[\p{Ll}\d-]+$/u.test(t.text)) return -1;
    const head = t.text.toLowerCase();
    const next = s.tokens[j + 1]?.text ?? "";
    // the head is the description's last noun: "the board said", not "the board member said"
    if ((PERSON_NOUNS.has(head) || AGE.test(head)) && !/^[\p{Ll}\d-]+$/u.test(next)) return j + 1;
    if ((PERSON_NOUNS.has(head) || AGE.test(head)) && verbAt(s, j + 1) >= 0) return j + 1;
  }
  return -1;
}

/**
 * Whether quotation `q` is reported by an anaphoric subject nothing resolved: after it ("“…,” he said", "“…,” said
 * the host") or opening its sentence right before it ("She added: “…”").
 */
export function anaphoricReport(article: Article, refs: RefIndex, q: QuoteSpan): boolean {
  const si = article.sentences.findIndex((s) => s.start <= q.close && q.close < s.end + 2);
  const s = article.sentences[si];
  if (s) {
    let i = s.tokens.findIndex((t) => t.start > q.close);
    if (i >= 0 && s.tokens[i]?.text === ",") i++;
    if (i >= 0) {
      const end = anaphorAt(refs, si, s, i);
      if (end >= 0 && verbAt(s, end) >= 0) return true;
      const v = verbAt(s, i);
      if (v >= 0 && anaphorAt(refs, si, s, v + 1) >= 0) return true;
    }
  }
  const oi = q.sentence;
  const o = article.sentences[oi];
  if (!o) return false;
  const before = o.tokens.filter((t) => t.end <= q.open);
  if (before.length < 2 || before.length > 5) return false;
  const end = anaphorAt(refs, oi, o, 0);
  if (end < 0) return false;
  const v = verbAt(o, end);
  const last = before.at(-1)?.text ?? "";
  return v >= 0 && v >= before.length - 2 && (last === "," || last === ":" || v === before.length - 1);
}

const OTHER_DETERMINERS = wordClass("new-speaker-determiners");

/** A description opening at `k` that brings in a speaker of its own ("a friend", "one person", "the board"): its end, or -1. */
function otherSubjectAt(refs: RefIndex, si: number, s: Sentence, k: number, inverted = false): number {
  const w = s.tokens[k]?.text.toLowerCase() ?? "";
  if (!OTHER_DETERMINERS.has(w) || refs.at(si, k)) return -1;
  for (let j = k + 1; j <= k + 1 + MAX_MODIFIERS && j < s.tokens.length; j++) {
    const t = s.tokens[j]!;
    if (refs.at(si, j) || !/^[\p{Ll}\d-]+$/u.test(t.text)) return -1;
    // "“…,” a friend said"; after its verb the description runs to the clause's end: "said one voter."
    if (inverted ? !/^[\p{Ll}\d-]+$/u.test(s.tokens[j + 1]?.text ?? ".") : verbAt(s, j + 1) >= 0) return j + 1;
  }
  return -1;
}

/** The sentence holding quotation `q`'s closing mark and its first token after the mark (past a comma). */
function afterQuote(article: Article, q: QuoteSpan): { si: number; s: Sentence; i: number } | undefined {
  const si = article.sentences.findIndex((s) => s.start <= q.close && q.close < s.end + 2);
  const s = article.sentences[si];
  if (!s) return undefined;
  const i = s.tokens.findIndex((t) => t.start > q.close);
  if (i < 0) return undefined;
  return { si, s, i: s.tokens[i]?.text === "," ? i + 1 : i };
}

/**
 * Whether quotation `q` is reported by a description that names nobody yet ("“…,” a friend said", "“…,” the board
 * said", "says a narrator"): its own speaker, so it neither continues the last speaker nor splits their quotation.
 */
export function reportedByOther(article: Article, refs: RefIndex, q: QuoteSpan): boolean {
  const at = afterQuote(article, q);
  if (!at) return false;
  const { si, s, i } = at;
  if (otherSubjectAt(refs, si, s, i) >= 0) return true;
  const v = verbAt(s, i);
  return v >= 0 && otherSubjectAt(refs, si, s, v + 1, true) >= 0;
}

/** Words of an unknown name: capitalised tokens no entity covers, from `k` (at most three: "Jim Ruiz Jr"). */
function unknownNameEnd(refs: RefIndex, si: number, s: Sentence, k: number): number {
  let j = k;
  while (j < s.tokens.length && j - k < 3 && unknownNameAt(refs, si, s, j)) j++;
  return j;
}

/** The span of a name no entity covers: sentence and tokens [from, to). */
export interface UnknownName { si: number; from: number; to: number }

/**
 * The name no entity covers that reports quotation `q` right after it: "“…,” Ruiz said", "“…,” said Ruiz". The
 * tagger missed it, yet it is the speaker: the quotation is not the last speaker's.
 */
export function unknownNameAfter(article: Article, refs: RefIndex, q: QuoteSpan): UnknownName | undefined {
  const at = afterQuote(article, q);
  if (!at) return undefined;
  const { si, s, i } = at;
  const end = unknownNameEnd(refs, si, s, i);
  if (end > i && verbAt(s, end) >= 0) return { si, from: i, to: end };
  const v = verbAt(s, i);
  if (v < 0) return undefined;
  const after = unknownNameEnd(refs, si, s, v + 1);
  return after > v + 1 && !/^[\p{Ll}]/u.test(s.tokens[after]?.text ?? ".") ? { si, from: v + 1, to: after } : undefined;
}

/**
 * The one person of the article whose names end in the unknown name's last word ("Ruiz" -> Jim Ruiz); the name
 * becomes a mention of them, as the tagger should have found it.
 */
export function linkBySurname(article: Article, refs: RefIndex, name: UnknownName): string | undefined {
  const s = article.sentences[name.si];
  const first = s?.tokens[name.from];
  const lastToken = s?.tokens[name.to - 1];
  if (!s || !first || !lastToken) return undefined;
  const last = lastToken.text.toLowerCase();
  const people = [...refs.entityById.values()].filter((e) => e.kind === "person" && e.mentions.length > 0 && [...e.names.keys()].some((n) => n.toLowerCase().split(/\s+/u).at(-1) === last));
  const person = people.length === 1 ? people[0]! : undefined;
  if (!person) return undefined;
  person.mentions.push({ start: first.start, end: lastToken.end, text: article.text.slice(first.start, lastToken.end), sentence: name.si });
  refs.add({ sentence: name.si, from: name.from, to: name.to, start: first.start, entity: person.id, kind: "person", nested: false, how: "name" });
  return person.id;
}
