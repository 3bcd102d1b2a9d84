// ingest: files and folders -> RawArticle. Reads .txt/.md/.html/.htm/.json/.jsonl; every input it cannot read
// cleanly becomes an InputProblem (file, line, reason) and the rest goes on. Nothing here throws for bad input,
// except `readInputs` in strict mode, which reads everything first and then throws one IngestError listing it all.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { RawArticle } from "../types.js";
import { decodeBytes } from "./decode.js";
import { parseHtmlArticle } from "./html.js";
import { textMeta } from "./plain-text.js";
import type { InputProblem } from "./problems.js";
import { IngestError, describeFsError } from "./problems.js";
import type { FileEvent } from "./records.js";
import { jsonFileEvents, jsonlFileEvents } from "./records.js";
import type { InputFile } from "./walk.js";
import { walkInputs } from "./walk.js";
import { shortHash } from "../util/hash.js";
import { shorten } from "../util/shorten.js";

export type { InputProblem } from "./problems.js";
export { IngestError, formatProblem } from "./problems.js";
export { ARTICLE_EXTENSIONS } from "./walk.js";
export { normalizeDate } from "./dates.js";
export { decodeBytes } from "./decode.js";
export { parseHtmlArticle } from "./html.js";
export { textMeta } from "./plain-text.js";

export interface IngestOptions {
  /** Throw an IngestError (after reading everything) when any input had a problem, warnings included. */
  strict?: boolean;
  /** Longest article text kept, in characters (UTF-16 code units); longer texts are truncated with a warning. */
  maxArticleChars?: number;
  /** Largest .txt/.md/.html/.json file read whole, in bytes; bigger ones are skipped with an error (.jsonl streams). */
  maxFileBytes?: number;
}

export const DEFAULT_INGEST_OPTIONS: Required<IngestOptions> = {
  strict: false,
  maxArticleChars: 5_000_000,
  maxFileBytes: 64 * 1024 * 1024,
};

/** What `streamInputs` yields, one at a time, in input order. */
export type IngestEvent = { type: "article"; article: RawArticle } | { type: "problem"; problem: InputProblem };

function problem(file: InputFile, severity: InputProblem["severity"], message: string): FileEvent {
  return { problem: { path: file.source, severity, message } };
}

function formatBytes(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes.toLocaleString("en-US")} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A .txt/.md/.html/.json file, read whole (size-checked first). */
async function* wholeFileEvents(file: InputFile, maxFileBytes: number): AsyncGenerator<FileEvent> {
  let bytes: Buffer;
  try {
    const size = (await stat(file.absolute)).size;
    if (size > maxFileBytes) {
      const hint = file.format === ".json" ? "; split it or use .jsonl" : "";
      yield problem(file, "error", `file is ${formatBytes(size)}, over the ${formatBytes(maxFileBytes)} limit; skipped${hint}`);
      return;
    }
    bytes = await readFile(file.absolute);
  } catch (err) {
    yield problem(file, "error", `cannot read: ${describeFsError(err)}`);
    return;
  }
  if (bytes.length === 0) {
    yield problem(file, "warning", "empty file, skipped");
    return;
  }
  const decoded = decodeBytes(bytes);
  if (decoded.note) yield problem(file, decoded.fatal ? "error" : "warning", decoded.note);
  if (decoded.text === null) return;
  const text = decoded.text;
  const id = file.id;

  switch (file.format) {
    case ".json":
      yield* jsonFileEvents(text, file);
      return;
    case ".html":
    case ".htm": {
      const page = parseHtmlArticle(text);
      if (page.text.trim() === "") {
        yield problem(file, "warning", "no readable text in the page, skipped");
        return;
      }
      if (page.fallback) yield problem(file, "warning", "no article body found; used the whole page text");
      yield { article: { id, text: page.text, title: page.title, date: page.date, source: file.source, origin: file.origin } };
      return;
    }
    default: {
      if (text.trim() === "") {
        yield problem(file, "warning", "no text (only whitespace), skipped");
        return;
      }
      const meta = textMeta(text, file.format === ".md");
      yield { article: { id, text, title: meta.title, date: meta.date, source: file.source, origin: file.origin } };
    }
  }
}

