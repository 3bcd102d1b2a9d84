// Prints the committed tagger's BIO tags for sentences given as arguments (tokens split on spaces); a quick look.
import { loadTagger } from "../src/nlp/ner/tagger.js";

const tagger = loadTagger();
for (const sentence of process.argv.slice(2)) {
  const tokens = sentence.split(/\s+/).filter(Boolean);
  const tags = tagger.tagBio(tokens);
  console.log(tokens.map((t, i) => (tags[i] === "O" ? t : `${t}/${tags[i]}`)).join(" "));
}
