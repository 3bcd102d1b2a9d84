// JSON and JSONL records -> articles. A record needs a non-empty `text`; `id`, `title`, `date`, `url`/`source`
// are optional. Every rejected record is reported with its file (and line) and the rest of the file goes on.
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import type { RawArticle } from "../types.js";
import { normalizeDate } from "./dates.js";
import { firstInvalidUtf8, looksBinary, normalizeNewlines } from "./decode.js";
import type { InputProblem } from "./problems.js";
import type { InputFile } from "./walk.js";
import { shorten } from "../util/shorten.js";

/** `line` is set for JSONL records, so later warnings about an article can point at it. */
export type FileEvent = { article: RawArticle; line?: number } | { problem: InputProblem };

const TITLE_FIELDS = ["title", "headline"] as const;
const DATE_FIELDS = ["date", "published", "publishedAt", "published_at", "datePublished", "pubdate"] as const;
const SOURCE_FIELDS = ["url", "source", "link"] as const;

function baseName(file: InputFile): string {
  return file.id;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function firstString(record: Record<string, unknown>, fields: readonly string[]): string | null {
  for (const field of fields) {
    const v = record[field];
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  return null;
}

/**
 * One parsed JSON value -> an article or problems. `where` says which record it was: `line` for JSONL,
 * `index` for an element of a JSON array.
 */
export function recordToEvents(value: unknown, file: InputFile, where: { line?: number; index?: number }): FileEvent[] {
  const at = (severity: InputProblem["severity"], message: string): FileEvent => ({
    problem: { path: file.source, ...(where.line === undefined ? {} : { line: where.line }), severity, message },
  });
  const label = where.index === undefined ? "record" : `record ${where.index}`;
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return [at("error", `${label} is ${describe(value)}, expected an object with "text"; skipped`)];
  }
  const record = value as Record<string, unknown>;
  const rawText = record["text"];
  if (rawText === undefined || rawText === null) {
    // Common in real corpora (Reuters has ~1,800 title-only records): a warning, not an error.
    return [at("warning", `${label} has no "text"; skipped`)];
  }
  if (typeof rawText !== "string") {
    return [at("error", `${label} has a "text" that is ${describe(rawText)}, not a string; skipped`)];
  }
  if (rawText.trim() === "") return [at("warning", `${label} has an empty "text"; skipped`)];

  const events: FileEvent[] = [];
  const rawId = record["id"];
  const ordinal = where.line ?? where.index;
  let id = ordinal === undefined ? baseName(file) : `${baseName(file)}-${ordinal}`;
  let given = false;
  if (typeof rawId === "string" && rawId.trim() !== "") [id, given] = [rawId.trim(), true];
  else if (typeof rawId === "number" && Number.isFinite(rawId)) [id, given] = [String(rawId), true];
  else if (rawId !== undefined && rawId !== null && rawId !== "") {
    events.push(at("warning", `${label} has an "id" that is ${describe(rawId)}; using "${shorten(id)}"`));
  }
  // A publisher's id names the record wherever it moves in the file; without one, its place in the file does.
  const origin = `${file.origin}#${given ? `id:${id}` : ordinal === undefined ? "" : `@${ordinal}`}`;

  let date: string | null = null;
  const dateField = DATE_FIELDS.find((f) => record[f] !== undefined && record[f] !== null && record[f] !== "");
  if (dateField !== undefined) {
    date = normalizeDate(record[dateField]);
    if (date === null) {
      const shown = JSON.stringify(record[dateField])?.slice(0, 60) ?? "?";
      events.push(at("warning", `${label} has an unrecognised ${dateField} ${shown}; date set to null`));
    }
  }
  const suffix = where.line !== undefined ? `:${where.line}` : where.index !== undefined ? `[${where.index}]` : "";
  events.push({
    article: {
      id,
      text: normalizeNewlines(rawText),
      title: firstString(record, TITLE_FIELDS)?.replace(/\s+/g, " ") ?? null,
      date,
      source: firstString(record, SOURCE_FIELDS) ?? `${file.source}${suffix}`,
      origin,
    },
    ...(where.line === undefined ? {} : { line: where.line }),
  });
  return events;
}

/** The 1-based line of a JSON.parse error, when V8's message gives a position. */
function errorLine(text: string, err: unknown): number | undefined {
  const message = err instanceof Error ? err.message : "";
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  return text.slice(0, Number(pos[1])).split("\n").length;
}

function syntaxMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/\s*\(line \d+ column \d+\)/, "").slice(0, 200);
}

/** A whole `.json` file (already decoded): one object, or an array of objects. */
export function jsonFileEvents(text: string, file: InputFile): FileEvent[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    const line = errorLine(text, err);
    return [{ problem: { path: file.source, ...(line === undefined ? {} : { line }), severity: "error", message: `invalid JSON: ${syntaxMessage(err)}; file skipped` } }];
  }
  if (Array.isArray(data)) {
    if (data.length === 0) return [{ problem: { path: file.source, severity: "warning", message: "empty JSON array, no articles" } }];
    return data.flatMap((item, index) => recordToEvents(item, file, { index }));
  }
  return recordToEvents(data, file, {});
}

async function sniff(file: string): Promise<Uint8Array> {
  const handle = await open(file, "r");
  try {
    const buffer = new Uint8Array(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Streams a `.jsonl` file line by line, so a corpus of any size is never held in memory at once. The stream is
 * read as latin1 (one char per byte, lossless) and each line re-decoded as UTF-8, falling back to Windows-1252 for
 * that line only. Blank lines are skipped; a broken line is reported with its number and the next line goes on.
 */
export async function* jsonlFileEvents(file: InputFile): AsyncGenerator<FileEvent> {
  const head = await sniff(file.absolute);
  if (head.length === 0) {
    yield { problem: { path: file.source, severity: "warning", message: "empty file, skipped" } };
    return;
  }
  const binary = looksBinary(head);
  if (binary) {
    yield { problem: { path: file.source, severity: "error", message: `${binary}, skipped` } };
    return;
  }
  const lines = createInterface({ input: createReadStream(file.absolute, { encoding: "latin1" }), crlfDelay: Infinity });
  let lineNo = 0;
  let records = 0;
  for await (const raw of lines) {
    lineNo++;
    let bytes = Buffer.from(raw, "latin1");
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    if (bytes.every((b) => b === 0x20 || b === 0x09 || b === 0x0d)) continue;
    let line: string;
    const bad = firstInvalidUtf8(bytes);
    if (bad < 0) line = bytes.toString("utf8");
    else {
      line = new TextDecoder("windows-1252").decode(bytes);
      yield { problem: { path: file.source, line: lineNo, severity: "warning", message: `not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).toUpperCase()} at column ${bad + 1}); decoded as Windows-1252` } };
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (err) {
      const message = syntaxMessage(err).replace(/ at position (\d+)/, (_, p: string) => ` at column ${Number(p) + 1}`);
      yield { problem: { path: file.source, line: lineNo, severity: "error", message: `invalid JSON: ${message}; line skipped` } };
      continue;
    }
    records++;
    yield* recordToEvents(value, file, { line: lineNo });
  }
  if (records === 0 && lineNo > 0) {
    yield { problem: { path: file.source, severity: "warning", message: "no JSON records in this file" } };
  }
}
