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

export class LeaseLostError extends Error {}

/** A lease renewed on a timer while work goes on, and the check that the work still holds it. */
export interface KeptLease {
  /** Throws LeaseLostError unless the lease is still ours; call inside each write transaction. */
  assertHeld(): void;
  stop(): void;
}

/**
 * Renews `name` for `holder` every quarter of its time to live, from a timer, so a slow step
 * (a large file, a long rebuild) does not let it expire. The lease is ours as long as its row
 * names us: a row that expired while this thread was busy but that nobody took is renewed, while
 * a row taken over, or released by another holder in between, means another process may have
 * written: the lease is lost for good, and assertHeld throws from then on.
 */
export function keepLease(db: Db, name: string, holder: string, ttlMs: number, clock: () => number = Date.now): KeptLease {
  let lost = false;
  const renew = () => {
    lost ||= leaseHolder(db, name)?.holder !== holder || !acquireLease(db, name, holder, ttlMs, clock());
  };
  const timer = setInterval(renew, Math.max(1, Math.floor(ttlMs / 4)));
  timer.unref();
  return {
    assertHeld() {
      if (!lost) renew();
      if (lost) throw new LeaseLostError(`the ${name} lease was taken over by another process; stopped without writing further (run again to finish)`);
    },
    stop: () => clearInterval(timer),
  };
}
