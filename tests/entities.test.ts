// Issue 13 table tests: names parsed (titles out, initials in), generic heads, and cross-article resolution
// (one node per real thing, a reason per merge, independent of article order). Sentences are made up.
import { describe, expect, it } from "vitest";
import { analyze } from "../src/nlp/index.js";
import { MentionFinder } from "../src/extract/mentions.js";
import { extractArticle } from "../src/pipeline/article.js";
import { buildGraph } from "../src/graph/build.js";
import { genericExamples, genericReason } from "../src/extract/generic.js";
import { acronymMatches } from "../src/resolve/keys.js";
import { explainNode, findNode } from "../src/cli/commands/explain.js";

function names(text: string): { name: string; kind: string; title?: string }[] {
  const a = analyze({ id: "t", text, title: null, date: null, source: "t" });
  return new MentionFinder().find(a).map((c) => ({ name: c.name, kind: c.kind, ...(c.title ? { title: c.title } : {}) }));
}

describe("names parsed, not glued", () => {
  const rows: [string, string, { name: string; kind: string; title?: string }][] = [
    ["middle initial stays in the name", "Yesterday Angus J. Campbell resigned.", { name: "Angus J. Campbell", kind: "person" }],
    ["a former title goes to the title", "Ex-PM Lord Callaghan spoke.", { name: "Callaghan", kind: "person", title: "ex-pm lord" }],
    ["an epithet goes to the title", "Later, Euro-Sceptic Kilroy-Silk spoke.", { name: "Kilroy-Silk", kind: "person", title: "euro-sceptic" }],
    ["a plural title names each person (1)", "They met Princes Charles and William.", { name: "Charles", kind: "person", title: "princes" }],
    ["a plural title names each person (2)", "They met Princes Charles and William.", { name: "William", kind: "person", title: "princes" }],
    ["a role word ending a name is cut off", "Yesterday the Zorblat Party MEP attacked the plan.", { name: "Zorblat Party", kind: "organization" }],
    ["a capitalised particle opens a name", "The editor told the daily El Tribunero about the plan.", { name: "El Tribunero", kind: "organization" }],
    ["a hyphenated word opening a meeting's name is part of it", "The Nepal-Central Asia Forum ended on Monday.", { name: "Nepal-Central Asia Forum", kind: "event" }],
    ["... and its country is still named", "The Nepal-Central Asia Forum ended on Monday.", { name: "Nepal", kind: "country" }],
    ["a country name finished before -based", "A United Arab Emirates-based firm was fined.", { name: "United Arab Emirates", kind: "country" }],
    ["an ampersand joins one company's name", "Auditors at Brill & Okafor found gaps.", { name: "Brill & Okafor", kind: "organization" }],
    ["a post-nominal in capitals is cut off", "Fellow guest Nora Quist MP spoke first.", { name: "Nora Quist", kind: "person" }],
    ["a sentence adverb opens no name", "Later the Zorblat Office said no.", { name: "Zorblat Office", kind: "organization" }],
    ["a name after a descriptor noun is a body", "Mia Holt, an analyst at brokerage Verlo, said prices rose.", { name: "Verlo", kind: "organization" }],
    ["a party's adjective before a role names the party", "Liberal Democrat deputy leader Ann Vole said no.", { name: "Liberal Democrats", kind: "organization" }],
    ["a city then a meeting word names the event", "Envoys flew to Rome for the Tarsus peace talks.", { name: "Tarsus peace talks", kind: "event" }],
    ["... and the city is still named", "Envoys flew to Rome for the Tarsus peace talks.", { name: "Tarsus", kind: "place" }],
    ["a body's name before a title stays whole", "Welsh Kite Association Chairman Tom Vell said no.", { name: "Welsh Kite Association", kind: "organization" }],
    ["a quoted nickname stays inside the name, out of its form", "He met President Jose ''Pepito'' Varga Jr. on Tuesday.", { name: "Jose Varga Jr", kind: "person", title: "president" }],
    ["an 'and' between two common words inside a body's name", "The Water and Power Ministry said so.", { name: "Water and Power Ministry", kind: "organization" }],
    ["... also before a title", "House Energy and Commerce Committee Chairman Ed Vole said no.", { name: "House Energy and Commerce Committee", kind: "organization" }],
    ["an 'and' inside a meeting's name after hyphenated countries", "The Nepal-Chile Defence and Security Talks ended.", { name: "Nepal-Chile Defence and Security Talks", kind: "event" }],
    ["an 'and' after 'for' stays inside the body's name", "The Department for Water and Power said so.", { name: "Department for Water and Power", kind: "organization" }],
    ["a person after an office's title", "Later, National Security Adviser Ed Vole and Secretary Tom Bram spoke.", { name: "Ed Vole", kind: "person", title: "national security adviser" }],
    ["a company alone in angle brackets is named", "Zentrix Corp <ZTX> bought <Banque Velour> on Monday.", { name: "Banque Velour", kind: "organization" }],
    ["a world region is one place", "Exports to Latin America rose.", { name: "Latin America", kind: "place" }],
    ["a GeoNames region of two words inside a list", "Envoys from Wales and Northern Ireland met.", { name: "Northern Ireland", kind: "place" }],
  ];
  it.each(rows)("%s", (_why, text, expected) => {
    expect(names(text)).toContainEqual(expected);
  });
  const wrong: [string, string, string][] = [
    ["no name without its particle", "The editor told the daily El Tribunero about the plan.", "Tribunero"],
    ["no tail of a meeting's name", "The Nepal-Central Asia Forum ended on Monday.", "Asia Forum"],
    ["no first words of a country as a body", "A United Arab Emirates-based firm was fined.", "United Arab"],
    ["no half of an ampersand name", "Auditors at Brill & Okafor found gaps.", "Okafor"],
    ["no name after an ampersand inside a body's name", "The Soil & Water Organisation met.", "Water Organisation"],
    ["no tail of a region read as a country", "Exports to Latin America rose.", "United States"],
    ["no country from the tail of a region", "Envoys from Wales and Northern Ireland met.", "Ireland"],
    ["no place inside a body's name", "She studied at the University of Lagos.", "Lagos"],
    ["no sentence adverb as an exercise", "Additionally, the exercise helps both armies.", "Additionally"],
    ["no sentence adverb glued to a name", "Later the Zorblat Office said no.", "Later the Zorblat Office"],
    ["no person from a title-like word before a head word", "Turnout rose before the General Election.", "Election"],
    ["no event from a city and a verb", "In the end Tarsus talks tough on trade.", "Tarsus talks"],
    ["no first name cut off before a nickname", "He met President Jose ''Pepito'' Varga Jr. on Tuesday.", "Jose"],
    ["no tail of a body's name after 'and'", "The Water and Power Ministry said so.", "Power Ministry"],
    ["no body from two countries joined by 'and'", "Chile and Nepal Talks ended on Monday.", "Chile and Nepal Talks"],
    ["no body from a department's portfolio", "The Department of Water and Human Services said so.", "Water and Human Services"],
    ["no place from a peer's title", "Lord Vell of Tarsby said the bill was flawed.", "Tarsby"],
    ["no body from an office's title", "Later, National Security Adviser Ed Vole and Secretary Tom Bram spoke.", "National Security Adviser"],
    ["no stock ticker", "Zentrix Corp <ZTX> said profits rose.", "ZTX"],
    ["no wire sign-off on the last line", "Zentrix Corp said profits rose.\n Wirepost", "Wirepost"],
  ];
  it.each(wrong)("%s", (_why, text, name) => {
    expect(names(text).map((n) => n.name)).not.toContain(name);
  });
});

