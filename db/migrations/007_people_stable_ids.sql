-- People keep their ids across rebuilds (index/statements.ts replacePeople), so a rebuild after a
-- small ingest rewrites only the statements whose person changed instead of every statement
-- (the whole table, ~330 MB at 100,000 articles, through the WAL on every ingest).
-- With ids stable, "did the people change?" can no longer be read from the ids: each rebuild
-- bumps this counter, and answer caches compare it.
CREATE TABLE people_version (
  only    INTEGER PRIMARY KEY CHECK (only = 1),
  version INTEGER NOT NULL
);
INSERT INTO people_version(only, version) VALUES (1, 0);
