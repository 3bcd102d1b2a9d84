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
import type { ArticleExtraction } from "../../src/types.js";
import { extraction } from "./fixtures.js";

const dir = mkdtempSync(join(tmpdir(), "newsgraph-store-build-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newFile = () => join(dir, `store-${n++}.db`);

async function storeWith(items: ArticleExtraction[], file = newFile()): Promise<string> {
  const store = await openStore(file);
  await store.ingest(items.map((x) => ({ extraction: x, hash: contentHash(JSON.stringify(x)) })));
  await store.close();
  return file;
}

async function labels(file: string): Promise<string[]> {
  return (await graphFromStore(file)).nodes.map((node) => node.attributes.label).sort();
}

describe("graphFromStore with hand-made extractions", () => {
  const a = extraction("a", "Ana López", "France");
  const b = extraction("b", "Ana López", "Germany");
  const c = extraction("c", "John Smith", "France", "met");

  it("builds the same graph as merging the extractions directly", async () => {
    const file = await storeWith([c, a, b]);
    expect(await graphFromStore(file)).toEqual(toGraphJson(mergeExtractions([a, b, c])));
  });

  it("drops entities and edges left without evidence when an article is removed", async () => {
    const file = await storeWith([a, b, c]);
    const before = await graphFromStore(file);
    expect(await labels(file)).toContain("Germany");
    const store = await openStore(file);
    expect(await store.remove("b")).toBe(true);
    await store.close();
    const after = await graphFromStore(file);
    expect(await labels(file)).not.toContain("Germany");
    expect(after.edges.length).toBe(before.edges.length - 1);
    expect(after.attributes.articles.map((x) => x.id)).toEqual(["a", "c"]);
    for (const e of after.edges) for (const ev of e.attributes.evidence) expect(ev.document).not.toBe("b");
    expect(after).toEqual(toGraphJson(mergeExtractions([a, c])));
  });
});

describe("store with real articles", () => {
  it("seeds: ingest then build equals a direct build; a second ingest skips everything", async () => {
    const { articles } = await readInputs(["seeds"]);
    expect(articles.length).toBeGreaterThan(0);
    const file = newFile();
    const store = await openStore(file);
    expect((await store.ingestArticles(articles, extractArticle)).added).toHaveLength(articles.length);
    const again = await store.ingestArticles(articles, () => {
      throw new Error("an already-seen article must not be extracted again");
    });
    expect(again.skipped).toHaveLength(articles.length);
    await store.close();
    expect(await graphFromStore(file)).toEqual(toGraphJson(mergeExtractions(articles.map(extractArticle))));
  }, 60_000);

});
