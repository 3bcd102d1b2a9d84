// Pronouns and descriptions: "he" -> the person last named; "the country" -> the country the article is about;
// "the operation" / "an operation" -> the article's named operation.
import type { Article } from "../types.js";
import type { RefIndex } from "./refs.js";

const PERSONAL = new Set(["he", "she"]);
const DESCRIPTION_HEADS = new Map<string, "country" | "event" | "exercise">([
  ["country", "country"], ["nation", "country"],
  ["operation", "event"], ["offensive", "event"], ["campaign", "event"], ["plan", "event"], ["summit", "event"],
  ["conference", "event"], ["agreement", "event"], ["deal", "event"], ["exercise", "exercise"], ["drill", "exercise"],
]);
const DETERMINERS = new Set(["the", "this", "that", "an", "a", "its"]);

export function resolveAnaphora(article: Article, refs: RefIndex): void {
  const mentionCount = (id: string) => refs.entityById.get(id)?.mentions.length ?? 0;
  const topOf = (kind: string, head?: string): string | undefined => {
    let best: string | undefined;
    for (const e of refs.entityById.values()) {
      if (e.kind !== kind) continue;
      if (head && kind === "event" && ![...e.names.keys()].some((n) => n.toLowerCase().includes(head)) && head !== "operation") continue;
      if (!best || mentionCount(e.id) > mentionCount(best)) best = e.id;
    }
    return best;
  };
  let lastPerson: string | undefined;
  article.sentences.forEach((s, si) => {
    const words = s.tokens.map((t) => t.text.toLowerCase());
    for (let i = 0; i < words.length; i++) {
      const named = refs.bySentence[si]?.find((r) => r.from === i && r.kind === "person");
      if (named) lastPerson = named.entity;
      const w = words[i] ?? "";
      if (PERSONAL.has(w) && lastPerson) {
        refs.add({ sentence: si, from: i, to: i + 1, start: s.tokens[i]?.start ?? s.start, entity: lastPerson, kind: "person", nested: false, how: "pronoun" });
        continue;
      }
      if (!DETERMINERS.has(w)) continue;
      // "the new counterterrorism operation": up to two modifiers between determiner and head
      for (let j = i + 1; j <= i + 3 && j < words.length; j++) {
        const kind = DESCRIPTION_HEADS.get(words[j] ?? "");
        if (!kind) continue;
        if (refs.at(si, j)) break;
        if (kind === "event" && /^\p{Lu}/u.test(s.tokens[j]?.text ?? "")) break;
        const id = topOf(kind, words[j]);
        if (id) refs.add({ sentence: si, from: i, to: j + 1, start: s.tokens[i]?.start ?? s.start, entity: id, kind, nested: false, how: "nominal" });
        break;
      }
    }
  });
}
