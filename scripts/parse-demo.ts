// Prints the parse of each sentence of a text as a table: index, token, UPOS, XPOS, head, relation.
// Usage: npx tsx scripts/parse-demo.ts "Khan urged Washington to lift the sanctions."
import { segment } from "../src/nlp/segment.js";
import { parseSentence } from "../src/nlp/parse/index.js";

for (const s of segment(process.argv.slice(2).join(" "))) {
  parseSentence(s);
  s.tokens.forEach((t, i) => {
    const head = t.head === undefined || t.head < 0 ? "ROOT" : `${t.head} ${s.tokens[t.head]!.text}`;
    console.log(`${String(i).padStart(3)}  ${t.text.padEnd(14)} ${(t.upos ?? "").padEnd(6)} ${(t.xpos ?? "").padEnd(5)} ${(t.deprel ?? "").padEnd(11)} ${head}`);
  });
  console.log();
}
