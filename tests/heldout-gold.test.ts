// Lints the hand-annotated held-out set (tests/fixtures/heldout/heldout-annotations.jsonl): PolNeAR train
// articles from several US outlets, never tuned on. The annotation lines are checked on their own, then
// joined with the PolNeAR texts beside the repo and checked against the text.

import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lintAnnotations } from "./helpers/gold-lint.js";
import {
  checkGoldArticle,
  loadDevGold,
  loadHeldoutGold,
  POLNEAR_TRAIN_TEXT_DIR,
  polnearTrainName,
  readDevAnnotations,
  readHeldoutAnnotations,
  type GoldArticle,
} from "../src/eval/dev-gold.js";

const repoRoot = resolve(import.meta.dirname, "..");
const annotations = readHeldoutAnnotations(repoRoot);
const corpusPresent = existsSync(resolve(repoRoot, POLNEAR_TRAIN_TEXT_DIR));

describe("held-out annotations (without text)", () => {
  it("holds at least 12 articles with unique ids", () => {
    expect(annotations.length).toBeGreaterThanOrEqual(12);
    expect(new Set(annotations.map((a) => a.id)).size).toBe(annotations.length);
  });

  it("never stores article text (the corpus must not be copied)", () => {
    for (const a of annotations) expect(Object.keys(a), a.id).not.toContain("text");
  });

  it("uses only the PolNeAR train split and names each record after its file", () => {
    for (const a of annotations) {
      expect(a.corpus, a.id).toBe("polnear");
      const name = polnearTrainName(a.corpus_id);
      expect(name, `${a.id}: corpus_id ${a.corpus_id}`).not.toBeNull();
      expect(a.id, a.id).toBe(`polnear-${name}`);
      expect(a.source, a.id).toBe(`polnear/train/${name}.txt`);
      expect(a.date, a.id).toBeNull();
    }
  });

  it("accepts only train/<file name> corpus ids", () => {
    expect(polnearTrainName("train/nyt_2015-12-22_trump-says-praise-from-putin-hel")).toBe(
      "nyt_2015-12-22_trump-says-praise-from-putin-hel",
    );
    for (const id of ["dev/nyt_x", "test/nyt_x", "train/../dev/nyt_x", "train/a/b", "nyt_x"]) {
      expect(polnearTrainName(id), id).toBeNull();
    }
  });

  it("draws on several publishers and shares no id with the dev set", () => {
    const publishers = new Set(annotations.map((a) => polnearTrainName(a.corpus_id)?.split("_")[0]));
    expect(publishers.size).toBeGreaterThanOrEqual(5);
    const devIds = new Set(readDevAnnotations(repoRoot).map((a) => a.id));
    for (const a of annotations) expect(devIds.has(a.id), a.id).toBe(false);
  });

  lintAnnotations(() => annotations);

});

describe.skipIf(!corpusPresent)("held-out gold joined with the PolNeAR train texts", () => {
  it("loads: every alias, evidence and quote is in the article text", () => {
    const gold = loadHeldoutGold(repoRoot);
    expect(gold.length).toBe(annotations.length);
    for (const a of gold) expect(checkGoldArticle(a), a.id).toEqual([]);
  });

  it("takes the title from the first line of the text", () => {
    for (const a of loadHeldoutGold(repoRoot)) expect(a.text.split("\n", 1)[0], a.id).toBe(a.title);
  });

  it("reports an evidence that is not in the text", () => {
    const [first] = loadHeldoutGold(repoRoot);
    if (!first) throw new Error("no held-out articles");
    const broken: GoldArticle = {
      ...first,
      relations: [{ ...first.relations[0]!, evidence: "this sentence is not in the article" }],
    };
    expect(checkGoldArticle(broken).join("\n")).toMatch(/evidence not found/);
  });
});

describe.skipIf(!existsSync(resolve(repoRoot, "../shared/corpora/news/bbc/bbc.jsonl")))("dev set still loads", () => {
  it("loadDevGold is unaffected by the held-out loader", () => {
    expect(loadDevGold(repoRoot).length).toBe(readDevAnnotations(repoRoot).length);
  });
});
