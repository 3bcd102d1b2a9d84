import { readFileSync } from "node:fs";

/**
 * One JSON value per non-blank line of `file` (gold sets, corpora). The caller names the record type: the lines
 * are not checked beyond being JSON; a line that is not says where (`file:line`).
 */
export function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((line, i) => {
    try {
      return JSON.parse(line) as T;
    } catch (err) {
      throw new Error(`${file}:${i + 1}: not JSON: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
}
