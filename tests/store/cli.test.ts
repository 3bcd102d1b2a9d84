import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { openStore } from "../../src/store/index.js";

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
