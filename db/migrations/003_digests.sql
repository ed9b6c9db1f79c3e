-- Scheduled digests: each guild's configuration, and the ledger of what was posted.

CREATE TABLE digest_configs (
  guild_id     TEXT    PRIMARY KEY,
  channel_id   TEXT    NOT NULL,
  schedule     TEXT    NOT NULL,                 -- node-cron expression, checked with node-cron's parser
  timezone     TEXT    NOT NULL,                 -- canonical IANA name
  sections     TEXT    NOT NULL,                 -- JSON array: articles, people, figures, positions
  when_empty   TEXT    NOT NULL CHECK (when_empty IN ('line', 'skip')),
  enabled      INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  updated_by   TEXT,                             -- user id of the last editor who changed it
  active_since TEXT    NOT NULL,                 -- ISO: ticks before this are never due (set when schedule, zone or enabled change)
  created_at   TEXT    NOT NULL,
  updated_at   TEXT    NOT NULL
);

-- One row per guild and window. A window is named by its tick (the scheduled
-- instant, ISO UTC). Its messages are composed once and frozen in `parts`, so
-- a retry or a restart resumes the same digest rather than composing another.
-- status: pending (not every part accepted yet), posted (every part accepted),
-- superseded (given up when a later window fell due; its unposted items roll into that one).
CREATE TABLE digest_runs (
  guild_id     TEXT    NOT NULL,
  tick         TEXT    NOT NULL,
  window_start TEXT,                             -- content after this instant (exclusive); NULL = from the beginning
  channel_id   TEXT    NOT NULL,
  parts        TEXT    NOT NULL,                 -- JSON array of { payload, itemKeys }
  status       TEXT    NOT NULL CHECK (status IN ('pending', 'posted', 'superseded')),
  attempts     INTEGER NOT NULL DEFAULT 0,
  last_error   TEXT,
  created_at   TEXT    NOT NULL,
  posted_at    TEXT,
  PRIMARY KEY (guild_id, tick)
) WITHOUT ROWID;
CREATE INDEX digest_runs_status ON digest_runs(status, guild_id);

-- Each message of a window that Discord accepted: recorded only after it succeeded.
CREATE TABLE digest_parts (
  guild_id   TEXT    NOT NULL,
  tick       TEXT    NOT NULL,
  part       INTEGER NOT NULL,
  message_id TEXT    NOT NULL,
  posted_at  TEXT    NOT NULL,
  PRIMARY KEY (guild_id, tick, part),
  FOREIGN KEY (guild_id, tick) REFERENCES digest_runs(guild_id, tick) ON DELETE CASCADE
) WITHOUT ROWID;

-- Every item (article, statement, figure conflict, position change) posted to a guild, so none is posted twice.
CREATE TABLE digest_items (
  guild_id  TEXT NOT NULL,
  item_key  TEXT NOT NULL,
  tick      TEXT NOT NULL,
  PRIMARY KEY (guild_id, item_key)
) WITHOUT ROWID;
