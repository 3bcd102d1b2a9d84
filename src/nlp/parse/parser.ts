// Greedy arc-hybrid parsing and its training step, factorised for speed: one averaged perceptron picks the move
// (SHIFT, or LEFT/RIGHT with a coarse relation group: see label-groups.ts), a second picks the exact relation of
// an arc (LEFT-l or RIGHT-l, among the relations of the chosen group) only when an arc is made, so most steps
// score short rows. Trained with the dynamic oracle (Goldberg & Nivre 2012): after the first epoch the parser
// follows its own moves, and a wrong move updates towards the best-scoring move that loses no more gold arcs than
// any other; a state where an allowed move makes a gold arc trains the relation.
import { ParseFeatures, ROLE_B0, ROLE_B1, ROLE_B2, ROLE_FEATURES, ROLE_S0, ROLE_S1, ROLES } from "./parse-features.js";
import { LEFT, ParseState, RIGHT, SHIFT } from "./state.js";
import type { ParserWeights } from "./parser-weights.js";
import type { TrainTable } from "./weights.js";

export class ArcHybridParser {
  readonly state = new ParseState();
  readonly fx: ParseFeatures;
  /** Move classes: 0 = SHIFT, 1 + g = LEFT with group g, 1 + G + g = RIGHT with group g. */
  readonly nMoves: number;
  private readonly moveScores: Float32Array;
  private readonly labelScores: Float32Array;
  /** Per move class, the label columns `bestLabel` reads after it (the relations of its kind and group). */
  private readonly labelMasks: Uint8Array[] = [];
  private readonly costs = new Float64Array(3);
  private rows = new Int32Array(256);
  /** Integer move sums of a state, and of one role entry. */
  private readonly sums: Int32Array;
  private readonly sums2: Int32Array;
  /** Per sentence, per word and role (index word * ROLES + role): looked up yet, rows found, their rows and move sums. */
  private roleDone = new Uint8Array(0);
  private roleCount = new Uint8Array(0);
  private roleRows = new Int32Array(0);
  private roleSums = new Int32Array(0);
  /** Per relation group, its relation when it has only one (else -1): `bestLabel` would pick it whatever the scores. */
  private readonly onlyLabel: Int32Array;
  /** Transitions made by the last `train` call (the caller's perceptron clock advances by this much). */
  steps = 0;

  constructor(
    nTags: number,
    readonly nLabels: number,
    /** Group id of each relation (label-groups.ts), and the number of groups. */
    readonly groups: Int32Array,
    readonly nGroups: number,
    /** The lean template set (ParseFeatures). */
    lean = false,
  ) {
    this.fx = new ParseFeatures(nTags, lean);
    this.nMoves = 1 + 2 * nGroups;
    this.moveScores = new Float32Array(this.nMoves);
    this.sums = new Int32Array(this.nMoves);
    this.sums2 = new Int32Array(this.nMoves);
    this.labelScores = new Float32Array(2 * nLabels);
    this.onlyLabel = new Int32Array(nGroups).fill(-1);
    for (let g = 0; g < nGroups; g++) {
      const members = [...groups.keys()].filter((l) => groups[l] === g);
      if (members.length === 1) this.onlyLabel[g] = members[0]!;
    }
    for (let c = 0; c < this.nMoves; c++) {
      const mask = new Uint8Array(2 * nLabels);
      const kind = this.kind(c);
      if (kind !== SHIFT) for (let l = 0; l < nLabels; l++) if (groups[l] === (c - 1) % nGroups) mask[(kind === LEFT ? 0 : nLabels) + l] = 1;
      this.labelMasks.push(mask);
    }
  }

  /** SHIFT, LEFT or RIGHT of a move class. */
  kind(cls: number): number {
    return cls === 0 ? SHIFT : cls <= this.nGroups ? LEFT : RIGHT;
  }

