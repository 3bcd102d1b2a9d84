// Public API of the tagger and dependency parser: fill `upos`, `xpos`, `head` and `deprel` on our own tokens.
// Heads are token indices within the sentence (-1 for the root); relations are UD basic relations with subtypes.
// Tree paths for extractors (subject, object, agent, ...) are in ./paths.ts.
import type { Article, Sentence, Token } from "../../types.js";
import { loadAnnotator } from "./load.js";
import { fromSubwords, type TokenParse, toSubwords } from "./subwords.js";

export { loadAnnotator } from "./load.js";

/** Parses one sentence given as our tokens (offsets are used to glue "Mr" + "."); returns the per-token analysis. */
export function parseTokens(tokens: readonly Token[]): TokenParse {
  const map = toSubwords(tokens.map((t) => t.text), (i) => tokens[i]!.end === tokens[i + 1]!.start);
  return fromSubwords(map, loadAnnotator().analyse(map.words));
}

/** Parses a sentence and writes the analysis onto its tokens. */
export function parseSentence(sentence: Sentence): void {
  const { tokens } = sentence;
  if (tokens.length === 0) return;
  const p = parseTokens(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    t.upos = p.upos[i]!;
    t.xpos = p.xpos[i]!;
    t.head = p.heads[i]!;
    t.deprel = p.deprels[i]!;
  }
}

/** Whether a sentence carries a parse (every token then has `head` and `deprel`). */
export function isParsed(sentence: Sentence): boolean {
  return sentence.tokens.length > 0 && sentence.tokens[0]!.deprel !== undefined;
}

/**
 * Parses the sentences of an article that `wanted` selects (all by default), in place. Deterministic: the result
 * depends only on each sentence's tokens.
 */
export function parseArticle(article: Article, wanted: (sentence: Sentence, index: number) => boolean = () => true): number {
  let parsed = 0;
  article.sentences.forEach((s, i) => {
    if (!wanted(s, i)) return;
    parseSentence(s);
    parsed++;
  });
  return parsed;
}
