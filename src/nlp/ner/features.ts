// Feature extraction for the entity tagger. Per sentence, each token's attributes (hashes of its forms, shape,
// affixes, cluster, gazetteer bits) are computed once into reused typed arrays; per position the features are
// (template, value) hashes written into a caller-owned Uint32Array. No allocation per feature.
//
// Case robustness: CoNLL has ALL-CAPS headlines and news has datelines such as "WASHINGTON/Islamabad:". Lower-cased
// word, affix and cluster features carry the signal when case says nothing, and the shape features of an all-caps
// sentence use their own templates so the model does not read "every word capitalised" as "every word a name".
import { CLUSTER_PREFIXES, type WordClusters } from "./clusters.js";
import type { Gazetteer } from "./gazetteer.js";
import { GAZ_BITS } from "./gazetteer.js";
import { HASH_START, hashStep, hashString, mix } from "./hash.js";
import { normaliseToken } from "./text.js";

/**
 * How many features are conjoined with the previous tag (see `extractHistory`): the transition itself and three
 * word features. Their weight rows are PREV_SLOTS * N_TAGS wide (previous tag x tag), so one look-up per feature
 * scores every previous tag at once.
 */
export const HISTORY_FEATURES = 4;
/** Where the tokens whose own attributes are features of a position sit, relative to it. */
export const TOKEN_OFFSETS = [0, -1, 1, -2, 2] as const;
export type TokenOffset = (typeof TOKEN_OFFSETS)[number];
/** Padding on each side of a sentence: sentence-start and sentence-end pseudo tokens (TOKEN_OFFSETS reach 2). */
export const PAD = 2;
/** The most features any one position can produce (sizes the caller's buffer). */
export const MAX_FEATURES = 224;

const N_AFFIX = 4;
const H_BOS = hashString("<s>");
const H_EOS = hashString("</s>");

const enum T {
  Bias = 1, Lower, Word, LowerM1, LowerP1, LowerM2, LowerP2, Shape, ShapeM1, ShapeP1, ShortM2, ShortP2, Short,
  Prefix, Suffix, BigramM1, BigramP1, ShortTri, Cluster, ClusterM1, ClusterP1, ClusterM2, ClusterP2, NoCluster,
  Prev, PrevLower, PrevShape, GazB, GazI, GazBM1, GazIM1, GazBP1, GazIP1, First, Flag, CapsShape,
  CapsCluster, LowerM1Shape, ShapeP1Lower, PrevClusterShape, Length, SuffixM1, SuffixP1, ClusterBigramM1,
  ClusterBigramP1, WordM1, WordP1, DocSeen, DocMajority, DocMajorityShape,
}

/** Labels a document history counts per word: the four entity types, then "capitalised but outside any name". */
const HISTORY_LABELS = 5;

const F_INIT_CAP = 1, F_ALL_CAPS = 2, F_HAS_DIGIT = 4, F_HAS_HYPHEN = 8, F_HAS_PERIOD = 16, F_PUNCT = 32, F_MIXED = 64, F_HAS_LOWER = 128;

function charClass(code: number, s: string, i: number): number {
  if (code >= 65 && code <= 90) return 88; // X
  if (code >= 97 && code <= 122) return 120; // x
  if (code >= 48 && code <= 57) return 100; // d
  if (code > 127) {
    const ch = s[i]!;
    if (ch.toLowerCase() !== ch) return 88;
    if (ch.toUpperCase() !== ch) return 120;
  }
  return code;
}

/** Word shape with runs capped at 4: "Washington" -> "Xxxxx", "1996-08-22" -> "dddd-dd-dd", "IBM" -> "XXX". */
export function wordShape(s: string): string {
  let out = "";
  let last = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = charClass(s.charCodeAt(i), s, i);
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += String.fromCharCode(c);
  }
  return out;
}

/** Shape with runs collapsed: "Washington" -> "Xx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d". */
export function shortShape(s: string): string {
  let out = "";
  let last = -1;
  for (let i = 0; i < s.length; i++) {
    const c = charClass(s.charCodeAt(i), s, i);
    if (c !== last) out += String.fromCharCode(c);
    last = c;
  }
  return out;
}

function shapeHashes(s: string, out: Uint32Array, at: number): void {
  let long = HASH_START;
  let short = HASH_START;
  let last = -1;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = charClass(s.charCodeAt(i), s, i);
    run = c === last ? run + 1 : 1;
    if (run <= 4) long = hashStep(long, c);
    if (c !== last) short = hashStep(short, c);
    last = c;
  }
  out[at] = long;
  out[at + 1] = short;
}

