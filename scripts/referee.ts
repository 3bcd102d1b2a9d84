// Builds one graph per article of a gold JSONL (as the referee expects: DIR/<id>.json, each from its article
// alone) and runs the referee on them: `npm run referee -- ../shared/gold/web-news-dev.jsonl [DIR]`.
// The referee is ../shared/tools/score.mjs; it is run, never copied.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stringifyGraph } from "../src/export/json.js";
import { readGoldFile } from "../src/eval/gold.js";
import { extractArticle } from "../src/pipeline/article.js";
import { buildGraph } from "../src/graph/build.js";

const [gold, outArg] = process.argv.slice(2);
if (!gold) {
  console.error("usage: tsx scripts/referee.ts GOLD.jsonl [OUT_DIR]");
  process.exit(2);
}
const out = outArg ?? path.join("out", "referee", path.basename(gold, ".jsonl"));
for (const g of readGoldFile(gold)) {
  const x = extractArticle({ id: g.id, text: g.text, title: g.title, date: g.date, source: g.source });
  const file = path.join(out, `${g.id}.json`);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, stringifyGraph(buildGraph([x], { layout: false })));
}
const referee = path.resolve("../shared/tools/score.mjs");
process.stdout.write(execFileSync("node", [referee, gold, out], { encoding: "utf8" }));