  private allowed(kind: number): boolean {
    const st = this.state;
    return kind === SHIFT ? st.canShift() : kind === LEFT ? st.canLeft() : st.canRight();
  }

  /**
   * Best allowed move class. With `costs`: the best among the moves of least cost, where a move that makes the
   * gold arc of s0 (`goldKind`) must also name its group (`goldGroup`).
   */
  private bestMove(costs?: Float64Array, goldKind = -1, goldGroup = -1): number {
    const sc = this.moveScores, G = this.nGroups;
    const min = costs ? Math.min(costs[0]!, costs[1]!, costs[2]!) : 0;
    let best = -1;
    for (let c = 0; c < this.nMoves; c++) {
      const kind = this.kind(c);
      if (costs) {
        if (costs[kind] !== min) continue;
        if (kind === goldKind && (c - 1) % G !== goldGroup) continue;
      } else if (!this.allowed(kind)) continue;
      if (best < 0 || sc[c]! > sc[best]!) best = c;
    }
    return best;
  }

  /** Best relation of group `group` for an arc of kind LEFT or RIGHT, from the label scores. */
  private bestLabel(kind: number, group: number): number {
    const sc = this.labelScores, L = this.nLabels, groups = this.groups;
    const base = kind === LEFT ? 0 : L;
    let best = -1;
    for (let l = 0; l < L; l++) if (groups[l] === group && (best < 0 || sc[base + l]! > sc[base + best]!)) best = l;
    return best;
  }

  /**
   * Parses the sentence loaded into `fx` (n words); heads (n = root) and labels are left in the state.
   * The single-word features of a word in a role (s0, s1, b0, ...) are the same in every state that puts it there,
   * so their move weights and rows are looked up once per sentence (`roleEntry`); a state looks up only the
   * features that combine words. Same scores as looking up all features per state: move sums are integers, and the
   * rows reach `scoreLabels` in the same order.
   */
  parse(weights: ParserWeights, n: number): void {
    const st = this.state, fx = this.fx, rows = this.rows, sums = this.sums, W = this.nMoves;
    st.reset(n);
    this.resetRoles(n);
    const none = n + 1;
    while (!st.done) {
      let m = this.roleScores(weights, st, none, sums, rows);
      const nf = fx.pairs(st, this.nLabels, 0);
      m = this.accumulatePairs(weights, st, none, nf, sums, rows, m);
      for (let j = 0; j < W; j++) this.moveScores[j] = sums[j]!;
      const move = this.bestMove();
      const kind = this.kind(move);
      let label = -1;
      if (kind !== SHIFT) {
        weights.scoreLabels(rows, m, this.labelScores, this.labelMasks[move]!, move);
        label = this.bestLabel(kind, (move - 1) % this.nGroups);
      }
      st.apply(kind, label);
    }
  }

  // Beam decoding: states, their scores, and per state the rows its features found (for the relation of an arc).
  private beam: ParseState[] = [];
  private beamNext: ParseState[] = [];
  private beamScores = new Float64Array(0);
  private beamRows: Int32Array[] = [];
  private beamM = new Int32Array(0);
  private candItem = new Int32Array(0);
  private candMove = new Int32Array(0);
  private candScore = new Float64Array(0);
  private selItem = new Int32Array(0);
  private selMove = new Int32Array(0);
  private uses = new Int32Array(0);
  private pool: ParseState[] = [];
  private targets: ParseState[] = [];
  /** States scored by `parseBeam` so far (a greedy parse scores 2n per sentence). */
  beamStates = 0;

