/**
 * One guild's digest, exactly once. `runDueDigest` may be called at any time,
 * by anyone (a cron tick, a missed-tick event, start-up catch-up, a retry
 * timer, a second bot process): it reads the ledger, works out what is due,
 * and does only that.
 *
 * - A window is composed once and frozen in digest_runs before anything is
 *   sent; retries and restarts resume the same messages, never a new digest.
 * - Each message is recorded (with its items) only after Discord accepted it;
 *   a window is marked posted only when all of its messages were.
 * - Every step runs under a SQLite lease named for the guild and window, and
 *   the ledger is re-read once the lease is held: of several processes, one
 *   posts and the others find the window taken or already done.
 * - Each message carries a nonce with enforce_nonce, so a retry after a lost
 *   response returns the message Discord already created.
 */
import type { Db } from '../index/database.js';
import { acquireLease, releaseLease } from '../index/leases.js';
import type { SynonymGroups } from '../index/synonyms.js';
import { buildDigest } from './build.js';
import { configSchedule, type DigestConfig } from './config.js';
import { DEFAULT_RETRY, partNonce, realSleep, withRetry, type RetryOptions, type Sender, type Sleep } from './poster.js';
import {
  getDigestConfig,
  getRun,
  insertRun,
  ledgerTicks,
  markFailedAttempt,
  markPosted,
  markSuperseded,
  pendingRuns,
  recordPart,
  setRunChannel,
  type DigestRun,
} from './store.js';
import { dueWindow, nextTick } from './windows.js';
import type { LineSink } from '../log.js';

/** The digest runner logs through the one logger's interface (src/log.ts). */
export type DigestLogger = LineSink;

export interface DigestDeps {
  db: Db;
  sender: Sender;
  /** Lease holder name: unique per process. */
  holder: string;
  clock?: () => number;
  sleep?: Sleep;
  log?: DigestLogger;
  synonyms?: SynonymGroups;
  retry?: Partial<Omit<RetryOptions, 'sleep' | 'beforeRetry'>>;
  /** How long a lease lasts without renewal, ms (renewed before every message and every wait). */
  leaseTtlMs?: number;
}

export type RunOutcome =
  | { status: 'disabled'; guildId: string }
  | { status: 'not-due'; guildId: string; nextTick: number | null }
  | { status: 'busy'; guildId: string; tick: string }
  | { status: 'done-already'; guildId: string; tick: string }
  | { status: 'posted'; guildId: string; tick: string; messageIds: string[]; resumed: boolean; empty: boolean }
  | { status: 'superseded'; guildId: string; tick: string }
  | { status: 'failed'; guildId: string; tick: string; error: string; attempts: number; retryable: boolean };

export const DEFAULT_LEASE_TTL_MS = 60_000;

export function leaseName(guildId: string, tick: string): string {
  return `digest:${guildId}:${tick}`;
}

interface Ctx {
  db: Db;
  sender: Sender;
  holder: string;
  clock: () => number;
  sleep: Sleep;
  log: DigestLogger;
  synonyms: SynonymGroups;
  retry: Omit<RetryOptions, 'sleep' | 'beforeRetry'>;
  leaseTtlMs: number;
}

const silent: DigestLogger = { info: () => {}, warn: () => {} };

function context(deps: DigestDeps): Ctx {
  return {
    db: deps.db,
    sender: deps.sender,
    holder: deps.holder,
    clock: deps.clock ?? Date.now,
    sleep: deps.sleep ?? realSleep,
    log: deps.log ?? silent,
    synonyms: deps.synonyms ?? [],
    retry: { ...DEFAULT_RETRY, ...deps.retry },
    leaseTtlMs: deps.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS,
  };
}

const BUSY = Symbol('lease held by another process');

/** Runs `work` holding the lease for (guild, tick); BUSY when another process holds it. */
async function underLease<T>(ctx: Ctx, guildId: string, tick: string, work: (renew: (extraMs?: number) => boolean) => Promise<T>): Promise<T | typeof BUSY> {
  const name = leaseName(guildId, tick);
  const renew = (extraMs = 0) => acquireLease(ctx.db, name, ctx.holder, ctx.leaseTtlMs + extraMs, ctx.clock());
  if (!renew()) return BUSY;
  try {
    return await work(renew);
  } finally {
    releaseLease(ctx.db, name, ctx.holder);
  }
}

/** Posts the run's messages not yet accepted, in order; marks the window posted when all are. */
async function postRun(ctx: Ctx, run: DigestRun, channelId: string, renew: (extraMs?: number) => boolean, resumed: boolean): Promise<RunOutcome> {
  const { guildId, tick } = run;
  const messageIds: string[] = [];
  for (let i = 0; i < run.parts.length; i++) {
    const already = run.posted.get(i);
    if (already !== undefined) {
      messageIds.push(already);
      continue;
    }
    if (!renew()) return { status: 'busy', guildId, tick };
    const part = run.parts[i]!;
    const body = { ...part.payload, nonce: partNonce(guildId, tick, i), enforce_nonce: true };
    let leaseLost = false;
    try {
      const { id } = await withRetry(() => ctx.sender.send(channelId, body), {
        ...ctx.retry,
        sleep: ctx.sleep,
        beforeRetry: (attempt, delay, error) => {
          ctx.log.warn(`digest ${guildId} ${tick}: message ${i + 1}/${run.parts.length} failed (${error.message}); retry ${attempt} in ${delay} ms`);
          leaseLost = !renew(delay);
          return !leaseLost;
        },
      });
      recordPart(ctx.db, guildId, tick, i, id, part.itemKeys, new Date(ctx.clock()));
      messageIds.push(id);
    } catch (raw) {
      // Stalled past the lease and another process took the window over: it finishes the job.
      if (leaseLost) return { status: 'busy', guildId, tick };
      const error = raw as Error & { retryable?: boolean };
      const attempts = markFailedAttempt(ctx.db, guildId, tick, error.message);
      ctx.log.warn(`digest ${guildId} ${tick}: giving up for now on message ${i + 1}/${run.parts.length}: ${error.message}`);
      return { status: 'failed', guildId, tick, error: error.message, attempts, retryable: error.retryable ?? true };
    }
  }
  markPosted(ctx.db, guildId, tick, new Date(ctx.clock()));
  ctx.log.info(`digest ${guildId} ${tick}: posted ${messageIds.length} message${messageIds.length === 1 ? '' : 's'} to ${channelId}`);
  return { status: 'posted', guildId, tick, messageIds, resumed, empty: run.parts.every((p) => p.itemKeys.length === 0) };
}

