import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { openStore } from "../../src/store/index.js";
import type { GraphJson } from "../../src/types.js";

const run = runCli;

describe("newsgraph ingest / remove", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-store-cli-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, "news.db");
  const seeds = readdirSync("seeds").filter((f) => f.endsWith(".txt")).sort();
  const first = `seeds/${basename(seeds[0]!, extname(seeds[0]!))}`;

  it("ingests the seeds, then skips them the second time", async () => {
    const r = await run(["ingest", "seeds", "--db", db]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`added ${seeds.length}, updated 0, skipped 0`));
    const again = await run(["ingest", "seeds", "--db", db]);
    expect(again.out).toMatch(new RegExp(`added 0, updated 0, skipped ${seeds.length}`));
  }, 60_000);

  it("removes an article by id, and says which ids it did not find", async () => {
    const r = await run(["remove", "--db", db, first, "no-such-article"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("removed 1, not found 1");
    expect(r.err).toContain("no-such-article");
    const store = await openStore(db, { readonly: true });
    expect((await store.listArticles()).map((a) => a.id)).not.toContain(first);
    await store.close();
  });

  it("does not create a store to remove from", async () => {
    const r = await run(["remove", "--db", join(dir, "typo.db"), "x"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/does not exist/);
    expect(readdirSync(dir)).not.toContain("typo.db");
  });

  it.each([
    [["ingest", "seeds"], /--db is required/],
    [["ingest", "--db", "x.db"], /at least one file/],
    [["remove", "--db", "x.db"], /at least one article id/],
  ])("usage error %#", async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });
});

describe("newsgraph build --db: slices", () => {
  const dir = mkdtempSync(join(tmpdir(), "newsgraph-store-slice-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, "news.db");
  const graphOf = (file: string) => JSON.parse(readFileSync(file, "utf8")) as GraphJson;

  it("by date window and around an entity", async () => {
    expect((await run(["ingest", "seeds", "--db", db])).code).toBe(0);
    const all = join(dir, "all.json");
    expect((await run(["build", "--db", db, "--out", all, "--no-layout", "--quiet"])).code).toBe(0);
    const whole = graphOf(all);

    // only the dated seed (2024-06-30); the other has no date, so a window leaves it out
    const dated = join(dir, "dated.json");
    expect((await run(["build", "--db", db, "--since", "2024-06-30", "--until", "2024-06-30", "--out", dated, "--no-layout", "--quiet"])).code).toBe(0);
    expect(graphOf(dated).attributes.articles.map((a) => a.date)).toEqual(["2024-06-30"]);
    const empty = join(dir, "empty.json");
    await run(["build", "--db", db, "--since", "2025-01-01", "--out", empty, "--no-layout", "--quiet"]);
    expect(graphOf(empty).nodes).toEqual([]);

    // around an entity, by name: it and its neighbours, nothing else
    const around = join(dir, "around.graphml");
    expect((await run(["build", "--db", db, "--around", "Masood Khan", "--hops", "1", "--format", "graphml", "--out", around, "--quiet"])).code).toBe(0);
    expect(readFileSync(around, "utf8")).toContain("person:masood-khan");
    const aroundJson = join(dir, "around.json");
    await run(["build", "--db", db, "--around", "person:masood-khan", "--hops", "1", "--out", aroundJson, "--no-layout", "--quiet"]);
    const slice = graphOf(aroundJson);
    const neighbours = new Set(["person:masood-khan"]);
    for (const e of whole.edges) {
      if (e.source === "person:masood-khan") neighbours.add(e.target);
      if (e.target === "person:masood-khan") neighbours.add(e.source);
    }
    expect(new Set(slice.nodes.map((n) => n.key))).toEqual(neighbours);
    expect(slice.nodes.length).toBeLessThan(whole.nodes.length);

    const unknown = await run(["build", "--db", db, "--around", "Nobody Atall", "--out", join(dir, "x.json")]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/no entity "Nobody Atall"/);
    expect((await run(["build", "seeds", "--since", "2024-01-01"])).err).toMatch(/give --db/);
  }, 120_000);
});
