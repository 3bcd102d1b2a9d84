// Averaged structured perceptron (Collins 2002) over first-order Viterbi decoding, with the usual
// "w - u / c" averaging trick so each update costs O(features). For every position where the predicted and the
// gold sequence differ (in the tag or in the previous tag), the gold features are rewarded and the predicted ones
// penalised: static features when the tags differ, history features under each sequence's own previous tag.
import { FeatureIndex } from "./feature-index.js";
import { FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES, TAG_START } from "./features.js";
import type { GazetteerData } from "./gazetteer.js";
import { NerModel } from "./model.js";
import { N_TAGS } from "./tags.js";
import { ViterbiDecoder } from "./viterbi.js";

export interface TrainSentence {
  tokens: string[];
  tags: Uint8Array;
}

export class PerceptronTrainer {
  readonly index = new FeatureIndex(1 << 20);
  private w = new Float32Array(N_TAGS << 20);
  private u = new Float64Array(N_TAGS << 20);
  private c = 1;
  private readonly decoder = new ViterbiDecoder();
  private pred = new Uint8Array(256);
  private readonly hist = new Uint32Array(HISTORY_FEATURES);

  constructor(private readonly fx: FeatureExtractor) {}

  /** One pass over one sentence; returns the number of tokens tagged wrongly. */
  trainSentence(s: TrainSentence): number {
    const { fx, decoder } = this;
    const n = s.tokens.length;
    if (n > this.pred.length) this.pred = new Uint8Array(n * 2);
    const pred = this.pred;
    fx.setSentence(s.tokens);
    decoder.decode(fx, n, this.index, this.w, pred);
    let errors = 0;
    for (let i = 0; i < n; i++) {
      const gold = s.tags[i]!;
      const guess = pred[i]!;
      const goldPrev = i > 0 ? s.tags[i - 1]! : TAG_START;
      const guessPrev = i > 0 ? pred[i - 1]! : TAG_START;
      if (guess !== gold) {
        errors++;
        const at = i * MAX_FEATURES;
        for (let f = at; f < at + decoder.staticCount[i]!; f++) this.update(decoder.staticKeys[f]!, gold, guess);
      }
      if (guess !== gold || goldPrev !== guessPrev) {
        this.update(FeatureExtractor.transitionKey(goldPrev), gold, -1);
        this.update(FeatureExtractor.transitionKey(guessPrev), -1, guess);
        fx.extractHistory(i, goldPrev, this.hist, 0);
        for (let f = 0; f < HISTORY_FEATURES; f++) this.update(this.hist[f]!, gold, -1);
        fx.extractHistory(i, guessPrev, this.hist, 0);
        for (let f = 0; f < HISTORY_FEATURES; f++) this.update(this.hist[f]!, -1, guess);
      }
    }
    this.c += n;
    return errors;
  }

  /** +1 for tag `up`, -1 for tag `down` (either may be -1 for none) on feature `key`. */
  private update(key: number, up: number, down: number): void {
    const base = this.row(key) * N_TAGS;
    if (up >= 0) {
      this.w[base + up]! += 1;
      this.u[base + up]! += this.c;
    }
    if (down >= 0) {
      this.w[base + down]! -= 1;
      this.u[base + down]! -= this.c;
    }
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
