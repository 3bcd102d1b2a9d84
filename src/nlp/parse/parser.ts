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
  /** Transitions made by the last `train` call (the caller's perceptron clock advances by this much). */
  steps = 0;

  constructor(
    nTags: number,
    readonly nLabels: number,
    /** Group id of each relation (label-groups.ts), and the number of groups. */
    readonly groups: Int32Array,
    readonly nGroups: number,
  ) {
    this.fx = new ParseFeatures(nTags);
    this.nMoves = 1 + 2 * nGroups;
    this.moveScores = new Float32Array(this.nMoves);
    this.sums = new Int32Array(this.nMoves);
    this.sums2 = new Int32Array(this.nMoves);
    this.labelScores = new Float32Array(2 * nLabels);
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
    const st = this.state, fx = this.fx, keys = fx.keys, rows = this.rows, sums = this.sums, W = this.nMoves;
    st.reset(n);
    this.resetRoles(n);
    const none = n + 1;
    const roleSums = this.roleSums, roleRows = this.roleRows, roleCount = this.roleCount;
    while (!st.done) {
      sums.fill(0);
      let m = 0;
      for (let role = 0; role < ROLES; role++) {
        const e = this.roleEntry(weights, this.roleWord(role, none), role);
        const at = e * W;
        for (let j = 0; j < W; j++) sums[j]! += roleSums[at + j]!;
        const r0 = e * ROLE_FEATURES, r1 = r0 + roleCount[e]!;
        for (let r = r0; r < r1; r++) rows[m++] = roleRows[r]!;
      }
      const nf = fx.pairs(st, this.nLabels, 0);
      m = weights.accumulate(keys, 0, nf, sums, rows, m);
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

  /** The word in stack or buffer role `role` of the current state (`none` when there is none). */
  private roleWord(role: number, none: number): number {
    const st = this.state;
    switch (role) {
      case ROLE_S0: return st.sp > 0 ? st.stack[st.sp - 1]! : none;
      case ROLE_S1: return st.sp > 1 ? st.stack[st.sp - 2]! : none;
      case ROLE_B0: return st.b;
      case ROLE_B1: return st.b + 1 <= st.n ? st.b + 1 : none;
      case ROLE_B2: return st.b + 2 <= st.n ? st.b + 2 : none;
      default: return st.sp > 2 ? st.stack[st.sp - 3]! : none;
    }
  }

  /** Forgets the role entries of the previous sentence; words are 0..n (n = root) and n + 1 (none). */
  private resetRoles(n: number): void {
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
