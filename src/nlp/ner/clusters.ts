// Word clusters (bit strings, as built by scripts/build-ner-clusters.ts), used as features through prefixes.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { FeatureIndex } from "./feature-index.js";
import { hashString } from "./hash.js";

/**
 * Four cluster features per word, coarse to fine. The file has either four class-id columns
 * ("word<TAB>c1<TAB>c2<TAB>c3<TAB>c4", from scripts/build-ner-clusters.ts) or one bit string whose prefixes of
 * these lengths are used instead (Brown-style, as in Ratinov & Roth 2009).
 */
export const CLUSTER_PREFIXES = [4, 6, 10, 16] as const;

export class WordClusters {
  /** cluster key (see `clusterKey`) -> row; row * CLUSTER_PREFIXES.length + k is the hash of prefix k. */
  private readonly rows: FeatureIndex;
  private readonly hashes: Uint32Array;

  constructor(tsv: string) {
    const lines = tsv.split("\n").filter((l) => l.length > 0);
    this.rows = new FeatureIndex(lines.length);
    this.hashes = new Uint32Array(lines.length * CLUSTER_PREFIXES.length);
    lines.forEach((line, row) => {
      const cols = line.split("\t");
      if (cols.length !== 2 && cols.length !== 1 + CLUSTER_PREFIXES.length) {
        throw new Error(`clusters: line ${row + 1} is neither "word<TAB>bits" nor "word" and ${CLUSTER_PREFIXES.length} class ids`);
      }
      if (this.rows.getOrAdd(hashString(cols[0]!) || 1) !== row) throw new Error(`clusters: line ${row + 1} repeats a word`);
      CLUSTER_PREFIXES.forEach((len, k) => {
        const value = cols.length === 2 ? `${len}:${cols[1]!.slice(0, len)}` : `c${k}:${cols[k + 1]!}`;
        this.hashes[row * CLUSTER_PREFIXES.length + k] = hashString(value);
      });
    });
  }

  static fromGzipFile(path: string): WordClusters {
    return new WordClusters(gunzipSync(readFileSync(path)).toString("utf8"));
  }

  get size(): number {
    return this.rows.size;
  }

  /** Row of a word given as its cluster key (see `clusterKey`), or -1 when it has no cluster. */
  row(key: string): number {
    return this.rowOfHash(hashString(key));
  }

  /** Row of a word given as `hashString` of its cluster key, or -1. */
  rowOfHash(hash: number): number {
    return this.rows.get(hash || 1);
  }

  prefixHash(row: number, k: number): number {
    return this.hashes[row * CLUSTER_PREFIXES.length + k]!;
  }
}
