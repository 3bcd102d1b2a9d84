// Launches Debian's Chromium for the page tests and the render benchmark, with the flags from TOOLCHAIN.md:
// WebGL on SwiftShader (sigma needs it; --use-gl=swiftshader or --disable-software-rasterizer turn WebGL off).
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM_PATH = process.env.NEWSGRAPH_CHROMIUM ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageReady {
  ready: boolean;
  firstRenderMs?: number;
  readyMs?: number;
  error?: string;
}

/** Waits until the page has rendered its graph (or failed), and returns its timing hooks. */
export async function waitForPage(page: Page, timeout = 30_000): Promise<PageReady> {
  await page.waitForFunction(() => (window as unknown as { newsgraph?: { ready?: boolean } }).newsgraph?.ready === true, undefined, { timeout });
  return page.evaluate(() => {
    const n = (window as unknown as { newsgraph: Record<string, unknown> }).newsgraph;
    return { ready: true, firstRenderMs: n.firstRenderMs as number, readyMs: n.readyMs as number, error: n.error as string | undefined };
  });
}

/**
 * Counts pixels of the composited graph canvases that are not the white background, sampled on a grid.
 * Reads the layers right after a synchronous render, as the PNG export does.
 */
export async function inkedPixels(page: Page): Promise<number> {
  const dataUrl = await page.evaluate(() => ((window as unknown as { newsgraph: { exportPng(): string } }).newsgraph.exportPng()));
  return page.evaluate(async (url) => {
    const img = new Image();
    img.src = url;
    await img.decode();
    const c = document.createElement("canvas");
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    let inked = 0;
    for (let i = 0; i < data.length; i += 4 * 7) {
      if (data[i]! < 235 || data[i + 1]! < 235 || data[i + 2]! < 235) inked++;
    }
    return inked;
  }, dataUrl);
}