/** The channel a run posts to: the configured one, unless part of it already went elsewhere. */
function runChannel(ctx: Ctx, run: DigestRun, config: DigestConfig): string {
  if (run.posted.size > 0 || run.channelId === config.channelId) return run.channelId;
  setRunChannel(ctx.db, run.guildId, run.tick, config.channelId);
  return config.channelId;
}

/**
 * Does whatever is due for the guild at the clock's now: finishes a pending
 * window, or (when a later tick has come) supersedes it and posts the later
 * one, or composes and posts the window now due. Safe to call at any time.
 */
export async function runDueDigest(deps: DigestDeps, guildId: string): Promise<RunOutcome> {
  const ctx = context(deps);
  const config = getDigestConfig(ctx.db, guildId);
  if (!config || !config.enabled) return { status: 'disabled', guildId };
  const schedule = configSchedule(config);
  const windowState = () => {
    const t = ledgerTicks(ctx.db, guildId);
    return {
      lastTick: t.lastTick === null ? null : Date.parse(t.lastTick),
      lastPostedTick: t.lastPostedTick === null ? null : Date.parse(t.lastPostedTick),
      activeSince: Date.parse(config.activeSince),
      firstStart: t.firstStart === undefined ? undefined : t.firstStart === null ? null : Date.parse(t.firstStart),
    };
  };

  // 1. A window left pending (a failed post, a crash): finish it, unless a later tick is due.
  for (const pending of pendingRuns(ctx.db, guildId)) {
    const later = dueWindow(schedule, windowState(), ctx.clock());
    const result = await underLease(ctx, guildId, pending.tick, async (renew): Promise<RunOutcome | 'next'> => {
      const run = getRun(ctx.db, guildId, pending.tick);
      if (!run || run.status !== 'pending') return 'next';
      if (Date.parse(run.tick) < Date.parse(config.activeSince)) {
        // Composed before the digest was turned off and on again, or rescheduled: too stale to post.
        markSuperseded(ctx.db, guildId, run.tick);
        return 'next';
      }
      if (later !== null && later.tick > Date.parse(run.tick)) {
        markSuperseded(ctx.db, guildId, run.tick);
        ctx.log.warn(`digest ${guildId} ${run.tick}: superseded by the window of ${new Date(later.tick).toISOString()}; its unposted items move there`);
        return 'next';
      }
      return postRun(ctx, run, runChannel(ctx, run, config), renew, true);
    });
    if (result === BUSY) return { status: 'busy', guildId, tick: pending.tick };
    if (result !== 'next') return result;
  }

  // 2. The window due now, if any.
  const now = ctx.clock();
  const due = dueWindow(schedule, windowState(), now);
  if (due === null) return { status: 'not-due', guildId, nextTick: nextTick(schedule, now) };
  const tick = new Date(due.tick).toISOString();
  const result = await underLease(ctx, guildId, tick, async (renew): Promise<RunOutcome> => {
    const existing = getRun(ctx.db, guildId, tick);
    if (existing) {
      if (existing.status !== 'pending') return { status: 'done-already', guildId, tick };
      return postRun(ctx, existing, runChannel(ctx, existing, config), renew, true);
    }
    // Re-read under the lease: another process may have moved the ledger on meanwhile.
    if (pendingRuns(ctx.db, guildId).length > 0) return { status: 'busy', guildId, tick };
    const fresh = dueWindow(schedule, windowState(), now);
    if (fresh === null || fresh.tick !== due.tick) return { status: 'done-already', guildId, tick };
    const start = fresh.start === null ? null : new Date(fresh.start).toISOString();
    const { parts } = buildDigest(ctx.db, {
      scope: guildId,
      tick,
      start,
      timeZone: config.timezone,
      sections: config.sections,
      whenEmpty: config.whenEmpty,
      maxMessages: config.maxMessages,
      synonyms: ctx.synonyms,
      ticksCovered: fresh.ticksCovered,
    });
    insertRun(ctx.db, { guildId, tick, windowStart: start, channelId: config.channelId, parts }, new Date(ctx.clock()));
    if (fresh.ticksCovered > 1) ctx.log.info(`digest ${guildId}: one digest for ${tick} catches up ${fresh.ticksCovered} scheduled ticks`);
    return postRun(ctx, getRun(ctx.db, guildId, tick)!, config.channelId, renew, false);
  });
  return result === BUSY ? { status: 'busy', guildId, tick } : result;
}
