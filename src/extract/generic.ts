// Generic heads (data/generic-heads.json): capitalised common nouns and fragments that name nothing on their own
// ("Party", "Government", "North", "Human Rights"). A node needs a name-like form.
import { isRecord, loadData, stringList } from "../data/load.js";

interface GenericHeads {
  /** Word -> why it names nothing alone (one-word mentions only). */
  alone: Map<string, string>;
  /** Word -> why a mention made only of such words names nothing. */
  together: Map<string, string>;
}

let cached: GenericHeads | undefined;

function genericHeads(): GenericHeads {
  cached ??= loadData("generic-heads", (v) => {
    if (!isRecord(v) || !Array.isArray(v.groups)) throw new Error("needs a groups array");
    const out: GenericHeads = { alone: new Map(), together: new Map() };
    for (const g of v.groups as unknown[]) {
      if (!isRecord(g) || typeof g.reason !== "string" || typeof g.example !== "string") throw new Error("each group needs a reason and an example");
      if (g.scope !== "alone" && g.scope !== "together") throw new Error(`group "${g.reason}": scope must be "alone" or "together"`);
      for (const w of stringList(g, "words")) {
        if (out.alone.has(w) || out.together.has(w)) throw new Error(`"${w}" is listed twice`);
        out[g.scope].set(w, g.reason);
      }
    }
    return out;
  });
  return cached;
}

/** The examples of data/generic-heads.json, for the test that runs them. */
export function genericExamples(): string[] {
  return loadData("generic-heads", (v) => (isRecord(v) && Array.isArray(v.groups) ? (v.groups as { example: string }[]).map((g) => g.example) : []));
}

/**
 * Why `name` names no entity, or undefined when it is name-like: a one-word generic head ("Party", "Central"), or
 * listed words only, ending in a topic or group word ("Human Rights", "Joint Chiefs"; not "Middle East").
 */
export function genericReason(name: string): string | undefined {
  const words = name.toLowerCase().replace(/[’']s$/, "").replace(/^the\s+/, "").split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const { alone, together } = genericHeads();
  if (words.length === 1) return alone.get(words[0]!) ?? together.get(words[0]!);
  if (words.every((w) => together.has(w) || alone.has(w))) return together.get(words[words.length - 1]!);
  return undefined;
}
