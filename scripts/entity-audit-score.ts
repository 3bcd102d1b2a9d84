// Entity precision on news no rule was written from: the judged nodes of tests/fixtures/entity-audit/*.jsonl
// (BBC and Reuters-21578 articles, every node of one or two code versions judged against ../shared/gold/README.md's
// kinds; see the README there) scored against what the current code extracts from each article alone.
// Usage: npx tsx scripts/entity-audit-score.ts [--list]   (--list prints the nodes no judgement covers)
import { readdirSync, readFileSync } from "node:fs";
import { extractArticle } from "../src/pipeline/article.js";

interface Judgement {
  article: string;
  name: string;
  kind: string;
  verdict: "OK" | "WRONG_KIND" | "NOT_ENTITY" | "TRUNCATED" | "DUPLICATE" | "MISSED";
}

const FIXTURES = new URL("../tests/fixtures/entity-audit/", import.meta.url).pathname;
const NEWS = new URL("../../shared/corpora/news/", import.meta.url).pathname;

function jsonl<T>(file: string): T[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as T);
}

/** The audited articles' texts, by the ids the judgements use ("politics/007", "reuters/10"). */
function articles(ids: ReadonlySet<string>): Map<string, { title: string; text: string }> {
  const out = new Map<string, { title: string; text: string }>();
  for (const d of jsonl<{ id: string; title: string; text: string }>(`${NEWS}bbc/bbc.jsonl`)) if (ids.has(d.id)) out.set(d.id, d);
  for (const d of jsonl<{ id: number; title: string; text: string }>(`${NEWS}reuters21578/reuters21578.jsonl`)) {
    if (ids.has(`reuters/${d.id}`)) out.set(`reuters/${d.id}`, d);
  }
  return out;
}

const list = process.argv.includes("--list");
for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith(".jsonl")).sort()) {
  const judged = jsonl<Judgement>(FIXTURES + file);
  const byNode = new Map(judged.filter((j) => j.verdict !== "MISSED").map((j) => [`${j.article}|${j.name}|${j.kind}`, j.verdict]));
  const texts = articles(new Set(judged.map((j) => j.article)));
  const counts: Record<string, number> = {};
  for (const [id, a] of texts) {
    const x = extractArticle({ id, text: a.text, title: a.title, date: null, source: id });
    for (const e of x.entities) {
      const verdict = byNode.get(`${id}|${e.name}|${e.kind}`) ?? "unjudged";
      counts[verdict] = (counts[verdict] ?? 0) + 1;
      if (list && verdict === "unjudged") console.log(`  unjudged ${id}\t${e.kind}\t${e.name}`);
    }
  }
  const nodes = Object.values(counts).reduce((a, b) => a + b, 0);
  const judgedNodes = nodes - (counts.unjudged ?? 0);
  const ok = counts.OK ?? 0;
  console.log(
    `${file}: ${texts.size} articles, ${nodes} nodes; OK ${ok} / judged ${judgedNodes} = ${(ok / judgedNodes).toFixed(3)} ` +
      `(unjudged ${counts.unjudged ?? 0}: read them with --list); ${JSON.stringify(counts)}`,
  );
}
