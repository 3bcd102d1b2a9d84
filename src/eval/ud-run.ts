// `eval --ud`: the tagger and parser on a CoNLL-U file, twice: on the gold words, and on our own tokenization of
// each sentence's `# text` (tokenize -> UD sub-words -> parse), aligned to the gold words by character spans as
// in the CoNLL 2018 evaluation (a gold word with no predicted word of the same span counts as wrong).
import { tokenize } from "../nlp/tokenize.js";
import type { UdAnnotator } from "../nlp/parse/annotator.js";
import { readConllu, type UdSentence } from "../nlp/parse/conllu.js";
import { toSubwords } from "../nlp/parse/subwords.js";
import { type UdScore, UdScorer } from "./ud.js";

export interface UdRun {
  gold: UdScore;
  ours: UdScore;
  /** Words (gold tokenization) per second of tagging alone, and of tagging plus parsing, on one thread. */
  tagWordsPerSecond: number;
  wordsPerSecond: number;
  /** Gold words our tokenization reproduces exactly (same character span). */
  tokenF: number;
}

/** Character spans of the gold words in the sentence text; [-1, -1] where a word cannot be found in order. */
export function goldSpans(s: UdSentence): Array<[number, number]> {
  let pos = 0;
  return s.words.map((w): [number, number] => {
    while (pos < s.text.length && /\s/.test(s.text[pos]!)) pos++;
    if (s.text.startsWith(w, pos)) {
      pos += w.length;
      return [pos - w.length, pos];
    }
    const at = s.text.indexOf(w, pos);
    if (at >= 0 && at - pos < 3) {
      pos = at + w.length;
      return [at, pos];
    }
    return [-1, -1];
  });
}

export function runUd(file: string, annotator: UdAnnotator): UdRun {
  const sents = readConllu(file);
  const gold = new UdScorer();
  const ours = new UdScorer();
  let words = 0, tagMs = 0, allMs = 0, matched = 0;
  for (const s of sents) {
    const n = s.words.length;
    words += n;
    const t0 = performance.now();
    const tags = annotator.tag(s.words);
    tagMs += performance.now() - t0;
    annotator.parseTagged(n, tags);
    allMs += performance.now() - t0;
    gold.add(s, annotator.analyse(s.words));

    const tokens = tokenize(s.text);
    const map = toSubwords(tokens.map((t) => t.text), (i) => tokens[i]!.end === tokens[i + 1]!.start);
    const spans = new Map<string, number>();
    let w = 0;
    tokens.forEach((t, i) => {
      const c = map.count[i]!;
      if (c === 0) {
        // a period glued onto the previous word ("Mr."): that word's span grows
        const prev = [...spans.entries()].find(([, v]) => v === w - 1);
        if (prev) {
          spans.delete(prev[0]);
          spans.set(`${prev[0].split(":")[0]}:${t.end}`, w - 1);
        }
        return;
      }
      let at = t.start;
      for (let k = 0; k < c; k++, w++) {
        spans.set(`${at}:${at + map.words[w]!.length}`, w);
        at += map.words[w]!.length;
      }
    });
    const align = goldSpans(s).map(([a, b]) => spans.get(`${a}:${b}`) ?? -1);
    matched += align.filter((x) => x >= 0).length;
    ours.add(s, annotator.analyse(map.words), align);
  }
  return {
    gold: gold.score(),
    ours: ours.score(),
    tagWordsPerSecond: words / (tagMs / 1000),
    wordsPerSecond: words / (allMs / 1000),
    tokenF: matched / words,
  };
}
