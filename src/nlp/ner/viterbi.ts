// Exact first-order decoding. A tag's score at position i is the sum of its static features' weights (word,
// shape, context, clusters, gazetteer) plus, for each possible previous tag, the weights of the HISTORY_FEATURES
// features, whose rows hold one weight per (previous tag, tag) pair, so each is one look-up per position.
// Viterbi then finds the best sequence under the BIO constraint (I-X only after B-X or I-X).
// Buffers are reused between sentences.
import type { FeatureIndex } from "./feature-index.js";
import { type FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES } from "./features.js";
import { allowedAfter, HISTORY_WIDTH, N_TAGS, START_SLOT } from "./tags.js";

/** ALLOWED[p * N_TAGS + t]: whether tag t may follow tag p (precomputed for the inner loop). */
const ALLOWED = Uint8Array.from({ length: N_TAGS * N_TAGS }, (_, i) => (allowedAfter(Math.floor(i / N_TAGS), i % N_TAGS) ? 1 : 0));

/** What decoding needs of a weight table (a trained model's or one being trained). */
export interface Weights {
  readonly index: FeatureIndex;
  readonly weights: Float32Array;
}

export class ViterbiDecoder {
  private cap = 0;
  /** Static feature keys of position i at [i * MAX_FEATURES, + staticCount[i]). */
  staticKeys = new Uint32Array(0);
  staticCount = new Int32Array(0);
  /** History feature keys of position i at [i * HISTORY_FEATURES, + HISTORY_FEATURES). */
  histKeys = new Uint32Array(0);
  private staticScore = new Float64Array(0);
  private histScore = new Float64Array(0);
  private delta = new Float64Array(0);
  private back = new Uint8Array(0);

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.staticKeys = new Uint32Array(cap * MAX_FEATURES);
    this.staticCount = new Int32Array(cap);
    this.histKeys = new Uint32Array(cap * HISTORY_FEATURES);
    this.staticScore = new Float64Array(cap * N_TAGS);
    this.histScore = new Float64Array(cap * HISTORY_WIDTH);
    this.delta = new Float64Array(cap * N_TAGS);
    this.back = new Uint8Array(cap * N_TAGS);
    this.cap = cap;
  }

  /** Best tag sequence for the sentence loaded in `fx` (n tokens); tag ids into `out`. */
  decode(fx: FeatureExtractor, n: number, stat: Weights, hist: Weights, out: Uint8Array): void {
    if (n === 0) return;
    const { staticScore, histScore } = this.scores(n);
    const { staticKeys, staticCount, histKeys } = this;
    for (let i = 0; i < n; i++) {
      const at = i * MAX_FEATURES;
      const count = fx.extractStatic(i, staticKeys, at);
      staticCount[i] = count;
      addWeights(staticKeys, at, at + count, stat.index, stat.weights, staticScore, i * N_TAGS);
      const hAt = i * HISTORY_FEATURES;
      fx.extractHistory(i, histKeys, hAt);
      addWeights(histKeys, hAt, hAt + HISTORY_FEATURES, hist.index, hist.weights, histScore, i * HISTORY_WIDTH, HISTORY_WIDTH);
    }
    this.viterbi(n, out);
  }

  /**
   * The zeroed score buffers for n positions, for a caller that scores the features itself and then calls
   * `viterbi`: static scores (n x N_TAGS) and history scores (n x HISTORY_WIDTH).
   */
  scores(n: number): { staticScore: Float64Array; histScore: Float64Array } {
    this.ensure(n);
    this.staticScore.fill(0, 0, n * N_TAGS);
    this.histScore.fill(0, 0, n * HISTORY_WIDTH);
    return { staticScore: this.staticScore, histScore: this.histScore };
  }

  /** Best tag sequence under the scores in the buffers of `scores(n)`; tag ids into `out`. */
  viterbi(n: number, out: Uint8Array): void {
    if (n === 0) return;
    const { staticScore, histScore, delta, back } = this;
    // delta[i][t]: best score of a sequence ending in t at i; back[i][t]: its previous tag.
    for (let t = 0; t < N_TAGS; t++) {
      delta[t] = allowedAfter(-1, t) ? staticScore[t]! + histScore[START_SLOT * N_TAGS + t]! : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      const prevBase = (i - 1) * N_TAGS;
      for (let t = 0; t < N_TAGS; t++) {
        const histBase = i * HISTORY_WIDTH + t;
        let best = -Infinity;
        let arg = 0;
        for (let p = 0; p < N_TAGS; p++) {
          if (ALLOWED[p * N_TAGS + t] === 0) continue;
          const v = delta[prevBase + p]! + histScore[histBase + p * N_TAGS]!;
          if (v > best) {
            best = v;
            arg = p;
          }
        }
        delta[i * N_TAGS + t] = best + staticScore[i * N_TAGS + t]!;
        back[i * N_TAGS + t] = arg;
      }
    }
    let last = 0;
    for (let t = 1; t < N_TAGS; t++) if (delta[(n - 1) * N_TAGS + t]! > delta[(n - 1) * N_TAGS + last]!) last = t;
    for (let i = n - 1; i >= 0; i--) {
      out[i] = last;
      last = back[i * N_TAGS + last]!;
    }
  }
}

/**
 * Adds the weight rows of the features keys[from, to) to scores[at, at + width); unknown keys add nothing. Rows are
 * N_TAGS wide for static features, HISTORY_WIDTH (previous tag x tag) for history features.
 */
export function addWeights(
  keys: Uint32Array, from: number, to: number, index: FeatureIndex, weights: Float32Array, scores: Float64Array, at: number, width: number = N_TAGS,
): void {
  for (let f = from; f < to; f++) {
    const r = index.get(keys[f]!);
    if (r < 0) continue;
    const base = r * width;
    for (let k = 0; k < width; k++) scores[at + k]! += weights[base + k]!;
  }
}
