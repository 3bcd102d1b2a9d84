// Table tests over real trees: news sentences parsed by the committed model, read through the paths module.
import { describe, expect, it } from "vitest";
import { segment } from "../src/nlp/segment.js";
import { analyze } from "../src/nlp/index.js";
import { isParsed, MAX_PARSE_TOKENS, parseArticle, parseSentence } from "../src/nlp/parse/index.js";
import {
  appositionsOf, complementsOf, conjunctsOf, isPassive, objectsOf, passiveAgentOf, possessorOf, prepositionHead, spanHead, subjectsOf,
} from "../src/nlp/parse/paths.js";
import type { Sentence } from "../src/types.js";
import { conjunctsNotAppositions, type UdAnalysis } from "../src/nlp/parse/annotator.js";

function parsed(text: string): Sentence {
  const s = segment(text)[0]!;
  parseSentence(s);
  return s;
}

/** Index of the token with this text (the first, or the nth with `nth`). */
function at(s: Sentence, word: string, nth = 0): number {
  const hits = s.tokens.flatMap((t, i) => (t.text === word ? [i] : []));
  if (hits[nth] === undefined) throw new Error(`no token "${word}" in: ${s.text}`);
  return hits[nth]!;
}

const words = (s: Sentence, idx: number[]): string[] => idx.map((i) => s.tokens[i]!.text);

describe("parse: every token gets a tree", () => {
  it("fills upos, xpos, head and deprel with one root", () => {
    const s = parsed("The army said on Monday that it had killed 12 militants.");
    for (const t of s.tokens) {
      expect(t.upos).toMatch(/^[A-Z]+$/);
      expect(t.xpos).toBeTruthy();
      expect(t.head).toBeGreaterThanOrEqual(-1);
      expect(t.deprel).toBeTruthy();
    }
    expect(s.tokens.filter((t) => t.head === -1).map((t) => t.deprel)).toEqual(["root"]);
  });
});

describe("parseArticle", () => {
  it("parses the sentences selected, never an overlong one", () => {
    const long = Array.from({ length: MAX_PARSE_TOKENS + 1 }, () => "x").join(" ");
    const a = analyze({ id: "a", text: `Khan met Li.\n\nNo parse here.\n\n${long}.`, title: null, date: null, source: "t" });
    expect(parseArticle(a, (s) => !s.text.startsWith("No"))).toBe(1);
    expect(a.sentences.map(isParsed)).toEqual([true, false, false]);
  });
});

