// One article in, everything newsgraph learns from it out. Pure and deterministic: the unit that workers run,
// the store keeps and the merge combines.
import type { ArticleExtraction, DocEntity, DocQuote, DocRelation, Evidence, RawArticle } from "../types.js";
import { analyze } from "../nlp/index.js";
import { MentionFinder } from "./mentions.js";
import { findQuotes } from "./quotes.js";
import { extractRelations, type Fact } from "./relations.js";
import { extractFrames } from "./frames.js";
import { attributeQuotes, quoteFacts } from "./attribution.js";
import { canonicalName, resolveDocument } from "../resolve/document.js";
import { RefIndex } from "../resolve/refs.js";
import { resolveRoles } from "../resolve/roles.js";
import { resolveAnaphora } from "../resolve/anaphora.js";
import { SYMMETRIC_RELATIONS } from "../types.js";
import { parseArticle } from "../nlp/parse/index.js";
import { lexicon } from "./lexicon.js";
import type { Article } from "../types.js";
import type { Candidate } from "./mentions.js";
import type { QuoteSpan } from "./quotes.js";

/**
 * The sentences the extractors will read syntax from: two or more mentions, a quotation, or a reporting verb.
 * Parsing only these keeps the build fast (headlines, datelines and one-name sentences are most of the rest).
 */
function sentencesToParse(article: Article, candidates: readonly Candidate[], quotes: readonly QuoteSpan[]): Set<number> {
  const wanted = new Set<number>();
  const mentions = new Map<number, number>();
  for (const c of candidates) if (!c.nested) mentions.set(c.sentence, (mentions.get(c.sentence) ?? 0) + 1);
  for (const [s, n] of mentions) if (n >= 2) wanted.add(s);
  const verbs = lexicon().verbs;
  article.sentences.forEach((s, i) => {
    if (wanted.has(i)) return;
    if (quotes.some((q) => q.start < s.end && q.end > s.start)) wanted.add(i);
    else if (s.tokens.some((t) => verbs.get(t.text.toLowerCase())?.speech === true)) wanted.add(i);
  });
  return wanted;
}

let finder: MentionFinder | undefined;
/** Parsing costs most of extraction's time; until extractors read the trees it is opt-in (NEWSGRAPH_PARSE=1). */
const PARSE = process.env.NEWSGRAPH_PARSE === "1";

export function extractArticle(raw: RawArticle): ArticleExtraction {
  finder ??= new MentionFinder();
  const article = analyze(raw);
  const quotes = findQuotes(article);
  const titles = quotes.filter((q) => !q.speech && q.text.split(/\s+/).length >= 3).map((q): [number, number] => [q.start, q.end]);
  const candidates = finder.find(article, titles);
  // Fills upos/xpos/head/deprel on the tokens of the sentences extractors will read syntax from. None reads them
  // yet and parsing makes extraction about 5x slower, so it runs only with NEWSGRAPH_PARSE=1 for now.
  if (PARSE) {
    const toParse = sentencesToParse(article, candidates, quotes);
    parseArticle(article, (_, i) => toParse.has(i));
  }
  const resolution = resolveDocument(article, candidates);
  const refs = new RefIndex(article, candidates, resolution);
  const roles = resolveRoles(article, refs);
  const speech = quotes.filter((q) => q.speech);
  const roleFacts = [...roles.facts, ...resolveAnaphora(article, refs, roles.unresolved, speech)];
  const attributed = attributeQuotes(article, refs, quotes);

  const facts: Fact[] = [
    ...roleFacts.flatMap((f): Fact[] => (f.relation ? [{ sentence: f.sentence, source: f.person, target: f.affiliation, relation: f.relation, rule: f.rule }] : [])),
    ...extractRelations(article, refs, quotes),
    ...extractFrames(article, refs, candidates, resolution),
    ...quoteFacts(article, refs, attributed, roleFacts),
  ];

  const entities: DocEntity[] = resolution.entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      name: canonicalName(e),
      aliases: withoutPrefixes([...e.aliases, ...e.names.keys()], e.kind),
      mentions: [...e.mentions].sort((a, b) => a.start - b.start),
    }));
  const known = new Set(entities.map((e) => e.id));
  // saying something about one's own country or organization is not a relation worth an edge
  const affiliated = new Set(roleFacts.map((f) => `${f.person}|${f.affiliation}`));

  const relations: DocRelation[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (!known.has(f.source) || !known.has(f.target) || f.source === f.target) continue;
    if (f.relation === "said" && affiliated.has(`${f.source}|${f.target}`)) continue;
    const [a, b] = SYMMETRIC_RELATIONS.has(f.relation) && f.source > f.target ? [f.target, f.source] : [f.source, f.target];
    const key = `${a}|${f.relation}|${b}|${f.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const s = article.sentences[f.sentence];
    if (!s) continue;
    const evidence: Evidence = { document: raw.id, start: s.start, end: s.end, text: s.text, rule: f.rule };
    if (f.quote) evidence.quote = f.quote;
    const rel: DocRelation = { source: a, target: b, relation: f.relation, evidence };
    if (f.cameo) rel.cameo = f.cameo;
    relations.push(rel);
  }
  relations.sort((x, y) => x.evidence.start - y.evidence.start || x.source.localeCompare(y.source) || x.relation.localeCompare(y.relation) || x.target.localeCompare(y.target));

  const quotesOut: DocQuote[] = attributed
    .filter((a) => known.has(a.speaker))
    .map((a) => ({ speaker: a.speaker, text: a.quote.text, start: a.quote.start, end: a.quote.end }));

  return {
    article: { id: raw.id, title: raw.title, date: raw.date, source: raw.source },
    words: article.words,
    entities,
    relations,
    quotes: quotesOut,
  };
}

/** Aliases, plus the bare name of "Operation X" / "Exercise X", which articles also use alone. */
function withoutPrefixes(aliases: string[], kind: DocEntity["kind"]): string[] {
  const out = new Set(aliases);
  if (kind === "event" || kind === "exercise") for (const a of aliases) { const m = /^(?:operation|exercise)\s+(.+)$/i.exec(a); if (m?.[1]) out.add(m[1]); }
  return [...out].sort();
}
