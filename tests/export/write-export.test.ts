import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { batched, EXPORT_FORMATS, toCypher, toGexf, toGraphml, writeExport } from "../../src/export/index.js";
import { readCsvObjects, sampleGraph } from "./helpers.js";

describe("writeExport", async () => {
  const dir = await mkdtemp(join(tmpdir(), "newsgraph-export-"));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  const json = sampleGraph();

  it.each(EXPORT_FORMATS.filter((f) => f !== "csv"))("writes %s to one file and leaves no temp files", async (format) => {
    const out = join(dir, format, `graph.${format}`);
    await writeExport(json, format, out);
    const text = await readFile(out, "utf8");
    expect(text.length).toBeGreaterThan(100);
    expect(await readdir(join(dir, format))).toEqual([`graph.${format}`]);
  });

  it("streamed files equal the in-memory documents", async () => {
    for (const [format, text] of [["graphml", toGraphml(json)], ["cypher", toCypher(json)], ["gexf", toGexf(json)]] as const) {
      const out = join(dir, `same.${format}`);
      await writeExport(json, format, out);
      expect(await readFile(out, "utf8")).toBe(text);
    }
  });

  it("batches small chunks without losing or reordering any", () => {
    const chunks = Array.from({ length: 10 }, (_, i) => `${i}-`);
    expect([...batched(chunks, 6)]).toEqual(["0-1-2-", "3-4-5-", "6-7-8-", "9-"]);
    expect([...batched([], 6)]).toEqual([]);
  });

  it("json is the graph itself", async () => {
    const out = join(dir, "g.json");
    await writeExport(json, "json", out);
    expect(JSON.parse(await readFile(out, "utf8"))).toEqual(json);
  });

  it("csv replaces an existing folder whole", async () => {
    const out = join(dir, "csv-out");
    await mkdir(out);
    await writeFile(join(out, "stale.csv"), "old\r\n");
    await writeExport(json, "csv", out);
    expect((await readdir(out)).sort()).toEqual(["articles.csv", "edges.csv", "evidence.csv", "nodes.csv"]);
    expect(readCsvObjects(await readFile(join(out, "nodes.csv"), "utf8"))).toHaveLength(3);
    expect((await readdir(dir)).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
