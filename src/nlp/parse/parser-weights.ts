// The parser's move and label tables as decoding reads them. A state looks up ~50 features in a table of ~570k,
// and those look-ups (cache and TLB misses) are most of a parser's time, so the layout is about memory:
// - one open-addressing index of 16-byte slots (16 MB, four slots per cache line): key, then either the move
//   weights inline (most rows have one or two non-zero weights of 21, and no label weights) or the number of an
//   external record;
// - external records of 64 bytes (one cache line) for the rows with more move weights or with label weights:
//   int16 move weights, the bit mask of the non-zero ones, and the bounds of the row's label entries (sparse
//   floats, the label table's own arrays, read only when an arc is made).
// Move weights are int16 (one scale: scores are compared, never added across tables) and summed as integers, so
// the order of additions does not matter; label scores are float sums and are added in feature order.
import type { FrozenTable } from "./weights.js";

/** Slot words: key, info, two inline weights. */
const SLOT = 4;
/** Info bit of a slot whose weights are in an external record (the other bits: the record number). */
const EXTERNAL = 0x80000000;
/** External record: 16 uint32 words; int16 weights from int16 index 4; non-zero mask and label bounds. */
const REC = 16;
/** Record word 0: bit c set when the row has label weights for a relation that move class c can make. */
const REC_MOVES = 0;
const REC_LABEL_START = 1;
const REC_MASK = 14;
const REC_LABEL_END = 15;
/** Move classes a record holds: int16 indices 4..25 (words 2..12) stay below the mask word. */
const MAX_MOVES = 22;
/** Mask word of a record summed as a whole row (more than half its weights non-zero). */
const DENSE = 0xffffffff;
/** Inline info: bits 0-1 the number of weights, bits 2-6 and 7-11 their columns. */
const COL_BITS = 5;

export class ParserWeights {
  private readonly slots: Uint32Array;
  /** The slots' inline weights, signed. */
  private readonly inline: Int32Array;
  private readonly mask: number;
  private readonly rec: Uint32Array;
  private readonly recQ: Int16Array;
  /** Per feature of the current look-up, its home slot; then the records found, in feature order. */
  private home = new Int32Array(256);
  private recs = new Int32Array(256);
  /** Label entry bounds of the rows of the current `scoreLabels`. */
  private lStart = new Uint32Array(256);
  private lEnd = new Uint32Array(256);
  /** Sink of the touching loads (kept so they are not optimised away). */
  private touched = 0;
  readonly moveWidth: number;
  readonly labels: FrozenTable;
  /** Float value of one unit of the integer move sums `accumulate` makes. */
  readonly moveScale: number;

