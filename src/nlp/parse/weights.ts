// Weight tables for the tagger and the parser: feature key -> a row of `width` class weights.
// Training keeps Float32 weights and Float32 averaging sums ("w - u / c"; float32 sums are exact enough at this
// scale and halve the memory of float64); the frozen table is what decoding and the saved model use.
import { FeatureIndex } from "../ner/feature-index.js";

/** Adds the dense rows of the features in keys[0..n) into scores[0..width); absent features add nothing. */
function addRows(index: FeatureIndex, w: Float32Array, width: number, keys: Uint32Array, n: number, scores: Float32Array): void {
  scores.fill(0, 0, width);
  for (let f = 0; f < n; f++) {
    const r = index.get(keys[f]!);
    if (r < 0) continue;
    const at = r * width;
    for (let k = 0; k < width; k++) scores[k]! += w[at + k]!;
  }
}

/**
 * The fixed weights used for decoding and saving: sparse rows, because a perceptron row has few non-zero classes
 * (a dense row of ~100 floats per feature would cost gigabytes and a cache miss per class).
 * Row r holds cols[start[r] .. start[r + 1]) with values vals[...].
 */
export class FrozenTable {
  constructor(
    readonly width: number,
    readonly index: FeatureIndex,
    readonly start: Uint32Array,
    readonly cols: Uint8Array,
    readonly vals: Float32Array,
  ) {
    if (width > 256) throw new Error("weights: more than 256 classes do not fit a sparse row's uint8 columns");
  }

  /**
   * Sparse table of the non-zero entries of dense rows (entry c of row r is `dense(r * width + c)`, rounded to
   * float32) with |w| >= minWeight.
   */
  static fromDense(width: number, keys: Uint32Array, dense: (i: number) => number, minWeight = 0): FrozenTable {
    let nnz = 0;
    let rows = 0;
    for (let r = 0; r < keys.length; r++) {
      let k = 0;
      for (let c = 0; c < width; c++) if (keep(Math.fround(dense(r * width + c)), minWeight)) k++;
      nnz += k;
      if (k > 0) rows++;
    }
    const index = new FeatureIndex(rows);
    const start = new Uint32Array(rows + 1);
    const cols = new Uint8Array(nnz);
    const vals = new Float32Array(nnz);
    let e = 0;
    for (let r = 0; r < keys.length; r++) {
      const e0 = e;
      for (let c = 0; c < width; c++) {
        const v = Math.fround(dense(r * width + c));
        if (!keep(v, minWeight)) continue;
        cols[e] = c;
        vals[e++] = v;
      }
      if (e === e0) continue;
      const row = index.getOrAdd(keys[r]!);
      start[row + 1] = e;
    }
    return new FrozenTable(width, index, start, cols, vals);
  }

  /** The mean of several tables over the union of their features (a feature missing from a table counts as 0). */
  static mean(tables: readonly FrozenTable[]): FrozenTable {
    const width = tables[0]!.width;
    const index = new FeatureIndex(tables[0]!.index.size * 2);
    for (const t of tables) for (const key of t.index.keysByRow()) index.getOrAdd(key);
    const dense = new Float32Array(index.size * width);
    for (const t of tables) {
      const keys = t.index.keysByRow();
      for (let r = 0; r < keys.length; r++) {
        const to = index.get(keys[r]!) * width;
        for (let e = t.start[r]!; e < t.start[r + 1]!; e++) dense[to + t.cols[e]!]! += t.vals[e]! / tables.length;
      }
    }
    return FrozenTable.fromDense(width, index.keysByRow(), (i) => dense[i]!);
  }

  get entries(): number {
    return this.vals.length;
  }

  /** Rows, then row starts, of the features of the current `score` call. */
  private rows = new Int32Array(256);
  private starts = new Int32Array(256);
  /** Sink of the touching loads (kept so they are not optimised away). */
  private touched = 0;

