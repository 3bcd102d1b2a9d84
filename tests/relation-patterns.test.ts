// Every pattern of data/relation-patterns.json runs its own example through the pipeline (tagger, parser,
// mentions, resolution) and then through the patterns alone: the facts it names must come from that pattern,
// and no pattern may state a fact the example rejects.
import { describe, expect, it } from "vitest";
import { patternFacts, readArticle } from "../src/pipeline/article.js";
import { checkPattern, relationPatterns } from "../src/relations/tree/patterns.js";

/** "source|relation|target" for every name of the two entities, with the rule that stated it. */
function factsOf(text: string): { fact: string; rule: string }[] {
  const read = readArticle({ id: "example", text, title: null, date: null, source: "example" });
  const names = (id: string) => {
    const e = read.refs.entityById.get(id);
    return e ? [...e.names.keys(), ...e.aliases] : [];
  };
  return patternFacts(read).flatMap((f) => names(f.source).flatMap((a) => names(f.target).map((b) => ({ fact: `${a}|${f.relation}|${b}`, rule: f.rule }))));
}

describe("relation patterns: every example gives its facts and nothing it rejects", () => {
  it.each(relationPatterns().map((p) => [p.id, p] as const))("%s", (id, p) => {
    const got = factsOf(p.example);
    for (const [a, r, b] of p.expect) {
      expect(got.filter((f) => f.fact === `${a}|${r}|${b}` && f.rule.startsWith(`tree:${id}:`)).length, `${a} ${r} ${b} by ${id} in: ${p.example}`).toBeGreaterThan(0);
    }
    for (const [a, r, b] of p.reject) expect(got.map((f) => f.fact), `not ${a} ${r} ${b}`).not.toContain(`${a}|${r}|${b}`);
  });

  it.each([
    ["an unknown path", { target: "sideways" }, /unknown target path/],
    ["a relation outside the vocabulary", { relation: "befriended" }, /not in the vocabulary/],
    ["a missing reason", { reason: "" }, /reason/],
    ["an unknown trigger", { trigger: "adverb" }, /unknown trigger/],
  ])("the loader rejects %s", (_name, change, message) => {
    const good = relationPatterns()[0]!;
    expect(() => checkPattern({ ...good, ...change }, 0)).toThrow(message);
  });
});
