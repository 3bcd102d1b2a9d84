// Property tests for ingest's parsers: random bytes, markup and records must never crash them, and what they
// return must keep the invariants later stages rely on (LF only, no BOM, YYYY-MM-DD dates). Fixed seeds.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeBytes, normalizeDate, parseHtmlArticle, readInputs, textMeta } from "../src/ingest/index.js";

const SEED = 20240630;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** Text with the characters that break naive parsers over-represented. */
const nasty = fc.string({
  unit: fc.oneof(
    fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    fc.constantFrom("\r\n", "\r", "\n", "\uFEFF", "\u0000", "\u2028", "\"", "'", "<", ">", "&", "#", "▲", "é", "😀", " "),
    fc.constantFrom("<script>", "</script>", "<p>", "</p>", "<html>", "<!--", "-->", "<br/>", "<nav>", "<title>"),
    fc.constantFrom("June 30, 2024", "2024-02-30", "30 Jun, 2024", "26-FEB-1987 15:01:01.79", "WASHINGTON: "),
  ),
  maxLength: 200,
});

describe("ingest parsers never crash", () => {
  it("decodeBytes: any bytes -> text without CR or BOM, or a binary verdict", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const r = decodeBytes(bytes);
        if (r.text === null) expect(r.fatal).toBe(true);
        else {
          expect(r.text).not.toContain("\r");
          if (r.encoding !== "utf-16le" && r.encoding !== "utf-16be") expect(r.text.startsWith("\uFEFF")).toBe(false);
        }
      }),
      { seed: SEED, numRuns: 3000 },
    );
  }, 60_000); // generous: CI machines can be loaded

  it("decodeBytes: valid UTF-8 round-trips", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const clean = s.replace(/[\r\uFEFF\u0000-\u001f]/g, "");
        const r = decodeBytes(Buffer.from(clean, "utf8"));
        expect(r.text).toBe(Buffer.from(clean, "utf8").toString("utf8")); // lone surrogates become U+FFFD
      }),
      { seed: SEED, numRuns: 2000 },
    );
  }, 60_000); // generous: CI machines can be loaded

  it("textMeta and normalizeDate: any text -> a short title or null, a real date or null", () => {
    fc.assert(
      fc.property(nasty, fc.boolean(), (text, markdown) => {
        const meta = textMeta(text.replace(/\r\n?/g, "\n"), markdown);
        if (meta.title !== null) expect(meta.title.length).toBeGreaterThan(0);
        if (meta.date !== null) expect(meta.date).toMatch(ISO);
        const d = normalizeDate(text);
        if (d !== null) expect(Number.isNaN(Date.parse(d))).toBe(false);
      }),
      { seed: SEED, numRuns: 3000 },
    );
  }, 60_000); // generous: CI machines can be loaded

  it("parseHtmlArticle: any markup -> text without CR, script bodies never leak", () => {
    fc.assert(
      fc.property(nasty, (html) => {
        // The script comes first: whatever follows, a parser has already closed it (after it, "<a 2<script>"
        // would legitimately turn the script tag into an attribute and its body into text, as in a browser).
        const page = parseHtmlArticle(`<script>SECRET_SCRIPT()</script>${html}`);
        expect(page.text).not.toContain("\r");
        expect(page.text).not.toContain("SECRET_SCRIPT");
        if (page.date !== null) expect(page.date).toMatch(ISO);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  }, 60_000); // generous: CI machines can be loaded
});

describe("readInputs on random files", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ng-fuzz-ingest-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("any JSONL content: no throw, every problem names the file, JSONL problems name a line", async () => {
    const line = fc.oneof(fc.json(), nasty, fc.record({ text: nasty, id: fc.oneof(nasty, fc.integer()), date: nasty }).map((r) => JSON.stringify(r)));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), fc.constantFrom(".jsonl", ".json", ".txt", ".md", ".html"), async (lines, ext) => {
        const file = path.join(dir, `f${n++}${ext}`);
        await writeFile(file, lines.join(ext === ".jsonl" ? "\n" : "\r\n"));
        const { articles, problems } = await readInputs([file]);
        for (const p of problems) {
          expect(p.path).toBe(file); // given absolute, shown absolute
          expect(p.message.length).toBeGreaterThan(0);
          const fileLevel = ["empty file, skipped", "no JSON records in this file"].includes(p.message) || p.message.startsWith("binary");
          if (ext === ".jsonl" && !fileLevel) expect(p.line).toBeGreaterThan(0);
        }
        for (const a of articles) {
          expect(a.text.trim()).not.toBe("");
          expect(a.text).not.toContain("\r");
          expect(a.id).not.toBe("");
          if (a.date !== null) expect(a.date).toMatch(ISO);
        }
        expect(new Set(articles.map((a) => a.id)).size).toBe(articles.length);
      }),
      { seed: SEED, numRuns: 400 },
    );
  }, 60_000);
});
