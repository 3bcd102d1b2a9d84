// What ingest tells the user about inputs it could not read cleanly. Problems never stop the run by themselves.
import { shorten } from "../util/shorten.js";

/** One thing wrong with an input; `line` is 1-based and set for JSONL (and JSON syntax errors). */
export interface InputProblem {
  path: string;
  line?: number;
  severity: "error" | "warning";
  message: string;
}

/** Thrown by `readInputs(..., { strict: true })` when any input had a problem; carries all of them. */
export class IngestError extends Error {
  override name = "IngestError";
  constructor(readonly problems: readonly InputProblem[]) {
    const shown = problems.slice(0, 20).map((p) => `  ${formatProblem(p)}`);
    if (problems.length > 20) shown.push(`  ... and ${problems.length - 20} more`);
    super(`ingest: ${problems.length} input problem(s) in strict mode:\n${shown.join("\n")}`);
  }
}

/**
 * `path:line: severity: message`, the form compilers use, so editors can jump to it. A path or message that
 * the input made very long is shortened with an ellipsis, so every line stays readable (under 300 characters).
 */
export function formatProblem(p: InputProblem): string {
  return `${shorten(p.path, 100)}${p.line === undefined ? "" : `:${p.line}`}: ${p.severity}: ${shorten(p.message, 170)}`;
}

const FS_REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EISDIR: "is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ELOOP: "too many symbolic links",
  EMFILE: "too many open files",
  ENAMETOOLONG: "path too long",
};

/** A short reason for a file-system error, without the absolute path Node puts in its messages. */
export function describeFsError(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === "string") return FS_REASONS[code] ?? code;
  return err instanceof Error ? err.message : String(err);
}
