/**
 * The thin shell around the runner: one node-cron task per enabled guild, in
 * the guild's time zone, whose tick asks the runner what is due. At start each
 * guild is asked once (catch-up: missed ticks collapse into one digest), a
 * failed post is asked again later with backoff, and a window another process
 * holds is looked at again once that lease could have expired.
 *
 * Every trigger is idempotent (the runner decides from the ledger), so a
 * duplicate trigger costs a read, never a post. Triggers for one guild are
 * serialised in-process; across processes the lease does that.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DigestConfig } from './config.js';
import { backoffDelay } from './poster.js';
import { DEFAULT_LEASE_TTL_MS, runDueDigest, type DigestDeps, type DigestLogger, type RunOutcome } from './runner.js';
import { enabledDigestConfigs, getDigestConfig } from './store.js';

export interface SchedulerOptions extends Omit<DigestDeps, 'holder'> {
  holder?: string;
  /** Timers for retries and lease re-checks (injectable for tests). */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Backoff between attempts to finish a failed window (the runner's own retries happen inside each attempt). */
  failedRetryBaseMs?: number;
  failedRetryMaxMs?: number;
  /** How often to re-read the configurations (changes made by another process), ms; 0 turns it off. */
  syncIntervalMs?: number;
  /** How late node-cron may fire a tick and still run it (the runner catches up anything later anyway). */
  missedToleranceMs?: number;
}

interface GuildTask {
  key: string;
  task: ScheduledTask;
}

