// A town's name that is also the surname of people in the article ("Carson" beside "Ann Carson"): the gazetteer
// may read the lone word as a place; resolution joins it to the person the article keeps naming (src/resolve/document.ts).
import { describe, expect, it } from "vitest";
import { analyze } from "../src/nlp/index.js";
import { MentionFinder } from "../src/extract/mentions.js";
import { resolveDocument } from "../src/resolve/document.js";

function resolveWithPlace(text: string, word: string) {
  const article = analyze({ id: "t", text, title: null, date: null, source: "t" });
  const candidates = new MentionFinder().find(article, []).map((c) => (c.text === word ? { ...c, kind: "place" as const, certain: true, name: word } : c));
  const { entities, ofCandidate } = resolveDocument(article, candidates);
  const lone = candidates.findIndex((c) => c.text === word);
  const id = ofCandidate[lone];
  const entity = entities.find((e) => e.id === id);
  return entity ? `${entity.kind}:${[...entity.names.keys()].sort().join("|")}` : "dropped";
}

describe("a lone surname read as a place", () => {
  it.each([
    ["joins the person named more often than the others of that surname together", "Ann Carson opened her campaign on Monday. Her father, Tom Carson, and her brother, Neil Carson, sat in the front row. Ann Carson thanked the crowd. Ann Carson spoke for an hour. Carson says the race is close.", "person:Ann Carson|Carson"],
    ["stays a place when no one of that surname dominates", "Ann Carson and Tom Carson opened the campaign on Monday. Ann Carson and Tom Carson thanked the crowd. Carson says the race is close.", "place:Carson"],
  ])("%s", (_name, text, expected) => {
    expect(resolveWithPlace(text, "Carson")).toBe(expected);
  });
});