  /**
   * Beam search over move sequences (the relation of an arc still chosen greedily, as in `parse`): keeps the
   * `width` best sequences by the sum of their moves' log-probabilities, a softmax over the allowed moves' scores
   * at `temperature` (in the units of the move weights, as trained). Locally trained scores need that
   * normalisation: a plain sum of scores prefers sequences through states of large scores, and the sum of margins
   * to each state's best move always keeps the greedy sequence. Every sequence is 2n moves long, so all end
   * together; the best is left in `state`. Width 1 gives the greedy parse. `margin` (nats) prunes: a sequence
   * more than `margin` below the best is dropped. `distinct`: no two sequences continue one state by moves of the
   * same kind (SHIFT, LEFT, RIGHT), which differ only in a relation group. (`parsePruned` is the fast form of
   * width 2 with both; this general form is its reference, tests/parse-beam.test.ts.)
   */
  parseBeam(weights: ParserWeights, n: number, width: number, temperature: number, margin = Infinity, distinct = false): void {
    const fx = this.fx, keys = fx.keys, rows = this.rows, sums = this.sums, W = this.nMoves, G = this.nGroups;
    this.resetRoles(n);
    this.ensureBeam(width);
    const none = n + 1;
    const { candItem, candMove, candScore, beamM } = this;
    // move sums are integers in units of moveScale: one division turns them into log-space units
    const inv = 1 / (temperature / weights.moveScale);
    let items = this.beam, next = this.beamNext, scores = this.beamScores;
    const nextScores = new Float64Array(width);
    items[0]!.reset(n);
    scores[0] = 0;
    let size = 1;
    while (!items[0]!.done) {
      let nc = 0;
      this.beamStates += size;
      for (let i = 0; i < size; i++) {
        const st = items[i]!;
        let m = this.roleScores(weights, st, none, sums, rows);
        const nf = fx.pairs(st, this.nLabels, 0);
        m = weights.accumulate(keys, 0, nf, sums, rows, m);
        if (this.beamRows[i]!.length < m) this.beamRows[i] = new Int32Array(m * 2);
        this.beamRows[i]!.set(rows.subarray(0, m));
        beamM[i] = m;
        const canS = st.canShift(), canL = st.canLeft(), canR = st.canRight();
        let mx = -Infinity;
        for (let c = 0; c < W; c++) {
          const k = this.kind(c);
          if ((k === SHIFT ? canS : k === LEFT ? canL : canR) && sums[c]! > mx) mx = sums[c]!;
        }
        // with one sequence in the beam, its normaliser shifts every candidate alike: skipped
        let base = scores[i]!;
        if (size > 1) {
          let z = 0;
          for (let c = 0; c < W; c++) {
            const k = this.kind(c);
            if (k === SHIFT ? canS : k === LEFT ? canL : canR) z += Math.exp((sums[c]! - mx) * inv);
          }
          base -= Math.log(z);
        }
        for (let c = 0; c < W; c++) {
          const k = this.kind(c);
          if (!(k === SHIFT ? canS : k === LEFT ? canL : canR)) continue;
          candItem[nc] = i;
          candMove[nc] = c;
          candScore[nc++] = base + (sums[c]! - mx) * inv;
        }
      }
      // the `width` best candidates, ties to the earlier state and move class
      let k = Math.min(width, nc);
      const { selItem, selMove, uses, pool } = this;
      for (let j = 0; j < k; j++) {
        let best = -1;
        for (let x = 0; x < nc; x++) {
          if (candItem[x]! < 0 || (best >= 0 && candScore[x]! <= candScore[best]!)) continue;
          if (distinct) {
            let same = false;
            for (let y = 0; y < j; y++) if (selItem[y] === candItem[x] && this.kind(selMove[y]!) === this.kind(candMove[x]!)) same = true;
            if (same) continue;
          }
          best = x;
        }
        if (best < 0) {
          k = j;
          break;
        }
        selItem[j] = candItem[best]!;
        selMove[j] = candMove[best]!;
        nextScores[j] = candScore[best]!;
        candItem[best] = -1;
        if (j > 0 && nextScores[j]! < nextScores[0]! - margin) {
          k = j;
          break;
        }
      }
      // a state continued by one candidate is moved on in place; one continued by several is copied for all but the last
      uses.fill(0, 0, size);
      for (let j = 0; j < k; j++) uses[selItem[j]!]!++;
      let nFree = 0;
      for (let j = 0; j < width; j++) pool[nFree++] = next[j]!;
      for (let i = 0; i < size; i++) if (uses[i] === 0) pool[nFree++] = items[i]!;
      const targets = this.targets;
      for (let j = 0; j < k; j++) {
        const i = selItem[j]!;
        if (uses[i] === 1) targets[j] = items[i]!;
        else {
          const t = pool[--nFree]!;
          t.copyFrom(items[i]!);
          targets[j] = t;
        }
        uses[i]!--;
      }
      for (let j = 0; j < k; j++) {
        const i = selItem[j]!, c = selMove[j]!;
        const kind = this.kind(c);
        let label = -1;
        if (kind !== SHIFT) {
          weights.scoreLabels(this.beamRows[i]!, beamM[i]!, this.labelScores, this.labelMasks[c]!, c);
          label = this.bestLabel(kind, (c - 1) % G);
        }
        targets[j]!.apply(kind, label);
      }
      // the new beam, and every other state object as spares
      let f = 0;
      for (let x = 0; x < 2 * width; x++) {
        const o = x < width ? items[x]! : next[x - width]!;
        let taken = false;
        for (let j = 0; j < k; j++) if (targets[j] === o) taken = true;
        if (!taken) pool[f++] = o;
      }
      let r = 0;
      for (let j = 0; j < k; j++) items[j] = targets[j]!;
      for (let j = k; j < width; j++) items[j] = pool[r++]!;
      for (let j = 0; j < width; j++) next[j] = pool[r++]!;
      scores.set(nextScores.subarray(0, k));
      size = k;
    }
    this.beam = items;
    this.beamNext = next;
    this.state.copyFrom(items[0]!);
  }

