// The store back ends every store test runs on: SQLite always; PostgreSQL when NEWSGRAPH_TEST_PG names a database
// the tests may create databases next to (.ci/run sets it up). On CI a missing URL fails loudly instead of skipping.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { hasUser, withDatabase } from "../../src/store/postgres.js";

export const PG_URL = process.env.NEWSGRAPH_TEST_PG || undefined;

if (!PG_URL) {
  if (process.env.CI === "true") {
    throw new Error("tests: CI=true but NEWSGRAPH_TEST_PG is not set: .ci/run must start PostgreSQL and export it");
  }
  console.warn("tests: NEWSGRAPH_TEST_PG is not set: the PostgreSQL store tests are SKIPPED (see .ci/run to set one up)");
}

function pgConfig(url: string): pg.ClientConfig {
  return hasUser(url) ? { connectionString: url } : { connectionString: url, user: userInfo().username };
}

/** Runs one statement on the database at `location` (file or URL) outside the store, for checks. */
async function rawQuery<T>(location: string, sql: string): Promise<T[]> {
  if (location.startsWith("postgres")) {
    const client = new pg.Client(pgConfig(location));
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  }
  const db = new Database(location, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

export interface Backend {
  name: "sqlite" | "postgres";
  available: boolean;
  /** A location for a new, empty store. */
  fresh(): Promise<string>;
  count(location: string, table: string, where?: string): Promise<number>;
  /** Drops everything `fresh` made. */
  cleanup(): Promise<void>;
}

let counter = 0;

export function sqliteBackend(): Backend {
  let dir: string | undefined;
  return {
    name: "sqlite",
    available: true,
    async fresh() {
      dir ??= mkdtempSync(join(tmpdir(), "newsgraph-store-"));
      return join(dir, `store-${counter++}.db`);
    },
    count: async (location, table, where = "") =>
      Number((await rawQuery<{ n: number }>(location, `SELECT count(*) AS n FROM ${table} ${where}`))[0]?.n),
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = undefined;
    },
  };
}

export function postgresBackend(): Backend {
  const made: string[] = [];
  const admin = async (sql: string) => {
    const client = new pg.Client(pgConfig(PG_URL!));
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    name: "postgres",
    available: PG_URL !== undefined,
    async fresh() {
      const name = `newsgraph_t${process.pid}_${counter++}_${Date.now() % 1e6}`;
      await admin(`CREATE DATABASE ${name}`);
      made.push(name);
      return withDatabase(PG_URL!, name);
    },
    count: async (location, table, where = "") =>
      Number((await rawQuery<{ n: string }>(location, `SELECT count(*) AS n FROM ${table} ${where}`))[0]?.n),
    async cleanup() {
      for (const name of made.splice(0)) await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

export const BACKENDS = [sqliteBackend(), postgresBackend()];
