// Joins the dev annotations (tests/fixtures/dev/dev-annotations.jsonl, no article text) with the BBC
// corpus beside the repo, checks every evidence and quote against the text, and writes a complete gold
// JSONL plus one .txt per article so the build can be run on them and scored.
// With `--set heldout` it does the same for the held-out set (tests/fixtures/heldout/heldout-annotations.jsonl,
// joined with the PolNeAR train texts), by default into out/heldout-gold.jsonl and out/heldout-articles/.
//
//   npx tsx scripts/materialize-dev-gold.ts [--set dev|heldout] [--out out/dev-gold.jsonl] [--articles out/dev-articles]
//
// The output folder `out/` is build output: never commit it (it holds corpus text).

import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { DevGoldError, loadDevGold, loadHeldoutGold, type GoldArticle } from "../src/eval/dev-gold.js";

function option(args: string[], name: string, fallback: string): string {
  const i = args.indexOf(name);
  if (i === -1) return fallback;
  const value = args[i + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`materialize-dev-gold: ${name} needs a value`);
  return value;
}

function main(): number {
  const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
  const args = process.argv.slice(2);
  const set = option(args, "--set", "dev");
  if (set !== "dev" && set !== "heldout") throw new Error(`materialize-dev-gold: --set must be dev or heldout, not "${set}"`);
  const out = resolve(option(args, "--out", join(repoRoot, `out/${set}-gold.jsonl`)));
  const articlesDir = resolve(option(args, "--articles", join(repoRoot, `out/${set}-articles`)));

  let articles: GoldArticle[];
  try {
    articles = set === "heldout" ? loadHeldoutGold(repoRoot) : loadDevGold(repoRoot);
  } catch (error) {
    if (error instanceof DevGoldError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }

  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, articles.map((a) => JSON.stringify(a)).join("\n") + "\n");
  mkdirSync(articlesDir, { recursive: true });
  for (const a of articles) writeFileSync(join(articlesDir, `${a.id}.txt`), a.text);

  const count = (f: (a: GoldArticle) => number) => articles.reduce((n, a) => n + f(a), 0);
  console.log(
    `${set}-gold: ${articles.length} articles, ${count((a) => a.entities.length)} entities, ` +
      `${count((a) => a.relations.length)} relations, ${count((a) => a.quotes.length)} quotes -> ${out}, ${articlesDir}/`,
  );
  return 0;
}

process.exitCode = main();
