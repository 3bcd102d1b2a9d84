// The seeds end to end: golden file, determinism, and what the build issue promises about the merged graph.
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildSeedsGraph, GOLDEN_FILE } from "./helpers/seeds.js";
import type { GraphJson } from "../src/types.js";
import { validateGraphJson } from "../src/export/schema.js";
import { renderHtml } from "../src/export/html.js";

const built = await buildSeedsGraph();
const graph = JSON.parse(built) as GraphJson;
const node = (pred: (n: GraphJson["nodes"][number]) => boolean) => graph.nodes.filter(pred);

describe("seeds graph", () => {
  it("matches the golden file (npm run golden:update after an intended change)", () => {
    expect(existsSync(GOLDEN_FILE)).toBe(true);
    expect(built).toBe(readFileSync(GOLDEN_FILE, "utf8"));
  });

  it("is byte-identical across runs and input orders", async () => {
    expect(await buildSeedsGraph()).toBe(built);
    expect(await buildSeedsGraph("reversed")).toBe(built);
  });

  it("gives a byte-identical page for either input order", async () => {
    const reversed = JSON.parse(await buildSeedsGraph("reversed")) as GraphJson;
    expect(await renderHtml(reversed)).toBe(await renderHtml(graph));
  }, 120_000);

  it("is valid against the graph schema", () => {
    expect(validateGraphJson(graph)).toEqual({ ok: true });
  });

  it("has one Masood Khan carrying his quotations from both articles", () => {
    const khan = node((n) => n.attributes.aliases.includes("Masood Khan"));
    expect(khan).toHaveLength(1);
    expect(khan[0]?.attributes.kind).toBe("person");
    expect(new Set(khan[0]?.attributes.quotes.map((q) => q.document)).size).toBe(2);
  });

  it("has one node for the operation with every spelling as an alias", () => {
    const op = node((n) => n.attributes.kind === "event" && n.attributes.aliases.includes("Azmi Isteqam"));
    expect(op).toHaveLength(1);
    for (const s of ["Azmi Istekam", "Azm-e-Istekam", "Azm-i-Istekam", "Azm-e-Istehkam", "Operation Azm-e-Istehkam", "Operation Azmi Istekam", "Operation Azm-e-Istekam"]) {
      expect(op[0]?.attributes.aliases).toContain(s);
    }
  });

  it("has one United States, known also as US and Washington (as actor)", () => {
    const us = node((n) => n.attributes.kind === "country" && n.attributes.aliases.includes("US"));
    expect(us).toHaveLength(1);
    expect(us[0]?.attributes.aliases).toEqual(expect.arrayContaining(["United States", "Washington"]));
  });

  it("makes no node of page debris and no quotation of an exercise name", () => {
    expect(node((n) => /^(AIRLINK|Print)$/i.test(n.attributes.label))).toHaveLength(0);
    const quotes = graph.nodes.flatMap((n) => n.attributes.quotes.map((q) => q.text));
    for (const name of ["Inspired Union 2024", "Falcon Talon", "Red Flag", "Azm-i-Istekam"]) expect(quotes).not.toContain(name);
    expect(node((n) => n.attributes.kind === "exercise").map((n) => n.attributes.label).sort()).toEqual(["Falcon Talon", "Inspired Union 2024", "Red Flag"]);
  });

  it("gives every edge its evidence sentence with offsets into the article", () => {
    const texts = new Map<string, string>();
    for (const a of graph.attributes.articles) texts.set(a.id, readFileSync(a.source, "utf8"));
    for (const e of graph.edges) {
      expect(e.attributes.evidence.length).toBe(e.attributes.weight);
      for (const ev of e.attributes.evidence) expect(texts.get(ev.document)?.slice(ev.start, ev.end)).toBe(ev.text);
    }
  });
});
