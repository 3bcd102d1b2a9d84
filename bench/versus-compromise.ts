// The issue-11 speed criterion, measured in one run: the whole-process BBC build (`newsgraph build bbc.jsonl`,
// start-up to graph written, default workers) against compromise's own parse (`nlp(text)`: tokenize + tag) of the
// same titles and texts on one core. Words are the input's, split on white space, in both.
//   npx tsx bench/versus-compromise.ts [--corpus ../shared/corpora/news/bbc/bbc.jsonl] [--limit N]
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nlp from "compromise";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const corpus = option("corpus", new URL("../../shared/corpora/news/bbc/bbc.jsonl", import.meta.url).pathname);
const records = readFileSync(corpus, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as { title?: string; text: string });
const texts = records.map((r) => `${r.title ?? ""}\n\n${r.text}`);
const words = texts.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);

/**
 * CPU seconds (user + system) of this process's waited-for children, from /proc/self/stat (Linux; undefined
 * elsewhere): on a shared machine the build's wall time measures the other jobs too.
 */
function childrenCpu(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields from the state (3rd field of the line): cutime is the 16th field, cstime the 17th, in clock ticks
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

const out = join(tmpdir(), `versus-compromise-${process.pid}.json`);
const bin = new URL("../bin/newsgraph.mjs", import.meta.url).pathname;
const cpu0 = childrenCpu();
let t = performance.now();
const build = spawnSync(process.execPath, [bin, "build", corpus, "--out", out, "--quiet"], { stdio: "inherit" });
const buildSecs = (performance.now() - t) / 1000;
const cpu1 = childrenCpu();
const buildCpu = cpu0 !== undefined && cpu1 !== undefined ? cpu1 - cpu0 : undefined;
rmSync(out, { force: true });
if (build.status !== 0) throw new Error(`versus-compromise: newsgraph build failed (${build.status})`);

const c0 = process.cpuUsage();
t = performance.now();
for (const text of texts) nlp(text);
const nlpSecs = (performance.now() - t) / 1000;
const nlpCpu = (process.cpuUsage().user - c0.user + process.cpuUsage().system - c0.system) / 1e6;

const rate = (s: number): number => Math.round(words / s);
console.log(`${records.length} articles, ${words} words`);
console.log(`newsgraph build (whole process, wall): ${buildSecs.toFixed(1)} s, ${rate(buildSecs)} words/s`);
console.log(`compromise nlp(text), one core:       ${nlpSecs.toFixed(1)} s wall (${nlpCpu.toFixed(1)} s CPU), ${rate(nlpSecs)} words/s`);
if (buildCpu !== undefined) console.log(`newsgraph build, CPU time (all workers): ${buildCpu.toFixed(1)} s, ${rate(buildCpu)} words per CPU second`);
console.log(`ratio: ${(rate(buildSecs) / rate(nlpSecs)).toFixed(2)}x by wall time${buildCpu !== undefined ? `, ${(rate(buildCpu) / rate(nlpCpu)).toFixed(2)}x by CPU time` : ""}`);
