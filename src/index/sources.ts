/**
 * The polled sources and the items they listed (schema 009): all their SQL. A source keeps
 * its conditional-request validators and the outcome of its last poll; an item keeps whether
 * it was indexed, and when a failed one may be tried again.
 */
import type { Db } from './database.js';

export type SourceKind = 'feed' | 'page';

export interface SourceRow {
  id: number;
  url: string;
  kind: SourceKind;
  title: string | null;
  intervalMinutes: number;
  addedBy: string | null;
  addedAt: string;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  failures: number;
  nextPollAt: string;
  articlesAdded: number;
  /** Items whose pages failed and wait for another try. */
  itemsFailing: number;
}

const COLUMNS = `id, url, kind, title, interval_minutes AS intervalMinutes, added_by AS addedBy, added_at AS addedAt, etag,
  last_modified AS lastModified, last_polled_at AS lastPolledAt, last_success_at AS lastSuccessAt, last_error AS lastError,
  last_error_at AS lastErrorAt, failures, next_poll_at AS nextPollAt, articles_added AS articlesAdded,
  (SELECT count(*) FROM source_items i WHERE i.source_id = sources.id AND i.status = 'failed') AS itemsFailing`;

export interface NewSource {
  url: string;
  kind: SourceKind;
  intervalMinutes: number;
  addedBy: string | null;
  now: Date;
}

/** Adds a source, due at once; an existing URL is returned as it is (`added` false). */
export function addSource(db: Db, source: NewSource): { source: SourceRow; added: boolean } {
  const existing = sourceByUrl(db, source.url);
  if (existing) return { source: existing, added: false };
  const now = source.now.toISOString();
  db.prepare('INSERT INTO sources(url, kind, interval_minutes, added_by, added_at, next_poll_at) VALUES (?, ?, ?, ?, ?, ?)').run(source.url, source.kind, source.intervalMinutes, source.addedBy, now, now);
  return { source: sourceByUrl(db, source.url)!, added: true };
}

export function sourceByUrl(db: Db, url: string): SourceRow | null {
  return (db.prepare(`SELECT ${COLUMNS} FROM sources WHERE url = ?`).get(url) as SourceRow | undefined) ?? null;
}

export function listSources(db: Db): SourceRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM sources ORDER BY id`).all() as SourceRow[];
}

/** Sources whose next poll is due at `now`, soonest first. */
export function dueSources(db: Db, now: Date): SourceRow[] {
  return db.prepare(`SELECT ${COLUMNS} FROM sources WHERE next_poll_at <= ? ORDER BY next_poll_at, id`).all(now.toISOString()) as SourceRow[];
}

/** Removes a source and its item ledger; the articles it brought in stay on file. */
export function removeSource(db: Db, url: string): boolean {
  return db.prepare('DELETE FROM sources WHERE url = ?').run(url).changes === 1;
}

export interface PollSuccess {
  kind: SourceKind;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  added: number;
  now: Date;
  nextPollAt: Date;
}

export function recordPollSuccess(db: Db, id: number, s: PollSuccess): void {
  db.prepare(
    `UPDATE sources SET kind = @kind, title = coalesce(@title, title), etag = coalesce(@etag, etag), last_modified = coalesce(@lastModified, last_modified),
       last_polled_at = @now, last_success_at = @now, last_error = NULL, failures = 0, next_poll_at = @next, articles_added = articles_added + @added
     WHERE id = @id`,
  ).run({ id, kind: s.kind, title: s.title, etag: s.etag, lastModified: s.lastModified, now: s.now.toISOString(), next: s.nextPollAt.toISOString(), added: s.added });
}

/** Records a failed poll; true when the error is news (not the same as the last poll's), so it is reported once. */
export function recordPollFailure(db: Db, id: number, error: string, now: Date, nextPollAt: Date): boolean {
  const before = db.prepare('SELECT last_error AS lastError FROM sources WHERE id = ?').get(id) as { lastError: string | null } | undefined;
  db.prepare(
    `UPDATE sources SET last_polled_at = @now, last_error = @error, last_error_at = CASE WHEN last_error IS @error THEN last_error_at ELSE @now END,
       failures = failures + 1, next_poll_at = @next WHERE id = @id`,
  ).run({ id, error, now: now.toISOString(), next: nextPollAt.toISOString() });
  return before?.lastError !== error;
}

export interface SourceItemRow {
  itemId: string;
  url: string | null;
  status: 'indexed' | 'failed' | 'skipped';
  articleKey: string | null;
  attempts: number;
  lastError: string | null;
  nextTryAt: string | null;
}

export function sourceItem(db: Db, sourceId: number, itemId: string): SourceItemRow | null {
  return (
    (db
      .prepare('SELECT item_id AS itemId, url, status, article_key AS articleKey, attempts, last_error AS lastError, next_try_at AS nextTryAt FROM source_items WHERE source_id = ? AND item_id = ?')
      .get(sourceId, itemId) as SourceItemRow | undefined) ?? null
  );
}

export interface ItemOutcome {
  sourceId: number;
  itemId: string;
  url: string | null;
  status: SourceItemRow['status'];
  articleKey?: string | null;
  error?: string | null;
  nextTryAt?: Date | null;
  now: Date;
}

/** Records what became of an item; a failure counts one more attempt. */
export function recordItem(db: Db, o: ItemOutcome): void {
  db.prepare(
    `INSERT INTO source_items(source_id, item_id, url, status, article_key, attempts, last_error, next_try_at, first_seen, updated_at)
     VALUES (@sourceId, @itemId, @url, @status, @articleKey, @attempts, @error, @nextTryAt, @now, @now)
     ON CONFLICT(source_id, item_id) DO UPDATE SET url = excluded.url, status = excluded.status, article_key = excluded.article_key,
       attempts = source_items.attempts + excluded.attempts, last_error = excluded.last_error, next_try_at = excluded.next_try_at, updated_at = excluded.updated_at`,
  ).run({
    sourceId: o.sourceId,
    itemId: o.itemId,
    url: o.url,
    status: o.status,
    articleKey: o.articleKey ?? null,
    attempts: o.status === 'failed' ? 1 : 0,
    error: o.error ?? null,
    nextTryAt: o.nextTryAt?.toISOString() ?? null,
    now: o.now.toISOString(),
  });
}

/** Items of a source that failed and are waiting for their next try. */
export function failingItems(db: Db, sourceId: number): SourceItemRow[] {
  return db
    .prepare("SELECT item_id AS itemId, url, status, article_key AS articleKey, attempts, last_error AS lastError, next_try_at AS nextTryAt FROM source_items WHERE source_id = ? AND status = 'failed' ORDER BY item_id")
    .all(sourceId) as SourceItemRow[];
}

/** The hash stored for an article key, or null when none is on file. */
export function articleHashByKey(db: Db, key: string): string | null {
  return (db.prepare('SELECT hash FROM articles WHERE key = ?').pluck().get(key) as string | undefined) ?? null;
}

/** Titles of the sources the articles ingested in (start, end] came from: for the digest. */
export function sourceTitles(db: Db): Map<number, string> {
  const rows = db.prepare('SELECT id, coalesce(title, url) AS name FROM sources').all() as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r.name]));
}