  // The pruned beam of two: the best sequence, and a second only while it stays within the margin.
  private pbStates: ParseState[] = [new ParseState(), new ParseState()];
  private pbRows: Int32Array[] = [new Int32Array(256), new Int32Array(256)];
  private pbM = new Int32Array(2);
  private pbScore = new Float64Array(2);
  private pbMx = new Int32Array(2);
  private pbSums: Int32Array[] = [];

  /**
   * `parseBeam(weights, n, 2, temperature, margin, true)`, specialised: a second sequence is kept only while it is
   * within `margin` nats of the best, never one that continues the best's state by a move of the same kind, and,
   * with `shiftLeftOnly`, a state is split only between SHIFT and LEFT (whether s0 takes b0 as its head now or
   * b0 goes onto the stack: on EWT dev these splits gave most of the beam's gain in UAS for a fraction of its
   * states; SHIFT/RIGHT and LEFT/RIGHT splits cost more states for little). While the beam holds one sequence a
   * step costs what a greedy step costs. Without `shiftLeftOnly`, the same choices, ties and arithmetic as
   * `parseBeam`, so the same trees.
   */
  parsePruned(weights: ParserWeights, n: number, temperature: number, margin: number, shiftLeftOnly = false): void {
    const fx = this.fx, W = this.nMoves, G = this.nGroups;
    this.resetRoles(n);
    const none = n + 1;
    const inv = 1 / (temperature / weights.moveScale);
    if (this.pbSums.length === 0) this.pbSums = [new Int32Array(W), new Int32Array(W)];
    const states = this.pbStates, rowsOf = this.pbRows, mOf = this.pbM, score = this.pbScore, mxOf = this.pbMx, sumsOf = this.pbSums;
    // slot 0 holds the best sequence; slot 1 the second when size is 2
    let a = states[0]!, b = states[1]!;
    let rowsA = rowsOf[0]!, rowsB = rowsOf[1]!, sumsA = sumsOf[0]!, sumsB = sumsOf[1]!;
    a.reset(n);
    let scoreA = 0, scoreB = 0;
    let size = 1;
    while (!a.done) {
      this.beamStates += size;
      // score each state: move sums, label rows
      for (let i = 0; i < size; i++) {
        const st = i === 0 ? a : b;
        const sums = i === 0 ? sumsA : sumsB;
        const rows = i === 0 ? rowsA : rowsB;
        let m = this.roleScores(weights, st, none, sums, rows);
        const nf = fx.pairs(st, this.nLabels, 0);
        m = this.accumulatePairs(weights, st, none, nf, sums, rows, m, size > 1);
        mOf[i] = m;
        const canS = st.canShift(), canL = st.canLeft(), canR = st.canRight();
        let mx = -Infinity;
        for (let c = 0; c < W; c++) {
          const k = this.kind(c);
          if ((k === SHIFT ? canS : k === LEFT ? canL : canR) && sums[c]! > mx) mx = sums[c]!;
        }
        mxOf[i] = mx;
        let base = i === 0 ? scoreA : scoreB;
        if (size > 1) {
          let z = 0;
          for (let c = 0; c < W; c++) {
            const k = this.kind(c);
            if (k === SHIFT ? canS : k === LEFT ? canL : canR) z += Math.exp((sums[c]! - mx) * inv);
          }
          base -= Math.log(z);
        }
        score[i] = base;
      }
      // the best candidate (state, move), ties to the earlier state and move class
      let i1 = -1, c1 = -1, v1 = 0;
      for (let i = 0; i < size; i++) {
        const st = i === 0 ? a : b, sums = i === 0 ? sumsA : sumsB, base = score[i]!, mx = mxOf[i]!;
        const canS = st.canShift(), canL = st.canLeft(), canR = st.canRight();
        for (let c = 0; c < W; c++) {
          const k = this.kind(c);
          if (!(k === SHIFT ? canS : k === LEFT ? canL : canR)) continue;
          const v = base + (sums[c]! - mx) * inv;
          if (i1 < 0 || v > v1) (i1 = i), (c1 = c), (v1 = v);
        }
      }
      // the second: not the best's state with a move of the same kind
      const k1 = this.kind(c1);
      let i2 = -1, c2 = -1, v2 = 0;
      for (let i = 0; i < size; i++) {
        const st = i === 0 ? a : b, sums = i === 0 ? sumsA : sumsB, base = score[i]!, mx = mxOf[i]!;
        const canS = st.canShift(), canL = st.canLeft(), canR = st.canRight();
        for (let c = 0; c < W; c++) {
          const k = this.kind(c);
          if (!(k === SHIFT ? canS : k === LEFT ? canL : canR)) continue;
          if (i === i1 && k === k1) continue;
          const v = base + (sums[c]! - mx) * inv;
          if (i2 < 0 || v > v2) (i2 = i), (c2 = c), (v2 = v);
        }
      }
      if (i2 >= 0 && v2 < v1 - margin) i2 = -1;
      if (i2 >= 0 && shiftLeftOnly && i2 === i1 && k1 + this.kind(c2) !== SHIFT + LEFT) i2 = -1;
      // relations of arcs, from the rows of the state each move continues
      const l1 = k1 === SHIFT ? -1 : this.labelOf(weights, i1 === 0 ? rowsA : rowsB, mOf[i1]!, c1, k1, G);
      if (i2 < 0) {
        // one sequence left: the best's state moves on in slot 0
        if (i1 === 1) {
          const ts = a, tr = rowsA, tm = sumsA;
          a = b, rowsA = rowsB, sumsA = sumsB;
          b = ts, rowsB = tr, sumsB = tm;
        }
        a.apply(k1, l1);
        scoreA = v1;
        size = 1;
        continue;
      }
      const k2 = this.kind(c2);
      const l2 = k2 === SHIFT ? -1 : this.labelOf(weights, i2 === 0 ? rowsA : rowsB, mOf[i2]!, c2, k2, G);
      if (i1 === i2) {
        // both continue one state: the other slot takes a copy of it
        if (i1 === 1) {
          const ts = a, tr = rowsA, tm = sumsA;
          a = b, rowsA = rowsB, sumsA = sumsB;
          b = ts, rowsB = tr, sumsB = tm;
        }
        b.copyFrom(a);
      } else if (i1 === 1) {
        const ts = a, tr = rowsA, tm = sumsA;
        a = b, rowsA = rowsB, sumsA = sumsB;
        b = ts, rowsB = tr, sumsB = tm;
      }
      a.apply(k1, l1);
      b.apply(k2, l2);
      scoreA = v1;
      scoreB = v2;
      size = 2;
    }
    states[0] = a;
    states[1] = b;
    rowsOf[0] = rowsA;
    rowsOf[1] = rowsB;
    sumsOf[0] = sumsA;
    sumsOf[1] = sumsB;
    this.state.copyFrom(a);
  }

