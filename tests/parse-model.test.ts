import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UdScorer } from "../src/eval/ud.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { loadAnnotator } from "../src/nlp/parse/index.js";
import { trainModel } from "../src/nlp/parse/train.js";

const UD = new URL("../../shared/corpora/ud/", import.meta.url).pathname;
const DEV = UD + "en_ewt-ud-dev.conllu";
const TRAIN = UD + "en_ewt-ud-train.conllu";

describe("committed parse model", () => {
  it.runIf(existsSync(DEV))("reproduces the dev UPOS, UAS and LAS recorded in it at training time", () => {
    const a = loadAnnotator();
    const scorer = new UdScorer();
    for (const s of readConllu(DEV)) scorer.add(s, a.analyse(s.words));
    const score = scorer.score();
    expect(score.las.toFixed(6)).toBe(a.model.info.devLas);
    expect(score.uas.toFixed(6)).toBe(a.model.info.devUas);
    expect(score.upos.toFixed(6)).toBe(a.model.info.devUpos);
    expect(score.las).toBeGreaterThanOrEqual(0.82);
  }, 120_000);
});

describe("parse training", () => {
  it.runIf(existsSync(TRAIN))("gives the same model bytes twice from the same data", () => {
    const train = readConllu(TRAIN).slice(0, 150);
    const clusters = WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE);
    const opts = { tagEpochs: 2, parseEpochs: 2, folds: 2 };
    const a = trainModel(train, clusters, opts).serialise(0.5);
    const b = trainModel(train, clusters, opts).serialise(0.5);
    expect(a.length).toBeGreaterThan(1000);
    expect(a.equals(b)).toBe(true);
  }, 120_000);
});
