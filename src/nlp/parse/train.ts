// Training of the tagger and the parser on UD sentences. Seeded shuffling, one thread: the same data and options
// give the same weights, bit for bit. The parser trains on predicted tags (jack-knifed: each fold tagged by a
// tagger that never saw it), so it learns to live with the tagger's mistakes.
import { mulberry32 } from "../../util/rng.js";
import type { WordClusters } from "../ner/clusters.js";
import type { UdSentence } from "./conllu.js";
import { groupOf, N_GROUPS } from "./label-groups.js";
import { Lexicon } from "./lexicon.js";
import { ParseModel } from "./model.js";
import { ArcHybridParser } from "./parser.js";
import { TAG_PAD, TagContext } from "./tagger.js";
import { ATTRS } from "./lexicon.js";
import { FrozenTable, TrainTable } from "./weights.js";

export interface Labels {
  tags: string[];
  labels: string[];
}

export const jointTag = (s: UdSentence, i: number): string => `${s.xpos[i]}|${s.upos[i]}`;

/** The tag and relation inventories of a training set, sorted (so class ids do not depend on sentence order). */
export function labelsOf(train: readonly UdSentence[]): Labels {
  const tags = new Set<string>();
  const labels = new Set<string>();
  for (const s of train) s.words.forEach((_, i) => (tags.add(jointTag(s, i)), labels.add(s.deprels[i]!)));
  return { tags: [...tags].sort(), labels: [...labels].sort() };
}

/**
 * The tag dictionary: training words seen at least `minCount` times with one tag at least `minShare` of the time,
 * each with that tag's id (ties to the smaller id). Words as written (case kept).
 */
export function tagDictionary(train: readonly UdSentence[], labels: Labels, minCount: number, minShare: number): Map<string, number> {
  const tagId = new Map(labels.tags.map((t, i) => [t, i]));
  const counts = new Map<string, Map<number, number>>();
  for (const s of train) {
    s.words.forEach((w, i) => {
      let m = counts.get(w);
      if (!m) counts.set(w, (m = new Map()));
      const t = tagId.get(jointTag(s, i))!;
      m.set(t, (m.get(t) ?? 0) + 1);
    });
  }
  const dict = new Map<string, number>();
  for (const w of [...counts.keys()].sort()) {
    let total = 0, best = -1, bestCount = 0;
    for (const [t, c] of counts.get(w)!) {
      total += c;
      if (c > bestCount || (c === bestCount && t < best)) (best = t), (bestCount = c);
    }
    if (total >= minCount && bestCount >= minShare * total) dict.set(w, best);
  }
  return dict;
}

function shuffle(order: number[], rng: () => number): void {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
}

export type EpochReport = (epoch: number, table: FrozenTable, errors: number, total: number) => number | void;

/**
 * Trains a tagger; after each epoch `report` may score the averaged table (returning a figure to maximise), and
 * the best epoch's table is returned (the last one when `report` returns nothing).
 */
export function trainTagger(train: readonly UdSentence[], labels: Labels, clusters: WordClusters, epochs: number, seed: number, report?: EpochReport): FrozenTable {
  const tagId = new Map(labels.tags.map((t, i) => [t, i]));
  const ctx = new TagContext(new Lexicon(clusters), labels.tags.length);
  const table = new TrainTable(labels.tags.length);
  const gold = train.map((s) => Int32Array.from(s.words, (_, i) => tagId.get(jointTag(s, i)) ?? 0));
  const order = train.map((_, i) => i);
  const rng = mulberry32(seed);
  let c = 1;
  let best: { score: number; table: FrozenTable } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, rng);
    let errors = 0, total = 0;
    for (const k of order) {
      const s = train[k]!;
      ctx.load(s.words);
      errors += ctx.train(table, s.words.length, gold[k]!, c);
      c += s.words.length;
      total += s.words.length;
    }
    const avg = table.averaged(c);
    const score = report?.(epoch, avg, errors, total) ?? epoch;
    if (!best || score > best.score) best = { score, table: avg };
  }
  if (!best) throw new Error("train: epochs must be at least 1");
  return best.table;
}

/** Predicted tag ids of every sentence by one table. */
export function tagAll(sents: readonly UdSentence[], table: FrozenTable, nTags: number, clusters: WordClusters): Int32Array[] {
  const ctx = new TagContext(new Lexicon(clusters), nTags);
  return sents.map((s) => {
    const out = new Int32Array(s.words.length);
    ctx.load(s.words);
    ctx.predict(table, s.words.length, out);
    return out;
  });
}