  /**
   * `labelMove`: the move class that makes each label column (LEFT or RIGHT with the relation's group), so that
   * `scoreLabels` can skip rows with nothing for the chosen move.
   */
  constructor(moves: FrozenTable, labels: FrozenTable, labelMove: Int32Array) {
    if (moves.width > MAX_MOVES || moves.width > 1 << COL_BITS) throw new Error("weights: more than 22 move classes do not fit a record");
    const mKeys = moves.index.keysByRow();
    const lKeys = labels.index.keysByRow();
    // at most 3/4 full (counting shared keys twice): probes stay short
    let cap = 16;
    while (cap * 3 < (mKeys.length + lKeys.length) * 4) cap *= 2;
    this.mask = cap - 1;
    this.moveWidth = moves.width;
    this.labels = labels;
    const buf = new ArrayBuffer(cap * SLOT * 4);
    this.slots = new Uint32Array(buf);
    this.inline = new Int32Array(buf);
    let maxAbs = 0;
    for (let e = 0; e < moves.vals.length; e++) maxAbs = Math.max(maxAbs, Math.abs(moves.vals[e]!));
    const scale = maxAbs / 32767 || 1;
    this.moveScale = scale;
    const quantised = (e: number): number => Math.round(moves.vals[e]! / scale);
    // records: move rows with more than two non-zero weights or with label weights, and label-only rows
    const recAt: number[] = [], recMove: number[] = [], recLabel: number[] = [];
    for (let r = 0; r < mKeys.length; r++) {
      const at = this.claim(mKeys[r]!);
      const l = labels.index.get(mKeys[r]!);
      if (nonZero(moves, r, quantised) > 2 || l >= 0) {
        recAt.push(at);
        recMove.push(r);
        recLabel.push(l);
        continue;
      }
      let k = 0;
      for (let i = moves.start[r]!; i < moves.start[r + 1]!; i++) {
        const v = quantised(i);
        if (v === 0) continue;
        this.slots[at + 1]! |= moves.cols[i]! << (2 + COL_BITS * k);
        this.inline[at + 2 + k] = v;
        k++;
      }
      this.slots[at + 1]! |= k;
    }
    for (let r = 0; r < lKeys.length; r++) {
      if (moves.index.get(lKeys[r]!) >= 0) continue;
      recAt.push(this.claim(lKeys[r]!));
      recMove.push(-1);
      recLabel.push(r);
    }
    // Densest rows first: they are the frequent features (tags, labels, distances), so the records most states
    // read share a few hundred kilobytes of cache and TLB reach instead of being spread over the whole array.
    const size = (i: number): number =>
      (recMove[i]! >= 0 ? moves.start[recMove[i]! + 1]! - moves.start[recMove[i]!]! : 0) +
      (recLabel[i]! >= 0 ? labels.start[recLabel[i]! + 1]! - labels.start[recLabel[i]!]! : 0);
    const order = recAt.map((_, i) => i).sort((x, y) => size(y) - size(x) || x - y);
    const recBuf = new ArrayBuffer(Math.max(1, order.length) * REC * 4);
    this.rec = new Uint32Array(recBuf);
    this.recQ = new Int16Array(recBuf);
    order.forEach((i, e) => {
      this.slots[recAt[i]! + 1] = EXTERNAL | e;
      const r = recMove[i]!, l = recLabel[i]!;
      let bits = 0;
      if (r >= 0) {
        for (let x = moves.start[r]!; x < moves.start[r + 1]!; x++) {
          const v = quantised(x);
          if (v === 0) continue;
          this.recQ[2 * e * REC + 4 + moves.cols[x]!] = v;
          bits |= 1 << moves.cols[x]!;
        }
      }
      // more than half the columns: marked dense (summed by a plain loop; its zeros add nothing)
      this.rec[e * REC + REC_MASK] = popcount(bits) * 2 > moves.width ? DENSE : bits;
      if (l >= 0) {
        this.rec[e * REC + REC_LABEL_START] = labels.start[l]!;
        this.rec[e * REC + REC_LABEL_END] = labels.start[l + 1]!;
        let movesOf = 0;
        for (let x = labels.start[l]!; x < labels.start[l + 1]!; x++) movesOf |= 1 << labelMove[labels.cols[x]!]!;
        this.rec[e * REC + REC_MOVES] = movesOf;
      }
    });
  }

