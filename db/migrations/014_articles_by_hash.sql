-- An ingest of named files (ingest --changed, src/pipeline/ingest.ts) looks up what a whole-folder scan reads from every
-- stored article: whether a new file repeats an indexed article's content ("same content as …"), by its hash.
CREATE INDEX articles_hash ON articles(hash);

-- ... and the corpus year's votes, counted from this index instead of from every article's row.
CREATE INDEX articles_stated_year ON articles(origin_kind, stated_year);

-- ... and the articles dated with a corpus year, which a moved corpus year re-dates (an ingest of named files asks for
-- those dated with another year than the new one: nothing to read while the year stays).
CREATE INDEX articles_context_year ON articles(context_year) WHERE context_year IS NOT NULL;
