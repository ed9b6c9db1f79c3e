-- Issue 15: what an ingest derives (people, the spelling vocabulary, the ranking window) is updated
-- for the articles that changed instead of rebuilt from the whole archive (index/derived.ts).

-- 1. The change log. Every article written or removed since the derived tables were last brought up
--    to date, logged in the write's own transaction, so an ingest stopped before the update leaves
--    its changes for the next one. A removed article's sentences and speaker mentions are kept here,
--    since its rows are gone by the time the derived tables are updated.
CREATE TABLE pending_base (
  only    INTEGER PRIMARY KEY CHECK (only = 1),
  version INTEGER NOT NULL                -- sentences_version before the first change logged
);
CREATE TABLE pending_articles (
  article_id INTEGER PRIMARY KEY          -- written since; its rows are read from the index
);
CREATE TABLE pending_removed_sentences (
  id   INTEGER NOT NULL,
  text TEXT    NOT NULL                   -- as indexed: FTS5 needs it to delete the postings
);
CREATE TABLE pending_removed_mentions (
  name     TEXT NOT NULL,
  type     TEXT NOT NULL,
  roles    TEXT NOT NULL,
  variants TEXT NOT NULL
);
CREATE TABLE pending_keys (
  kind TEXT NOT NULL CHECK (kind IN ('person', 'speaker')),   -- whom removed statements counted for; who spoke them
  key  TEXT NOT NULL,
  PRIMARY KEY (kind, key)
) WITHOUT ROWID;

-- 2. Each distinct speaker name with what its mentions said, summed over the articles (extract/people.ts
--    NameTally): the people merge's input, kept by adding and subtracting the changed articles'
--    mentions. Its block (persons by surname skeleton, organisations by normalised name) and acronym
--    ('=FAA' for the acronym itself, 'FAA' for a name it stands for) say which names can merge
--    (mergeKeysOf): a change re-merges only the blocks reachable from the changed names.
CREATE TABLE speaker_names (
  type     TEXT    NOT NULL,
  name     TEXT    NOT NULL,
  block    TEXT    NOT NULL,
  acronym  TEXT,
  mentions INTEGER NOT NULL,
  roles    TEXT    NOT NULL,              -- JSON [[role, mentions], …] in code-unit order
  variants TEXT    NOT NULL,              -- JSON [[spelling, mentions], …]
  PRIMARY KEY (type, name)
) WITHOUT ROWID;
CREATE INDEX speaker_names_block ON speaker_names(block);
CREATE INDEX speaker_names_acronym ON speaker_names(acronym) WHERE acronym IS NOT NULL;

-- 3. People by block, and the keys name look-ups find them under (extract/people.ts
--    recordLookupKeys): a changed person makes only the speakers sharing a key resolve again.
ALTER TABLE people ADD COLUMN block TEXT;
CREATE INDEX people_block ON people(block);
CREATE INDEX person_aliases_person ON person_aliases(person_id);
CREATE TABLE person_keys (
  key       TEXT    NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  PRIMARY KEY (key, person_id)
) WITHOUT ROWID;
CREATE INDEX person_keys_person ON person_keys(person_id);

-- Every distinct speaker of a statement under the keys it is looked up by (nameLookupKeys), and
-- the statements of one speaker, to point them at another person when their resolution changes.
CREATE TABLE speaker_keys (
  key     TEXT NOT NULL,
  speaker TEXT NOT NULL,
  PRIMARY KEY (key, speaker)
) WITHOUT ROWID;
CREATE INDEX statements_speaker ON statements(speaker, person_id) WHERE speaker IS NOT NULL;

-- 4. An ingest takes a corpus file as unchanged, without reading it, while its size and modification
--    time stay as recorded when it was last read whole (pipeline/ingest.ts); the year each article
--    states is kept for the corpus year, which is voted by every article.
ALTER TABLE articles ADD COLUMN origin_size INTEGER;
ALTER TABLE articles ADD COLUMN origin_mtime REAL;
ALTER TABLE articles ADD COLUMN stated_year INTEGER;

-- 5. The ranking window keeps the size it was built with, so an update keeps it.
ALTER TABLE ranking_window ADD COLUMN size INTEGER NOT NULL DEFAULT 100000;

-- The derived tables are rebuilt once from the whole index by the next ingest (which fills the new tables and columns).
UPDATE ranking_window SET built_at = -1;
