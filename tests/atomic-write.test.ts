import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../src/util/atomic-write.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "ng-atomic-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("writeFileAtomic", () => {
  it.each([
    ["a string", "hello\n", "hello\n"],
    ["bytes", new Uint8Array([0x68, 0x69]), "hi"],
    ["an iterable of chunks", ["a", new Uint8Array([0x62]), "c"], "abc"],
    ["unicode", "£ – 中文 😀", "£ – 中文 😀"],
  ])("writes %s", async (_name, data, expected) => {
    const file = path.join(dir, "out.txt");
    await writeFileAtomic(file, data);
    expect(await readFile(file, "utf8")).toBe(expected);
    expect(await readdir(dir)).toEqual(["out.txt"]);
  });

  it("creates parent folders and replaces an existing file", async () => {
    const file = path.join(dir, "a/b/c/graph.json");
    await writeFileAtomic(file, "old");
    await writeFileAtomic(file, "new");
    expect(await readFile(file, "utf8")).toBe("new");
  });

  it("leaves the old file and no temp file when the data source fails", async () => {
    const file = path.join(dir, "graph.json");
    await writeFile(file, "previous");
    async function* failing(): AsyncGenerator<string> {
      yield "partial";
      throw new Error("export failed");
    }
    await expect(writeFileAtomic(file, failing())).rejects.toThrow("export failed");
    expect(await readFile(file, "utf8")).toBe("previous");
    expect(await readdir(dir)).toEqual(["graph.json"]);
  });

  it("keeps the previous file intact when the writing process is killed mid-write", async () => {
    const file = path.join(dir, "graph.json");
    await writeFile(file, "previous complete output");
    const writer = path.resolve("tests/fixtures/atomic-write/slow-writer.ts");
    const child = spawn(process.execPath, ["--import", "tsx", writer, file], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.once("error", reject);
      child.once("exit", (code) => reject(new Error(`writer exited early with ${code}`)));
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("writing")) resolve();
      });
    });
    const names = await readdir(dir);
    const temp = names.find((n) => n.endsWith(".tmp"));
    expect(temp).toBeDefined();
    expect((await readFile(path.join(dir, temp!))).length).toBeGreaterThan(1024 * 1024);
    const exited = new Promise((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await readFile(file, "utf8")).toBe("previous complete output");
  }, 30_000);
});
