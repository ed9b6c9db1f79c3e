-- Articles, their paragraphs and sentences, and full-text search over sentences.
-- Offsets (start, end) are Unicode code points into the source file, end exclusive.

CREATE TABLE articles (
  id            INTEGER PRIMARY KEY,
  file          TEXT    NOT NULL UNIQUE,   -- file name in the corpus: the article's identifier
  hash          TEXT    NOT NULL,          -- SHA-256 of the file's bytes
  bytes         INTEGER NOT NULL,
  title         TEXT    NOT NULL,
  section       TEXT,
  publisher     TEXT,
  cites         TEXT    NOT NULL DEFAULT '[]',  -- JSON array of cited sources
  url           TEXT,
  date          TEXT,                       -- ISO date, or NULL when unknown
  date_inferred INTEGER NOT NULL CHECK (date_inferred IN (0, 1)),
  date_basis    TEXT    NOT NULL,
  context_year  INTEGER,                    -- corpus year used to infer the date, to notice when it changes
  day           INTEGER NOT NULL,           -- days since 1970-01-01 of `date`, 0 when unknown: the recency key
  ingested_at   TEXT    NOT NULL
);
CREATE INDEX articles_day ON articles(day);

CREATE TABLE paragraphs (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,             -- ¶k; 0 is the title
  kind       TEXT    NOT NULL CHECK (kind IN ('title', 'heading', 'body')),
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  text       TEXT    NOT NULL,
  PRIMARY KEY (article_id, idx)
) WITHOUT ROWID;

-- Sentence ids are recency-ordered (day << 22 | sequence), so "newest matches first"
-- is a backwards walk of the FTS doclist rather than a sort of every match.
CREATE TABLE sentences (
  id            INTEGER PRIMARY KEY,
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  paragraph_idx INTEGER NOT NULL,
  idx           INTEGER NOT NULL,          -- position in the article
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  text          TEXT    NOT NULL,
  fingerprint   TEXT    NOT NULL,          -- normalised wording: repeats across articles share it
  weight        REAL    NOT NULL           -- ranking boost: title and lead count more
);
CREATE INDEX sentences_article ON sentences(article_id, idx);
CREATE INDEX sentences_fingerprint ON sentences(fingerprint);

CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text,
  content = 'sentences',
  content_rowid = 'id',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER sentences_fts_insert AFTER INSERT ON sentences BEGIN
  INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');

-- Queries too long to carry in a button's custom_id, so paging survives a restart.
CREATE TABLE saved_queries (
  key        TEXT PRIMARY KEY,
  command    TEXT NOT NULL,
  query      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

-- Leases: one holder at a time for work that must not run twice (an ingest, a digest post).
-- A holder that dies stops renewing, and its lease expires.
CREATE TABLE leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT    NOT NULL,
  expires_at INTEGER NOT NULL   -- ms since epoch
);
