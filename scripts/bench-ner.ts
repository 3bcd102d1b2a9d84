// Measures the committed entity tagger: model load time and tagging speed (tokens/s, one core, this process).
// Usage: npx tsx scripts/bench-ner.ts [conll file] (default: CoNLL-2003 dev); 5 timed passes after a warm-up.
import { readConll } from "../src/nlp/ner/conll.js";
import { loadTagger } from "../src/nlp/ner/tagger.js";

const file = process.argv[2] ?? new URL("../../shared/corpora/conll2003/dev.txt", import.meta.url).pathname;
const sentences = readConll(file).map((s) => s.tokens);
const t0 = performance.now();
const tagger = loadTagger();
console.log(`load ${(performance.now() - t0).toFixed(0)} ms`);
for (let pass = 0; pass <= 5; pass++) {
  const start = performance.now();
  let tokens = 0;
  for (const s of sentences) {
    tagger.tag(s);
    tokens += s.length;
  }
  const secs = (performance.now() - start) / 1000;
  console.log(`${pass === 0 ? "warm-up" : `pass ${pass}`}: ${tokens} tokens in ${secs.toFixed(3)} s = ${Math.round(tokens / secs / 1000)}k tokens/s`);
}
