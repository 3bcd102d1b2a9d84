// Accuracy floors on gold data: a regression below these fails CI. Measured values are in the comments.
import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateGold, readGoldFile } from "../src/eval/gold.js";
import { loadDevGold, loadHeldoutGold } from "../src/eval/dev-gold.js";
import { ROOT, SHARED } from "./helpers/seeds.js";

const SEEDS_GOLD = path.join(SHARED, "gold/seeds.jsonl");

describe("accuracy floors", () => {
  it.runIf(existsSync(SEEDS_GOLD))("seeds gold: entities, relations, quotations", () => {
    const s = evaluateGold(readGoldFile(SEEDS_GOLD));
    expect(s.entities.f).toBeGreaterThanOrEqual(0.95); // measured 1.000
    expect(s.relations.f).toBeGreaterThanOrEqual(0.95); // measured 0.986
    expect(s.quotes.f).toBeGreaterThanOrEqual(0.95); // measured 1.000
  });

  for (const split of ["dev", "train"] as const) {
    const file = path.join(SHARED, `gold/web-news-${split}.jsonl`);
    it.runIf(existsSync(file))(`web-news ${split}: entities with the right kind, typed relations, quotations`, () => {
      const s = evaluateGold(readGoldFile(file));
      expect(s.typedEntities.f).toBeGreaterThanOrEqual(WEB_NEWS_FLOORS[split].entities);
      expect(s.relations.f).toBeGreaterThanOrEqual(WEB_NEWS_FLOORS[split].relations);
      expect(s.quotes.f).toBeGreaterThanOrEqual(WEB_NEWS_FLOORS[split].quotes);
    });
  }

  it.runIf(existsSync(path.join(SHARED, "corpora/news/bbc/bbc.jsonl")))("dev set (19 BBC articles)", () => {
    const s = evaluateGold(loadDevGold(ROOT));
    expect(s.entities.f).toBeGreaterThanOrEqual(DEV_FLOORS.entities);
    expect(s.relations.f).toBeGreaterThanOrEqual(DEV_FLOORS.relations);
    expect(s.quotes.f).toBeGreaterThanOrEqual(DEV_FLOORS.quotes);
  });

  it.runIf(existsSync(path.join(SHARED, "corpora/polnear/train/text")))("held-out set (15 PolNeAR articles, never tuned on)", () => {
    const s = evaluateGold(loadHeldoutGold(ROOT));
    expect(s.entities.f).toBeGreaterThanOrEqual(HELDOUT_FLOORS.entities);
    expect(s.relations.f).toBeGreaterThanOrEqual(HELDOUT_FLOORS.relations);
    expect(s.quotes.f).toBeGreaterThanOrEqual(HELDOUT_FLOORS.quotes);
  });
});

// Measured values minus about 0.02; raise them when accuracy improves.
// (A demonym alone no longer makes a country, as the web-news gold has it: BBC dev relations 0.435 -> 0.420.)
const DEV_FLOORS = { entities: 0.89, relations: 0.42, quotes: 0.89 }; // measured 0.911 / 0.441 / 0.911
const HELDOUT_FLOORS = { entities: 0.86, relations: 0.38, quotes: 0.85 }; // measured 0.879 / 0.399 / 0.876
// web-news train and dev (shared gold, tuned on; test is never read here), with parsing on (the default)
const WEB_NEWS_FLOORS = {
  dev: { entities: 0.91, relations: 0.56, quotes: 0.86 }, // measured 0.938 / 0.591 / 0.889 (referee: the same)
  train: { entities: 0.88, relations: 0.47, quotes: 0.84 }, // measured 0.903 / 0.499 / 0.870
};
