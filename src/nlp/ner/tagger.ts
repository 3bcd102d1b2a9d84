// Public API of the learned entity tagger: load the committed model once, tag one sentence's tokens.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { WordClusters } from "./clusters.js";
import { FeatureExtractor } from "./features.js";
import { Gazetteer } from "./gazetteer.js";
import { NerModel } from "./model.js";
import { isInside, type NerType, TAGS, typeOf } from "./tags.js";

export type { NerType } from "./tags.js";

export interface NerSpan {
  start: number; // token index
  end: number; // exclusive
  type: NerType;
}

export interface NerTagger {
  /** Entity spans of one sentence's word tokens (punctuation as separate tokens, as in CoNLL). */
  tag(tokens: readonly string[]): NerSpan[];
  /** The same decision as BIO tags, one per token. */
  tagBio(tokens: readonly string[]): string[];
  /**
   * Opens a document: until `endDocument`, each sentence tagged sees the labels the document's earlier sentences got
   * (non-local features). Without it every sentence is tagged alone.
   */
  beginDocument(): void;
  /** Second pass: the history stays as the first pass left it (every sentence's labels) and is only read. */
  freezeDocument(): void;
  endDocument(): void;
}

export const MODEL_DIR = fileURLToPath(new URL("../../../models/ner/", import.meta.url));
export const MODEL_FILE = "model.bin.gz";
export const CLUSTERS_FILE = "clusters.tsv.gz";

class PerceptronTagger implements NerTagger {
  private out = new Uint8Array(256);
  private readonly fx: FeatureExtractor;

  constructor(
    private readonly model: NerModel,
    clusters: WordClusters,
  ) {
    this.fx = new FeatureExtractor(clusters, new Gazetteer(model.gazetteer));
  }

  private run(tokens: readonly string[]): Uint8Array {
    if (tokens.length > this.out.length) this.out = new Uint8Array(tokens.length * 2);
    this.fx.setSentence(tokens);
    this.model.predict(this.fx, tokens, this.out);
    this.fx.recordLabels(this.out);
    return this.out;
  }

  beginDocument(): void {
    this.fx.beginDocument();
  }

  freezeDocument(): void {
    this.fx.freezeDocument();
  }

  endDocument(): void {
    this.fx.endDocument();
  }

  tag(tokens: readonly string[]): NerSpan[] {
    const tags = this.run(tokens);
    const spans: NerSpan[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const t = tags[i]!;
      if (t === 0 || isInside(t)) continue; // decoding guarantees I-X follows B-X/I-X
      let end = i + 1;
      while (end < tokens.length && tags[end] === t + 1) end++;
      spans.push({ start: i, end, type: typeOf(t) });
    }
    return spans;
  }

  tagBio(tokens: readonly string[]): string[] {
    const tags = this.run(tokens);
    const out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = TAGS[tags[i]!]!;
    return out;
  }
}

/** Builds a tagger from explicit files (training scripts and tests of alternative models). */
export function createTagger(model: NerModel, clusters: WordClusters): NerTagger {
  return new PerceptronTagger(model, clusters);
}

let cached: NerTagger | undefined;

/** Loads the committed model (models/ner/) once and caches it. */
export function loadTagger(): NerTagger {
  if (!cached) {
    const model = NerModel.deserialise(readFileSync(MODEL_DIR + MODEL_FILE));
    const clusters = WordClusters.fromGzipFile(MODEL_DIR + CLUSTERS_FILE);
    cached = new PerceptronTagger(model, clusters);
  }
  return cached;
}

export interface DocumentTagging {
  /** Tag the document a second time, reading every sentence's first-pass labels (later sentences' too). */
  twoPass?: boolean;
  /** One type per name string within a document: a string tagged with several types takes its most frequent. */
  vote?: boolean;
}

/** Tags sentences that carry a document index (CoNLL's -DOCSTART- blocks), each document with its history. */
export function tagDocuments(
  tagger: NerTagger,
  sentences: readonly { tokens: string[]; doc: number }[],
  options: DocumentTagging = { twoPass: true },
): string[][] {
  const out: string[][] = [];
  let from = 0;
  while (from < sentences.length) {
    let to = from + 1;
    while (to < sentences.length && sentences[to]!.doc === sentences[from]!.doc) to++;
    const doc = sentences.slice(from, to);
    tagger.beginDocument();
    let tags = doc.map((s) => tagger.tagBio(s.tokens));
    if (options.twoPass) {
      tagger.freezeDocument();
      tags = doc.map((s) => tagger.tagBio(s.tokens));
    }
    if (options.vote) voteTypes(doc.map((s) => s.tokens), tags);
    out.push(...tags);
    from = to;
  }
  tagger.endDocument();
  return out;
}

/** Relabels each name string's spans with the type most of its spans in the document have (ties: unchanged). */
export function voteTypes(tokens: readonly string[][], tags: string[][]): void {
  const spans: { s: number; a: number; b: number; key: string; type: string }[] = [];
  tags.forEach((t, s) => {
    for (let i = 0; i < t.length; i++) {
      if (!t[i]!.startsWith("B-")) continue;
      let b = i + 1;
      while (b < t.length && t[b] === `I-${t[i]!.slice(2)}`) b++;
      spans.push({ s, a: i, b, key: tokens[s]!.slice(i, b).join(" "), type: t[i]!.slice(2) });
    }
  });
  const votes = new Map<string, Map<string, number>>();
  for (const sp of spans) {
    const v = votes.get(sp.key) ?? new Map<string, number>();
    v.set(sp.type, (v.get(sp.type) ?? 0) + 1);
    votes.set(sp.key, v);
  }
  for (const sp of spans) {
    const v = [...votes.get(sp.key)!].sort((x, y) => y[1] - x[1]);
    if (v.length < 2 || v[0]![1] === v[1]![1] || v[0]![0] === sp.type) continue;
    const t = tags[sp.s]!;
    for (let i = sp.a; i < sp.b; i++) t[i] = `${i === sp.a ? "B" : "I"}-${v[0]![0]}`;
  }
}
