// Beam decoding: width 1 is the greedy parse; wider beams give well-formed trees (one root, every word headed).
// The pruned beam of two (parsePruned, what the committed model's header asks for) is the general beam's
// width 2 with a margin and distinct splits, only faster: same trees.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readConllu } from "../src/nlp/parse/conllu.js";
import { loadAnnotator } from "../src/nlp/parse/index.js";

const DEV = new URL("../../shared/corpora/ud/en_ewt-ud-dev.conllu", import.meta.url).pathname;

describe("beam decoding", () => {
  it.runIf(existsSync(DEV))("width 1 gives the greedy parse; width 2 and 4 give trees", () => {
    const a = loadAnnotator();
    const p = a.parser, w = a.model.parserWeights;
    const tree = (n: number): string => [...p.state.heads.subarray(0, n)].join() + "|" + [...p.state.labels.subarray(0, n)].join();
    for (const s of readConllu(DEV).slice(0, 200)) {
      const n = s.words.length;
      a.parseTagged(n, a.tag(s.words));
      p.parse(w, n);
      const greedy = tree(n);
      p.parseBeam(w, n, 1, 20);
      expect(tree(n)).toBe(greedy);
      p.parsePruned(w, n, 20, -1);
      expect(tree(n)).toBe(greedy);
      for (const width of [2, 4]) {
        p.parseBeam(w, n, width, 20);
        const heads = [...p.state.heads.subarray(0, n)];
        expect(heads.filter((h) => h === n)).toHaveLength(1);
        expect(heads.every((h) => h >= 0 && h <= n)).toBe(true);
        expect([...p.state.labels.subarray(0, n)].every((l) => l >= 0)).toBe(true);
      }
    }
  }, 120_000);

  it.runIf(existsSync(DEV))("the pruned beam of two gives the general beam's trees", () => {
    const a = loadAnnotator();
    const p = a.parser, w = a.model.parserWeights;
    const tree = (n: number): string => [...p.state.heads.subarray(0, n)].join() + "|" + [...p.state.labels.subarray(0, n)].join();
    let differ = 0;
    for (const s of readConllu(DEV).slice(0, 400)) {
      const n = s.words.length;
      a.parseTagged(n, a.tag(s.words));
      for (const margin of [0.5, 1.5]) {
        p.parseBeam(w, n, 2, 20, margin, true);
        const general = tree(n);
        p.parsePruned(w, n, 20, margin);
        expect(tree(n)).toBe(general);
        p.parseBeam(w, n, 1, 20);
        if (tree(n) !== general) differ++;
      }
    }
    // the beam did change some parses
    expect(differ).toBeGreaterThan(10);
  }, 120_000);
});
