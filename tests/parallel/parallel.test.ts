// Parallel extraction must be invisible in the output: the seeds plus 50 BBC articles give the same graph bytes on
// worker threads as with the plain extractArticle loop, and events come back in input order. Duplicate texts are
// extracted once.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractArticle } from "../../src/pipeline/article.js";
import { buildGraph } from "../../src/graph/build.js";
import { stringifyGraph } from "../../src/export/json.js";
import { streamInputs, type IngestEvent } from "../../src/ingest/index.js";
import { extractAll, textKey } from "../../src/parallel/index.js";
import type { RawArticle } from "../../src/types.js";

const BBC = "../shared/corpora/news/bbc/bbc.jsonl";

async function readArticles(paths: string[], limit: number): Promise<RawArticle[]> {
  const out: RawArticle[] = [];
  for await (const e of streamInputs(paths)) {
    if (e.type !== "article") continue;
    out.push(e.article);
    if (out.length >= limit) break;
  }
  return out;
}

async function* events(articles: readonly RawArticle[]): AsyncGenerator<IngestEvent> {
  for (const article of articles) yield { type: "article", article: structuredClone(article) };
}

const articles = [...(await readArticles(["seeds"], 10)), ...(existsSync(BBC) ? await readArticles([BBC], 50) : [])];

describe("parallel extraction", () => {
  it("reads the fixture set (seeds + 50 BBC articles)", () => {
    expect(articles.length).toBeGreaterThanOrEqual(52);
  });

  it("writes byte-identical graphs on workers and with the plain loop, with events in input order", async () => {
    const plain = stringifyGraph(buildGraph(articles.map((a) => extractArticle(a))));
    // One pool for everything (worker start-up is the slow part): a problem first and a failing article last.
    async function* mixed(): AsyncGenerator<IngestEvent> {
      yield { type: "problem", problem: { path: "x.jsonl", line: 1, severity: "warning", message: "no text" } };
      yield* events(articles);
      yield { type: "article", article: { id: "bad", text: null as unknown as string, title: null, date: null, source: "bad.txt" } };
    }
    const seen: string[] = [];
    const pooled = await extractAll(mixed(), {
      workers: 2, minParallel: 0, maxInFlight: 5, dedupe: false,
      onEvent(e) { seen.push(e.type === "extraction" ? e.extraction.article.id : e.type === "failed" ? `failed:${e.article.id}` : e.type); },
    });
    expect(seen).toEqual(["problem", ...articles.map((a) => a.id), "failed:bad"]);
    expect(pooled.failed).toBe(1);
    expect(stringifyGraph(buildGraph(pooled.extractions))).toBe(plain);
  }, 120_000);

  it("extracts a repeated text once and lists every copy's id and source on the first", async () => {
    const [a, b] = articles as [RawArticle, RawArticle];
    const copy: RawArticle = { ...a, id: "~copy-of-a", source: "elsewhere.txt" };
    const input = [a, b, copy, { ...copy, id: "~copy-2", source: "third.txt" }];
    const result = await extractAll(events(input), { workers: 2 }); // under minParallel: extracted in this thread
    expect(result.duplicates).toBe(2);
    expect(result.extractions.map((x) => x.article.id)).toEqual([a.id, b.id]);
    expect(result.extractions[0]?.article.duplicates).toEqual([{ id: "~copy-2", source: "third.txt" }, { id: "~copy-of-a", source: "elsewhere.txt" }]);
    expect(result.words).toBe(result.extractions[0]!.words + result.extractions[1]!.words);
    const graph = buildGraph(result.extractions, { layout: false });
    expect(graph.attributes.articles.map((m) => m.id)).toEqual([a.id, b.id].sort());
  });

  it("lets the smallest id speak for copies of one text, so input order does not change the graph", async () => {
    const [a, b] = articles as [RawArticle, RawArticle];
    const early: RawArticle = { ...a, id: "0-early-copy", source: "early.txt", title: "Another headline" };
    const forward = await extractAll(events([a, b, early]), { workers: 2 });
    const backward = await extractAll(events([early, b, a]), { workers: 2 });
    expect(forward.extractions.map((x) => x.article.id).sort()).toEqual([early.id, b.id].sort());
    const graph = (x: typeof forward) => stringifyGraph(buildGraph(x.extractions, { layout: false }));
    expect(graph(forward)).toBe(graph(backward));
    expect(graph(forward)).not.toContain(`"document": "${a.id}"`);
  });

  it("keys texts on their exact characters, as the store does", () => {
    expect(textKey("a b c")).toBe(textKey("a b c"));
    // the store's definition: a re-wrapped copy is another text (its evidence offsets differ)
    expect(textKey("a  b\n\nc ")).not.toBe(textKey("a b c"));
  });
});
