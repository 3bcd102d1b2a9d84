// data/word-classes.json: every class loads with a reason and an example, and every class is read by the code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { wordClass, wordClasses } from "../src/data/word-classes.js";

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [readFileSync(p, "utf8")] : [];
  });
}

describe("word classes", () => {
  const code = sources("src").join("\n");
  it.each([...wordClasses()].map(([name, c]) => [name, c] as const))("%s: a reason, an example, words, and a reader", (name, c) => {
    expect(c.reason.length).toBeGreaterThan(10);
    expect(c.example.length).toBeGreaterThan(2);
    expect(c.words.size).toBeGreaterThan(0);
    expect(code).toContain(`wordClass("${name}")`);
  });

  it("names a missing class in its error", () => {
    expect(() => wordClass("no-such-class")).toThrow(/no class "no-such-class"/);
  });
});
