// Builds models/ner/clusters.tsv.gz: hierarchical word clusters (Brown-style bit strings) from unlabelled news.
//
// Why not Brown clustering itself: it is O(V * C^2) and slow to write well. This is a cheap stand-in with the same
// output shape: each word's left/right neighbour counts (PPMI-weighted) are randomly projected to a dense vector,
// then the vocabulary is split recursively by seeded spherical 2-means; the path of left/right choices is the
// word's bit string, so prefixes of it are coarser clusters. Only the derived word -> bits table is committed.
//
// Usage: npx tsx scripts/build-ner-clusters.ts [--out models/ner/clusters.tsv.gz]
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { clusterKey, normaliseToken } from "../src/nlp/ner/text.js";
import { mulberry32 } from "../src/nlp/ner/rng.js";

const CORPORA = new URL("../../shared/corpora/", import.meta.url).pathname;
const MIN_COUNT = 4;
const MAX_VOCAB = 60_000;
const CONTEXT_WORDS = 3_000;
const DIMS = 160;
const MAX_DEPTH = 16;
const MIN_LEAF = 3;
const SEED = 20031;

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
  // CoNLL train tokens (text only, no labels) so its vocabulary is covered too.
  const sentence: string[] = [];
  for (const line of readFileSync(`${CORPORA}conll2003/train.txt`, "utf8").split("\n")) {
    const tok = line.split(" ")[0] ?? "";
    if (!tok || tok === "-DOCSTART-") {
      if (sentence.length) yield sentence.join(" ");
      sentence.length = 0;
    } else sentence.push(tok);
  }
}

function tokenise(text: string): string[] {
  return (text.match(TOKEN) ?? []).map((t) => clusterKey(normaliseToken(t)));
}

function main(): void {
  const outPath = process.argv.includes("--out") ? process.argv[process.argv.indexOf("--out") + 1]! : "models/ner/clusters.tsv.gz";
  const t0 = performance.now();
  const docs: string[][] = [];
  const counts = new Map<string, number>();
  for (const text of corpusTexts()) {
    const toks = tokenise(text);
    docs.push(toks);
    for (const t of toks) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const byFreq = [...counts.entries()].filter(([, c]) => c >= MIN_COUNT).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.slice(0, MAX_VOCAB).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const C = Math.min(CONTEXT_WORDS, V);
  console.error(`tokens=${docs.reduce((s, d) => s + d.length, 0)} vocab=${V}`);

  // Sparse co-occurrence: for each word, counts of (side, context word) for the neighbours at distance 1.
  const cooc: Map<number, number>[] = Array.from({ length: V }, () => new Map());
  const ctxTotals = new Float64Array(2 * C);
  let total = 0;
  for (const toks of docs) {
    const ids = toks.map((t) => index.get(t) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const w = ids[i]!;
      if (w < 0) continue;
      const left = i > 0 ? ids[i - 1]! : -1;
      const right = i + 1 < ids.length ? ids[i + 1]! : -1;
      const row = cooc[w]!;
      if (left >= 0 && left < C) {
        row.set(left, (row.get(left) ?? 0) + 1);
        ctxTotals[left]!++;
        total++;
      }
      if (right >= 0 && right < C) {
        row.set(C + right, (row.get(C + right) ?? 0) + 1);
        ctxTotals[C + right]!++;
        total++;
      }
    }
  }

  // Random projection of PPMI rows to DIMS dense dimensions (a seeded +-1 matrix), then unit length.
  const rng = mulberry32(SEED);
  const proj = new Float32Array(2 * C * DIMS);
  for (let i = 0; i < proj.length; i++) proj[i] = rng() < 0.5 ? -1 : 1;
  const vecs = new Float32Array(V * DIMS);
  for (let w = 0; w < V; w++) {
    const row = cooc[w]!;
    let rowTotal = 0;
    for (const c of row.values()) rowTotal += c;
    const base = w * DIMS;
    for (const [ctx, c] of row) {
      const pmi = Math.log((c * total) / (rowTotal * ctxTotals[ctx]!));
      if (pmi <= 0) continue;
      const p = ctx * DIMS;
      for (let d = 0; d < DIMS; d++) vecs[base + d]! += pmi * proj[p + d]!;
    }
    let norm = 0;
    for (let d = 0; d < DIMS; d++) norm += vecs[base + d]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < DIMS; d++) vecs[base + d]! /= norm;
  }

  const bits: string[] = new Array<string>(V).fill("");
  split(Array.from({ length: V }, (_, i) => i), "", vecs, bits, rng);

  const lines = vocab.map((w, i) => `${w}\t${bits[i]}`).sort();
  writeFileSync(outPath, gzipSync(Buffer.from(lines.join("\n") + "\n"), { level: 9 }));
  console.error(`wrote ${outPath}: ${V} words in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Recursive spherical 2-means; `prefix` is the path so far. */
function split(members: number[], prefix: string, vecs: Float32Array, bits: string[], rng: () => number): void {
  if (prefix.length >= MAX_DEPTH || members.length < MIN_LEAF * 2) {
    for (const m of members) bits[m] = prefix || "0";
    return;
  }
  const a = new Float32Array(DIMS);
  const b = new Float32Array(DIMS);
  // Seeds: a random member, and the member least similar to it.
  const first = members[Math.floor(rng() * members.length)]!;
  let second = first;
  let worst = Infinity;
  for (const m of members) {
    const s = dot(vecs, m, vecs, first);
    if (s < worst) [worst, second] = [s, m];
  }
  a.set(vecs.subarray(first * DIMS, first * DIMS + DIMS));
  b.set(vecs.subarray(second * DIMS, second * DIMS + DIMS));
  let side = new Uint8Array(members.length);
  for (let iter = 0; iter < 8; iter++) {
    for (let k = 0; k < members.length; k++) {
      const m = members[k]!;
      side[k] = dotDense(vecs, m, b) > dotDense(vecs, m, a) ? 1 : 0;
    }
    a.fill(0);
    b.fill(0);
    for (let k = 0; k < members.length; k++) {
      const target = side[k] ? b : a;
      const base = members[k]! * DIMS;
      for (let d = 0; d < DIMS; d++) target[d]! += vecs[base + d]!;
    }
    normalise(a);
    normalise(b);
  }
  const left = members.filter((_, k) => !side[k]);
  const right = members.filter((_, k) => side[k]);
  side = new Uint8Array(0);
  if (left.length === 0 || right.length === 0) {
    for (const m of members) bits[m] = prefix || "0";
    return;
  }
  split(left, prefix + "0", vecs, bits, rng);
  split(right, prefix + "1", vecs, bits, rng);
}

function normalise(v: Float32Array): void {
  let n = 0;
  for (let d = 0; d < DIMS; d++) n += v[d]! ** 2;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIMS; d++) v[d]! /= n;
}

function dot(x: Float32Array, i: number, y: Float32Array, j: number): number {
  let s = 0;
  for (let d = 0; d < DIMS; d++) s += x[i * DIMS + d]! * y[j * DIMS + d]!;
  return s;
}

function dotDense(x: Float32Array, i: number, c: Float32Array): number {
  let s = 0;
  const base = i * DIMS;
  for (let d = 0; d < DIMS; d++) s += x[base + d]! * c[d]!;
  return s;
}

main();