/** Orthographic flags of a token (bit set), exported for tests. */
export function tokenFlags(s: string): number {
  let upper = 0, lower = 0, digit = 0, other = 0, hyphen = 0, period = 0, upperAfterFirst = 0;
  for (let i = 0; i < s.length; i++) {
    const c = charClass(s.charCodeAt(i), s, i);
    if (c === 88) {
      upper++;
      if (i > 0) upperAfterFirst++;
    } else if (c === 120) lower++;
    else if (c === 100) digit++;
    else {
      other++;
      if (c === 45) hyphen++;
      if (c === 46) period++;
    }
  }
  let f = 0;
  if (upper > 0 && charClass(s.charCodeAt(0), s, 0) === 88) f |= F_INIT_CAP;
  if (upper > 0 && lower === 0) f |= F_ALL_CAPS;
  if (digit > 0) f |= F_HAS_DIGIT;
  if (hyphen > 0) f |= F_HAS_HYPHEN;
  if (period > 0) f |= F_HAS_PERIOD;
  if (upper + lower + digit === 0 && other > 0) f |= F_PUNCT;
  if (upperAfterFirst > 0 && lower > 0) f |= F_MIXED;
  if (lower > 0) f |= F_HAS_LOWER;
  return f;
}

/** Reused per-sentence buffers plus the shared resources; one per tagger (not thread-shared). */
export class FeatureExtractor {
  private cap = 0;
  private n = 0;
  private capsSentence = false;
  private hLower = new Uint32Array(0);
  private hWord = new Uint32Array(0);
  private hShape = new Uint32Array(0); // [long, short] per padded position
  private cRow = new Int32Array(0);
  private affix = new Uint32Array(0); // 2 * N_AFFIX per token: prefixes then suffixes
  private flags = new Uint8Array(0);
  private gazB = new Uint16Array(0);
  private gazI = new Uint16Array(0);
  private lowerPlain: string[] = [];
  /**
   * Non-local features (Ratinov & Roth 2009, "extended prediction history"): while a document is open, the labels
   * earlier sentences of it gave each capitalised word, by the hash of its lower-cased form. Null: sentence alone.
   */
  private docHistory: Map<number, Uint16Array> | null = null;
  /** While true the history is read but not written (a second pass over a document already tagged once). */
  private historyFrozen = false;

  constructor(
    private readonly clusters: WordClusters,
    private readonly gazetteer: Gazetteer,
  ) {}

  private ensure(n: number): void {
    if (n <= this.cap) return;
    const cap = Math.max(n, this.cap * 2, 64);
    const padded = cap + 2 * PAD;
    this.hLower = new Uint32Array(padded);
    this.hWord = new Uint32Array(padded);
    this.hShape = new Uint32Array(padded * 2);
    this.cRow = new Int32Array(padded);
    this.affix = new Uint32Array(cap * 2 * N_AFFIX);
    this.flags = new Uint8Array(cap);
    this.gazB = new Uint16Array(padded);
    this.gazI = new Uint16Array(padded);
    this.lowerPlain = new Array<string>(cap).fill("");
    this.cap = cap;
  }

  /** Computes per-token attributes for one sentence; call before `extract` for its positions. */
  setSentence(tokens: readonly string[]): void {
    const n = tokens.length;
    this.ensure(n);
    this.n = n;
    let hasLower = false;
    let capsWords = 0;
    for (let i = 0; i < n; i++) {
      const norm = normaliseToken(tokens[i]!);
      const low = norm.toLowerCase();
      const p = i + PAD;
      this.lowerPlain[i] = low;
      // One pass for the hashes of the lower-cased form and of the cluster key (digits as 0).
      let hl = HASH_START;
      let hc = HASH_START;
      for (let k = 0; k < low.length; k++) {
        const c = low.charCodeAt(k);
        hl = hashStep(hl, c);
        hc = hashStep(hc, c >= 48 && c <= 57 ? 48 : c);
      }
      this.hLower[p] = hl;
      this.hWord[p] = hashString(norm);
      shapeHashes(norm, this.hShape, 2 * p);
      this.cRow[p] = this.clusters.rowOfHash(hc);
      const f = tokenFlags(norm);
      this.flags[i] = f;
      if (f & F_HAS_LOWER) hasLower = true;
      if (f & F_ALL_CAPS && norm.length > 1) capsWords++;
      // Affixes of the lower-cased form, by one forward and one backward FNV pass.
      const a = i * 2 * N_AFFIX;
      let h = HASH_START;
      for (let k = 0; k < N_AFFIX; k++) {
        if (k < low.length) h = hashStep(h, low.charCodeAt(k));
        this.affix[a + k] = k < low.length ? h : 0;
      }
      h = HASH_START;
      for (let k = 0; k < N_AFFIX; k++) {
        if (k < low.length) h = hashStep(h, low.charCodeAt(low.length - 1 - k));
        this.affix[a + N_AFFIX + k] = k < low.length ? h : 0;
      }
    }
    this.capsSentence = !hasLower && capsWords > 0;
    for (let k = 0; k < PAD; k++) {
      this.hLower[k] = H_BOS;
      this.hWord[k] = H_BOS;
      this.hShape[2 * k] = H_BOS;
      this.hShape[2 * k + 1] = H_BOS;
      this.cRow[k] = -2;
      const e = n + PAD + k;
      this.hLower[e] = H_EOS;
      this.hWord[e] = H_EOS;
      this.hShape[2 * e] = H_EOS;
      this.hShape[2 * e + 1] = H_EOS;
      this.cRow[e] = -3;
      this.gazB[k] = 0;
      this.gazI[k] = 0;
      this.gazB[e] = 0;
      this.gazI[e] = 0;
    }
    this.gazetteer.mark(this.hLower, PAD, n, this.gazB, this.gazI);
  }

