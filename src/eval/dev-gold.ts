// The hand-annotated dev set: annotations live in the repo WITHOUT article text (the BBC corpus is
// research-use only and must not be copied into the repository); the text is joined back in from the
// corpus that sits beside the repo (`../shared/corpora/news/bbc/bbc.jsonl`). The format follows
// `shared/gold/README.md`: one `GoldArticle` per article.

import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ENTITY_KINDS, RELATIONS, type EntityKind, type Relation } from "../types.js";

export interface GoldEntity {
  id: string;
  kind: EntityKind;
  name: string;
  /** Every surface form the text uses for the entity. */
  aliases: string[];
}

export interface GoldRelation {
  source: string;
  relation: Relation;
  target: string;
  /** Exact substring of the article text. */
  evidence: string;
}

export interface GoldQuote {
  speaker: string;
  text: string;
}

/** One article of a gold file (`shared/gold/README.md`). */
export interface GoldArticle {
  id: string;
  source: string;
  title: string | null;
  date: string | null;
  text: string;
  entities: GoldEntity[];
  relations: GoldRelation[];
  quotes: GoldQuote[];
  not_quotes: string[];
  not_entities: string[];
}

/** A line of the committed annotation file: a gold record without `text`, pointing into a corpus. */
export interface DevAnnotation extends Omit<GoldArticle, "text"> {
  corpus: "bbc";
  /** Id of the record in the corpus, e.g. `politics/042`. */
  corpus_id: string;
}

export const DEV_ANNOTATIONS_PATH = "tests/fixtures/dev/dev-annotations.jsonl";
/** Relative to the repo root: the shared corpora sit beside the repository. */
export const BBC_CORPUS_PATH = "../shared/corpora/news/bbc/bbc.jsonl";

interface BbcRecord {
  id: string;
  category: string;
  title: string;
  text: string;
}

/** A problem found while joining or checking the annotations, tied to its line. */
export interface DevGoldProblem {
  line: number;
  article: string;
  message: string;
}

export class DevGoldError extends Error {
  override name = "DevGoldError";
  constructor(
    readonly problems: DevGoldProblem[],
    /** The annotation file the problems are in (the dev set unless told otherwise). */
    readonly file: string = DEV_ANNOTATIONS_PATH,
  ) {
    super(
      `${file === DEV_ANNOTATIONS_PATH ? "dev-gold" : "heldout-gold"}: ${problems.length} problem(s) in ${file}; fix the annotation lines below:\n` +
        problems.map((p) => `  line ${p.line} (${p.article}): ${p.message}`).join("\n"),
    );
  }
}

/** The text a graph is built from: the BBC title, a blank line, then the body. */
export function bbcArticleText(record: { title: string; text: string }): string {
  return `${record.title}\n\n${record.text}`;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

export function readDevAnnotations(repoRoot: string): DevAnnotation[] {
  return readJsonl<DevAnnotation>(join(repoRoot, DEV_ANNOTATIONS_PATH));
}

export function readBbcCorpus(repoRoot: string): Map<string, BbcRecord> {
  const records = readJsonl<BbcRecord>(resolve(repoRoot, BBC_CORPUS_PATH));
  return new Map(records.map((r) => [r.id, r]));
}

const KINDS: ReadonlySet<string> = new Set(ENTITY_KINDS);
const RELATION_SET: ReadonlySet<string> = new Set(RELATIONS);

/** Every rule the annotations must satisfy, checked against the joined text. */
export function checkGoldArticle(article: GoldArticle): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const e of article.entities) {
    if (ids.has(e.id)) problems.push(`duplicate entity id "${e.id}"`);
    ids.add(e.id);
    if (!KINDS.has(e.kind)) problems.push(`entity "${e.id}" has kind "${e.kind}", not one of ${ENTITY_KINDS.join(", ")}`);
    if (e.aliases.length === 0) problems.push(`entity "${e.id}" has no aliases`);
    for (const alias of e.aliases) {
      if (!article.text.includes(alias)) problems.push(`alias "${alias}" of entity "${e.id}" is not in the text`);
    }
  }
  for (const r of article.relations) {
    const label = `relation ${r.source} -${r.relation}-> ${r.target}`;
    if (!RELATION_SET.has(r.relation)) problems.push(`${label}: "${r.relation}" is not in the vocabulary`);
    if (!ids.has(r.source)) problems.push(`${label}: source "${r.source}" is not a declared entity`);
    if (!ids.has(r.target)) problems.push(`${label}: target "${r.target}" is not a declared entity`);
    if (r.source === r.target) problems.push(`${label}: source and target are the same`);
    if (!article.text.includes(r.evidence)) problems.push(`${label}: evidence not found in text: "${r.evidence}"`);
  }
  for (const q of article.quotes) {
    if (!ids.has(q.speaker)) problems.push(`quote speaker "${q.speaker}" is not a declared entity`);
    if (!article.text.includes(q.text)) problems.push(`quote by "${q.speaker}" not found in text: "${q.text}"`);
  }
  for (const s of article.not_quotes) {
    if (!article.text.includes(s)) problems.push(`not_quote not found in text: "${s}"`);
  }
  return problems;
}

