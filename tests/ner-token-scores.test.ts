// The per-word score cache (TokenScoreCache) must decode exactly as scoring every feature does: same tags on real
// sentences, in plain and all-caps sentences, with words seen before in other positions, and across a cache restart.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readConll } from "../src/nlp/ner/conll.js";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { FeatureExtractor, MAX_FEATURES, TOKEN_OFFSETS } from "../src/nlp/ner/features.js";
import { Gazetteer } from "../src/nlp/ner/gazetteer.js";
import { NerModel } from "../src/nlp/ner/model.js";
import { CLUSTERS_FILE, MODEL_DIR, MODEL_FILE } from "../src/nlp/ner/tagger.js";
import { ViterbiDecoder } from "../src/nlp/ner/viterbi.js";

const DEV = new URL("../../shared/corpora/conll2003/dev.txt", import.meta.url).pathname;

function setup() {
  const model = NerModel.deserialise(readFileSync(MODEL_DIR + MODEL_FILE));
  const fx = new FeatureExtractor(WordClusters.fromGzipFile(MODEL_DIR + CLUSTERS_FILE), new Gazetteer(model.gazetteer));
  const direct = new ViterbiDecoder();
  /** [cached tags, tags from every feature] of one sentence. */
  const both = (tokens: string[]): [number[], number[]] => {
    const a = new Uint8Array(tokens.length);
    const b = new Uint8Array(tokens.length);
    fx.setSentence(tokens);
    model.predict(fx, tokens, a);
    direct.decode(fx, tokens.length, model.stat, model.hist, b);
    return [[...a], [...b]];
  };
  return { model, fx, both };
}

describe("NER token score cache", () => {
  const sentences = [
    "Angela Merkel met Barack Obama in Berlin on Tuesday .",
    "Obama said Merkel was right , Obama told reporters in Berlin .",
    "U.N. OFFICIAL SAYS TALKS WITH IRAQ TO RESUME IN BAGHDAD",
    "Merkel",
    "The Bank of England raised rates ; the Bank said inflation would ease .",
  ];
  it.each(sentences)("decodes %s as scoring every feature does", (sentence) => {
    const { both } = setup();
    // Twice: the second pass reads every word from the cache.
    for (let pass = 0; pass < 2; pass++) {
      const [cached, direct] = both(sentence.split(" "));
      expect(cached).toEqual(direct);
    }
  });

  it("splits every static feature into per-token and context parts", () => {
    const { fx } = setup();
    const tokens = "Prime Minister Imran Khan visited WASHINGTON on Monday".split(" ");
    fx.setSentence(tokens);
    const whole = new Uint32Array(MAX_FEATURES);
    const parts = new Uint32Array(MAX_FEATURES);
    for (let i = 0; i < tokens.length; i++) {
      const n = fx.extractStatic(i, whole, 0);
      let m = 0;
      for (const offset of TOKEN_OFFSETS) m += fx.tokenFeatures(offset, i + offset, parts, m);
      m += fx.contextFeatures(i, parts, m);
      expect([...parts.slice(0, m)].sort()).toEqual([...whole.slice(0, n)].sort());
    }
  });

  it.runIf(existsSync(DEV))("gives the same tags on 1,500 CoNLL dev sentences", () => {
    const { both } = setup();
    let differ = 0;
    for (const s of readConll(DEV).slice(0, 1500)) {
      const [cached, direct] = both(s.tokens);
      if (cached.join() !== direct.join()) differ++;
    }
    expect(differ).toBe(0);
  });
});
