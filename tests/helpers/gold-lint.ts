import { expect, it } from "vitest";
import { ENTITY_KINDS, RELATIONS } from "../../src/types.js";
import type { GoldArticle } from "../../src/eval/dev-gold.js";

type Annotation = Omit<GoldArticle, "text">;

/** The checks every gold annotation file must pass, registered as tests in the calling describe block. */
export function lintAnnotations(annotations: () => readonly Annotation[]): void {
  it("uses only the six entity kinds and no duplicate entity ids", () => {
    for (const a of annotations()) {
      const ids = a.entities.map((e) => e.id);
      expect(new Set(ids).size, `${a.id}: duplicate entity ids`).toBe(ids.length);
      for (const e of a.entities) {
        expect(ENTITY_KINDS, `${a.id}: ${e.id}`).toContain(e.kind);
        expect(e.aliases.length, `${a.id}: ${e.id} has no aliases`).toBeGreaterThan(0);
      }
    }
  });

  it("uses only relations of the vocabulary, between declared entities", () => {
    for (const a of annotations()) {
      const ids = new Set(a.entities.map((e) => e.id));
      for (const r of a.relations) {
        const label = `${a.id}: ${r.source} -${r.relation}-> ${r.target}`;
        expect(RELATIONS, label).toContain(r.relation);
        expect(ids.has(r.source), label).toBe(true);
        expect(ids.has(r.target), label).toBe(true);
        expect(r.source, label).not.toBe(r.target);
      }
    }
  });

  it("attributes every quote to a declared entity", () => {
    for (const a of annotations()) {
      const ids = new Set(a.entities.map((e) => e.id));
      for (const q of a.quotes) expect(ids.has(q.speaker), `${a.id}: ${q.speaker}`).toBe(true);
    }
  });
}
