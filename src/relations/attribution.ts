// Who said each quotation: "“…,” he added", "“…,” said the ambassador", "X said: “…”", "X stressed that … “…”",
// a quotation split by its attribution, and a quoting paragraph that continues the previous speaker.
import { treeSpeaker, unknownNameAt } from "./tree/speakers.js";
import { anaphoricReport, linkBySurname, reportedByOther, unknownNameAfter } from "./anaphoric-speaker.js";
import type { Article, EntityKind, Sentence } from "../types.js";
import type { Ref, RefIndex } from "../resolve/refs.js";
import type { QuoteSpan } from "../extract/quotes.js";
import type { Fact } from "./verbs.js";
import type { RoleFact } from "../resolve/roles.js";
import { lexicon } from "../extract/lexicon.js";
import { wordClass } from "../data/word-classes.js";

export interface AttributedQuote {
  quote: QuoteSpan;
  speaker: string;
  rule: string;
}

const SPEAKERS = new Set<EntityKind>(["person", "organization", "country"]);
const PRAISE_WORDS = wordClass("praise-adjectives");
const PRAISED_THINGS = wordClass("praised-things");
const SAID_TARGETS = new Set<EntityKind>(["person", "country", "organization", "event", "exercise"]);

function isSpeechWord(w: string): boolean {
  const e = lexicon().verbs.get(w);
  return e !== undefined && (e.speech || e.relation === "said");
}

/** Nouns and names never report speech: "Secretary of State Antony Blinken", "the United States", "his claims". */
const NOT_VERBS = new Set(["PROPN", "NOUN"]);

/**
 * Whether token `k` of `s` is a reporting verb: a speech word used as a verb. Unparsed, a capitalised word inside
 * the sentence is taken for part of a name.
 */
function isSpeechToken(s: Sentence, k: number): boolean {
  const t = s.tokens[k];
  if (!t || !isSpeechWord(t.text.toLowerCase())) return false;
  if (t.upos !== undefined) return !NOT_VERBS.has(t.upos);
  return k === 0 || !/^\p{Lu}/u.test(t.text);
}

/**
 * The first token after quotation `q` in its paragraph, even when a "?”" ended the sentence before "Vitter
 * demanded"; but only a quotation that opens its sentence reaches into the next one ("Japan branded X an “outlaw
 * nation.” Russia insisted ...": Russia's verb is not Japan's attribution).
 */
function tokenAfter(article: Article, refs: RefIndex, q: QuoteSpan): { si: number; i: number } | undefined {
  const offset = q.close;
  const si = article.sentences.findIndex((s) => s.start <= offset && offset < s.end + 2);
  const s = article.sentences[si];
  if (!s) return undefined;
  const i = s.tokens.findIndex((t) => t.start > offset);
  if (i >= 0) return { si, i };
  // the sentence the quotation opens in (not the previous paragraph's, which ends within two characters of it)
  const opening = article.sentences[q.sentence];
  if (opening && article.text.slice(opening.start, q.open).trim() !== "") return undefined;
  const next = article.sentences[si + 1];
  if (!next || next.paragraph !== s.paragraph || next.tokens.length === 0) return undefined;
  // the next sentence attributes only when it opens with its speaker or verb ("He reaffirmed.", "Vitter demanded.");
  // "On Sunday, X told the BBC ..." starts a new story after a quotation that stood alone
  const first = next.tokens[0]!.text.toLowerCase();
  const lex = lexicon();
  const opensWithSpeaker = refs.at(si + 1, 0) !== undefined || isSpeechToken(next, 0) || lex.honorifics.has(first) || lex.roleWords.has(first);
  return opensWithSpeaker ? { si: si + 1, i: 0 } : undefined;
}

const DASHES = wordClass("dashes");
const BE = wordClass("be-forms");
const HELPERS = wordClass("attribution-helpers");
const AFTER_WINDOW = 12;
/** Tokens before a colon speaker in which "by" marks a byline: "by The Wall Street Journal's Ann Poe:". */
const BYLINE_REACH = 6;
/** Paragraphs back an unlinked "he" or "the businessman" may reach for the last speaker. */
const ANAPHOR_REACH = 2;

/**
 * The speaker named after a quotation: "“…,” he added", "“…,” said the ambassador", "“…,” Mr. Barrett said",
 * "“…,” Trump lawyer Marc Kasowitz said", "“…,” Quina Jones, 25, said", "“…” ― Steve Quinlan."
 */
