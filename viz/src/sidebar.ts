// Legend and filters: kinds (with colours and counts), relations by family, minimum weight, date range.
import { ENTITY_KINDS, RELATION_FAMILIES, type RelationFamily } from "../../src/types.js";
import { FAMILY_COLORS, KIND_LABELS, kindColor, relationLabel } from "./colors.js";
import { h } from "./dom.js";
import type { Counts, FilterState } from "./filters.js";

export interface SidebarHandlers {
  toggleKind(kind: string, visible: boolean): void;
  toggleRelations(relations: readonly string[], visible: boolean): void;
}

function checkbox(checked: boolean, onChange: (checked: boolean) => void, attrs: Record<string, string>): HTMLInputElement {
  const box = h("input", { attrs: { type: "checkbox", ...attrs } });
  box.checked = checked;
  box.addEventListener("change", () => onChange(box.checked));
  return box;
}

export function renderKindFilters(list: HTMLElement, counts: Counts, f: FilterState, on: SidebarHandlers): void {
  const kinds = [...ENTITY_KINDS, ...[...counts.kinds.keys()].filter((k) => !(ENTITY_KINDS as readonly string[]).includes(k))];
  list.replaceChildren(
    ...kinds.map((kind) => {
      const n = counts.kinds.get(kind) ?? 0;
      const swatch = h("span", { class: "swatch" });
      swatch.style.setProperty("--c", kindColor(kind));
      const label = h("label", { class: n ? "" : "empty" }, [
        checkbox(!f.hiddenKinds.has(kind), (v) => on.toggleKind(kind, v), { "data-kind": kind }),
        swatch,
        h("span", { class: "name", text: (KIND_LABELS as Record<string, string>)[kind] ?? kind }),
        h("span", { class: "count", text: n.toLocaleString("en") }),
      ]);
      return h("li", {}, [label]);
    }),
  );
}

export function renderRelationFilters(container: HTMLElement, counts: Counts, f: FilterState, on: SidebarHandlers): void {
  const blocks: HTMLElement[] = [];
  for (const [family, relations] of Object.entries(RELATION_FAMILIES) as [RelationFamily, readonly string[]][]) {
    const present = relations.filter((r) => (counts.relations.get(r) ?? 0) > 0);
    if (!present.length) continue;
    const total = present.reduce((n, r) => n + (counts.relations.get(r) ?? 0), 0);
    const allVisible = present.every((r) => !f.hiddenRelations.has(r));
    const head = h("label", { class: "family-head" }, [
      checkbox(allVisible, (v) => on.toggleRelations(present, v), { "data-family": family }),
      h("span", { class: "line" }),
      h("span", { class: "name", text: family }),
      h("span", { class: "count", text: total.toLocaleString("en") }),
    ]);
    head.style.setProperty("--c", FAMILY_COLORS[family]);
    const items = present.map((r) =>
      h("li", {}, [
        h("label", {}, [
          checkbox(!f.hiddenRelations.has(r), (v) => on.toggleRelations([r], v), { "data-relation": r }),
          h("span", { class: "name", text: relationLabel(r) }),
          h("span", { class: "count", text: (counts.relations.get(r) ?? 0).toLocaleString("en") }),
        ]),
      ]),
    );
    blocks.push(h("div", { class: "family" }, [head, h("ul", { class: "filters sub" }, items)]));
  }
  if (!blocks.length) blocks.push(h("p", { class: "muted", text: "No relations in this graph." }));
  container.replaceChildren(...blocks);
}
