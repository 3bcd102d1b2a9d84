import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { validateCommand } from "../src/cli/commands/validate.js";
import { validateGraphJson } from "../src/export/schema.js";
import type { GraphJson } from "../src/types.js";

/** A small graph that follows every rule; each case below breaks one thing. */
function validGraph(): GraphJson {
  const evidence = { document: "a1", start: 0, end: 30, text: "Pakistan urged the US to help.", rule: "urge-to" };
  const node = (label: string, kind: "person" | "country") => ({
    label, kind, aliases: [label], mentions: 2, documents: ["a1"], quotes: [], x: 0.5, y: -1, size: 3,
  });
  return {
    attributes: {
      generator: "newsgraph",
      version: "0.1.0",
      articles: [{ id: "a1", title: "Title", date: "2024-06-30", source: "seeds/a1.txt" }],
    },
    options: { type: "directed", multi: true, allowSelfLoops: false },
    nodes: [
      { key: "pakistan", attributes: { ...node("Pakistan", "country"), quotes: [{ start: 3, end: 9, text: "quoted", document: "a1" }] } },
      { key: "us", attributes: node("United States", "country") },
    ],
    edges: [
      { key: "e0", source: "pakistan", target: "us", attributes: { relation: "urged", weight: 1, evidence: [evidence], rule: "urge-to" } },
    ],
  };
}

type Mutation = (g: GraphJson & Record<string, unknown>) => void;
const at = <T>(items: T[], i: number): T => items[i] as T;

describe("validateGraphJson", () => {
  it("accepts a valid graph, with optional fields and extra attributes", () => {
    const g = validGraph();
    expect(validateGraphJson(g)).toEqual({ ok: true });
    at(g.edges, 0).attributes.cameo = "0211";
    at(at(g.edges, 0).attributes.evidence, 0).quote = "help";
    (at(g.nodes, 0).attributes as unknown as Record<string, unknown>)["community"] = 3;
    g.attributes.articles.push({ id: "a2", title: null, date: null, source: "x", duplicates: [{ id: "a3", source: "y" }] });
    expect(validateGraphJson(g)).toEqual({ ok: true });
  });

  it("rejects a duplicate reference without an id", () => {
    const g = validGraph();
    g.attributes.articles.push({ id: "a2", title: null, date: null, source: "x", duplicates: [{ id: "", source: "y" }] });
    expect(validateGraphJson(g).ok).toBe(false);
  });

  it.each<[string, Mutation, string[]]>([
    ["unknown kind", (g) => { (at(g.nodes, 0).attributes as { kind: string }).kind = "animal"; },
      ['nodes[0].attributes.kind: Invalid option: expected one of "person"|"country"|"organization"|"place"|"event"|"exercise"']],
    ["unknown relation", (g) => { (at(g.edges, 0).attributes as { relation: string }).relation = "loves"; },
      ["edges[0].attributes.relation: Invalid option"]],
    ["negative offset", (g) => { at(at(g.edges, 0).attributes.evidence, 0).start = -1; },
      ["edges[0].attributes.evidence[0].start: Too small: expected number to be >=0"]],
    ["start after end", (g) => { at(at(g.edges, 0).attributes.evidence, 0).start = 40; },
      ["edges[0].attributes.evidence[0].end: start must not be after end"]],
    ["quote start after end", (g) => { at(at(g.nodes, 0).attributes.quotes, 0).end = 1; },
      ["nodes[0].attributes.quotes[0].end: start must not be after end"]],
    ["fractional offset", (g) => { at(at(g.edges, 0).attributes.evidence, 0).end = 2.5; },
      ["edges[0].attributes.evidence[0].end: Invalid input: expected int, received number"]],
    ["dangling target", (g) => { at(g.edges, 0).target = "india"; }, ['edges[0].target: no node with key "india"']],
    ["self loop", (g) => { at(g.edges, 0).target = "pakistan"; }, ['edges[0]: self loop on "pakistan" (allowSelfLoops is false)']],
    ["duplicate node key", (g) => { at(g.nodes, 1).key = "pakistan"; },
      ['nodes[1].key: duplicate node key "pakistan"', 'edges[0].target: no node with key "us"']],
    ["duplicate edge key", (g) => { g.edges.push(structuredClone(at(g.edges, 0))); }, ['edges[1].key: duplicate edge key "e0"']],
    ["duplicate article id", (g) => { g.attributes.articles.push({ ...at(g.attributes.articles, 0) }); },
      ['attributes.articles[1].id: duplicate article id "a1"']],
    ["unknown evidence document", (g) => { at(at(g.edges, 0).attributes.evidence, 0).document = "zz"; },
      ['edges[0].attributes.evidence[0]: document "zz" is not in attributes.articles']],
    ["unknown node document", (g) => { at(g.nodes, 1).attributes.documents.push("zz"); },
      ['nodes[1].attributes.documents[1]: document "zz" is not in attributes.articles']],
    ["NaN position", (g) => { at(g.nodes, 0).attributes.x = Number.NaN; }, ["nodes[0].attributes.x: Invalid input: expected number, received NaN"]],
    ["bad date", (g) => { at(g.attributes.articles, 0).date = "30 Jun 2024"; }, ["attributes.articles[0].date: must be a YYYY-MM-DD date"]],
    ["no evidence", (g) => { at(g.edges, 0).attributes.evidence = []; }, ["edges[0].attributes.evidence: an edge needs at least one evidence sentence"]],
    ["zero weight", (g) => { at(g.edges, 0).attributes.weight = 0; }, ["edges[0].attributes.weight: Too small: expected number to be >0"]],
    ["undirected", (g) => { (g.options as { type: string }).type = "undirected"; }, ['options.type: Invalid input: expected "directed"']],
    ["missing label", (g) => { delete (at(g.nodes, 0).attributes as Partial<GraphJson["nodes"][number]["attributes"]>).label; },
      ["nodes[0].attributes.label: Invalid input: expected string, received undefined"]],
    ["nodes not an array", (g) => { (g as Record<string, unknown>)["nodes"] = {}; },
      ["nodes: Invalid input: expected array, received object", 'edges[0].source: no node with key "pakistan"', 'edges[0].target: no node with key "us"']],
  ])("rejects %s", (_name, mutate, expected) => {
    const g = validGraph() as GraphJson & Record<string, unknown>;
    mutate(g);
    const result = validateGraphJson(g);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(expected.length);
    expected.forEach((e, i) => expect(errors[i]).toContain(e));
  });

  it.each([null, 42, "graph", [], {}])("rejects a non-graph value %j without throwing", (value) => {
    const result = validateGraphJson(value);
    expect(result.ok).toBe(false);
  });
});

