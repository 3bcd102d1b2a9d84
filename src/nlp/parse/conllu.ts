// CoNLL-U reading (UD treebanks): one sentence per block, words only. Multiword token lines ("3-4") and empty
// nodes ("5.1") are skipped, as in the CoNLL 2018 shared task's basic-dependency scoring.
import { readFileSync } from "node:fs";

export interface UdSentence {
  /** The `# text` comment: the sentence as written (used to measure the parser on our own tokenization). */
  text: string;
  words: string[];
  upos: string[];
  xpos: string[];
  /** Head of each word as an index into `words`, -1 for the root. */
  heads: number[];
  deprels: string[];
}

export function parseConllu(source: string): UdSentence[] {
  const out: UdSentence[] = [];
  let cur: UdSentence = empty();
  const flush = (): void => {
    if (cur.words.length > 0) out.push(cur);
    cur = empty();
  };
  for (const line of source.split("\n")) {
    if (line.trim() === "") {
      flush();
      continue;
    }
    if (line.startsWith("#")) {
      const m = /^# text = (.*)$/.exec(line);
      if (m) cur.text = m[1]!;
      continue;
    }
    const cols = line.split("\t");
    if (cols.length !== 10) throw new Error(`conllu: expected 10 columns, got ${cols.length}: ${line.slice(0, 80)}`);
    if (!/^\d+$/.test(cols[0]!)) continue;
    cur.words.push(cols[1]!);
    cur.upos.push(cols[3]!);
    cur.xpos.push(cols[4]!);
    cur.heads.push(Number(cols[6]) - 1);
    cur.deprels.push(cols[7]!);
  }
  flush();
  return out;
}

export function readConllu(path: string): UdSentence[] {
  return parseConllu(readFileSync(path, "utf8"));
}

function empty(): UdSentence {
  return { text: "", words: [], upos: [], xpos: [], heads: [], deprels: [] };
}
