-- Issue 15, a leaner index: what a statement or sentence row repeats of the text, or spells out, is
-- kept in its shortest exact form. At 10,000 bench articles the statement rows were 23 % of the index,
-- a third of it each figure's JSON, which wrote the figure's words again beside its span.
--
-- Statement rows:
--  * figures: one array per figure, [start, end, min, max, qualifier, counted]; start and end are the
--    figure's code points in the source, as the span was, and its words are the content there
--    (index/statements.ts rebuilds { text, span, min, max, qualifier, counted } for every reader);
--  * speaker_mention and cue: NULL where they are the source text at their span inside the
--    statement's own paragraph (the view reads them there), written out only where they are not
--    (a speaker named in an earlier paragraph; a mention the article completed);
--  * kind, stance and speaker_type: small codes, spelled out by the view;
--  * fingerprint (here and on sentence rows): its 8 bytes, not 16 hex digits; the views give the hex.
-- The views `sentences` and `statements` keep their columns, names and values: every reader is unchanged.

DROP VIEW statements;
DROP VIEW sentences;
DROP TRIGGER sentence_rows_fts_delete;

ALTER TABLE sentence_rows RENAME TO sentence_rows_old;
DROP INDEX sentence_rows_article;
CREATE TABLE sentence_rows (
  id            INTEGER PRIMARY KEY,       -- recency-ordered: day << 22 | sequence; the FTS5 rowid
  article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  paragraph_idx INTEGER NOT NULL,
  idx           INTEGER NOT NULL,          -- position in the article
  start         INTEGER NOT NULL,
  end           INTEGER NOT NULL,
  fingerprint   BLOB    NOT NULL,          -- 8 bytes of normalised wording: repeats across articles share it
  weight        REAL    NOT NULL           -- ranking boost: title and lead count more
);
INSERT INTO sentence_rows(id, article_id, paragraph_idx, idx, start, end, fingerprint, weight)
  SELECT id, article_id, paragraph_idx, idx, start, end, unhex(fingerprint), weight FROM sentence_rows_old ORDER BY id;
DROP TABLE sentence_rows_old;
CREATE INDEX sentence_rows_article ON sentence_rows(article_id, idx);
CREATE TRIGGER sentence_rows_fts_delete AFTER DELETE ON sentence_rows BEGIN
  DELETE FROM sentences_fts WHERE rowid = old.id;
END;

