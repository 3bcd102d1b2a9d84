// ECB+ merge scoring: named-mention filter, document reading, and the whole evaluation on the smallest topic.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateEcb, isNamed, readEcbDocument } from "../src/eval/ecb.js";
import { SHARED } from "./helpers/seeds.js";

const ECB = path.join(SHARED, "corpora/ecbplus");

describe("isNamed", () => {
  const rows: [string, string[], boolean][] = [
    ["a full name", ["Tara", "Reid"], true],
    ["a preposition and a name (LOC mentions take them in)", ["in", "Sonoma", "County"], true],
    ["an organization with 'of'", ["Bank", "of", "America"], true],
    ["an acronym", ["USGS"], true],
    ["a capitalised pronoun", ["He"], false],
    ["a description", ["the", "actress"], false],
    ["a capitalised head with a lower-case word", ["Lindsay", "'s", "rep"], false],
    ["punctuation only", [","], false],
  ];
  it.each(rows)("%s", (_name, words, named) => expect(isNamed(words)).toBe(named));
});

describe("readEcbDocument", () => {
  it("rebuilds text with offsets that slice out each mention's words", () => {
    const d = readEcbDocument(path.join(ECB, "ECB+/38/38_1ecb.xml"), undefined);
    expect(d.mentions.length).toBeGreaterThan(0);
    for (const m of d.mentions) expect(d.text.slice(m.start, m.end)).toBe(m.text);
    expect(d.text).not.toMatch(/ ,| \./);
    const usgs = d.mentions.filter((m) => m.text === "USGS");
    expect(new Set(usgs.map((m) => m.chain)).size).toBe(1);
  });
  it("leaves out the URL line of an ecbplus document", () => {
    const d = readEcbDocument(path.join(ECB, "ECB+/38/38_1ecbplus.xml"), undefined);
    expect(d.text.split("\n")[0]).not.toMatch(/^https?:/);
  });
});

describe("evaluateEcb on the smallest topic", () => {
  it("aligns most named mentions and gives sane B-cubed and pairwise figures, cross-article resolution on and off", () => {
    const on = evaluateEcb(ECB, { topics: ["38"] });
    const off = evaluateEcb(ECB, { topics: ["38"], corpus: false });
    expect(on.topics).toBe(1);
    expect(on.documents).toBeGreaterThan(10);
    expect(on.aligned).toBeGreaterThan(0.6 * on.gold);
    for (const s of [on, off]) {
      for (const x of [s.bcubed, s.pairwise]) {
        expect(x.p).toBeGreaterThan(0.5);
        expect(x.p).toBeLessThanOrEqual(1);
        expect(x.r).toBeGreaterThan(0.3);
        expect(x.r).toBeLessThanOrEqual(1);
      }
    }
    // cross-article resolution only joins: it can add predicted pairs, never remove them
    expect(on.pairwise.predicted).toBeGreaterThanOrEqual(off.pairwise.predicted);
    expect(on.bcubed.r).toBeGreaterThanOrEqual(off.bcubed.r);
  }, 60_000);
  it("names the folder it could not read", () => {
    expect(() => evaluateEcb("/nonexistent-ecb")).toThrow(/ecb: no folder/);
  });
});
