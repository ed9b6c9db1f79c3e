-- A name can belong to a person in one article and an organisation or place in
-- another ("Kupiansk" as a speaker): people are unique by name and type, not name alone.
-- The table is rebuilt from speaker_mentions after every ingest, so it is recreated empty.
DROP TABLE person_aliases;
DROP TABLE people;

CREATE TABLE people (
  id         INTEGER PRIMARY KEY,
  canonical  TEXT    NOT NULL,
  type       TEXT    NOT NULL CHECK (type IN ('person', 'organisation')),
  roles      TEXT    NOT NULL DEFAULT '[]',
  statements INTEGER NOT NULL DEFAULT 0,
  UNIQUE (canonical, type)
);

CREATE TABLE person_aliases (
  alias     TEXT    NOT NULL,
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  display   TEXT    NOT NULL,
  kind      TEXT    NOT NULL CHECK (kind IN ('name', 'surname', 'variant', 'role')),
  PRIMARY KEY (alias, person_id)
) WITHOUT ROWID;

UPDATE statements SET person_id = NULL;