/** Jack-knifed tags: fold k (sentences i with i % folds === k) is tagged by a tagger trained on the other folds. */
export function jackknifeTags(train: readonly UdSentence[], labels: Labels, clusters: WordClusters, folds: number, epochs: number, seed: number): Int32Array[] {
  const out: Int32Array[] = new Array(train.length);
  for (let k = 0; k < folds; k++) {
    const rest = train.filter((_, i) => i % folds !== k);
    const held = train.map((_, i) => i).filter((i) => i % folds === k);
    const table = trainTagger(rest, labels, clusters, epochs, seed + k);
    const tags = tagAll(held.map((i) => train[i]!), table, labels.tags.length, clusters);
    held.forEach((i, j) => (out[i] = tags[j]!));
  }
  return out;
}

export interface ParserTables {
  moves: FrozenTable;
  labels: FrozenTable;
}

export type ParserReport = (epoch: number, tables: ParserTables, errors: number, total: number) => number | void;

/** Trains the parser on the given tags (predicted or gold); best epoch by `report`, as for the tagger. */
export function trainParser(train: readonly UdSentence[], tags: readonly Int32Array[], labels: Labels, clusters: WordClusters, epochs: number, seed: number, report?: ParserReport, lean = false): ParserTables {
  const labelId = new Map(labels.labels.map((l, i) => [l, i]));
  const ctx = new TagContext(new Lexicon(clusters), labels.tags.length);
  const groups = Int32Array.from(labels.labels, groupOf);
  const parser = new ArcHybridParser(labels.tags.length, labels.labels.length, groups, N_GROUPS, lean);
  const moves = new TrainTable(parser.nMoves);
  const arcLabels = new TrainTable(2 * labels.labels.length);
  const heads = train.map((s) => Int32Array.from(s.heads, (h) => (h < 0 ? s.words.length : h)));
  const rels = train.map((s) => Int32Array.from(s.deprels, (d) => labelId.get(d) ?? 0));
  const order = train.map((_, i) => i);
  const rng = mulberry32(seed);
  let c = 1;
  let best: { score: number; tables: ParserTables } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    shuffle(order, rng);
    let errors = 0, total = 0;
    for (const k of order) {
      const s = train[k]!;
      const n = s.words.length;
      ctx.load(s.words);
      parser.fx.load(ctx.attrs, TAG_PAD * ATTRS, tags[k]!, n);
      errors += parser.train(moves, arcLabels, n, heads[k]!, rels[k]!, c, epoch > 1);
      c += parser.steps;
      total += parser.steps;
    }
    const tables = { moves: moves.averaged(c), labels: arcLabels.averaged(c) };
    const score = report?.(epoch, tables, errors, total) ?? epoch;
    if (!best || score > best.score) best = { score, tables };
  }
  if (!best) throw new Error("train: epochs must be at least 1");
  return best.tables;
}

export interface TrainOptions {
  tagEpochs: number;
  parseEpochs: number;
  /** Jack-knife folds for the parser's training tags (1: the final tagger tags its own training data). */
  folds: number;
  /** Parsers trained with different shuffling seeds and averaged (default 1). */
  parseSeeds?: number;
  /** Scores a tagger table after each epoch (higher is better); the best epoch is kept. */
  scoreTagger?: (epoch: number, table: FrozenTable, errors: number, total: number) => number | void;
  /** Scores a model after each parser epoch (higher is better); the best epoch is kept. */
  scoreParser?: (epoch: number, model: ParseModel, errors: number, total: number) => number | void;
  info?: Record<string, string | number>;
  /** The parser's lean template set (parse-features.ts; recorded as info.templates = "lean"). */
  lean?: boolean;
}

/** The whole training: tagger, jack-knifed tags, parser. Seeds are fixed, so equal inputs give equal models. */
export function trainModel(train: readonly UdSentence[], clusters: WordClusters, o: TrainOptions): ParseModel {
  const labels = labelsOf(train);
  const tagTable = trainTagger(train, labels, clusters, o.tagEpochs, 1, o.scoreTagger);
  const tags = o.folds > 1 ? jackknifeTags(train, labels, clusters, o.folds, o.tagEpochs, 101) : tagAll(train, tagTable, labels.tags.length, clusters);
  const info = o.info ?? {};
  const model = (t: ParserTables): ParseModel => new ParseModel(labels.tags, labels.labels, tagTable, t.moves, t.labels, info);
  // One parser per shuffling seed, each at its best epoch; several are averaged into one (an ensemble at the
  // cost of one model).
  const runs: ParserTables[] = [];
  for (let k = 0; k < (o.parseSeeds ?? 1); k++) {
    runs.push(trainParser(train, tags, labels, clusters, o.parseEpochs, 7 + k, o.scoreParser && ((epoch, t, errors, total) => o.scoreParser!(epoch, model(t), errors, total)), o.lean));
  }
  if (runs.length === 1) return model(runs[0]!);
  return model({ moves: FrozenTable.mean(runs.map((r) => r.moves)), labels: FrozenTable.mean(runs.map((r) => r.labels)) });
}
