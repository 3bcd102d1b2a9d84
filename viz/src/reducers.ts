// Display attributes computed at render time from plain state: the graph data is never written to show a
// highlight or a filter. Semantic attributes (`kind`, `relation`) are read; sigma's `type` is set only here.
import type { NodeDisplayData, EdgeDisplayData } from "sigma/types";
import type { EdgeAttributes, NodeAttributes } from "../../src/types.js";
import { communityColor, FADED_EDGE_COLOR, FADED_NODE_COLOR, kindColor, relationColor, relationLabel } from "./colors.js";
import { parallelCurvature, type ParallelSlot } from "./curvature.js";

export type ColorMode = "kind" | "community";

export interface DisplayState {
  hoveredNode: string | null;
  hoveredEdge: string | null;
  selectedNode: string | null;
  selectedEdge: string | null;
  /** The node whose neighbourhood is shown (hovered, else selected) and its neighbours, itself included. */
  focus: ReadonlySet<string> | null;
  focusCenter: string | null;
  hiddenNodes: ReadonlySet<string>;
  hiddenEdges: ReadonlySet<string>;
  colorMode: ColorMode;
  communities: ReadonlyMap<string, number> | null;
  /** Camera zoomed in far enough for edge labels. */
  zoomedIn: boolean;
  /** Edge labels may be drawn at all (off for very big graphs, except on hover). */
  edgeLabels: boolean;
  /**
   * Fade everything outside the focused neighbourhood. Off for very big graphs: highlighting only the
   * neighbourhood lets a hover repaint just those items instead of all of them.
   */
  fadeOthers: boolean;
  /** Multiplies edge thickness: thinner edges keep 60k-edge graphs legible. */
  edgeScale: number;
  /** Slots of parallel edges (see `indexParallelEdges`); lone edges are absent. */
  parallel: ReadonlyMap<string, ParallelSlot>;
}

export function initialDisplayState(): DisplayState {
  return {
    hoveredNode: null,
    hoveredEdge: null,
    selectedNode: null,
    selectedEdge: null,
    focus: null,
    focusCenter: null,
    hiddenNodes: new Set(),
    hiddenEdges: new Set(),
    colorMode: "kind",
    communities: null,
    zoomedIn: false,
    edgeLabels: true,
    fadeOthers: true,
    edgeScale: 1,
    parallel: new Map(),
  };
}

export interface NeighbourSource {
  neighbors(node: string): string[];
  hasNode(node: string): boolean;
}

/** Nodes and edges whose display depends on hover and selection (all that a partial repaint must redo). */
export function focusItems(graph: NeighbourSource & { edges(node: string): string[] }, state: DisplayState): { nodes: string[]; edges: string[] } {
  const nodes = state.focus ? [...state.focus] : [];
  if (state.selectedNode && graph.hasNode(state.selectedNode)) nodes.push(state.selectedNode);
  const edges = state.focusCenter ? graph.edges(state.focusCenter) : [];
  for (const e of [state.selectedEdge, state.hoveredEdge]) if (e) edges.push(e);
  return { nodes, edges };
}

/** Recomputes `focus` from hover and selection: hover wins, so moving over the graph previews other nodes. */
export function withFocus(graph: NeighbourSource, state: DisplayState): DisplayState {
  const center = state.hoveredNode ?? state.selectedNode;
  if (!center || !graph.hasNode(center)) return { ...state, focus: null, focusCenter: null };
  return { ...state, focus: new Set([center, ...graph.neighbors(center)]), focusCenter: center };
}

export function nodeColor(node: string, attrs: Pick<NodeAttributes, "kind">, state: DisplayState): string {
  if (state.colorMode === "community" && state.communities) return communityColor(state.communities.get(node) ?? 0);
  return kindColor(attrs.kind);
}

export function reduceNode(node: string, attrs: NodeAttributes, state: DisplayState): Partial<NodeDisplayData> {
  const base = { x: attrs.x, y: attrs.y, size: attrs.size, label: attrs.label };
  if (state.hiddenNodes.has(node)) return { ...base, hidden: true };
  const color = nodeColor(node, attrs, state);
  const selected = node === state.selectedNode;
  if (state.focus) {
    if (state.focus.has(node)) return { ...base, color, forceLabel: true, highlighted: node === state.focusCenter || selected, zIndex: 2, hidden: false };
    if (state.fadeOthers) return { ...base, color: FADED_NODE_COLOR, label: null, zIndex: 0, hidden: false };
  }
  return { ...base, color, highlighted: selected, forceLabel: selected, zIndex: 1, hidden: false };
}

export interface Extremities {
  extremities(edge: string): [string, string];
}

/** Thickness grows with the number of statements behind the edge, softly. */
export function edgeSize(weight: number): number {
  return 1.6 + Math.min(5, Math.log2(Math.max(1, weight)) * 1.5);
}

export function reduceEdge(
  edge: string,
  attrs: EdgeAttributes,
  state: DisplayState,
  graph: Extremities,
): Partial<EdgeDisplayData> & { curvature?: number } {
  if (state.hiddenEdges.has(edge)) return { hidden: true };
  // The middle one of an odd bundle of parallel edges (index 0) stays straight; the others curve to either side.
  const slot = state.parallel.get(edge);
  const shape = slot && slot.index !== 0 ? { type: "curvedArrow", curvature: parallelCurvature(slot.index, slot.max) } : { type: "arrow" };
  const size = edgeSize(attrs.weight) * state.edgeScale;
  const label = relationLabel(attrs.relation);
  const pointed = edge === state.selectedEdge || edge === state.hoveredEdge;
  if (state.focusCenter) {
    const [s, t] = graph.extremities(edge);
    const touches = s === state.focusCenter || t === state.focusCenter;
    if (touches || pointed) return { ...shape, size: size + 0.5, color: relationColor(attrs.relation), label, forceLabel: true, zIndex: 2, hidden: false };
    if (state.fadeOthers) return { ...shape, size: 1, color: FADED_EDGE_COLOR, label: null, zIndex: 0, hidden: false };
  }
  return {
    ...shape,
    size: pointed ? size + 1 : size,
    color: relationColor(attrs.relation),
    label: pointed || (state.edgeLabels && state.zoomedIn) ? label : null,
    forceLabel: pointed,
    zIndex: pointed ? 2 : 1,
    hidden: false,
  };
}