  /** Starts a document: later sentences see the labels recorded for earlier ones (`recordLabels`). */
  beginDocument(): void {
    this.docHistory = new Map();
    this.historyFrozen = false;
  }

  /** Keeps the history as it is: later sentences read it (all of the document's labels) without adding to it. */
  freezeDocument(): void {
    this.historyFrozen = true;
  }

  /** Back to sentences alone (no document history). */
  endDocument(): void {
    this.docHistory = null;
  }

  /**
   * Records the tags just given to the loaded sentence (tag ids, 0 = O) in the document history: each capitalised
   * word's entity type, or "outside" when a capitalised word that does not open the sentence got no name. All-caps
   * sentences (headlines) are read from the history but not written to it: their capitals say nothing.
   */
  recordLabels(tags: Uint8Array): void {
    const h = this.docHistory;
    if (!h || this.capsSentence || this.historyFrozen) return;
    for (let i = 0; i < this.n; i++) {
      if (!(this.flags[i]! & F_INIT_CAP)) continue;
      const t = tags[i]!;
      if (t === 0 && i === 0) continue;
      const key = this.hLower[i + PAD]!;
      let counts = h.get(key);
      if (!counts) h.set(key, (counts = new Uint16Array(HISTORY_LABELS)));
      const label = t === 0 ? HISTORY_LABELS - 1 : (t - 1) >> 1;
      if (counts[label]! < 65535) counts[label]!++;
    }
  }

  /** Tokens in the loaded sentence. */
  get length(): number {
    return this.n;
  }

  get isCapsSentence(): boolean {
    return this.capsSentence;
  }

  private clusterHash(p: number, k: number): number {
    const row = this.cRow[p]!;
    if (row >= 0) return this.clusters.prefixHash(row, k);
    return row === -1 ? 0x0badc0de : row === -2 ? H_BOS : H_EOS;
  }

  /**
   * Writes the features of position i that do not depend on the tag history into `out` from `at` and returns
   * how many (at most MAX_FEATURES): those of the tokens around it (`tokenFeatures`) and of their combinations.
   */
  extractStatic(i: number, out: Uint32Array, at = 0): number {
    let n = at;
    for (const offset of TOKEN_OFFSETS) n += this.tokenFeatures(offset, i + offset, out, n);
    return n - at + this.contextFeatures(i, out, n);
  }

  /**
   * The features position i gets from the token at j = i + offset alone (its word, shape, affixes, cluster and
   * flags, as seen from that offset; j may be a sentence boundary pad). They depend only on that token's text and
   * on whether the sentence is all caps, which is why the tagger can cache their summed weights per word.
   */
  tokenFeatures(offset: TokenOffset, j: number, out: Uint32Array, at: number): number {
    const p = j + PAD;
    const s = this.capsSentence ? 100 : 0;
    const real = j >= 0 && j < this.n;
    let n = at;
    switch (offset) {
      case 0: {
        const lw = this.hLower[p]!;
        const short = this.hShape[2 * p + 1]!;
        out[n++] = mix(T.Bias, 0);
        out[n++] = mix(T.Lower, lw);
        out[n++] = mix(T.Word, this.hWord[p]!);
        // In all-caps sentences the shape templates are shifted so their weights are learnt separately.
        out[n++] = mix(T.Shape + s, this.hShape[2 * p]!);
        out[n++] = mix(T.Short + s, short);
        const a = j * 2 * N_AFFIX;
        for (let k = 0; k < 2 * N_AFFIX; k++) {
          const h = this.affix[a + k]!;
          if (h !== 0) out[n++] = mix(k < N_AFFIX ? T.Prefix : T.Suffix, h, k);
        }
        if (this.cRow[p]! >= 0) {
          for (let k = 0; k < CLUSTER_PREFIXES.length; k++) out[n++] = mix(T.Cluster, this.clusterHash(p, k), k);
          if (s) out[n++] = mix(T.CapsCluster, this.clusterHash(p, 2));
        } else out[n++] = mix(T.NoCluster + s, short);
        const f = this.flags[j]!;
        for (let b = 0; b < 7; b++) if (f & (1 << b)) out[n++] = mix(T.Flag + s, b);
        if (s) out[n++] = mix(T.CapsShape, short, lw);
        out[n++] = mix(T.Length, Math.min(this.lowerPlain[j]!.length, 12));
        break;
      }
      case -1:
      case 1: {
        const before = offset === -1;
        out[n++] = mix(before ? T.LowerM1 : T.LowerP1, this.hLower[p]!);
        out[n++] = mix((before ? T.ShapeM1 : T.ShapeP1) + s, this.hShape[2 * p]!);
        out[n++] = mix(before ? T.ClusterM1 : T.ClusterP1, this.clusterHash(p, 1));
        out[n++] = mix(before ? T.ClusterM1 : T.ClusterP1, this.clusterHash(p, 3), 1);
        out[n++] = mix(before ? T.WordM1 : T.WordP1, this.hWord[p]!);
        if (real) out[n++] = mix(before ? T.SuffixM1 : T.SuffixP1, this.affix[j * 2 * N_AFFIX + N_AFFIX + 2]!);
        break;
      }
      case -2:
      case 2: {
        const before = offset === -2;
        out[n++] = mix(before ? T.LowerM2 : T.LowerP2, this.hLower[p]!);
        out[n++] = mix((before ? T.ShortM2 : T.ShortP2) + s, this.hShape[2 * p + 1]!);
        out[n++] = mix(before ? T.ClusterM2 : T.ClusterP2, this.clusterHash(p, 1));
        break;
      }
    }
    return n - at;
  }