  private labelOf(weights: ParserWeights, rows: Int32Array, m: number, c: number, kind: number, G: number): number {
    // a group of one relation (punct, root) needs no scores
    const only = this.onlyLabel[(c - 1) % G]!;
    if (only >= 0) return only;
    weights.scoreLabels(rows, m, this.labelScores, this.labelMasks[c]!, c);
    return this.bestLabel(kind, (c - 1) % G);
  }

  private ensureBeam(width: number): void {
    while (this.beam.length < width) {
      this.beam.push(new ParseState());
      this.beamNext.push(new ParseState());
      this.beamRows.push(new Int32Array(256));
    }
    if (this.beamScores.length < width) {
      this.beamScores = new Float64Array(width);
      this.beamM = new Int32Array(width);
      this.candItem = new Int32Array(width * this.nMoves);
      this.candMove = new Int32Array(width * this.nMoves);
      this.candScore = new Float64Array(width * this.nMoves);
      this.selItem = new Int32Array(width);
      this.selMove = new Int32Array(width);
      this.uses = new Int32Array(width);
    }
  }

  /** Per s0 word (0..n + 1), the s1 of its s1-s0 block entry (-2: none yet), the entry's move sums and rows. */
  private spS1 = new Int32Array(0);
  private spCount = new Uint8Array(0);
  private spRows = new Int32Array(0);
  private spSums = new Int32Array(0);
  /** The same for the s0-b0 block (lean templates), per s0 word with its b0. */
  private bbB0 = new Int32Array(0);
  private bbCount = new Uint8Array(0);
  private bbRows = new Int32Array(0);
  private bbSums = new Int32Array(0);
  private insRows = new Int32Array(32);

