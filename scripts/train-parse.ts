// Trains the POS tagger and the dependency parser on UD English EWT train, picks epochs on EWT dev, and writes
// models/parse/model.bin.gz. Seeded and single-threaded: the same inputs give the same model bytes.
// The test split and GUM are never read here (report them with `newsgraph eval --ud FILE`).
//
// Usage: npm run train:parse -- [--tag-epochs 8] [--parse-epochs 10] [--folds 4] [--min-weight 1]
//   [--parse-seeds 1 (more: parsers averaged)] [--try-min-weights 0.5,2 (size and dev LAS of other pruning levels)] [--limit N (first N training sentences)]
//   [--beam 1 (decoding beam width recorded in the model; 1: greedy)] [--beam-temperature 20 (its softmax temperature)]
//   [--beam-margin M (with --beam 2: a second sequence kept only within M nats of the best)] [--beam-splits shift-left
//   (with --beam-margin: states split only between SHIFT and LEFT)] [--tag-dict 50,0.995 (words seen at least 50
//   times with one tag at least 99.5% of the time are tagged from a dictionary)] [--lean (the parser's lean
//   template set)] [--out models/parse/model.bin.gz]
import { writeFileSync } from "node:fs";
import { formatUdScore, type UdScore, UdScorer } from "../src/eval/ud.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { UdAnnotator } from "../src/nlp/parse/annotator.js";
import { readConllu, type UdSentence } from "../src/nlp/parse/conllu.js";
import { PARSE_MODEL_FILE } from "../src/nlp/parse/load.js";
import { ParseModel } from "../src/nlp/parse/model.js";
import { labelsOf, tagAll, tagDictionary, trainModel } from "../src/nlp/parse/train.js";

const UD = new URL("../../shared/corpora/ud/", import.meta.url).pathname;

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

export function devScore(model: ParseModel, clusters: WordClusters, dev: readonly UdSentence[]): UdScore {
  const a = new UdAnnotator(model, clusters);
  const scorer = new UdScorer();
  for (const s of dev) scorer.add(s, a.analyse(s.words));
  return scorer.score();
}

function main(): void {
  const tagEpochs = Number(option("tag-epochs", "8"));
  const parseEpochs = Number(option("parse-epochs", "10"));
  const folds = Number(option("folds", "4"));
  const parseSeeds = Number(option("parse-seeds", "1"));
  const minWeight = Number(option("min-weight", "1"));
  const limit = Number(option("limit", "0"));
  const beam = Number(option("beam", "1"));
  const beamTemperature = Number(option("beam-temperature", "20"));
  const beamMargin = Number(option("beam-margin", "0"));
  const beamSplits = option("beam-splits", "");
  const tagDict = option("tag-dict", "").split(",").filter(Boolean).map(Number);
  const lean = process.argv.includes("--lean");
  const out = option("out", PARSE_MODEL_FILE);
  const t0 = performance.now();
  const secs = (): string => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

  let train = readConllu(UD + "en_ewt-ud-train.conllu");
  if (limit > 0) train = train.slice(0, limit);
  const dev = readConllu(UD + "en_ewt-ud-dev.conllu");
  const clusters = WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE);
  const labels = labelsOf(train);
  console.error(`train ${train.length} sentences, ${labels.tags.length} tags, ${labels.labels.length} relations`);

  const model = trainModel(train, clusters, {
    tagEpochs,
    parseEpochs,
    folds,
    parseSeeds,
    // parseSeeds is recorded only when more than one (the committed model predates the option)
    info: { trainedOn: "UD English EWT train (CC BY-SA 4.0)", tagEpochs, parseEpochs, folds, ...(parseSeeds > 1 ? { parseSeeds } : {}), minWeight, ...(lean ? { templates: "lean" } : {}) },
    lean,
    scoreTagger: (epoch, table, errors, total) => {
      const pred = tagAll(dev, table, labels.tags.length, clusters);
      let right = 0, words = 0;
      dev.forEach((s, i) => s.words.forEach((_, j) => {
        words++;
        if (labels.tags[pred[i]![j]!]?.endsWith(`|${s.upos[j]}`)) right++;
      }));
      console.error(`tagger epoch ${epoch}: train error ${((100 * errors) / total).toFixed(2)}%  dev UPOS ${((100 * right) / words).toFixed(2)}  ${secs()}`);
      return right / words;
    },
    scoreParser: (epoch, m, errors, total) => {
      const s = devScore(m, clusters, dev);
      console.error(
        `parser epoch ${epoch}: errors ${((100 * errors) / total).toFixed(2)}% of moves  dev ${formatUdScore(s)}  ` +
          `features ${m.moveTable.index.size} + ${m.labelTable.index.size}, entries ${m.moveTable.entries} + ${m.labelTable.entries}  ${secs()}`,
      );
      return s.las;
    },
  });

  // Decoding: a beam of --beam sequences scored at --beam-temperature (both chosen on dev with the trained
  // weights; training itself and its epoch choice are greedy). Recorded in the header, which decoding follows.
  if (beam > 1) Object.assign(model.info, { beam, beamTemperature });
  if (beam === 2 && beamMargin > 0) Object.assign(model.info, { beamMargin, ...(beamSplits ? { beamSplits } : {}) });
  // The tag dictionary is used in decoding only: the parser's training tags (jack-knifed) and the epochs chosen
  // do not depend on it.
  if (tagDict.length === 2) {
    model.tagDict = tagDictionary(train, labels, tagDict[0]!, tagDict[1]!);
    Object.assign(model.info, { tagDictMinCount: tagDict[0]!, tagDictMinShare: tagDict[1]!, tagDictWords: model.tagDict.size });
  }

  // --try-min-weights: size and dev LAS of other pruning levels, to choose the committed one
  // (each also written next to --out as OUT.min-weight-W, its own dev figures in its header, to keep without retraining)
  for (const w of option("try-min-weights", "").split(",").filter(Boolean).map(Number)) {
    const b = model.serialise(w);
    const s = devScore(ParseModel.deserialise(b), clusters, dev);
    console.error(`min-weight ${w}: ${(b.length / 1024 / 1024).toFixed(2)} MiB  dev ${formatUdScore(s)}`);
    const info = { ...model.info };
    Object.assign(model.info, { minWeight: w, devUpos: s.upos.toFixed(6), devUas: s.uas.toFixed(6), devLas: s.las.toFixed(6) });
    writeFileSync(`${out}.min-weight-${w}`, model.serialise(w));
    for (const k of Object.keys(model.info)) delete model.info[k];
    Object.assign(model.info, info);
  }
  // The dev figures of the model as saved (pruned, quantised) go into its header: a test checks the committed
  // model still reproduces them.
  const saved = devScore(ParseModel.deserialise(model.serialise(minWeight)), clusters, dev);
  Object.assign(model.info, { devUpos: saved.upos.toFixed(6), devUas: saved.uas.toFixed(6), devLas: saved.las.toFixed(6) });
  const bytes = model.serialise(minWeight);
  writeFileSync(out, bytes);
  const loaded = ParseModel.deserialise(bytes);
  console.error(`saved ${out} (${(bytes.length / 1024 / 1024).toFixed(2)} MiB, ${loaded.features} features)`);
  console.error(`dev (as saved): ${formatUdScore(saved)}`);
  console.error(`total ${secs()}`);
}

main();
