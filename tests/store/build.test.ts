// Store round trips through the real merge: what a build from the store gives after ingest and remove.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { toGraphJson } from "../../src/export/json.js";
import { extractArticle } from "../../src/extract/index.js";
import { mergeExtractions } from "../../src/graph/merge.js";
import { readInputs, streamInputs } from "../../src/ingest/index.js";
import { graphFromStore } from "../../src/store/build.js";
import { contentHash, openStore } from "../../src/store/index.js";
import type { ArticleExtraction, RawArticle } from "../../src/types.js";
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

async function extractAll(raws: RawArticle[]): Promise<Map<string, ArticleExtraction>> {
  return new Map(raws.map((r) => [r.id, extractArticle(r)]));
}

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


  const bbc = "../shared/corpora/news/bbc/bbc.jsonl";
  it.skipIf(!existsSync(bbc))("the BBC corpus: two halves give the same graph JSON as all at once", async () => {
    const raws: RawArticle[] = [];
    for await (const event of streamInputs([bbc])) if (event.type === "article") raws.push(event.article);
    expect(raws.length).toBe(2225);
    const extracted = await extractAll(raws);
    const extract = (r: RawArticle) => extracted.get(r.id)!;

    const once = await openStore(newFile());
    await once.ingestArticles(raws, extract);
    const halves = await openStore(newFile());
    const half = Math.floor(raws.length / 2);
    await halves.ingestArticles(raws.slice(half).reverse(), extract);
    await halves.ingestArticles(raws.slice(0, half), extract);
    expect(await halves.listArticles()).toEqual(await once.listArticles());
    // same texts are stored once, under the smallest id, whatever the order of ingest
    const kept = new Set((await once.listArticles()).map((x) => x.id));
    expect(kept.size).toBeLessThan(raws.length);
    await once.close();
    await halves.close();
    const a = await graphFromStore(once.location);
    const b = await graphFromStore(halves.location);
    expect(a.nodes.length).toBeGreaterThan(50);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));

    // Remove the article behind the most edges: what only it supported goes, the rest loses its evidence.
    const edgesByDoc = new Map<string, number>();
    for (const e of a.edges) for (const d of new Set(e.attributes.evidence.map((ev) => ev.document))) edgesByDoc.set(d, (edgesByDoc.get(d) ?? 0) + 1);
    const [victim] = [...edgesByDoc].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0]!;
    const store = await openStore(halves.location);
    expect(await store.remove(victim)).toBe(true);
    await store.close();
    const after = await graphFromStore(halves.location);
    expect(after).toEqual(toGraphJson(mergeExtractions(raws.filter((r) => r.id !== victim && kept.has(r.id)).map(extract))));
    expect(after.attributes.articles.map((x) => x.id)).not.toContain(victim);
    for (const node of after.nodes) expect(node.attributes.documents).not.toContain(victim);
    const afterKeys = new Set(after.edges.map((e) => e.key));
    for (const e of a.edges) {
      const others = e.attributes.evidence.filter((ev) => ev.document !== victim);
      if (others.length === 0) expect(afterKeys.has(e.key)).toBe(false);
      for (const ev of after.edges.find((x) => x.key === e.key)?.attributes.evidence ?? []) expect(ev.document).not.toBe(victim);
    }
    expect(after.edges.length).toBeLessThan(a.edges.length);
  }, 600_000);
});
