// Table tests for relations stated by adjacent names (src/relations/nominal.ts): what must and must not come out.
import { describe, expect, it } from "vitest";
import { readArticle } from "../src/pipeline/article.js";
import { nominalFacts } from "../src/relations/nominal.js";

function facts(text: string): string[] {
  const read = readArticle({ id: "t", text, title: null, date: null, source: "t" });
  const name = (id: string) => [...(read.refs.entityById.get(id)?.names.keys() ?? [])][0] ?? id;
  return nominalFacts(read.article, read.refs).map((f) => `${name(f.source)} ${f.relation} ${name(f.target)}`);
}

describe("nominal frames", () => {
  it.each([
    ["a town, its province", "Clashes broke out in Peshawar, Khyber Pakhtunkhwa, on Monday.", ["Peshawar located_in Khyber Pakhtunkhwa"], []],
    ["a capital of a country", "The delegation left for Ashgabat, the capital of Turkmenistan, on Sunday.", ["Ashgabat located_in Turkmenistan"], []],
    ["a region in a country", "Fighting spread to the Lower Juba region in southern Somalia.", ["Lower Juba located_in Somalia"], []],
    ["a list of towns is no containment", "Protests reached Kabul, Kandahar and Herat on Friday.", [], ["Kabul located_in Kandahar"]],
    ["a state body with its country as possessor", "Iran's Quds Force trained the fighters.", ["Quds Force part_of Iran"], []],
    ["a country at the front of a body's name", "Iran and the U.S. Department of the Treasury clashed again.", ["U.S. Department of the Treasury part_of United States"], []],
    ["a company is no state body", "Britain's BG Group agreed to the deal.", ["BG Group based_in United Kingdom"], ["BG Group part_of United Kingdom"]],
    ["a company described with its country", "Britain welcomed the deal. British oil major BP signed it with France.", ["BP based_in United Kingdom"], ["BP based_in France"]],
    ["a backer before a hyphen", "Iran denied it. The Iran-backed Houthis fired missiles.", ["Iran supports Houthis"], ["Houthis supports Iran"]],
    ["a president's party is not based by the demonym", "Britain thanked Russian President Vladimir Putin's United Russia party.", [], ["United Russia based_in Russia"]],
  ])("%s", (_name, text, must: string[], mustNot: string[]) => {
    const got = facts(text);
    for (const f of must) expect(got).toContain(f);
    for (const f of mustNot) expect(got).not.toContain(f);
  });
});
