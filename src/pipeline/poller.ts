/**
 * The polling shell: a node-cron task, every minute, polls the sources that are due. Each
 * source is due on its own interval (default 10 minutes, jittered ±10 %, backed off after
 * failures; sources.next_poll_at), so the minute tick only decides when to look. A lease in
 * SQLite keeps two bot processes on one index from polling the same round twice, and a round
 * still running when the next minute comes is not overlapped. Stopping ends a round after the
 * fetch in flight (at most FETCH_TIMEOUT_MS), so a shutdown never waits for fifty pages.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { acquireLease, releaseLease } from '../index/leases.js';
import { pollDue, type PollDeps, type PollReport } from './poll.js';

const LEASE = 'sources-poll';
const LEASE_TTL_MS = 10 * 60 * 1000;

export interface Poller {
  /** Polls what is due now (also what the minute tick does). */
  tick(): Promise<PollReport[]>;
  stop(): Promise<void>;
}

export function startPoller(deps: PollDeps, options: { schedule?: string; holder?: string } = {}): Poller {
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let running: Promise<PollReport[]> | null = null;
  let stopped = false;
  const roundDeps: PollDeps = { ...deps, stopping: () => stopped || (deps.stopping?.() ?? false) };
  const tick = (): Promise<PollReport[]> => {
    if (running) return running;
    running = (async () => {
      if (!acquireLease(deps.db, LEASE, holder, LEASE_TTL_MS)) return [];
      try {
        return await pollDue(roundDeps);
      } catch (error) {
        deps.log.warn(`sources: a polling round failed: ${(error as Error).message}`);
        return [];
      } finally {
        if (deps.db.open) releaseLease(deps.db, LEASE, holder);
      }
    })().finally(() => {
      running = null;
    });
    return running;
  };
  const task: ScheduledTask = cron.schedule(options.schedule ?? '* * * * *', () => void tick(), { name: 'sources-poll', noOverlap: true });
  return {
    tick,
    /** Stops the tick and waits for the round in flight, which ends after its current fetch. */
    async stop() {
      stopped = true;
      await task.stop();
      await running;
    },
  };
}
