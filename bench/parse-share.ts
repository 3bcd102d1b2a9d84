// How much of extraction the parser takes inside the pipeline, where it runs slower than in `bench:parse`
// (other stages evict its tables from the caches between articles): extracts N BBC articles in this thread after a
// warm-up, timing every call of the annotator by CPU time.
//   npx tsx bench/parse-share.ts [--limit 700] [--warm 200]
import { streamInputs } from "../src/ingest/index.js";
import { loadAnnotator } from "../src/nlp/parse/index.js";
import { extractArticle } from "../src/pipeline/article.js";
import type { RawArticle } from "../src/types.js";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const limit = Number(option("limit", "700"));
const warm = Number(option("warm", "200"));
const corpus = new URL("../../shared/corpora/news/bbc/bbc.jsonl", import.meta.url).pathname;
const articles: RawArticle[] = [];
for await (const e of streamInputs([corpus])) {
  if (e.type === "article") articles.push(e.article);
  if (articles.length >= limit) break;
}
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const annotator = loadAnnotator();
const analyse = annotator.analyse.bind(annotator);
let parseMs = 0, words = 0, sentences = 0;
annotator.analyse = (w: readonly string[]) => {
  const c = cpuMs();
  const out = analyse(w);
  parseMs += cpuMs() - c;
  words += w.length;
  sentences++;
  return out;
};
for (const a of articles.slice(0, warm)) extractArticle(a);
parseMs = words = sentences = 0;
const c0 = cpuMs();
for (const a of articles.slice(warm)) extractArticle(a);
const total = cpuMs() - c0;
console.log(`${articles.length - warm} articles after ${warm} of warm-up: extraction ${total.toFixed(0)} ms CPU, of which tagging + parsing ${parseMs.toFixed(0)} ms (${((100 * parseMs) / total).toFixed(0)}%)`);
console.log(`${sentences} sentences, ${words} words parsed: ${Math.round((words / parseMs) * 1000)} words per CPU second in the pipeline`);
