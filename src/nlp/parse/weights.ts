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

  get entries(): number {
    return this.vals.length;
  }

  score(keys: Uint32Array, n: number, scores: Float32Array): void {
    scores.fill(0, 0, this.width);
    const { index, start, cols, vals } = this;
    for (let f = 0; f < n; f++) {
      const r = index.get(keys[f]!);
      if (r < 0) continue;
      const end = start[r + 1]!;
      for (let e = start[r]!; e < end; e++) scores[cols[e]!]! += vals[e]!;
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

/**
 * The parser's two tables for decoding, under one feature index: a state's features are looked up once (the
 * look-ups, cache misses into a large hash table, are most of a parser's time), then the rows give the dense
 * 3-wide move scores and, when an arc is made, the sparse label scores.
 */
export class ParserWeights {
  readonly index: FeatureIndex;
  readonly moves: Float32Array;
  readonly labels: FrozenTable;

  constructor(moves: FrozenTable, labels: FrozenTable) {
    const mKeys = moves.index.keysByRow();
    const lKeys = labels.index.keysByRow();
    this.index = new FeatureIndex(mKeys.length + lKeys.length);
    for (const k of mKeys) this.index.getOrAdd(k);
    for (const k of lKeys) this.index.getOrAdd(k);
    const rows = this.index.size;
    this.moves = new Float32Array(rows * 3);
    for (let r = 0; r < mKeys.length; r++) {
      for (let e = moves.start[r]!; e < moves.start[r + 1]!; e++) this.moves[r * 3 + moves.cols[e]!] = moves.vals[e]!;
    }
    // label rows re-ordered to the shared index (rows without label weights are empty)
    const start = new Uint32Array(rows + 1);
    const count = new Uint32Array(rows);
    for (let r = 0; r < lKeys.length; r++) count[this.index.get(lKeys[r]!)] = labels.start[r + 1]! - labels.start[r]!;
    for (let r = 0; r < rows; r++) start[r + 1] = start[r]! + count[r]!;
    const cols = new Uint8Array(labels.entries);
    const vals = new Float32Array(labels.entries);
    for (let r = 0; r < lKeys.length; r++) {
      const to = start[this.index.get(lKeys[r]!)]!;
      for (let e = labels.start[r]!, j = 0; e < labels.start[r + 1]!; e++, j++) {
        cols[to + j] = labels.cols[e]!;
        vals[to + j] = labels.vals[e]!;
      }
    }
    this.labels = new FrozenTable(labels.width, this.index, start, cols, vals);
  }

  /** Rows of the features in keys[0..n) that the table knows, into rows[]; returns how many. */
  lookup(keys: Uint32Array, n: number, rows: Int32Array): number {
    let m = 0;
    for (let f = 0; f < n; f++) {
      const r = this.index.get(keys[f]!);
      if (r >= 0) rows[m++] = r;
    }
    return m;
  }

  scoreMoves(rows: Int32Array, m: number, out: Float32Array): void {
    let a = 0, b = 0, c = 0;
    const w = this.moves;
    for (let i = 0; i < m; i++) {
      const at = rows[i]! * 3;
      a += w[at]!;
      b += w[at + 1]!;
      c += w[at + 2]!;
    }
    out[0] = a;
    out[1] = b;
    out[2] = c;
  }

  scoreLabels(rows: Int32Array, m: number, out: Float32Array): void {
    const { start, cols, vals, width } = this.labels;
    out.fill(0, 0, width);
    for (let i = 0; i < m; i++) {
      const r = rows[i]!;
      const end = start[r + 1]!;
      for (let e = start[r]!; e < end; e++) out[cols[e]!]! += vals[e]!;
    }
  }
}
