// Lints the hand-annotated dev set (tests/fixtures/dev/dev-annotations.jsonl): the annotation lines are
// checked on their own, then joined with the BBC corpus beside the repo and checked against the text.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lintAnnotations } from "./helpers/gold-lint.js";
import {
  BBC_CORPUS_PATH,
  checkGoldArticle,
  loadDevGold,
  readDevAnnotations,
  type GoldArticle,
} from "../src/eval/dev-gold.js";

const repoRoot = resolve(import.meta.dirname, "..");
const annotations = readDevAnnotations(repoRoot);
const corpusPresent = existsSync(resolve(repoRoot, BBC_CORPUS_PATH));

describe("dev annotations (without text)", () => {
  it("holds at least 12 articles with unique ids", () => {
    expect(annotations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(annotations.map((a) => a.id)).size).toBe(annotations.length);
  });

  it("never stores article text (the corpus is research-use only)", () => {
    for (const a of annotations) expect(Object.keys(a), a.id).not.toContain("text");
  });

  it("names each record after its corpus id", () => {
    for (const a of annotations) {
      expect(a.corpus, a.id).toBe("bbc");
      expect(a.id, a.id).toBe(`bbc-${a.corpus_id.replace("/", "-")}`);
      expect(a.source, a.id).toBe(`bbc/${a.corpus_id}`);
      expect(a.date, a.id).toBeNull();
    }
  });

  lintAnnotations(() => annotations);

});

describe.skipIf(!corpusPresent)("dev gold joined with the BBC corpus", () => {
  it("loads: every alias, evidence and quote is in the article text", () => {
    const gold = loadDevGold(repoRoot);
    expect(gold.length).toBe(annotations.length);
    for (const a of gold) expect(checkGoldArticle(a), a.id).toEqual([]);
  });

  it("builds the text from the BBC title and body", () => {
    const gold = loadDevGold(repoRoot);
    for (const a of gold) expect(a.text.startsWith(`${a.title}\n\n`), a.id).toBe(true);
  });

  it("reports an evidence that is not in the text", () => {
    const [first] = loadDevGold(repoRoot);
    if (!first) throw new Error("no dev articles");
    const broken: GoldArticle = {
      ...first,
      relations: [{ ...first.relations[0]!, evidence: "this sentence is not in the article" }],
    };
    expect(checkGoldArticle(broken).join("\n")).toMatch(/evidence not found/);
  });
});
