import { existsSync } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InputProblem } from "../src/ingest/index.js";
import { IngestError, formatProblem, parseHtmlArticle, readInputs, streamInputs } from "../src/ingest/index.js";
import { extractArticle } from "../src/pipeline/article.js";
import { shortHash } from "../src/util/hash.js";

const FIX = "tests/fixtures/ingest";
/** shared/ sits beside the repository, in development and in CI. */
const SHARED = path.resolve("../shared");
const hasCorpora = existsSync(path.join(SHARED, "corpora/news"));

/** The text of the second "a1" record in broken.jsonl: its id gets this text's hash. */
const a1Again = "Duplicate id article.";

function shown(problems: InputProblem[]): string[] {
  return problems.map(formatProblem);
}

describe("seeds", () => {
  it.each([
    ["seeds/000_df5ff5e2f72e0d1f.txt", "seeds/000_df5ff5e2f72e0d1f", null, null],
    [
      "seeds/001_5690c0a608326268.txt",
      "seeds/001_5690c0a608326268",
      "Operation Azm-e-Istehkam: Pakistan urges US to provide modern smalls arms",
      "2024-06-30",
    ],
  ])("%s", async (file, id, title, date) => {
    const { articles, problems } = await readInputs([file]);
    expect(problems).toEqual([]);
    expect(articles).toHaveLength(1);
    const a = articles[0]!;
    expect({ id: a.id, title: a.title, date: a.date, source: a.source }).toEqual({ id, title, date, source: file });
    expect(a.text.startsWith("\uFEFF")).toBe(false);
    expect(a.text.includes("\r")).toBe(false);
  });

  it("reads the seeds folder in sorted order", async () => {
    const { articles } = await readInputs(["seeds"]);
    expect(articles.map((a) => a.id)).toEqual(["seeds/000_df5ff5e2f72e0d1f", "seeds/001_5690c0a608326268"]);
  });
});

describe("text files: decoding, title and date", () => {
  it.each([
    // [file, id, title, date, text must contain, text must start with]
    ["crlf.txt", "ingest/crlf", "Storm hits coast", "2024-06-30", "officials said.\nMore rain", "Storm hits coast\n\n"],
    ["bom.md", "ingest/bom", "Markdown title here", "2024-06-30", "Body text", "# Markdown title here"],
    ["latin1.txt", "ingest/latin1", "Chelsea sack Mutu", null, "The fine was £600 for", "Chelsea"],
  ])("%s", async (file, id, title, date, contains, starts) => {
    const { articles } = await readInputs([`${FIX}/${file}`]);
    const a = articles[0]!;
    expect([a.id, a.title, a.date]).toEqual([id, title, date]);
    expect(a.text).toContain(contains);
    expect(a.text.startsWith(starts)).toBe(true);
    expect(a.text).not.toMatch(/[\r\uFEFF]/);
  });

  it.skipIf(!hasCorpora)("decodes the BBC sport/199 Latin-1 pound sign as £", async () => {
    const bbc = path.join(SHARED, "corpora/news/bbc/raw/bbc/sport/199.txt");
    const { articles, problems } = await readInputs([bbc]);
    expect(articles[0]?.text).toContain("£");
    expect(articles[0]?.text).not.toContain("\uFFFD");
    expect(problems.map((p) => p.message)).toEqual(["not valid UTF-8 (byte 0xA3 at offset 257); decoded as Windows-1252"]);
  });
});

