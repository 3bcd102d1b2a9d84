// Atomic output for exports: files through the shared util/atomic-write; folders (the CSV set) here, by writing
// a hidden sibling folder and renaming it into place.
import { randomBytes } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, basename } from "node:path";

export { writeFileAtomic } from "../util/atomic-write.js";

function tempSibling(target: string, tag: string): string {
  return join(dirname(target), `.${basename(target)}.${tag}-${process.pid}-${randomBytes(4).toString("hex")}`);
}

/**
 * Writes a folder of files: all files go into a temporary sibling folder, which then replaces `dir`.
 * A folder cannot be renamed over a non-empty one, so an existing `dir` is first moved aside and removed after;
 * the window in which `dir` is missing is two renames long, and it never holds a partial set of files.
 */
export async function writeDirAtomic(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(dirname(dir), { recursive: true });
  const tmp = tempSibling(dir, "tmp");
  const old = tempSibling(dir, "old");
  try {
    await mkdir(tmp);
    for (const [name, data] of files) await writeFile(join(tmp, name), data);
    let movedAside = false;
    try {
      await rename(dir, old);
      movedAside = true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    try {
      await rename(tmp, dir);
    } catch (err) {
      if (movedAside) await rename(old, dir);
      throw err;
    }
    if (movedAside) await rm(old, { recursive: true, force: true });
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}
