import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The folder of word lists and dictionaries; code reads data only through this loader. */
export const DATA_DIR = fileURLToPath(new URL("../../data/", import.meta.url));

export class DataFileError extends Error {
  override name = "DataFileError";
}

/** Reads data/<name>.json and checks it with `check`, which throws a message naming the bad entry. */
export function loadData<T>(name: string, check: (value: unknown) => T): T {
  const file = `${DATA_DIR}${name}.json`;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new DataFileError(`data/${name}.json: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    return check(value);
  } catch (err) {
    throw new DataFileError(`data/${name}.json: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Checks that `value[key]` is an array of non-empty strings without duplicates and returns it. */
export function stringList(value: unknown, key: string): string[] {
  if (!isRecord(value)) throw new Error("expected an object");
  const list = value[key];
  if (!Array.isArray(list)) throw new Error(`"${key}" must be an array`);
  const seen = new Set<string>();
  for (const item of list) {
    if (typeof item !== "string" || item === "") throw new Error(`"${key}" holds a non-string or empty entry`);
    if (seen.has(item)) throw new Error(`"${key}" lists "${item}" twice`);
    seen.add(item);
  }
  return list as string[];
}