describe("title and date heuristics", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ng-ingest-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ["plain headline", "Headline here\n\nBody sentence one. Body two.\n", "Headline here", null],
    ["sentence first line", "This is a sentence.\n\nAnother one.\n", null, null],
    ["date line first", "June 30, 2024\nLeaders meet\n\nBody.\n", "Leaders meet", "2024-06-30"],
    ["ISO with time", "Leaders meet\n2024-06-30T10:00:00Z\n\nBody.\n", "Leaders meet", "2024-06-30"],
    ["reuters dateline date", "Leaders meet\n\nLONDON, June 30, 2024 (Reuters) - The leaders of two nations met on Sunday in London to discuss trade, security and the weather, officials said.\n", "Leaders meet", "2024-06-30"],
    ["dateline first line", "NEW YORK: Pakistan urged Washington to help.\nMore.\n", null, null],
    ["only a line", "Just one line\n", null, null],
    ["date without year ignored", "Talks on June 22\n\nBody.\n", "Talks on June 22", null],
    ["impossible date ignored", "Feb 30, 2024\nTitle\n\nBody.\n", "Title", null],
    ["ticker debris skipped", "AAPL 190.00 ▲ 1.2 (0.6%)\nReal title\n\nBody.\n", "Real title", null],
    ["title ending in U.S.", "Pakistan seeks arms from U.S.\n\nBody.\n", "Pakistan seeks arms from U.S.", null],
    ["figures in a title", "Singapore growth at 8.1% in 2004\n\nBody.\n", "Singapore growth at 8.1% in 2004", null],
    ["doubled name in a title", "Duran Duran show set for US TV\n\nBody.\n", "Duran Duran show set for US TV", null],
    ["acronym and colon in a title", "DVD review: Harry Potter\n\nBody.\n", "DVD review: Harry Potter", null],
    ["doubled button label", "Share Share\nReal title\n\nBody.\n", "Real title", null],
  ])("%s", async (name, content, title, date) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "_")}.txt`);
    await writeFile(file, content);
    const { articles } = await readInputs([file]);
    expect([articles[0]?.title, articles[0]?.date]).toEqual([title, date]);
    expect(articles[0]?.text).toBe(content);
  });

  it("decodes UTF-16 files that start with a BOM", async () => {
    const file = path.join(dir, "utf16.txt");
    await writeFile(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Title £\r\n\r\nBody.\r\n", "utf16le")]));
    const { articles, problems } = await readInputs([file]);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({ text: "Title £\n\nBody.\n", title: "Title £" });
  });

  it("reads title and date from Markdown front matter", async () => {
    const file = path.join(dir, "front.md");
    await writeFile(file, "---\ntitle: Front title\ndate: 2023-05-04\n---\n\nBody.\n");
    const { articles } = await readInputs([file]);
    expect([articles[0]?.title, articles[0]?.date]).toEqual(["Front title", "2023-05-04"]);
  });
});

describe("HTML", () => {
  it("keeps the article text and drops script, style, navigation and footer", async () => {
    const { articles, problems } = await readInputs([`${FIX}/page.html`]);
    expect(problems).toEqual([]);
    const a = articles[0]!;
    expect([a.id, a.title, a.date]).toEqual(["ingest/page", "Leaders meet in Geneva", "2024-06-30"]);
    expect(a.text.split("\n\n")).toHaveLength(3);
    expect(a.text).toMatch(/^The presidents of two countries met in Geneva/);
    for (const junk of ["tracking", "alert", "color: red", "World news menu", "Copyright"]) expect(a.text).not.toContain(junk);
  });

  it.each([
    ["empty string", "", ""],
    ["bare fragment", "<p>fragment only</p><script>x()</script>", "fragment only"],
    ["unclosed title", "<title>T<script>x()</script><p>Body</p>", "T\n\nBody"],
    ["unclosed comment", "<p>Kept</p><!-- lost", "Kept"],
    ["line breaks", "<p>One<br>Two</p><p>Three</p>", "One\nTwo\n\nThree"],
  ])("never throws on odd markup: %s", (_name, html, text) => {
    expect(parseHtmlArticle(html).text).toBe(text);
  });

  it("falls back to the page text without scripts, and warns, when Readability finds nothing", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "newsgraph-html-"));
    const file = path.join(dir, "small.html");
    await writeFile(file, "<html><script>alert(1)</script><p>Angela Merkel met Emmanuel Macron in Berlin.</p></html>");
    const { articles, problems } = await readInputs([file]);
    expect(articles.map((a) => a.text)).toEqual(["Angela Merkel met Emmanuel Macron in Berlin."]);
    expect(problems.map((p) => `${p.severity}: ${p.message}`)).toEqual(["warning: no article body found; used the whole page text"]);
    const names = extractArticle(articles[0]!).entities.map((e) => e.name).sort();
    expect(names).toEqual(expect.arrayContaining(["Angela Merkel", "Berlin", "Emmanuel Macron"]));
    await rm(dir, { recursive: true, force: true });
  });

  it("takes the JSON-LD date and the <title> when there is no og:title", async () => {
    const { articles } = await readInputs([`${FIX}/nobody.html`]);
    expect(articles[0]).toMatchObject({ title: "Tiny", date: "2023-02-01", text: "Short note only." });
  });
});

describe("JSON and JSONL", () => {
  it("reads a broken JSONL file record by record, with line numbers", async () => {
    const { articles, problems } = await readInputs([`${FIX}/broken.jsonl`]);
    expect(articles.map((a) => [a.id, a.title, a.date, a.source])).toEqual([
      ["a1", "First", "1987-02-26", "https://example.com/a1"],
      ["ingest/broken-4", null, "2024-06-30", `${FIX}/broken.jsonl:4`],
      [`a1~${shortHash(a1Again)}`, null, null, `${FIX}/broken.jsonl:8`],
    ]);
    expect(shown(problems)).toEqual([
      `${FIX}/broken.jsonl:2: error: invalid JSON: Expected ',' or '}' after property value in JSON at column 44; line skipped`,
      `${FIX}/broken.jsonl:5: warning: record has no "text"; skipped`,
      `${FIX}/broken.jsonl:6: error: record has a "text" that is a number, not a string; skipped`,
      `${FIX}/broken.jsonl:7: error: record is an array, expected an object with "text"; skipped`,
      `${FIX}/broken.jsonl:8: warning: record has an unrecognised date "not a date"; date set to null`,
      `${FIX}/broken.jsonl:8: warning: id "a1" is already used by https://example.com/a1; this article is "a1~${shortHash(a1Again)}"`,
    ]);
  });

  it("reads a JSON array and a single JSON object", async () => {
    const { articles: read, problems } = await readInputs([`${FIX}/records.json`, `${FIX}/single.json`]);
    // the origin names the file's real path and the record: the publisher's id, else its place in the file
    expect(read.map((a) => a.origin?.replace(/^.*\//, ""))).toEqual(["records.json#id:7", "records.json#@1", "single.json#id:single"]);
    const articles = read.map(({ origin: _, ...a }) => a);
    expect(articles).toEqual([
      { id: "7", text: "Array record one.", title: null, date: "2024-06-30", source: "feed-x" },
      { id: "ingest/records-1", text: "Array record two.\nWith CRLF inside.", title: "Two", date: null, source: `${FIX}/records.json[1]` },
      { id: "single", text: "A single object.", title: null, date: "2024-06-30", source: `${FIX}/single.json` },
    ]);
    expect(shown(problems)).toEqual([`${FIX}/records.json: error: record 2 is a string, expected an object with "text"; skipped`]);
  });

  it.skipIf(!hasCorpora)("streams a large JSONL corpus (Reuters) and normalises its dates", async () => {
    let first: unknown;
    let count = 0;
    for await (const event of streamInputs([path.join(SHARED, "corpora/news/reuters21578/reuters21578.jsonl")])) {
      if (event.type !== "article") continue;
      first ??= event.article;
      count++;
    }
    expect(first).toMatchObject({ id: "1", title: "BAHIA COCOA REVIEW", date: "1987-02-26" });
    expect(count).toBeGreaterThan(19_000);
  }, 30_000);
});

describe("bad input is reported and the rest goes on", () => {
  it.each([
    ["empty.txt", "warning: empty file, skipped"],
    ["blank.txt", "warning: no text (only whitespace), skipped"],
    ["binary.txt", "error: binary file (contains NUL bytes), skipped"],
    ["invalid.json", "error: invalid JSON: Unexpected end of JSON input; file skipped"],
    ["does-not-exist.txt", "error: cannot read: no such file or folder"],
    ["empty.txt/below-a-file.txt", "error: cannot read: a part of the path is not a folder"],
    ["empty-folder", "warning: no article files (.txt .md .html .htm .json .jsonl) in this folder"],
    ["table.csv", 'warning: unknown extension ".csv"; read as plain text'],
  ])("%s", async (file, message) => {
    const { articles, problems } = await readInputs([`${FIX}/${file}`, "seeds/001_5690c0a608326268.txt"]);
    expect(shown(problems)).toEqual([`${FIX}/${file}: ${message}`]);
    expect(articles.at(-1)?.id).toBe("seeds/001_5690c0a608326268");
  });

  it("strict mode throws one IngestError listing every problem", async () => {
    const run = readInputs([`${FIX}/empty.txt`, `${FIX}/binary.txt`, "seeds"], { strict: true });
    await expect(run).rejects.toBeInstanceOf(IngestError);
    await expect(run).rejects.toMatchObject({ name: "IngestError", problems: [{ severity: "warning" }, { severity: "error" }] });
  });

  it("truncates an over-long article at a word boundary with a warning", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "ng-big-"));
    const file = path.join(dir, "big.txt");
    await writeFile(file, "word ".repeat(2_000));
    const { articles, problems } = await readInputs([file], { maxArticleChars: 1_003 });
    expect(articles[0]?.text).toBe("word ".repeat(200).trimEnd());
    expect(problems.map((p) => p.message)).toEqual([
      `article "${path.basename(dir)}/big" is 10,000 characters, over the 1,003 limit; truncated to 999`,
    ]);
    const skipped = await readInputs([file], { maxFileBytes: 100 });
    expect(skipped.problems.map((p) => p.message)).toEqual(["file is 10,000 bytes, over the 100 bytes limit; skipped"]);
    await rm(dir, { recursive: true, force: true });
  });
});