  /**
   * The move sums and label rows of the features in keys[0..nf) (written by `fx.pairs` for state `st`), added
   * into `sums` and appended to rows[m..) in feature order; returns the new m. The s1-s0 block is looked up once
   * per (s0, s1) in a sentence (kept per s0, replaced when s0 comes with another s1), the rest per state. The
   * s0-b0 block (lean templates) is reused when kept, and kept when `keep` (a beam of two: its sequences meet the
   * same s0 and b0 a step apart; a single sequence never does, so there it is looked up with the rest).
   */
  private accumulatePairs(weights: ParserWeights, st: ParseState, none: number, nf: number, sums: Int32Array, rows: Int32Array, m: number, keep = false): number {
    const fx = this.fx, keys = fx.keys, W = this.nMoves, from = fx.s1s0From, to = fx.s1s0To, bbTo = fx.s0b0To;
    const s0 = st.sp > 0 ? st.stack[st.sp - 1]! : none, s1 = st.sp > 1 ? st.stack[st.sp - 2]! : none;
    const r0 = s0 * 8, at = s0 * W, spSums = this.spSums;
    if (this.spS1[s0] !== s1) {
      const scratch = this.sums2;
      scratch.fill(0);
      this.spCount[s0] = weights.accumulate(keys, from, to, scratch, this.spRows, r0) - r0;
      for (let j = 0; j < W; j++) spSums[at + j] = scratch[j]!;
      this.spS1[s0] = s1;
    }
    for (let j = 0; j < W; j++) sums[j]! += spSums[at + j]!;
    if (bbTo === 0) return weights.accumulateSkip(keys, 0, nf, from, to, sums, rows, m, this.spRows, r0, r0 + this.spCount[s0]!);
    const b0 = st.b, q0 = s0 * 12, bbSums = this.bbSums;
    if (this.bbB0[s0] !== b0) {
      if (!keep) return weights.accumulateSkip(keys, 0, nf, from, to, sums, rows, m, this.spRows, r0, r0 + this.spCount[s0]!);
      const scratch = this.sums2;
      scratch.fill(0);
      this.bbCount[s0] = weights.accumulate(keys, 0, bbTo, scratch, this.bbRows, q0) - q0;
      for (let j = 0; j < W; j++) bbSums[at + j] = scratch[j]!;
      this.bbB0[s0] = b0;
    }
    for (let j = 0; j < W; j++) sums[j]! += bbSums[at + j]!;
    // both blocks' rows, in feature order (the s0-b0 block comes first, the s1-s0 block right after it)
    const ins = this.insRows;
    let x = 0;
    for (let r = q0, end = q0 + this.bbCount[s0]!; r < end; r++) ins[x++] = this.bbRows[r]!;
    for (let r = r0, end = r0 + this.spCount[s0]!; r < end; r++) ins[x++] = this.spRows[r]!;
    return weights.accumulateSkip(keys, 0, nf, 0, to, sums, rows, m, ins, 0, x);
  }

