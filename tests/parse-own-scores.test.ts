// The tagger keeps each word's own-feature scores per lexicon row (src/nlp/parse/own-scores.ts). The lexicon
// clears its cache at 200,000 words and then reuses row numbers, possibly in the middle of a sentence: tags must
// stay those of a tagger whose lexicon never cleared.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { CLUSTERS_FILE, MODEL_DIR as NER_DIR } from "../src/nlp/ner/tagger.js";
import { UdAnnotator } from "../src/nlp/parse/annotator.js";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { loadAnnotator } from "../src/nlp/parse/index.js";

const DEV = new URL("../../shared/corpora/ud/en_ewt-ud-dev.conllu", import.meta.url).pathname;

/** The lexicon's private cache, reached to make it clear without computing 200,000 words. */
interface LexiconInside {
  rows: Map<string, number>;
  attrs: Uint32Array;
  generation: number;
}

describe("tagger own-feature scores", () => {
  it.runIf(existsSync(DEV))("give the same tags when the lexicon clears its cache mid-sentence", () => {
    const a = loadAnnotator();
    const clusters = WordClusters.fromGzipFile(NER_DIR + CLUSTERS_FILE);
    const lex = (a.tagCtx as unknown as { lexicon: LexiconInside }).lexicon;
    const plain = readConllu(DEV).slice(0, 120).map((s) => s.words);
    const generation = lex.generation;
    let checked = 0;
    for (let round = 0; round < 2; round++) {
      // a new word in the middle of each sentence: the one that makes a full lexicon clear
      const sents = plain.map((s, i) => [...s.slice(0, s.length >> 1), `Zqv${round}x${i}`, ...s.slice(s.length >> 1)]);
      const fresh = new UdAnnotator(a.model, clusters);
      for (const s of plain) fresh.tag(s);
      const expected = sents.map((s) => Array.from(fresh.tag(s).subarray(0, s.length)));
      for (let i = 0; i < sents.length; i++) {
        if (i % 30 === 7) {
          // pretend the lexicon holds 199,999 words; its attribute array is made full size so row numbers stay valid
          if (lex.attrs.length < 200_000 * 12) {
            const grown = new Uint32Array(200_000 * 12);
            grown.set(lex.attrs);
            lex.attrs = grown;
          }
          for (let k = 0; lex.rows.size < 199_999; k++) lex.rows.set(`filler ${round} ${i} ${k}`, 199_999);
        }
        expect(Array.from(a.tag(sents[i]!).subarray(0, sents[i]!.length))).toEqual(expected[i]);
        checked++;
      }
    }
    expect(lex.generation).toBeGreaterThan(generation);
    expect(checked).toBe(240);
  }, 60_000);
});
