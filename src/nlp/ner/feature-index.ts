/**
 * Open-addressing map from a non-zero uint32 feature key to a dense row number (the insertion order).
 * Linear probing over a power-of-two table kept at most half full; no objects per entry.
 */
export class FeatureIndex {
  private keys: Uint32Array;
  private rows: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Uint32Array(cap);
    this.rows = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Row of `key`, or -1. */
  get(key: number): number {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    for (;;) {
      const k = this.keys[slot]!;
      if (k === key) return this.rows[slot]!;
      if (k === 0) return -1;
      slot = (slot + 1) & this.mask;
    }
  }

  /** Row of `key`, adding it with the next row number when absent. */
  getOrAdd(key: number): number {
    const found = this.get(key);
    if (found >= 0) return found;
    if ((this.size + 1) * 2 > this.keys.length) this.grow();
    this.insert(key, this.size);
    return this.size++;
  }

  private insert(key: number, row: number): void {
    let slot = (Math.imul(key, 0x9e3779b1) >>> 0) & this.mask;
    while (this.keys[slot]! !== 0) slot = (slot + 1) & this.mask;
    this.keys[slot] = key;
    this.rows[slot] = row;
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRows = this.rows;
    this.keys = new Uint32Array(oldKeys.length * 2);
    this.rows = new Int32Array(oldKeys.length * 2);
    this.mask = this.keys.length - 1;
    for (let i = 0; i < oldKeys.length; i++) if (oldKeys[i]! !== 0) this.insert(oldKeys[i]!, oldRows[i]!);
  }

  /** Keys in row order (row r at index r). */
  keysByRow(): Uint32Array {
    const out = new Uint32Array(this.size);
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i]! !== 0) out[this.rows[i]!] = this.keys[i]!;
    return out;
  }
}
