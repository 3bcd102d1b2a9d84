import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { detectCommunities, summarizeCommunities } from "../../viz/src/communities.js";
import type { VizGraph } from "../../viz/src/model.js";
import { syntheticGraph } from "../fixtures/viz/synthetic.js";
import { sampleGraph } from "./fixture.js";

describe("Louvain communities for colouring", () => {
  it("gives every node a community, numbered by size, the same on every run", () => {
    const g = sampleGraph() as unknown as VizGraph;
    const a = detectCommunities(g);
    expect(a.size).toBe(g.order);
    expect([...detectCommunities(sampleGraph() as unknown as VizGraph)]).toEqual([...a]);
    const sizes = new Map<number, number>();
    for (const c of a.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    for (let c = 1; c < sizes.size; c++) expect(sizes.get(c)!).toBeLessThanOrEqual(sizes.get(c - 1)!);
  });

  it("finds the planted clusters of the synthetic graph", () => {
    const g = new Graph({ type: "directed", multi: true }) as unknown as VizGraph;
    g.import(syntheticGraph({ nodes: 600, edges: 2400 }) as never);
    const c = detectCommunities(g);
    expect(new Set(c.values()).size).toBeGreaterThan(5);
  });

  it("names each community after its most mentioned member", () => {
    const g = sampleGraph() as unknown as VizGraph;
    const summary = summarizeCommunities(g, detectCommunities(g));
    expect(summary[0]!.size).toBeGreaterThanOrEqual(summary.at(-1)!.size);
    const all = summary.map((s) => s.label);
    expect(all).toContain("Pakistan");
  });
});
