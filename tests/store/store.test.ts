// The store's rules, run on every back end: the same suite for SQLite and PostgreSQL.
import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contentHash, openStore, type Store } from "../../src/store/index.js";
import type { ArticleExtraction } from "../../src/types.js";
import { BACKENDS } from "./backends.js";
import { extraction, rawArticle } from "./fixtures.js";

describe.each(BACKENDS)("store on $name", (backend) => {
  let location: string;
  let store: Store;
  const count = (table: string, where = "") => backend.count(location, table, where);

  describe.skipIf(!backend.available)("rules", () => {
    beforeEach(async () => {
      location = await backend.fresh();
      store = await openStore(location);
    });
    afterEach(async () => {
      await store.close();
    });
    afterAll(() => backend.cleanup());

    it("stores extractions, returned by id whatever the ingest order", async () => {
      const b = extraction("b", "Ana López", "France");
      const a = extraction("a", "John Smith", "Côte d'Ivoire");
      const report = await store.ingest([
        { extraction: b, hash: contentHash("text b") },
        { extraction: a, hash: contentHash("text a") },
      ]);
      expect(report).toEqual({ added: ["b", "a"], updated: [], skipped: [] });
      expect(await store.extractions()).toEqual([a, b]);
      expect(await store.get("b")).toEqual(b);
      expect((await store.listArticles()).map((x) => [x.id, x.words, x.hash])).toEqual([
        ["a", a.words, contentHash("text a")],
        ["b", b.words, contentHash("text b")],
      ]);
      expect(await count("mentions")).toBe(4);
      expect(await count("evidence")).toBe(2);
    });

    it("orders ids byte-wise, as JavaScript does, on every back end", async () => {
      const ids = ["a", "B", "_x", "é", "Z1", "z"];
      await store.ingest(ids.map((id) => ({ extraction: extraction(id, "X", "Y"), hash: contentHash(id) })));
      expect((await store.listArticles()).map((x) => x.id)).toEqual([...ids].sort());
    });

    it("skips and counts an already-seen text, under the same id or another", async () => {
      await store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("same") }]);
      const report = await store.ingest([
        { extraction: extraction("a", "X", "Y"), hash: contentHash("same") },
        { extraction: extraction("copy-of-a", "X", "Y"), hash: contentHash("same") },
      ]);
      expect(report).toEqual({ added: [], updated: [], skipped: ["a", "copy-of-a"] });
      expect((await store.listArticles()).map((x) => x.id)).toEqual(["a"]);
    });

    it("keeps a text under its smallest id whatever the order", async () => {
      const extract = (raw: { id: string }) => extraction(raw.id, "X", "Y");
      for (const id of ["c", "b", "d", "a"]) await store.ingestArticle(rawArticle(id, "one text"), extract);
      expect((await store.listArticles()).map((x) => x.id)).toEqual(["a"]);
    });

    it("replaces an article whose text changed, with its rows", async () => {
      await store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("v1") }]);
      const report = await store.ingest([{ extraction: extraction("a", "X", "Z", "met"), hash: contentHash("v2") }]);
      expect(report.updated).toEqual(["a"]);
      expect((await store.get("a"))?.relations[0]?.relation).toBe("met");
      expect(await count("evidence")).toBe(1);
      expect(await count("mentions", "WHERE name = 'Y'")).toBe(0);
    });

    it("does not extract articles it has seen", async () => {
      const extract = vi.fn((raw: { id: string }) => extraction(raw.id, "X", "Y"));
      const first = await store.ingestArticles([rawArticle("a", "text a"), rawArticle("b", "text b")], extract);
      expect(first.added).toEqual(["a", "b"]);
      const second = await store.ingestArticles([rawArticle("a", "text a"), rawArticle("c", "text b"), rawArticle("d", "text d")], extract);
      expect(second).toEqual({ added: ["d"], updated: [], skipped: ["a", "c"] });
      expect(extract).toHaveBeenCalledTimes(3);
    });

    it("removes an article with its mentions and evidence, also from the published graph", async () => {
      await store.ingest([
        { extraction: extraction("a", "X", "Y"), hash: contentHash("a") },
        { extraction: extraction("b", "X", "Z"), hash: contentHash("b") },
      ]);
      const { buildGraph } = await import("../../src/graph/build.js");
      await store.publish(buildGraph(await store.extractions(), { layout: false }), (await store.graphState()).stored);
      expect(await count("graph_evidence", "WHERE document = 'a'")).toBe(1);
      expect(await store.remove("a")).toBe(true);
      expect(await store.remove("a")).toBe(false);
      expect((await store.listArticles()).map((x) => x.id)).toEqual(["b"]);
      expect(await count("mentions", "WHERE article_id = 'a'")).toBe(0);
      expect(await count("evidence", "WHERE article_id = 'a'")).toBe(0);
      expect(await count("graph_evidence", "WHERE document = 'a'")).toBe(0);
      expect(await count("evidence")).toBe(1);
      const state = await store.graphState();
      expect(state.published).not.toBe(state.stored);
      // The same text can come back after a removal.
      expect((await store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("a") }])).added).toEqual(["a"]);
    });

    it("never leaves half an article: a failing article rolls back whole, earlier ones stay", async () => {
      const bad = extraction("bad", "X", "Y") as ArticleExtraction;
      // A span offset that is not an integer makes the second mention insert fail inside the transaction.
      (bad.entities[1]!.mentions[0] as { start: unknown }).start = "not a number";
      await expect(
        store.ingest([
          { extraction: extraction("good", "X", "Y"), hash: contentHash("good") },
          { extraction: bad, hash: contentHash("bad") },
        ]),
      ).rejects.toThrow();
      expect((await store.listArticles()).map((x) => x.id)).toEqual(["good"]);
      expect(await count("mentions", "WHERE article_id = 'bad'")).toBe(0);
      expect(await count("mentions")).toBe(2);
      // and the store goes on working after the rollback
      expect((await store.ingest([{ extraction: extraction("next", "X", "Y"), hash: contentHash("next") }])).added).toEqual(["next"]);
    });

    it("slices extractions by date", async () => {
      const dated = (id: string, date: string | null) => {
        const x = extraction(id, "X", "Y");
        x.article.date = date;
        return { extraction: x, hash: contentHash(id) };
      };
      await store.ingest([dated("a", "2024-01-01"), dated("b", "2024-02-01"), dated("c", null), dated("d", "2024-03-01")]);
      const ids = async (w: { since?: string; until?: string }) => (await store.extractions(w)).map((x) => x.article.id);
      expect(await ids({})).toEqual(["a", "b", "c", "d"]);
      expect(await ids({ since: "2024-02-01" })).toEqual(["b", "d"]);
      expect(await ids({ since: "2024-01-15", until: "2024-02-15" })).toEqual(["b"]);
    });

    it("persists across reopening, and a read-only store refuses writes", async () => {
      await store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("a") }]);
      await store.close();
      store = await openStore(location, { readonly: true });
      expect((await store.listArticles()).map((x) => x.id)).toEqual(["a"]);
      await expect(store.remove("a")).rejects.toThrow(/read-only/);
      if (backend.name === "sqlite") {
        await store.close();
        expect(readdirSync(dirname(location)).filter((f) => f.startsWith(location.split("/").pop()!))).toEqual([location.split("/").pop()]);
        store = await openStore(location, { readonly: true });
      }
    });

    it("explains a store that does not exist yet", async () => {
      const empty = await backend.fresh();
      await expect(openStore(empty, { readonly: true })).rejects.toThrow(/newsgraph ingest/);
    });
  });
});

describe("SQLite specifics", () => {
  const backend = BACKENDS[0]!;
  afterAll(() => backend.cleanup());

  it("uses WAL", async () => {
    const file = await backend.fresh();
    const store = await openStore(file);
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("explains a file that is not a store", async () => {
    const notDb = join(dirname(await backend.fresh()), "graph.json");
    writeFileSync(notDb, JSON.stringify({ nodes: [], edges: [], padding: "x".repeat(200) }));
    await expect(openStore(notDb)).rejects.toThrow(/not a newsgraph store/);
  });

  it("migrates a version-1 store (before the published graph) in place", async () => {
    const file = await backend.fresh();
    const { MIGRATIONS } = await import("../../src/store/schema.js");
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!.sqlite);
    db.pragma("user_version = 1");
    db.prepare("INSERT INTO articles (id, hash, title, date, source, words, extraction) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run("a", contentHash("a"), null, null, "a.txt", 3, JSON.stringify(extraction("a", "X", "Y")));
    db.close();
    const store = await openStore(file, { readonly: true });
    expect((await store.extractions()).map((x) => x.article.id)).toEqual(["a"]);
    await store.close();
  });
});
