// Reader for CoNLL-2003 files (IOB2 copies): "token POS chunk NER" per line, blank line between sentences,
// "-DOCSTART-" lines between documents. Only the token and NER columns are kept: the tagger must not see POS or
// chunk tags, which our pipeline does not have at run time.
import { readFileSync } from "node:fs";

export interface ConllSentence {
  tokens: string[];
  tags: string[];
  /** Index of the document the sentence belongs to (counted from the -DOCSTART- lines). */
  doc: number;
}

export function parseConll(text: string): ConllSentence[] {
  const out: ConllSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  let doc = 0;
  const flush = (): void => {
    if (tokens.length > 0) out.push({ tokens, tags, doc });
    tokens = [];
    tags = [];
  };
  const lines = text.split("\n");
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!.trimEnd();
    if (line === "") {
      flush();
      continue;
    }
    const cols = line.split(" ");
    if (cols[0] === "-DOCSTART-") {
      flush();
      doc++;
      continue;
    }
    if (cols.length < 2) throw new Error(`conll: line ${n + 1} has ${cols.length} column(s), expected "token ... NER"`);
    tokens.push(cols[0]!);
    tags.push(cols[cols.length - 1]!);
  }
  flush();
  return out;
}

export function readConll(path: string): ConllSentence[] {
  return parseConll(readFileSync(path, "utf8"));
}