describe("generic heads", () => {
  it("every example in data/generic-heads.json is generic", () => {
    for (const ex of genericExamples()) expect(genericReason(ex.replace(/ said.*$/, "").replace(/^The /, "")), ex).toBeDefined();
  });
  it.each(["Labour Party", "Middle East", "National Assembly", "Joint Chiefs of Staff"])("%s is name-like", (n) => {
    expect(genericReason(n)).toBeUndefined();
  });
});

describe("acronyms", () => {
  it.each([["UKIP", "UK Independence Party", true], ["NATO", "North Atlantic Treaty Organization", true], ["ADSS", "Association of Directors of Social Services", true], ["BBC", "Liberal Democrats", false]] as const)(
    "%s ~ %s: %s", (a, n, ok) => expect(acronymMatches(a, n)).toBe(ok),
  );
});

describe("one body under its usual forms, within an article", () => {
  const bodies = (text: string) => extractArticle({ id: "t", text, title: null, date: null, source: "t" }).entities.filter((e) => e.kind === "organization").map((e) => e.name);
  const rows: [string, string, number][] = [
    ["head word before 'of' or at the end", "The Department of the Exchequer fined two firms. The Exchequer Department said more fines would follow.", 1],
    ["the word alone", "The US Exchequer Department fined two firms. The Exchequer said more fines would follow.", 1],
    ["a company's short name", "Vantoria Terminal Systems Inc agreed to sell shares. Vantoria Terminal said the deal was good.", 1],
    ["a legal form left out", "Quellmark Inc made an offer. Quellmark's offer expires on Friday.", 1],
    ["two countries' ministries stay apart", "The Indian Defence Ministry and the Pakistani Defence Ministry met.", 2],
  ];
  it.each(rows)("%s", (_why, text, n) => {
    expect(bodies(text)).toHaveLength(n);
  });
  it("an exercise's short form is the exercise", () => {
    const text = "Troops began the Joint Special Forces Exercise ZEPHYR on Monday. Exercise ZEPHYR will last two weeks.";
    const exercises = extractArticle({ id: "t", text, title: null, date: null, source: "t" }).entities.filter((e) => e.kind === "exercise");
    expect(exercises).toHaveLength(1);
    expect(exercises[0]!.aliases).toEqual(expect.arrayContaining(["Joint Special Forces Exercise ZEPHYR", "Exercise ZEPHYR"]));
  });
});

