// Tagging and parsing speed on one core: EWT dev words (gold tokenization), after a warm-up pass.
// Usage: npm run bench:parse -- [--file some.conllu] [--rounds 3] [--model other.bin.gz (default: the committed model)] [--set beam=2,beamMargin=0.5 (its header overridden)]
import { readFileSync } from "node:fs";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { UdAnnotator } from "../src/nlp/parse/annotator.js";
import { loadAnnotator } from "../src/nlp/parse/index.js";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { ParseModel } from "../src/nlp/parse/model.js";
import { labelsOf, tagDictionary } from "../src/nlp/parse/train.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const file = option("file", new URL("../../shared/corpora/ud/en_ewt-ud-dev.conllu", import.meta.url).pathname);
const rounds = Number(option("rounds", "3"));
const t0 = performance.now();
const modelFile = option("model", "");
// --set k=v,...: header fields overridden (decoding settings, for experiments with one model file)
const sets = option("set", "").split(",").filter(Boolean).map((kv) => kv.split("="));
const model = modelFile ? ParseModel.deserialise(readFileSync(modelFile)) : undefined;
if (model) {
  for (const [k, v] of sets) {
    if (k === "tagDict") {
      // tagDict=COUNT:SHARE, from EWT train
      const [c, r] = v!.split(":").map(Number);
      const train = readConllu(new URL("../../shared/corpora/ud/en_ewt-ud-train.conllu", import.meta.url).pathname);
      model.tagDict = tagDictionary(train, labelsOf(train), c!, r!);
    } else if (v) model.info[k!] = Number.isNaN(Number(v)) ? v : Number(v);
    else delete model.info[k!];
  }
}
const a = model ? new UdAnnotator(model, WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE)) : loadAnnotator();
console.log(`model load ${(performance.now() - t0).toFixed(0)} ms`);
const sents = readConllu(file).map((s) => s.words);
const words = sents.reduce((n, s) => n + s.length, 0);
for (const s of sents) a.parseTagged(s.length, a.tag(s)); // warm-up
// CPU time as well as wall time: on a shared machine wall time measures the other jobs too.
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let tagMs = Infinity, allMs = Infinity, tagCpu = Infinity, allCpu = Infinity;
for (let r = 0; r < rounds; r++) {
  // best of `rounds`: the fastest round is the least disturbed
  let t = performance.now(), c = cpuMs();
  for (const s of sents) a.tag(s);
  tagMs = Math.min(tagMs, performance.now() - t);
  tagCpu = Math.min(tagCpu, cpuMs() - c);
  t = performance.now();
  c = cpuMs();
  for (const s of sents) a.parseTagged(s.length, a.tag(s));
  allMs = Math.min(allMs, performance.now() - t);
  allCpu = Math.min(allCpu, cpuMs() - c);
}
const rate = (ms: number): string => `${Math.round(words / (ms / 1000))}`.padStart(8);
console.log(`${sents.length} sentences, ${words} words, best of ${rounds} rounds, one thread; tokens/s by wall time | by CPU time`);
console.log(`tagging            ${rate(tagMs)} | ${rate(tagCpu)}`);
console.log(`parsing alone      ${rate(allMs - tagMs)} | ${rate(allCpu - tagCpu)}`);
console.log(`tagging + parsing  ${rate(allMs)} | ${rate(allCpu)}`);
