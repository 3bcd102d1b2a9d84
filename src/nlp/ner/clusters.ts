// Word clusters (bit strings, as built by scripts/build-ner-clusters.ts), used as features through prefixes.
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { hashString } from "./hash.js";

/** Prefix lengths used as features: coarse to fine, as in Ratinov & Roth (2009). */
export const CLUSTER_PREFIXES = [4, 6, 10, 16] as const;

export class WordClusters {
  /** cluster key (see `clusterKey`) -> row; row * CLUSTER_PREFIXES.length + k is the hash of prefix k. */
  private readonly rows: Map<string, number>;
  private readonly hashes: Uint32Array;

  constructor(tsv: string) {
    const lines = tsv.split("\n").filter((l) => l.length > 0);
    this.rows = new Map();
    this.hashes = new Uint32Array(lines.length * CLUSTER_PREFIXES.length);
    lines.forEach((line, row) => {
      const tab = line.indexOf("\t");
      if (tab < 1) throw new Error(`clusters: line ${row + 1} is not "word<TAB>bits"`);
      const bits = line.slice(tab + 1);
      this.rows.set(line.slice(0, tab), row);
      CLUSTER_PREFIXES.forEach((len, k) => {
        this.hashes[row * CLUSTER_PREFIXES.length + k] = hashString(`${len}:${bits.slice(0, len)}`);
      });
    });
  }

  static fromGzipFile(path: string): WordClusters {
    return new WordClusters(gunzipSync(readFileSync(path)).toString("utf8"));
  }

  get size(): number {
    return this.rows.size;
  }

  /** Row of a word, or -1 when it has no cluster. */
  row(key: string): number {
    return this.rows.get(key) ?? -1;
  }

  prefixHash(row: number, k: number): number {
    return this.hashes[row * CLUSTER_PREFIXES.length + k]!;
  }
}