function speakerAfter(article: Article, refs: RefIndex, q: QuoteSpan, quotes: readonly QuoteSpan[]): Ref | undefined {
  const at = tokenAfter(article, refs, q);
  if (!at) return undefined;
  const s = article.sentences[at.si];
  if (!s) return undefined;
  const words = s.tokens.map((t) => t.text.toLowerCase());
  let i = at.i;
  const dash = DASHES.has(words[i] ?? "");
  if (words[i] === "," || dash) i++;
  const inQuote = (k: number) => quotes.some((o) => o.open <= (s.tokens[k]?.start ?? 0) && (s.tokens[k]?.start ?? 0) <= o.close);
  // "― Steve Quinlan.": a name after a dash is the credit
  if (dash) {
    const r = refs.at(at.si, i);
    if (r && SPEAKERS.has(r.kind)) return r;
  }
  let last: Ref | undefined;
  let unnamed = false;
  const lex = lexicon();
  for (let k = i; k < words.length && k - i <= AFTER_WINDOW; k++) {
    // "Mr. Obama said": the period of a title does not end the clause
    const titleDot = words[k] === "." && lex.honorifics.has(words[k - 1] ?? "");
    if (inQuote(k) || (words[k] === "." && !titleDot) || words[k] === ";") return undefined;
    if (titleDot) continue;
    // "Rep. Gwen Moore (D-Wis.) said": step over a parenthesis
    if (words[k] === "(") {
      const close = words.indexOf(")", k);
      if (close > k && close - k <= 8) { k = close; continue; }
    }
    // past the speaker only titles and helpers may come before the verb: "Trump lawyer Marc Kasowitz said",
    // "X has also said"; "Blige sings to Clinton before asking" stops at "sings"
    const w = words[k] ?? "";
    const plain = /^\p{Ll}/u.test(s.tokens[k]?.text ?? "") && !isSpeechWord(w) && !lex.roleWords.has(w) && !HELPERS.has(w);
    if (last && plain) return undefined;
    // "“…,” a security source told Kurdistan 24": a subject no entity names; who follows the verb is its listener
    if (plain && !refs.at(at.si, k)) unnamed = true;
    if (isSpeechToken(s, k)) {
      // "“…,” Son Woo-mok, president of NSEU, said": a name the tagger missed speaks, not the body of its title
      if (last && last.kind !== "person" && unknownNameAt(refs, at.si, s, i)) return undefined;
      if (last) return last;
      if (unnamed) return undefined;
      // "said the ambassador", "said Khan", "said Rep. G.K. Butterfield"
      for (let m = k + 1; m < words.length && m - k <= 6; m++) {
        const r = refs.at(at.si, m);
        if (r && SPEAKERS.has(r.kind)) return r;
        if (words[m] === "," || inQuote(m)) break;
      }
      return undefined;
    }
    const r = refs.at(at.si, k);
    if (r && SPEAKERS.has(r.kind) && (!last || r.kind === "person" || last.kind !== "person")) last = r;
    if (r) k = r.to - 1;
  }
  return undefined;
}

function speakerBefore(article: Article, refs: RefIndex, q: QuoteSpan, quotes: readonly QuoteSpan[]): Ref | undefined {
  let si = q.sentence;
  let s = article.sentences[si];
  if (!s) return undefined;
  let end = s.tokens.findIndex((t) => t.start >= q.open);
  // a quotation opening its paragraph after "He told reporters:" at the end of the last one
  const prev = article.sentences[si - 1];
  if (end === 0 && prev && prev.paragraph === s.paragraph - 1 && prev.tokens[prev.tokens.length - 1]?.text === ":") {
    si -= 1;
    s = prev;
    end = s.tokens.length - 1;
  }
  const words = s.tokens.map((t) => t.text.toLowerCase());
  if (end < 0) end = s.tokens.length;
  const insideOther = (i: number) => quotes.some((o) => o !== q && o.open <= (s.tokens[i]?.start ?? 0) && (s.tokens[i]?.start ?? 0) <= o.close);
  // The reporting verb of the sentence is its first one with a speaker before it: "Khan stressed that ... “…”".
  for (let v = 0; v < end; v++) {
    if (insideOther(v)) continue;
    const w = words[v] ?? "";
    if (w === "according" && words[v + 1] === "to") {
      const r = refs.at(si, v + 2) ?? refs.at(si, v + 3);
      if (r && SPEAKERS.has(r.kind)) return r;
    }
    if (!isSpeechToken(s, v)) continue;
    // "X was described as “…”": a passive report's subject is not its speaker
    if (BE.has(words[v - 1] ?? "")) continue;
    // a person wins over a nearer organization: "Khan took to the platform X and said: “…”"
    let nearest: Ref | undefined;
    for (let k = v - 1; k >= 0 && v - k <= 14; k--) {
      if (insideOther(k)) break;
      const r = refs.at(si, k);
      if (r?.kind === "person") return r;
      if (r && SPEAKERS.has(r.kind)) nearest ??= r;
    }
    if (nearest) return nearest;
  }
  return undefined;
}

