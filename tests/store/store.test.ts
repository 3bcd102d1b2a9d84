import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { contentHash, openStore, type Store } from "../../src/store/index.js";
import type { ArticleExtraction } from "../../src/types.js";
import { extraction, rawArticle } from "./fixtures.js";

let dir: string;
let file: string;
let store: Store;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "newsgraph-store-"));
  file = join(dir, "store.db");
  store = openStore(file);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(table: string, where = ""): number {
  const db = new Database(file, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table} ${where}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe("store", () => {
  it("uses WAL and stores extractions, returned by id whatever the ingest order", () => {
    const b = extraction("b", "Ana López", "France");
    const a = extraction("a", "John Smith", "Côte d'Ivoire");
    const report = store.ingest([
      { extraction: b, hash: contentHash("text b") },
      { extraction: a, hash: contentHash("text a") },
    ]);
    expect(report).toEqual({ added: ["b", "a"], updated: [], skipped: [] });
    expect(store.extractions()).toEqual([a, b]);
    expect(store.get("b")).toEqual(b);
    expect(store.listArticles().map((x) => [x.id, x.words, x.hash])).toEqual([
      ["a", a.words, contentHash("text a")],
      ["b", b.words, contentHash("text b")],
    ]);
    const db = new Database(file, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
    expect(count("mentions")).toBe(4);
    expect(count("evidence")).toBe(2);
  });

  it("skips and counts an already-seen text, under the same id or another", () => {
    store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("same") }]);
    const report = store.ingest([
      { extraction: extraction("a", "X", "Y"), hash: contentHash("same") },
      { extraction: extraction("copy-of-a", "X", "Y"), hash: contentHash("same") },
    ]);
    expect(report).toEqual({ added: [], updated: [], skipped: ["a", "copy-of-a"] });
    expect(store.listArticles().map((x) => x.id)).toEqual(["a"]);
  });

  it("replaces an article whose text changed, with its rows", () => {
    store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("v1") }]);
    const report = store.ingest([{ extraction: extraction("a", "X", "Z", "met"), hash: contentHash("v2") }]);
    expect(report.updated).toEqual(["a"]);
    expect(store.get("a")?.relations[0]?.relation).toBe("met");
    expect(count("evidence")).toBe(1);
    expect(count("mentions", "WHERE name = 'Y'")).toBe(0);
  });

  it("does not extract articles it has seen", () => {
    const extract = vi.fn((raw: { id: string }) => extraction(raw.id, "X", "Y"));
    const first = store.ingestArticles([rawArticle("a", "text a"), rawArticle("b", "text b")], extract);
    expect(first.added).toEqual(["a", "b"]);
    const second = store.ingestArticles([rawArticle("a", "text a"), rawArticle("c", "text b"), rawArticle("d", "text d")], extract);
    expect(second).toEqual({ added: ["d"], updated: [], skipped: ["a", "c"] });
    expect(extract).toHaveBeenCalledTimes(3);
  });

  it("removes an article with its mentions and evidence", () => {
    store.ingest([
      { extraction: extraction("a", "X", "Y"), hash: contentHash("a") },
      { extraction: extraction("b", "X", "Z"), hash: contentHash("b") },
    ]);
    expect(store.remove("a")).toBe(true);
    expect(store.remove("a")).toBe(false);
    expect(store.listArticles().map((x) => x.id)).toEqual(["b"]);
    expect(count("mentions", "WHERE article_id = 'a'")).toBe(0);
    expect(count("evidence", "WHERE article_id = 'a'")).toBe(0);
    expect(count("evidence")).toBe(1);
    // The same text can come back after a removal.
    expect(store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("a") }]).added).toEqual(["a"]);
  });

  it("never leaves half an article: a failing article rolls back whole, earlier ones stay", () => {
    const bad = extraction("bad", "X", "Y") as ArticleExtraction;
    // A span offset that is not an integer makes the second mention insert fail inside the transaction.
    (bad.entities[1]!.mentions[0] as { start: unknown }).start = "not a number";
    expect(() =>
      store.ingest([
        { extraction: extraction("good", "X", "Y"), hash: contentHash("good") },
        { extraction: bad, hash: contentHash("bad") },
      ]),
    ).toThrow();
    expect(store.listArticles().map((x) => x.id)).toEqual(["good"]);
    expect(count("mentions", "WHERE article_id = 'bad'")).toBe(0);
    expect(count("mentions")).toBe(2);
  });

  it("persists across reopening, and a read-only store refuses writes", () => {
    store.ingest([{ extraction: extraction("a", "X", "Y"), hash: contentHash("a") }]);
    store.close();
    store = openStore(file, { readonly: true });
    expect(store.listArticles().map((x) => x.id)).toEqual(["a"]);
    expect(() => store.remove("a")).toThrow(/read-only/);
    store.close();
    expect(readdirSync(dir).sort()).toEqual(["store.db"]);
    store = openStore(file, { readonly: true });
  });

  it("explains a file that is not a store", () => {
    const notDb = join(dir, "graph.json");
    writeFileSync(notDb, JSON.stringify({ nodes: [], edges: [], padding: "x".repeat(200) }));
    expect(() => openStore(notDb)).toThrow(/not a newsgraph store/);
  });

  it("explains a missing store", () => {
    expect(() => openStore(join(dir, "missing.db"), { readonly: true })).toThrow(/newsgraph ingest/);
  });
});
