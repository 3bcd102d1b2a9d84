import { describe, expect, it } from "vitest";
import { tokenize } from "../src/nlp/tokenize.js";
import { fromSubwords, splitToken, toSubwords } from "../src/nlp/parse/subwords.js";

describe("our tokens -> UD words", () => {
  it.each([
    ["don't", ["do", "n't"]],
    ["can't", ["ca", "n't"]],
    ["won’t", ["wo", "n’t"]],
    ["cannot", ["can", "not"]],
    ["they're", ["they", "'re"]],
    ["I'm", ["I", "'m"]],
    ["we’ve", ["we", "’ve"]],
    ["well-known", ["well", "-", "known"]],
    ["Azm-e-Istehkam", ["Azm", "-", "e", "-", "Istehkam"]],
    ["e-mail", ["e-mail"]],
    ["co-workers", ["co-workers"]],
    ["non-state", ["non-state"]],
    ["2024-06-30", ["2024-06-30"]],
    ["Pakistan", ["Pakistan"]],
    ["'s", ["'s"]],
  ])("%s", (token, words) => {
    expect(splitToken(token)).toEqual(words);
  });

  it("keeps runs of marks as one word", () => {
    const tokens = tokenize("Wait... no -- yes!!");
    const map = toSubwords(tokens.map((t) => t.text), (i) => tokens[i]!.end === tokens[i + 1]!.start);
    expect(map.words).toEqual(["Wait", "...", "no", "--", "yes", "!!"]);
  });

  it("glues an abbreviation's period and maps the parse back onto our tokens", () => {
    const text = "Mr. Khan didn't go.";
    const tokens = tokenize(text);
    expect(tokens.map((t) => t.text)).toEqual(["Mr", ".", "Khan", "didn't", "go", "."]);
    const map = toSubwords(tokens.map((t) => t.text), (i) => tokens[i]!.end === tokens[i + 1]!.start);
    expect(map.words).toEqual(["Mr.", "Khan", "did", "n't", "go", "."]);
    // a hand-made UD parse of the words: Mr. <- Khan <- go -> did, n't, .
    const parse = {
      upos: ["PROPN", "PROPN", "AUX", "PART", "VERB", "PUNCT"],
      xpos: ["NNP", "NNP", "VBD", "RB", "VB", "."],
      heads: [1, 4, 4, 4, -1, 4],
      deprels: ["compound", "nsubj", "aux", "advmod", "root", "punct"],
    };
    const back = fromSubwords(map, parse);
    expect(back.heads).toEqual([2, 0, 4, 4, -1, 4]);
    expect(back.deprels).toEqual(["compound", "punct", "nsubj", "aux", "root", "punct"]);
    expect(back.upos[3]).toBe("AUX");
  });
});
