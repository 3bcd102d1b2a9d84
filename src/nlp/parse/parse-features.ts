// Parser features over an arc-hybrid state: the Zhang & Nivre (2011) templates adapted to arc-hybrid (whose
// attachments are s0 <- b0 and s1 -> s0, so s1-s0 pairs matter as much as s0-b0), over words, joint tags, word
// clusters, arc labels, distance and valency. Per sentence, each word's hashes are computed once; per state the
// features are mixed into uint32 keys in a reused buffer.
import { hashString, mix } from "../ner/hash.js";
import { A, ATTRS } from "./lexicon.js";
import type { ParseState } from "./state.js";

export const PARSE_FEATURES = 67;
/** Stack and buffer roles of the single-word features, in the order `extract` writes them. */
export const ROLE_S0 = 0, ROLE_S1 = 1, ROLE_B0 = 2, ROLE_B1 = 3, ROLE_B2 = 4, ROLE_S2 = 5, ROLES = 6;
/** Most single-word features of one role. */
export const ROLE_FEATURES = 4;
const H_NONE = hashString("<none>");
const H_ROOT = hashString("<root>");

function orNone(i: number, none: number): number {
  return i < 0 ? none : i;
}

/** A child of word i (from one of the state's child arrays), or `none`. */
function child(arr: Int32Array, i: number, none: number): number {
  if (i === none) return none;
  const c = arr[i]!;
  return c < 0 ? none : c;
}

function label(labels: Int32Array, i: number, none: number, nLabels: number): number {
  return i === none ? nLabels : labels[i]!;
}

/** Three small ids (tags < 256, labels, buckets) packed into one hash input. */
function t3(a: number, b: number, x: number): number {
  return (a * 256 + b) * 256 + x;
}

/** Distance bucket: 1, 2, 3, 4, 5-7, 8+. */
function dist(d: number): number {
  return d < 5 ? d : d < 8 ? 5 : 6;
}

export class ParseFeatures {
  readonly keys = new Uint32Array(PARSE_FEATURES);
  /** Per word (index n = root, n + 1 = none): lower-case word, tag, cluster, word x tag. */
  private w = new Uint32Array(0);
  private t = new Int32Array(0);
  private c = new Uint32Array(0);
  private wt = new Uint32Array(0);

  /**
   * `lean`: the templates without seven word-keyed ones that other templates nearly cover (s0/b0 and s1/s0
   * word x word-tag pairs 22, 23, 32, 33; s0's word with distance 51 and with valency 57; b0's word with its left
   * valency 59): fewer look-ups per state, most of them cache misses into the table.
   */
  constructor(
    private readonly nTags: number,
    readonly lean = false,
  ) {
    this.s1s0From = lean ? 5 : 7;
    this.s1s0To = lean ? 10 : 14;
  }

  /**
   * The block of `pairs` features [s1s0From, s1s0To) (offsets from its `at`) that depend only on the words s1 and
   * s0 (the s1-s0 pairs). While s0 stays on the stack its s1 stays the same, so a decoder may look them up once
   * per (s0, s1) in a sentence. (`s0b0To`: the end of a leading block that depends only on s0 and b0; none here.)
   */
  readonly s0b0To = 0;
  readonly s1s0From: number;
  readonly s1s0To: number;

  /** Loads a sentence: attribute rows (as the tagger's, without padding) and tag ids. */
  load(attrs: Uint32Array, attrsAt: number, tags: ArrayLike<number>, n: number): void {
    if (n + 2 > this.w.length) {
      const cap = (n + 2) * 2;
      this.w = new Uint32Array(cap);
      this.t = new Int32Array(cap);
      this.c = new Uint32Array(cap);
      this.wt = new Uint32Array(cap);
    }
    for (let i = 0; i < n; i++) {
      const at = attrsAt + i * ATTRS;
      this.w[i] = attrs[at + A.Lower]!;
      this.t[i] = tags[i]!;
      this.c[i] = attrs[at + A.C1]!;
    }
    this.w[n] = H_ROOT;
    this.t[n] = this.nTags;
    this.c[n] = H_ROOT;
    this.w[n + 1] = H_NONE;
    this.t[n + 1] = this.nTags + 1;
    this.c[n + 1] = H_NONE;
    for (let i = 0; i < n + 2; i++) this.wt[i] = mix(0, this.w[i]!, this.t[i]!);
  }

