// Many writers on one PostgreSQL store: four `newsgraph ingest` processes over the BBC corpus at once, one of them
// killed mid-ingest, give exactly the graph of a one-process SQLite ingest of the same articles, and nothing that was
// committed before the kill is lost. Heavy on 2 cores (the corpus is extracted twice: once by the four workers
// together, once for SQLite), so it runs once, on the real corpus, and checks everything on that one run.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { stringifyGraph } from "../../src/export/json.js";
import { graphFromStore } from "../../src/store/build.js";
import { contentHash, openStore } from "../../src/store/index.js";
import { extractAll } from "../../src/parallel/index.js";
import { streamInputs } from "../../src/ingest/index.js";
import { postgresBackend, sqliteBackend } from "./backends.js";

const BBC = "../shared/corpora/news/bbc/bbc.jsonl";
// This test is about writers, identity and bytes, not syntax: parsing (5x the extraction time) is off here, in
// this process and the ingest processes it starts. Parsed output's determinism is tested on the seeds.
process.env.NEWSGRAPH_PARSE = "0";
const NODE_FLAGS = JSON.parse(readFileSync("bin/node-flags.json", "utf8")) as string[];
const pgBackend = postgresBackend();
const sqlite = sqliteBackend();
afterAll(async () => {
  await pgBackend.cleanup();
  await sqlite.cleanup();
});

interface Worker {
  child: ChildProcess;
  out: string;
  err: string;
  done: Promise<number | null>;
}

/** One `newsgraph ingest` process, started with the CLI's node flags so the pid is the worker itself. */
function worker(db: string): Worker {
  const child = spawn(process.execPath, [...NODE_FLAGS, "bin/newsgraph.mjs", "ingest", BBC, "--db", db], { stdio: ["ignore", "pipe", "pipe"] });
  const w: Worker = { child, out: "", err: "", done: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  child.stdout!.on("data", (d) => (w.out += String(d)));
  child.stderr!.on("data", (d) => (w.err += String(d)));
  return w;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!pgBackend.available || !existsSync(BBC))("four concurrent PostgreSQL ingests of BBC", () => {
  it("give the graph of one SQLite ingest, byte for byte; a killed worker loses nothing committed", async () => {
    const url = await pgBackend.fresh();
    // Create the schema first, as an operator would (`ingest` on an empty input); the workers also race to migrate.
    await (await openStore(url)).close();
    const workers = [0, 1, 2, 3].map(() => worker(url));

    // Kill one worker once a few hundred articles are committed; remember what was committed then. This runs while
    // the reference below is extracted, so the kill lands mid-ingest however slow extraction is.
    const victim = workers[3]!;
    const killing = (async () => {
      while ((await pgBackend.count(url, "articles")) < 300 && victim.child.exitCode === null) await sleep(100);
      victim.child.kill("SIGKILL");
      const store = await openStore(url, { readonly: true });
      try {
        return await store.listArticles();
      } finally {
        await store.close();
      }
    })();
    // The reference, meanwhile: one process, SQLite, the same articles (extraction on this process's threads).
    const file = await sqlite.fresh();
    const reference = await openStore(file);
    const texts = new Map<string, { text: string; origin?: string }>();
    for await (const ev of streamInputs([BBC])) if (ev.type === "article") texts.set(ev.article.id, ev.article);
    // Every record extracted on its own (no whitespace dedupe), as `ingest` does; the store keeps one per text.
    const extracted = await extractAll(streamInputs([BBC]), { dedupe: false });
    expect(extracted.extractions.length).toBe(2225);
    await reference.ingest(extracted.extractions.map((x) => {
      const raw = texts.get(x.article.id)!;
      return { extraction: x, hash: contentHash(raw.text), origin: raw.origin };
    }));
    await reference.close();

    const committed = await killing;
    expect(committed.length).toBeGreaterThanOrEqual(300);
    expect(await victim.done).toBe(null); // killed, not finished

    const codes = await Promise.all(workers.slice(0, 3).map((w) => w.done));
    for (const [i, w] of workers.slice(0, 3).entries()) expect(codes[i], w.err).toBe(0);
    // Each survivor saw every record: those it added, and those stored by others (or itself) it skipped.
    for (const w of workers.slice(0, 3)) {
      const m = /added (\d+), updated (\d+), skipped (\d+)/.exec(w.out);
      expect(m, w.out + w.err).not.toBeNull();
      expect(Number(m![1]) + Number(m![2]) + Number(m![3])).toBe(2225);
    }

    const pgStore = await openStore(url, { readonly: true });
    const stored = await pgStore.listArticles();
    await pgStore.close();
    const byId = new Map(stored.map((a) => [a.id, a]));
    // Nothing committed before the kill was lost: the same article, or the same text under a smaller id.
    const hashes = new Set(stored.map((a) => a.hash));
    for (const a of committed) expect(byId.get(a.id)?.hash === a.hash || hashes.has(a.hash)).toBe(true);
    // The same articles as the one-process ingest: one per distinct text, under its smallest id.
    const referenceStore = await openStore(file, { readonly: true });
    expect(stored).toEqual(await referenceStore.listArticles());
    await referenceStore.close();
    // No article stored twice, none half-stored: every stored extraction has its mention rows.
    expect(hashes.size).toBe(stored.length);
    const mentionArticles = await pgBackend.count(url, "(SELECT DISTINCT article_id FROM mentions) m");
    const withEntities = (await extractionsWithEntities(file));
    expect(mentionArticles).toBe(withEntities);

    const fromPg = stringifyGraph(await graphFromStore(url));
    const fromSqlite = stringifyGraph(await graphFromStore(file));
    expect(fromPg.length).toBeGreaterThan(1_000_000);
    expect(fromPg === fromSqlite).toBe(true);
  }, 900_000);
});

async function extractionsWithEntities(file: string): Promise<number> {
  const store = await openStore(file, { readonly: true });
  try {
    return (await store.extractions()).filter((x) => x.entities.some((e) => e.mentions.length > 0)).length;
  } finally {
    await store.close();
  }
}
