// Hand-made extractions for store tests: small, but shaped like the pipeline's output.
import type { ArticleExtraction, RawArticle } from "../../src/types.js";

export function rawArticle(id: string, text: string): RawArticle {
  return { id, text, title: `Title of ${id}`, date: "2024-05-01", source: `seeds/${id}.txt` };
}

/** An article where `speaker` (a person) criticized `target` (a country), with one mention each. */
export function extraction(id: string, speaker: string, target: string, relation: "criticized" | "met" = "criticized"): ArticleExtraction {
  const text = `${speaker} ${relation} ${target}.`;
  return {
    article: { id, title: `Title of ${id}`, date: "2024-05-01", source: `seeds/${id}.txt` },
    words: text.split(" ").length,
    entities: [
      { id: "e0", kind: "person", name: speaker, aliases: [speaker], mentions: [{ start: 0, end: speaker.length, text: speaker, sentence: 0 }] },
      {
        id: "e1", kind: "country", name: target, aliases: [target],
        mentions: [{ start: text.length - target.length - 1, end: text.length - 1, text: target, sentence: 0 }],
      },
    ],
    relations: [
      { source: "e0", target: "e1", relation, evidence: { document: id, start: 0, end: text.length, text, rule: "test.rule" } },
    ],
    quotes: [],
  };
}