describe("newsgraph validate", () => {
  async function run(content: string | null, args: string[] = []): Promise<{ code: number; out: string; err: string }> {
    const dir = await mkdtemp(path.join(tmpdir(), "ng-validate-"));
    const file = path.join(dir, "graph.json");
    if (content !== null) await writeFile(file, content);
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    let out = "";
    let err = "";
    stdout.on("data", (d: Buffer) => (out += d.toString()));
    stderr.on("data", (d: Buffer) => (err += d.toString()));
    try {
      const code = await validateCommand.run([file, ...args], { stdout, stderr });
      return { code, out: out.replaceAll(file, "graph.json"), err: err.replaceAll(file, "graph.json") };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it("exits 0 for a valid graph", async () => {
    expect(await run(JSON.stringify(validGraph()))).toEqual({ code: 0, out: "graph.json: valid (2 nodes, 1 edges, 1 articles)\n", err: "" });
  });

  it("exits 1 and lists the errors for an invalid graph", async () => {
    const g = validGraph();
    at(g.edges, 0).target = "nowhere";
    at(g.nodes, 0).attributes.mentions = -2;
    const r = await run(JSON.stringify(g));
    expect(r.code).toBe(1);
    expect(r.err).toBe(
      "graph.json: invalid, 2 errors:\n  nodes[0].attributes.mentions: Too small: expected number to be >=0\n" +
        '  edges[0].target: no node with key "nowhere"\n',
    );
  });

  it("exits 1 for a file that is not JSON", async () => {
    const r = await run("{ nope");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^graph\.json: invalid: not JSON \(/);
  });

  it("exits 1 for a missing file, and throws a usage error for extra arguments", async () => {
    expect(await run(null)).toEqual({ code: 1, out: "", err: "graph.json: cannot read: no such file or folder\n" });
    await expect(run("{}", ["other.json"])).rejects.toMatchObject({ name: "UsageError" });
  });
});