ALTER TABLE statement_rows RENAME TO statement_rows_old;
DROP INDEX statement_rows_article;
DROP INDEX statement_rows_person;
DROP INDEX statement_rows_speaker;
CREATE TABLE statement_rows (
  id              INTEGER PRIMARY KEY,
  article_id      INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  sentence_id     INTEGER,                -- the sentence holding the start of the content
  paragraph_idx   INTEGER NOT NULL,
  kind            INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),   -- direct, indirect, according-to, unattributed
  speaker         TEXT,                   -- the name as the article resolves it; NULL when unattributed
  speaker_type    INTEGER CHECK (speaker_type IN (0, 1)),           -- person, organisation
  person_id       INTEGER,                -- people.id, kept up to date by the derived tables' update
  speaker_mention TEXT,                   -- NULL: the paragraph's text at the speaker's span
  speaker_start   INTEGER,
  speaker_end     INTEGER,
  cue             TEXT,                   -- NULL: the paragraph's text at the cue's span
  cue_start       INTEGER,
  cue_end         INTEGER,
  content_start   INTEGER NOT NULL,       -- the content is the source text at [content_start, content_end)
  content_end     INTEGER NOT NULL,
  stance          INTEGER NOT NULL CHECK (stance BETWEEN 0 AND 3),  -- asserts, confirms, denies, cannot-confirm
  figures         TEXT    NOT NULL DEFAULT '[]',   -- JSON: [start, end, min, max, qualifier, counted] per figure
  event_date      TEXT,                   -- ISO date the statement or its event is placed on
  quoted          INTEGER NOT NULL CHECK (quoted IN (0, 1)),
  fingerprint     BLOB    NOT NULL,       -- 8 bytes of normalised content: repeats across articles share it
  day             INTEGER NOT NULL,       -- the article's recency key (articles.day)
  rule            TEXT,                   -- the attribution rule that made the statement
  speaker_rule    TEXT                    -- the rule that resolved its speaker
);
INSERT INTO statement_rows
  SELECT s.id, s.article_id, s.sentence_id, s.paragraph_idx,
         CASE s.kind WHEN 'direct' THEN 0 WHEN 'indirect' THEN 1 WHEN 'according-to' THEN 2 ELSE 3 END,
         s.speaker,
         CASE s.speaker_type WHEN 'person' THEN 0 WHEN 'organisation' THEN 1 END,
         s.person_id,
         CASE WHEN s.speaker_start >= p.start AND s.speaker_end <= p.end
                   AND s.speaker_mention IS substr(p.text, s.speaker_start - p.start + 1, s.speaker_end - s.speaker_start)
              THEN NULL ELSE s.speaker_mention END,
         s.speaker_start, s.speaker_end,
         CASE WHEN s.cue_start >= p.start AND s.cue_end <= p.end
                   AND s.cue IS substr(p.text, s.cue_start - p.start + 1, s.cue_end - s.cue_start)
              THEN NULL ELSE s.cue END,
         s.cue_start, s.cue_end, s.content_start, s.content_end,
         CASE s.stance WHEN 'asserts' THEN 0 WHEN 'confirms' THEN 1 WHEN 'denies' THEN 2 ELSE 3 END,
         CASE WHEN s.figures = '[]' THEN '[]' ELSE
           (SELECT json_group_array(json_array(json_extract(f.value, '$.span.start'), json_extract(f.value, '$.span.end'),
                                               json_extract(f.value, '$.min'), json_extract(f.value, '$.max'),
                                               json_extract(f.value, '$.qualifier'), json_extract(f.value, '$.counted')) ORDER BY f.key)
            FROM json_each(s.figures) f) END,
         s.event_date, s.quoted, unhex(s.fingerprint), s.day, s.rule, s.speaker_rule
  FROM statement_rows_old s JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph_idx
  ORDER BY s.id;
DROP TABLE statement_rows_old;
CREATE INDEX statement_rows_article ON statement_rows(article_id);
CREATE INDEX statement_rows_person ON statement_rows(person_id, day);
CREATE INDEX statement_rows_speaker ON statement_rows(speaker, person_id) WHERE speaker IS NOT NULL;

CREATE VIEW sentences AS
  SELECT s.id, s.article_id, s.paragraph_idx, s.idx, s.start, s.end,
         substr(p.text, s.start - p.start + 1, s.end - s.start) AS text,
         lower(hex(s.fingerprint)) AS fingerprint, s.weight
  FROM sentence_rows s JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph_idx;

CREATE VIEW statements AS
  SELECT s.id, s.article_id, s.sentence_id, s.paragraph_idx,
         CASE s.kind WHEN 0 THEN 'direct' WHEN 1 THEN 'indirect' WHEN 2 THEN 'according-to' ELSE 'unattributed' END AS kind,
         s.speaker,
         CASE s.speaker_type WHEN 0 THEN 'person' WHEN 1 THEN 'organisation' END AS speaker_type,
         s.person_id,
         coalesce(s.speaker_mention, substr(p.text, s.speaker_start - p.start + 1, s.speaker_end - s.speaker_start)) AS speaker_mention,
         s.speaker_start, s.speaker_end,
         coalesce(s.cue, substr(p.text, s.cue_start - p.start + 1, s.cue_end - s.cue_start)) AS cue,
         s.cue_start, s.cue_end,
         substr(p.text, s.content_start - p.start + 1, s.content_end - s.content_start) AS content,
         s.content_start, s.content_end,
         CASE s.stance WHEN 0 THEN 'asserts' WHEN 1 THEN 'confirms' WHEN 2 THEN 'denies' ELSE 'cannot-confirm' END AS stance,
         s.figures, s.event_date, s.quoted, lower(hex(s.fingerprint)) AS fingerprint, s.day, s.rule, s.speaker_rule
  FROM statement_rows s JOIN paragraphs p ON p.article_id = s.article_id AND p.idx = s.paragraph_idx;
