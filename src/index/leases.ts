/**
 * Leases in SQLite: how several processes sharing one index agree that only
 * one of them ingests, or posts a given digest. A lease expires unless renewed,
 * so a crashed holder never blocks the others for long.
 */
import type { Db } from './database.js';

export interface LeaseHolder {
  holder: string;
  expiresAt: number;
}

/** Takes or renews `name` for `holder` until now + ttlMs; false when someone else holds it. */
export function acquireLease(db: Db, name: string, holder: string, ttlMs: number, now = Date.now()): boolean {
  const result = db
    .prepare(
      `INSERT INTO leases(name, holder, expires_at) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
       WHERE leases.holder = excluded.holder OR leases.expires_at <= ?`,
    )
    .run(name, holder, now + ttlMs, now);
  return result.changes === 1;
}

export function releaseLease(db: Db, name: string, holder: string): void {
  db.prepare('DELETE FROM leases WHERE name = ? AND holder = ?').run(name, holder);
}

export function leaseHolder(db: Db, name: string): LeaseHolder | null {
  const row = db.prepare('SELECT holder, expires_at AS expiresAt FROM leases WHERE name = ?').get(name) as LeaseHolder | undefined;
  return row ?? null;
}