describe("cross-article resolution", () => {
  const docs = [
    { id: "a1", text: "Peter Vandersloot, the attorney general, gave his advice on Monday. Tony Blair and Cherie Blair were in London." },
    { id: "a2", text: "Mr Vandersloot said the advice was sound. Blair agreed with the Zorblat Freedom Party (ZFP)." },
    { id: "a3", text: "The ZFP won two seats. The ZFP leader was pleased." },
  ];
  const build = (order: typeof docs) => buildGraph(order.map((d) => extractArticle({ ...d, title: null, date: null, source: d.id })), { layout: false });
  const graph = build(docs);
  it("joins a surname to the one full-name person with it, with a reason", () => {
    const n = findNode(graph, "Vandersloot");
    expect(n?.attributes.label).toBe("Peter Vandersloot");
    expect(n?.attributes.merged?.[0]).toMatch(/^surname:/);
    expect(explainNode(n!)).toContain("surname");
  });
  it("keeps a surname shared by two full names apart", () => {
    expect(findNode(graph, "Blair")?.attributes.label).toBe("Blair");
  });
  it("joins an acronym to its expansion when an article defines it", () => {
    const n = findNode(graph, "ZFP");
    expect(n?.attributes.label).toBe("Zorblat Freedom Party");
    expect(n?.attributes.documents).toEqual(["a2", "a3"]);
  });
  it("does not depend on the order articles arrive in", () => {
    expect(JSON.stringify(build([...docs].reverse()))).toBe(JSON.stringify(graph));
  });
});
