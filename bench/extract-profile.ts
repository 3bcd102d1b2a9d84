// Where extraction time goes, per function: runs extractArticle in this thread over N articles under the V8
// sampling profiler (node:inspector, no flags needed) and prints the share of each stage called directly by
// extractArticle, then the functions with the most self time. For the people tuning src/extract, src/resolve
// and src/nlp; the corpus benchmark (bench/corpus.ts) measures the whole build.
//   npm run bench:extract -- [--corpus bbc|reuters] [--limit 600] [--top 25]
import { Session, type Profiler } from "node:inspector";
import { streamInputs } from "../src/ingest/index.js";
import { extractArticle } from "../src/pipeline/article.js";
import type { RawArticle } from "../src/types.js";

const CORPORA = {
  bbc: "../shared/corpora/news/bbc/bbc.jsonl",
  reuters: "../shared/corpora/news/reuters21578/reuters21578.jsonl",
} as const;

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const corpus = flag("corpus", "bbc");
if (corpus !== "bbc" && corpus !== "reuters") throw new Error(`extract-profile: --corpus takes bbc or reuters, got "${corpus}"`);
const limit = Number(flag("limit", "600"));
const top = Number(flag("top", "25"));

const articles: RawArticle[] = [];
for await (const e of streamInputs([CORPORA[corpus]])) {
  if (e.type !== "article") continue;
  articles.push(e.article);
  if (articles.length > limit) break;
}
// The first article pays for loading the lexicons and the NER model; it is timed apart.
const loadStarted = performance.now();
extractArticle(articles.shift() as RawArticle);
const loadMs = performance.now() - loadStarted;

const session = new Session();
session.connect();
const post = <T>(method: string, params?: object): Promise<T> =>
  new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res as T))));
await post("Profiler.enable");
await post("Profiler.setSamplingInterval", { interval: 200 });
await post("Profiler.start");
const cpu0 = process.cpuUsage();
let words = 0;
for (const a of articles) words += extractArticle(a).words;
const cpu = process.cpuUsage(cpu0);
const { profile } = await post<{ profile: Profiler.Profile }>("Profiler.stop");
session.disconnect();

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const selfUs = new Map<number, number>();
(profile.samples ?? []).forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0)));
const where = (id: number): string => {
  const f = (nodes.get(id) as Profiler.ProfileNode).callFrame;
  const file = f.url.replace(/^.*?\/(src|node_modules)\//, "$1/");
  return `${f.functionName || "(anonymous)"} ${file}`;
};

const stages = new Map<string, number>();
const selfByFunction = new Map<string, number>();
let inExtract = 0;
let sampled = 0;
let gc = 0;
for (const [id, us] of selfUs) {
  sampled += us;
  if (nodes.get(id)?.callFrame.functionName === "(garbage collector)") gc += us;
  const path: number[] = [];
  for (let x: number | undefined = id; x !== undefined; x = parent.get(x)) path.push(x);
  const at = path.findIndex((x) => nodes.get(x)?.callFrame.functionName === "extractArticle");
  if (at < 0) continue;
  inExtract += us;
  const stage = at === 0 ? "extractArticle (own code)" : where(path[at - 1] as number);
  stages.set(stage, (stages.get(stage) ?? 0) + us);
  selfByFunction.set(where(id), (selfByFunction.get(where(id)) ?? 0) + us);
}

const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const show = (m: Map<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((100 * us) / inExtract).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`).join("\n");
console.log(`${corpus}: ${articles.length} articles, ${words.toLocaleString("en-US")} words, ${cpuSeconds.toFixed(2)} CPU s -> ${Math.round(words / cpuSeconds).toLocaleString("en-US")} words per CPU second (one thread)`);
console.log(`first article (loads lexicons and model): ${loadMs.toFixed(0)} ms`);
console.log(`sampled ${(sampled / 1e6).toFixed(2)} s: extractArticle ${((100 * inExtract) / sampled).toFixed(1)}%, garbage collector ${((100 * gc) / sampled).toFixed(1)}%\n`);
console.log(`stages (called by extractArticle), share of sampled extraction time:\n${show(stages, 20)}\n`);
console.log(`functions by self time:\n${show(selfByFunction, top)}`);
