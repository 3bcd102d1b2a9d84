import { describe, expect, it } from "vitest";
import { computeVisibility, countItems, DEFAULT_FILTERS, type FilterState } from "../../viz/src/filters.js";
import { edgeSize, focusItems, initialDisplayState, reduceEdge, reduceNode, withFocus, type DisplayState } from "../../viz/src/reducers.js";
import { indexParallelEdges } from "../../viz/src/curvature.js";
import { FADED_EDGE_COLOR, FADED_NODE_COLOR, KIND_COLORS, FAMILY_COLORS } from "../../viz/src/colors.js";
import { sampleArticles, sampleGraph } from "./fixture.js";

const graph = sampleGraph();
const articles = sampleArticles();
const f = (patch: Partial<FilterState>): FilterState => ({ ...DEFAULT_FILTERS, ...patch });

describe("filters", () => {
  it("hide nothing by default", () => {
    const v = computeVisibility(graph, DEFAULT_FILTERS, articles);
    expect(v.hiddenNodes.size).toBe(0);
    expect(v.hiddenEdges.size).toBe(0);
  });

  it("a kind filter hides its nodes and every edge touching them", () => {
    const v = computeVisibility(graph, f({ hiddenKinds: new Set(["person"]) }), articles);
    expect([...v.hiddenNodes].sort()).toEqual(["masood-khan", "naval-chief"]);
    graph.forEachEdge((e, _a, s, t) => {
      expect(v.hiddenEdges.has(e)).toBe(v.hiddenNodes.has(s) || v.hiddenNodes.has(t));
    });
  });

  it("a relation filter hides only those edges", () => {
    const v = computeVisibility(graph, f({ hiddenRelations: new Set(["said", "urged"]) }), articles);
    expect(v.hiddenNodes.size).toBe(0);
    expect([...v.hiddenEdges].sort()).toEqual(["e-ashraf-said-pk", "e-khan-said-us", "e-khan-urged-us"]);
  });

  it("minimum weight keeps edges with at least that many statements", () => {
    const v = computeVisibility(graph, f({ minWeight: 2 }), articles);
    const kept = graph.filterEdges((e) => !v.hiddenEdges.has(e)).sort();
    expect(kept).toEqual(["e-khan-urged-us", "e-pk-launched-op"]);
  });

  it("a date range keeps edges with evidence from articles inside it", () => {
    const v = computeVisibility(graph, f({ dateFrom: "2024-07-01" }), articles);
    expect(v.hiddenNodes.has("masood-khan")).toBe(true);
    expect(v.hiddenNodes.has("aman-25")).toBe(false);
    expect(v.hiddenEdges.has("e-pk-part-aman")).toBe(false);
    expect(v.hiddenEdges.has("e-taliban-attacked-pk")).toBe(true);
    const upTo = computeVisibility(graph, f({ dateTo: "2024-06-28" }), articles);
    // e-khan-urged-us has evidence from 06-27 and 06-29: one inside is enough
    expect(upTo.hiddenEdges.has("e-khan-urged-us")).toBe(false);
    expect(upTo.hiddenEdges.has("e-us-coop-pk")).toBe(true);
  });

  it("counts kinds and relations", () => {
    const c = countItems(graph);
    expect(c.kinds.get("person")).toBe(2);
    expect(c.kinds.get("organization")).toBe(3);
    expect(c.relations.get("said")).toBe(2);
    expect(c.maxWeight).toBe(2);
  });
});

