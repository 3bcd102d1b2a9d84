// Measures the committed entity tagger: model load time and tagging speed on one core (this process, one thread).
// Reports wall-clock tokens/s and CPU-time tokens/s (process user+system time): on a shared, busy machine the
// second is the fairer single-core figure. Usage: npx tsx scripts/bench-ner.ts [conll file] (default: CoNLL-2003 dev)
import { readConll } from "../src/nlp/ner/conll.js";
import { loadTagger } from "../src/nlp/ner/tagger.js";

const file = process.argv[2] ?? new URL("../../shared/corpora/conll2003/dev.txt", import.meta.url).pathname;
const sentences = readConll(file).map((s) => s.tokens);
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let t0 = performance.now();
let c0 = cpuMs();
const tagger = loadTagger();
console.log(`load ${(performance.now() - t0).toFixed(0)} ms wall, ${(cpuMs() - c0).toFixed(0)} ms CPU`);
for (let pass = 0; pass <= 5; pass++) {
  t0 = performance.now();
  c0 = cpuMs();
  let tokens = 0;
  for (const s of sentences) {
    tagger.tag(s);
    tokens += s.length;
  }
  const wall = (performance.now() - t0) / 1000;
  const cpu = (cpuMs() - c0) / 1000;
  const name = pass === 0 ? "warm-up" : `pass ${pass}`;
  console.log(`${name}: ${tokens} tokens, ${Math.round(tokens / wall / 1000)}k tokens/s wall, ${Math.round(tokens / cpu / 1000)}k tokens/s CPU`);
}
