-- Issue 15, a leaner index: the text is stored once. The index was 5.4× the text, and by
-- dbstat the text itself was in it three times: paragraphs (19 MB at 10,000 articles), the
-- sentences cut from them (19 MB) and the statements' contents (9.7 MB), besides 5.7 MB of
-- figures each repeating its own words.
--
-- 1. Each article's paragraphs go into one blob, `article_texts.body`: index/texts.ts writes it as
--    deflated JSON [[index, start, text], …] (half the bytes of the plain text); rows moved here
--    hold the JSON as plain text, which the reader takes as it is. Paragraphs, sentences and
--    statements keep their code-point offsets, and `excerpt(body, article_id, paragraph_idx,
--    start, end)` (a function each connection registers, index/texts.ts) cuts their text from it.
CREATE TABLE article_texts (
  article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
  body       BLOB    NOT NULL
);
INSERT INTO article_texts(article_id, body)
  SELECT article_id, json_group_array(json_array(idx, start, text)) FROM paragraphs GROUP BY article_id;

-- 2. The full-text index keeps no copy of the text either (contentless, with deletes by rowid).
--    Re-inserted in rowid order, which also leaves it in fewer, fuller segments.
DROP TRIGGER sentences_fts_delete;
DROP TABLE sentences_vocab;
CREATE VIRTUAL TABLE sentences_fts_lean USING fts5(
  text,
  content = '',
  contentless_delete = 1,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
INSERT INTO sentences_fts_lean(rowid, text) SELECT id, text FROM sentences ORDER BY id;
DROP TABLE sentences_fts;
ALTER TABLE sentences_fts_lean RENAME TO sentences_fts;
CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab(sentences_fts, 'row');
CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences BEGIN
  DELETE FROM sentences_fts WHERE rowid = old.id;
END;

ALTER TABLE paragraphs DROP COLUMN text;
ALTER TABLE sentences DROP COLUMN text;
ALTER TABLE statements DROP COLUMN content;

-- 3. A figure is stored as [start, end, min, max, qualifier, counted]: its words are the
--    statement's content at [start, end) (index/statements.ts).
UPDATE statements SET figures = (
  SELECT json_group_array(json_array(
    json_extract(f.value, '$.span.start'), json_extract(f.value, '$.span.end'), json_extract(f.value, '$.min'),
    json_extract(f.value, '$.max'), json_extract(f.value, '$.qualifier'), json_extract(f.value, '$.counted')))
  FROM json_each(statements.figures) f
) WHERE figures <> '[]';

-- 4. A statement's fingerprint (16 hex digits) as its 8 bytes, read back as lower(hex(fingerprint)); a
--    sentence's is worked out from its text when read (index/queries.ts), as only the best hits need it.
UPDATE statements SET fingerprint = unhex(fingerprint);
ALTER TABLE sentences DROP COLUMN fingerprint;

-- Text as the readers see it.
CREATE VIEW paragraph_texts AS
  SELECT p.article_id, p.idx, p.kind, p.start, p.end, excerpt(t.body, p.article_id, p.idx, p.start, p.end) AS text
  FROM paragraphs p JOIN article_texts t ON t.article_id = p.article_id;
CREATE VIEW sentence_texts AS
  SELECT s.id, excerpt(t.body, s.article_id, s.paragraph_idx, s.start, s.end) AS text
  FROM sentences s JOIN article_texts t ON t.article_id = s.article_id;

-- 5. A statement's speaker as written and its cue are the text at their offsets too: kept only when
--    no one paragraph gives them back (index/texts.ts textUnlessExcerpt). Its sentence id was never read.
UPDATE statements SET speaker_mention = NULL
  WHERE speaker_mention IS NOT NULL AND speaker_mention IS excerpt((SELECT body FROM article_texts t WHERE t.article_id = statements.article_id), article_id, NULL, speaker_start, speaker_end);
UPDATE statements SET cue = NULL
  WHERE cue IS NOT NULL AND cue IS excerpt((SELECT body FROM article_texts t WHERE t.article_id = statements.article_id), article_id, NULL, cue_start, cue_end);
ALTER TABLE statements DROP COLUMN sentence_id;

-- The derived tables (vocabulary, ranking window) are rebuilt by the first ingest after this change (derived.ts).
UPDATE ranking_window SET built_at = -1;
