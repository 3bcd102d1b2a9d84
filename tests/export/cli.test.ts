import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";

const run = runCli;

const fixture = new URL("../fixtures/export/sample-graph.json", import.meta.url).pathname;

describe("newsgraph export", async () => {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-export-cli-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each(["gexf", "graphml", "cypher"])("writes %s", async (format) => {
    const out = join(dir, `g.${format}`);
    const r = await run(["export", fixture, "--format", format, "--out", out]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toContain("3 nodes, 4 edges");
  });

  it("writes the csv folder and the neo4j-admin set", async () => {
    const r = await run(["export", fixture, "--format", "csv", "--out", join(dir, "csv"), "--neo4j-import", join(dir, "neo")]);
    expect(r.code).toBe(0);
    expect((await readdir(join(dir, "csv"))).sort()).toEqual(["articles.csv", "edges.csv", "evidence.csv", "nodes.csv"]);
    expect(await readdir(join(dir, "neo"))).toContain("import.sh");
  });

  it.each([
    ["no format", ["export", "x.json"], /--format is required/],
    ["bad format", ["export", "x.json", "--format", "dot"], /unknown format "dot"/],
    ["no input", ["export", "--format", "gexf"], /give the graph JSON/],
    ["overwriting the input", ["export", "/tmp/g.json", "--format", "json"], /overwrite the input/],
  ])("usage error: %s", async (_name, argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it("refuses a file that is not a graph JSON, naming the problems", async () => {
    const bad = join(dir, "bad.json");
    await writeFile(bad, JSON.stringify({ nodes: [] }));
    const r = await run(["export", bad, "--format", "gexf", "--out", join(dir, "bad.gexf")]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not a valid newsgraph graph JSON/);
  });
});
