// The exploration page in headless Chromium (Debian's /usr/bin/chromium, WebGL on SwiftShader).
// Screenshots go to tests/artifacts/ (gitignored).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeHtml } from "../../src/export/html.js";
import { serveGraph } from "../../src/cli/commands/view.js";
import { syntheticGraph } from "../fixtures/viz/synthetic.js";
import { sampleJson } from "../viz/fixture.js";
import { chromiumAvailable, inkedPixels, launchChromium, waitForPage } from "./chromium.js";

const ARTIFACTS = new URL("../artifacts/", import.meta.url);
const VIEWPORT = { width: 1400, height: 860 };

interface Hooks {
  renderer: {
    getNodeDisplayData(n: string): { x: number; y: number; hidden: boolean; color: string } | undefined;
    getEdgeDisplayData(e: string): { hidden: boolean } | undefined;
    framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
  };
  display(): { focusCenter: string | null; selectedEdge: string | null; colorMode: string };
  selectNode(n: string): void;
}

describe.skipIf(!chromiumAvailable())("exploration page in Chromium", () => {
  let browser: Browser;
  let dir: string;
  let sampleUrl: string;
  let bigUrl: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), "newsgraph-page-"));
    await writeHtml(sampleJson(), join(dir, "sample.html"));
    await writeHtml(syntheticGraph({ nodes: 20_000, edges: 60_000 }), join(dir, "big.html"));
    sampleUrl = pathToFileURL(join(dir, "sample.html")).href;
    bigUrl = pathToFileURL(join(dir, "big.html")).href;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(url = sampleUrl, timeout = 60_000, viewport = VIEWPORT): Promise<Page> {
    const page = await browser.newPage({ viewport });
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("dialog", (d) => {
      errors.push(`dialog opened: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(url);
    const ready = await waitForPage(page, timeout);
    expect(ready.error).toBeUndefined();
    return page;
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: new URL(`${name}.png`, ARTIFACTS).pathname });

  /** Viewport position of a node's centre, for real mouse events on the canvas. */
  function nodePosition(page: Page, node: string): Promise<{ x: number; y: number }> {
    return page.evaluate((n) => {
      const hooks = (window as unknown as { newsgraph: Hooks }).newsgraph;
      const d = hooks.renderer.getNodeDisplayData(n)!;
      const p = hooks.renderer.framedGraphToViewport(d);
      const rect = document.getElementById("graph")!.getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    }, node);
  }

  const hooks = <T>(page: Page, fn: (h: Hooks) => T) =>
    page.evaluate(`(${fn.toString()})(window.newsgraph)`) as Promise<T>;

  it("renders the graph from file:// (canvas pixels, not only 'no errors')", async () => {
    const page = await open();
    expect(page.url()).toMatch(/^file:\/\//);
    expect(await inkedPixels(page)).toBeGreaterThan(300);
    expect(await page.locator("#stats").textContent()).toContain("11 of 11 entities");
    await expect.poll(() => page.locator("#kind-filters input").count()).toBe(6);
    await shot(page, "page-overview");
    await page.close();
  }, 30_000);

  it("search finds Masood Khan by name and by alias, and Enter opens his panel", async () => {
    const page = await open();
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("search");
    await page.keyboard.type("khan");
    const first = page.locator("#search-results li").first();
    await expect.poll(() => first.textContent()).toContain("Masood Khan");
    await shot(page, "page-search");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("Masood Khan");
    const panel = page.locator("#panel");
    expect(await panel.locator(".quotes blockquote").count()).toBe(2);
    expect(await panel.locator(".quotes").textContent()).toContain("sophisticated small arms");
    expect(await panel.locator(".aliases").textContent()).toContain("Ambassador Masood Khan");
    // relations grouped by type, each with its evidence sentence, the mention marked, and article title + date
    const urged = panel.locator('.relation-group[data-relation="urged"]');
    expect(await urged.locator(".evidence").count()).toBe(2);
    expect(await urged.locator("mark.m-self").allTextContents()).toEqual(["Khan", "Khan"]);
    expect(await urged.locator(".caption").first().textContent()).toContain("29 Jun 2024");
    await page.waitForTimeout(500); // camera animation
    await shot(page, "page-panel-khan");
    await page.close();
  }, 30_000);

  it("clicking Masood Khan on the canvas shows his quotations and evidence; hover highlights his neighbourhood", async () => {
    const page = await open();
    const p = await nodePosition(page, "masood-khan");
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => hooks(page, (h) => h.display().focusCenter)).toBe("masood-khan");
    const faded = await hooks(page, (h) => h.renderer.getNodeDisplayData("karachi")!.color);
    const kept = await hooks(page, (h) => h.renderer.getNodeDisplayData("united-states")!.color);
    expect(faded).toBe("#e2e5ea");
    expect(kept).toBe("#4e79a7");
    await shot(page, "page-hover-khan");
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.locator("#panel-title").textContent()).toBe("Masood Khan");
    expect(await page.locator("#panel .quotes").textContent()).toContain("Pakistan has launched Azmi Isteqam");
    expect(await page.locator("#panel .evidence").count()).toBeGreaterThanOrEqual(6);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator("#panel").isHidden()).toBe(true);
    await page.close();
  }, 30_000);

  it("clicking an edge shows its evidence", async () => {
    const page = await open();
    // a lone, straight edge: click the middle of the segment
    const a = await nodePosition(page, "wilson-center");
    const b = await nodePosition(page, "washington");
    await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2);
    await page.mouse.click((a.x + b.x) / 2, (a.y + b.y) / 2);
    await expect.poll(() => hooks(page, (h) => h.display().selectedEdge)).toBe("e-wc-based-dc");
    expect(await page.locator("#panel-title").textContent()).toContain("based in");
    expect(await page.locator("#panel .sentence").textContent()).toContain("a Washington think tank");
    // and from a node's panel, the weight badge opens the edge
    await page.evaluate(() => (window as unknown as { newsgraph: Hooks }).newsgraph.selectNode("masood-khan"));
    await page.locator('.relation-group[data-relation="urged"] button.weight').click();
    await expect.poll(() => page.locator("#panel .evidence").count()).toBe(2);
    expect(await page.locator("#panel .facts").textContent()).toContain("2 statements · CAMEO 0331");
    await shot(page, "page-edge");
    await page.close();
  }, 30_000);

  it("filters: kind, relation, minimum weight and dates hide items, with counts", async () => {
    const page = await open();
    expect(await page.locator('label:has(input[data-kind="person"]) .count').textContent()).toBe("2");
    await page.locator('input[data-kind="person"]').uncheck();
    await expect.poll(() => hooks(page, (h) => h.renderer.getNodeDisplayData("masood-khan")!.hidden)).toBe(true);
    expect(await hooks(page, (h) => h.renderer.getEdgeDisplayData("e-khan-said-us")!.hidden)).toBe(true);
    expect(await hooks(page, (h) => h.renderer.getNodeDisplayData("pakistan")!.hidden)).toBe(false);
    expect(await page.locator("#stats").textContent()).toContain("9 of 11 entities");
    await shot(page, "page-filter-person");
    await page.locator('input[data-kind="person"]').check();
    await page.locator('input[data-relation="launched"]').uncheck();
    expect(await hooks(page, (h) => h.renderer.getEdgeDisplayData("e-pk-launched-op")!.hidden)).toBe(true);
    await page.locator('input[data-relation="launched"]').check();
    await page.locator("#min-weight").fill("2");
    await expect.poll(() => page.locator("#stats").textContent()).toContain("2 of 16 relations");
    await page.locator("#min-weight").fill("1");
    await page.locator("#date-from").fill("2024-07-01");
    await page.locator("#date-from").dispatchEvent("change");
    await expect.poll(() => hooks(page, (h) => h.renderer.getNodeDisplayData("masood-khan")!.hidden)).toBe(true);
    expect(await hooks(page, (h) => h.renderer.getNodeDisplayData("aman-25")!.hidden)).toBe(false);
    await page.close();
  }, 30_000);

  it("markup in labels, quotes and evidence shows as text and no script runs", async () => {
    const page = await open();
    const xss = () => page.evaluate(() => (window as unknown as { __xss?: number }).__xss);
    expect(await xss()).toBeUndefined();
    await page.evaluate(() => (window as unknown as { newsgraph: Hooks }).newsgraph.selectNode("xss-org"));
    expect(await page.locator("#panel-title").textContent()).toBe('<img src=x onerror="window.__xss=1">');
    expect(await page.locator("#panel .aliases").textContent()).toContain("<script>window.__xss=2</script>");
    expect(await page.locator("#panel .sentence").first().textContent()).toContain("welcomed AMAN-25 <script>");
    await page.evaluate(() => (window as unknown as { newsgraph: Hooks }).newsgraph.selectNode("naval-chief"));
    expect(await page.locator("#panel .quotes").textContent()).toContain("</script><script>window.__xss=3</script>");
    await page.fill("#search", "<img");
    await expect.poll(() => page.locator("#search-results li").first().textContent()).toContain("<img src=x");
    await page.waitForTimeout(300);
    expect(await page.locator("img, #panel script, #search-results script").count()).toBe(0);
    expect(await xss()).toBeUndefined();
    await shot(page, "page-markup-as-text");
    await page.close();
  }, 30_000);

  it("keeps the view in the URL hash and restores it", async () => {
    const page = await open();
    await page.evaluate(() => (window as unknown as { newsgraph: Hooks }).newsgraph.selectNode("masood-khan"));
    await page.locator('input[data-kind="place"]').uncheck();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/node=masood-khan.*hideKinds=place/);
    await page.close();
    const again = await open(`${sampleUrl}#node=pakistan&hideKinds=place&color=community`);
    expect(await again.locator("#panel-title").textContent()).toBe("Pakistan");
    expect(await again.locator('input[data-kind="place"]').isChecked()).toBe(false);
    expect(await hooks(again, (h) => h.renderer.getNodeDisplayData("karachi")!.hidden)).toBe(true);
    expect(await hooks(again, (h) => h.display().colorMode)).toBe("community");
    expect(await again.locator("#color-note").textContent()).toMatch(/\d+ communities/);
    await shot(again, "page-hash-community");
    await again.close();
  }, 30_000);

  it("is served by `newsgraph view` over http on 127.0.0.1", async () => {
    const view = await serveGraph(sampleJson(), 0);
    try {
      const page = await open(view.url);
      expect(await inkedPixels(page)).toBeGreaterThan(300);
      await page.close();
    } finally {
      await view.close();
    }
  }, 30_000);

  it("opens a 20k-node / 60k-edge graph and responds to hover and search", async () => {
    // a smaller window: SwiftShader rasterizes on the CPU, so the cost of each frame grows with its pixels
    const page = await open(bigUrl, 100_000, { width: 1000, height: 640 });
    // return plain numbers: serializing the hooks object would walk the whole graph and renderer
    const size = await page.evaluate(() => {
      const n = (window as unknown as { newsgraph: { order: number; size: number } }).newsgraph;
      return [n.order, n.size];
    });
    expect(size).toEqual([20_000, 60_000]);
    await shot(page, "page-big-overview");
    // whichever node is on top under the pointer gets the focus
    const p = await nodePosition(page, "n0");
    await page.mouse.move(p.x, p.y);
    await expect.poll(() => hooks(page, (h) => h.display().focusCenter), { timeout: 20_000 }).toMatch(/^n\d+$/);
    await page.fill("#search", "Entity 1234");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#panel-title").textContent(), { timeout: 20_000 }).toBe("Entity 1234");
    await shot(page, "page-big");
    await page.close();
  }, 120_000);

  it("raised no page errors or dialogs", () => {
    expect(errors).toEqual([]);
  });
});
