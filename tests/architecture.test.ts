// The tree follows the data in one direction: a folder imports only the folders before it in LAYERS (and the
// shared base: types, util, data). Thin layers over the library (cli, eval, parallel, the index) may import all.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const LAYERS = ["ingest", "nlp", "extract", "resolve", "relations", "pipeline", "corpus", "graph", "store", "export", "server"];
const BASE = new Set(["types.ts", "util", "data"]);
const TOP = new Set(["cli", "eval", "parallel", "index.ts"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** The first folder (or file) under src/ of a path inside it. */
function area(file: string, root: string): string {
  return (path.relative(root, file).split(path.sep)[0] ?? "").replace(/\.js$/, ".ts");
}

function rank(a: string): number {
  if (BASE.has(a)) return -1;
  if (TOP.has(a)) return Infinity;
  const i = LAYERS.indexOf(a);
  if (i < 0) throw new Error(`src/${a} is in no layer: add it to LAYERS, BASE or TOP in tests/architecture.test.ts`);
  return i;
}

/** Every import of src/ that points down the flow: "extract/x.ts -> resolve/y.ts". */
function backwardImports(root = "src"): string[] {
  const out: string[] = [];
  for (const file of files(root)) {
    const from = area(file, root);
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const target = path.join(path.dirname(file), m[1] ?? "");
      const to = area(target, root);
      if (to !== from && rank(to) > rank(from)) out.push(`${path.relative(root, file)} -> ${path.relative(root, target)}`);
    }
  }
  return out;
}

describe("architecture", () => {
  it("imports flow one way: ingest -> nlp -> extract -> resolve -> relations -> pipeline -> corpus -> graph -> store -> export", () => {
    expect(backwardImports()).toEqual([]);
  });

  it("the check itself catches a backward import", () => {
    const root = mkdtempSync(path.join(tmpdir(), "newsgraph-arch-"));
    try {
      mkdirSync(path.join(root, "extract"));
      mkdirSync(path.join(root, "resolve"));
      writeFileSync(path.join(root, "extract", "a.ts"), 'import type { B } from "../resolve/b.js";\nimport { T } from "../types.js";\n');
      writeFileSync(path.join(root, "resolve", "b.ts"), 'import { a } from "../extract/a.js";\n');
      expect(backwardImports(root)).toEqual([`extract${path.sep}a.ts -> resolve${path.sep}b.js`]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
    expect(() => rank("nowhere")).toThrow(/no layer/);
  });
});
