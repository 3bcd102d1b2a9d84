// Builds models/ner/clusters.tsv.gz: word clusters at four granularities from unlabelled news text
// (BBC + Reuters-21578 bodies + the tokens, not the labels, of CoNLL-2003 train).
//
// Method: predictive exchange clustering (Uszkoreit & Brants 2008), the fast relative of Brown clustering.
// Each word sits in one of K classes; the objective is the likelihood of P(w | class(w)) * P(class(w) | previous
// word), i.e. sum N(v,c) log N(v,c) - sum N(c) log N(c). Words are visited in frequency order and moved to the
// class that improves it most; a few passes converge. Run once per K; each K is one column of the output.
// Deterministic: the initial assignment is by frequency rank, with no randomness at all.
//
// Only the derived word -> class ids table is committed, never the corpora.
// Usage: npm run clusters:ner -- [--out models/ner/clusters.tsv.gz]
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { clusterKey, normaliseToken } from "../src/nlp/ner/text.js";

const CORPORA = new URL("../../shared/corpora/", import.meta.url).pathname;
const MIN_COUNT = Number(process.argv.includes("--min-count") ? process.argv[process.argv.indexOf("--min-count") + 1] : 3);
const MAX_VOCAB = 40_000;
const CLASS_COUNTS = [32, 128, 512, 1024] as const;
const PASSES = 8;

// Roughly CoNLL's tokenisation: "U.S." and "1,000.5" stay whole, "'s" and "n't" split off, punctuation alone.
const TOKEN = /[A-Za-z](?:\.[A-Za-z])+\.|n't\b|'[a-zA-Z]{1,2}\b|[A-Za-z0-9]+(?:[-&.,/][A-Za-z0-9]+)*|\S/g;

function* corpusTexts(): Generator<string> {
  for (const line of readFileSync(`${CORPORA}news/bbc/bbc.jsonl`, "utf8").split("\n")) {
    if (!line) continue;
    const doc = JSON.parse(line) as { title: string; text: string };
    yield doc.title;
    yield doc.text;
  }
  for (const line of readFileSync(`${CORPORA}news/reuters21578/reuters21578.jsonl`, "utf8").split("\n")) {
    if (!line) continue;
    const doc = JSON.parse(line) as { text: string | null };
    if (doc.text) yield doc.text.replace(/\s+Reuter\s*$/, "");
  }
  const sentence: string[] = [];
  for (const line of readFileSync(`${CORPORA}conll2003/train.txt`, "utf8").split("\n")) {
    const tok = line.split(" ")[0] ?? "";
    if (!tok || tok === "-DOCSTART-") {
      if (sentence.length) yield sentence.join(" ");
      sentence.length = 0;
    } else sentence.push(tok);
  }
}

interface Bigrams {
  vocab: string[];
  counts: Float64Array; // count of each word as the right-hand word
  predStart: Int32Array; // CSR over right words: predecessors predIds[predStart[w] .. predStart[w+1])
  predIds: Int32Array; // predecessor ids; vocab.length stands for any rare word or the text start
  predCounts: Int32Array;
  total: number;
}

