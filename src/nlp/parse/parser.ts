// Greedy arc-hybrid parsing and its training step, factorised for speed: one averaged perceptron picks the move
// (SHIFT, or LEFT/RIGHT with a coarse relation group: see label-groups.ts), a second picks the exact relation of
// an arc (LEFT-l or RIGHT-l, among the relations of the chosen group) only when an arc is made, so most steps
// score short rows. Trained with the dynamic oracle (Goldberg & Nivre 2012): after the first epoch the parser
// follows its own moves, and a wrong move updates towards the best-scoring move that loses no more gold arcs than
// any other; a state where an allowed move makes a gold arc trains the relation.
import { ParseFeatures } from "./parse-features.js";
import { LEFT, ParseState, RIGHT, SHIFT } from "./state.js";
import type { ParserWeights, TrainTable } from "./weights.js";

export class ArcHybridParser {
  readonly state = new ParseState();
  readonly fx: ParseFeatures;
  /** Move classes: 0 = SHIFT, 1 + g = LEFT with group g, 1 + G + g = RIGHT with group g. */
  readonly nMoves: number;
  private readonly moveScores: Float32Array;
  private readonly labelScores: Float32Array;
  private readonly costs = new Float64Array(3);
  private rows = new Int32Array(256);
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
    this.labelScores = new Float32Array(2 * nLabels);
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

  /** Parses the sentence loaded into `fx` (n words); heads (n = root) and labels are left in the state. */
  parse(weights: ParserWeights, n: number): void {
    const st = this.state, keys = this.fx.keys, rows = this.rows;
    st.reset(n);
    while (!st.done) {
      const nf = this.fx.extract(st, this.nLabels);
      const m = weights.lookup(keys, nf, rows, this.moveScores);
      const move = this.bestMove();
      const kind = this.kind(move);
      let label = -1;
      if (kind !== SHIFT) {
        weights.scoreLabels(rows, m, this.labelScores);
        label = this.bestLabel(kind, (move - 1) % this.nGroups);
      }
      st.apply(kind, label);
    }
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
