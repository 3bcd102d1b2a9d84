// PolNeAR direct-quotation scoring: the .ann parser, quote-mark stretches, the matcher, and a floor on dev.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  codePointOffsets, evaluatePolnear, isDirect, isProperName, namesMatch, overlapRatio, parseAnn, quotedStretches, scoreArticle,
} from "../src/eval/polnear.js";
import type { DocEntity, DocQuote } from "../src/types.js";
import { SHARED } from "./helpers/seeds.js";

const DEV = path.join(SHARED, "corpora/polnear/dev");

describe("parseAnn", () => {
  const ann = [
    "T1\tSource 0 5\tObama",
    "T2\tCue 6 10\tsaid",
    "T3\tContent 12 20;25 30\tquoted … more",
    "T4\tAttribution 6 10\tsaid",
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
    "T5\tAttribution-no-source 40 48\treported",
    "T6\tContent 50 60\tfirst line",
    "second line of a span crossing a paragraph break",
    "T7\tContent 62 70\tmore",
    "E2\tAttribution-no-source:T5 Cue:T5 Content:T6 Content2:T7",
    "#1\tAnnotatorNotes T1\tnote",
    "T8\tDiscard 80 90\tRead more",
  ].join("\n");
  const rows: [string, number, { content: [number, number][]; source: [number, number][] }][] = [
    ["discontinuous content, all parts", 0, { content: [[12, 20], [25, 30]], source: [[0, 5]] }],
    ["no source, Content2, continuation line skipped", 1, { content: [[50, 60], [62, 70]], source: [] }],
  ];
  const parsed = parseAnn(ann);
  it("finds one attribution per E line", () => expect(parsed).toHaveLength(2));
  it.each(rows)("%s", (_name, i, want) => {
    const a = parsed[i];
    expect(a?.content.map((s) => [s.start, s.end])).toEqual(want.content);
    expect(a?.source.map((s) => [s.start, s.end])).toEqual(want.source);
  });
});

describe("offsets and quote marks", () => {
  it("code points -> UTF-16 offsets past an astral character", () => {
    const at = codePointOffsets("a😀b c");
    expect([at(0), at(1), at(2), at(3), at(5)]).toEqual([0, 1, 3, 4, 6]);
  });
  const rows: [string, string, [number, number][]][] = [
    ["curly", "He said “yes, now.” Then", [[8, 19]]],
    ["straight", 'He said "yes" and "no"', [[8, 13], [18, 22]]],
    ["NYT doubled apostrophes", "He said ''yes'' twice", [[8, 15]]],
    ["open at line end runs to it, next line separate", "“One\n“Two.”", [[0, 4], [5, 11]]],
    ["closing mark alone is ignored", "it’s a ” b", []],
  ];
  it.each(rows)("stretches: %s", (_name, text, want) => {
    expect(quotedStretches(text).map((s) => [s.start, s.end])).toEqual(want);
  });
  const text = "“We will win,” he said, adding that it was “over.” Then “a b c d e f g h i j k l m n o p q r s t.”";
  const stretches = quotedStretches(text);
  const direct: [string, [number, number][], boolean][] = [
    ["quotation without marks", [[1, 12]], true],
    ["indirect speech with a quoted word", [[29, 48]], false],
    ["short piece of a long quotation (nested)", [[58, 62]], false],
  ];
  it.each(direct)("isDirect: %s", (_name, content, want) => {
    expect(isDirect(text, content.map(([start, end]) => ({ start, end })), stretches)).toBe(want);
  });
  it("overlap ratio is over the shorter span, pieces summed", () => {
    expect(overlapRatio({ start: 0, end: 10 }, [{ start: 5, end: 100 }])).toBe(0.5);
    expect(overlapRatio({ start: 0, end: 10 }, [{ start: 0, end: 2 }, { start: 8, end: 10 }])).toBe(1);
    expect(overlapRatio({ start: 0, end: 10 }, [{ start: 20, end: 30 }])).toBe(0);
  });
});

describe("names", () => {
  const proper: [string, boolean][] = [
    ["Mr. Obama", true], ["he", false], ["The senator", false], ["a spokesman", false],
    ["The Republican nominee", false], ["Clinton campaign spokesman Brian Fallon", true], ["The New York Post", true],
  ];
  it.each(proper)("isProperName(%j) = %s", (s, want) => expect(isProperName(s)).toBe(want));
  const e = (name: string, aliases: string[] = []) => ({ name, aliases: [name, ...aliases] });
  const rows: [string, { name: string; aliases: string[] }, string, boolean][] = [
    ["same name, case aside", e("Donald Trump"), "donald trump", true],
    ["surname", e("Donald Trump"), "Mr. Trump", true],
    ["surname before an apposition", e("Megan Hester"), "Megan Hester, senior associate at the Annenberg Institute", true],
    ["surname before a place", e("Donna Sampson Rawlings"), "Donna Sampson Rawlings, 59, of Ashton, Md.", true],
    ["head of the name, not a modifier", e("Hillary Clinton"), "Clinton campaign spokesman Brian Fallon", false],
    ["other person", e("Mike Pence"), "Trump", false],
  ];
  it.each(rows)("namesMatch: %s", (_name, entity, gold, want) => expect(namesMatch(entity, gold)).toBe(want));
});