  /** Writes the features of state `st` into `keys`; returns how many (PARSE_FEATURES, 7 fewer when lean). */
  extract(st: ParseState, nLabels: number): number {
    const none = st.n + 1;
    const s0 = orNone(st.s(0), none), s1 = orNone(st.s(1), none), s2 = orNone(st.s(2), none);
    const b1 = st.b + 1 <= st.n ? st.b + 1 : none, b2 = st.b + 2 <= st.n ? st.b + 2 : none;
    let f = this.role(s0, ROLE_S0, 0);
    f = this.role(s1, ROLE_S1, f);
    f = this.role(st.b, ROLE_B0, f);
    f = this.role(b1, ROLE_B1, f);
    f = this.role(b2, ROLE_B2, f);
    f = this.role(s2, ROLE_S2, f);
    return this.pairs(st, nLabels, f);
  }

  /**
   * Writes the single-word features of word i in stack or buffer role `role` (ROLE_*) into keys[at..); returns
   * the next free index. They depend only on the word and role, so a decoder may score them once per sentence.
   */
  role(i: number, role: number, at: number): number {
    const { w, t, c, wt, keys: k } = this;
    let f = at;
    switch (role) {
      case ROLE_S0: k[f++] = mix(1, w[i]!); k[f++] = mix(2, t[i]!); k[f++] = mix(3, wt[i]!); k[f++] = mix(4, c[i]!); break;
      case ROLE_S1: k[f++] = mix(5, w[i]!); k[f++] = mix(6, t[i]!); k[f++] = mix(7, wt[i]!); k[f++] = mix(8, c[i]!); break;
      case ROLE_B0: k[f++] = mix(9, w[i]!); k[f++] = mix(10, t[i]!); k[f++] = mix(11, wt[i]!); k[f++] = mix(12, c[i]!); break;
      case ROLE_B1: k[f++] = mix(13, w[i]!); k[f++] = mix(14, t[i]!); k[f++] = mix(15, wt[i]!); k[f++] = mix(16, c[i]!); break;
      case ROLE_B2: k[f++] = mix(18, t[i]!); break;
      default: k[f++] = mix(20, t[i]!);
    }
    return f;
  }

