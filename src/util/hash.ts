import { createHash } from "node:crypto";

/** sha256 (hex) of a text, UTF-8: two articles with the same text are the same article. */
export function contentHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The first 8 hex digits of `contentHash`: enough to tell apart the few sources that share an id. */
export function shortHash(text: string): string {
  return contentHash(text).slice(0, 8);
}