describe("parse paths on news constructions", () => {
  it.each([
    ["The minister was criticised by the opposition.", "criticised", ["minister"], ["opposition"]],
    ["The convoy was attacked by militants in North Waziristan.", "attacked", ["convoy"], ["militants"]],
    ["The deal was signed by Pakistan and China on Friday.", "signed", ["deal"], ["Pakistan", "China"]],
  ])("passive with a by-agent: %s", (text, verb, subjects, agents) => {
    const s = parsed(text);
    const v = at(s, verb);
    expect(words(s, subjectsOf(s, v))).toEqual(subjects);
    expect(words(s, passiveAgentOf(s, v))).toEqual(agents);
  });

  it.each([
    ["Khan urged Washington to lift the sanctions.", "urged", "Khan", "Washington", "lift"],
    ["The ministry asked Islamabad to explain the delay.", "asked", "ministry", "Islamabad", "explain"],
  ])("X urged Y to ...: %s", (text, verb, subject, object, complement) => {
    const s = parsed(text);
    const v = at(s, verb);
    expect(words(s, subjectsOf(s, v))).toEqual([subject]);
    expect(words(s, objectsOf(s, v))).toEqual([object]);
    const x = complementsOf(s, v).xcomp;
    expect(words(s, x)).toEqual([complement]);
    // the object controls the complement's subject
    expect(words(s, subjectsOf(s, x[0]!))).toEqual([object]);
  });

  it.each([
    ["Ishaq Dar, the foreign minister, said the talks were useful.", "Dar", "minister"],
    ["Imran Khan, the former prime minister, was arrested on Tuesday.", "Khan", "minister"],
  ])("apposition: %s", (text, name, role) => {
    const s = parsed(text);
    // a name is read through its head token, as an extractor reads a mention's span
    const head = spanHead(s, at(s, name) - 1, at(s, name) + 1);
    expect(words(s, appositionsOf(s, head))).toEqual([role]);
    expect(appositionsOf(s, at(s, role))).toEqual([head]);
  });

  it.each([
    ["Pakistan's ambassador Masood Khan met the senators.", "ambassador", "Pakistan"],
    ["China's foreign ministry rejected the claim.", "ministry", "China"],
    ["The army's spokesman gave no details.", "spokesman", "army"],
  ])("possessor: %s", (text, noun, owner) => {
    const s = parsed(text);
    const p = possessorOf(s, at(s, noun));
    expect(p).toBeGreaterThanOrEqual(0);
    expect(s.tokens[p]!.text).toBe(owner);
  });

  it.each([
    ["China and Russia condemned the attack.", "condemned", "subjects", ["China", "Russia"]],
    ["India, Pakistan and Bangladesh signed the accord.", "signed", "subjects", ["India", "Pakistan", "Bangladesh"]],
    ["The president met Blinken and Lavrov in Geneva.", "met", "objects", ["Blinken", "Lavrov"]],
  ])("coordination: %s", (text, verb, role, expected) => {
    const s = parsed(text);
    const v = at(s, verb);
    const got = role === "subjects" ? subjectsOf(s, v) : objectsOf(s, v);
    expect(words(s, got)).toEqual(expected);
    expect(words(s, conjunctsOf(s, got[0]!))).toEqual(expected.slice(1));
  });

  it.each([
    ["Sharif said Islamabad would respond to any aggression.", "said", "Sharif", "respond", "Islamabad"],
    ["The ministry said the talks would resume next week.", "said", "ministry", "resume", "talks"],
  ])("X said Y would ...: %s", (text, verb, speaker, clause, clauseSubject) => {
    const s = parsed(text);
    const v = at(s, verb);
    expect(words(s, subjectsOf(s, v))).toEqual([speaker]);
    const c = complementsOf(s, v).ccomp;
    expect(words(s, c)).toEqual([clause]);
    expect(words(s, subjectsOf(s, c[0]!))).toEqual([clauseSubject]);
  });

  it.each([
    ["\"We will not accept this,\" said Ahmed.", "said", "Ahmed"],
    ["The talks will continue, said the spokesman.", "said", "spokesman"],
  ])("..., said X: %s", (text, verb, speaker) => {
    const s = parsed(text);
    expect(words(s, subjectsOf(s, at(s, verb)))).toEqual([speaker]);
  });

  it.each([
    ["The soldiers who attacked the convoy were arrested.", "attacked", ["soldiers"]],
    ["The minister, who visited Kabul last week, met the envoy.", "visited", ["minister"]],
    ["The report that the committee published was criticised.", "published", ["committee"]],
  ])("relative clauses: %s", (text, verb, subjects) => {
    const s = parsed(text);
    const v = at(s, verb);
    expect(s.tokens[v]!.deprel).toBe("acl:relcl");
    expect(words(s, subjectsOf(s, v))).toEqual(subjects);
  });

  it.each([
    ["The minister spoke for an hour, telling reporters that the talks had failed.", "telling", ["minister"]],
    ["Before leaving Kabul, the envoy met the foreign minister.", "leaving", ["envoy"]],
  ])("participle clauses borrow their head's subject: %s", (text, verb, subjects) => {
    const s = parsed(text);
    expect(words(s, subjectsOf(s, at(s, verb)))).toEqual(subjects);
  });

  it("a past participle with a by-phrase and no auxiliary is passive", () => {
    const s = parsed("It started as the treaty signed on May 15, 1992, by Russia and Armenia.");
    expect(isPassive(s, at(s, "signed"))).toBe(true);
    expect(isPassive(parsed("Russia has signed the treaty."), 2)).toBe(false);
  });

  // Parses the committed model gets wrong (kept here so a better model can be checked against them):
  it.todo("\"The UN urged both sides to show restraint.\": show is parsed advcl, not xcomp");
  it.todo("\"Antony Blinken, the US Secretary of State, met ...\": Secretary is parsed list, not appos");

  it("a preposition's noun and what the phrase attaches to", () => {
    const s = parsed("He visited the embassy in Kabul.");
    const p = prepositionHead(s, at(s, "in"));
    expect(s.tokens[p.object]!.text).toBe("Kabul");
    expect(s.tokens[p.attachedTo]!.text).toBe("embassy");
  });
});

describe("parse repair: a conjunction makes a conjunct", () => {
  // "will meet Y , president of X , and Z": the parser sometimes labels Z's phrase list or appos under Y, with the cc
  const analysis = (rel: string): UdAnalysis => ({
    //       meet   Y      ,        president ,        and    Z
    upos: ["VERB", "PROPN", "PUNCT", "NOUN", "PUNCT", "CCONJ", "PROPN"],
    xpos: ["VB", "NNP", ",", "NN", ",", "CC", "NNP"],
    heads: [-1, 0, 3, 1, 6, 6, 1],
    deprels: ["root", "obj", "punct", "appos", "punct", "cc", rel],
  });
  it.each(["appos", "list"])("%s with its own cc becomes conj; one without stays", (rel) => {
    const a = analysis(rel);
    conjunctsNotAppositions(a);
    expect(a.deprels[6]).toBe("conj");
    expect(a.deprels[3]).toBe("appos");
  });
  it("a cc on the first word of the phrase moves to its head", () => {
    // Y and President Z : "and" hangs on "President" (nmod:desc of Z, Z appos of Y)
    const a: UdAnalysis = { upos: ["PROPN", "CCONJ", "PROPN", "PROPN"], xpos: ["NNP", "CC", "NNP", "NNP"], heads: [-1, 2, 3, 0], deprels: ["root", "cc", "nmod:desc", "appos"] };
    conjunctsNotAppositions(a);
    expect(a.deprels[3]).toBe("conj");
    expect(a.heads[1]).toBe(3);
  });
});

describe("conjuncts hung on a later word of a name", () => {
  it("'signed by Jean-Yves Le Drian and Heiko Maas': both are agents", () => {
    const s = parsed("The agreement, signed by Jean-Yves Le Drian and Heiko Maas in July, took effect.");
    const agents = passiveAgentOf(s, at(s, "signed"));
    expect(words(s, agents.flatMap((a) => [a, ...conjunctsOf(s, a)]))).toEqual(expect.arrayContaining(["Jean-Yves", "Heiko"]));
  });
});
