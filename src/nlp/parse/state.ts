// Arc-hybrid transition system (Kuhlmann et al. 2011) with the root as the last buffer item, so a sentence gets
// exactly one root: LEFT onto the root is allowed only when the stack holds a single word.
//   SHIFT: push b0.   LEFT-l: s0 <- b0 (s0 gets head b0 and label l), pop.   RIGHT-l: s1 -> s0, pop.
// Classes: 0 = SHIFT, 1 + l = LEFT-l, 1 + L + l = RIGHT-l, for L labels.
// The dynamic oracle's costs are Goldberg & Nivre (2013): the gold arcs a move makes unreachable.

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;

export class ParseState {
  n = 0;
  /** Stack of word indices; stack[sp - 1] is s0. */
  stack = new Int32Array(0);
  sp = 0;
  /** Front of the buffer; n is the root. */
  b = 0;
  heads = new Int32Array(0);
  labels = new Int32Array(0);
  /** Leftmost and second-leftmost, rightmost and second-rightmost children (-1: none); counts per side. */
  l1 = new Int32Array(0);
  l2 = new Int32Array(0);
  r1 = new Int32Array(0);
  r2 = new Int32Array(0);
  nl = new Int32Array(0);
  nr = new Int32Array(0);

  reset(n: number): void {
    if (n + 1 > this.heads.length) {
      const cap = (n + 1) * 2;
      for (const k of ["stack", "heads", "labels", "l1", "l2", "r1", "r2", "nl", "nr"] as const) this[k] = new Int32Array(cap);
    }
    this.n = n;
    this.sp = 0;
    this.b = 0;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = -1;
      this.labels[i] = -1;
      this.l1[i] = this.l2[i] = this.r1[i] = this.r2[i] = -1;
      this.nl[i] = this.nr[i] = 0;
    }
  }

  /** Copies another state (same sentence) into this one. */
  copyFrom(o: ParseState): void {
    if (this.heads.length < o.n + 1) this.reset(o.n);
    const m = o.n + 1;
    this.n = o.n;
    this.sp = o.sp;
    this.b = o.b;
    // plain loops: no view objects (a pruned beam copies a state whenever it splits)
    for (let i = 0; i < o.sp; i++) this.stack[i] = o.stack[i]!;
    for (let i = 0; i < m; i++) {
      this.heads[i] = o.heads[i]!;
      this.labels[i] = o.labels[i]!;
      this.l1[i] = o.l1[i]!;
      this.l2[i] = o.l2[i]!;
      this.r1[i] = o.r1[i]!;
      this.r2[i] = o.r2[i]!;
      this.nl[i] = o.nl[i]!;
      this.nr[i] = o.nr[i]!;
    }
  }

  get done(): boolean {
    return this.sp === 0 && this.b === this.n;
  }

  s(k: number): number {
    return this.sp > k ? this.stack[this.sp - 1 - k]! : -1;
  }

  canShift(): boolean {
    return this.b < this.n;
  }

  canLeft(): boolean {
    return this.sp > 0 && (this.b < this.n || this.sp === 1);
  }

  canRight(): boolean {
    return this.sp > 1;
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.sp++] = this.b++;
      return;
    }
    const child = this.stack[--this.sp]!;
    const head = move === LEFT ? this.b : this.stack[this.sp - 1]!;
    this.heads[child] = head;
    this.labels[child] = label;
    if (child < head) {
      // words arrive left to right, so a new left child of `head` is its leftmost so far
      this.l2[head] = this.l1[head]!;
      this.l1[head] = child;
      this.nl[head]!++;
    } else {
      this.r2[head] = this.r1[head]!;
      this.r1[head] = child;
      this.nr[head]!++;
    }
  }

  /** Gold arcs lost by each move (Infinity when not allowed), given gold heads (root = n). */
  costs(gold: Int32Array, out: Float64Array): void {
    const { sp, b, n, stack } = this;
    out[SHIFT] = out[LEFT] = out[RIGHT] = Infinity;
    const s0 = sp > 0 ? stack[sp - 1]! : -1;
    if (this.canShift()) {
      // b0 loses heads deeper than s0 and its children anywhere on the stack
      let c = 0;
      for (let k = 0; k < sp; k++) {
        const w = stack[k]!;
        if (gold[w] === b) c++;
        if (k < sp - 1 && gold[b] === w) c++;
      }
      out[SHIFT] = c;
    }
    if (sp === 0) return;
    // s0 loses its children still in the buffer either way
    let kids = 0;
    for (let k = b; k < n; k++) if (gold[k] === s0) kids++;
    if (this.canLeft()) {
      let c = kids;
      const g = gold[s0]!;
      if (g !== b && ((sp > 1 && g === stack[sp - 2]) || g > b)) c++;
      out[LEFT] = c;
    }
    if (this.canRight()) {
      let c = kids;
      const g = gold[s0]!;
      if (g >= b) c++;
      out[RIGHT] = c;
    }
  }
}
