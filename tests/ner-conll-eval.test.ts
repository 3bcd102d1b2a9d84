import { describe, expect, it } from "vitest";
import { chunksOf, scoreConll } from "../src/eval/conll.js";
import { parseConll } from "../src/nlp/ner/conll.js";

describe("chunksOf (conlleval chunk boundaries)", () => {
  const cases: [string, string, string][] = [
    ["plain B-I", "B-PER I-PER O", "0-2:PER"],
    ["two adjacent entities of one type", "B-LOC B-LOC", "0-1:LOC 1-2:LOC"],
    ["I- after O starts an entity", "O I-ORG I-ORG", "1-3:ORG"],
    ["type change inside starts a new entity", "B-ORG I-LOC", "0-1:ORG 1-2:LOC"],
    ["entity at the end", "O O B-MISC", "2-3:MISC"],
    ["IOB1 style", "I-PER I-PER B-PER", "0-2:PER 2-3:PER"],
    ["nothing", "O O", ""],
  ];
  it.each(cases)("%s", (_name, tags, expected) => {
    const got = chunksOf(tags.split(" ")).map((c) => `${c.start}-${c.end}:${c.type}`).join(" ");
    expect(got).toBe(expected);
  });
});

describe("scoreConll", () => {
  it("counts exact span + type only", () => {
    const gold = [["B-PER", "I-PER", "O", "B-LOC"], ["B-ORG", "O"]];
    const pred = [["B-PER", "O", "O", "B-LOC"], ["B-MISC", "O"]];
    const s = scoreConll(gold, pred);
    // Correct: LOC only. PER has the wrong span, ORG the wrong type.
    expect(s.overall).toMatchObject({ gold: 3, predicted: 3, correct: 1 });
    expect(s.overall.precision).toBeCloseTo(1 / 3);
    expect(s.overall.recall).toBeCloseTo(1 / 3);
    expect(s.overall.f1).toBeCloseTo(1 / 3);
    expect(s.byType["LOC"]!.f1).toBe(1);
    expect(s.byType["PER"]).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(s.byType["MISC"]).toMatchObject({ gold: 0, predicted: 1, correct: 0 });
    expect(s.tokens).toBe(6);
  });
  it("gives precision 1 and recall 0.5 for a half-found corpus", () => {
    const s = scoreConll([["B-LOC", "O", "B-PER"]], [["B-LOC", "O", "O"]]);
    expect(s.overall.precision).toBe(1);
    expect(s.overall.recall).toBe(0.5);
    expect(s.overall.f1).toBeCloseTo(2 / 3);
  });
  it("rejects sequences of different lengths", () => {
    expect(() => scoreConll([["O"]], [["O", "O"]])).toThrow(/1 gold tags but 2 predicted/);
  });
});

describe("parseConll", () => {
  it("keeps tokens and NER tags, skips -DOCSTART- and counts documents", () => {
    const text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nX NN B-NP O\n";
    const s = parseConll(text);
    expect(s).toEqual([
      { tokens: ["EU", "rejects"], tags: ["B-ORG", "O"], doc: 1 },
      { tokens: ["Peter"], tags: ["B-PER"], doc: 1 },
      { tokens: ["X"], tags: ["O"], doc: 2 },
    ]);
  });
});
