/**
 * Open-addressing map from a non-zero uint32 feature key to a dense row number (the insertion order).
 * Linear probing over a power-of-two table kept at most half full; each slot is a (key, row) pair stored side by
 * side, so a look-up touches one cache line; no objects per entry.
 */
export class FeatureIndex {
  private slots: Uint32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Uint32Array(cap * 2);
    this.mask = cap - 1;
  }

  /** Row of `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = slots[2 * slot]!;
      if (k === key) return slots[2 * slot + 1]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /**
   * Rows of keys[from..to) into rows[0..to - from) (-1 when absent). Every home slot is touched first in a tight loop of
   * independent loads, so the cache misses of a large index overlap instead of queueing one probe behind another.
   * Returns a value of the touched slots, for the caller to keep (so the loads are not optimised away).
   */
  getMany(keys: Uint32Array, from: number, to: number, rows: Int32Array): number {
    const { slots, mask } = this;
    const n = to - from;
    let touched = 0;
    for (let f = 0; f < n; f++) {
      const slot = (Math.imul(keys[from + f]!, 0x9e3779b1) >>> 0) & mask;
      rows[f] = slot;
      touched ^= slots[2 * slot]!;
    }
    for (let f = 0; f < n; f++) {
      const key = keys[from + f]!;
      let slot = rows[f]!;
      for (;;) {
        const k = slots[2 * slot]!;
        if (k === key) {
          rows[f] = slots[2 * slot + 1]!;
          break;
        }
        if (k === 0) {
          rows[f] = -1;
          break;
        }
        slot = (slot + 1) & mask;
      }
    }
    return touched;
  }

  /** Row of `key`, adding it with the next row number when absent. */
  getOrAdd(key: number): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    this.insert(key, this.size);
    return this.size++;
  }

  private insert(key: number, row: number): void {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.slots[2 * slot]! !== 0) slot = (slot + 1) & this.mask;
    this.slots[2 * slot] = key;
    this.slots[2 * slot + 1] = row;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    for (let i = 0; i < old.length; i += 2) if (old[i]! !== 0) this.insert(old[i]!, old[i + 1]!);
  }

  /** Keys in row order (row r at index r). */
  keysByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i < this.slots.length; i += 2) if (this.slots[i]! !== 0) out[this.slots[i + 1]!] = this.slots[i]!;
    return out;
  }
}
