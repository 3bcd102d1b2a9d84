// Writes a file so that readers see either the old content or the new, never half of it: the data goes to a
// temporary file in the same folder (same file system, so rename is atomic), is fsynced, then renamed over the
// target. A crash or kill mid-write leaves the target untouched and at most a `.NAME.*.tmp` file behind.
import { randomBytes } from "node:crypto";
import { mkdir, open, rename, unlink } from "node:fs/promises";
import path from "node:path";

/** What can be written: a whole string/bytes, or chunks produced one at a time (large exports). */
export type AtomicData = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/** Temporary sibling of `file`; hidden (dot-prefixed) so folder walks skip leftovers of killed processes. */
export function tempPathFor(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Atomically replaces `file` with `data` (UTF-8 for strings), creating parent folders. `-` (stdout) is the
 * caller's business, not handled here. On any error the temporary file is removed and the error rethrown.
 */
export async function writeFileAtomic(file: string, data: AtomicData): Promise<void> {
  const target = path.resolve(file);
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = tempPathFor(target);
  const handle = await open(temp, "wx", 0o644);
  let closed = false;
  try {
    if (typeof data === "string" || data instanceof Uint8Array) await handle.writeFile(data);
    else for await (const chunk of data) await handle.write(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    await handle.sync();
    await handle.close();
    closed = true;
    await rename(temp, target);
  } catch (err) {
    if (!closed) await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw err;
  }
  await syncFolder(dir);
}

/** Makes the rename itself durable. Some platforms cannot open a folder for fsync; that is not an error. */
async function syncFolder(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: the data itself is already synced
  }
}
