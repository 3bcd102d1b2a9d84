import { describe, expect, it } from "vitest";
import { cypherName, cypherString, kindLabel, relationType, toCypher } from "../../src/export/cypher.js";
import { sampleGraph } from "./helpers.js";

/** Decodes every single-quoted Cypher string literal in a statement (the escapes Cypher defines). */
function stringLiterals(statement: string): string[] {
  const out: string[] = [];
  const re = /'((?:[^'\\]|\\.)*)'/g;
  for (const m of statement.matchAll(re)) {
    out.push(
      m[1]!.replace(/\\(u[0-9a-fA-F]{4}|.)/g, (_all, e: string) => {
        if (e.startsWith("u") && e.length === 5) return String.fromCharCode(parseInt(e.slice(1), 16));
        const simple: Record<string, string> = { n: "\n", r: "\r", t: "\t", b: "\b", f: "\f", "'": "'", '"': '"', "\\": "\\" };
        const v = simple[e];
        if (v === undefined) throw new Error(`unknown escape \\${e}`);
        return v;
      }),
    );
  }
  return out;
}

describe("cypher export", () => {
  const json = sampleGraph();
  const script = toCypher(json);
  const statements = script.split("\n").filter((l) => l !== "" && !l.startsWith("//"));

  it("writes one statement per line, each closed by a semicolon", () => {
    for (const s of statements) expect(s.endsWith(";")).toBe(true);
    expect(statements.filter((s) => s.startsWith("CREATE CONSTRAINT"))).toHaveLength(2);
    expect(statements.filter((s) => s.startsWith("MERGE (a:Article"))).toHaveLength(2);
    expect(statements.filter((s) => s.startsWith("MERGE (n:Entity"))).toHaveLength(3);
    expect(statements.filter((s) => s.includes("MERGE (s)-["))).toHaveLength(4);
    const mentionLinks = json.nodes.reduce((n, node) => n + node.attributes.documents.length, 0);
    expect(statements.filter((s) => s.includes(":MENTIONED_IN"))).toHaveLength(mentionLinks);
    expect(statements).toHaveLength(2 + 2 + 3 + 4 + mentionLinks);
  });

  it("labels nodes by kind and types relationships by relation in upper case", () => {
    expect(statements.filter((s) => s.includes("SET n:Person,"))).toHaveLength(1);
    expect(statements.filter((s) => s.includes("SET n:Organization,"))).toHaveLength(1);
    expect(statements.filter((s) => s.includes("[r:CRITICIZED {key: 'e0'}]"))).toHaveLength(1);
    expect(statements.filter((s) => s.includes("[r:AGREED_WITH {key: 'e2'}]"))).toHaveLength(1);
  });

  it("escapes every property so it decodes back to the original", () => {
    const att = statements.find((s) => s.startsWith("MERGE (n:Entity {key: 'organization:at&t'})"))!;
    const values = stringLiterals(att);
    expect(values).toContain('AT&T "Research <Labs>", Inc.');
    const cote = stringLiterals(statements.find((s) => s.includes("côte-d\\'ivoire'}) SET"))!);
    expect(cote).toContain("Côte d'Ivoire");
    expect(cote).toContain("コートジボワール");
    const e0 = statements.find((s) => s.includes("{key: 'e0'}"))!;
    const evidence = stringLiterals(e0).find((v) => v.startsWith("[{"))!;
    expect(JSON.parse(evidence)).toEqual(json.edges[0]!.attributes.evidence);
    const e2 = statements.find((s) => s.includes("{key: 'e2'}"))!;
    expect(JSON.parse(stringLiterals(e2).find((v) => v.startsWith("[{"))!)).toEqual(json.edges[2]!.attributes.evidence);
  });

  it.each([
    ["plain", "abc", "'abc'"],
    ["single quote", "d'Ivoire", "'d\\'Ivoire'"],
    ["backslash", "a\\b", "'a\\\\b'"],
    ["newline and tab", "a\nb\tc\r", "'a\\nb\\tc\\r'"],
    ["control", "a\u0001", "'a\\u0001'"],
    ["lone surrogate", "a\uD800b", "'a\uFFFDb'"],
    ["injection attempt", "x'}) DETACH DELETE n //", "'x\\'}) DETACH DELETE n //'"],
  ])("cypherString: %s", (_name, input, expected) => {
    expect(cypherString(input)).toBe(expected);
  });

  it.each([
    ["person", "Person"],
    ["organization", "Organization"],
    ["some kind", "SomeKind"],
  ])("kindLabel(%s) = %s", (kind, label) => expect(kindLabel(kind)).toBe(label));

  it("quotes names that are not plain identifiers", () => {
    expect(cypherName("SAID")).toBe("SAID");
    expect(cypherName("a`b c")).toBe("`a``b c`");
    expect(relationType("agreed_with")).toBe("AGREED_WITH");
    expect(relationType("co-operates")).toBe("CO_OPERATES");
  });

  it("writes coordinates as floats so a property keeps one type", () => {
    const att = statements.find((s) => s.startsWith("MERGE (n:Entity {key: 'organization:at&t'})"))!;
    expect(att).toContain("n.x = 0.0, n.y = 3.0, n.size = 4.5");
  });
});
