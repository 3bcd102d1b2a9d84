// Builds one graph per gold article (as `newsgraph build FILE --no-layout` would) into a folder and runs the
// shared referee on it, so figures come from the referee's own code, not from src/eval.
// Usage: npx tsx scripts/referee.ts GOLD.jsonl [OUT_DIR]
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readGoldFile } from "../src/eval/gold.js";
import { extractArticle } from "../src/extract/index.js";
import { buildGraph } from "../src/graph/build.js";

const gold = process.argv[2];
if (!gold) throw new Error("usage: tsx scripts/referee.ts GOLD.jsonl [OUT_DIR]");
const dir = process.argv[3] ?? path.join("out", "referee", path.basename(gold, ".jsonl"));
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
for (const g of readGoldFile(gold)) {
  const x = extractArticle({ id: g.id, text: g.text, title: g.title, date: g.date, source: g.source });
  writeFileSync(path.join(dir, `${g.id}.json`), JSON.stringify(buildGraph([x], { layout: false })));
}
const referee = new URL("../../shared/tools/score.mjs", import.meta.url).pathname;
process.stdout.write(execFileSync("node", [referee, gold, dir], { encoding: "utf8" }));
