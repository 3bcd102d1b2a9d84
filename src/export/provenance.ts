// Provenance helpers shared by the exporters.
import type { EdgeAttributes } from "../types.js";

/** The distinct articles behind an edge, sorted: a quick provenance column for tools that cannot read JSON. */
export function evidenceDocuments(attrs: EdgeAttributes): string[] {
  return [...new Set(attrs.evidence.map((e) => e.document))].sort();
}
