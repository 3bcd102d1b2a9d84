// The trained weights, Viterbi decoding, and the on-disk format (gzip of a small binary layout):
//   "NER2" | uint32 header bytes | header JSON (padded to 4) | uint32 static keys | uint32 history keys
//   | int16 static weights (rows x tags) | int16 history weights (rows x previous tag x tag)
// Weights are quantised to int16 with one global scale; features whose weights are all tiny are pruned at save.
import { gunzipSync, gzipSync } from "node:zlib";
import { FeatureIndex } from "./feature-index.js";
import type { FeatureExtractor } from "./features.js";
import type { GazetteerData } from "./gazetteer.js";
import { HISTORY_WIDTH, N_TAGS, TAGS } from "./tags.js";
import { TokenScoreCache } from "./token-scores.js";
import { ViterbiDecoder } from "./viterbi.js";
import { WeightTable } from "./weights.js";

const MAGIC = "NER2";

export interface ModelHeader {
  version: 2;
  tags: string[];
  staticRows: number;
  historyRows: number;
  scale: number;
  gazetteer: GazetteerData;
  info: Record<string, string | number>;
}

export class NerModel {
  private readonly decoder = new ViterbiDecoder();
  private tokenScores: TokenScoreCache | undefined;

  constructor(
    readonly stat: WeightTable,
    readonly hist: WeightTable,
    readonly gazetteer: GazetteerData,
    readonly info: Record<string, string | number> = {},
  ) {}

  get features(): number {
    return this.stat.index.size + this.hist.index.size;
  }

  /** Viterbi decoding of the sentence loaded in `fx` (its `tokens`); tag ids go to `out[0..n)`. */
  predict(fx: FeatureExtractor, tokens: readonly string[], out: Uint8Array): void {
    const n = tokens.length;
    if (n === 0) return;
    // The weights are fixed from here on, so per-word scores can be cached.
    this.tokenScores ??= new TokenScoreCache(this.stat, this.hist);
    const { staticScore, histScore } = this.decoder.scores(n);
    this.tokenScores.score(fx, tokens, staticScore, histScore);
    this.decoder.viterbi(n, out);
  }

  /** Serialises with pruning (features whose largest |weight| is below `minWeight` are dropped). */
  serialise(minWeight: number): Buffer {
    const keep = (t: WeightTable): number[] => {
      const rows: number[] = [];
      for (let r = 0; r < t.index.size; r++) {
        let m = 0;
        for (let k = 0; k < t.width; k++) m = Math.max(m, Math.abs(t.weights[r * t.width + k]!));
        if (m >= minWeight && m > 0) rows.push(r);
      }
      return rows;
    };
    const statRows = keep(this.stat);
    const histRows = keep(this.hist);
    let maxAbs = 0;
    for (const w of [this.stat.weights, this.hist.weights]) for (let i = 0; i < w.length; i++) maxAbs = Math.max(maxAbs, Math.abs(w[i]!));
    const scale = maxAbs / 32767 || 1;
    const pack = (t: WeightTable, rows: number[]): [Uint32Array, Int16Array] => {
      const all = t.index.keysByRow();
      const keys = new Uint32Array(rows.length);
      const q = new Int16Array(rows.length * t.width);
      rows.forEach((r, j) => {
        keys[j] = all[r]!;
        for (let k = 0; k < t.width; k++) q[j * t.width + k] = Math.round(t.weights[r * t.width + k]! / scale);
      });
      return [keys, q];
    };
    const [sKeys, sW] = pack(this.stat, statRows);
    const [hKeys, hW] = pack(this.hist, histRows);
    const header: ModelHeader = {
      version: 2,
      tags: [...TAGS],
      staticRows: statRows.length,
      historyRows: histRows.length,
      scale,
      gazetteer: this.gazetteer,
      info: this.info,
    };
    let json = Buffer.from(JSON.stringify(header), "utf8");
    json = Buffer.concat([json, Buffer.alloc((4 - (json.length % 4)) % 4, 0x20)]);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length);
    const bytes = (a: Uint32Array | Int16Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return gzipSync(Buffer.concat([Buffer.from(MAGIC, "ascii"), len, json, bytes(sKeys), bytes(hKeys), bytes(sW), bytes(hW)]), { level: 9 });
  }

  static deserialise(gz: Buffer): NerModel {
    const raw = gunzipSync(gz);
    if (raw.toString("ascii", 0, 4) !== MAGIC) throw new Error("ner model: not a NER2 model file (retrain with npm run train:ner)");
    const len = raw.readUInt32LE(4);
    const header = JSON.parse(raw.toString("utf8", 8, 8 + len)) as ModelHeader;
    if (header.tags.join(",") !== TAGS.join(",")) throw new Error("ner model: tag set differs from the code's (retrain with npm run train:ner)");
    let off = raw.byteOffset + 8 + len;
    // Copy into aligned buffers: the gunzipped Buffer may not be aligned for typed-array views.
    const take = (bytes: number): ArrayBuffer => {
      const b = raw.buffer.slice(off, off + bytes);
      off += bytes;
      return b;
    };
    const sKeys = new Uint32Array(take(header.staticRows * 4));
    const hKeys = new Uint32Array(take(header.historyRows * 4));
    const sQ = new Int16Array(take(header.staticRows * N_TAGS * 2));
    const hQ = new Int16Array(take(header.historyRows * HISTORY_WIDTH * 2));
    const table = (width: number, keys: Uint32Array, q: Int16Array): WeightTable => {
      const index = new FeatureIndex(keys.length);
      for (const key of keys) index.getOrAdd(key);
      const weights = new Float32Array(q.length);
      for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
      return new WeightTable(width, index, weights);
    };
    return new NerModel(table(N_TAGS, sKeys, sQ), table(HISTORY_WIDTH, hKeys, hQ), header.gazetteer, header.info);
  }
}

/** The mean of several models' weights over the union of their features (a cheap ensemble with one model's cost). */
export function averageModels(models: readonly NerModel[]): NerModel {
  const first = models[0];
  if (!first) throw new Error("averageModels: no models");
  return new NerModel(
    WeightTable.mean(models.map((m) => m.stat)),
    WeightTable.mean(models.map((m) => m.hist)),
    first.gazetteer,
    { ...first.info, seeds: models.length },
  );
}
