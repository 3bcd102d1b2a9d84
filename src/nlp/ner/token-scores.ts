// Feature scores with a per-word cache, for decoding with a fixed model. Most of a position's static features come
// from the single tokens around it (TOKEN_OFFSETS), and so do all its history features; their summed weights
// depend only on the token's text and on whether the sentence is all caps. So each distinct word is scored once,
// for every offset, and reused: a position then costs six vector additions plus its few context features, instead
// of ~55 hash look-ups. Rows live in one growing Float64Array (a typed array per word costs more to allocate than
// to fill).
import { type FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES, PAD, TOKEN_OFFSETS } from "./features.js";
import { HISTORY_WIDTH, N_TAGS } from "./tags.js";
import { addWeights, type Weights } from "./viterbi.js";

/** Words cached before the cache starts afresh: 30k rows of 135 doubles is 32 MB. */
const MAX_WORDS = 30_000;
/** A word's row: its static scores at each offset, then its history scores (as the current token). */
const STATIC_WIDTH = TOKEN_OFFSETS.length * N_TAGS;
const WIDTH = STATIC_WIDTH + HISTORY_WIDTH;
/** Rows 0-3 hold the sentence-start and sentence-end pads, plain and all caps; words follow. */
const PAD_ROWS = 4;

export class TokenScoreCache {
  /** Word -> row number, per case mode (plain, all caps). */
  private readonly words = [new Map<string, number>(), new Map<string, number>()];
  private slab = new Float64Array(1024 * WIDTH);
  private rowCount = PAD_ROWS;
  private readonly padDone = new Uint8Array(PAD_ROWS);
  private readonly keys = new Uint32Array(MAX_FEATURES);
  /** Row offset in the slab of each position of the current sentence, pads included. */
  private rowAt = new Int32Array(64);

  constructor(
    private readonly stat: Weights,
    private readonly hist: Weights,
  ) {}

  /**
   * Adds the scores of the sentence loaded in `fx` (its `tokens`) to the zeroed buffers of ViterbiDecoder.scores:
   * static scores (n x N_TAGS) and history scores (n x HISTORY_WIDTH).
   */
  score(fx: FeatureExtractor, tokens: readonly string[], staticScore: Float64Array, histScore: Float64Array): void {
    const n = tokens.length;
    const caps = fx.isCapsSentence ? 1 : 0;
    if (this.rowCount - PAD_ROWS + n > MAX_WORDS) this.restart();
    const cache = this.words[caps]!;
    if (this.rowAt.length < n + 2 * PAD) this.rowAt = new Int32Array(2 * (n + 2 * PAD));
    const rowAt = this.rowAt;
    for (let j = -PAD; j < n + PAD; j++) {
      if (j < 0 || j >= n) {
        const pad = 2 * caps + (j < 0 ? 0 : 1);
        if (!this.padDone[pad]) {
          this.fillRow(fx, j, pad);
          this.padDone[pad] = 1;
        }
        rowAt[j + PAD] = pad * WIDTH;
        continue;
      }
      const token = tokens[j]!;
      let row = cache.get(token);
      if (row === undefined) {
        row = this.newRow();
        this.fillRow(fx, j, row);
        cache.set(token, row);
      }
      rowAt[j + PAD] = row * WIDTH;
    }
    const slab = this.slab;
    const { index, weights } = this.stat;
    for (let i = 0; i < n; i++) {
      const at = i * N_TAGS;
      for (let o = 0; o < TOKEN_OFFSETS.length; o++) {
        const from = rowAt[i + TOKEN_OFFSETS[o]! + PAD]! + o * N_TAGS;
        for (let k = 0; k < N_TAGS; k++) staticScore[at + k]! += slab[from + k]!;
      }
      addWeights(this.keys, 0, fx.contextFeatures(i, this.keys, 0), index, weights, staticScore, at);
      const own = rowAt[i + PAD]! + STATIC_WIDTH;
      const h = i * HISTORY_WIDTH;
      for (let k = 0; k < HISTORY_WIDTH; k++) histScore[h + k] = slab[own + k]!;
    }
  }

  private restart(): void {
    for (const m of this.words) m.clear();
    this.rowCount = PAD_ROWS;
  }

  private newRow(): number {
    if ((this.rowCount + 1) * WIDTH > this.slab.length) {
      const grown = new Float64Array(this.slab.length * 2);
      grown.set(this.slab);
      this.slab = grown;
    }
    return this.rowCount++;
  }

  /** Row `row` := token j's own features summed at every offset and as history (pads only as neighbours). */
  private fillRow(fx: FeatureExtractor, j: number, row: number): void {
    const base = row * WIDTH;
    this.slab.fill(0, base, base + WIDTH);
    const { index, weights } = this.stat;
    const real = j >= 0 && j < fx.length;
    for (let o = 0; o < TOKEN_OFFSETS.length; o++) {
      const offset = TOKEN_OFFSETS[o]!;
      if (offset === 0 && !real) continue;
      addWeights(this.keys, 0, fx.tokenFeatures(offset, j, this.keys, 0), index, weights, this.slab, base + o * N_TAGS);
    }
    if (real) {
      fx.extractHistory(j, this.keys, 0);
      addWeights(this.keys, 0, HISTORY_FEATURES, this.hist.index, this.hist.weights, this.slab, base + STATIC_WIDTH, HISTORY_WIDTH);
    }
  }
}
