import { describe, expect, it } from "vitest";
import { highlightSegments } from "../../viz/src/highlight.js";

const KHAN = { tag: "self", names: ["Masood Khan", "Khan", "Ambassador Masood Khan"] };
const US = { tag: "other", names: ["United States", "US"] };

/** Renders segments as "[self:Khan] said" for compact expectations. */
function show(text: string, groups = [KHAN, US]): string {
  return highlightSegments(text, groups).map((s) => (s.tag ? `[${s.tag}:${s.text}]` : s.text)).join("");
}

describe("highlightSegments", () => {
  const cases: [name: string, text: string, expected: string][] = [
    ["surname", "Khan stressed the point.", "[self:Khan] stressed the point."],
    ["longest alias wins", "Ambassador Masood Khan told Dawn.", "[self:Ambassador Masood Khan] told Dawn."],
    ["both entities", "Khan urged the United States.", "[self:Khan] urged the [other:United States]."],
    ["case-insensitive", "KHAN spoke", "[self:KHAN] spoke"],
    ["whole words only", "Khanate and USAID are not matches", "Khanate and USAID are not matches"],
    ["inside punctuation", "“US-made” arms", "“[other:US]-made” arms"],
    ["no names", "Nothing here.", "Nothing here."],
    ["empty text", "", ""],
    ["markup stays text", "<b>Khan</b>", "<b>[self:Khan]</b>"],
  ];
  it.each(cases)("%s", (_name, text, expected) => expect(show(text)).toBe(expected));

  it("keeps every character, in order", () => {
    const text = "Khan, Khan and the US met the United States.";
    expect(highlightSegments(text, [KHAN, US]).map((s) => s.text).join("")).toBe(text);
  });

  it("ignores one-letter names, which would mark every article", () => {
    expect(show("a b c", [{ tag: "self", names: ["a"] }])).toBe("a b c");
  });
});
