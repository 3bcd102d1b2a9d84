// UD scoring: UPOS accuracy, UAS and LAS. Words whose gold UPOS is PUNCT are left out of UAS and LAS (the CoNLL-X
// convention; the CoNLL 2018 shared task's official LAS counts them, so `all` reports that too). LAS compares the
// universal part of the relation (nsubj:pass counts as nsubj), as the CoNLL 2018 evaluation script does;
// `labelsFull` compares subtypes as well.
import type { UdSentence } from "../nlp/parse/conllu.js";

export interface UdPrediction {
  upos: readonly string[];
  heads: readonly number[];
  deprels: readonly string[];
}

export interface UdScore {
  sentences: number;
  words: number;
  upos: number;
  /** Punctuation excluded. */
  uas: number;
  las: number;
  lasFull: number;
  scored: number;
  /** Every word counted (the CoNLL 2018 definition). */
  all: { uas: number; las: number };
}

const universal = (d: string): string => {
  const i = d.indexOf(":");
  return i < 0 ? d : d.slice(0, i);
};

export class UdScorer {
  private sentences = 0;
  private words = 0;
  private upos = 0;
  private scored = 0;
  private uas = 0;
  private las = 0;
  private lasFull = 0;
  private allUas = 0;
  private allLas = 0;

  /**
   * Adds one sentence. `align[i]` is the predicted word index matching gold word i, or -1 when our tokenization has
   * no such word (then the word counts as wrong); with gold tokens it is the identity.
   */
  add(gold: UdSentence, pred: UdPrediction, align?: readonly number[]): void {
    this.sentences++;
    const n = gold.words.length;
    const predOfGold = align ?? gold.words.map((_, i) => i);
    for (let i = 0; i < n; i++) {
      this.words++;
      const p = predOfGold[i]!;
      const punct = gold.upos[i] === "PUNCT";
      if (!punct) this.scored++;
      if (p < 0) continue;
      if (pred.upos[p] === gold.upos[i]) this.upos++;
      const gh = gold.heads[i]!;
      const ph = pred.heads[p]!;
      const headOk = gh < 0 ? ph < 0 : ph >= 0 && ph === predOfGold[gh];
      if (!headOk) continue;
      const labelOk = universal(pred.deprels[p]!) === universal(gold.deprels[i]!);
      this.allUas++;
      if (labelOk) this.allLas++;
      if (punct) continue;
      this.uas++;
      if (labelOk) this.las++;
      if (pred.deprels[p] === gold.deprels[i]) this.lasFull++;
    }
  }

  score(): UdScore {
    const r = (x: number, d: number): number => (d === 0 ? 0 : x / d);
    return {
      sentences: this.sentences,
      words: this.words,
      upos: r(this.upos, this.words),
      uas: r(this.uas, this.scored),
      las: r(this.las, this.scored),
      lasFull: r(this.lasFull, this.scored),
      scored: this.scored,
      all: { uas: r(this.allUas, this.words), las: r(this.allLas, this.words) },
    };
  }
}

export function formatUdScore(s: UdScore): string {
  const p = (x: number): string => (100 * x).toFixed(2);
  return (
    `UPOS ${p(s.upos)}  UAS ${p(s.uas)}  LAS ${p(s.las)}  (punctuation excluded: ${s.scored} of ${s.words} words; ` +
    `LAS with subtypes ${p(s.lasFull)}; every word counted: UAS ${p(s.all.uas)} LAS ${p(s.all.las)})`
  );
}
