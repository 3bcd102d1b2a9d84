// Exact duplicates: the same text under another id (agencies re-run stories, corpora repeat them). The key is
// the store's content hash, so a build and a store agree on which articles are copies: the same characters after
// decoding (newlines normalised by ingest). A re-wrapped copy is another text: its offsets differ, and evidence
// offsets must point into the text they name.
import { contentHash } from "../util/hash.js";

/** The key two copies of one text share: `contentHash`. */
export function textKey(text: string): string {
  return contentHash(text);
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
