// Exact first-order decoding. A tag's score at position i is the sum of its static features' weights (word,
// shape, context, clusters, gazetteer: scored once per position) plus the weights of HISTORY_FEATURES features
// conjoined with the previous tag (scored once per possible previous tag). Viterbi then finds the best sequence
// under the BIO constraint (I-X only after B-X or I-X). Buffers are reused between sentences.
import type { FeatureIndex } from "./feature-index.js";
import { FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES, TAG_START } from "./features.js";
import { allowedAfter, N_TAGS } from "./tags.js";

/** Slots for the previous tag: the tag ids, then one for "sentence start". */
const PREV_SLOTS = N_TAGS + 1;
const START_SLOT = N_TAGS;
/** ALLOWED[p * N_TAGS + t]: whether tag t may follow tag p (precomputed for the inner loop). */
const ALLOWED = Uint8Array.from({ length: N_TAGS * N_TAGS }, (_, i) => (allowedAfter(Math.floor(i / N_TAGS), i % N_TAGS) ? 1 : 0));

export class ViterbiDecoder {
  private cap = 0;
  /** Static feature keys of position i at [i * MAX_FEATURES, + staticCount[i]). */
  staticKeys = new Uint32Array(0);
  staticCount = new Int32Array(0);
  private staticScore = new Float64Array(0);
  private histScore = new Float64Array(0);
  private delta = new Float64Array(0);
  private back = new Uint8Array(0);
  private readonly histKeys = new Uint32Array(HISTORY_FEATURES);
  private readonly trans = new Float64Array(PREV_SLOTS * N_TAGS);

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    this.staticKeys = new Uint32Array(cap * MAX_FEATURES);
    this.staticCount = new Int32Array(cap);
    this.staticScore = new Float64Array(cap * N_TAGS);
    this.histScore = new Float64Array(cap * PREV_SLOTS * N_TAGS);
    this.delta = new Float64Array(cap * N_TAGS);
    this.back = new Uint8Array(cap * N_TAGS);
    this.cap = cap;
  }

  /** Best tag sequence for the sentence loaded in `fx` (n tokens) under the given weights; tag ids into `out`. */
  decode(fx: FeatureExtractor, n: number, index: FeatureIndex, weights: Float32Array, out: Uint8Array): void {
    if (n === 0) return;
    this.ensure(n);
    const { staticKeys, staticCount, staticScore, histScore, histKeys, delta, back } = this;
    staticScore.fill(0, 0, n * N_TAGS);
    // Transition weights (previous tag alone) seed the history scores of every position.
    const trans = this.trans;
    trans.fill(0);
    for (let slot = 0; slot < PREV_SLOTS; slot++) {
      const r = index.get(FeatureExtractor.transitionKey(slot === START_SLOT ? TAG_START : slot));
      if (r >= 0) for (let k = 0; k < N_TAGS; k++) trans[slot * N_TAGS + k] = weights[r * N_TAGS + k]!;
    }
    for (let i = 0; i < n; i++) {
      const at = i * MAX_FEATURES;
      const count = fx.extractStatic(i, staticKeys, at);
      staticCount[i] = count;
      const s = i * N_TAGS;
      for (let f = at; f < at + count; f++) {
        const r = index.get(staticKeys[f]!);
        if (r < 0) continue;
        const base = r * N_TAGS;
        for (let k = 0; k < N_TAGS; k++) staticScore[s + k]! += weights[base + k]!;
      }
      for (let slot = i === 0 ? START_SLOT : 0; slot < (i === 0 ? PREV_SLOTS : N_TAGS); slot++) {
        fx.extractHistory(i, slot === START_SLOT ? TAG_START : slot, histKeys, 0);
        const h = (i * PREV_SLOTS + slot) * N_TAGS;
        for (let k = 0; k < N_TAGS; k++) histScore[h + k] = trans[slot * N_TAGS + k]!;
        for (let f = 0; f < HISTORY_FEATURES; f++) {
          const r = index.get(histKeys[f]!);
          if (r < 0) continue;
          const base = r * N_TAGS;
          for (let k = 0; k < N_TAGS; k++) histScore[h + k]! += weights[base + k]!;
        }
      }
    }
    // delta[i][t]: best score of a sequence ending in t at i; back[i][t]: its previous tag.
    for (let t = 0; t < N_TAGS; t++) {
      delta[t] = allowedAfter(-1, t) ? staticScore[t]! + histScore[START_SLOT * N_TAGS + t]! : -Infinity;
    }
    for (let i = 1; i < n; i++) {
      for (let t = 0; t < N_TAGS; t++) {
        let best = -Infinity;
        let arg = 0;
        const prevBase = (i - 1) * N_TAGS;
        const histBase = i * PREV_SLOTS * N_TAGS + t;
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
