// Per-word attributes shared by the POS tagger and the parser: hashes of the word's forms, affixes, shape and
// word-cluster prefixes. Computed once per distinct word and cached, so a sentence costs one Map look-up per token.
import { CLUSTER_PREFIXES, type WordClusters } from "../ner/clusters.js";
import { wordShape } from "../ner/features.js";
import { hashString } from "../ner/hash.js";
import { clusterKey, normaliseToken } from "../ner/text.js";

/** Attribute slots of a word, in a row of ATTRS uint32 hashes. */
export const enum A {
  Form, Lower, Prefix1, Suffix1, Suffix2, Suffix3, Suffix4, Shape, C0, C1, C2, C3,
}
export const ATTRS = 12;
/** Cache size bound: news vocabularies are open, so the cache is cleared rather than left to grow. */
const MAX_CACHED = 200_000;
const H_NOCLUSTER = hashString("<nocluster>");

export class Lexicon {
  private readonly rows = new Map<string, number>();
  private attrs = new Uint32Array(ATTRS * 4096);
  /** Bumped when the cache is cleared: row numbers of an older generation then name other words. */
  generation = 0;

  constructor(private readonly clusters: WordClusters) {}

  /** Writes the attribute row of `word` into `out` at `at`; returns the word's row number (see `generation`). */
  fill(word: string, out: Uint32Array, at: number): number {
    let row = this.rows.get(word);
    if (row === undefined) {
      if (this.rows.size >= MAX_CACHED) {
        this.rows.clear();
        this.generation++;
      }
      row = this.rows.size;
      if ((row + 1) * ATTRS > this.attrs.length) {
        const grown = new Uint32Array(Math.min(this.attrs.length * 2, MAX_CACHED * ATTRS));
        grown.set(this.attrs.subarray(0, grown.length));
        this.attrs = grown;
      }
      this.compute(word, row * ATTRS);
      this.rows.set(word, row);
    }
    out.set(this.attrs.subarray(row * ATTRS, row * ATTRS + ATTRS), at);
    return row;
  }

  private compute(word: string, at: number): void {
    const a = this.attrs;
    const norm = normaliseToken(word);
    const lower = norm.toLowerCase();
    a[at + A.Form] = hashString(norm);
    a[at + A.Lower] = hashString(lower);
    a[at + A.Prefix1] = hashString("p" + lower.slice(0, 1));
    a[at + A.Suffix1] = hashString("s" + lower.slice(-1));
    a[at + A.Suffix2] = hashString("s" + lower.slice(-2));
    a[at + A.Suffix3] = hashString("s" + lower.slice(-3));
    a[at + A.Suffix4] = hashString("s" + lower.slice(-4));
    a[at + A.Shape] = hashString(wordShape(norm));
    const crow = this.clusters.row(clusterKey(norm));
    for (let k = 0; k < CLUSTER_PREFIXES.length; k++) a[at + A.C0 + k] = crow < 0 ? H_NOCLUSTER : this.clusters.prefixHash(crow, k);
  }
}
