// CoNLL04 relations mapped onto our vocabulary: the detokenizer, the mapping file, the scorer's arithmetic on an
// inline sentence, and a floor on the real test split when the corpus is present.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  conll04Mapping, conll04Rows, evaluateConll04, readConll04, scoreSentence, sentenceText,
  type Conll04Mapping, type Conll04Sentence, type TypeCounts,
} from "../src/eval/conll04.js";
import type { ArticleExtraction, DocEntity, DocRelation, Relation } from "../src/types.js";
import { SHARED } from "./helpers/seeds.js";

const DEV = path.join(SHARED, "corpora/conll04/dev.jsonl");

describe("sentenceText", () => {
  const rows: [string, string[], string][] = [
    ["punctuation and possessive", ["Nixon", "'s", "lawyer", ",", "Wright", "."], "Nixon's lawyer, Wright."],
    ["split quote marks become one mark", ["He", "said", "`", "`", "yes", "'", "'", "."], 'He said "yes".'],
    ["brackets and dollars", ["(", "AP", ")", "paid", "$", "1"], "(AP) paid $1"],
    ["contraction split as didn 't", ["He", "didn", "'t", "go"], "He didn't go"],
  ];
  it.each(rows)("%s", (_name, tokens, want) => expect(sentenceText(tokens).text).toBe(want));
  it("every token points at its characters", () => {
    const tokens = ["He", "said", "`", "`", "yes", "'", "'", "."];
    const { text, spans } = sentenceText(tokens);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(["He", "said", '"', '"', "yes", '"', '"', "."]);
  });
});

describe("data/conll04-relations.json", () => {
  const map = conll04Mapping();
  it("names the five CoNLL04 types, each with a reason", () => {
    expect([...map.keys()].sort()).toEqual(["Kill", "Live_In", "Located_In", "OrgBased_In", "Work_For"]);
    for (const t of map.values()) expect(t.reason.length).toBeGreaterThan(20);
  });
  const rows: [string, Relation[]][] = [
    ["Work_For", ["member_of", "leader_of", "spokesperson_of", "represents"]],
    ["OrgBased_In", ["based_in"]],
    ["Located_In", ["located_in"]],
    ["Kill", ["killed"]],
    ["Live_In", []],
  ];
  it.each(rows)("%s", (type, want) => expect(map.get(type)?.relations).toEqual(want));
});

