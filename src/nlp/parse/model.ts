// The trained tagger and parser weights and their on-disk format (gzip of one binary layout):
//   "UDP3" | uint32 header bytes | header JSON (padded to 4) | tagger table | parser table
// where a table is uint32 keys | uint8 (entries - 1) per key | uint8 columns | int16 values (padded to 4),
// sizes in the header. Sparse because a perceptron row has few non-zero classes; int16 with one scale per table.
import { gunzipSync, gzipSync } from "node:zlib";
import { groupOf, N_GROUPS } from "./label-groups.js";
import { ParserWeights } from "./parser-weights.js";
import { FrozenTable } from "./weights.js";

const MAGIC = "UDP3";

interface TableHeader {
  rows: number;
  entries: number;
  scale: number;
}

export interface ParseModelHeader {
  version: 1;
  /** Joint tags "XPOS|UPOS", in class order. */
  tags: string[];
  /** Dependency relations (UD basic, with subtypes), in class order. */
  labels: string[];
  /** The move classifier's group of each relation (label-groups.ts when trained), and the number of groups. */
  labelGroups: number[];
  nGroups: number;
  tagTable: TableHeader;
  moveTable: TableHeader;
  labelTable: TableHeader;
  info: Record<string, string | number>;
  /** Tag dictionary: frequent training words that (nearly) always had one tag, with that tag id (see `tagDict`). */
  tagDict?: [string, number][];
}

type Packed = ReturnType<FrozenTable["pack"]>;

export class ParseModel {
  constructor(
    readonly tags: readonly string[],
    readonly labels: readonly string[],
    readonly tagTable: FrozenTable,
    readonly moveTable: FrozenTable,
    readonly labelTable: FrozenTable,
    readonly info: Record<string, string | number> = {},
    labelGroups?: readonly number[],
  ) {
    this.labelGroups = Int32Array.from(labelGroups ?? labels.map(groupOf));
    this.nGroups = labelGroups ? Math.max(...labelGroups) + 1 : N_GROUPS;
    if ((moveTable.width - 1) / 2 !== this.nGroups) throw new Error("parse model: the move table does not match the relation groups");
  }

  private weights: ParserWeights | undefined;
  /**
   * Words the tagger tags from this dictionary without scoring them (the frequent training words with one tag at
   * least the chosen share of the time; built by train.ts `tagDictionary`). Empty: every word is scored.
   */
  tagDict = new Map<string, number>();
  /** Group id of each relation, as trained (the code's groups may change; the model keeps its own). */
  readonly labelGroups: Int32Array;
  readonly nGroups: number;

  /** The move and label tables under one index, as decoding reads them (built on first use). */
  get parserWeights(): ParserWeights {
    if (!this.weights) {
      // label column -> the move class making it: 1 + group for LEFT (columns 0..L), 1 + G + group for RIGHT
      const L = this.labels.length, G = this.nGroups;
      const labelMove = Int32Array.from({ length: 2 * L }, (_, c) => (c < L ? 1 + this.labelGroups[c]! : 1 + G + this.labelGroups[c - L]!));
      this.weights = new ParserWeights(this.moveTable, this.labelTable, labelMove);
    }
    return this.weights;
  }

  get features(): number {
    return this.tagTable.index.size + this.moveTable.index.size + this.labelTable.index.size;
  }

  /** `minWeight` prunes the parser's tables; the tagger's small table is kept whole (pruning it costs accuracy). */
  serialise(minWeight: number): Buffer {
    const t = this.tagTable.pack(0);
    const m = this.moveTable.pack(minWeight);
    const l = this.labelTable.pack(minWeight);
    const header: ParseModelHeader = {
      version: 1,
      tags: [...this.tags],
      labels: [...this.labels],
      labelGroups: [...this.labelGroups],
      nGroups: this.nGroups,
      tagTable: { rows: t.keys.length, entries: t.values.length, scale: t.scale },
      moveTable: { rows: m.keys.length, entries: m.values.length, scale: m.scale },
      labelTable: { rows: l.keys.length, entries: l.values.length, scale: l.scale },
      info: this.info,
      ...(this.tagDict.size > 0 ? { tagDict: [...this.tagDict] } : {}),
    };
    const bytes = (a: ArrayBufferView): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    const pad4 = (b: Buffer): Buffer => Buffer.concat([b, Buffer.alloc((4 - (b.length % 4)) % 4, 0x20)]);
    const json = pad4(Buffer.from(JSON.stringify(header), "utf8"));
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length);
    const table = (x: Packed): Buffer => Buffer.concat([pad4(Buffer.concat([bytes(x.keys), bytes(x.counts), bytes(x.cols)])), pad4(bytes(x.values))]);
    return gzipSync(Buffer.concat([Buffer.from(MAGIC, "ascii"), len, json, table(t), table(m), table(l)]), { level: 9 });
  }

  static deserialise(gz: Buffer): ParseModel {
    const raw = gunzipSync(gz);
    if (raw.toString("ascii", 0, 4) !== MAGIC) throw new Error("parse model: not a UDP3 model file (retrain with npm run train:parse)");
    const len = raw.readUInt32LE(4);
    const header = JSON.parse(raw.toString("utf8", 8, 8 + len)) as ParseModelHeader;
    let off = 8 + len;
    // Copies into fresh buffers: the gunzipped Buffer may not be aligned for typed-array views.
    const take = (n: number): ArrayBuffer => {
      const b = raw.buffer.slice(raw.byteOffset + off, raw.byteOffset + off + n);
      off += n;
      return b;
    };
    const table = (h: TableHeader, width: number): FrozenTable => {
      const start = off;
      const keys = new Uint32Array(take(h.rows * 4));
      const counts = new Uint8Array(take(h.rows));
      const cols = new Uint8Array(take(h.entries));
      off += (4 - ((off - start) % 4)) % 4;
      const values = new Int16Array(take(h.entries * 2));
      off += (4 - ((off - start) % 4)) % 4;
      return FrozenTable.unpack(width, { keys, counts, cols, values, scale: h.scale });
    };
    const tagTable = table(header.tagTable, header.tags.length);
    const moveTable = table(header.moveTable, 1 + 2 * header.nGroups);
    const labelTable = table(header.labelTable, 2 * header.labels.length);
    const model = new ParseModel(header.tags, header.labels, tagTable, moveTable, labelTable, header.info, header.labelGroups);
    if (header.tagDict) model.tagDict = new Map(header.tagDict);
    return model;
  }
}
