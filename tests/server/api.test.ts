// The query API gives the same answers over a published graph in SQLite, in PostgreSQL and over the graph JSON in
// memory; parameters are validated, and text that looks like SQL is only ever data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildGraph } from "../../src/graph/build.js";
import { extractArticle } from "../../src/pipeline/article.js";
import { readInputs } from "../../src/ingest/index.js";
import { answer, ApiError } from "../../src/server/api.js";
import { serveExplorer } from "../../src/server/http.js";
import { memoryQuery } from "../../src/server/memory.js";
import { refreshPublishedGraph } from "../../src/store/build.js";
import { contentHash, openStore, type GraphQuery, type Store } from "../../src/store/index.js";
import type { ArticleExtraction, GraphJson } from "../../src/types.js";
import { BACKENDS } from "../store/backends.js";

let extractions: ArticleExtraction[];
let graph: GraphJson;
const items: { extraction: ArticleExtraction; hash: string }[] = [];

beforeAll(async () => {
  const { articles } = await readInputs(["seeds"]);
  for (const a of articles) items.push({ extraction: extractArticle(a), hash: contentHash(a.text) });
  extractions = items.map((i) => i.extraction);
  graph = buildGraph(extractions, { layout: false });
}, 60_000);
afterAll(async () => {
  for (const b of BACKENDS) await b.cleanup();
});

const ask = (q: GraphQuery, path: string, params: Record<string, string> = {}) => answer(q, path, new URLSearchParams(params));

/** Every route the page uses, with a spread of parameters. */
async function everything(q: GraphQuery): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const text of ["kha", "KHAN", "pa", "united", "Azm-e", "zzzz", "%", "_"]) out.push(await ask(q, "search", { q: text }));
  out.push(await ask(q, "top", { limit: "10" }));
  out.push(await ask(q, "top", { limit: "10", since: "2024-06-30", until: "2024-06-30" }));
  out.push(await ask(q, "top", { since: "2030-01-01" }));
  for (const key of ["person:masood-khan", "country:pakistan", "country:united-states"]) {
    out.push(await ask(q, "neighbourhood", { key, hops: "1", limit: "5" }));
    out.push(await ask(q, "neighbourhood", { key, hops: "2", limit: "4" }));
    out.push(await ask(q, "neighbourhood", { key, relation: "urged,asked", kind: "country" }));
    out.push(await ask(q, "neighbourhood", { key, since: "2024-07-01" }));
    out.push(await ask(q, "entity", { key }));
    out.push(await ask(q, "evidence", { key, offset: "2", limit: "3" }));
    out.push(await ask(q, "quotes", { key, limit: "2" }));
  }
  out.push(await ask(q, "edge-evidence", { edge: graph.edges[0]!.key }));
  return out;
}

describe("query API", () => {
  it("answers from a graph JSON in memory", async () => {
    const q = memoryQuery(graph);
    expect(await ask(q, "search", { q: "masood" })).toEqual([{ key: "person:masood-khan", label: "Masood Khan", kind: "person", mentions: 11 }]);
    const hood = (await ask(q, "neighbourhood", { key: "person:masood-khan", limit: "3" })) as { nodes: { key: string }[]; edges: { weight: number }[] };
    expect(hood.edges).toHaveLength(3);
    expect(hood.edges.map((e) => e.weight)).toEqual([...hood.edges.map((e) => e.weight)].sort((a, b) => b - a));
    expect(hood.nodes.map((n) => n.key)).toContain("person:masood-khan");
    const page = (await ask(q, "evidence", { key: "person:masood-khan", limit: "4" })) as { items: unknown[]; total: number };
    expect(page.items).toHaveLength(4);
    expect(page.total).toBeGreaterThan(4);
  });

  it.each([
    ["search", {}, /q is required/],
    ["top", { limit: "ten" }, /whole number/],
    ["top", { since: "2024-13" }, /YYYY-MM-DD/],
    ["neighbourhood", { key: "x", kind: Array.from({ length: 60 }, (_, i) => `k${i}`).join(",") }, /at most 50/],
  ])("rejects bad parameters: %s %j", async (path, params, message) => {
    await expect(ask(memoryQuery(graph), path, params)).rejects.toThrow(ApiError);
    await expect(ask(memoryQuery(graph), path, params)).rejects.toThrow(message);
  });

  describe.each(BACKENDS)("over the graph published in $name", (backend) => {
    let store: Store;
    beforeAll(async () => {
      if (!backend.available) return;
      store = await openStore(await backend.fresh());
      await store.ingest(items);
      await refreshPublishedGraph(store);
    }, 60_000);
    afterAll(async () => {
      await store?.close();
    });

    it.skipIf(!backend.available)("gives the same answers as the graph in memory", async () => {
      expect(await everything(store.query)).toEqual(await everything(memoryQuery(graph)));
    });

    it.skipIf(!backend.available)("treats SQL in parameters as data, over HTTP", async () => {
      const view = await serveExplorer(store.query, "<html></html>");
      try {
        for (const q of ["'; DROP TABLE graph_nodes; --", "\" OR 1=1 --", "khan%' OR '1'='1"]) {
          const res = await fetch(`${view.url}api/search?q=${encodeURIComponent(q)}`);
          expect(res.status).toBe(200);
          expect(await res.json()).toEqual([]);
        }
        const bad = await fetch(`${view.url}api/neighbourhood?key=${encodeURIComponent("x' OR '1'='1")}`);
        expect(await bad.json()).toEqual({ nodes: [], edges: [] });
        expect((await fetch(`${view.url}api/nothing`)).status).toBe(404);
        expect((await fetch(`${view.url}../etc/passwd`)).status).toBe(404);
        expect((await fetch(`${view.url}api/info`, { method: "POST" })).status).toBe(405);
        expect(((await (await fetch(`${view.url}api/info`)).json()) as { nodes: number }).nodes).toBe(graph.nodes.length);
      } finally {
        await view.close();
      }
    });

    it.skipIf(!backend.available)("is republished when articles change, and a removed article's evidence is gone at once", async () => {
      const victim = extractions[0]!.article.id;
      expect(await store.remove(victim)).toBe(true);
      const page = (await ask(store.query, "evidence", { key: "person:masood-khan", limit: "100" })) as { items: { document: string }[] };
      expect(page.items.map((e) => e.document)).not.toContain(victim);
      expect(await refreshPublishedGraph(store)).toBe(true);
      expect(await refreshPublishedGraph(store)).toBe(false);
      const rest = buildGraph(extractions.slice(1), { layout: false });
      expect(await everything(store.query)).toEqual(await everything(memoryQuery(rest)));
    });
  });
});
