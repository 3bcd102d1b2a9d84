import { FeatureIndex } from "./feature-index.js";

/** Feature key -> a row of `width` weights (one per tag, or per previous tag x tag for history features). */
export class WeightTable {
  constructor(
    readonly width: number,
    readonly index: FeatureIndex,
    readonly weights: Float32Array,
  ) {}

  /** The mean of several tables over the union of their keys (weights missing from a table count as 0). */
  static mean(tables: readonly WeightTable[]): WeightTable {
    const width = tables[0]!.width;
    const index = new FeatureIndex(tables[0]!.index.size * 2);
    for (const t of tables) for (const key of t.index.keysByRow()) index.getOrAdd(key);
    const weights = new Float32Array(index.size * width);
    for (const t of tables) {
      const keys = t.index.keysByRow();
      for (let r = 0; r < keys.length; r++) {
        const to = index.get(keys[r]!) * width;
        for (let k = 0; k < width; k++) weights[to + k]! += t.weights[r * width + k]! / tables.length;
      }
    }
    return new WeightTable(width, index, weights);
  }
}

/** A growing table with the sums needed for perceptron averaging ("w - u / c"). */
export class TrainingTable {
  readonly index = new FeatureIndex(1 << 18);
  private w: Float32Array;
  private u: Float64Array;

  constructor(readonly width: number) {
    this.w = new Float32Array(width << 18);
    this.u = new Float64Array(width << 18);
  }

  /** Current (not averaged) weights, for decoding during training. */
  get weights(): Float32Array {
    return this.w;
  }

  /** Adds `delta` to weight `col` of feature `key` at update time `c`. */
  update(key: number, col: number, delta: number, c: number): void {
    const r = this.index.getOrAdd(key);
    if ((r + 1) * this.width > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    this.w[r * this.width + col]! += delta;
    this.u[r * this.width + col]! += delta * c;
  }

  averaged(c: number): WeightTable {
    const rows = this.index.size;
    const avg = new Float32Array(rows * this.width);
    for (let i = 0; i < avg.length; i++) avg[i] = this.w[i]! - this.u[i]! / c;
    const index = new FeatureIndex(rows);
    for (const key of this.index.keysByRow()) index.getOrAdd(key);
    return new WeightTable(this.width, index, avg);
  }
}
