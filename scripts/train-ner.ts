// Trains the entity tagger on CoNLL-2003 train, picks the epoch with the best dev F1 (per shuffling seed; with
// --seeds N the N models' weights are averaged), and writes models/ner/model.bin.gz. Seeded and single-threaded, so the same inputs give the same model bytes.
// The test split is never read here (report it once with `newsgraph eval --conll .../test.txt`).
//
// Usage: npm run train:ner -- [--epochs 10] [--seeds 5] [--min-weight 0.5] [--out models/ner/model.bin.gz]
//   [--clusters other-clusters.tsv.gz] (for experiments: the tagger itself always loads models/ner/clusters.tsv.gz)
import { writeFileSync } from "node:fs";
import { type ConllScore, formatScore, scoreConll } from "../src/eval/conll.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { type ConllSentence, readConll } from "../src/nlp/ner/conll.js";
import { FeatureExtractor } from "../src/nlp/ner/features.js";
import { Gazetteer, type GazetteerData } from "../src/nlp/ner/gazetteer.js";
import { buildGazetteer } from "../src/nlp/ner/gazetteer-build.js";
import { averageModels, NerModel } from "../src/nlp/ner/model.js";
import { PerceptronTrainer, type TrainSentence } from "../src/nlp/ner/perceptron.js";
import { mulberry32 } from "../src/util/rng.js";
import { CLUSTERS_FILE, createTagger, MODEL_DIR, MODEL_FILE, tagDocuments } from "../src/nlp/ner/tagger.js";
import { tagId } from "../src/nlp/ner/tags.js";

const CONLL = new URL("../../shared/corpora/conll2003/", import.meta.url).pathname;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

interface Data {
  train: TrainSentence[];
  /** Sentence indices of each training document, in order. */
  docs: number[][];
  dev: ConllSentence[];
  clusters: WordClusters;
  gazData: GazetteerData;
}

function devF1(model: NerModel, data: Data): ConllScore {
  const tagger = createTagger(model, data.clusters);
  return scoreConll(data.dev.map((s) => s.tags), tagDocuments(tagger, data.dev));
}

/** Trains with one shuffling seed; returns the averaged model of the epoch with the best dev F1. */
function trainOne(data: Data, seed: number, epochs: number, t0: number): NerModel {
  const trainer = new PerceptronTrainer(new FeatureExtractor(data.clusters, new Gazetteer(data.gazData)));
  const rng = mulberry32(seed);
  // documents are shuffled, their sentences kept in order: the document history needs them so
  const order = data.docs.map((_, i) => i);
  let best: { f1: number; epoch: number; model: NerModel } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const d of order) {
      // The history holds the model's own earlier predictions in the document. (Training as tagging does, a first
      // pass to fill the history and a second that reads all of it, gave dev 92.51 against 93.30 for this.)
      trainer.beginDocument();
      for (const k of data.docs[d]!) {
        errors += trainer.trainSentence(data.train[k]!);
        tokens += data.train[k]!.tokens.length;
      }
    }
    const model = trainer.averaged(data.gazData, { epoch, seed, trainedOn: "CoNLL-2003 train", clusters: CLUSTERS_FILE });
    const f1 = devF1(model, data).overall.f1;
    console.error(
      `seed ${seed} epoch ${epoch}: train token error ${((100 * errors) / tokens).toFixed(2)}%  dev F1 ${(100 * f1).toFixed(2)}  ` +
        `features ${trainer.features}  ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (!best || f1 > best.f1) best = { f1, epoch, model };
  }
  if (!best) throw new Error("train-ner: --epochs must be at least 1");
  console.error(`seed ${seed}: best epoch ${best.epoch}`);
  return best.model;
}

function main(): void {
  const epochs = Number(option("epochs", "10"));
  const seeds = Number(option("seeds", "5"));
  const minWeight = Number(option("min-weight", "0.5"));
  const out = option("out", MODEL_DIR + MODEL_FILE);
  const t0 = performance.now();

  const trainSentences = readConll(CONLL + "train.txt");
  const docs: number[][] = [];
  trainSentences.forEach((s, i) => {
    if (i === 0 || s.doc !== trainSentences[i - 1]!.doc) docs.push([]);
    docs[docs.length - 1]!.push(i);
  });
  const data: Data = {
    train: trainSentences.map((s) => ({ tokens: s.tokens, tags: Uint8Array.from(s.tags, tagId) })),
    docs,
    dev: readConll(CONLL + "dev.txt"),
    clusters: WordClusters.fromGzipFile(option("clusters", MODEL_DIR + CLUSTERS_FILE)),
    gazData: buildGazetteer(),
  };
  const models: NerModel[] = [];
  for (let seed = 1; seed <= seeds; seed++) models.push(trainOne(data, seed, epochs, t0));
  const model = models.length === 1 ? models[0]! : averageModels(models);

  const bytes = model.serialise(minWeight);
  writeFileSync(out, bytes);
  // Score the model as it will be loaded (pruned and quantised), so the reported dev F1 is the committed one's.
  const loaded = NerModel.deserialise(bytes);
  console.error(`saved ${out} (${(bytes.length / 1024).toFixed(0)} KiB, ${loaded.features} features, ${seeds} seed(s))`);
  console.error(`dev (as saved):\n${formatScore(devF1(loaded, data))}`);
  console.error(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