  /** Writes the features of state `st` that combine words (all but the single-word ones) into keys[at..). */
  pairs(st: ParseState, nLabels: number, at: number): number {
    // no closures here: this runs twice per word, and tsx wraps every closure in a naming call
    const none = st.n + 1;
    const s0 = orNone(st.s(0), none), s1 = orNone(st.s(1), none), s2 = orNone(st.s(2), none);
    const b0 = st.b, b1 = st.b + 1 <= st.n ? st.b + 1 : none, b2 = st.b + 2 <= st.n ? st.b + 2 : none;
    const s0l1 = child(st.l1, s0, none), s0l2 = child(st.l2, s0, none), s0r1 = child(st.r1, s0, none), s0r2 = child(st.r2, s0, none);
    const b0l1 = child(st.l1, b0, none), b0l2 = child(st.l2, b0, none), s1r1 = child(st.r1, s1, none), s1l1 = child(st.l1, s1, none);
    const L = st.labels;
    const ls0l1 = label(L, s0l1, none, nLabels), ls0l2 = label(L, s0l2, none, nLabels), ls0r1 = label(L, s0r1, none, nLabels);
    const ls0r2 = label(L, s0r2, none, nLabels), lb0l1 = label(L, b0l1, none, nLabels), lb0l2 = label(L, b0l2, none, nLabels);
    const ls1r1 = label(L, s1r1, none, nLabels), ls1l1 = label(L, s1l1, none, nLabels);
    const { w, t, c, wt, keys: k } = this;
    const d0 = s0 === none ? 0 : dist(b0 - s0);
    const d1 = s1 === none ? 0 : dist(s0 - s1);
    const vl0 = s0 === none ? 0 : st.nl[s0]!, vr0 = s0 === none ? 0 : st.nr[s0]!, vlb = st.nl[b0]!;
    let f = at;
    // s0-b0 pairs
    const lean = this.lean;
    k[f++] = mix(21, wt[s0]!, wt[b0]!);
    if (!lean) { k[f++] = mix(22, wt[s0]!, w[b0]!); k[f++] = mix(23, w[s0]!, wt[b0]!); }
    k[f++] = mix(24, wt[s0]!, t[b0]!); k[f++] = mix(25, t[s0]!, wt[b0]!); k[f++] = mix(27, t[s0]!, t[b0]!);
    k[f++] = mix(28, c[s0]!, c[b0]!);
    // s1-s0 pairs
    k[f++] = mix(31, wt[s1]!, wt[s0]!);
    if (!lean) { k[f++] = mix(32, wt[s1]!, w[s0]!); k[f++] = mix(33, w[s1]!, wt[s0]!); }
    k[f++] = mix(34, wt[s1]!, t[s0]!); k[f++] = mix(35, t[s1]!, wt[s0]!); k[f++] = mix(37, t[s1]!, t[s0]!);
    k[f++] = mix(38, c[s1]!, c[s0]!);
    // tag trigrams
    k[f++] = mix(41, t3(t[b0]!, t[b1]!, t[b2]!)); k[f++] = mix(42, t3(t[s0]!, t[b0]!, t[b1]!));
    k[f++] = mix(43, t3(t[s1]!, t[s0]!, t[b0]!)); k[f++] = mix(44, t3(t[s2]!, t[s1]!, t[s0]!));
    k[f++] = mix(45, t3(t[s0]!, t[s0l1]!, t[b0]!)); k[f++] = mix(46, t3(t[s0]!, t[s0r1]!, t[b0]!));
    k[f++] = mix(47, t3(t[s0]!, t[b0]!, t[b0l1]!)); k[f++] = mix(48, t3(t[s1]!, t[s1r1]!, t[s0]!));
    // distance and valency
    if (!lean) k[f++] = mix(51, w[s0]!, d0);
    k[f++] = mix(52, t[s0]!, d0); k[f++] = mix(54, t[b0]!, d0);
    k[f++] = mix(55, t3(t[s0]!, t[b0]!, d0)); k[f++] = mix(56, t3(t[s1]!, t[s0]!, d1));
    if (!lean) k[f++] = mix(57, w[s0]!, vl0 * 64 + vr0);
    k[f++] = mix(58, t3(t[s0]!, vl0, vr0));
    if (!lean) k[f++] = mix(59, w[b0]!, vlb);
    // children: words, tags, labels
    k[f++] = mix(62, w[s0l1]!); k[f++] = mix(63, t[s0l1]!, ls0l1); k[f++] = mix(64, w[s0r1]!); k[f++] = mix(65, t[s0r1]!, ls0r1);
    k[f++] = mix(66, w[b0l1]!); k[f++] = mix(67, t[b0l1]!, lb0l1); k[f++] = mix(68, t[s0l2]!, ls0l2);
    k[f++] = mix(69, t[s0r2]!, ls0r2); k[f++] = mix(70, t[b0l2]!, lb0l2); k[f++] = mix(71, t[s1r1]!, ls1r1);
    // third order: label pairs of the two outermost children
    k[f++] = mix(73, t3(t[s0]!, ls0l1, ls0l2)); k[f++] = mix(74, t3(t[s0]!, ls0r1, ls0r2)); k[f++] = mix(75, t3(t[b0]!, lb0l1, lb0l2));
    // bilexical pairs, and words with their children's relations
    k[f++] = mix(26, w[s0]!, w[b0]!); k[f++] = mix(36, w[s1]!, w[s0]!); k[f++] = mix(53, w[b0]!, d0);
    k[f++] = mix(72, t[s1l1]!, ls1l1); k[f++] = mix(76, wt[s0]!, ls0l1 * 64 + ls0r1); k[f++] = mix(77, wt[b0]!, lb0l1);
    return f;
  }
}