  /** The features of position i that combine neighbouring tokens, or need the sentence (gazetteer, first word). */
  contextFeatures(i: number, out: Uint32Array, at: number): number {
    const p = i + PAD;
    const lw = this.hLower[p]!;
    const shape = this.hShape[2 * p]!;
    const short = this.hShape[2 * p + 1]!;
    const s = this.capsSentence ? 100 : 0;
    let n = at;
    out[n++] = mix(T.ShortTri + s, this.hShape[2 * p - 1]!, mix(0, short, this.hShape[2 * p + 3]!));
    out[n++] = mix(T.BigramM1, this.hLower[p - 1]!, lw);
    out[n++] = mix(T.BigramP1, lw, this.hLower[p + 1]!);
    out[n++] = mix(T.ClusterBigramM1, this.clusterHash(p - 1, 1), this.clusterHash(p, 1));
    out[n++] = mix(T.ClusterBigramP1, this.clusterHash(p, 1), this.clusterHash(p + 1, 1));
    out[n++] = mix(T.LowerM1Shape + s, this.hLower[p - 1]!, shape);
    out[n++] = mix(T.ShapeP1Lower + s, shape, this.hLower[p + 1]!);
    n = this.gazFeatures(T.GazB, this.gazB[p]!, out, n);
    n = this.gazFeatures(T.GazI, this.gazI[p]!, out, n);
    n = this.gazFeatures(T.GazBM1, this.gazB[p - 1]!, out, n);
    n = this.gazFeatures(T.GazIM1, this.gazI[p - 1]!, out, n);
    n = this.gazFeatures(T.GazBP1, this.gazB[p + 1]!, out, n);
    n = this.gazFeatures(T.GazIP1, this.gazI[p + 1]!, out, n);
    if (i === 0) {
      out[n++] = mix(T.First, lw);
      out[n++] = mix(T.First + s, short, 1);
    }
    const counts = this.docHistory?.get(lw);
    if (counts) {
      let best = 0;
      for (let k = 0; k < HISTORY_LABELS; k++) {
        if (counts[k]! > 0) out[n++] = mix(T.DocSeen, k);
        if (counts[k]! > counts[best]!) best = k;
      }
      out[n++] = mix(T.DocMajority, best);
      out[n++] = mix(T.DocMajorityShape + s, best, short);
    }
    return n - at;
  }

  /** Writes the HISTORY_FEATURES keys of position i (see HISTORY_FEATURES) into `out` from `at`. */
  extractHistory(i: number, out: Uint32Array, at: number): void {
    const p = i + PAD;
    const s = this.capsSentence ? 100 : 0;
    out[at] = mix(T.Prev, 0);
    out[at + 1] = mix(T.PrevLower, this.hLower[p]!);
    out[at + 2] = mix(T.PrevShape + s, this.hShape[2 * p]!);
    out[at + 3] = mix(T.PrevClusterShape, this.clusterHash(p, 1));
  }

  private gazFeatures(template: number, bits: number, out: Uint32Array, n: number): number {
    if (bits === 0) return n;
    for (let b = 0; b < GAZ_BITS; b++) if (bits & (1 << b)) out[n++] = mix(template, b);
    return n;
  }
}
