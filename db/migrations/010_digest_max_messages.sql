-- Issue 13: a digest fits a channel. Each server's digest is at most this many
-- messages (most important first); the rest is counted and pointed to /digest preview.
ALTER TABLE digest_configs ADD COLUMN max_messages INTEGER NOT NULL DEFAULT 3 CHECK (max_messages BETWEEN 1 AND 10);
