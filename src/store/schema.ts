// The store's SQLite schema. The extraction JSON in `articles` is what builds read back (the unit that is
// merged); `mentions` and `evidence` repeat its spans in rows so provenance can be queried with SQL, and
// they go with their article (ON DELETE CASCADE). `copies` keeps every other source of a stored text, so a
// build from the store lists them as a direct build does (`ArticleMeta.duplicates`).

export const SCHEMA_VERSION = 2;

export const SCHEMA = `
CREATE TABLE IF NOT EXISTS articles (
  id         TEXT PRIMARY KEY,
  hash       TEXT NOT NULL,    -- sha256 (hex) of the article text, UTF-8
  title      TEXT,
  date       TEXT,
  source     TEXT NOT NULL,
  origin     TEXT,             -- the source's identity across runs (RawArticle.origin); NULL in stores of version 1
  words      INTEGER NOT NULL,
  extraction TEXT NOT NULL     -- the ArticleExtraction as JSON
) STRICT;
CREATE INDEX IF NOT EXISTS articles_hash ON articles (hash);
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
`;

/**
 * Steps from each older version to the next, run in order inside one transaction. Version 1 had no origin: its
 * articles keep NULL, and an ingest that meets one of their ids from any source updates it (the old behaviour).
 */
export const MIGRATIONS: Readonly<Record<number, string>> = {
  1: `ALTER TABLE articles ADD COLUMN origin TEXT;
CREATE INDEX IF NOT EXISTS articles_origin ON articles (origin);
CREATE TABLE IF NOT EXISTS copies (
  id         TEXT PRIMARY KEY, -- a source whose text is stored under another id (the smallest id holds a text)
  hash       TEXT NOT NULL,    -- the text it shares with the article that holds it
  title      TEXT,
  date       TEXT,
  source     TEXT NOT NULL,
  origin     TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS copies_hash ON copies (hash);`,
};
