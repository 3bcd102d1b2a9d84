// Closed word classes (data/word-classes.json): the function words, auxiliaries and trigger nouns extractors
// test tokens against. Rules and word lists are data; each class carries a reason and an example.
import { isRecord, loadData } from "./load.js";

interface WordClass {
  reason: string;
  example: string;
  words: ReadonlySet<string>;
}

let classes: ReadonlyMap<string, WordClass> | undefined;

function load(): ReadonlyMap<string, WordClass> {
  return loadData("word-classes", (v) => {
    if (!isRecord(v) || !isRecord(v.classes)) throw new Error('expected {"classes": {...}}');
    const out = new Map<string, WordClass>();
    for (const [name, c] of Object.entries(v.classes)) {
      if (!isRecord(c) || typeof c.reason !== "string" || typeof c.example !== "string" || !Array.isArray(c.words)) {
        throw new Error(`class "${name}" needs a reason, an example and words`);
      }
      const words = c.words.filter((w): w is string => typeof w === "string" && w !== "");
      if (words.length !== c.words.length) throw new Error(`class "${name}" holds a non-string or empty word`);
      if (new Set(words).size !== words.length) throw new Error(`class "${name}" lists a word twice`);
      out.set(name, { reason: c.reason, example: c.example, words: new Set(words) });
    }
    return out;
  });
}

/** The words of one class; an unknown name is a programming error and throws. */
export function wordClass(name: string): ReadonlySet<string> {
  classes ??= load();
  const c = classes.get(name);
  if (!c) throw new Error(`data/word-classes.json has no class "${name}"`);
  return c.words;
}

/** Every class with its reason and example (for lints and `--explain`). */
export function wordClasses(): ReadonlyMap<string, WordClass> {
  classes ??= load();
  return classes;
}
