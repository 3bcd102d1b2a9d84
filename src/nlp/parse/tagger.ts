// Greedy left-to-right averaged-perceptron POS tagger (Collins 2002; the feature set of Honnibal's "A good
// part-of-speech tagger in about 200 lines", plus word-cluster prefixes and shape). One label per word: the PTB tag
// and the UPOS joined ("NN|NOUN"), so both come from one decision and always agree.
import { hashString, mix } from "../ner/hash.js";
import { A, ATTRS, type Lexicon } from "./lexicon.js";
import { OwnScores } from "./own-scores.js";
import { FrozenTable, type TrainTable } from "./weights.js";

/** Sentence padding: two pseudo words each side, so context offsets up to 2 need no bounds checks. */
const PAD = 2;
export const TAG_PAD = PAD;
export const TAG_FEATURES = 40;
/** The first OWN_FEATURES features (bias, the word's own forms, affixes, shape, clusters) depend on the word only. */
const OWN_FEATURES = 13;
const H_BOS = hashString("<s>");
const H_EOS = hashString("</s>");

/** Per-sentence buffers of one tagger; not shared between threads. */
export class TagContext {
  attrs = new Uint32Array(0);
  readonly keys = new Uint32Array(TAG_FEATURES);
  scores: Float32Array;
  /** Lexicon row of each word of the loaded sentence. */
  private wordRows = new Int32Array(0);
  private readonly own: OwnScores;
  /** Tag dictionary (ParseModel.tagDict) used by `predict` with a frozen table, and each loaded word's entry (-1: none). */
  fixed: Map<string, number> | undefined;
  private fixedTags = new Int32Array(0);

  constructor(
    readonly lexicon: Lexicon,
    readonly nTags: number,
  ) {
    this.scores = new Float32Array(nTags);
    this.own = new OwnScores(nTags);
  }

  /** Loads a sentence's words (attribute rows with padding). */
  load(words: readonly string[]): void {
    const n = words.length;
    if ((n + 2 * PAD) * ATTRS > this.attrs.length) this.attrs = new Uint32Array((n + 2 * PAD) * ATTRS * 2);
    for (let p = 0; p < PAD; p++) {
      this.attrs.fill(H_BOS, p * ATTRS, (p + 1) * ATTRS);
      this.attrs.fill(H_EOS, (n + PAD + p) * ATTRS, (n + PAD + p + 1) * ATTRS);
    }
    if (n > this.wordRows.length) this.wordRows = new Int32Array(n * 2);
    if (this.fixed && this.fixed.size > 0) {
      if (n > this.fixedTags.length) this.fixedTags = new Int32Array(n * 2);
      for (let i = 0; i < n; i++) this.fixedTags[i] = this.fixed.get(words[i]!) ?? -1;
    }
    const generation = this.lexicon.generation;
    for (let i = 0; i < n; i++) this.wordRows[i] = this.lexicon.fill(words[i]!, this.attrs, (i + PAD) * ATTRS);
    // the lexicon cleared its cache within this sentence: the earlier words' row numbers may now name later words,
    // so this sentence keeps no own-feature scores (row -1)
    if (this.lexicon.generation !== generation) this.wordRows.fill(-1, 0, n);
  }

  /** Features of word i given the two previous predicted tags (nTags stands for "none"). */
  features(i: number, prev1: number, prev2: number): number {
    this.ownFeatures(i);
    return this.contextFeatures(i, prev1, prev2);
  }

  /** The features of word i that depend on the word alone, into keys[0..OWN_FEATURES). */
  private ownFeatures(i: number): void {
    const a = this.attrs;
    const k = this.keys;
    const at = (i + PAD) * ATTRS;
    let f = 0;
    k[f++] = mix(1, 0);
    k[f++] = mix(2, a[at + A.Form]!);
    k[f++] = mix(3, a[at + A.Lower]!);
    k[f++] = mix(4, a[at + A.Suffix1]!);
    k[f++] = mix(5, a[at + A.Suffix2]!);
    k[f++] = mix(6, a[at + A.Suffix3]!);
    k[f++] = mix(7, a[at + A.Suffix4]!);
    k[f++] = mix(8, a[at + A.Prefix1]!);
    k[f++] = mix(9, a[at + A.Shape]!);
    k[f++] = mix(10, a[at + A.C0]!);
    k[f++] = mix(11, a[at + A.C1]!);
    k[f++] = mix(12, a[at + A.C2]!);
    k[f] = mix(13, a[at + A.C3]!);
  }

