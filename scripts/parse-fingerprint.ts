// Decoding identity check for speed work: tags, heads and relations of every sentence of CoNLL-U files (gold
// words, and our own tokenization of each `# text` through parseTokens), one line per sentence, so two runs before
// and after a decoder change can be compared with `cmp` (the sha256 is printed too).
// Usage: npx tsx scripts/parse-fingerprint.ts OUT.txt [FILE.conllu ...] (default: EWT dev and test)
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadAnnotator, parseTokens } from "../src/nlp/parse/index.js";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { tokenize } from "../src/nlp/tokenize.js";

const [out, ...given] = process.argv.slice(2);
if (!out) throw new Error("usage: parse-fingerprint.ts OUT.txt [FILE.conllu ...]");
const ud = new URL("../../shared/corpora/ud/", import.meta.url).pathname;
const files = given.length > 0 ? given : [`${ud}en_ewt-ud-dev.conllu`, `${ud}en_ewt-ud-test.conllu`];
const a = loadAnnotator();
const lines: string[] = [];
for (const file of files) {
  for (const s of readConllu(file)) {
    const g = a.analyse(s.words);
    lines.push(g.xpos.map((x, i) => `${x}/${g.upos[i]}/${g.heads[i]}/${g.deprels[i]}`).join(" "));
    const p = parseTokens(tokenize(s.text));
    lines.push(p.xpos.map((x, i) => `${x}/${p.upos[i]}/${p.heads[i]}/${p.deprels[i]}`).join(" "));
  }
}
const text = lines.join("\n") + "\n";
writeFileSync(out, text);
console.log(`${lines.length} lines, sha256 ${createHash("sha256").update(text).digest("hex")}`);
