import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { HtmlTemplateError, injectGraph, renderHtml, scriptSafeJson, writeHtml } from "../../src/export/html.js";
import { sampleJson } from "./fixture.js";

const TEMPLATE = '<html><body><script type="module">x</script><script id="graph-data" type="application/json"></script></body></html>';
const DATA = /<script id="graph-data" type="application\/json">([\s\S]*?)<\/script>/;

describe("graph JSON inside the page", () => {
  it("escapes < so article text cannot close the script element", () => {
    const evil = { text: "</script><script>alert(1)</script><!-- \u2028" };
    const s = scriptSafeJson(evil);
    expect(s).not.toContain("<");
    expect(s).not.toContain("\u2028");
    expect(JSON.parse(s)).toEqual(evil);
  });

  it("injects into the single data element and nowhere else", () => {
    const graph = sampleJson();
    const html = injectGraph(TEMPLATE, graph);
    expect(html.startsWith('<html><body><script type="module">x</script>')).toBe(true);
    expect(JSON.parse(DATA.exec(html)![1]!)).toEqual(graph);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("embeds big graphs gzip+base64, which inflates back to the same graph", () => {
    const graph = sampleJson();
    const html = injectGraph(TEMPLATE, graph, { compress: true });
    const part = (id: string) => {
      const m = new RegExp(`<script id="${id}" type="application/gzip" data-encoding="base64"[^>]*>([A-Za-z0-9+/=]+)</script>`).exec(html);
      expect(m).not.toBeNull();
      return JSON.parse(gunzipSync(Buffer.from(m![1]!, "base64")).toString("utf8"));
    };
    expect(html).toContain(`data-count="${graph.edges.length}"`);
    expect({ ...part("graph-data"), edges: part("graph-edges") }).toEqual(graph);
    // small graphs stay readable JSON by default
    expect(injectGraph(TEMPLATE, graph)).toContain('type="application/json">{');
  });

  it("refuses a template without exactly one data element", () => {
    expect(() => injectGraph("<html></html>", sampleJson())).toThrow(HtmlTemplateError);
    expect(() => injectGraph(TEMPLATE + TEMPLATE, sampleJson())).toThrow(/exactly one/);
  });

  it("renders the real template: one self-contained file, no external resources", async () => {
    const html = await renderHtml(sampleJson());
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(JSON.parse(DATA.exec(html)![1]!).nodes).toHaveLength(sampleJson().nodes.length);
  }, 60_000);

  it("writeHtml writes atomically and leaves no temporary file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "newsgraph-html-"));
    const file = join(dir, "sub", "graph.html");
    await writeHtml(sampleJson(), file);
    expect(readFileSync(file, "utf8")).toContain('id="graph-data"');
    expect(readdirSync(join(dir, "sub"))).toEqual(["graph.html"]);
  }, 60_000);
});
