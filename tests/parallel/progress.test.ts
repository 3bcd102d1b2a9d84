// The progress bar's article estimate and the stream's early stop: cheap checks, no workers started.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import type { IngestEvent } from "../../src/ingest/index.js";
import { extractStream } from "../../src/parallel/index.js";
import { BuildProgress, estimateArticles, isTerminal } from "../../src/parallel/progress.js";

const dir = mkdtempSync(join(tmpdir(), "newsgraph-progress-"));
const files: [string, string][] = [
  ["a.jsonl", '{"text":"one"}\n{"text":"two"}\n{"text":"three"}\n'],
  ["b.jsonl", '{"text":"one"}\n{"text":"two"}'],
  ["c.txt", "Some text."],
];
for (const [name, text] of files) writeFileSync(join(dir, name), text);

describe("estimateArticles", () => {
  it.each([
    ["lines of a .jsonl", ["a.jsonl"], 3],
    ["a last line without a newline", ["b.jsonl"], 2],
    ["one per other file", ["c.txt"], 1],
    ["nothing for folders (counted as read)", ["."], 0],
    ["nothing for missing paths", ["missing.jsonl"], 0],
    ["the sum over paths", ["a.jsonl", "b.jsonl", "c.txt"], 6],
  ])("%s", async (_name, paths, expected) => {
    expect(await estimateArticles(paths.map((p) => join(dir, p)))).toBe(expected);
  });
});

describe("BuildProgress", () => {
  it("draws nothing on a pipe and grows its total past the estimate", () => {
    const pipe = new PassThrough();
    expect(isTerminal(pipe)).toBe(false);
    let written = "";
    pipe.on("data", (c: Buffer) => (written += c.toString()));
    const bar = new BuildProgress(pipe, 1); // cli-progress itself stays silent on a non-TTY stream
    const meta = { id: "x", title: null, date: null, source: "x" };
    bar.tick({ type: "duplicate", article: meta, of: "y" });
    bar.tick({ type: "duplicate", article: meta, of: "y" });
    bar.stop();
    expect(written).toBe("");
  });
});

describe("extractStream", () => {
  it("closes its input when the consumer stops early", async () => {
    let closed = false;
    async function* input(): AsyncGenerator<IngestEvent> {
      try {
        for (let i = 0; ; i++) yield { type: "problem", problem: { path: "p", severity: "warning", message: String(i) } };
      } finally {
        closed = true;
      }
    }
    let seen = 0;
    for await (const _ of extractStream(input(), { workers: 0 })) if (++seen === 3) break;
    expect(closed).toBe(true);
  });
});