  /**
   * Adds the rows of keys[0..n) into scores[0..width), in feature order (so float sums round as they always did).
   * Done in passes of independent loads (index slots, row starts, first entries) so their cache misses overlap.
   */
  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0, 0, this.width);
    this.add(keys, 0, n, scores);
  }

  /** Adds the rows of keys[from..to) into scores[0..width), in feature order, as `score` does. */
  add(keys: Uint32Array, from: number, to: number, scores: Float32Array): void {
    const { index, start, cols, vals } = this;
    const n = to - from;
    if (n > this.rows.length) {
      this.rows = new Int32Array(n * 2);
      this.starts = new Int32Array(n * 2);
    }
    const rows = this.rows, starts = this.starts;
    let touched = index.getMany(keys, from, to, rows);
    for (let f = 0; f < n; f++) {
      const r = rows[f]!;
      if (r < 0) continue;
      const s = start[r]!;
      starts[f] = s;
      touched ^= cols[s]! ^ vals[s]!;
    }
    this.touched = touched;
    for (let f = 0; f < n; f++) {
      const r = rows[f]!;
      if (r < 0) continue;
      const end = start[r + 1]!;
      for (let e = starts[f]!; e < end; e++) scores[cols[e]!]! += vals[e]!;
    }
  }


  /** Int16 form for saving, entries below `minWeight` dropped (rows left empty go too); `scale` maps back to float. */
  pack(minWeight: number): { keys: Uint32Array; counts: Uint8Array; cols: Uint8Array; values: Int16Array; scale: number } {
    let maxAbs = 0;
    for (let i = 0; i < this.vals.length; i++) maxAbs = Math.max(maxAbs, Math.abs(this.vals[i]!));
    const scale = maxAbs / 32767 || 1;
    const all = this.index.keysByRow();
    const keys: number[] = [];
    const counts: number[] = [];
    const cols: number[] = [];
    const values: number[] = [];
    for (let r = 0; r < all.length; r++) {
      let kept = 0;
      for (let e = this.start[r]!; e < this.start[r + 1]!; e++) {
        const q = Math.round(this.vals[e]! / scale);
        if (Math.abs(this.vals[e]!) < minWeight || q === 0) continue;
        cols.push(this.cols[e]!);
        values.push(q);
        kept++;
      }
      if (kept === 0) continue;
      keys.push(all[r]!);
      counts.push(kept - 1);
    }
    return { keys: Uint32Array.from(keys), counts: Uint8Array.from(counts), cols: Uint8Array.from(cols), values: Int16Array.from(values), scale };
  }

  static unpack(width: number, p: { keys: Uint32Array; counts: Uint8Array; cols: Uint8Array; values: Int16Array; scale: number }): FrozenTable {
    const rows = p.keys.length;
    const index = new FeatureIndex(rows);
    const start = new Uint32Array(rows + 1);
    const vals = new Float32Array(p.values.length);
    for (let i = 0; i < vals.length; i++) vals[i] = p.values[i]! * p.scale;
    for (let r = 0; r < rows; r++) {
      if (index.getOrAdd(p.keys[r]!) !== r) throw new Error("weights: a packed table repeats a feature key");
      start[r + 1] = start[r]! + p.counts[r]! + 1;
    }
    return new FrozenTable(width, index, start, p.cols.slice(), vals);
  }
}

function keep(v: number, minWeight: number): boolean {
  return v !== 0 && Math.abs(v) >= minWeight;
}

export class TrainTable {
  readonly index = new FeatureIndex(1 << 16);
  private w: Float32Array;
  private u: Float32Array;

  constructor(readonly width: number) {
    this.w = new Float32Array(width << 16);
    this.u = new Float32Array(width << 16);
  }

  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    addRows(this.index, this.w, this.width, keys, n, scores);
  }

  /** Adds `delta` to class `col` of every feature in keys[0..n), at update count `c`. */
  update(keys: Uint32Array, n: number, col: number, delta: number, c: number): void {
    for (let f = 0; f < n; f++) {
      const r = this.index.getOrAdd(keys[f]!);
      if ((r + 1) * this.width > this.w.length) this.grow();
      this.w[r * this.width + col]! += delta;
      this.u[r * this.width + col]! += delta * c;
    }
  }

  private grow(): void {
    const w = new Float32Array(this.w.length * 2);
    w.set(this.w);
    this.w = w;
    const u = new Float32Array(this.u.length * 2);
    u.set(this.u);
    this.u = u;
  }

  /** The averaged weights ("w - u / c") as a sparse table. */
  averaged(c: number): FrozenTable {
    const { w, u } = this;
    return FrozenTable.fromDense(this.width, this.index.keysByRow(), (i) => w[i]! - u[i]! / c);
  }
}
