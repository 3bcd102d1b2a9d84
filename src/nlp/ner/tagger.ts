// Public API of the learned entity tagger: load the committed model once, tag one sentence's tokens.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WordClusters } from "./clusters.js";
import { FeatureExtractor } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { NerModel } from "./model.js";
import { isInside, type NerType, TAGS, typeOf } from "./tags.js";

export type { NerType } from "./tags.js";

export interface NerSpan {
  start: number; // token index
  end: number; // exclusive
  type: NerType;
}

export interface NerTagger {
  /** Entity spans of one sentence's word tokens (punctuation as separate tokens, as in CoNLL). */
  tag(tokens: readonly string[]): NerSpan[];
  /** The same decision as BIO tags, one per token. */
  tagBio(tokens: readonly string[]): string[];
}

export const MODEL_DIR = fileURLToPath(new URL("../../../models/ner/", import.meta.url));
export const MODEL_FILE = "model.bin.gz";
export const CLUSTERS_FILE = "clusters.tsv.gz";

class PerceptronTagger implements NerTagger {
  private out = new Uint8Array(256);
  private readonly fx: FeatureExtractor;

  constructor(
    private readonly model: NerModel,
    clusters: WordClusters,
  ) {
    this.fx = new FeatureExtractor(clusters, new Gazetteer(model.gazetteer));
  }

  private run(tokens: readonly string[]): Uint8Array {
    if (tokens.length > this.out.length) this.out = new Uint8Array(tokens.length * 2);
    this.fx.setSentence(tokens);
    this.model.predict(this.fx, tokens, this.out);
    return this.out;
  }

  tag(tokens: readonly string[]): NerSpan[] {
    const tags = this.run(tokens);
    const spans: NerSpan[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tags[i]!;
      if (t === 0 || isInside(t)) continue; // decoding guarantees I-X follows B-X/I-X
      let end = i + 1;
      while (end < tokens.length && tags[end] === t + 1) end++;
      spans.push({ start: i, end, type: typeOf(t) });
    }
    return spans;
  }

  tagBio(tokens: readonly string[]): string[] {
    const tags = this.run(tokens);
    const out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = TAGS[tags[i]!]!;
    return out;
  }
}

/** Builds a tagger from explicit files (training scripts and tests of alternative models). */
export function createTagger(model: NerModel, clusters: WordClusters): NerTagger {
  return new PerceptronTagger(model, clusters);
}

let cached: NerTagger | undefined;

/** Loads the committed model (models/ner/) once and caches it. */
export function loadTagger(): NerTagger {
  if (!cached) {
    const model = NerModel.deserialise(readFileSync(MODEL_DIR + MODEL_FILE));
    const clusters = WordClusters.fromGzipFile(MODEL_DIR + CLUSTERS_FILE);
    cached = new PerceptronTagger(model, clusters);
  }
  return cached;
}
