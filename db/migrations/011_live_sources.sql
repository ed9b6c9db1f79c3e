-- Live sources (issue 14). An article is no longer one file: its identity (`key`) is its canonical
-- URL when it has one, else its path in the corpus (with #n when one file holds several
-- articles, as a feed or an NDJSON export does). `origin` is where it was read from.

ALTER TABLE articles RENAME COLUMN file TO key;
ALTER TABLE articles ADD COLUMN origin TEXT;            -- the corpus file, or the URL that was fetched
UPDATE articles SET origin = key;
ALTER TABLE articles ADD COLUMN origin_kind TEXT NOT NULL DEFAULT 'corpus' CHECK (origin_kind IN ('corpus', 'web'));
ALTER TABLE articles ADD COLUMN byline TEXT;
CREATE INDEX articles_origin ON articles(origin_kind, origin);

-- Feeds and pages the bot polls. The conditional-request validators and the outcome of the last
-- poll live with the source, so /sources list can say when it last worked and when it tries again.
CREATE TABLE sources (
  id               INTEGER PRIMARY KEY,
  url              TEXT    NOT NULL UNIQUE,
  kind             TEXT    NOT NULL CHECK (kind IN ('feed', 'page')),
  title            TEXT,                          -- the feed's title once read
  interval_minutes INTEGER NOT NULL CHECK (interval_minutes >= 1),
  added_by         TEXT,                          -- Discord user id, or 'cli'
  added_at         TEXT    NOT NULL,
  etag             TEXT,
  last_modified    TEXT,
  last_polled_at   TEXT,
  last_success_at  TEXT,
  last_error       TEXT,                          -- NULL once a poll succeeds again
  last_error_at    TEXT,
  failures         INTEGER NOT NULL DEFAULT 0,    -- consecutive failed polls: the backoff's exponent
  next_poll_at     TEXT    NOT NULL,
  articles_added   INTEGER NOT NULL DEFAULT 0
);

-- Each item a feed listed (or the page itself), so nothing is fetched or indexed twice across
-- polls and restarts, and an item whose page fails is retried with its own backoff.
CREATE TABLE source_items (
  source_id    INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  item_id      TEXT    NOT NULL,                  -- the feed's guid / id, else the item's URL
  url          TEXT,
  status       TEXT    NOT NULL CHECK (status IN ('indexed', 'failed', 'skipped')),
  article_key  TEXT,                              -- articles.key once indexed
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  next_try_at  TEXT,
  first_seen   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL,
  PRIMARY KEY (source_id, item_id)
) WITHOUT ROWID;

ALTER TABLE articles ADD COLUMN source_id INTEGER REFERENCES sources(id) ON DELETE SET NULL;  -- the polled source that brought it in
