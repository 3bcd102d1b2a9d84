// Relations measured on CoNLL04 (Roth & Yih 2004; corpora README section 5), mapped onto our vocabulary by
// data/conll04-relations.json.
//
// Input: one sentence per line, `{id, tokens, entities: [{type, start, end, text}], relations: [{type, head, tail}]}`
// (`end` exclusive; `head`/`tail` index `entities`). Each sentence is detokenized into a one-sentence article
// (`sentenceText`: no space before closing punctuation, `` and '' become straight double quotes) and run through
// `extractArticle`, parsing as the environment says (NEWSGRAPH_PARSE=0 switches the tree off).
//
// Entity match (`alignEntities`): a predicted entity stands for the gold entity one of its mentions overlaps (by
// characters of the detokenized text; the largest share of the two spans' union wins, the first on a tie), else
// for the gold entity whose text equals its name or an alias under the referee's normalisation (`matchKey`: case,
// accents, a leading "the" and every non-alphanumeric character ignored). Several predicted entities may stand
// for one gold entity. Gold entities of one sentence with the same normalised text are one entity (the corpus
// annotates "France" twice in a sentence as two entities and two pairs; one article's graph has one France).
//
// Relations: a predicted edge whose relation is mapped to a CoNLL04 type becomes (type, head, tail) with its ends
// replaced by the gold entities they stand for; the set of such triples per sentence is compared with the gold
// triples of the mapped types. A triple is right when type, head and tail are equal (direction counts; an end with
// no gold entity is always wrong). Gold pairs of unmapped types (Live_In) are counted and not scored. Edges of
// relations mapped to no type are ignored. Micro-averaged over sentences, per type and overall.
import { readJsonLines } from "../util/jsonl.js";
import { extractArticle } from "../pipeline/article.js";
import { isRecord, loadData } from "../data/load.js";
import { RELATIONS, type ArticleExtraction, type Relation, type Span } from "../types.js";
import { matchKey, prf, type Counts, type Prf } from "./graph-score.js";

export interface Conll04Entity { type: string; start: number; end: number; text: string }
export interface Conll04Relation { type: string; head: number; tail: number }
export interface Conll04Sentence {
  id: string;
  tokens: string[];
  entities: Conll04Entity[];
  relations: Conll04Relation[];
}

export interface Conll04Type {
  relations: readonly Relation[];
  reason: string;
  example: string;
}

/** CoNLL04 type -> our relations (an empty list: not scored). */
export type Conll04Mapping = ReadonlyMap<string, Conll04Type>;

let mapping: Conll04Mapping | undefined;

/** data/conll04-relations.json, checked: every relation in the vocabulary and under one type at most. */
export function conll04Mapping(): Conll04Mapping {
  mapping ??= loadData("conll04-relations", (v) => {
    if (!isRecord(v) || !isRecord(v.types)) throw new Error('expected {"types": {...}}');
    const vocabulary = new Set<string>(RELATIONS);
    const owner = new Map<string, string>();
    const out = new Map<string, Conll04Type>();
    for (const [type, t] of Object.entries(v.types)) {
      if (!isRecord(t) || !Array.isArray(t.relations) || typeof t.reason !== "string" || typeof t.example !== "string") {
        throw new Error(`type "${type}" needs relations, a reason and an example`);
      }
      for (const r of t.relations) {
        if (typeof r !== "string" || !vocabulary.has(r)) throw new Error(`type "${type}": "${String(r)}" is not a relation of the vocabulary`);
        // one type per relation, so an edge is counted once
        if (owner.has(r)) throw new Error(`"${r}" is mapped to both ${owner.get(r)} and ${type}`);
        owner.set(r, type);
      }
      out.set(type, { relations: t.relations as Relation[], reason: t.reason, example: t.example });
    }
    return out;
  });
  return mapping;
}

export function readConll04(file: string): Conll04Sentence[] {
  return readJsonLines<Conll04Sentence>(file);
}

