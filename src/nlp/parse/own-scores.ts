// The tagger's scores of a word's own features (bias, forms, affixes, shape, clusters: the same wherever the word
// occurs), kept per lexicon row so a frequent word's are looked up once, not at every occurrence. Valid for one
// frozen table and one lexicon generation (row numbers are reused when the lexicon clears its cache).
import type { FrozenTable } from "./weights.js";

/** Words kept: the first this many lexicon rows (the frequent words come early); 102 tags make it ~26 MB. */
const MAX_ROWS = 65_536;

export class OwnScores {
  /** Row r's scores at r * nTags, when done[r]. */
  scores = new Float32Array(0);
  private done = new Uint8Array(0);
  private table: FrozenTable | undefined;
  private generation = -1;

  constructor(private readonly nTags: number) {}

  /** Starts a sentence scored with `table` over lexicon generation `generation`; forgets older scores. */
  use(table: FrozenTable, generation: number): void {
    if (table === this.table && generation === this.generation) return;
    this.table = table;
    this.generation = generation;
    this.done.fill(0);
  }

  /** Offset of row r's scores in `scores`, or -1 when not kept (or r is -1: a word not to keep). */
  at(r: number): number {
    return r >= 0 && r < this.done.length && this.done[r] === 1 ? r * this.nTags : -1;
  }

  /** Keeps row r's scores (when r is within the bound; r = -1 keeps nothing). */
  store(r: number, scores: Float32Array): void {
    if (r < 0 || r >= MAX_ROWS) return;
    if (r >= this.done.length) this.grow(r + 1);
    const at = r * this.nTags;
    for (let k = 0; k < this.nTags; k++) this.scores[at + k] = scores[k]!;
    this.done[r] = 1;
  }

  private grow(rows: number): void {
    let cap = Math.max(1024, this.done.length);
    while (cap < rows) cap *= 2;
    cap = Math.min(cap, MAX_ROWS);
    const done = new Uint8Array(cap);
    done.set(this.done);
    const scores = new Float32Array(cap * this.nTags);
    scores.set(this.scores);
    this.done = done;
    this.scores = scores;
  }
}
