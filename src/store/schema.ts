// The store's schema, as numbered migrations for each back end. A store records the last migration it ran (SQLite:
// `user_version`; PostgreSQL: the `schema_migrations` table) and runs the newer ones when opened for writing.
//
// `articles` holds each article's extraction JSON (what builds read back and merge); `mentions` and `evidence`
// repeat its spans in rows so provenance can be queried with SQL, and go with their article (ON DELETE CASCADE).
// `copies` (version 2) keeps every other source of a stored text, so a build from the store lists them as a direct
// build does (`ArticleMeta.duplicates`); `origin` is a source's identity across runs (see identity.ts).
// The `graph_*` tables (version 3) hold the merged graph published from those extractions, for the query API:
// nodes and their names (with the database's own text index), edges with their weight per day, evidence and quotes.
import type { Dialect } from "./sql.js";

export interface Migration {
  version: number;
  sqlite: string;
  postgres: string;
}

const GRAPH_TABLES = (t: { text: string; int: string; strict: string }) => `
CREATE TABLE graph_meta (key ${t.text} PRIMARY KEY, value ${t.text} NOT NULL)${t.strict};
CREATE TABLE graph_nodes (
  key      ${t.text} PRIMARY KEY,
  label    ${t.text} NOT NULL,
  kind     ${t.text} NOT NULL,
  aliases  ${t.text} NOT NULL,  -- JSON array
  mentions ${t.int} NOT NULL,
  strength ${t.int} NOT NULL,   -- evidence sentences on its edges
  degree   ${t.int} NOT NULL
)${t.strict};
CREATE INDEX graph_nodes_strength ON graph_nodes (strength DESC, key);
CREATE TABLE graph_edges (
  key      ${t.text} PRIMARY KEY,
  source   ${t.text} NOT NULL,
  target   ${t.text} NOT NULL,
  relation ${t.text} NOT NULL,
  weight   ${t.int} NOT NULL,
  cameo    ${t.text},
  rule     ${t.text} NOT NULL
)${t.strict};
CREATE INDEX graph_edges_source ON graph_edges (source, weight DESC);
CREATE INDEX graph_edges_target ON graph_edges (target, weight DESC);
CREATE TABLE graph_edge_days (edge ${t.text} NOT NULL, day ${t.text} NOT NULL, weight ${t.int} NOT NULL, PRIMARY KEY (edge, day))${t.strict};
CREATE TABLE graph_node_days (node ${t.text} NOT NULL, day ${t.text} NOT NULL, weight ${t.int} NOT NULL, PRIMARY KEY (node, day))${t.strict};
CREATE INDEX graph_node_days_day ON graph_node_days (day, node);
CREATE TABLE graph_evidence (
  edge       ${t.text} NOT NULL,
  document   ${t.text} NOT NULL,
  span_start ${t.int} NOT NULL,
  span_end   ${t.int} NOT NULL,
  text       ${t.text} NOT NULL,
  quote      ${t.text},
  rule       ${t.text} NOT NULL,
  day        ${t.text}
)${t.strict};
CREATE INDEX graph_evidence_edge ON graph_evidence (edge, document, span_start);
CREATE INDEX graph_evidence_document ON graph_evidence (document);
CREATE TABLE graph_quotes (
  node       ${t.text} NOT NULL,
  document   ${t.text} NOT NULL,
  span_start ${t.int} NOT NULL,
  span_end   ${t.int} NOT NULL,
  text       ${t.text} NOT NULL,
  day        ${t.text}
)${t.strict};
CREATE INDEX graph_quotes_node ON graph_quotes (node, document, span_start);
CREATE INDEX graph_quotes_document ON graph_quotes (document);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sqlite: `
CREATE TABLE IF NOT EXISTS articles (
  id         TEXT PRIMARY KEY,
  hash       TEXT NOT NULL,    -- sha256 (hex) of the article text, UTF-8
  title      TEXT,
  date       TEXT,
  source     TEXT NOT NULL,
  words      INTEGER NOT NULL,
  extraction TEXT NOT NULL     -- the ArticleExtraction as JSON
) STRICT;
CREATE INDEX IF NOT EXISTS articles_hash ON articles (hash);
CREATE TABLE IF NOT EXISTS mentions (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity     TEXT NOT NULL,    -- the entity id local to the article ("e0")
  kind       TEXT NOT NULL,
  name       TEXT NOT NULL,    -- the entity's canonical name in that article
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);
CREATE INDEX IF NOT EXISTS mentions_name ON mentions (name);
CREATE TABLE IF NOT EXISTS evidence (
  article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     TEXT NOT NULL,    -- canonical names of the two entities in that article
  target     TEXT NOT NULL,
  relation   TEXT NOT NULL,
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  quote      TEXT,
  rule       TEXT NOT NULL,
  cameo      TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS evidence_article ON evidence (article_id);
`,
    // Ids compare byte-wise (COLLATE "C"), as in JavaScript and SQLite, so "by article id" is one order everywhere.
    postgres: `
CREATE TABLE articles (
  id         text COLLATE "C" PRIMARY KEY,
  hash       text NOT NULL,
  title      text,
  date       text,
  source     text NOT NULL,
  words      integer NOT NULL,
  extraction text NOT NULL     -- JSON as text, not jsonb: read back byte for byte, keys in their order
);
CREATE INDEX articles_hash ON articles (hash);
CREATE TABLE mentions (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  entity     text NOT NULL,
  kind       text NOT NULL,
  name       text NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  text       text NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE INDEX mentions_name ON mentions (name);
CREATE TABLE evidence (
  article_id text COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  source     text NOT NULL,
  target     text NOT NULL,
  relation   text NOT NULL,
  span_start integer NOT NULL,
  span_end   integer NOT NULL,
  text       text NOT NULL,
  quote      text,
  rule       text NOT NULL,
  cameo      text
);
CREATE INDEX evidence_article ON evidence (article_id);
`,
  },
  {
    version: 2,
    // Version 1 had no origin: its articles keep NULL, and an ingest that meets one of their ids from any source
    // updates it (the old behaviour).
    sqlite: `
ALTER TABLE articles ADD COLUMN origin TEXT;
CREATE INDEX IF NOT EXISTS articles_origin ON articles (origin);
CREATE TABLE IF NOT EXISTS copies (
  id         TEXT PRIMARY KEY, -- a source whose text is stored under another id (the smallest id holds a text)
  hash       TEXT NOT NULL,    -- the text it shares with the article that holds it
  title      TEXT,
  date       TEXT,
  source     TEXT NOT NULL,
  origin     TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS copies_hash ON copies (hash);
CREATE INDEX IF NOT EXISTS copies_origin ON copies (origin);
`,
    postgres: `
ALTER TABLE articles ADD COLUMN origin text;
CREATE INDEX articles_origin ON articles (origin);
CREATE TABLE copies (
  id         text COLLATE "C" PRIMARY KEY,
  hash       text NOT NULL,
  title      text,
  date       text,
  source     text NOT NULL,
  origin     text
);
CREATE INDEX copies_hash ON copies (hash);
CREATE INDEX copies_origin ON copies (origin);
`,
  },
  {
    version: 3,
    // seq: a number per stored article, increasing, so a published graph can tell it is stale (count and max seq).
    sqlite: `
ALTER TABLE articles ADD COLUMN seq INTEGER NOT NULL DEFAULT 0;
CREATE INDEX articles_seq ON articles (seq); -- max(seq) + 1 per insert reads the index, not the table
CREATE INDEX articles_date ON articles (date);
${GRAPH_TABLES({ text: "TEXT", int: "INTEGER", strict: " STRICT" })}
-- every name and alias of a node, with what a search hit shows, so a search reads this one table
CREATE VIRTUAL TABLE graph_names USING fts5(name, node UNINDEXED, label UNINDEXED, kind UNINDEXED, mentions UNINDEXED, tokenize = 'trigram');
`,
    postgres: `
ALTER TABLE articles ADD COLUMN seq bigserial;
CREATE INDEX articles_seq ON articles (seq);
CREATE INDEX articles_date ON articles (date);
${GRAPH_TABLES({ text: 'text COLLATE "C"', int: "integer", strict: "" })}
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE graph_names (node text COLLATE "C" NOT NULL, name text NOT NULL, label text NOT NULL, kind text NOT NULL, mentions integer NOT NULL);
CREATE INDEX graph_names_trgm ON graph_names USING gin (lower(name) gin_trgm_ops);
CREATE INDEX graph_names_prefix ON graph_names (lower(name) text_pattern_ops);
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function migrationsAfter(version: number, dialect: Dialect): { version: number; sql: string }[] {
  return MIGRATIONS.filter((m) => m.version > version).map((m) => ({ version: m.version, sql: m[dialect] }));
}