/**
 * "Pollster Jane Poe: “…”", "More from Poe: “…”": a name right before the colon that opens the quotation, in a
 * sentence with no reporting verb of its own, introduces the words as theirs.
 */
function speakerColon(article: Article, refs: RefIndex, q: QuoteSpan): Ref | undefined {
  const s = article.sentences[q.sentence];
  if (!s) return undefined;
  const end = s.tokens.findIndex((t) => t.start >= q.open);
  if (end < 2 || s.tokens[end - 1]?.text !== ":") return undefined;
  const r = refs.endingAt(q.sentence, end - 1);
  if (!r || (r.kind !== "person" && r.kind !== "organization") || r.how !== "name") return undefined;
  // a byline ("…," by Times' Ann Poe: “…”) credits an article excerpted, not words spoken
  const byline = s.tokens.slice(Math.max(0, r.from - BYLINE_REACH), r.from).some((t) => t.text.toLowerCase() === "by");
  return byline ? undefined : r;
}

export function attributeQuotes(article: Article, refs: RefIndex, quotes: readonly QuoteSpan[]): AttributedQuote[] {
  const out: AttributedQuote[] = [];
  let previous: AttributedQuote | undefined;
  for (const q of quotes) {
    if (!q.speech) continue;
    const label = q.label ?? labelLineBefore(article, q);
    if (label) {
      const named = byLabel(refs, label);
      if (named) {
        previous = { quote: q, speaker: named, rule: "transcript" };
        out.push(previous);
        continue;
      }
      // "WALLACE: But, Governor Pence, ...": a transcript's label names the speaker even when the article never
      // names them otherwise; the names inside are whom they address
      if (q.label) {
        previous = undefined;
        continue;
      }
    }
    let rule = "tree";
    let r: Ref | undefined = treeSpeaker(article, refs, quotes, q);
    if (!r) { r = speakerAfter(article, refs, q, quotes); rule = "after"; }
    if (!r) { r = speakerBefore(article, refs, q, quotes); rule = "before"; }
    if (!r) { r = speakerColon(article, refs, q); rule = "colon"; }
    // "“A,” he said. “B.”": the second half of a split quotation, or a paragraph continuing the last speaker
    // "“…,” Ruiz said" with the name untagged: the article's one person of that surname, and never the last speaker
    const unknown = r ? undefined : unknownNameAfter(article, refs, q);
    const named = unknown ? linkBySurname(article, refs, unknown) : undefined;
    if (named) {
      previous = { quote: q, speaker: named, rule: "surname" };
      out.push(previous);
      continue;
    }
    if (!r && previous && !unknown && !reportedByOther(article, refs, q)) {
      const gap = article.text.slice(previous.quote.close + 1, q.open);
      const sameSentenceChain = previous.quote.paragraph === q.paragraph && gap.length < 80;
      const nextParagraph = q.paragraph === previous.quote.paragraph + 1 && /^\s*$/.test(article.text.slice(article.sentences.find((s) => s.paragraph === q.paragraph)?.start ?? q.open, q.open));
      if (sameSentenceChain || nextParagraph) {
        out.push({ quote: q, speaker: previous.speaker, rule: sameSentenceChain ? "split" : "continued" });
        previous = out[out.length - 1];
        continue;
      }
    }
    // "“…,” she said" with "she" unlinked: the one quoted just before, in this paragraph or the ones right before it
    if (!r && previous && q.paragraph - previous.quote.paragraph <= ANAPHOR_REACH && anaphoricReport(article, refs, q)) {
      previous = { quote: q, speaker: previous.speaker, rule: "anaphor-previous" };
      out.push(previous);
      continue;
    }
    if (!r) continue;
    previous = { quote: q, speaker: r.entity, rule };
    out.push(previous);
  }
  return out;
}

