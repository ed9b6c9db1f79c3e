-- An ingest of named files (ingest --changed, src/pipeline/ingest.ts) looks up what a whole-folder scan reads from every
-- stored article: whether a new file repeats an indexed article's content ("same content as …"), by its hash.
CREATE INDEX articles_hash ON articles(hash);

-- ... and the corpus year's votes, counted from this index instead of from every article's row.
CREATE INDEX articles_stated_year ON articles(origin_kind, stated_year);
