// Input paths -> the files to read, in a deterministic order. Folders are walked recursively with entries sorted
// by code unit (not locale), dotfiles and node_modules skipped, symlinked folders followed once.
import { readdir, realpath, stat } from "node:fs/promises";
import path from "node:path";
import type { InputProblem } from "./problems.js";
import { describeFsError } from "./problems.js";
import { isRecord, loadData } from "../data/load.js";

/** Extensions read as articles when found inside a folder. */
export const ARTICLE_EXTENSIONS = [".txt", ".md", ".html", ".htm", ".json", ".jsonl"] as const;
export type ArticleExtension = (typeof ARTICLE_EXTENSIONS)[number];

export interface InputFile {
  /** Absolute path, for reading. */
  absolute: string;
  /** The path shown to the user and stored as `source`: relative to the current folder when inside it. */
  source: string;
  /** How the file will be read; an explicitly named file with another extension is read as text. */
  format: ArticleExtension;
  /** Named on the command line (as opposed to found in a folder). */
  explicit: boolean;
  /**
   * The article id: the name of the folder holding the file and the file name without extension
   * ("politics/001", "2024-06-30/001"). It depends on the file alone, never on which folder was named on the
   * command line or what else was read, so ingesting folders one by one or their parent at once gives the same
   * ids. Two files that still share it are told apart by their `origin` (see `streamInputs` and the store).
   */
  id: string;
  /** The file's canonical location (its real path): what makes two sources the same source across runs. */
  origin: string;
}

export type WalkItem = { file: InputFile } | { problem: InputProblem };

function extensionOf(file: string): string {
  return path.extname(file).toLowerCase();
}

export function isArticleExtension(ext: string): ext is ArticleExtension {
  return (ARTICLE_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * How a path is shown and stored: relative to the current folder when the user gave a relative path
 * (`../shared/x.txt` stays so), absolute when they gave an absolute one. Forward slashes on every OS.
 */
export function displayPath(absolute: string, givenAbsolute: boolean): string {
  const rel = path.relative(process.cwd(), absolute);
  const shown = givenAbsolute || path.isAbsolute(rel) ? absolute : rel === "" ? "." : rel;
  return shown.split(path.sep).join("/");
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Corpus documentation (README, LICENSE, ...): not read as articles when found in a folder. */
const NOT_ARTICLES: ReadonlySet<string> = new Set(
  loadData("not-articles", (v) => {
    if (!isRecord(v) || !Array.isArray(v.names)) throw new Error('"names" must be an array');
    return v.names.map((e: unknown, i) => {
      if (!isRecord(e) || typeof e.name !== "string" || typeof e.reason !== "string" || typeof e.example !== "string") {
        throw new Error(`names[${i}] needs a name, a reason and an example`);
      }
      return e.name;
    });
  }),
);

function skipped(name: string): boolean {
  return name.startsWith(".") || name === "node_modules";
}

function documentsCorpus(name: string): boolean {
  const ext = path.extname(name);
  return NOT_ARTICLES.has((ext ? name.slice(0, -ext.length) : name).toLowerCase());
}

/**
 * Yields the files under the given paths, or a problem for each path that cannot be used. A file reached twice
 * (named twice, or through a symlink) is read once.
 */
export async function* walkInputs(paths: readonly string[]): AsyncGenerator<WalkItem> {
  const seen = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(given);
    const givenAbsolute = path.isAbsolute(given);
    const shown = displayPath(absolute, givenAbsolute);
    let info;
    try {
      info = await stat(absolute);
    } catch (err) {
      yield { problem: { path: shown, severity: "error", message: `cannot read: ${describeFsError(err)}` } };
      continue;
    }
    if (info.isDirectory()) {
      let found = 0;
      for await (const item of walkFolder(absolute, seen, givenAbsolute)) {
        if ("file" in item) found++;
        yield item;
      }
      if (found === 0) {
        const exts = ARTICLE_EXTENSIONS.join(" ");
        yield { problem: { path: shown, severity: "warning", message: `no article files (${exts}) in this folder` } };
      }
      continue;
    }
    if (!info.isFile()) {
      yield { problem: { path: shown, severity: "error", message: "not a regular file or folder, skipped" } };
      continue;
    }
    const real = await realpath(absolute);
    if (seen.has(real)) {
      yield { problem: { path: shown, severity: "warning", message: "named more than once; read once" } };
      continue;
    }
    seen.add(real);
    const ext = extensionOf(absolute);
    if (!isArticleExtension(ext)) {
      const what = ext === "" ? "no file extension" : `unknown extension "${ext}"`;
      yield { problem: { path: shown, severity: "warning", message: `${what}; read as plain text` } };
    }
    const format = isArticleExtension(ext) ? ext : ".txt";
    yield { file: { absolute, source: shown, format, explicit: true, id: articleIdOf(absolute), origin: real } };
  }
}

/** "politics/001" for `.../politics/001.txt`: the holding folder's name and the file name without extension. */
export function articleIdOf(absolute: string): string {
  const name = path.basename(absolute);
  const ext = path.extname(name);
  const stem = ext ? name.slice(0, -ext.length) : name;
  const folder = path.basename(path.dirname(absolute));
  return folder === "" ? stem : `${folder}/${stem}`;
}

async function* walkFolder(folder: string, seen: Set<string>, givenAbsolute: boolean): AsyncGenerator<WalkItem> {
  const real = await realpath(folder);
  if (seen.has(real)) return; // a symlink loop, or the same folder named twice
  seen.add(real);
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (err) {
    yield { problem: { path: displayPath(folder, givenAbsolute), severity: "error", message: `cannot list folder: ${describeFsError(err)}` } };
    return;
  }
  entries.sort((a, b) => byCodeUnit(a.name, b.name));
  for (const entry of entries) {
    if (skipped(entry.name)) continue;
    const absolute = path.join(folder, entry.name);
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const target = await stat(absolute);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch (err) {
        yield { problem: { path: displayPath(absolute, givenAbsolute), severity: "warning", message: `broken link skipped: ${describeFsError(err)}` } };
        continue;
      }
    }
    if (isDir) {
      yield* walkFolder(absolute, seen, givenAbsolute);
      continue;
    }
    const ext = extensionOf(entry.name);
    // unknown files and corpus documentation in folders are skipped silently
    if (!isFile || !isArticleExtension(ext) || documentsCorpus(entry.name)) continue;
    const realFile = await realpath(absolute);
    if (seen.has(realFile)) continue;
    seen.add(realFile);
    yield { file: { absolute, source: displayPath(absolute, givenAbsolute), format: ext, explicit: false, id: articleIdOf(absolute), origin: realFile } };
  }
}