describe("folders", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "ng-walk-"));
    const files: Record<string, string> = {
      "b/z.txt": "Z\n\nz text.\n",
      "b/a.md": "# A\n\na text.\n",
      "a.txt": "Top\n\ntop text.\n",
      "B.txt": "Upper\n\nupper text.\n",
      ".hidden/h.txt": "Hidden\n\nno.\n",
      ".dot.txt": "no.\n",
      "node_modules/m.txt": "no.\n",
      "notes.csv": "skipped silently\n",
      "README.TXT": "corpus documentation, skipped in folders\n",
      "b/LICENSE.md": "licence terms, skipped in folders\n",
      "dup/a.txt": "Another a\n\nsame id.\n",
    };
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), content);
    }
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("walks recursively in code-unit order, skipping dotfiles, node_modules, unknown extensions and README/LICENSE files", async () => {
    const { articles, problems } = await readInputs([dir]);
    expect(articles.map((a) => path.relative(dir, a.source.startsWith("/") ? a.source : path.resolve(a.source)))).toEqual([
      "B.txt", "a.txt", "b/a.md", "b/z.txt", "dup/a.txt",
    ]);
    // ids are the holding folder and the file name, so same-named files in sibling folders stay distinct
    const top = path.basename(dir);
    expect(articles.map((a) => a.id)).toEqual([`${top}/B`, `${top}/a`, "b/a", "b/z", "dup/a"]);
    expect(problems).toEqual([]);
  });

  it("gives the same id whichever folder above the file is named", async () => {
    const fromTop = await readInputs([dir]);
    const fromSub = await readInputs([path.join(dir, "b"), path.join(dir, "dup")]);
    const ids = (xs: { id: string }[]) => xs.map((a) => a.id).filter((id) => !id.startsWith(`${path.basename(dir)}/`));
    expect(ids(fromSub.articles)).toEqual(ids(fromTop.articles));
  });

  it("gives a second source with the same folder and name the id with its text's hash", async () => {
    const other = path.join(dir, "..", `${path.basename(dir)}-other`, "b");
    await mkdir(other, { recursive: true });
    await writeFile(path.join(other, "a.txt"), "Other\n\nanother b/a.\n");
    try {
      const { articles, problems } = await readInputs([path.join(dir, "b", "a.md"), path.join(other, "a.txt")]);
      const second = `b/a~${shortHash("Other\n\nanother b/a.\n")}`;
      expect(articles.map((a) => a.id)).toEqual(["b/a", second]);
      expect(problems.map((p) => [p.severity, p.message.replace(/used by .*;/, "used by (...);")])).toEqual([
        ["warning", `id "b/a" is already used by (...); this article is "${second}"`],
      ]);
    } finally {
      await rm(path.dirname(other), { recursive: true, force: true });
    }
  });

  it("keeps a relative path relative, even above the current folder", async () => {
    const rel = path.relative(process.cwd(), path.join(dir, "a.txt"));
    const { articles } = await readInputs([rel]);
    expect(articles[0]?.source).toBe(rel.split(path.sep).join("/"));
    expect(articles[0]?.source.startsWith("../")).toBe(true);
  });

  it("reads a file named twice only once", async () => {
    const { articles, problems } = await readInputs(["seeds", "seeds/000_df5ff5e2f72e0d1f.txt"]);
    expect(articles).toHaveLength(2);
    expect(shown(problems)).toEqual(["seeds/000_df5ff5e2f72e0d1f.txt: warning: named more than once; read once"]);
  });

  it("gives the same result twice (deterministic)", async () => {
    expect(await readInputs([dir, "seeds"])).toEqual(await readInputs([dir, "seeds"]));
  });
});
