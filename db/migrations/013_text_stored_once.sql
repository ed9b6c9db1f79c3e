-- The text of a sentence and of a statement is stored once, in its paragraph, and read from it by
-- offsets: both are verbatim substrings of their paragraph (start and end are code points into the
-- source file, as the paragraph's own start is, and SQLite's substr counts code points). Storing
-- them again beside the paragraph made half of the index: at 10,000 bench articles 18.9 MB of
-- sentence text and 9.8 MB of statement content on 19.5 MB of articles.
--
-- The rows keep their tables under new names; `sentences` and `statements` are views with the same
-- columns in the same order, so every reader is unchanged. The full-text index becomes contentless
-- with deletes (SQLite 3.43+): it never stored the text, and without a copy of the text beside it a
-- deleted sentence's postings are removed by rowid.

CREATE TABLE sentence_rows (
  id            INTEGER PRIMARY KEY,       -- recency-ordered: day << 22 | sequence
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  paragraph_idx INTEGER NOT NULL,
  idx           INTEGER NOT NULL,          -- position in the article
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  fingerprint   TEXT    NOT NULL,          -- normalised wording: repeats across articles share it
  weight        REAL    NOT NULL           -- ranking boost: title and lead count more
);
INSERT INTO sentence_rows(id, article_id, paragraph_idx, idx, start, end, fingerprint, weight)
  SELECT id, article_id, paragraph_idx, idx, start, end, fingerprint, weight FROM sentences ORDER BY id;

DROP TRIGGER sentences_fts_delete;
DROP TABLE sentences_vocab;
DROP TABLE sentences_fts;
DROP INDEX sentences_article;
DROP TABLE sentences;
CREATE INDEX sentence_rows_article ON sentence_rows(article_id, idx);

CREATE VIEW sentences AS
  SELECT s.id, s.article_id, s.paragraph_idx, s.idx, s.start, s.end,
         substr(p.text, s.start - p.start + 1, s.end - s.start) AS text,
         s.fingerprint, s.weight
  FROM sentence_rows s JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph_idx;

CREATE VIRTUAL TABLE sentences_fts USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences ORDER BY id;
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');

-- Written by the ingest itself (write.ts), removed with its rows: an article's delete cascades here.
CREATE TRIGGER sentence_rows_fts_delete AFTER DELETE ON sentence_rows BEGIN
  DELETE FROM sentences_fts WHERE rowid = old.id;
END;

CREATE TABLE statement_rows (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id     INTEGER,                -- the sentence holding the start of the content
  paragraph_idx   INTEGER NOT NULL,
  kind            TEXT    NOT NULL CHECK (kind IN ('direct', 'indirect', 'according-to', 'unattributed')),
  speaker         TEXT,                   -- the name as the article resolves it; NULL when unattributed
  speaker_type    TEXT    CHECK (speaker_type IN ('person', 'organisation')),
  person_id       INTEGER,                -- people.id, kept up to date by the derived tables' update
  speaker_mention TEXT,
  speaker_start   INTEGER,
  speaker_end     INTEGER,
  cue             TEXT,
  cue_start       INTEGER,
  cue_end         INTEGER,
  content_start   INTEGER NOT NULL,       -- the content is the source text at [content_start, content_end)
  content_end     INTEGER NOT NULL,
  stance          TEXT    NOT NULL CHECK (stance IN ('asserts', 'confirms', 'denies', 'cannot-confirm')),
  figures         TEXT    NOT NULL DEFAULT '[]',   -- JSON array of figures
  event_date      TEXT,                   -- ISO date the statement or its event is placed on
  quoted          INTEGER NOT NULL CHECK (quoted IN (0, 1)),
  fingerprint     TEXT    NOT NULL,       -- normalised content: repeats across articles share it
  day             INTEGER NOT NULL,       -- the article's recency key (articles.day)
  rule            TEXT,                   -- the attribution rule that made the statement
  speaker_rule    TEXT                    -- the rule that resolved its speaker
);
INSERT INTO statement_rows(id, article_id, sentence_id, paragraph_idx, kind, speaker, speaker_type, person_id, speaker_mention,
                           speaker_start, speaker_end, cue, cue_start, cue_end, content_start, content_end, stance, figures,
                           event_date, quoted, fingerprint, day, rule, speaker_rule)
  SELECT id, article_id, sentence_id, paragraph_idx, kind, speaker, speaker_type, person_id, speaker_mention,
         speaker_start, speaker_end, cue, cue_start, cue_end, content_start, content_end, stance, figures,
         event_date, quoted, fingerprint, day, rule, speaker_rule
  FROM statements ORDER BY id;
DROP INDEX statements_article;
DROP INDEX statements_person;
DROP INDEX statements_speaker;
DROP TABLE statements;
CREATE INDEX statement_rows_article ON statement_rows(article_id);
CREATE INDEX statement_rows_person ON statement_rows(person_id, day);
CREATE INDEX statement_rows_speaker ON statement_rows(speaker, person_id) WHERE speaker IS NOT NULL;

CREATE VIEW statements AS
  SELECT s.id, s.article_id, s.sentence_id, s.paragraph_idx, s.kind, s.speaker, s.speaker_type, s.person_id, s.speaker_mention,
         s.speaker_start, s.speaker_end, s.cue, s.cue_start, s.cue_end,
         substr(p.text, s.content_start - p.start + 1, s.content_end - s.content_start) AS content,
         s.content_start, s.content_end, s.stance, s.figures, s.event_date, s.quoted, s.fingerprint, s.day, s.rule, s.speaker_rule
  FROM statement_rows s JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph_idx;