describe("scoreSentence", () => {
  // "Wright, a University of Texas professor in Austin, Texas, killed Smith."
  const tokens = ["Wright", ",", "a", "University", "of", "Texas", "professor", "in", "Austin", ",", "Texas", ",", "killed", "Smith", "."];
  const sentence: Conll04Sentence = {
    id: "s1",
    tokens,
    entities: [
      { type: "Peop", start: 0, end: 1, text: "Wright" },
      { type: "Org", start: 3, end: 6, text: "University of Texas" },
      { type: "Loc", start: 8, end: 9, text: "Austin" },
      { type: "Loc", start: 10, end: 11, text: "Texas" },
      { type: "Peop", start: 13, end: 14, text: "Smith" },
    ],
    relations: [
      { type: "Work_For", head: 0, tail: 1 },
      { type: "Located_In", head: 2, tail: 3 },
      { type: "OrgBased_In", head: 1, tail: 2 },
      { type: "Kill", head: 0, tail: 4 },
      { type: "Live_In", head: 0, tail: 2 },
    ],
  };
  const { text } = sentenceText(tokens);
  const at = (s: string, from = 0) => ({ start: text.indexOf(s, from), end: text.indexOf(s, from) + s.length, text: s, sentence: 0 });
  const entity = (id: string, name: string, mention: ReturnType<typeof at>, aliases: string[] = [name]): DocEntity =>
    ({ id, kind: "person", name, aliases, mentions: [mention] });
  const rel = (source: string, relation: Relation, target: string): DocRelation =>
    ({ source, target, relation, evidence: { document: "s1", start: 0, end: text.length, text, rule: "test" } });
  const extraction: ArticleExtraction = {
    article: { id: "s1", title: null, date: null, source: "test" },
    words: tokens.length,
    entities: [
      entity("e0", "Wright", at("Wright")),
      entity("e1", "University of Texas", at("University of Texas")),
      entity("e2", "Austin", at("Austin")),
      // the second "Texas" only: the largest share of the union picks gold "Texas", not "University of Texas"
      entity("e3", "Texas", at("Texas", text.indexOf("Austin"))),
      // no mention over a gold entity: matched by its normalised alias ("the SMITH" ~ "Smith")
      entity("e4", "J. Smith", { start: 0, end: 0, text: "", sentence: 0 }, ["the SMITH"]),
      entity("e5", "Ghost", { start: 0, end: 0, text: "", sentence: 0 }, ["Ghost"]),
    ],
    relations: [
      rel("e0", "member_of", "e1"), // Work_For right
      rel("e0", "leader_of", "e1"), // Work_For right again: one triple, counted once
      rel("e3", "located_in", "e2"), // Located_In reversed: wrong, and the gold pair missed
      rel("e0", "killed", "e4"), // Kill right, through the alias
      rel("e5", "based_in", "e2"), // OrgBased_In with an end outside the gold: wrong; the gold pair missed
      rel("e0", "said", "e4"), // unmapped relation: ignored
    ],
    quotes: [],
  };
  const map = conll04Mapping();
  const counts: TypeCounts = new Map();
  scoreSentence(sentence, extraction, map, counts);
  const rows: [string, { tp: number; fp: number; fn: number }][] = [
    ["Work_For", { tp: 1, fp: 0, fn: 0 }],
    ["Located_In", { tp: 0, fp: 1, fn: 1 }],
    ["OrgBased_In", { tp: 0, fp: 1, fn: 1 }],
    ["Kill", { tp: 1, fp: 0, fn: 0 }],
  ];
  it.each(rows)("%s counts", (type, want) => expect(counts.get(type)).toEqual(want));
  it("an unmapped type (Live_In) is never counted", () => expect(counts.has("Live_In")).toBe(false));
  it("overall is micro-averaged over the mapped types", () => {
    const overall = conll04Rows(counts, map).find((r) => r.type === "overall");
    expect(overall?.counts).toEqual({ tp: 2, fp: 2, fn: 2 });
    expect(overall?.prf.p).toBeCloseTo(0.5);
    expect(overall?.prf.r).toBeCloseTo(0.5);
    expect(overall?.prf.f).toBeCloseTo(0.5);
  });
  it("same-named gold entities are one entity", () => {
    const twice: Conll04Sentence = {
      id: "s2", tokens: ["Bayonne", "in", "France", "and", "Pau", "in", "France"],
      entities: [
        { type: "Loc", start: 0, end: 1, text: "Bayonne" }, { type: "Loc", start: 2, end: 3, text: "France" },
        { type: "Loc", start: 4, end: 5, text: "Pau" }, { type: "Loc", start: 6, end: 7, text: "France" },
      ],
      relations: [{ type: "Located_In", head: 0, tail: 1 }, { type: "Located_In", head: 0, tail: 3 }, { type: "Located_In", head: 2, tail: 3 }],
    };
    const t = sentenceText(twice.tokens).text;
    const m = (s: string, from = 0) => ({ start: t.indexOf(s, from), end: t.indexOf(s, from) + s.length, text: s, sentence: 0 });
    const x: ArticleExtraction = {
      ...extraction,
      entities: [entity("a", "Bayonne", m("Bayonne")), entity("b", "France", m("France", 20)), entity("c", "Pau", m("Pau"))],
      relations: [rel("a", "located_in", "b"), rel("c", "located_in", "b")],
    };
    const c: TypeCounts = new Map();
    scoreSentence(twice, x, map, c);
    expect(c.get("Located_In")).toEqual({ tp: 2, fp: 0, fn: 0 });
  });
});

describe("a mapping is data", () => {
  it("scores only the types it maps", () => {
    const only: Conll04Mapping = new Map([["Kill", { relations: ["killed"] as Relation[], reason: "r", example: "e" }]]);
    expect(conll04Rows(new Map([["Kill", { tp: 1, fp: 1, fn: 0 }]]), only).map((r) => r.type)).toEqual(["Kill", "overall"]);
  });
});

describe("CoNLL04 dev split", () => {
  // A floor on dev (tuning data); the test split is measured once, at the end of an issue (README, closing note).
  // Parsing on: overall P 0.579 R 0.223 F1 0.322 on the 231 dev sentences. A floor, not a target.
  it.runIf(existsSync(DEV))("overall mapped relations F1 holds", () => {
    const s = evaluateConll04(readConll04(DEV));
    const overall = s.types.find((t) => t.type === "overall");
    expect(overall?.prf.f).toBeGreaterThanOrEqual(0.32);
    expect(s.unmapped.get("Live_In")).toBe(91);
  });
});