  /** The other features of word i, into keys[OWN_FEATURES..); returns the number of features. */
  private contextFeatures(i: number, prev1: number, prev2: number): number {
    const a = this.attrs;
    const k = this.keys;
    const at = (i + PAD) * ATTRS;
    const m1 = at - ATTRS, m2 = at - 2 * ATTRS, p1 = at + ATTRS, p2 = at + 2 * ATTRS;
    let f = OWN_FEATURES;
    k[f++] = mix(14, a[m1 + A.Lower]!);
    k[f++] = mix(15, a[p1 + A.Lower]!);
    k[f++] = mix(16, a[m2 + A.Lower]!);
    k[f++] = mix(17, a[p2 + A.Lower]!);
    k[f++] = mix(18, a[m1 + A.Suffix3]!);
    k[f++] = mix(19, a[p1 + A.Suffix3]!);
    k[f++] = mix(20, a[m1 + A.Shape]!);
    k[f++] = mix(21, a[p1 + A.Shape]!);
    k[f++] = mix(22, a[m1 + A.C1]!);
    k[f++] = mix(23, a[p1 + A.C1]!);
    k[f++] = mix(24, a[p1 + A.C3]!);
    k[f++] = mix(25, a[p2 + A.C1]!);
    k[f++] = mix(26, prev1);
    k[f++] = mix(27, prev2);
    k[f++] = mix(28, prev1, prev2);
    k[f++] = mix(29, prev1, a[at + A.Lower]!);
    k[f++] = mix(30, a[at + A.Lower]!, a[p1 + A.Lower]!);
    k[f++] = mix(31, a[m1 + A.Lower]!, a[at + A.Lower]!);
    k[f++] = mix(32, prev1, a[p1 + A.Lower]!);
    k[f++] = mix(33, a[at + A.Suffix3]!, a[p1 + A.C1]!);
    k[f++] = mix(34, prev1, a[at + A.Suffix3]!);
    k[f++] = mix(35, a[m1 + A.Form]!);
    k[f++] = mix(36, a[p1 + A.Form]!);
    k[f++] = mix(37, a[m1 + A.C3]!);
    k[f++] = mix(38, a[at + A.Lower]!, a[p2 + A.Lower]!);
    k[f++] = mix(39, prev1, a[at + A.Shape]!);
    k[f++] = mix(40, a[p1 + A.Suffix2]!, a[at + A.C2]!);
    return f;
  }

  private best(): number {
    let best = 0;
    for (let t = 1; t < this.nTags; t++) if (this.scores[t]! > this.scores[best]!) best = t;
    return best;
  }

  /**
   * Tags the loaded sentence of n words into out[0..n). With a frozen table, the scores of a word's own features
   * are kept per distinct word (OwnScores) and each position adds only its context features: the same float sums,
   * since the own features come first and are summed from zero in the same order. With a frozen table, the words
   * of the tag dictionary (`fixed`) get their tag without scoring.
   */
  predict(table: FrozenTable | TrainTable, n: number, out: Int32Array | Uint8Array): void {
    const frozen = table instanceof FrozenTable ? table : undefined;
    if (frozen) this.own.use(frozen, this.lexicon.generation);
    let prev1 = this.nTags, prev2 = this.nTags;
    const fixed = frozen && this.fixed && this.fixed.size > 0 ? this.fixedTags : undefined;
    for (let i = 0; i < n; i++) {
      if (fixed && fixed[i]! >= 0) {
        // a dictionary word: its tag without scoring
        const t = fixed[i]!;
        out[i] = t;
        prev2 = prev1;
        prev1 = t;
        continue;
      }
      if (frozen) {
        const at = this.own.at(this.wordRows[i]!);
        if (at >= 0) {
          // a copy loop, not set(subarray(...)): no view object per word
          const own = this.own.scores, scores = this.scores;
          for (let k = 0; k < this.nTags; k++) scores[k] = own[at + k]!;
        } else {
          this.ownFeatures(i);
          frozen.score(this.keys, OWN_FEATURES, this.scores);
          this.own.store(this.wordRows[i]!, this.scores);
        }
        const nf = this.contextFeatures(i, prev1, prev2);
        frozen.add(this.keys, OWN_FEATURES, nf, this.scores);
      } else {
        const nf = this.features(i, prev1, prev2);
        table.score(this.keys, nf, this.scores);
      }
      const t = this.best();
      out[i] = t;
      prev2 = prev1;
      prev1 = t;
    }
  }

  /** One training pass over the loaded sentence (gold tags); returns [errors, updates made at counts c..]. */
  train(table: TrainTable, n: number, gold: Int32Array, c: number): number {
    let prev1 = this.nTags, prev2 = this.nTags, errors = 0;
    for (let i = 0; i < n; i++) {
      const nf = this.features(i, prev1, prev2);
      table.score(this.keys, nf, this.scores);
      const guess = this.best();
      const g = gold[i]!;
      if (guess !== g) {
        errors++;
        table.update(this.keys, nf, g, 1, c + i);
        table.update(this.keys, nf, guess, -1, c + i);
      }
      prev2 = prev1;
      prev1 = guess;
    }
    return errors;
  }
}
