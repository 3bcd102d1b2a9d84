// The store's SQLite schema. The extraction JSON in `articles` is what builds read back (the unit that is
// merged); `mentions` and `evidence` repeat its spans in rows so provenance can be queried with SQL, and
// they go with their article (ON DELETE CASCADE).

export const SCHEMA_VERSION = 1;

export const SCHEMA = `
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
`;