describe("scoreArticle", () => {
  const text = [
    "“We will win,” Trump said.", //                    quote 1..12, Trump 15..20
    "“Taxes are too high,” he said.", //                quote 28..46, he 49..51
    "Pence said “the economy is strong.”", //           Pence 58..63, quote 70..92
    "Clinton called it “a disgrace today.”", //         Clinton 94..101, quote 113..129, not annotated
    "Kaine said that the plan was “bad” and wrong.", // Kaine 132..137, indirect 143..176, “bad” 162..165
  ].join("\n");
  const ann = [
    "T1\tSource 15 20\tTrump", "T2\tContent 1 12\tWe will win", "E1\tSource:T1 Content:T2",
    "T3\tSource 49 51\the", "T4\tContent 28 46\tTaxes are too high", "E2\tSource:T3 Content:T4",
    "T5\tSource 58 63\tPence", "T6\tContent 70 92\tthe economy is strong.", "E3\tSource:T5 Content:T6",
    "T7\tSource 132 137\tKaine", "T8\tContent 143 176\tthat the plan was “bad” and wrong", "E4\tSource:T7 Content:T8",
  ].join("\n");
  const entity = (id: string, name: string, at: [number, number][]): DocEntity => ({
    id, kind: "person", name, aliases: [name], mentions: at.map(([start, end]) => ({ start, end, text: text.slice(start, end), sentence: 0 })),
  });
  const entities = [entity("e0", "Donald Trump", [[15, 20]]), entity("e1", "Mike Pence", [[58, 63]]), entity("e2", "Hillary Clinton", [[94, 101]]), entity("e3", "Tim Kaine", [[132, 137]])];
  const quote = (speaker: string, start: number, end: number): DocQuote => ({ speaker, start, end, text: text.slice(start, end) });
  const score = (quotes: DocQuote[]) => scoreArticle("t", text, parseAnn(ann), { entities, quotes });

  it("reads the hand-made article as intended", () => {
    expect(text.slice(1, 12)).toBe("We will win");
    expect(text.slice(49, 51)).toBe("he");
    expect(text.slice(113, 129)).toBe("a disgrace today");
  });
  it("counts right, wrong, pronoun-resolved, extra, neutral and missed quotations", () => {
    const s = score([
      quote("e0", 1, 12), //   mention overlaps the Source: right
      quote("e0", 28, 46), //  "he" -> nearest preceding proper-name Source, Trump: right
      quote("e0", 70, 92), //  Pence's quotation given to Trump: wrong
      quote("e2", 113, 129), // not annotated: extra
      quote("e3", 162, 165), // a quoted word in indirect speech: neutral
    ]);
    expect(s.gold).toBe(3);
    expect(s.neutral).toBe(1);
    expect(s.detection).toEqual({ tp: 3, fp: 1, found: 3, fn: 0 });
    expect(s.attribution).toEqual({ tp: 2, fp: 2, found: 2, fn: 1 });
    expect(s.errors.map((e) => `${e.kind} ${e.gold}/${e.ours}`).sort()).toEqual(["extra /Hillary Clinton", "wrong Pence/Donald Trump"]);
  });
  it("a quotation split in two predictions is one gold item, two right predictions", () => {
    const s = score([quote("e0", 1, 6), quote("e0", 7, 12)]);
    expect(s.attribution).toEqual({ tp: 2, fp: 0, found: 1, fn: 2 });
    expect(s.errors.filter((e) => e.kind === "miss")).toHaveLength(2);
  });
});

describe("evaluatePolnear on a tiny split folder", () => {
  it("uses the first annotator's file per article and runs the pipeline", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "polnear-"));
    mkdirSync(path.join(dir, "text"));
    mkdirSync(path.join(dir, "attributions"));
    const text = "Talks resume\n\n“We will not give up,” Angela Merkel said on Monday.\n";
    writeFileSync(path.join(dir, "text/a.txt"), text);
    const content = `T1\tContent 15 34\tWe will not give up\nT2\tSource 37 50\tAngela Merkel\nE1\tContent:T1 Source:T2\n`;
    writeFileSync(path.join(dir, "attributions/a_1111.ann"), content);
    writeFileSync(path.join(dir, "attributions/a_2222.ann"), `${content}T3\tContent 0 12\tTalks resume\nE2\tContent:T3\n`);
    const s = evaluatePolnear(dir);
    rmSync(dir, { recursive: true, force: true });
    expect(text.slice(15, 34)).toBe("We will not give up");
    expect([s.articles, s.gold]).toEqual([1, 1]);
    expect(s.attribution).toMatchObject({ tp: 1, fp: 0, found: 1, fn: 0 });
  });
  it("names the folder it needs", () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), "polnear-"));
    expect(() => evaluatePolnear(empty)).toThrow(/polnear: no text\/ folder/);
    rmSync(empty, { recursive: true, force: true });
  });
});

describe.skipIf(!existsSync(DEV))("PolNeAR dev split", () => {
  it("direct-quotation floors", () => {
    const s = evaluatePolnear(DEV);
    expect(s.articles).toBe(84);
    expect(s.detection.f).toBeGreaterThanOrEqual(DEV_FLOORS.detection);
    expect(s.attribution.f).toBeGreaterThanOrEqual(DEV_FLOORS.attribution);
  }, 600_000);
});

// Measured values minus about 0.03; raise them when accuracy improves.
const DEV_FLOORS = { detection: 0.90, attribution: 0.81 }; // measured 0.927 / 0.844