  /** Word offset of the slot of `key`, taken when absent. */
  private claim(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.slots[slot * SLOT]!;
      if (k === key) return slot * SLOT;
      if (k === 0) {
        this.slots[slot * SLOT] = key;
        return slot * SLOT;
      }
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Looks up the features in keys[from..to): adds their move weights (int16 units) into sums[0..moveWidth), and
   * appends the records with label weights (word offsets) to rows[m..) in feature order, for `scoreLabels`.
   * Returns the new m. In passes of independent loads (home slots, then records), so that cache misses overlap
   * instead of queueing behind each probe.
   */
  accumulate(keys: Uint32Array, from: number, to: number, sums: Int32Array, rows: Int32Array, m: number): number {
    return this.accumulateSkip(keys, from, to, to, to, sums, rows, m, rows, 0, 0);
  }

  /**
   * `accumulate` without the features in keys[skipFrom..skipTo) (a block the caller has the sums of), whose rows
   * ins[insFrom..insTo) go into `rows` where the block's would, so rows stay in feature order.
   */
  accumulateSkip(
    keys: Uint32Array,
    from: number,
    to: number,
    skipFrom: number,
    skipTo: number,
    sums: Int32Array,
    rows: Int32Array,
    m: number,
    ins: Int32Array,
    insFrom: number,
    insTo: number,
  ): number {
    const { mask, slots, inline, rec, recQ, home, recs } = this;
    const width = this.moveWidth;
    let touched = 0;
    for (let f = from; f < to; f++) {
      if (f === skipFrom) f = skipTo;
      if (f >= to) break;
      const slot = (Math.imul(keys[f]!, 0x9e3779b1) >>> 0) & mask;
      home[f] = slot;
      touched ^= slots[slot * SLOT]!;
    }
    let nRec = 0, recAtSkip = -1;
    for (let f = from; f < to; f++) {
      if (f === skipFrom) {
        recAtSkip = nRec;
        f = skipTo;
        if (f >= to) break;
      }
      const key = keys[f]!;
      let slot = home[f]!;
      for (;;) {
        const at = slot * SLOT;
        const k = slots[at]!;
        if (k === key) {
          const info = slots[at + 1]!;
          if (info & EXTERNAL) {
            const e = (info & ~EXTERNAL) * REC;
            recs[nRec++] = e;
            touched ^= rec[e + REC_MASK]!;
          } else {
            const n = info & 3;
            if (n > 0) sums[(info >>> 2) & 31]! += inline[at + 2]!;
            if (n > 1) sums[(info >>> 7) & 31]! += inline[at + 3]!;
          }
          break;
        }
        if (k === 0) break;
        slot = (slot + 1) & mask;
      }
    }
    this.touched = touched;
    for (let i = 0; i <= nRec; i++) {
      if (i === recAtSkip) for (let j = insFrom; j < insTo; j++) rows[m++] = ins[j]!;
      if (i === nRec) break;
      const e = recs[i]!;
      const w = 2 * e + 4;
      const bits = rec[e + REC_MASK]!;
      if (bits === DENSE) {
        // frequent features (tags, labels, distances) have all their weights: a plain loop is cheaper
        for (let j = 0; j < width; j++) sums[j]! += recQ[w + j]!;
      } else {
        for (let b = bits; b !== 0; b &= b - 1) {
          const j = 31 - Math.clz32(b & -b);
          sums[j]! += recQ[w + j]!;
        }
      }
      if (rec[e + REC_LABEL_END]! > rec[e + REC_LABEL_START]!) rows[m++] = e;
    }
    return m;
  }

  /**
   * Label scores of the records in rows[0..m) (from `accumulate`), added in that order, for the columns that
   * `wanted` marks, the relations move class `move` can make (the others stay 0: the caller reads only those).
   * Rows without weights for that move are skipped; the others' label entries are first touched in one pass of
   * independent loads, so their cache misses overlap.
   */
  scoreLabels(rows: Int32Array, m: number, out: Float32Array, wanted: Uint8Array, move: number): void {
    const { cols, vals, width } = this.labels;
    const rec = this.rec, lStart = this.lStart, lEnd = this.lEnd;
    const bit = 1 << move;
    out.fill(0, 0, width);
    let touched = 0, n = 0;
    for (let i = 0; i < m; i++) {
      const e = rows[i]!;
      if ((rec[e + REC_MOVES]! & bit) === 0) continue;
      const s = rec[e + REC_LABEL_START]!;
      lStart[n] = s;
      lEnd[n++] = rec[e + REC_LABEL_END]!;
      touched ^= cols[s]!;
    }
    this.touched = touched;
    for (let i = 0; i < n; i++) {
      const end = lEnd[i]!;
      for (let e = lStart[i]!; e < end; e++) {
        const c = cols[e]!;
        if (wanted[c] !== 0) out[c]! += vals[e]!;
      }
    }
  }

}

function popcount(x: number): number {
  let k = 0;
  for (let b = x; b !== 0; b &= b - 1) k++;
  return k;
}

/** Non-zero quantised weights of row r. */
function nonZero(table: FrozenTable, r: number, quantised: (e: number) => number): number {
  let k = 0;
  for (let e = table.start[r]!; e < table.start[r + 1]!; e++) if (quantised(e) !== 0) k++;
  return k;
}
