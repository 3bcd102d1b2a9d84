import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { defaultIterations, layoutGraph, MAX_NODE_SIZE, MIN_NODE_SIZE, mulberry32 } from "../../src/graph/layout.js";
import { syntheticGraph } from "../fixtures/viz/synthetic.js";
import { sampleJson } from "./fixture.js";

function positions(g: Graph): string {
  return JSON.stringify(g.mapNodes((n, a) => [n, a.x, a.y, a.size]));
}

function fresh(): Graph {
  const g = new Graph({ type: "directed", multi: true });
  const json = sampleJson();
  for (const n of json.nodes) n.attributes.x = n.attributes.y = n.attributes.size = 0;
  g.import(json as never);
  return g;
}

describe("layoutGraph", () => {
  it("sets finite x, y and a size in range on every node", () => {
    const g = fresh();
    layoutGraph(g);
    g.forEachNode((_n, a) => {
      expect(Number.isFinite(a.x) && Number.isFinite(a.y)).toBe(true);
      expect(a.size).toBeGreaterThanOrEqual(MIN_NODE_SIZE);
      expect(a.size).toBeLessThanOrEqual(MAX_NODE_SIZE);
    });
  });

  it("is deterministic: same graph and seed, same output; another seed, another layout", () => {
    const a = fresh(), b = fresh(), c = fresh();
    layoutGraph(a, { seed: 3 });
    layoutGraph(b, { seed: 3 });
    layoutGraph(c, { seed: 4 });
    expect(positions(a)).toBe(positions(b));
    expect(positions(a)).not.toBe(positions(c));
  });

  it("sizes the most mentioned entity largest", () => {
    const g = fresh();
    layoutGraph(g);
    const biggest = g.nodes().sort((x, y) => g.getNodeAttribute(y, "size") - g.getNodeAttribute(x, "size"))[0];
    expect(biggest).toBe("pakistan");
  });

  it("keeps nodes apart (no two centres closer than 1% of the layout's extent)", () => {
    const g = fresh();
    layoutGraph(g);
    const pts = g.mapNodes((_n, a) => [a.x as number, a.y as number] as const);
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
    for (let i = 0; i < pts.length; i++) {
      for (let j = i + 1; j < pts.length; j++) {
        expect(Math.hypot(pts[i]![0] - pts[j]![0], pts[i]![1] - pts[j]![1])).toBeGreaterThan(extent * 0.01);
      }
    }
  });

  it("handles empty and edgeless graphs", () => {
    const empty = new Graph();
    layoutGraph(empty);
    const lonely = new Graph();
    lonely.addNode("a", { mentions: 1 });
    lonely.addNode("b", { mentions: 3 });
    layoutGraph(lonely);
    expect(Number.isFinite(lonely.getNodeAttribute("a", "x"))).toBe(true);
  });

  it("caps iterations by size so big builds stay fast", () => {
    expect(defaultIterations(100)).toBeGreaterThan(defaultIterations(10_000));
    expect(defaultIterations(1_000_000)).toBe(0);
    // a mid-size graph completes (timing is left to the benchmark: shared CI machines are too noisy to assert on)
    const g = Graph.from(syntheticGraph({ nodes: 1_500, edges: 4_500 }) as never);
    layoutGraph(g, { iterations: 30 });
    g.forEachNode((_n, a) => expect(Number.isFinite(a.x)).toBe(true));
  }, 60_000);

  it("puts isolated nodes of a big graph on a ring outside the connected part", () => {
    // above NOVERLAP_MAX_ORDER, so the ring is what the page gets
    const g = Graph.from(syntheticGraph({ nodes: 3_000, edges: 1_500 }) as never);
    for (let i = 0; i < 300; i++) g.addNode(`lonely-${i}`, { label: `lonely ${i}`, kind: "place", mentions: 1 });
    layoutGraph(g, { iterations: 10 });
    let inner = 0;
    g.forEachNode((n, a) => { if (g.degree(n) > 0) inner = Math.max(inner, Math.hypot(a.x, a.y)); });
    g.forEachNode((n, a) => { if (n.startsWith("lonely-")) expect(Math.hypot(a.x, a.y)).toBeGreaterThan(inner * 0.99); });
  });

  it("mulberry32 is a repeatable stream in [0, 1)", () => {
    const a = mulberry32(9), b = mulberry32(9);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
