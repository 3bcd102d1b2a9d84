// Trains the entity tagger on CoNLL-2003 train, picks the epoch with the best dev F1, and writes
// models/ner/model.bin.gz. Seeded and single-threaded, so the same inputs give the same model bytes.
// The test split is never read here (report it once with `newsgraph eval --conll .../test.txt`).
//
// Usage: npm run train:ner -- [--epochs 12] [--seed 1] [--min-weight 0.5] [--out models/ner/model.bin.gz]
//   [--clusters other-clusters.tsv.gz] (for experiments: the tagger itself always loads models/ner/clusters.tsv.gz)
import { writeFileSync } from "node:fs";
import { formatScore, scoreConll } from "../src/eval/conll.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { readConll } from "../src/nlp/ner/conll.js";
import { FeatureExtractor } from "../src/nlp/ner/features.js";
import { Gazetteer } from "../src/nlp/ner/gazetteer.js";
import { buildGazetteer } from "../src/nlp/ner/gazetteer-build.js";
import { NerModel } from "../src/nlp/ner/model.js";
import { PerceptronTrainer, type TrainSentence } from "../src/nlp/ner/perceptron.js";
import { mulberry32 } from "../src/nlp/ner/rng.js";
import { CLUSTERS_FILE, createTagger, MODEL_DIR, MODEL_FILE } from "../src/nlp/ner/tagger.js";
import { tagId } from "../src/nlp/ner/tags.js";

const CONLL = new URL("../../shared/corpora/conll2003/", import.meta.url).pathname;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

function main(): void {
  const epochs = Number(option("epochs", "12"));
  const seed = Number(option("seed", "1"));
  const minWeight = Number(option("min-weight", "0.5"));
  const out = option("out", MODEL_DIR + MODEL_FILE);
  const t0 = performance.now();

  const train: TrainSentence[] = readConll(CONLL + "train.txt").map((s) => ({ tokens: s.tokens, tags: Uint8Array.from(s.tags, tagId) }));
  const dev = readConll(CONLL + "dev.txt");
  const clusters = WordClusters.fromGzipFile(option("clusters", MODEL_DIR + CLUSTERS_FILE));
  const gazData = buildGazetteer();
  const trainer = new PerceptronTrainer(new FeatureExtractor(clusters, new Gazetteer(gazData)));
  const rng = mulberry32(seed);
  const order = train.map((_, i) => i);

  let best: { f1: number; epoch: number; model: NerModel } | undefined;
  for (let epoch = 1; epoch <= epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const k of order) {
      errors += trainer.trainSentence(train[k]!);
      tokens += train[k]!.tokens.length;
    }
    const model = trainer.averaged(gazData, { epoch, seed, trainedOn: "CoNLL-2003 train", clusters: CLUSTERS_FILE });
    const tagger = createTagger(model, clusters);
    const score = scoreConll(dev.map((s) => s.tags), dev.map((s) => tagger.tagBio(s.tokens)));
    const f1 = score.overall.f1;
    console.error(
      `epoch ${epoch}: train token error ${((100 * errors) / tokens).toFixed(2)}%  dev F1 ${(100 * f1).toFixed(2)}  ` +
        `features ${trainer.index.size}  ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    if (!best || f1 > best.f1) best = { f1, epoch, model };
  }
  if (!best) throw new Error("train-ner: --epochs must be at least 1");

  const bytes = best.model.serialise(minWeight);
  writeFileSync(out, bytes);
  // Score the model as it will be loaded (pruned and quantised), so the reported dev F1 is the committed one's.
  const loaded = NerModel.deserialise(bytes);
  const tagger = createTagger(loaded, clusters);
  const score = scoreConll(dev.map((s) => s.tags), dev.map((s) => tagger.tagBio(s.tokens)));
  console.error(`best epoch ${best.epoch}; saved ${out} (${(bytes.length / 1024).toFixed(0)} KiB, ${loaded.index.size} features)`);
  console.error(`dev (as saved):\n${formatScore(score)}`);
  console.error(`total ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
