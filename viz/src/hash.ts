// View state <-> URL hash, so a view can be bookmarked or shared: "#node=masood-khan&hideKinds=place&w=2".
import type { ColorMode } from "./reducers.js";

export interface ViewState {
  node: string | null;
  edge: string | null;
  hiddenKinds: string[];
  hiddenRelations: string[];
  minWeight: number;
  dateFrom: string | null;
  dateTo: string | null;
  colorMode: ColorMode;
  camera: { x: number; y: number; ratio: number } | null;
}

export const DEFAULT_VIEW: ViewState = {
  node: null,
  edge: null,
  hiddenKinds: [],
  hiddenRelations: [],
  minWeight: 1,
  dateFrom: null,
  dateTo: null,
  colorMode: "kind",
  camera: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function list(v: string | null): string[] {
  return v ? v.split(",").filter(Boolean) : [];
}

export function parseHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ""));
  const w = Number(p.get("w"));
  const cam = (p.get("cam") ?? "").split(",").map(Number);
  const from = p.get("from");
  const to = p.get("to");
  return {
    node: p.get("node") || null,
    edge: p.get("edge") || null,
    hiddenKinds: list(p.get("hideKinds")),
    hiddenRelations: list(p.get("hideRel")),
    minWeight: Number.isFinite(w) && w >= 1 ? Math.floor(w) : 1,
    dateFrom: from && DATE.test(from) ? from : null,
    dateTo: to && DATE.test(to) ? to : null,
    colorMode: p.get("color") === "community" ? "community" : "kind",
    camera: cam.length === 3 && cam.every(Number.isFinite) && (cam[2] ?? 0) > 0 ? { x: cam[0]!, y: cam[1]!, ratio: cam[2]! } : null,
  };
}

/** Only what differs from the default is written, in a fixed order, so equal views give equal URLs. */
export function serializeHash(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.node) p.set("node", v.node);
  if (v.edge) p.set("edge", v.edge);
  if (v.hiddenKinds.length) p.set("hideKinds", [...v.hiddenKinds].sort().join(","));
  if (v.hiddenRelations.length) p.set("hideRel", [...v.hiddenRelations].sort().join(","));
  if (v.minWeight > 1) p.set("w", String(v.minWeight));
  if (v.dateFrom) p.set("from", v.dateFrom);
  if (v.dateTo) p.set("to", v.dateTo);
  if (v.colorMode !== "kind") p.set("color", v.colorMode);
  if (v.camera) p.set("cam", [v.camera.x, v.camera.y, v.camera.ratio].map((n) => n.toFixed(4)).join(","));
  const s = p.toString();
  return s ? "#" + s : "";
}
