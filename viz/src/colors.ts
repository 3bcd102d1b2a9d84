// Colours are data: one palette per encoding, chosen for a light background and colour-blind separability
// (Tableau 10 hues for kinds; the relation families use distinct, slightly muted hues).
import { RELATION_FAMILIES, type EntityKind, type Relation, type RelationFamily } from "../../src/types.js";

export const KIND_COLORS: Readonly<Record<EntityKind, string>> = {
  person: "#e15759",
  country: "#4e79a7",
  organization: "#f28e2b",
  place: "#59a14f",
  event: "#b07aa1",
  exercise: "#76b7b2",
};

export const KIND_LABELS: Readonly<Record<EntityKind, string>> = {
  person: "People",
  country: "Countries",
  organization: "Organizations",
  place: "Places",
  event: "Events",
  exercise: "Exercises",
};

export const FAMILY_COLORS: Readonly<Record<RelationFamily, string>> = {
  communication: "#5b6bd6",
  cooperation: "#2a9d6f",
  action: "#d1495b",
  structure: "#9a8c7a",
};

export const COMMUNITY_PALETTE = [
  "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948",
  "#b07aa1", "#ff9da7", "#9c755f", "#86bcb6", "#8cd17d", "#d4a6c8",
] as const;

/** Colour for items outside the hovered or selected neighbourhood. */
export const FADED_NODE_COLOR = "#e2e5ea";
export const FADED_EDGE_COLOR = "#eef0f3";
export const UNKNOWN_COLOR = "#9ca3af";

const FAMILY_OF = new Map<string, RelationFamily>();
for (const [family, relations] of Object.entries(RELATION_FAMILIES) as [RelationFamily, readonly Relation[]][]) {
  for (const r of relations) FAMILY_OF.set(r, family);
}

/** The relation families and their relations, in the vocabulary's order. */
export const RELATION_FAMILIES_LIST = Object.entries(RELATION_FAMILIES) as [RelationFamily, readonly Relation[]][];

export function relationFamily(relation: string): RelationFamily | undefined {
  return FAMILY_OF.get(relation);
}

export function kindColor(kind: string): string {
  return (KIND_COLORS as Record<string, string>)[kind] ?? UNKNOWN_COLOR;
}

export function relationColor(relation: string): string {
  const family = relationFamily(relation);
  return family ? FAMILY_COLORS[family] : UNKNOWN_COLOR;
}

export function communityColor(community: number): string {
  return COMMUNITY_PALETTE[Math.abs(community) % COMMUNITY_PALETTE.length] ?? UNKNOWN_COLOR;
}

/** "agreed_with" -> "agreed with". */
export function relationLabel(relation: string): string {
  return relation.replace(/_/g, " ");
}
