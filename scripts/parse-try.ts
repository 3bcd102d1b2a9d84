// Experiment helper: dev figures and parse states of a model file with decoding settings overridden.
// Usage: npx tsx scripts/parse-try.ts MODEL.bin.gz [beam=2 beamTemperature=20 beamMargin=1 ...]
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { formatUdScore, UdScorer } from "../src/eval/ud.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { UdAnnotator } from "../src/nlp/parse/annotator.js";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { ParseModel } from "../src/nlp/parse/model.js";
import { labelsOf, tagDictionary } from "../src/nlp/parse/train.js";

const [file, ...sets] = process.argv.slice(2);
const dev = readConllu(new URL("../../shared/corpora/ud/en_ewt-ud-dev.conllu", import.meta.url).pathname);
const clusters = WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE);
const bytes = readFileSync(file!);
for (const set of sets.length ? sets : [""]) {
  const model = ParseModel.deserialise(bytes);
  for (const kv of set.split(",").filter(Boolean)) {
    const [k, v] = kv.split("=");
    if (k === "tagDict") {
      // tagDict=COUNT:SHARE (from EWT train)
      const [c, r] = v!.split(":").map(Number);
      const train = readConllu(new URL("../../shared/corpora/ud/en_ewt-ud-train.conllu", import.meta.url).pathname);
      const labels = labelsOf(train);
      if (labels.tags.join() !== model.tags.join()) throw new Error("tag inventory differs");
      model.tagDict = tagDictionary(train, labels, c!, r!);
      continue;
    }
    if (v === "") delete model.info[k!];
    else model.info[k!] = Number.isNaN(Number(v)) ? v! : Number(v);
  }
  const a = new UdAnnotator(model, clusters);
  const scorer = new UdScorer();
  let words = 0;
  const h = createHash("sha256");
  for (const s of dev) {
    words += s.words.length;
    const g = a.analyse(s.words);
    h.update(g.xpos.map((x, i) => `${x}/${g.heads[i]}/${g.deprels[i]}`).join(" ") + "\n");
    scorer.add(s, g);
  }
  const states = a.parser.beamStates || 2 * words;
  console.log(`${set || "(header)"}: ${formatUdScore(scorer.score())}  states/2n ${(states / (2 * words)).toFixed(3)}  sha ${h.digest("hex").slice(0, 12)}`);
}