const NO_SPACE_BEFORE = /^(?:[,.;:?!)\]}%]|'s|'S|n't|'t|'re|'ve|'ll|'d|'m|'')$/;
const NO_SPACE_AFTER = /^(?:[([{$]|``)$/;

/**
 * The sentence as text, and each token's character span in it. The corpus writes quote marks as two tokens
 * (` ` and ' '); each pair becomes one straight double quote, both tokens pointing at it.
 */
export function sentenceText(tokens: readonly string[]): { text: string; spans: Span[] } {
  const joined: string[] = [];
  const owner: number[] = []; // token -> index into joined
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? "";
    const pair = (t === "`" || t === "'") && tokens[i + 1] === t;
    if (pair) { owner.push(joined.length, joined.length); joined.push(t === "`" ? "``" : "''"); i++; continue; }
    owner.push(joined.length);
    joined.push(t);
  }
  let text = "";
  const at: Span[] = [];
  joined.forEach((t, k) => {
    const prev = joined[k - 1];
    if (k > 0 && !NO_SPACE_BEFORE.test(t) && !NO_SPACE_AFTER.test(prev ?? "")) text += " ";
    const out = t === "``" || t === "''" ? '"' : t;
    at.push({ start: text.length, end: text.length + out.length });
    text += out;
  });
  return { text, spans: owner.map((k) => at[k] ?? { start: 0, end: 0 }) };
}

/** Each gold entity's character span in the detokenized sentence. */
function goldSpans(sentence: Conll04Sentence, spans: readonly Span[]): Span[] {
  return sentence.entities.map((e) => ({ start: spans[e.start]?.start ?? 0, end: spans[e.end - 1]?.end ?? 0 }));
}

/** Predicted entity id -> index of the gold entity it stands for (definition at the top of the file). */
export function alignEntities(extraction: ArticleExtraction, gold: readonly Conll04Entity[], goldSpan: readonly Span[]): Map<string, number> {
  const out = new Map<string, number>();
  const keys = gold.map((g) => matchKey(g.text));
  for (const e of extraction.entities) {
    let best = -1;
    let bestShare = 0;
    for (const m of e.mentions) {
      goldSpan.forEach((g, gi) => {
        // shared characters over the union of both spans: "Idaho" stands for gold "Idaho" rather than "Idaho Falls"
        const overlap = Math.min(m.end, g.end) - Math.max(m.start, g.start);
        const share = overlap / (Math.max(m.end, g.end) - Math.min(m.start, g.start));
        if (overlap > 0 && share > bestShare) { best = gi; bestShare = share; }
      });
    }
    if (best < 0) {
      const names = new Set([e.name, ...e.aliases].map(matchKey).filter(Boolean));
      best = keys.findIndex((k) => k !== "" && names.has(k));
    }
    if (best >= 0) out.set(e.id, best);
  }
  return out;
}

export type TypeCounts = Map<string, Counts>;

function bump(counts: TypeCounts, type: string, k: keyof Counts): void {
  const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
  c[k]++;
  counts.set(type, c);
}

/** Each gold entity's representative: the first gold entity of the sentence with the same normalised text. */
function sameNamed(gold: readonly Conll04Entity[]): number[] {
  const keys = gold.map((g) => matchKey(g.text));
  return keys.map((k, i) => (k === "" ? i : keys.indexOf(k)));
}

/** Scores one sentence's extraction against its gold relations; adds to `counts` (per mapped type). */
export function scoreSentence(sentence: Conll04Sentence, extraction: ArticleExtraction, map: Conll04Mapping, counts: TypeCounts): void {
  const { spans } = sentenceText(sentence.tokens);
  const one = sameNamed(sentence.entities);
  const toGold = alignEntities(extraction, sentence.entities, goldSpans(sentence, spans));
  const typeOf = new Map<string, string>();
  for (const [type, t] of map) for (const r of t.relations) typeOf.set(r, type);
  const gold = new Set(sentence.relations.filter((r) => (map.get(r.type)?.relations.length ?? 0) > 0).map((r) => `${r.type} ${one[r.head]} ${one[r.tail]}`));
  const end = (id: string) => { const g = toGold.get(id); return g === undefined ? `?${id}` : String(one[g]); };
  const predicted = new Set<string>();
  for (const r of extraction.relations) {
    const type = typeOf.get(r.relation);
    if (type) predicted.add(`${type} ${end(r.source)} ${end(r.target)}`);
  }
  for (const t of predicted) bump(counts, t.split(" ")[0] ?? "", gold.has(t) ? "tp" : "fp");
  for (const t of gold) if (!predicted.has(t)) bump(counts, t.split(" ")[0] ?? "", "fn");
}

export interface Conll04Score {
  sentences: number;
  /** Per mapped type, in the mapping's order, then "overall" (micro-averaged over the mapped types). */
  types: { type: string; relations: readonly Relation[]; counts: Counts; prf: Prf }[];
  /** Gold pairs of types mapped to nothing (not scored). */
  unmapped: Map<string, number>;
  seconds: number;
}

/** Sums per-type counts into the score rows (each mapped type, then overall). */
export function conll04Rows(counts: TypeCounts, map: Conll04Mapping): Conll04Score["types"] {
  const rows: Conll04Score["types"] = [];
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [type, t] of map) {
    if (t.relations.length === 0) continue;
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    all.tp += c.tp; all.fp += c.fp; all.fn += c.fn;
    rows.push({ type, relations: t.relations, counts: c, prf: prf(c) });
  }
  rows.push({ type: "overall", relations: [], counts: all, prf: prf(all) });
  return rows;
}

/** Runs the pipeline on every sentence (a one-sentence article each) and scores the mapped relations. */
export function evaluateConll04(sentences: readonly Conll04Sentence[], map: Conll04Mapping = conll04Mapping()): Conll04Score {
  const started = performance.now();
  const counts: TypeCounts = new Map();
  const unmapped = new Map<string, number>();
  for (const s of sentences) {
    for (const r of s.relations) if ((map.get(r.type)?.relations.length ?? 0) === 0) unmapped.set(r.type, (unmapped.get(r.type) ?? 0) + 1);
    const { text } = sentenceText(s.tokens);
    const x = extractArticle({ id: s.id, text, title: null, date: null, source: "conll04" });
    scoreSentence(s, x, map, counts);
  }
  return { sentences: sentences.length, types: conll04Rows(counts, map), unmapped, seconds: (performance.now() - started) / 1000 };
}
