/**
 * The change log: the articles written and removed since the derived tables (people, the
 * spelling vocabulary, the ranking window) were last brought up to date (derived.ts). It is
 * written in the same transaction as the articles themselves, so an ingest stopped before the
 * update leaves its changes for the next one, and the update reads only what changed.
 */
import { cached, type Db } from './database.js';

/** Before the first change of a period, records which version of the sentences the derived tables were up to date with. */
function markBase(db: Db): void {
  cached(db, 'INSERT OR IGNORE INTO pending_base(only, version) SELECT 1, version FROM sentences_version').run();
}

/** An article just written: the update reads its sentences, mentions and statements from the index. */
export function logWritten(db: Db, articleId: number): void {
  markBase(db);
  cached(db, 'INSERT INTO pending_articles(article_id) VALUES (?)').run(articleId);
}

/**
 * An article about to be removed (or replaced): what the update will need once its rows are gone:
 * its sentences as indexed, its speaker mentions, the people its statements counted for, and its
 * speakers. An article written since the last update was never
 * part of the derived tables: it only leaves the log.
 */
export function logRemoval(db: Db, articleId: number): void {
  markBase(db);
  if (cached(db, 'DELETE FROM pending_articles WHERE article_id = ?').run(articleId).changes > 0) return;
  cached(db, 'INSERT INTO pending_removed_sentences(id, text) SELECT id, text FROM sentences WHERE article_id = ?').run(articleId);
  cached(db, 'INSERT INTO pending_removed_mentions(name, type, roles, variants) SELECT name, type, roles, variants FROM speaker_mentions WHERE article_id = ?').run(articleId);
  cached(
    db,
    `INSERT OR IGNORE INTO pending_keys(kind, key)
       SELECT 'person', person_id FROM statement_rows WHERE article_id = @id AND person_id IS NOT NULL
       UNION SELECT 'speaker', speaker FROM statement_rows WHERE article_id = @id AND speaker IS NOT NULL`,
  ).run({ id: articleId });
}

export interface PendingState {
  /** The sentences version the log starts from; null when nothing is logged. */
  base: number | null;
  /** The version the derived tables were last brought up to date with (ranking_window.built_at). */
  builtAt: number;
  version: number;
}

export function pendingState(db: Db): PendingState {
  return cached(
    db,
    'SELECT (SELECT version FROM pending_base) AS base, w.built_at AS builtAt, v.version FROM ranking_window w, sentences_version v',
  ).get() as PendingState;
}

/** Keys of one kind logged for removed articles. */
export function pendingKeys(db: Db, kind: 'person' | 'speaker'): string[] {
  return cached(db, 'SELECT key FROM pending_keys WHERE kind = ?').pluck().all(kind) as string[];
}

/** How many sentences the log holds, written and removed: what an update would have to read. */
export function pendingSentenceCount(db: Db): number {
  return cached(
    db,
    'SELECT (SELECT count(*) FROM sentence_rows WHERE article_id IN (SELECT article_id FROM pending_articles)) + (SELECT count(*) FROM pending_removed_sentences)',
  ).pluck().get() as number;
}

/** Empties the log: the derived tables are up to date. */
export function clearPending(db: Db): void {
  db.exec('DELETE FROM pending_base; DELETE FROM pending_articles; DELETE FROM pending_removed_sentences; DELETE FROM pending_removed_mentions; DELETE FROM pending_keys;');
}