/**
 * Joins the committed annotations with the BBC corpus and checks them.
 * Throws a DevGoldError listing every offending line when anything does not hold.
 */
export function loadDevGold(repoRoot: string): GoldArticle[] {
  const corpus = readBbcCorpus(repoRoot);
  return joinAnnotations(readDevAnnotations(repoRoot), DEV_ANNOTATIONS_PATH, "the corpus is research-use only", (a, fail) => {
    const record = corpus.get(a.corpus_id);
    if (!record) return void fail(`corpus_id "${a.corpus_id}" not found in ${BBC_CORPUS_PATH}`);
    if (record.title !== a.title) fail(`title "${a.title}" differs from the corpus title "${record.title}"`);
    return bbcArticleText(record);
  });
}

/**
 * Joins annotation lines with the text `textOf` finds for each (undefined after reporting why not), checks
 * every article, and throws one DevGoldError listing all problems of the file.
 */
function joinAnnotations<A extends Omit<GoldArticle, "text">>(
  annotations: readonly A[],
  file: string,
  noTextReason: string,
  textOf: (a: A, fail: (message: string) => void) => string | undefined,
): GoldArticle[] {
  const problems: DevGoldProblem[] = [];
  const articles: GoldArticle[] = [];
  const seen = new Set<string>();
  annotations.forEach((a, index) => {
    const fail = (message: string) => problems.push({ line: index + 1, article: a.id, message });
    if (seen.has(a.id)) fail(`duplicate article id "${a.id}"`);
    seen.add(a.id);
    if ("text" in a) fail(`annotation lines must not carry the article text (${noTextReason})`);
    const text = textOf(a, fail);
    if (text === undefined) return;
    const article: GoldArticle = {
      id: a.id, source: a.source, title: a.title, date: a.date, text,
      entities: a.entities, relations: a.relations, quotes: a.quotes,
      not_quotes: a.not_quotes ?? [], not_entities: a.not_entities ?? [],
    };
    for (const message of checkGoldArticle(article)) fail(message);
    articles.push(article);
  });
  if (problems.length > 0) throw new DevGoldError(problems, file);
  return articles;
}

// ---------------------------------------------------------------------------------------------------
// The held-out set: hand-annotated PolNeAR articles (US political news 2015-16 from HuffPost, Breitbart,
// NYT, Politico, Washington Post, Western Journalism and USA Today), never tuned on. Like the dev set,
// the committed lines carry no article text; the text is the PolNeAR `.txt` file read as UTF-8 from the
// corpus beside the repo. Only the `train` split may be used (PolNeAR's dev split measures quote
// attribution and its authors ask that the test split not be looked at).

/** A line of the held-out annotation file: a gold record without `text`, pointing into PolNeAR. */
export interface HeldoutAnnotation extends Omit<GoldArticle, "text"> {
  corpus: "polnear";
  /** `train/<file name without .txt>`, e.g. `train/nyt_2015-12-22_trump-says-praise-from-putin-hel`. */
  corpus_id: string;
}

export const HELDOUT_ANNOTATIONS_PATH = "tests/fixtures/heldout/heldout-annotations.jsonl";
/** Relative to the repo root: the PolNeAR train texts beside the repository. */
export const POLNEAR_TRAIN_TEXT_DIR = "../shared/corpora/polnear/train/text";

export function readHeldoutAnnotations(repoRoot: string): HeldoutAnnotation[] {
  return readJsonl<HeldoutAnnotation>(join(repoRoot, HELDOUT_ANNOTATIONS_PATH));
}

/** The file name (without `.txt`) a `train/<name>` corpus id points at, or null for any other split. */
export function polnearTrainName(corpusId: string): string | null {
  const match = /^train\/([A-Za-z0-9._-]+)$/.exec(corpusId);
  return match ? match[1]! : null;
}

/** The text a graph is built from: the PolNeAR `.txt` file exactly as read (title on its first line). */
export function readPolnearTrainText(repoRoot: string, name: string): string {
  return readFileSync(resolve(repoRoot, POLNEAR_TRAIN_TEXT_DIR, `${name}.txt`), "utf8");
}

/**
 * Joins the held-out annotations with the PolNeAR train texts and checks them like `loadDevGold`.
 * Throws a DevGoldError listing every offending line when anything does not hold.
 */
export function loadHeldoutGold(repoRoot: string): GoldArticle[] {
  return joinAnnotations(readHeldoutAnnotations(repoRoot), HELDOUT_ANNOTATIONS_PATH, "the corpus must not be copied", (a, fail) => {
    if (a.corpus !== "polnear") fail(`corpus is "${a.corpus}", expected "polnear"`);
    const name = polnearTrainName(a.corpus_id);
    if (name === null) return void fail(`corpus_id "${a.corpus_id}" is not "train/<file name>" (only the PolNeAR train split may be used)`);
    let text: string;
    try {
      text = readPolnearTrainText(repoRoot, name);
    } catch {
      return void fail(`corpus_id "${a.corpus_id}" not found in ${POLNEAR_TRAIN_TEXT_DIR}`);
    }
    const firstLine = text.split("\n", 1)[0];
    if (firstLine !== a.title) fail(`title "${a.title}" differs from the first line of the text "${firstLine}"`);
    return text;
  });
}
