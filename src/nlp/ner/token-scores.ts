// Static scores with a per-word cache, for decoding with a fixed model. Most of a position's static features come
// from the single tokens around it (TOKEN_OFFSETS), and their summed weights depend only on that token's text and
// on whether the sentence is all caps. So each distinct word is scored once, for every offset, and reused: a
// position then costs five vector additions plus its few context features, instead of ~50 hash look-ups.
import { type FeatureExtractor, MAX_FEATURES, PAD, TOKEN_OFFSETS } from "./features.js";
import { N_TAGS } from "./tags.js";
import { addWeights, type Weights } from "./viterbi.js";

/** Words kept per case mode before the cache starts afresh (~0.4 KB each). */
const MAX_WORDS = 60_000;
const WIDTH = TOKEN_OFFSETS.length * N_TAGS;

export class TokenScoreCache {
  private readonly words = [new Map<string, Float64Array>(), new Map<string, Float64Array>()];
  /** Sentence-start and sentence-end pads, per case mode: [start, end, start caps, end caps]. */
  private readonly pads: (Float64Array | undefined)[] = [];
  private readonly keys = new Uint32Array(MAX_FEATURES);
  private rows: Float64Array[] = [];

  constructor(private readonly stat: Weights) {}

  /** Adds the static scores of the sentence loaded in `fx` (its `tokens`) to `scores[0, n * N_TAGS)`. */
  score(fx: FeatureExtractor, tokens: readonly string[], scores: Float64Array): void {
    const n = tokens.length;
    const caps = fx.isCapsSentence ? 1 : 0;
    const cache = this.words[caps]!;
    if (cache.size > MAX_WORDS) cache.clear();
    const rows = this.rows;
    for (let j = -PAD; j < n + PAD; j++) {
      if (j < 0 || j >= n) {
        const slot = 2 * caps + (j < 0 ? 0 : 1);
        rows[j + PAD] = this.pads[slot] ??= this.tokenRow(fx, j);
        continue;
      }
      const token = tokens[j]!;
      let row = cache.get(token);
      if (!row) cache.set(token, (row = this.tokenRow(fx, j)));
      rows[j + PAD] = row;
    }
    const { index, weights } = this.stat;
    for (let i = 0; i < n; i++) {
      const at = i * N_TAGS;
      for (let o = 0; o < TOKEN_OFFSETS.length; o++) {
        const row = rows[i + TOKEN_OFFSETS[o]! + PAD]!;
        for (let k = 0; k < N_TAGS; k++) scores[at + k]! += row[o * N_TAGS + k]!;
      }
      addWeights(this.keys, 0, fx.contextFeatures(i, this.keys, 0), index, weights, scores, at);
    }
  }

  /** The summed weights of token j's own features at every offset (pads have no offset-0 features). */
  private tokenRow(fx: FeatureExtractor, j: number): Float64Array {
    const row = new Float64Array(WIDTH);
    const { index, weights } = this.stat;
    TOKEN_OFFSETS.forEach((offset, o) => {
      if (offset === 0 && (j < 0 || j >= fx.length)) return;
      addWeights(this.keys, 0, fx.tokenFeatures(offset, j, this.keys, 0), index, weights, row, o * N_TAGS);
    });
    return row;
  }
}