/** A `said` edge per speaker (to the first thing their quotations are about) and thanks inside quotations. */
export function quoteFacts(article: Article, refs: RefIndex, attributed: readonly AttributedQuote[], roles: readonly RoleFact[]): Fact[] {
  const out: Fact[] = [];
  const affiliations = new Map<string, Set<string>>();
  for (const f of roles) (affiliations.get(f.person) ?? affiliations.set(f.person, new Set()).get(f.person))?.add(f.affiliation);
  const saidBy = new Set<string>();
  for (const a of attributed) {
    const inside: Ref[] = [];
    article.sentences.forEach((s, si) => {
      if (s.end < a.quote.start || s.start > a.quote.end) return;
      for (const r of refs.bySentence[si] ?? []) if (!r.nested && r.start >= a.quote.start && r.start < a.quote.end) inside.push(r);
    });
    const words = (r: Ref) => article.sentences[r.sentence]?.tokens.map((t) => t.text.toLowerCase()) ?? [];
    for (const r of inside) {
      const w = words(r);
      if ((w[r.from - 1] === "you" && w[r.from - 2] === "thank") || (w[r.from - 1] === "to" && w[r.from - 2] === "thanks")) {
        out.push({ sentence: r.sentence, source: a.speaker, target: r.entity, relation: "thanked", cameo: "051", rule: "quote:thank-you", quote: a.quote.text });
        let j = r.to;
        while (w[j] === "and" || w[j] === ",") {
          const next = refs.startingAt(r.sentence, j + 1);
          if (!next) break;
          out.push({ sentence: r.sentence, source: a.speaker, target: next.entity, relation: "thanked", cameo: "051", rule: "quote:thank-you", quote: a.quote.text });
          j = next.to;
        }
      }
      // "Powerful statement by @State_SCA PDAS @ElizabethKHorst": praise of whoever spoke, the person if one is named
      if (w[r.from - 1] === "by" && PRAISED_THINGS.has(w[r.from - 2] ?? "") && PRAISE_WORDS.has(w[r.from - 3] ?? "")) {
        let target = r;
        for (let k = r.to; k < r.to + 3 && target.kind !== "person"; k++) {
          const next = refs.startingAt(r.sentence, k);
          if (next?.kind === "person") target = next;
        }
        out.push({ sentence: r.sentence, source: a.speaker, target: target.entity, relation: "praised", cameo: "051", rule: "quote:praise-by", quote: a.quote.text });
      }
    }
    if (saidBy.has(a.speaker)) continue;
    const own = affiliations.get(a.speaker) ?? new Set<string>();
    const target = inside.find((r) => r.how !== "pronoun" && SAID_TARGETS.has(r.kind) && r.entity !== a.speaker && !own.has(r.entity));
    if (!target) continue;
    saidBy.add(a.speaker);
    out.push({ sentence: target.sentence, source: a.speaker, target: target.entity, relation: "said", cameo: "010", rule: `quote:${a.rule}`, quote: a.quote.text });
  }
  return out;
}

/**
 * A speaker label on the line before a quotation's paragraph: "GOVERNOR ANDREW BAILEY:" over a run of quoted
 * paragraphs (wire "key quotes" and transcripts). The line holds only capitalised words and ends in a colon.
 */
function labelLineBefore(article: Article, q: QuoteSpan): string | undefined {
  const first = article.sentences.find((s) => s.paragraph === q.paragraph);
  if (!first || article.text.slice(first.start, q.open).trim() !== "") return undefined;
  const prev = article.sentences.filter((s) => s.paragraph === q.paragraph - 1);
  if (prev.length !== 1) return undefined;
  const toks = prev[0]!.tokens;
  if (toks.at(-1)?.text !== ":" || toks.length > LABEL_MAX_TOKENS) return undefined;
  const words = toks.slice(0, -1).map((t) => t.text);
  return words.length > 0 && words.every((w) => /^\p{Lu}/u.test(w)) ? words.join(" ") : undefined;
}

const LABEL_MAX_TOKENS = 7;

/** The person a transcript label names: "PENCE" -> Mike Pence, by any word of their names (titles left out). */
function byLabel(refs: RefIndex, label: string): string | undefined {
  const lex = lexicon();
  const want = label.toLowerCase().split(/\s+/).filter((w) => !lex.roleWords.has(w) && !lex.honorifics.has(w));
  if (want.length === 0) return undefined;
  for (const e of refs.entityById.values()) {
    if (e.kind !== "person") continue;
    const words = new Set([...e.names.keys(), ...e.aliases].flatMap((n) => n.toLowerCase().split(/\s+/)));
    if (want.every((w) => words.has(w))) return e.id;
  }
  return undefined;
}