function collectBigrams(): Bigrams {
  const texts: string[][] = [];
  const freq = new Map<string, number>();
  for (const text of corpusTexts()) {
    const toks = (text.match(TOKEN) ?? []).map((t) => clusterKey(normaliseToken(t)));
    texts.push(toks);
    for (const t of toks) freq.set(t, (freq.get(t) ?? 0) + 1);
  }
  const vocab = [...freq.entries()]
    .filter(([, c]) => c >= MIN_COUNT)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_VOCAB)
    .map(([w]) => w);
  const id = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const pairs = new Map<number, number>(); // (right * (V + 1) + left) -> count
  const counts = new Float64Array(V);
  let total = 0;
  for (const toks of texts) {
    let prev = V;
    for (const t of toks) {
      const w = id.get(t) ?? -1;
      if (w >= 0) {
        const key = w * (V + 1) + prev;
        pairs.set(key, (pairs.get(key) ?? 0) + 1);
        counts[w]!++;
        total++;
      }
      prev = w >= 0 ? w : V;
    }
  }
  const keys = [...pairs.keys()].sort((a, b) => a - b);
  const predStart = new Int32Array(V + 1);
  const predIds = new Int32Array(keys.length);
  const predCounts = new Int32Array(keys.length);
  keys.forEach((key, k) => {
    const right = Math.floor(key / (V + 1));
    predIds[k] = key - right * (V + 1);
    predCounts[k] = pairs.get(key)!;
    predStart[right + 1]!++;
  });
  for (let w = 0; w < V; w++) predStart[w + 1]! += predStart[w]!;
  console.error(`tokens ${total}, vocabulary ${V}, distinct bigrams ${keys.length}`);
  return { vocab, counts, predStart, predIds, predCounts, total };
}

/** Exchange clustering into K classes; returns the class of every vocabulary word. */
function exchange(b: Bigrams, K: number): Int32Array {
  const V = b.vocab.length;
  const cls = new Int32Array(V);
  for (let w = 0; w < V; w++) cls[w] = w % K;
  const pc = new Int32Array((V + 1) * K); // N(v, c): bigrams with left word v and right word in class c
  const nc = new Float64Array(K); // N(c)
  for (let w = 0; w < V; w++) {
    nc[cls[w]!]! += b.counts[w]!;
    for (let k = b.predStart[w]!; k < b.predStart[w + 1]!; k++) pc[b.predIds[k]! * K + cls[w]!]! += b.predCounts[k]!;
  }
  // f(x) = x log x for every integer count, so the inner loop is two table reads.
  const F = new Float64Array(b.total + 1);
  for (let x = 1; x <= b.total; x++) F[x] = x * Math.log(x);
  const f = (x: number): number => (x <= b.total ? F[x]! : x * Math.log(x));
  const delta = new Float64Array(K);
  for (let pass = 1; pass <= PASSES; pass++) {
    let moved = 0;
    for (let w = 0; w < V; w++) {
      const from = cls[w]!;
      const nw = b.counts[w]!;
      const s = b.predStart[w]!;
      const e = b.predStart[w + 1]!;
      for (let k = s; k < e; k++) pc[b.predIds[k]! * K + from]! -= b.predCounts[k]!;
      nc[from]! -= nw;
      for (let c = 0; c < K; c++) delta[c] = -(f(nc[c]! + nw) - f(nc[c]!));
      for (let k = s; k < e; k++) {
        const row = b.predIds[k]! * K;
        const n = b.predCounts[k]!;
        for (let c = 0; c < K; c++) {
          const x = pc[row + c]!;
          delta[c]! += F[x + n]! - F[x]!;
        }
      }
      let best = from;
      for (let c = 0; c < K; c++) if (delta[c]! > delta[best]! + 1e-9) best = c;
      if (best !== from) moved++;
      cls[w] = best;
      for (let k = s; k < e; k++) pc[b.predIds[k]! * K + best]! += b.predCounts[k]!;
      nc[best]! += nw;
    }
    console.error(`  K=${K} pass ${pass}: ${moved} words moved`);
    if (moved < V / 500) break;
  }
  return cls;
}

function main(): void {
  const i = process.argv.indexOf("--out");
  const outPath = i >= 0 ? process.argv[i + 1]! : "models/ner/clusters.tsv.gz";
  const t0 = performance.now();
  const bigrams = collectBigrams();
  const columns = CLASS_COUNTS.map((K) => exchange(bigrams, K));
  const lines = bigrams.vocab.map((w, k) => [w, ...columns.map((c) => String(c[k]))].join("\t")).sort();
  writeFileSync(outPath, gzipSync(Buffer.from(lines.join("\n") + "\n"), { level: 9 }));
  console.error(`wrote ${outPath}: ${bigrams.vocab.length} words in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
