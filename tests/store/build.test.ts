// Store round trips through the real merge: what a build from the store gives after ingest and remove.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toGraphJson } from "../../src/export/json.js";
import { extractArticle } from "../../src/pipeline/article.js";
import { mergeExtractions } from "../../src/graph/merge.js";
import { readInputs } from "../../src/ingest/index.js";
import { graphFromStore } from "../../src/store/build.js";
import { contentHash, openStore } from "../../src/store/index.js";
import type { ArticleExtraction, RawArticle } from "../../src/types.js";
import { extraction } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "newsgraph-store-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => join(dir, `store-${n++}.db`);

function storeWith(items: ArticleExtraction[], file = newFile()): string {
  const store = openStore(file);
  store.ingest(items.map((x) => ({ extraction: x, hash: contentHash(JSON.stringify(x)) })));
  store.close();
  return file;
}

function labels(file: string): string[] {
  return graphFromStore(file).nodes.map((node) => node.attributes.label).sort();
}

describe("graphFromStore with hand-made extractions", () => {
  const a = extraction("a", "Ana López", "France");
  const b = extraction("b", "Ana López", "Germany");
  const c = extraction("c", "John Smith", "France", "met");

  it("builds the same graph as merging the extractions directly", () => {
    const file = storeWith([c, a, b]);
    expect(graphFromStore(file)).toEqual(toGraphJson(mergeExtractions([a, b, c])));
  });

  it("drops entities and edges left without evidence when an article is removed", () => {
    const file = storeWith([a, b, c]);
    const before = graphFromStore(file);
    expect(labels(file)).toContain("Germany");
    const store = openStore(file);
    expect(store.remove("b")).toBe(true);
    store.close();
    const after = graphFromStore(file);
    expect(labels(file)).not.toContain("Germany");
    expect(after.edges.length).toBe(before.edges.length - 1);
    expect(after.attributes.articles.map((x) => x.id)).toEqual(["a", "c"]);
    for (const e of after.edges) for (const ev of e.attributes.evidence) expect(ev.document).not.toBe("b");
    expect(after).toEqual(toGraphJson(mergeExtractions([a, c])));
  });
});

async function extractAll(raws: RawArticle[]): Promise<Map<string, ArticleExtraction>> {
  return new Map(raws.map((r) => [r.id, extractArticle(r)]));
}

describe("store with real articles", () => {
  it("seeds: ingest then build equals a direct build; a second ingest skips everything", async () => {
    const { articles } = await readInputs(["seeds"]);
    expect(articles.length).toBeGreaterThan(0);
    const file = newFile();
    const store = openStore(file);
    expect(store.ingestArticles(articles, extractArticle).added).toHaveLength(articles.length);
    const again = store.ingestArticles(articles, () => {
      throw new Error("an already-seen article must not be extracted again");
    });
    expect(again.skipped).toHaveLength(articles.length);
    store.close();
    expect(graphFromStore(file)).toEqual(toGraphJson(mergeExtractions(articles.map(extractArticle))));
  }, 60_000);

  it("keeps one copy of a text, the smallest id, whatever the order", () => {
    const text = "Pakistan urged the United States to help. Khan said so.";
    const raw = (id: string): RawArticle => ({ id, text, title: null, date: null, source: `${id}.txt` });
    const ids = (order: string[]) => {
      const store = openStore(newFile());
      for (const id of order) store.ingestArticle(raw(id), extractArticle);
      const out = store.listArticles().map((a) => a.id);
      store.close();
      return out;
    };
    expect(ids(["b", "a", "c"])).toEqual(["a"]);
    expect(ids(["c", "b", "a"])).toEqual(["a"]);
  });
});
