import { readJsonLines } from "../util/jsonl.js";
import { extractArticle } from "../pipeline/article.js";
import { buildGraph } from "../graph/build.js";
import type { GoldArticle } from "./dev-gold.js";
import { scoreGraph, totals, type GoldScore } from "./graph-score.js";

export function readGoldFile(file: string): GoldArticle[] {
  return readJsonLines<GoldArticle>(file);
}

/** Builds each gold article's graph alone (as the referee expects) and scores it. */
export function evaluateGold(golds: readonly GoldArticle[]): GoldScore {
  return totals(golds.map((g) => {
    const x = extractArticle({ id: g.id, text: g.text, title: g.title, date: g.date, source: g.source });
    return scoreGraph(g, buildGraph([x], { layout: false }));
  }));
}
