#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx newsgraph` never runs stale compiled code.
//
// Corpus builds run one extraction worker per core, and V8's own helper threads (concurrent GC and compilation, four
// by default) then only compete with them for the same cores. With one helper thread, builds on this 2-core machine
// took 7.3 s instead of 8.2 s (BBC) and 18.3 s instead of 19.3 s (Reuters). The thread count is fixed when Node
// starts, so the CLI starts itself once more with the flags of node-flags.json (bench/corpus.ts uses them too).
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { constants } from "node:os";

const flags = JSON.parse(readFileSync(new URL("./node-flags.json", import.meta.url), "utf8"));
const missing = flags.filter((f) => !process.execArgv.includes(f));
if (missing.length > 0) {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, [...missing, ...process.execArgv, self, ...process.argv.slice(2)], { stdio: "inherit" });
  if (run.error) throw run.error;
  process.exit(run.status ?? 128 + (constants.signals[run.signal] ?? 1));
}

const { register } = await import("tsx/esm/api");
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
