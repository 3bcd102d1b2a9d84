// Tagging and parsing of one sentence given as words in UD tokenization: the joint XPOS|UPOS tagger, then the
// arc-hybrid parser over the predicted tags. One instance per thread; buffers are reused across sentences.
import type { WordClusters } from "../ner/clusters.js";
import { ATTRS, Lexicon } from "./lexicon.js";
import type { ParseModel } from "./model.js";
import { ArcHybridParser } from "./parser.js";
import { TAG_PAD, TagContext } from "./tagger.js";

/** The analysis of one sentence: per word, its tags, head (index into the words, -1 for the root) and relation. */
export interface UdAnalysis {
  upos: string[];
  xpos: string[];
  heads: number[];
  deprels: string[];
}

export class UdAnnotator {
  readonly tagCtx: TagContext;
  readonly parser: ArcHybridParser;
  private tagIds = new Int32Array(256);
  private readonly upos: string[];
  private readonly xpos: string[];
  /** Decoding as the model's header asks: beam width (1: greedy) and the softmax temperature of the beam's scores. */
  private readonly beam: number;
  private readonly beamTemperature: number;
  /** A pruned beam of two (`parser.parsePruned`): the margin in nats, and whether states split only between SHIFT and LEFT. */
  private readonly beamMargin: number;
  private readonly shiftLeftOnly: boolean;

  constructor(
    readonly model: ParseModel,
    clusters: WordClusters,
  ) {
    this.tagCtx = new TagContext(new Lexicon(clusters), model.tags.length);
    this.tagCtx.fixed = model.tagDict;
    this.parser = new ArcHybridParser(model.tags.length, model.labels.length, model.labelGroups, model.nGroups, model.info.templates === "lean");
    this.xpos = model.tags.map((t) => t.slice(0, t.lastIndexOf("|")));
    this.upos = model.tags.map((t) => t.slice(t.lastIndexOf("|") + 1));
    this.beam = Number(model.info.beam ?? 1);
    this.beamTemperature = Number(model.info.beamTemperature ?? 1);
    this.beamMargin = Number(model.info.beamMargin ?? Infinity);
    this.shiftLeftOnly = model.info.beamSplits === "shift-left";
  }

  /** Tags `words`; the tag ids stay in `tags` (valid until the next call). */
  tag(words: readonly string[]): Int32Array {
    const n = words.length;
    if (n > this.tagIds.length) this.tagIds = new Int32Array(n * 2);
    this.tagCtx.load(words);
    this.tagCtx.predict(this.model.tagTable, n, this.tagIds);
    return this.tagIds;
  }

  /** Parses the words last given to `tag`, with the tags in `tags` (predicted, or gold for experiments). */
  parseTagged(n: number, tags: ArrayLike<number>): void {
    this.parser.fx.load(this.tagCtx.attrs, TAG_PAD * ATTRS, tags, n);
    if (this.beam === 2 && this.beamMargin < Infinity) this.parser.parsePruned(this.model.parserWeights, n, this.beamTemperature, this.beamMargin, this.shiftLeftOnly);
    else if (this.beam > 1) this.parser.parseBeam(this.model.parserWeights, n, this.beam, this.beamTemperature);
    else this.parser.parse(this.model.parserWeights, n);
  }

  analyse(words: readonly string[]): UdAnalysis {
    const n = words.length;
    const tags = this.tag(words);
    this.parseTagged(n, tags);
    const st = this.parser.state;
    const out: UdAnalysis = { upos: [], xpos: [], heads: [], deprels: [] };
    for (let i = 0; i < n; i++) {
      out.upos.push(this.upos[tags[i]!]!);
      out.xpos.push(this.xpos[tags[i]!]!);
      const h = st.heads[i]!;
      out.heads.push(h === n ? -1 : h);
      out.deprels.push(this.model.labels[st.labels[i]!] ?? "dep");
    }
    conjunctsNotAppositions(out);
    return out;
  }
}

/**
 * An apposition (or a "list" item) never has a coordinating conjunction of its own in EWT, while a conjunct
 * usually has: "President A and President B signed", which the parser reads as an apposition
 * after the title, is a coordination. Such words become `conj`; a conjunction the parser hung on a word at the start
 * of the phrase ("and" on "President") moves up to the phrase's head.
 */
export function conjunctsNotAppositions(a: UdAnalysis): void {
  for (let j = 0; j < a.heads.length; j++) {
    if (a.deprels[j] !== "cc") continue;
    let h = a.heads[j]!;
    if (h > j && PHRASE_START.has(a.deprels[h]!) && NOT_CONJUNCT.has(a.deprels[a.heads[h]!]!)) h = a.heads[h]!;
    if (h < 0 || !NOT_CONJUNCT.has(a.deprels[h]!)) continue;
    a.heads[j] = h;
    a.deprels[h] = "conj";
  }
}

/** Relations that never take a conjunction of their own in EWT train (appos: 0 of 1,544; list: 0 of 616). */
const NOT_CONJUNCT = new Set(["appos", "list"]);

/** Relations of words that open a noun phrase before its head (a title, a modifier). */
const PHRASE_START = new Set(["compound", "nmod:desc", "amod", "det", "flat"]);
