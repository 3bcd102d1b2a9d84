import { describe, expect, it } from "vitest";
import { WordClusters } from "../src/nlp/ner/clusters.js";
import { FeatureExtractor, HISTORY_FEATURES, MAX_FEATURES, shortShape, tokenFlags, wordShape } from "../src/nlp/ner/features.js";
import { Gazetteer, GAZ } from "../src/nlp/ner/gazetteer.js";
import { clusterKey, normaliseToken } from "../src/nlp/ner/text.js";
import { FeatureIndex } from "../src/nlp/ner/feature-index.js";
import { allowedAfter, tagId } from "../src/nlp/ner/tags.js";

describe("word shapes", () => {
  const cases: [string, string, string][] = [
    ["Washington", "Xxxxx", "Xx"],
    ["IBM", "XXX", "X"],
    ["NATO-led", "XXXX-xxx", "X-x"],
    ["1996-08-22", "dddd-dd-dd", "d-d-d"],
    ["U.S.", "X.X.", "X.X."],
    ["McDonald", "XxXxxxx", "XxXx"],
    ["3.5", "d.d", "d.d"],
    [",", ",", ","],
    ["Zürich", "Xxxxx", "Xx"],
  ];
  it.each(cases)("%s -> %s / %s", (word, long, short) => {
    expect(wordShape(word)).toBe(long);
    expect(shortShape(word)).toBe(short);
  });
});

describe("token flags", () => {
  const INIT = 1, CAPS = 2, DIGIT = 4, HYPHEN = 8, PERIOD = 16, PUNCT = 32, MIXED = 64, LOWER = 128;
  const cases: [string, number][] = [
    ["London", INIT | LOWER],
    ["LONDON", INIT | CAPS],
    ["london", LOWER],
    ["F-16", INIT | CAPS | DIGIT | HYPHEN],
    ["U.S.", INIT | CAPS | PERIOD],
    ["McDonald", INIT | MIXED | LOWER],
    ["(", PUNCT],
    ["1996", DIGIT],
  ];
  it.each(cases)("%s -> %i", (word, flags) => expect(tokenFlags(word)).toBe(flags));
});

describe("normalisation", () => {
  const cases: [string, string, string][] = [
    ["Pakistan\u2019s", "Pakistan's", "pakistan's"],
    ["\u201cWe", '"We', '"we'],
    ["1996-08-22", "1996-08-22", "0000-00-00"],
    ["2001\u20132002", "2001-2002", "0000-0000"],
  ];
  it.each(cases)("%s", (raw, norm, key) => {
    expect(normaliseToken(raw)).toBe(norm);
    expect(clusterKey(normaliseToken(raw))).toBe(key);
  });
});

describe("gazetteer", () => {
  const gaz = new Gazetteer({ entries: [["new york", GAZ.capital], ["united states", GAZ.country], ["mr", GAZ.title], ["york", GAZ.capital]] });
  it("marks multi-word phrases with begin and inside bits", () => {
    const toks = ["mr", "smith", "flew", "from", "new", "york", "to", "the", "united", "states"];
    const { begin, inside } = gaz.markTokens(toks);
    expect([...begin]).toEqual([GAZ.title, 0, 0, 0, GAZ.capital, GAZ.capital, 0, 0, GAZ.country, 0]);
    expect([...inside]).toEqual([0, 0, 0, 0, 0, GAZ.capital, 0, 0, 0, GAZ.country]);
  });
});

describe("feature extraction", () => {
  const clusters = new WordClusters("london\t0101\nparis\t0100\n");
  const fx = new FeatureExtractor(clusters, new Gazetteer({ entries: [] }));
  const feats = (tokens: string[], i: number): number[] => {
    const out = new Uint32Array(MAX_FEATURES + HISTORY_FEATURES);
    fx.setSentence(tokens);
    const n = fx.extractStatic(i, out);
    fx.extractHistory(i, out, n);
    return [...out.subarray(0, n + HISTORY_FEATURES)];
  };
  it("is deterministic and allocation-free in its output buffer", () => {
    expect(feats(["He", "went", "to", "London", "."], 3)).toEqual(feats(["He", "went", "to", "London", "."], 3));
  });
  it("writes static features at the given offset", () => {
    const a = new Uint32Array(MAX_FEATURES);
    const b = new Uint32Array(MAX_FEATURES + 10);
    fx.setSentence(["He", "went", "to", "London", "."]);
    const n = fx.extractStatic(3, a);
    expect(fx.extractStatic(3, b, 10)).toBe(n);
    expect([...b.subarray(10, 10 + n)]).toEqual([...a.subarray(0, n)]);
  });
  it("differs with the word and the context", () => {
    const base = new Set(feats(["He", "went", "to", "London", "."], 3));
    const other = feats(["He", "went", "to", "Paris", "."], 3);
    const shared = other.filter((f) => base.has(f)).length;
    expect(shared).toBeGreaterThan(5); // shape, context words, bias
    expect(shared).toBeLessThan(other.length); // word, affixes, cluster
  });
  it("treats curly and straight apostrophes alike", () => {
    expect(feats(["Pakistan", "\u2019s", "envoy"], 1)).toEqual(feats(["Pakistan", "'s", "envoy"], 1));
  });
  it("marks all-caps sentences separately from mixed case", () => {
    fx.setSentence(["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"]);
    expect(fx.isCapsSentence).toBe(true);
    fx.setSentence(["WASHINGTON", "/", "Islamabad", ":", "Pakistan", "said"]);
    expect(fx.isCapsSentence).toBe(false);
  });
  it("never exceeds MAX_FEATURES, even for long tokens in gazetteer phrases", () => {
    const gaz = new Gazetteer({ entries: [["a", 4095], ["a a", 4095]] });
    const fx2 = new FeatureExtractor(clusters, gaz);
    const out = new Uint32Array(MAX_FEATURES);
    fx2.setSentence(["a", "a", "a"]);
    expect(fx2.extractStatic(1, out)).toBeLessThanOrEqual(MAX_FEATURES);
  });
});

describe("feature index and tags", () => {
  it("maps keys to dense rows and grows", () => {
    const idx = new FeatureIndex(2);
    for (let k = 1; k <= 1000; k++) expect(idx.getOrAdd(k * 7919)).toBe(k - 1);
    expect(idx.get(7919 * 500)).toBe(499);
    expect(idx.get(3)).toBe(-1);
    expect(idx.keysByRow()[10]).toBe(7919 * 11);
  });
  it("allows I-X only after B-X or I-X", () => {
    expect(allowedAfter(tagId("B-PER"), tagId("I-PER"))).toBe(true);
    expect(allowedAfter(tagId("I-PER"), tagId("I-PER"))).toBe(true);
    expect(allowedAfter(tagId("O"), tagId("I-PER"))).toBe(false);
    expect(allowedAfter(tagId("B-LOC"), tagId("I-PER"))).toBe(false);
    expect(allowedAfter(-1, tagId("B-ORG"))).toBe(true);
    expect(allowedAfter(-1, tagId("I-ORG"))).toBe(false);
  });
});
