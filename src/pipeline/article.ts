// One article in, everything newsgraph learns from it out. Pure and deterministic: the unit that workers run,
// the store keeps and the merge combines.
import type { Article, ArticleExtraction, DocEntity, DocQuote, DocRelation, Evidence, RawArticle } from "../types.js";
import type { QuoteSpan } from "../extract/quotes.js";
import type { Candidate } from "../extract/mentions.js";
import type { Resolution } from "../resolve/document.js";
import type { RoleFact } from "../resolve/roles.js";
import { analyze } from "../nlp/index.js";
import { MentionFinder } from "../extract/mentions.js";
import { findQuotes } from "../extract/quotes.js";
import { extractRelations, type Fact } from "../relations/verbs.js";
import { extractFrames } from "../relations/frames.js";
import { attributeQuotes, quoteFacts } from "../relations/attribution.js";
import { canonicalName, resolveDocument } from "../resolve/document.js";
import { RefIndex } from "../resolve/refs.js";
import { resolveRoles } from "../resolve/roles.js";
import { resolveAnaphora } from "../resolve/anaphora.js";
import { resolveBodyDescriptions, resolveStatements } from "../resolve/descriptions.js";
import { speakingPlacesAreBodies } from "../resolve/speaking-places.js";
import { resolveGroupDescriptions } from "../resolve/groups.js";
import { SYMMETRIC_RELATIONS } from "../types.js";
import { isParsed, parseArticle } from "../nlp/parse/index.js";
import { treeFacts } from "../relations/tree/match.js";
import { agreeingWithTree } from "../relations/tree/agree.js";
import { nominalFacts } from "../relations/nominal.js";
import { derivedFacts } from "../relations/derived.js";
import { boundExtraction } from "../extract/bounds.js";
import { lexicon } from "../extract/lexicon.js";
import { wordClass } from "../data/word-classes.js";

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
    // a reporting verb, or a statement that may speak later ("according to a statement from X")
    else if (s.tokens.some((t) => verbs.get(t.text.toLowerCase())?.speech === true || STATEMENT_NOUNS.has(t.text.toLowerCase()))) wanted.add(i);
  });
  return wanted;
}

const STATEMENT_NOUNS = wordClass("statement-nouns");

let finder: MentionFinder | undefined;
/**
 * Parsing costs most of extraction's time (about 5x; see models/parse/README.md). NEWSGRAPH_PARSE=0 switches it off
 * for speed: the token rules still run, the tree patterns and tree speakers find nothing. Read per article, so a
 * process (or a test) can switch it before extracting.
 */
function parsing(): boolean {
  return process.env.NEWSGRAPH_PARSE !== "0";
}

/** One article read up to its relations: sentences parsed where needed, mentions resolved, quotes attributed. */
export interface ReadArticle {
  article: Article;
  quotes: QuoteSpan[];
  candidates: Candidate[];
  resolution: Resolution;
  refs: RefIndex;
  roleFacts: RoleFact[];
  attributed: ReturnType<typeof attributeQuotes>;
}

export function readArticle(raw: RawArticle): ReadArticle {
  finder ??= new MentionFinder();
  const article = analyze(raw);
  const quotes = findQuotes(article);
  const titles = quotes.filter((q) => !q.speech && q.text.split(/\s+/).length >= 3).map((q): [number, number] => [q.start, q.end]);
  const candidates = finder.find(article, titles);
  // Fills upos/xpos/head/deprel on the tokens of the sentences relations and speakers are read from.
  // NEWSGRAPH_PARSE=0 skips it: the window rules still run, the tree patterns find nothing (a fallback, not the product).
  if (parsing()) {
    const toParse = sentencesToParse(article, candidates, quotes);
    parseArticle(article, (_, i) => toParse.has(i));
  }
  const resolution = resolveDocument(article, candidates);
  const refs = new RefIndex(article, candidates, resolution);
  speakingPlacesAreBodies(article, refs);
  const roles = resolveRoles(article, refs);
  const speech = quotes.filter((q) => q.speech);
  const roleFacts = [...roles.facts, ...resolveAnaphora(article, refs, roles.unresolved, speech)];
  resolveBodyDescriptions(article, refs);
  resolveStatements(article, refs);
  resolveGroupDescriptions(article, refs);
  // roles and pronouns may make a second entity in a sentence that had one name: parse those too
  if (parsing()) parseArticle(article, (s, i) => !isParsed(s) && (refs.bySentence[i]?.length ?? 0) >= 2);
  const attributed = attributeQuotes(article, refs, quotes);
  return { article, quotes, candidates, resolution, refs, roleFacts, attributed };
}

