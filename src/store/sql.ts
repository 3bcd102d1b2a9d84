// The little the store needs from a database, so its rules (dedupe by content hash, one transaction per article,
// the smallest id keeps a text) are written once for SQLite and PostgreSQL. Statements use `?` placeholders;
// the PostgreSQL side numbers them. Every value goes in as a parameter, never into the SQL text.

export type SqlValue = string | number | null;

export type Dialect = "sqlite" | "postgres";

/** A connection, or a transaction on one. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Inserts many rows into `table` (columns in order): batched, still parameterised. */
  insertMany(table: string, columns: readonly string[], rows: readonly SqlValue[][]): Promise<void>;
}

/** Lock names: "write" (the store-wide write lock), "publish", or a text (`hash:...`) for claims. */
export type LockName = string;

export interface SqlDatabase extends SqlExecutor {
  /**
   * Runs `fn` in one transaction. `lock` (inside it) takes exclusive locks that other writers of the same names wait
   * for until commit. SQLite has one writer at a time anyway (BEGIN IMMEDIATE), so there locks are no-ops.
   */
  transaction<T>(fn: (tx: SqlExecutor, lock: (names: LockName[]) => Promise<void>) => Promise<T>): Promise<T>;
  /**
   * Claims a text for extraction without waiting: false when another live writer holds it. A claim lives as long as
   * this connection, so a killed worker's claims vanish with it. SQLite: always true (one process at a time).
   */
  tryClaim(name: LockName): Promise<boolean>;
  /** Waits for a claim. */
  claim(name: LockName): Promise<void>;
  release(name: LockName): Promise<void>;
  close(): Promise<void>;
}
