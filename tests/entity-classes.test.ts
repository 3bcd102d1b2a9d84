// Entity error classes found on the web-news train and dev gold, fixed by general rules: each row a made-up
// sentence and the entities of its article (kind:name), present or absent.
import { describe, expect, it } from "vitest";
import { extractArticle } from "../src/pipeline/article.js";

function entities(text: string): string[] {
  return extractArticle({ id: "t", text, title: null, date: null, source: "t" }).entities.map((e) => `${e.kind}:${e.name}`);
}

describe("entity classes", () => {
  const rows: [string, string, string[], string[]][] = [
    // [why, text, entities present, entities absent]
    ["a demonym alone names no country", "The Zorblatian envoy met Cambodian Prime Minister Tom Lee on Monday.", ["person:Tom Lee"], ["country:Cambodia"]],
    ["a country named and described keeps its node", "Cambodian Prime Minister Tom Lee said Cambodia wants talks.", ["country:Cambodia"], []],
    ["a title and its portfolio name no body", "He met the Minister of Foreign Affairs on Monday.", [], ["organization:Foreign Affairs"]],
    ["a rank before the title's body", "Chief of Army Staff also reaffirmed Pakistan's commitment.", ["country:Pakistan"], ["organization:Army Staff", "organization:of Army Staff"]],
    ["a portfolio before a title", "Present were Agriculture Secretary Francisco Tiu Laurel and Public Works Secretary Manny Bonoan.", ["person:Francisco Tiu Laurel", "person:Manny Bonoan"], ["organization:Agriculture", "organization:Public Works"]],
    ["a title's body a list knows is kept", "Christine Lagarde, President of the European Central Bank, spoke.", ["organization:European Central Bank"], ["organization:President of the European Central Bank"]],
    ["titles alone name no one", "“The Deputy Prime Minister emphasized the talks,” the ministry said.", [], ["person:Prime Minister"]],
    ["a rank stays out of the name", "Myanmar's junta leader Senior Gen. Min Aung Hlaing attended, as did Air Chief Marshal Mujahid Anwar Khan.", ["person:Min Aung Hlaing", "person:Mujahid Anwar Khan"], ["person:Senior Gen", "person:Aung Hlaing"]],
    ["a wire credit is no entity", "LONDON, Feb 5 (Reuters) - The Bank of England left rates unchanged.", ["organization:Bank of England"], ["organization:Reuters"]],
    ["an outlet named as a source is", "The minister told Reuters the talks failed.", ["organization:Reuters"], []],
    ["a capital between two sides acts for its country", "Tensions grew between Islamabad and Kabul over the border.", ["country:Pakistan", "country:Afghanistan"], ["place:Islamabad", "place:Kabul"]],
    ["an acronym in brackets is the name's", "Leaders of the Alliance of Sahel States (AES) met. The AES countries left the bloc.", ["organization:Alliance of Sahel States"], ["organization:AES"]],
    ["a country's official style", "Iran said on Friday that the Islamic Republic seeks talks.", ["country:Iran"], ["organization:Islamic Republic", "country:Islamic Republic"]],
    ["an acronym after a title is a body", "He thanked General Ding Laihang, Commander PLAAF, for the jets.", ["organization:PLAAF"], ["person:PLAAF"]],
    ["a surname of two words", "Andres Manuel Lopez Obrador spoke. Later Lopez Obrador left.", ["person:Andres Manuel Lopez Obrador"], ["person:Lopez Obrador"]],
    ["a country before a body's name, in one article", "The US Treasury Department acted. The Treasury Department said so.", ["organization:US Treasury Department"], ["organization:Treasury Department"]],
    ["a gulf of a country is water", "Ships were hit in the Gulf of Aden.", ["place:Gulf of Aden"], ["place:Gulf"]],
    ["a compass word stays with the region", "Output rose in Brazil and East Africa.", ["place:East Africa"], ["place:Africa"]],
    ["a name particle", "Prince Faisal bin Farhan arrived.", ["person:Faisal bin Farhan"], ["person:Faisal", "person:Farhan"]],
    ["a numbered resolution and its body", "They cited UN Security Council Resolution 2216.", ["event:UN Security Council Resolution 2216"], ["organization:UN Security Council Resolution 2216"]],
    ["a facility is a place", "Talks were held at Joint Staff Headquarters in Rawalpindi.", ["place:Joint Staff Headquarters"], ["organization:Joint Staff Headquarters"]],
    ["a plaza is a place", "A crowd gathered in Plaza Murillo.", ["place:Plaza Murillo"], ["person:Plaza Murillo"]],
  ];
  it.each(rows)("%s", (_why, text, present, absent) => {
    const got = entities(text);
    for (const p of present) expect(got, text).toContain(p);
    for (const a of absent) expect(got, text).not.toContain(a);
  });
});