function abortableSleep(signal: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise((resolve, reject) => {
      if (signal.aborted) return reject(new Error('the digest scheduler is stopping'));
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(new Error('the digest scheduler is stopping'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    });
}

function taskKey(config: Pick<DigestConfig, 'schedule' | 'timezone'>): string {
  return `${config.schedule} @ ${config.timezone}`;
}

export function defaultHolder(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

export class DigestScheduler {
  readonly holder: string;
  private readonly deps: DigestDeps;
  private readonly log: DigestLogger;
  private readonly tasks = new Map<string, GuildTask>();
  private readonly timers = new Map<string, unknown>();
  private readonly chains = new Map<string, Promise<RunOutcome | null>>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private running = false;
  private syncTimer: unknown;

  private readonly stopping = new AbortController();

  constructor(private readonly options: SchedulerOptions) {
    this.holder = options.holder ?? defaultHolder();
    // Waits between retries end at once when the scheduler stops: the window stays pending and is resumed at the next start.
    this.deps = { ...options, holder: this.holder, sleep: options.sleep ?? abortableSleep(this.stopping.signal) };
    this.log = options.log ?? { info: () => {}, warn: () => {} };
  }

  /** Schedules every enabled guild and catches up once on anything missed while the bot was down. */
  async start(): Promise<RunOutcome[]> {
    if (this.running) return [];
    this.running = true;
    const outcomes = await this.sync(true);
    this.log.info(`digest scheduler: ${this.tasks.size} guild${this.tasks.size === 1 ? '' : 's'} scheduled`);
    this.armSync();
    return outcomes;
  }

  /**
   * Brings the tasks in line with the stored configurations (another process
   * may have changed them): new or changed schedules are (re)scheduled and asked
   * what is due; guilds turned off lose their task. With `all`, every guild is asked.
   */
  async sync(all = false): Promise<RunOutcome[]> {
    if (!this.running) return [];
    const configs = enabledDigestConfigs(this.options.db, (error) => this.log.warn(error.message));
    const wanted = new Set(configs.map((c) => c.guildId));
    for (const guildId of [...this.tasks.keys()]) if (!wanted.has(guildId)) this.unschedule(guildId);
    const toTrigger: string[] = [];
    for (const config of configs) {
      const existing = this.tasks.get(config.guildId);
      if (existing?.key !== taskKey(config)) {
        this.unschedule(config.guildId);
        this.schedule(config);
        toTrigger.push(config.guildId);
      } else if (all) toTrigger.push(config.guildId);
    }
    const outcomes = await Promise.all(toTrigger.map((g) => this.trigger(g)));
    return outcomes.filter((o): o is RunOutcome => o !== null);
  }

  /** After `/digest set` or `/digest off` in this process: picks up the change now rather than at the next sync. */
  async reload(guildId: string): Promise<RunOutcome | null> {
    if (!this.running) return null;
    await this.sync();
    const config = getDigestConfig(this.options.db, guildId);
    if (!config || !config.enabled) return null;
    return this.trigger(guildId);
  }

  /** Stops every task and timer, and waits for posts under way to finish. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopping.abort();
    for (const guildId of [...this.tasks.keys()]) this.unschedule(guildId);
    for (const handle of this.timers.values()) this.clear(handle);
    this.timers.clear();
    if (this.syncTimer !== undefined) this.clear(this.syncTimer);
    this.syncTimer = undefined;
    await Promise.allSettled([...this.inFlight]);
  }

  /** The guilds with a task, and each task's cron expression and zone. */
  scheduled(): { guildId: string; key: string }[] {
    return [...this.tasks].map(([guildId, t]) => ({ guildId, key: t.key }));
  }

  /** Asks the runner what is due for the guild now (serialised per guild). */
  trigger(guildId: string): Promise<RunOutcome | null> {
    if (!this.running) return Promise.resolve(null);
    const previous = this.chains.get(guildId) ?? Promise.resolve(null);
    const next = previous
      .catch(() => null)
      .then(async () => {
        if (!this.running) return null;
        const outcome = await runDueDigest(this.deps, guildId);
        this.afterRun(outcome);
        return outcome;
      })
      .catch((error: unknown) => {
        this.log.warn(`digest ${guildId}: ${(error as Error).stack ?? String(error)}`);
        return null;
      });
    this.chains.set(guildId, next);
    this.inFlight.add(next);
    void next.finally(() => {
      this.inFlight.delete(next);
      if (this.chains.get(guildId) === next) this.chains.delete(guildId);
    });
    return next;
  }

  private armSync(): void {
    const every = this.options.syncIntervalMs ?? 5 * 60_000;
    if (every <= 0 || !this.running) return;
    const set = this.options.setTimer ?? ((fn: () => void, delay: number) => setTimeout(fn, delay).unref());
    this.syncTimer = set(() => {
      this.syncTimer = undefined;
      void this.sync()
        .catch((error: unknown) => this.log.warn(`digest sync: ${(error as Error).message}`))
        .finally(() => this.armSync());
    }, every);
  }

  private schedule(config: DigestConfig): void {
    const key = taskKey(config);
    const task = cron.createTask(config.schedule, () => void this.trigger(config.guildId), {
      timezone: config.timezone,
      name: `digest:${config.guildId}`,
      missedExecutionTolerance: this.options.missedToleranceMs ?? 5 * 60_000,
      // A tick node-cron could not run in time: the runner catches it up.
      suppressMissedWarning: true,
    });
    task.on('execution:missed', () => void this.trigger(config.guildId));
    void task.start();
    this.tasks.set(config.guildId, { key, task });
  }

  private unschedule(guildId: string): void {
    const t = this.tasks.get(guildId);
    if (t) void t.task.destroy();
    this.tasks.delete(guildId);
    const timer = this.timers.get(guildId);
    if (timer !== undefined) this.clear(timer);
    this.timers.delete(guildId);
  }

  private afterRun(outcome: RunOutcome): void {
    const { guildId } = outcome;
    if (outcome.status === 'failed') {
      const delay = backoffDelay(outcome.attempts, {
        baseDelayMs: this.options.failedRetryBaseMs ?? 60_000,
        maxDelayMs: this.options.failedRetryMaxMs ?? 30 * 60_000,
      });
      this.log.warn(`digest ${guildId} ${outcome.tick}: will try again in ${Math.round(delay / 1000)} s`);
      this.later(guildId, delay);
    } else if (outcome.status === 'busy') {
      // Another process holds the window; look again once its lease could have lapsed.
      this.later(guildId, (this.options.leaseTtlMs ?? DEFAULT_LEASE_TTL_MS) + 1_000);
    }
  }

  private later(guildId: string, ms: number): void {
    if (!this.running) return;
    const existing = this.timers.get(guildId);
    if (existing !== undefined) this.clear(existing);
    const set = this.options.setTimer ?? ((fn: () => void, delay: number) => setTimeout(fn, delay).unref());
    this.timers.set(
      guildId,
      set(() => {
        this.timers.delete(guildId);
        void this.trigger(guildId);
      }, ms),
    );
  }

  private clear(handle: unknown): void {
    (this.options.clearTimer ?? ((h: unknown) => clearTimeout(h as NodeJS.Timeout)))(handle);
  }
}
