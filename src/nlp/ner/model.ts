// The trained weights, Viterbi decoding, and the on-disk format (gzip of a small binary layout):
//   "NER1" | uint32 header bytes | header JSON (padded to 4) | uint32 keys[rows] | int16 weights[rows * tags]
// Weights are quantised to int16 with one global scale; features whose weights are all tiny are pruned at save.
import { gunzipSync, gzipSync } from "node:zlib";
import { FeatureIndex } from "./feature-index.js";
import type { FeatureExtractor } from "./features.js";
import type { GazetteerData } from "./gazetteer.js";
import { N_TAGS, TAGS } from "./tags.js";
import { ViterbiDecoder } from "./viterbi.js";

const MAGIC = "NER1";

export interface ModelHeader {
  version: 1;
  tags: string[];
  rows: number;
  scale: number;
  gazetteer: GazetteerData;
  info: Record<string, string | number>;
}

export class NerModel {
  private readonly decoder = new ViterbiDecoder();

  constructor(
    readonly index: FeatureIndex,
    readonly weights: Float32Array,
    readonly gazetteer: GazetteerData,
    readonly info: Record<string, string | number> = {},
  ) {}

  /** Viterbi decoding of the sentence loaded in `fx`; tag ids go to `out[0..n)`. */
  predict(fx: FeatureExtractor, n: number, out: Uint8Array): void {
    this.decoder.decode(fx, n, this.index, this.weights, out);
  }

  /** Serialises with pruning (features whose largest |weight| is below `minWeight` are dropped). */
  serialise(minWeight: number): Buffer {
    const keys = this.index.keysByRow();
    const rows = keys.length;
    let maxAbs = 0;
    const keep: number[] = [];
    for (let r = 0; r < rows; r++) {
      let m = 0;
      for (let k = 0; k < N_TAGS; k++) m = Math.max(m, Math.abs(this.weights[r * N_TAGS + k]!));
      if (m >= minWeight && m > 0) keep.push(r);
      maxAbs = Math.max(maxAbs, m);
    }
    const scale = maxAbs / 32767 || 1;
    const outKeys = new Uint32Array(keep.length);
    const outWeights = new Int16Array(keep.length * N_TAGS);
    keep.forEach((r, j) => {
      outKeys[j] = keys[r]!;
      for (let k = 0; k < N_TAGS; k++) outWeights[j * N_TAGS + k] = Math.round(this.weights[r * N_TAGS + k]! / scale);
    });
    const header: ModelHeader = { version: 1, tags: [...TAGS], rows: keep.length, scale, gazetteer: this.gazetteer, info: this.info };
    let json = Buffer.from(JSON.stringify(header), "utf8");
    const pad = (4 - (json.length % 4)) % 4;
    json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length);
    const raw = Buffer.concat([
      Buffer.from(MAGIC, "ascii"),
      len,
      json,
      Buffer.from(outKeys.buffer, outKeys.byteOffset, outKeys.byteLength),
      Buffer.from(outWeights.buffer, outWeights.byteOffset, outWeights.byteLength),
    ]);
    return gzipSync(raw, { level: 9 });
  }

  static deserialise(gz: Buffer): NerModel {
    const raw = gunzipSync(gz);
    if (raw.toString("ascii", 0, 4) !== MAGIC) throw new Error("ner model: not a NER1 model file (retrain with npm run train:ner)");
    const len = raw.readUInt32LE(4);
    const header = JSON.parse(raw.toString("utf8", 8, 8 + len)) as ModelHeader;
    if (header.tags.join(",") !== TAGS.join(",")) throw new Error("ner model: tag set differs from the code's (retrain with npm run train:ner)");
    let off = 8 + len;
    // Copy into aligned buffers: the gunzipped Buffer may not be 4-byte aligned.
    const keys = new Uint32Array(raw.buffer.slice(raw.byteOffset + off, raw.byteOffset + off + header.rows * 4));
    off += header.rows * 4;
    const q = new Int16Array(raw.buffer.slice(raw.byteOffset + off, raw.byteOffset + off + header.rows * N_TAGS * 2));
    const index = new FeatureIndex(header.rows);
    for (let r = 0; r < header.rows; r++) index.getOrAdd(keys[r]!);
    const weights = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
    return new NerModel(index, weights, header.gazetteer, header.info);
  }
}

/** The mean of several models' weights over the union of their features (a cheap ensemble with one model's cost). */
export function averageModels(models: readonly NerModel[]): NerModel {
  const first = models[0];
  if (!first) throw new Error("averageModels: no models");
  const index = new FeatureIndex(first.index.size * 2);
  for (const m of models) for (const key of m.index.keysByRow()) index.getOrAdd(key);
  const weights = new Float32Array(index.size * N_TAGS);
  for (const m of models) {
    const keys = m.index.keysByRow();
    for (let r = 0; r < keys.length; r++) {
      const to = index.get(keys[r]!) * N_TAGS;
      for (let k = 0; k < N_TAGS; k++) weights[to + k]! += m.weights[r * N_TAGS + k]! / models.length;
    }
  }
  return new NerModel(index, weights, first.gazetteer, { ...first.info, seeds: models.length });
}