/** Cuts an over-long text at the last line break or space before the limit, never inside a surrogate pair. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(text.lastIndexOf("\n", max), text.lastIndexOf(" ", max));
  if (cut < max * 0.9) cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut);
}

/** Ids longer than this are cut to their head and a hash of the whole, so distinct long ids stay distinct. */
export const MAX_ID_CHARS = 160;

/** `id`, or for an over-long one its first 120 characters, `~` and the hash of the whole id. */
export function boundedId(id: string): string {
  return id.length <= MAX_ID_CHARS ? id : `${truncateText(id, 120).trimEnd()}~${shortHash(id)}`;
}

/**
 * Gives each article of one run an id no other article of the run holds. The first source keeps an id; a later
 * one with the same id gets `~` and 8 hex digits of its text's hash, so the new id follows from the article
 * alone. Over-long ids are bounded first.
 */
export class RunIds {
  private readonly firstSource = new Map<string, string>();

  assign(article: RawArticle, where: InputProblem["path"], line: number | undefined): InputProblem[] {
    const problems: InputProblem[] = [];
    const at = { path: where, ...(line === undefined ? {} : { line }) };
    const bounded = boundedId(article.id);
    if (bounded !== article.id) {
      problems.push({ ...at, severity: "warning", message: `id of ${article.id.length.toLocaleString("en-US")} characters shortened to "${shorten(bounded)}"` });
      article.id = bounded;
    }
    const first = this.firstSource.get(article.id);
    if (first !== undefined) {
      const base = `${article.id}~${shortHash(article.text)}`;
      let renamed = base;
      for (let n = 2; this.firstSource.has(renamed); n++) renamed = `${base}-${n}`;
      const message = `id "${shorten(article.id)}" is already used by ${shorten(first)}; this article is "${shorten(renamed)}"`;
      problems.push({ ...at, severity: "warning", message });
      article.id = renamed;
    }
    this.firstSource.set(article.id, article.source);
    return problems;
  }
}

/**
 * Streams articles and problems from files and folders, one at a time, so corpus-scale builds never hold every
 * article. Ids are unique within the run (see `RunIds`); the store also keeps them apart across runs.
 */
export async function* streamInputs(paths: readonly string[], options: IngestOptions = {}): AsyncGenerator<IngestEvent> {
  const { maxArticleChars, maxFileBytes } = { ...DEFAULT_INGEST_OPTIONS, ...options };
  const ids = new RunIds();
  for await (const item of walkInputs(paths)) {
    if ("problem" in item) {
      yield { type: "problem", problem: item.problem };
      continue;
    }
    const file = item.file;
    const events = file.format === ".jsonl" ? jsonlFileEvents(file) : wholeFileEvents(file, maxFileBytes);
    try {
      for await (const event of events) {
        if ("problem" in event) {
          yield { type: "problem", problem: event.problem };
          continue;
        }
        const article = event.article;
        const where = { path: file.source, ...(event.line === undefined ? {} : { line: event.line }) };
        if (article.text.length > maxArticleChars) {
          const length = article.text.length;
          article.text = truncateText(article.text, maxArticleChars);
          yield {
            type: "problem",
            problem: { ...where, severity: "warning", message: `article "${shorten(article.id)}" is ${length.toLocaleString("en-US")} characters, over the ${maxArticleChars.toLocaleString("en-US")} limit; truncated to ${article.text.length.toLocaleString("en-US")}` },
          };
        }
        for (const problem of ids.assign(article, file.source, event.line)) yield { type: "problem", problem };
        yield { type: "article", article };
      }
    } catch (err) {
      // A file that vanished or failed mid-read: report it and go on with the next input.
      yield { type: "problem", problem: { path: file.source, severity: "error", message: `cannot read: ${describeFsError(err)}` } };
    }
  }
}

/** Reads every article under the given paths. Problems are returned, not thrown, unless `strict` is set. */
export async function readInputs(
  paths: string[],
  options: IngestOptions = {},
): Promise<{ articles: RawArticle[]; problems: InputProblem[] }> {
  const articles: RawArticle[] = [];
  const problems: InputProblem[] = [];
  for await (const event of streamInputs(paths, options)) {
    if (event.type === "article") articles.push(event.article);
    else problems.push(event.problem);
  }
  if (options.strict && problems.length > 0) throw new IngestError(problems);
  return { articles, problems };
}
