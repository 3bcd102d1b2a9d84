// Greedy arc-hybrid parsing and its training step, factorised for speed: one averaged perceptron picks the move
// (SHIFT, LEFT, RIGHT: 3 classes), a second picks the label of an arc (LEFT-l or RIGHT-l: 2L classes) only when
// an arc is made, so most steps score 3-wide rows. Trained with the dynamic oracle (Goldberg & Nivre 2012): after
// the first epoch the parser follows its own moves, and a wrong move updates towards the best-scoring move that
// loses no more gold arcs than any other; a state where an allowed move makes a gold arc trains the label.
import { ParseFeatures } from "./parse-features.js";
import { LEFT, ParseState, RIGHT, SHIFT } from "./state.js";
import type { ParserWeights, TrainTable } from "./weights.js";

export class ArcHybridParser {
  readonly state = new ParseState();
  readonly fx: ParseFeatures;
  private readonly moveScores = new Float32Array(3);
  private readonly labelScores: Float32Array;
  private readonly costs = new Float64Array(3);
  private rows = new Int32Array(256);
  /** Transitions made by the last `train` call (the caller's perceptron clock advances by this much). */
  steps = 0;

  constructor(
    nTags: number,
    readonly nLabels: number,
  ) {
    this.fx = new ParseFeatures(nTags);
    this.labelScores = new Float32Array(2 * nLabels);
  }

  private allowed(move: number): boolean {
    const st = this.state;
    return move === SHIFT ? st.canShift() : move === LEFT ? st.canLeft() : st.canRight();
  }

  /** Best allowed move; with `costs`, the best among the allowed moves of least cost. */
  private bestMove(costs?: Float64Array): number {
    const sc = this.moveScores;
    const min = costs ? Math.min(costs[0]!, costs[1]!, costs[2]!) : 0;
    let best = -1;
    for (let m = SHIFT; m <= RIGHT; m++) {
      if (costs ? costs[m] !== min : !this.allowed(m)) continue;
      if (best < 0 || sc[m]! > sc[best]!) best = m;
    }
    return best;
  }

  /** Best label for an arc made by `move` (LEFT or RIGHT), from the label scores. */
  private bestLabel(move: number): number {
    const sc = this.labelScores, L = this.nLabels;
    const base = move === LEFT ? 0 : L;
    let best = 0;
    for (let l = 1; l < L; l++) if (sc[base + l]! > sc[base + best]!) best = l;
    return best;
  }

  /** Parses the sentence loaded into `fx` (n words); heads (n = root) and labels are left in the state. */
  parse(weights: ParserWeights, n: number): void {
    const st = this.state, keys = this.fx.keys, rows = this.rows;
    st.reset(n);
    while (!st.done) {
      const nf = this.fx.extract(st, this.nLabels);
      const m = weights.lookup(keys, nf, rows);
      weights.scoreMoves(rows, m, this.moveScores);
      const move = this.bestMove();
      let label = -1;
      if (move !== SHIFT) {
        weights.scoreLabels(rows, m, this.labelScores);
        label = this.bestLabel(move);
      }
      st.apply(move, label);
    }
  }

  /**
   * One training pass over the loaded sentence. `heads` are gold heads with the root as n; `explore` makes the
   * parser follow its own (possibly wrong) moves. Returns the number of wrong moves and labels.
   */
  train(moves: TrainTable, labels: TrainTable, n: number, heads: Int32Array, gold: Int32Array, c: number, explore: boolean): number {
    const st = this.state, costs = this.costs, keys = this.fx.keys, L = this.nLabels;
    st.reset(n);
    let errors = 0;
    this.steps = 0;
    while (!st.done) {
      const nf = this.fx.extract(st, L);
      moves.score(keys, nf, this.moveScores);
      const guess = this.bestMove();
      st.costs(heads, costs);
      const best = this.bestMove(costs);
      if (costs[guess] !== costs[best]) {
        errors++;
        moves.update(keys, nf, best, 1, c);
        moves.update(keys, nf, guess, -1, c);
      }
      const move = explore ? guess : best;
      // the gold arc of s0, if a least-cost move makes it now
      const s0 = st.s(0);
      const goldArc = s0 < 0 ? -1 : heads[s0] === st.b && costs[LEFT] === costs[best] ? LEFT : heads[s0] === st.s(1) && costs[RIGHT] === costs[best] ? RIGHT : -1;
      let label = -1;
      if (goldArc >= 0 || move !== SHIFT) labels.score(keys, nf, this.labelScores);
      if (goldArc >= 0) {
        const predicted = this.bestLabel(goldArc);
        const base = goldArc === LEFT ? 0 : L;
        if (predicted !== gold[s0]) {
          errors++;
          labels.update(keys, nf, base + gold[s0]!, 1, c);
          labels.update(keys, nf, base + predicted, -1, c);
        }
      }
      if (move !== SHIFT) label = move === goldArc && !explore ? gold[s0]! : this.bestLabel(move);
      st.apply(move, label);
      c++;
      this.steps++;
    }
    return errors;
  }
}
