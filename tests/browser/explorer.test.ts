// The queried explorer (`newsgraph view --db`) in headless Chromium, on every store back end: it opens on the most
// connected entities, then search -> expand a neighbourhood -> open evidence, page by page. Also the focus view
// of a graph JSON too large to draw whole.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderApiHtml } from "../../src/export/html.js";
import { extractArticle } from "../../src/pipeline/article.js";
import { readInputs } from "../../src/ingest/index.js";
import { serveExplorer, type ViewServer } from "../../src/server/http.js";
import { memoryQuery } from "../../src/server/memory.js";
import { refreshPublishedGraph } from "../../src/store/build.js";
import { contentHash, openStore, type IngestItem, type Store } from "../../src/store/index.js";
import { syntheticGraph } from "../fixtures/viz/synthetic.js";
import { BACKENDS } from "../store/backends.js";
import { chromiumAvailable, inkedPixels, launchChromium, waitForPage } from "./chromium.js";

interface Hooks {
  mode: string;
  expansions?: number;
  graph: { order: number; size: number; hasNode(k: string): boolean };
}
const hooks = (page: Page) => page.evaluate(() => {
  const n = (window as unknown as { newsgraph: Hooks }).newsgraph;
  return { mode: n.mode, expansions: n.expansions ?? 0, order: n.graph.order, size: n.graph.size, khan: n.graph.hasNode("person:masood-khan") };
});

let browser: Browser;
let items: IngestItem[] = [];
const errors: string[] = [];

beforeAll(async () => {
  if (!chromiumAvailable()) return;
  const { articles } = await readInputs(["seeds"]);
  items = articles.map((a) => ({ extraction: extractArticle(a), hash: contentHash(a.text) }));
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  for (const b of BACKENDS) await b.cleanup();
});

async function open(url: string): Promise<Page> {
  errors.length = 0;
  const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(url);
  const ready = await waitForPage(page, 60_000);
  expect(ready.error).toBeUndefined();
  return page;
}

describe.skipIf(!chromiumAvailable())("queried explorer in Chromium", () => {
  describe.each(BACKENDS)("on $name", (backend) => {
    let store: Store;
    let view: ViewServer;
    beforeAll(async () => {
      if (!backend.available) return;
      store = await openStore(await backend.fresh());
      await store.ingest(items);
      await refreshPublishedGraph(store);
      view = await serveExplorer(store.query, await renderApiHtml({ api: "api/", title: "seeds" }));
    }, 120_000);
    afterAll(async () => {
      await view?.close();
      await store?.close();
    });

    it.skipIf(!backend.available)("opens on the top entities, then search, expand a neighbourhood, open evidence", async () => {
      const page = await open(view.url);
      const first = await hooks(page);
      expect(first.mode).toBe("api");
      expect(first.order).toBeGreaterThan(5);
      expect(await inkedPixels(page)).toBeGreaterThan(50);
      expect(await page.textContent("#stats")).toMatch(/of 26 entities/);

      // search (the database's text index) and choose a hit
      await page.fill("#search", "isteq");
      await page.waitForSelector("#search-results li[data-node]");
      expect(await page.textContent("#search-results")).toContain("Operation Azmi Istekam");
      await page.fill("#search", "masood");
      await page.waitForSelector('#search-results li[data-node="person:masood-khan"]');
      await page.dispatchEvent('#search-results li[data-node="person:masood-khan"]', "mousedown");

      // its neighbourhood is fetched and added to the drawing
      await page.waitForFunction(() => ((window as unknown as { newsgraph: Hooks }).newsgraph.expansions ?? 0) >= 1);
      const after = await hooks(page);
      expect(after.khan).toBe(true);
      expect(await page.textContent("#panel-title")).toBe("Masood Khan");

      // evidence, page by page: 10 first, then the rest on "Show more"
      await page.waitForSelector(".paged.evidence li.evidence");
      expect(await page.locator(".paged.evidence li.evidence").count()).toBe(10);
      await page.click(".more-evidence");
      await page.waitForFunction(() => document.querySelectorAll(".paged.evidence li.evidence").length > 10);
      const total = Number(await page.textContent(".panel-section:has(.paged.evidence) .count"));
      expect(await page.locator(".paged.evidence li.evidence").count()).toBe(total);
      expect(await page.locator(".paged.quotes li").count()).toBeGreaterThan(0);

      // expand from the panel adds a second-hop neighbourhood
      await page.selectOption("#hops", "2");
      await page.click(".panel-head .expand");
      await page.waitForFunction(() => ((window as unknown as { newsgraph: Hooks }).newsgraph.expansions ?? 0) >= 2);
      expect(errors).toEqual([]);
      await page.close();
    }, 120_000);
  });

  it("serves a graph JSON too large to draw through the same focus view", async () => {
    const graph = syntheticGraph({ nodes: 20_000, edges: 60_000 });
    const view = await serveExplorer(memoryQuery(graph), await renderApiHtml({ api: "api/", title: "big" }));
    try {
      const page = await open(view.url);
      const h = await hooks(page);
      expect(h.mode).toBe("api");
      expect(h.order).toBeLessThanOrEqual(60);
      expect(h.order).toBeGreaterThan(10);
      await page.close();
    } finally {
      await view.close();
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
