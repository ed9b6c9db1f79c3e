-- Attributed statements (who said what, how, with which figures and stance) and
-- the people and organisations who said them, merged across spelling variants.

CREATE TABLE statements (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id     INTEGER,                -- the sentence holding the start of the content
  paragraph_idx   INTEGER NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('direct', 'indirect', 'according-to', 'unattributed')),
  speaker         TEXT,                   -- the name as the article resolves it; NULL when unattributed
  speaker_type    TEXT    CHECK (speaker_type IN ('person', 'organisation')),
  person_id       INTEGER,                -- people.id, set when people are rebuilt after an ingest
  speaker_mention TEXT,
  speaker_start   INTEGER,
  speaker_end     INTEGER,
  cue             TEXT,
  cue_start       INTEGER,
  cue_end         INTEGER,
  content         TEXT    NOT NULL,       -- verbatim: the source text at [content_start, content_end)
  content_start   INTEGER NOT NULL,
  content_end     INTEGER NOT NULL,
  stance          TEXT    NOT NULL CHECK (stance IN ('asserts', 'confirms', 'denies', 'cannot-confirm')),
  figures         TEXT    NOT NULL DEFAULT '[]',   -- JSON array of figures
  event_date      TEXT,                   -- ISO date the statement or its event is placed on
  quoted          INTEGER NOT NULL CHECK (quoted IN (0, 1)),
  fingerprint     TEXT    NOT NULL,       -- normalised content: repeats across articles share it
  day             INTEGER NOT NULL        -- the article's recency key (articles.day)
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_person ON statements(person_id, day);
CREATE INDEX statements_sentence ON statements(sentence_id);
CREATE INDEX statements_fingerprint ON statements(fingerprint);

-- Speakers as each article introduces them: the input from which people are merged.
CREATE TABLE speaker_mentions (
  article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  name       TEXT    NOT NULL,
  type       TEXT    NOT NULL CHECK (type IN ('person', 'organisation')),
  roles      TEXT    NOT NULL DEFAULT '[]',
  variants   TEXT    NOT NULL DEFAULT '[]'
);
CREATE INDEX speaker_mentions_article ON speaker_mentions(article_id);

-- One row per person or organisation, rebuilt from speaker_mentions after each ingest that changed something.
CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  canonical  TEXT    NOT NULL UNIQUE,
  type       TEXT    NOT NULL CHECK (type IN ('person', 'organisation')),
  roles      TEXT    NOT NULL DEFAULT '[]',
  statements INTEGER NOT NULL DEFAULT 0   -- how many statements: ranks autocomplete and digests
);

-- Every way a person is named: full names, surnames, spelling variants, roles. Lower-case keys.
CREATE TABLE person_aliases (
  alias     TEXT    NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  display   TEXT    NOT NULL,
  kind      TEXT    NOT NULL CHECK (kind IN ('name', 'surname', 'variant', 'role')),
  PRIMARY KEY (alias, person_id)
) WITHOUT ROWID;
