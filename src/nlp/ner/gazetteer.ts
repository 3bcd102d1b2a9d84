// Gazetteer matching for the tagger's features. The word lists themselves are built at training time
// (gazetteer-build.ts) and stored inside the model, so training and tagging always agree and tagging needs
// neither `world-countries` nor `compromise` at run time.
import { FeatureIndex } from "./feature-index.js";
import { hashString, mix } from "./hash.js";

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
  /** GeoNames populated places of 15,000 people or more, and of 250,000 or more; first-level regions. */
  geoCity: 4096,
  geoBigCity: 8192,
  geoRegion: 16384,
} as const;
export const GAZ_BITS = 15;

export interface GazetteerData {
  /** Lower-cased phrases, tokens separated by single spaces, with their category bits. */
  entries: [string, number][];
}


const START = 0x67a5;
const EXTEND = 0x67a6;
const PHRASE = 0x67a7;

/**
 * Look-up structure for matching, on token hashes (`hashString` of each lower-cased normalised token) so the hot
 * loop builds no strings: which token hashes can start a phrase, and phrase hash chains -> category bits.
 */
export class Gazetteer {
  private readonly starts = new FeatureIndex(1024);
  private readonly phrases = new FeatureIndex(1024);
  private readonly bits: number[] = [];
  readonly maxLen: number;

  constructor(data: GazetteerData) {
    let maxLen = 1;
    for (const [key, bits] of data.entries) {
      const parts = key.split(" ");
      maxLen = Math.max(maxLen, parts.length);
      let h = hashString(parts[0]!);
      this.starts.getOrAdd(mix(START, h));
      for (let k = 1; k < parts.length; k++) h = mix(EXTEND, h, hashString(parts[k]!));
      const row = this.phrases.getOrAdd(mix(PHRASE, h));
      this.bits[row] = (this.bits[row] ?? 0) | bits;
    }
    this.maxLen = maxLen;
  }

  /**
   * Marks every token covered by a gazetteer phrase: `begin[i]` / `inside[i]` get the category bits of phrases
   * starting at / continuing through token i. `hashes[offset + i]` is the hash of token i's lower-cased form.
   */
  mark(hashes: Uint32Array, offset: number, n: number, begin: Uint16Array, inside: Uint16Array): void {
    begin.fill(0, offset, offset + n);
    inside.fill(0, offset, offset + n);
    for (let i = 0; i < n; i++) {
      let h = hashes[offset + i]!;
      if (this.starts.get(mix(START, h)) < 0) continue;
      for (let len = 1; len <= this.maxLen && i + len <= n; len++) {
        if (len > 1) h = mix(EXTEND, h, hashes[offset + i + len - 1]!);
        const row = this.phrases.get(mix(PHRASE, h));
        if (row < 0) continue;
        const bits = this.bits[row]!;
        begin[offset + i]! |= bits;
        for (let k = i + 1; k < i + len; k++) inside[offset + k]! |= bits;
      }
    }
  }

  /** Convenience for tests and tools: marks a sentence given as lower-cased tokens. */
  markTokens(lower: readonly string[]): { begin: Uint16Array; inside: Uint16Array } {
    const hashes = Uint32Array.from(lower, hashString);
    const begin = new Uint16Array(lower.length);
    const inside = new Uint16Array(lower.length);
    this.mark(hashes, 0, lower.length, begin, inside);
    return { begin, inside };
  }
}
