// Hostile text: each row names an input that once produced something absurd, and what must (and must not) come out.
import { mkdtempSync, rmSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { extractArticle } from "../src/pipeline/article.js";
import { DEFAULT_LIMITS } from "../src/extract/bounds.js";
import { readInputs } from "../src/ingest/index.js";
import { truncateMarked, visibleText } from "../src/nlp/text.js";
import { tokenize } from "../src/nlp/tokenize.js";
import type { ArticleExtraction, GraphJson } from "../src/types.js";
import { shorten } from "../src/util/shorten.js";
import { runCli } from "./helpers/cli.js";

const dir = mkdtempSync(path.join(tmpdir(), "newsgraph-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function extract(text: string): ArticleExtraction {
  return extractArticle({ id: "t/1", text, title: null, date: null, source: "t/1.txt" });
}

const people = (x: ArticleExtraction) => x.entities.filter((e) => e.kind === "person").map((e) => e.name).sort();

describe("format characters neither split nor join names", () => {
  it.each([
    ["zero-width spaces around a first name", "\u200bAngela\u200b Merkel met Emmanuel Macron in Berlin on Monday."],
    ["a soft hyphen inside a name", "Ang\u00ADela Mer\u00ADkel met Emmanuel Macron in Berlin on Monday."],
    ["bidi embedding around a name", "\u202aAngela Merkel\u202c met Emmanuel Macron in Berlin on Monday."],
    ["a zero-width joiner inside a name", "Angela Mer\u200dkel met Emmanuel Macron in Berlin on Monday."],
    ["a word joiner between the names", "Angela\u2060 Merkel met Emmanuel Macron in Berlin on Monday."],
  ])("%s", (_, text) => {
    const x = extract(text);
    expect(people(x)).toEqual(["Angela Merkel", "Emmanuel Macron"]);
    // offsets still point into the text as given: the span, made visible, is the name
    const merkel = x.entities.find((e) => e.name === "Angela Merkel")!;
    for (const m of merkel.mentions) expect(visibleText(text.slice(m.start, m.end)).replace(/\s+/g, " ")).toBe(m.text);
  });

  it("a zero-width space between two words still separates them (no token holds a space)", () => {
    expect(tokenize("Merkel\u200b met").map((t) => t.text)).toEqual(["Merkel", "met"]);
    expect(tokenize("\u200b\u200b").map((t) => t.text)).toEqual([]);
  });

  it("compares names in NFC: a decomposed and a composed é are one person", () => {
    const x = extract("José Ramos met Emmanuel Macron in Paris. Later Jose\u0301 Ramos said the talks went well.");
    expect(people(x)).toEqual(["Emmanuel Macron", "José Ramos"]);
  });
});

describe("bounded names", () => {
  it("a 200,000-character word is no entity, and the names beside it still are", () => {
    const x = extract(`The minister said ${"A".repeat(200_000)} today. Angela Merkel met Emmanuel Macron in Berlin.`);
    expect(people(x)).toEqual(["Angela Merkel", "Emmanuel Macron"]);
    for (const e of x.entities) expect(e.name.length).toBeLessThanOrEqual(DEFAULT_LIMITS.nameChars);
  });

  it("a capitalised run of more than 12 words is no name", () => {
    const run = "Alpha Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November";
    const x = extract(`${run} met Emmanuel Macron in Paris.`);
    for (const e of x.entities) expect(e.name.split(" ").length).toBeLessThanOrEqual(DEFAULT_LIMITS.nameTokens);
    expect(x.entities.map((e) => e.name)).not.toContain(run);
  });

  it("a 'word' without letters is no entity", () => {
    const x = extract("Officials said 4455667 met 8899 in Paris on Monday. Emmanuel Macron agreed.");
    for (const e of x.entities) expect(e.name).toMatch(/\p{L}/u);
  });

  it("a long quotation is kept whole in its offsets and cut, marked, in its text", () => {
    const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
    const text = `Emmanuel Macron said: “${words}.” He left.`;
    const x = extract(text);
    const q = x.quotes[0]!;
    expect(q.text.length).toBeLessThanOrEqual(DEFAULT_LIMITS.quoteChars);
    expect(q.text.endsWith("…")).toBe(true);
    expect(text.slice(q.start, q.end).startsWith(q.text.slice(0, -1))).toBe(true);
  });

  it("truncateMarked cuts at a word when one is near and marks the cut", () => {
    expect(truncateMarked("short", 10)).toBe("short");
    expect(truncateMarked("alpha beta gamma delta", 12)).toBe("alpha beta…");
    expect(truncateMarked("x".repeat(50), 10)).toBe(`${"x".repeat(9)}…`);
    expect(truncateMarked(`${"x".repeat(8)}😀tail`, 10)).toBe(`${"x".repeat(8)}…`); // never half a surrogate pair
  });
});

describe("messages stay readable", () => {
  it("shorten keeps head and tail around an ellipsis", () => {
    expect(shorten("abc", 10)).toBe("abc");
    const s = shorten("a".repeat(50) + "z".repeat(50), 20);
    expect(s).toHaveLength(20);
    expect(s).toMatch(/^a+…z+$/);
  });

  it("a 5,000-character id is bounded, and every warning about it is under 300 characters", async () => {
    const file = path.join(dir, "long-id.jsonl");
    const id = "i".repeat(5_000);
    await writeFile(file, `${JSON.stringify({ id, text: "One text." })}\n${JSON.stringify({ id, text: "Two text.", date: "not a date" })}\n`);
    const { articles, problems } = await readInputs([file], { maxArticleChars: 5 });
    expect(problems.length).toBeGreaterThanOrEqual(4); // two truncations, the shortened id, the repeated id, the date
    for (const a of articles) expect(a.id.length).toBeLessThanOrEqual(160);
    expect(new Set(articles.map((a) => a.id)).size).toBe(2);
    const { formatProblem } = await import("../src/ingest/index.js");
    for (const p of problems) expect(formatProblem(p).length).toBeLessThan(300);
  });
});

describe("the hostile folder, as a user builds it", () => {
  it("yields no node over the name limit, one Angela Merkel, and short warnings", async () => {
    const folder = path.join(dir, "hostile");
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, "long.txt"), `Report\n\nThe minister said ${"A".repeat(10_000_000)} today.\n`);
    await writeFile(path.join(folder, "zw.txt"), "Merkel visit\n\n\u200bAngela\u200b Merkel met Emmanuel Macron in Berlin. Merkel said the talks went well.\n");
    await writeFile(path.join(folder, `${"x".repeat(200)}.txt`), "Short\n\nA line with a NUL \u0000 byte.\n");
    const out = path.join(dir, "hostile.json");
    const r = await runCli(["build", folder, "--out", out, "--no-layout"]);
    const graph = JSON.parse(await readFile(out, "utf8")) as GraphJson;
    for (const n of graph.nodes) {
      expect(n.attributes.label.length).toBeLessThanOrEqual(DEFAULT_LIMITS.nameChars);
      for (const a of n.attributes.aliases) expect(a.length).toBeLessThanOrEqual(DEFAULT_LIMITS.nameChars);
    }
    expect(graph.nodes.filter((n) => n.attributes.kind === "person").map((n) => n.attributes.label).sort()).toEqual(["Angela Merkel", "Emmanuel Macron"]);
    const lines = r.err.split("\n").filter((l) => l.length > 0);
    expect(lines.length).toBeGreaterThanOrEqual(2); // the truncation and the binary file
    for (const l of lines) expect(l.length).toBeLessThan(300);
  }, 300_000);
});
