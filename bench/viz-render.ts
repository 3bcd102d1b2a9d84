// Time to first render of the exploration page in headless Chromium (SwiftShader WebGL), for a synthetic graph.
// Usage: npm run bench:viz [-- --nodes 20000 --edges 60000]. Goal: first render <= 2 s for 20k nodes / 60k edges.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeHtml } from "../src/export/html.js";
import { launchChromium, waitForPage } from "../tests/browser/chromium.js";
import { syntheticGraph } from "../tests/fixtures/viz/synthetic.js";
import { buildSearchIndex, search } from "../viz/src/search.js";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const nodes = arg("nodes", 20_000);
const edges = arg("edges", 60_000);
const runs = arg("runs", 3);
const dir = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
const file = join(dir, "graph.html");
try {
  let t = performance.now();
  const graph = syntheticGraph({ nodes, edges });
  await writeHtml(graph, file);
  console.log(`graph: ${nodes} nodes, ${edges} edges; page ${(statSync(file).size / 1e6).toFixed(1)} MB written in ${Math.round(performance.now() - t)} ms`);

  // Search runs on every keystroke: its p95 over the graph's labels and aliases.
  const index = buildSearchIndex(graph.nodes.map((n) => ({ key: n.key, label: n.attributes.label, kind: n.attributes.kind, aliases: n.attributes.aliases })));
  const times: number[] = [];
  for (const q of ["e", "en", "ent", "entity 19", "alias 1", "e5", "zz", "person 4"]) for (let i = 0; i < 5; i++) {
    const s = performance.now();
    search(index, q);
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  console.log(`search over ${nodes} nodes: p50 ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]?.toFixed(1)} ms`);

  t = performance.now();
  const browser = await launchChromium();
  console.log(`chromium launch: ${Math.round(performance.now() - t)} ms`);
  const results: { first: number; ready: number; wall: number; hover: number }[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      t = performance.now();
      await page.goto(pathToFileURL(file).href);
      const ready = await waitForPage(page, 120_000);
      const wall = performance.now() - t;
      if (ready.error || errors.length) throw new Error(`page failed: ${ready.error ?? errors.join("; ")}`);
      // Responsiveness: what the page does on hovering a node and leaving it (for big graphs a partial repaint of
      // the neighbourhood), measured synchronously in the page.
      const hover = await page.evaluate(() => {
        const n = (window as unknown as { newsgraph: { renderer: { emit(e: string, p: object): void } } }).newsgraph;
        const t0 = performance.now();
        n.renderer.emit("enterNode", { node: "n0" });
        n.renderer.emit("leaveNode", { node: "n0" });
        return (performance.now() - t0) / 2;
      });
      console.log("  phases (ms since navigation start):", JSON.stringify(await page.evaluate(() => (window as unknown as { newsgraph: { timings: unknown } }).newsgraph.timings)));
      results.push({ first: ready.firstRenderMs ?? NaN, ready: ready.readyMs ?? NaN, wall, hover });
      console.log(
        `run ${run + 1}: first render ${Math.round(ready.firstRenderMs ?? NaN)} ms after navigation start, ` +
          `interactive ${Math.round(ready.readyMs ?? NaN)} ms, goto->ready ${Math.round(wall)} ms, hover repaint ${Math.round(hover)} ms`,
      );
      await page.close();
    }
  } finally {
    await browser.close();
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const first = median(results.map((r) => r.first));
  console.log(`median time to first render: ${Math.round(first)} ms (goal <= 2000 ms) ${first <= 2000 ? "OK" : "SLOW"}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