  /**
   * Starts a state's scores: `sums` set to the move sums of its single-word features, their label rows written to
   * rows[0..); returns how many rows. Those features are looked up once per sentence and role (`roleEntry`).
   */
  private roleScores(weights: ParserWeights, st: ParseState, none: number, sums: Int32Array, rows: Int32Array): number {
    const W = this.nMoves, roleSums = this.roleSums, roleRows = this.roleRows, roleCount = this.roleCount;
    sums.fill(0);
    let m = 0;
    for (let role = 0; role < ROLES; role++) {
      const e = this.roleEntry(weights, roleWordOf(st, role, none), role);
      const at = e * W;
      for (let j = 0; j < W; j++) sums[j]! += roleSums[at + j]!;
      const r0 = e * ROLE_FEATURES, r1 = r0 + roleCount[e]!;
      for (let r = r0; r < r1; r++) rows[m++] = roleRows[r]!;
    }
    return m;
  }

  /** Forgets the role entries of the previous sentence; words are 0..n (n = root) and n + 1 (none). */
  private resetRoles(n: number): void {
    if (n + 2 > this.spS1.length) {
      const cap = (n + 2) * 2;
      this.spS1 = new Int32Array(cap);
      this.spCount = new Uint8Array(cap);
      this.spRows = new Int32Array(cap * 8);
      this.spSums = new Int32Array(cap * this.nMoves);
    }
    this.spS1.fill(-2, 0, n + 2);
    if (this.fx.s0b0To > 0) {
      if (n + 2 > this.bbB0.length) {
        const cap = this.spS1.length;
        this.bbB0 = new Int32Array(cap);
        this.bbCount = new Uint8Array(cap);
        this.bbRows = new Int32Array(cap * 12);
        this.bbSums = new Int32Array(cap * this.nMoves);
      }
      this.bbB0.fill(-2, 0, n + 2);
    }
    const entries = (n + 2) * ROLES;
    if (entries > this.roleDone.length) {
      const cap = entries * 2;
      this.roleDone = new Uint8Array(cap);
      this.roleCount = new Uint8Array(cap);
      this.roleRows = new Int32Array(cap * ROLE_FEATURES);
      this.roleSums = new Int32Array(cap * this.nMoves);
    }
    this.roleDone.fill(0, 0, entries);
  }

