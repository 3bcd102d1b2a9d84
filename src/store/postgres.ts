// The shared back end: a PostgreSQL database that many ingest processes, on many machines, write at once.
// Each article is written in one transaction holding transaction-scoped advisory locks on its text's hash and on the
// ids it touches (taken in one order, so writers never deadlock). Before extracting, a worker claims the text with a
// session-scoped advisory lock, so two workers never extract the same article; a killed worker's claims end with its
// connection, and the uncommitted article is all it loses.
import { userInfo } from "node:os";
import pg from "pg";
import { migrationsAfter, SCHEMA_VERSION } from "./schema.js";
import type { SqlDatabase, SqlExecutor, SqlValue } from "./sql.js";
import { StoreError, type StoreOptions } from "./types.js";

export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, "$1:***@");
}

/** Whether the URL names a user (postgres://USER@...). Not `new URL`: a socket URL has an empty host. */
export function hasUser(url: string): boolean {
  return /^postgres(ql)?:\/\/[^/@?]+@/i.test(url);
}

/** The same URL naming another database. */
export function withDatabase(url: string, database: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^/?]*)(\/[^?]*)?/i, `$1/${encodeURIComponent(database)}`);
}

/** `?` placeholders to PostgreSQL's `$1, $2, ...` (the store's statements have no `?` inside literals). */
export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

// bigint (count(*), bigserial) as a JS number: the store's counts stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

/** Rows per multi-row INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 30_000;

function executor(q: (sql: string, params: SqlValue[]) => Promise<pg.QueryResult>): SqlExecutor {
  return {
    dialect: "postgres",
    all: async <T>(sql: string, params: readonly SqlValue[] = []) => (await q(numberPlaceholders(sql), [...params])).rows as T[],
    run: async (sql: string, params: readonly SqlValue[] = []) => (await q(numberPlaceholders(sql), [...params])).rowCount ?? 0,
    async insertMany(table, columns, rows) {
      const per = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let i = 0; i < rows.length; i += per) {
        const batch = rows.slice(i, i + per);
        let n = 0;
        const values = batch.map((r) => `(${r.map(() => `$${++n}`).join(", ")})`).join(", ");
        await q(`INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values}`, batch.flat());
      }
    },
  };
}

const lockKey = "hashtextextended($1, 0)";

/** Opens the store in the PostgreSQL database at `url`, migrating its schema unless read-only. */
export async function openPostgres(url: string, options: StoreOptions = {}): Promise<SqlDatabase> {
  // pg takes the user from $USER, which is empty on some machines: default to the OS user, as psql does.
  const config: pg.PoolConfig = { connectionString: url, max: 4, types };
  if (!hasUser(url)) config.user = userInfo().username;
  const pool = new pg.Pool(config);
  pool.on("error", () => undefined); // an idle client's error surfaces on its next query instead
  const where = redactUrl(url);
  let session: pg.PoolClient;
  try {
    session = await pool.connect();
  } catch (err) {
    await pool.end();
    throw new StoreError(`store: cannot connect to ${where}: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    await migrate(session, where, options);
  } catch (err) {
    session.release();
    await pool.end();
    throw err;
  }
  const exec = executor((sql, params) => pool.query(sql, params));
  const onSession = executor((sql, params) => session.query(sql, params));
  let queue: Promise<unknown> = Promise.resolve();
  return {
    ...exec,
    // Transactions and claims share the one session connection; a queue keeps them in order.
    transaction<T>(fn: (tx: SqlExecutor, lock: (names: string[]) => Promise<void>) => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        await session.query("BEGIN");
        try {
          const lock = async (names: string[]) => {
            for (const name of names) await session.query(`SELECT pg_advisory_xact_lock(${lockKey})`, [name]);
          };
          const result = await fn(onSession, lock);
          await session.query("COMMIT");
          return result;
        } catch (err) {
          await session.query("ROLLBACK").catch(() => undefined);
          throw err;
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
    tryClaim: async (name) => (await session.query(`SELECT pg_try_advisory_lock(${lockKey}) AS ok`, [name])).rows[0]?.ok === true,
    claim: async (name) => void (await session.query(`SELECT pg_advisory_lock(${lockKey})`, [name])),
    release: async (name) => void (await session.query(`SELECT pg_advisory_unlock(${lockKey})`, [name])),
    async close() {
      await queue;
      session.release();
      await pool.end();
    },
  };
}

/** Runs the migrations this database lacks, one transaction each, under a lock so concurrent workers run them once. */
async function migrate(client: pg.PoolClient, where: string, options: StoreOptions): Promise<void> {
  const version = async (): Promise<number> => {
    const exists = await client.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS ok");
    if (exists.rows[0]?.ok !== true) return 0;
    return Number((await client.query("SELECT coalesce(max(version), 0) AS v FROM schema_migrations")).rows[0]?.v ?? 0);
  };
  const current = await version();
  if (current > SCHEMA_VERSION) {
    throw new StoreError(`store: ${where} has schema version ${current}, newer than this newsgraph (${SCHEMA_VERSION}); upgrade newsgraph`);
  }
  if (current === SCHEMA_VERSION) return;
  if (current === 0 && (options.readonly || options.create === false)) {
    throw new StoreError(`store: ${where} holds no newsgraph store; create it with \`newsgraph ingest <paths> --db URL\``);
  }
  await client.query("SELECT pg_advisory_lock(hashtextextended('newsgraph:migrate', 0))");
  try {
    for (const m of migrationsAfter(await version(), "postgres")) {
      await client.query("BEGIN");
      try {
        await client.query("CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [m.version]);
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock(hashtextextended('newsgraph:migrate', 0))");
  }
}