/** The facts of the tree patterns (data/relation-patterns.json), sentence by sentence. */
export function patternFacts(read: ReadArticle): Fact[] {
  const out: Fact[] = [];
  const ctx = { article: read.article, refs: read.refs, quotes: read.quotes };
  read.article.sentences.forEach((_s, si) => treeFacts(ctx, si, out));
  return out;
}

export function extractArticle(raw: RawArticle): ArticleExtraction {
  const read = readArticle(raw);
  const { article, quotes, candidates, resolution, refs, roleFacts, attributed } = read;
  const tree = patternFacts(read);

  const stated: Fact[] = [
    ...roleFacts.flatMap((f): Fact[] => (f.relation ? [{ sentence: f.sentence, source: f.person, target: f.affiliation, relation: f.relation, rule: f.rule }] : [])),
    ...agreeingWithTree(extractRelations(article, refs, quotes), tree, article.sentences, refs),
    ...extractFrames(article, refs, candidates, resolution),
    ...tree,
    ...nominalFacts(article, refs),
    ...quoteFacts(article, refs, attributed, roleFacts),
  ];
  // a group ("the two countries") states its relation for each member
  const facts = stated.flatMap((f) => refs.membersOf(f.source).flatMap((source) => refs.membersOf(f.target).map((target) => ({ ...f, source, target }))));
  const kindOf = new Map(resolution.entities.map((e) => [e.id, e.kind]));
  facts.push(...derivedFacts(facts, (id) => kindOf.get(id)));

  const entities: DocEntity[] = resolution.entities
    .filter((e) => e.mentions.length > 0)
    .map((e) => ({
      id: e.id,
      kind: e.kind,
      name: canonicalName(e),
      aliases: withoutPrefixes([...e.aliases, ...e.names.keys()], e.kind),
      mentions: [...e.mentions].sort((a, b) => a.start - b.start),
      ...(e.kind === "person" && e.titles.size > 0 ? { title: [...e.titles][0] as string } : {}),
    }));
  const known = new Set(entities.map((e) => e.id));
  // saying something about one's own country or organization (or one's own unit) is not a relation worth an edge
  const affiliated = new Set([
    ...roleFacts.map((f) => `${f.person}|${f.affiliation}`),
    ...facts.filter((f) => AFFILIATIONS.has(f.relation)).map((f) => `${f.source}|${f.target}`),
  ]);

  const relations: DocRelation[] = [];
  const seen = new Set<string>();
  for (const f of facts) {
    if (!known.has(f.source) || !known.has(f.target) || f.source === f.target) continue;
    if (f.relation === "said" && (affiliated.has(`${f.source}|${f.target}`) || affiliated.has(`${f.target}|${f.source}`))) continue;
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

  return boundExtraction({
    article: { id: raw.id, title: raw.title, date: raw.date, source: raw.source },
    words: article.words,
    entities,
    relations,
    quotes: quotesOut,
  });
}

/** Relations that make their source part of their target: its statements about the target are not news. */
const AFFILIATIONS: ReadonlySet<string> = new Set(["part_of", "member_of", "leader_of", "represents", "spokesperson_of"]);

/** Aliases, plus the bare name of "Operation X" / "Exercise X", which articles also use alone. */
function withoutPrefixes(aliases: string[], kind: DocEntity["kind"]): string[] {
  const out = new Set(aliases);
  if (kind === "event" || kind === "exercise") for (const a of aliases) { const m = /^(?:operation|exercise)\s+(.+)$/i.exec(a); if (m?.[1]) out.add(m[1]); }
  return [...out].sort();
}
