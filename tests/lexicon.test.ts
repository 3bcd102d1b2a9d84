// The lexicon's data files load, and verbs compromise cannot conjugate still get their forms.
import { describe, expect, it } from "vitest";
import { lexicon, regularInflections } from "../src/extract/lexicon.js";

describe("lexicon", () => {
  it.each([
    ["tweet", ["tweets", "tweeted", "tweeting"]],
    ["quip", ["quips", "quipped", "quipping"]],
    ["liken", ["likens", "likened", "likening"]],
    ["reply", ["replies", "replied", "replying"]],
    ["vote", ["votes", "voted", "voting"]],
  ])("regular inflections of %s", (lemma, forms) => {
    expect(regularInflections(lemma)).toEqual(forms);
  });

  it("maps inflected reporting verbs to their entries", () => {
    const verbs = lexicon().verbs;
    expect(verbs.get("said")?.relation).toBe("said");
    expect(verbs.get("tweeted")?.lemma).toBe("tweet");
    expect(verbs.get("urged")?.relation).toBe("urged");
    expect(verbs.get("told")?.relation).toBe("told");
  });

  it("knows countries by name, short form, capital and demonym, and short forms only as written", () => {
    const c = lexicon().countries;
    expect(c.get("us")?.name).toBe("United States");
    expect(c.get("islamabad")).toEqual({ name: "Pakistan", via: "capital" });
    expect(c.get("afghan")).toEqual({ name: "Afghanistan", via: "demonym" });
  });
});

describe("data/compromise-words.json", () => {
  it("matches what the installed compromise gives (else run npm run lexicon:compromise)", async () => {
    const { buildCompromiseWords } = await import("../src/data/compromise-words-build.js");
    const { compromiseWords } = await import("../src/extract/lexicon.js");
    const committed = compromiseWords();
    expect(buildCompromiseWords(committed.compromise)).toEqual(committed);
  });

  it("conjugates every relation verb", () => {
    const verbs = lexicon().verbs;
    expect(verbs.get("urging")?.lemma).toBe("urge");
    expect(verbs.get("denied")?.lemma).toBe("deny");
  });

  it("keeps grammar words apart from names and knows ordinary nouns", () => {
    const lex = lexicon();
    expect(lex.grammarWords.has("would")).toBe(true);
    expect(lex.grammarWords.has("john")).toBe(false);
    expect(lex.firstNames.has("john")).toBe(true);
    expect(lex.knownWords.has("house")).toBe(true);
    expect(lex.knownWords.has("zzqx")).toBe(false);
  });
});
