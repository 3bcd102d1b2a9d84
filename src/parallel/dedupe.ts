// Exact duplicates: the same text under another id (agencies re-run stories, corpora repeat them). The key is
// a hash of the text with whitespace runs collapsed, so re-wrapped copies match and nothing else does.
import { createHash } from "node:crypto";

/** sha1 of the text with every whitespace run made one space and the ends trimmed. */
export function textKey(text: string): string {
  return createHash("sha1").update(text.replace(/\s+/g, " ").trim()).digest("base64");
}

/** Remembers the first article id seen for each text key. */
export class DuplicateIndex {
  private readonly first = new Map<string, string>();

  /** The id of the earlier article with the same text, or undefined (and `id` is remembered as the first). */
  check(text: string, id: string): string | undefined {
    const key = textKey(text);
    const earlier = this.first.get(key);
    if (earlier === undefined) this.first.set(key, id);
    return earlier;
  }
}
