// Gazetteer matching for the tagger's features. The word lists themselves are built at training time
// (gazetteer-build.ts) and stored inside the model, so training and tagging always agree and tagging needs
// neither `world-countries` nor `compromise` at run time.

/** Gazetteer categories, one bit each (a phrase may be in several, e.g. "Mexico" country and capital). */
export const GAZ = {
  country: 1,
  capital: 2,
  demonym: 4,
  title: 8,
  orgSuffix: 16,
  region: 32,
  firstName: 64,
  lastName: 128,
  person: 256,
  organisation: 512,
  city: 1024,
  timeWord: 2048,
} as const;
export const GAZ_BITS = 12;

export interface GazetteerData {
  /** Lower-cased phrases, tokens separated by single spaces, with their category bits. */
  entries: [string, number][];
}


/** Look-up structure for matching: phrase -> bits, plus which first tokens can start a phrase and the longest length. */
export class Gazetteer {
  readonly phrases: Map<string, number>;
  readonly starts: Set<string>;
  readonly maxLen: number;

  constructor(data: GazetteerData) {
    this.phrases = new Map(data.entries);
    this.starts = new Set();
    let maxLen = 1;
    for (const [key] of data.entries) {
      const parts = key.split(" ");
      this.starts.add(parts[0]!);
      maxLen = Math.max(maxLen, parts.length);
    }
    this.maxLen = maxLen;
  }

  /**
   * Marks every token covered by a gazetteer phrase: `begin[i]` / `inside[i]` get the category bits of phrases
   * starting at / continuing through token i. `lower` holds the sentence's lower-cased normalised tokens.
   */
  mark(lower: readonly string[], n: number, begin: Uint16Array, inside: Uint16Array): void {
    begin.fill(0, 0, n);
    inside.fill(0, 0, n);
    for (let i = 0; i < n; i++) {
      const first = lower[i]!;
      if (!this.starts.has(first)) continue;
      let key = first;
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        if (len > 1) key += " " + lower[i + len - 1]!;
        const bits = this.phrases.get(key);
        if (bits === undefined) continue;
        begin[i]! |= bits;
        for (let k = i + 1; k < i + len; k++) inside[k]! |= bits;
      }
    }
  }
}
