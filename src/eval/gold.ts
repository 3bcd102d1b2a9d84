import { readFileSync } from "node:fs";
import { extractArticle } from "../pipeline/article.js";
import { buildGraph } from "../graph/build.js";
import type { GoldArticle } from "./dev-gold.js";
import { scoreGraph, totals, type GoldScore } from "./graph-score.js";

export function readGoldFile(file: string): GoldArticle[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((line, i) => {
    try {
      return JSON.parse(line) as GoldArticle;
    } catch (err) {
      throw new Error(`${file}:${i + 1}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}

/** Builds each gold article's graph alone (as the referee expects) and scores it. */
export function evaluateGold(golds: readonly GoldArticle[]): GoldScore {
  return totals(golds.map((g) => {
    const x = extractArticle({ id: g.id, text: g.text, title: g.title, date: g.date, source: g.source });
    return scoreGraph(g, buildGraph([x], { layout: false }));
  }));
}
