// Averaged perceptron training for the greedy tagger (Collins 2002; the averaging by the usual
// "w - u / c" trick so each update costs O(features)). The tag history is the model's own predictions, so
// training sees the same (possibly wrong) history that tagging will.
import { FeatureIndex } from "./feature-index.js";
import { type FeatureExtractor, MAX_FEATURES, TAG_START } from "./features.js";
import type { GazetteerData } from "./gazetteer.js";
import { NerModel } from "./model.js";
import { allowedAfter, N_TAGS } from "./tags.js";

export interface TrainSentence {
  tokens: string[];
  tags: Uint8Array;
}

export class PerceptronTrainer {
  readonly index = new FeatureIndex(1 << 20);
  private w = new Float32Array(N_TAGS << 20);
  private u = new Float64Array(N_TAGS << 20);
  private c = 1;
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly scores = new Float64Array(N_TAGS);

  constructor(private readonly fx: FeatureExtractor) {}

  /** One pass over one sentence; returns the number of tokens tagged wrongly. */
  trainSentence(s: TrainSentence): number {
    const { fx, feats, scores } = this;
    fx.setSentence(s.tokens);
    let prev = TAG_START;
    let prev2 = TAG_START;
    let errors = 0;
    for (let i = 0; i < s.tokens.length; i++) {
      const nf = fx.extract(i, prev, prev2, feats);
      scores.fill(0);
      for (let f = 0; f < nf; f++) {
        const r = this.index.get(feats[f]!);
        if (r < 0) continue;
        const base = r * N_TAGS;
        for (let k = 0; k < N_TAGS; k++) scores[k]! += this.w[base + k]!;
      }
      let guess = 0;
      let best = -Infinity;
      for (let k = 0; k < N_TAGS; k++) {
        if (scores[k]! > best && allowedAfter(prev, k)) [best, guess] = [scores[k]!, k];
      }
      const gold = s.tags[i]!;
      if (guess !== gold) {
        errors++;
        for (let f = 0; f < nf; f++) {
          const base = this.row(feats[f]!) * N_TAGS;
          this.w[base + gold]! += 1;
          this.u[base + gold]! += this.c;
          this.w[base + guess]! -= 1;
          this.u[base + guess]! -= this.c;
        }
      }
      this.c++;
      prev2 = prev;
      prev = guess;
    }
    return errors;
  }

  private row(key: number): number {
    const r = this.index.getOrAdd(key);
    if ((r + 1) * N_TAGS > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return r;
  }

  /** The averaged weights as a model (the trainer can keep training afterwards). */
  averaged(gazetteer: GazetteerData, info: Record<string, string | number>): NerModel {
    const rows = this.index.size;
    const avg = new Float32Array(rows * N_TAGS);
    for (let i = 0; i < avg.length; i++) avg[i] = this.w[i]! - this.u[i]! / this.c;
    const index = new FeatureIndex(rows);
    const keys = this.index.keysByRow();
    for (let r = 0; r < rows; r++) index.getOrAdd(keys[r]!);
    return new NerModel(index, avg, gazetteer, info);
  }
}
