-- Ranking statistics from the newest sentences (index/queries.ts searchSentences). To score any
-- match, FTS5's bm25 first counts every sentence holding each query word: about 11 ms per word in
-- 400,000 sentences, and a synonym group is a word each. A second, contentless FTS5 index over the
-- newest sentences ranks the common queries instead: their newest 2,000 matches all lie there,
-- and its counts are a fourteenth as long at 100,000 articles. Rebuilt after every ingest that
-- changed something (index/write.ts rebuildRankingWindow); never read while it is out of date.
CREATE VIRTUAL TABLE recent_fts USING fts5(
  text,
  content = '',
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Bumped by every article written or removed, so a window built from older sentences is ignored.
CREATE TABLE sentences_version (
  only    INTEGER PRIMARY KEY CHECK (only = 1),
  version INTEGER NOT NULL
);
INSERT INTO sentences_version(only, version) VALUES (1, 0);

-- The window holds every sentence with id >= floor (NULL: no window: the index is small, or it
-- was never built), as of sentences_version = built_at.
CREATE TABLE ranking_window (
  only     INTEGER PRIMARY KEY CHECK (only = 1),
  floor    INTEGER,
  built_at INTEGER NOT NULL
);
INSERT INTO ranking_window(only, floor, built_at) VALUES (1, NULL, -1);
