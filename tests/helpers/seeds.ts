import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { extractArticle } from "../../src/pipeline/article.js";
import { buildGraph } from "../../src/graph/build.js";
import { stringifyGraph } from "../../src/export/json.js";
import { textMeta } from "../../src/ingest/index.js";
import type { RawArticle } from "../../src/types.js";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const GOLDEN_FILE = path.join(ROOT, "tests/fixtures/golden/seeds-graph.json");
export const SHARED = path.resolve(ROOT, "../shared");

export function seedArticles(): RawArticle[] {
  const dir = path.join(ROOT, "seeds");
  return readdirSync(dir).filter((f) => f.endsWith(".txt")).sort().map((f) => {
    const text = readFileSync(path.join(dir, f), "utf8");
    const meta = textMeta(text, false);
    return { id: `seeds/${f.replace(/\.txt$/, "")}`, text, title: meta.title, date: meta.date, source: `seeds/${f}` };
  });
}

/** The seeds' graph JSON exactly as `newsgraph build seeds` writes it. */
export async function buildSeedsGraph(order: "sorted" | "reversed" = "sorted"): Promise<string> {
  const articles = seedArticles();
  if (order === "reversed") articles.reverse();
  return stringifyGraph(buildGraph(articles.map(extractArticle)));
}
