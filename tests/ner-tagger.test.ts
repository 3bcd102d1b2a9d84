import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreConll } from "../src/eval/conll.js";
import { readConll } from "../src/nlp/ner/conll.js";
import { loadTagger } from "../src/nlp/ner/tagger.js";

// The committed model's dev F1 as measured by `npm run train:ner` (see the commit message), minus 0.01.
const DEV_F1_FLOOR = 0.913;
const DEV = new URL("../../shared/corpora/conll2003/dev.txt", import.meta.url).pathname;

const spans = (sentence: string): string[] => {
  const tokens = sentence.split(" ");
  return loadTagger()
    .tag(tokens)
    .map((s) => `${tokens.slice(s.start, s.end).join(" ")}/${s.type}`);
};

describe("NER tagger on CoNLL-2003 dev", () => {
  it.runIf(existsSync(DEV))(`keeps entity F1 >= ${DEV_F1_FLOOR}`, () => {
    const dev = readConll(DEV);
    const tagger = loadTagger();
    const score = scoreConll(dev.map((s) => s.tags), dev.map((s) => tagger.tagBio(s.tokens)));
    expect(score.overall.f1).toBeGreaterThanOrEqual(DEV_F1_FLOOR);
    for (const type of ["PER", "LOC", "ORG", "MISC"]) expect(score.byType[type]!.f1).toBeGreaterThan(0.8);
  }, 60_000); // about a second normally; generous for a loaded CI machine
});

describe("NER tagger API", () => {
  it("is deterministic and agrees between tag() and tagBio()", () => {
    const tokens = "Angela Merkel met Barack Obama in Berlin on Tuesday .".split(" ");
    const tagger = loadTagger();
    const first = tagger.tagBio(tokens);
    for (let k = 0; k < 3; k++) expect(tagger.tagBio(tokens)).toEqual(first);
    expect(tagger.tag([...tokens])).toEqual(tagger.tag(tokens));
    const fromSpans = new Array<string>(tokens.length).fill("O");
    for (const s of tagger.tag(tokens)) for (let i = s.start; i < s.end; i++) fromSpans[i] = `${i === s.start ? "B" : "I"}-${s.type}`;
    expect(fromSpans).toEqual(first);
  });
  it("caches the loaded model", () => expect(loadTagger()).toBe(loadTagger()));
  it("handles empty and one-token sentences", () => {
    expect(loadTagger().tag([])).toEqual([]);
    expect(loadTagger().tagBio(["."])).toEqual(["O"]);
  });
  it("handles a very long sentence", () => {
    const tokens = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? "Paris" : "and"));
    expect(loadTagger().tagBio(tokens)).toHaveLength(2000);
  });
});

describe("NER tagger on news-style sentences", () => {
  const cases: [string, string, string[]][] = [
    [
      "dateline with a slash",
      "WASHINGTON / Islamabad : Pakistan 's ambassador to the United States , Maleeha Lodhi , said on Monday that talks with India would resume .",
      ["WASHINGTON/LOC", "Islamabad/LOC", "Pakistan/LOC", "United States/LOC", "Maleeha Lodhi/PER", "India/LOC"],
    ],
    [
      "wire dateline",
      "WASHINGTON ( Reuters ) - The Federal Reserve kept interest rates unchanged on Wednesday , Chairman Jerome Powell said .",
      ["WASHINGTON/LOC", "Reuters/ORG", "Federal Reserve/ORG", "Jerome Powell/PER"],
    ],
    ["sports clubs", "Manchester United beat Chelsea 2-1 at Old Trafford on Sunday .", ["Manchester United/ORG", "Chelsea/ORG", "Old Trafford/LOC"]],
    ["plain sentence", "Angela Merkel met Barack Obama in Berlin on Tuesday .", ["Angela Merkel/PER", "Barack Obama/PER", "Berlin/LOC"]],
    ["company names", "Shares in Microsoft Corp rose 3 % after the company said it would buy LinkedIn .", ["Microsoft Corp/ORG", "LinkedIn/ORG"]],
    ["curly quotes and a demonym", "\u201c We will not back down , \u201d said Boris Johnson , the British prime minister .", ["Boris Johnson/PER", "British/MISC"]],
    ["curly apostrophe", "Russia \u2019s foreign minister Sergei Lavrov arrived in Beijing .", ["Russia/LOC", "Sergei Lavrov/PER", "Beijing/LOC"]],
    ["all-caps headline", "GERMANY BEAT ITALY IN ROME", ["GERMANY/LOC", "ITALY/LOC", "ROME/LOC"]],
    ["sentence without entities", "The price of oil rose sharply on Monday .", []],
  ];
  it.each(cases)("%s", (_name, sentence, expected) => expect(spans(sentence)).toEqual(expected));
});
