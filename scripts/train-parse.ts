// Trains the POS tagger and the dependency parser on UD English EWT train, picks epochs on EWT dev, and writes
// models/parse/model.bin.gz. Seeded and single-threaded: the same inputs give the same model bytes.
// The test split and GUM are never read here (report them with `newsgraph eval --ud FILE`).
//
// Usage: npm run train:parse -- [--tag-epochs 8] [--parse-epochs 15] [--folds 4] [--min-weight 0.05]
//   [--limit N (first N training sentences, for quick experiments)] [--out models/parse/model.bin.gz]
import { writeFileSync } from "node:fs";
import { formatUdScore, UdScorer } from "../src/eval/ud.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { UdAnnotator } from "../src/nlp/parse/annotator.js";
import { readConllu, type UdSentence } from "../src/nlp/parse/conllu.js";
import { ParseModel } from "../src/nlp/parse/model.js";
import { jackknifeTags, labelsOf, tagAll, trainParser, trainTagger } from "../src/nlp/parse/train.js";
import type { FrozenTable } from "../src/nlp/parse/weights.js";
import { PARSE_MODEL_FILE } from "../src/nlp/parse/load.js";

const UD = new URL("../../shared/corpora/ud/", import.meta.url).pathname;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function devScore(model: ParseModel, clusters: WordClusters, dev: readonly UdSentence[]) {
  const a = new UdAnnotator(model, clusters);
  const scorer = new UdScorer();
  for (const s of dev) scorer.add(s, a.analyse(s.words));
  return scorer.score();
}

function main(): void {
  const tagEpochs = Number(option("tag-epochs", "8"));
  const parseEpochs = Number(option("parse-epochs", "15"));
  const folds = Number(option("folds", "4"));
  const minWeight = Number(option("min-weight", "0.05"));
  const limit = Number(option("limit", "0"));
  const out = option("out", PARSE_MODEL_FILE);
  const t0 = performance.now();
  const secs = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

  let train = readConllu(UD + "en_ewt-ud-train.conllu");
  if (limit > 0) train = train.slice(0, limit);
  const dev = readConllu(UD + "en_ewt-ud-dev.conllu");
  const clusters = WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE);
  const labels = labelsOf(train);
  console.error(`train ${train.length} sentences, ${labels.tags.length} tags, ${labels.labels.length} relations`);

  const devTagAcc = (table: FrozenTable): number => {
    const pred = tagAll(dev, table, labels.tags.length, clusters);
    let right = 0, total = 0;
    dev.forEach((s, i) => s.words.forEach((_, j) => {
      total++;
      if (labels.tags[pred[i]![j]!]?.endsWith(`|${s.upos[j]}`)) right++;
    }));
    return right / total;
  };
  const tagTable = trainTagger(train, labels, clusters, tagEpochs, 1, (epoch, table, errors, total) => {
    const acc = devTagAcc(table);
    console.error(`tagger epoch ${epoch}: train error ${((100 * errors) / total).toFixed(2)}%  dev UPOS ${(100 * acc).toFixed(2)}  ${secs()}`);
    return acc;
  });
  const trainTags = folds > 1 ? jackknifeTags(train, labels, clusters, folds, tagEpochs, 101) : tagAll(train, tagTable, labels.tags.length, clusters);
  console.error(`jack-knifed training tags (${folds} folds)  ${secs()}`);

  const info = { trainedOn: "UD English EWT train (CC BY-SA 4.0)", tagEpochs, parseEpochs, folds, minWeight };
  const parser = trainParser(train, trainTags, labels, clusters, parseEpochs, 7, (epoch, tables, errors, total) => {
    const s = devScore(new ParseModel(labels.tags, labels.labels, tagTable, tables.moves, tables.labels, info), clusters, dev);
    console.error(
      `parser epoch ${epoch}: errors ${((100 * errors) / total).toFixed(2)}% of moves  dev ${formatUdScore(s)}  ` +
        `features ${tables.moves.index.size} + ${tables.labels.index.size}, entries ${tables.moves.entries} + ${tables.labels.entries}  ${secs()}`,
    );
    return s.las;
  });

  const model = new ParseModel(labels.tags, labels.labels, tagTable, parser.moves, parser.labels, info);
  // --try-min-weights 0.5,1,2: size and dev LAS of other pruning levels, to choose the committed one
  for (const w of option("try-min-weights", "").split(",").filter(Boolean).map(Number)) {
    const b = model.serialise(w);
    const s = devScore(ParseModel.deserialise(b), clusters, dev);
    console.error(`min-weight ${w}: ${(b.length / 1024 / 1024).toFixed(2)} MiB  dev ${formatUdScore(s)}`);
  }
  const bytes = model.serialise(minWeight);
  writeFileSync(out, bytes);
  // Score the model as it will be loaded (pruned and quantised), so the reported dev figures are the committed one's.
  const loaded = ParseModel.deserialise(bytes);
  console.error(`saved ${out} (${(bytes.length / 1024 / 1024).toFixed(2)} MiB, ${loaded.features} features)`);
  console.error(`dev (as saved): ${formatUdScore(devScore(loaded, clusters, dev))}`);
  console.error(`total ${secs()}`);
}

main();