  /** Entry of word i in `role`: its single-word features looked up on first use in the sentence. */
  private roleEntry(weights: ParserWeights, i: number, role: number): number {
    const e = i * ROLES + role;
    if (this.roleDone[e] === 0) {
      const W = this.nMoves, scratch = this.sums2;
      scratch.fill(0);
      const nf = this.fx.role(i, role, 0);
      const r0 = e * ROLE_FEATURES;
      this.roleCount[e] = weights.accumulate(this.fx.keys, 0, nf, scratch, this.roleRows, r0) - r0;
      this.roleSums.set(scratch, e * W);
      this.roleDone[e] = 1;
    }
    return e;
  }

  /**
   * One training pass over the loaded sentence. `heads` are gold heads with the root as n; `explore` makes the
   * parser follow its own (possibly wrong) moves. Returns the number of wrong moves and labels.
   */
  train(moves: TrainTable, labels: TrainTable, n: number, heads: Int32Array, gold: Int32Array, c: number, explore: boolean): number {
    const st = this.state, costs = this.costs, keys = this.fx.keys, L = this.nLabels, G = this.nGroups;
    st.reset(n);
    let errors = 0;
    this.steps = 0;
    while (!st.done) {
      const nf = this.fx.extract(st, L);
      moves.score(keys, nf, this.moveScores);
      const guess = this.bestMove();
      st.costs(heads, costs);
      const min = Math.min(costs[0]!, costs[1]!, costs[2]!);
      // the gold arc of s0, if a least-cost move makes it now
      const s0 = st.s(0);
      const goldKind = s0 < 0 ? -1 : heads[s0] === st.b && costs[LEFT] === min ? LEFT : heads[s0] === st.s(1) && costs[RIGHT] === min ? RIGHT : -1;
      const goldGroup = goldKind >= 0 ? this.groups[gold[s0]!]! : -1;
      const best = this.bestMove(costs, goldKind, goldGroup);
      const guessKind = this.kind(guess);
      if (costs[guessKind] !== min || (guessKind === goldKind && (guess - 1) % G !== goldGroup)) {
        errors++;
        moves.update(keys, nf, best, 1, c);
        moves.update(keys, nf, guess, -1, c);
      }
      const move = explore ? guess : best;
      const kind = this.kind(move);
      if (goldKind >= 0 || kind !== SHIFT) labels.score(keys, nf, this.labelScores);
      if (goldKind >= 0) {
        const predicted = this.bestLabel(goldKind, goldGroup);
        const base = goldKind === LEFT ? 0 : L;
        if (predicted !== gold[s0]) {
          errors++;
          labels.update(keys, nf, base + gold[s0]!, 1, c);
          labels.update(keys, nf, base + predicted, -1, c);
        }
      }
      let label = -1;
      if (kind !== SHIFT) label = kind === goldKind && move === best && !explore ? gold[s0]! : this.bestLabel(kind, (move - 1) % G);
      st.apply(kind, label);
      c++;
      this.steps++;
    }
    return errors;
  }
}

/** The word in stack or buffer role `role` of state `st` (`none` when there is none). */
function roleWordOf(st: ParseState, role: number, none: number): number {
  switch (role) {
    case ROLE_S0: return st.sp > 0 ? st.stack[st.sp - 1]! : none;
    case ROLE_S1: return st.sp > 1 ? st.stack[st.sp - 2]! : none;
    case ROLE_B0: return st.b;
    case ROLE_B1: return st.b + 1 <= st.n ? st.b + 1 : none;
    case ROLE_B2: return st.b + 2 <= st.n ? st.b + 2 : none;
    default: return st.sp > 2 ? st.stack[st.sp - 3]! : none;
  }
}
