// The embedded back end: one SQLite file (WAL). One writer at a time across processes (BEGIN IMMEDIATE, waiting up
// to a minute for the lock), so claims and locks need nothing more.
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { migrationsAfter, SCHEMA_VERSION } from "./schema.js";
import type { SqlDatabase, SqlExecutor, SqlValue } from "./sql.js";
import { StoreError, type StoreOptions } from "./types.js";

function executor(db: Database.Database): SqlExecutor {
  const cache = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let s = cache.get(sql);
    if (!s) cache.set(sql, (s = db.prepare(sql)));
    return s;
  };
  return {
    dialect: "sqlite",
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => prepare(sql).all(...params) as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => prepare(sql).run(...params).changes,
    async insertMany(table, columns, rows) {
      const insert = prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
      for (const row of rows) insert.run(...row);
    },
  };
}

/** Opens (creating and migrating if allowed) the SQLite store in `file`. */
export function openSqlite(file: string, options: StoreOptions = {}): SqlDatabase {
  const readonly = options.readonly ?? false;
  const mustExist = readonly || options.create === false;
  if (mustExist && !existsSync(file)) {
    throw new StoreError(`store: ${file} does not exist; create it with \`newsgraph ingest <paths> --db ${file}\``);
  }
  // A read-only store is opened writable but with query_only on: a truly read-only SQLite connection to a WAL
  // database leaves its -wal and -shm files behind, while this one cleans them up on close like any other.
  const db = new Database(file, { fileMustExist: mustExist });
  try {
    db.pragma("busy_timeout = 60000");
    if (!readonly) {
      db.pragma("journal_mode = WAL");
      // With WAL, NORMAL keeps every committed transaction consistent after a crash; only the last ones may be lost.
      db.pragma("synchronous = NORMAL");
    }
    db.pragma("foreign_keys = ON");
    const version = db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreError(`store: ${file} has schema version ${version}, newer than this newsgraph (${SCHEMA_VERSION}); upgrade newsgraph`);
    }
    if (version < SCHEMA_VERSION) {
      if (readonly && version === 0) throw new StoreError(`store: ${file} is not a newsgraph store (schema version 0)`);
      // An older store is migrated even when opened for reading: the migrations only add.
      db.transaction(() => {
        // Re-read inside the write lock: another process may have migrated meanwhile.
        const now = db.pragma("user_version", { simple: true }) as number;
        for (const m of migrationsAfter(now, "sqlite")) {
          db.exec(m.sql);
          db.pragma(`user_version = ${m.version}`);
        }
      }).immediate();
    }
    if (readonly) db.pragma("query_only = ON");
  } catch (err) {
    db.close();
    if ((err as { code?: unknown }).code === "SQLITE_NOTADB") {
      throw new StoreError(`store: ${file} is not a newsgraph store (not an SQLite database); give the --db file made by ingest`);
    }
    throw err;
  }
  const exec = executor(db);
  // Transactions are async for PostgreSQL's sake; here every step resolves at once, and a queue keeps two callers of
  // the same connection from interleaving their BEGIN and COMMIT.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...exec,
    transaction<T>(fn: (tx: SqlExecutor, lock: (names: string[]) => Promise<void>) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        db.exec("BEGIN IMMEDIATE");
        try {
          const result = await fn(exec, async () => undefined);
          db.exec("COMMIT");
          return result;
        } catch (err) {
          if (db.inTransaction) db.exec("ROLLBACK");
          throw err;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    tryClaim: async () => true,
    claim: async () => undefined,
    release: async () => undefined,
    close: async () => {
      await queue;
      db.close();
    },
  };
}