describe("reducers", () => {
  const base: DisplayState = initialDisplayState();
  const nodeOf = (n: string, s: DisplayState) => reduceNode(n, graph.getNodeAttributes(n), s);
  const edgeOf = (e: string, s: DisplayState) => reduceEdge(e, graph.getEdgeAttributes(e), s, graph);

  it("colour nodes by kind and never set a node `type`", () => {
    graph.forEachNode((n, a) => {
      const d = nodeOf(n, base);
      expect(d.color).toBe(KIND_COLORS[a.kind]);
      expect(d).not.toHaveProperty("type");
      expect(d.label).toBe(a.label);
    });
  });

  it("colour edges by relation family, straight arrows unless parallel", () => {
    const d = edgeOf("e-wc-based-dc", base);
    expect(d.color).toBe(FAMILY_COLORS.structure);
    expect(d.type).toBe("arrow");
    expect(d.label).toBeNull();
    expect(edgeOf("e-khan-said-us", base).color).toBe(FAMILY_COLORS.communication);
  });

  it("hovering a node highlights its neighbourhood and fades the rest", () => {
    const s = withFocus(graph, { ...base, hoveredNode: "masood-khan" });
    expect(s.focus).toEqual(new Set(["masood-khan", "united-states", "pakistan", "wilson-center"]));
    expect(nodeOf("masood-khan", s)).toMatchObject({ highlighted: true, forceLabel: true });
    expect(nodeOf("united-states", s)).toMatchObject({ color: KIND_COLORS.country, forceLabel: true });
    expect(nodeOf("karachi", s)).toMatchObject({ color: FADED_NODE_COLOR, label: null });
    expect(edgeOf("e-khan-urged-us", s)).toMatchObject({ label: "urged", forceLabel: true });
    expect(edgeOf("e-aman-in-karachi", s)).toMatchObject({ color: FADED_EDGE_COLOR, label: null });
  });

  it("hover wins over selection; selection alone focuses too", () => {
    const selected = withFocus(graph, { ...base, selectedNode: "karachi" });
    expect(selected.focusCenter).toBe("karachi");
    expect(withFocus(graph, { ...selected, hoveredNode: "taliban" }).focusCenter).toBe("taliban");
  });

  it("without fading (big graphs) only the neighbourhood changes, so a partial repaint suffices", () => {
    const s = withFocus(graph, { ...base, fadeOthers: false, hoveredNode: "masood-khan" });
    expect(nodeOf("karachi", s)).toEqual(nodeOf("karachi", base));
    expect(edgeOf("e-aman-in-karachi", s)).toEqual(edgeOf("e-aman-in-karachi", base));
    const items = focusItems(graph, s);
    expect(items.nodes.sort()).toEqual(["masood-khan", "pakistan", "united-states", "wilson-center"]);
    expect(items.edges).toHaveLength(5);
  });

  it("filtered items are hidden", () => {
    const v = computeVisibility(graph, f({ hiddenKinds: new Set(["person"]) }), articles);
    const s = { ...base, ...v };
    expect(nodeOf("masood-khan", s).hidden).toBe(true);
    expect(edgeOf("e-khan-said-us", s).hidden).toBe(true);
    expect(nodeOf("pakistan", s).hidden).toBe(false);
  });

  it("parallel edges curve apart; the middle one of an odd bundle is straight", () => {
    const g = sampleGraph();
    const parallel = indexParallelEdges(g);
    // the semantics of @sigma/edge-curve's indexParallelEdgesIndex: 3 same-direction edges get -1, 0, 1
    expect(["e-khan-said-us", "e-khan-urged-us", "e-khan-asked-us"].map((e) => parallel.get(e))).toEqual([
      { index: -1, max: 1 }, { index: 0, max: 1 }, { index: 1, max: 1 },
    ]);
    // one edge each way: both index 1, drawn from opposite ends so they bow apart
    expect(parallel.get("e-us-coop-pk")).toEqual({ index: 1, max: 1 });
    expect(parallel.get("e-pk-coop-us")).toEqual({ index: 1, max: 1 });
    expect(parallel.has("e-wc-based-dc")).toBe(false);
    const s = { ...base, parallel };
    const shapes = ["e-khan-said-us", "e-khan-urged-us", "e-khan-asked-us"].map((e) => reduceEdge(e, g.getEdgeAttributes(e), s, g));
    expect(shapes.map((s) => s.type)).toEqual(["curvedArrow", "arrow", "curvedArrow"]);
    expect(shapes[0]!.curvature).toBeCloseTo(-shapes[2]!.curvature!);
    expect(shapes[2]!.curvature).toBeGreaterThan(0);
  });

  it("edge labels appear when zoomed in", () => {
    expect(edgeOf("e-wc-based-dc", { ...base, zoomedIn: true }).label).toBe("based in");
    expect(edgeOf("e-wc-based-dc", { ...base, zoomedIn: true, edgeLabels: false }).label).toBeNull();
  });

  it("community colouring uses the community map", () => {
    const s = { ...base, colorMode: "community" as const, communities: new Map([["pakistan", 3]]) };
    expect(nodeOf("pakistan", s).color).not.toBe(KIND_COLORS.country);
  });

  it("thicker edges for more statements", () => {
    expect(edgeSize(2)).toBeGreaterThan(edgeSize(1));
    expect(edgeSize(1000)).toBeLessThanOrEqual(edgeSize(1) + 5);
  });

  it("never write to the graph", () => {
    const g = sampleGraph();
    const before = JSON.stringify(g.export());
    const s = withFocus(g, { ...base, hoveredNode: "masood-khan", selectedEdge: "e-khan-said-us", zoomedIn: true });
    g.forEachNode((n, a) => reduceNode(n, a, s));
    g.forEachEdge((e, a) => reduceEdge(e, a, s, g));
    expect(JSON.stringify(g.export())).toBe(before);
  });
});
