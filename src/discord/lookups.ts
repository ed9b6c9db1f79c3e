/**
 * Where lookups run. better-sqlite3 is synchronous: a lookup on the main
 * thread blocks the event loop, and with it the gateway heartbeat and the
 * timer that would defer a slow answer in time. So lookups run in a small pool
 * of worker threads, each with its own connection to the same SQLite file (WAL
 * lets them read while an ingest writes); the main thread stays free to
 * acknowledge within Discord's 3 s whatever a lookup costs.
 *
 * The inline runner does the same work on the calling thread: for an in-memory
 * index (a worker cannot share it) and for callers that want no threads.
 */
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads.js';
import { askPayload } from '../app.js';
import type { AnswerContext } from '../answers/index.js';
import type { AskRequest } from '../answers/types.js';
import type { MessagePayload } from '../render/discord.js';

export interface LookupOptions {
  page?: number;
  ephemeral?: boolean;
}

export interface LookupRunner {
  /** The Discord payload for one page of the answer: exactly what `ask(...).payload` gives. */
  ask(request: AskRequest, options?: LookupOptions): Promise<MessagePayload>;
  /** Resolves once lookups can be answered without a start-up delay (workers loaded, index open). */
  ready?(): Promise<void>;
  /** Finishes queued lookups' workers and closes their database connections. */
  close(): Promise<void>;
}

export function inlineLookups(ctx: AnswerContext): LookupRunner {
  return {
    ask: async (request, options = {}) => askPayload(ctx, request, options),
    close: async () => {},
  };
}

export interface WorkerPoolOptions {
  dbFile: string;
  synonymsFile?: string | undefined;
  /** Open the index read-only in every worker (DB_READONLY=1). */
  readonly?: boolean;
  size?: number;
  /** A lookup running longer is abandoned (its worker restarted) and reported as failed. */
  timeoutMs?: number;
}

export interface LookupJob {
  id: number;
  request: AskRequest;
  options: LookupOptions;
}

export type LookupResult = { id: number; payload: MessagePayload } | { id: number; error: { message: string; stack?: string } };

/** What a worker says once its index is open. */
export const WORKER_READY = 'ready';

interface Pending {
  resolve(payload: MessagePayload): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/** One worker thread and the lookups it has been given. */
class LookupWorker {
  readonly pending = new Map<number, Pending>();
  readonly worker: Worker;
  alive = true;
  readonly ready: Promise<void>;
  readonly exited: Promise<void>;

  constructor(options: WorkerPoolOptions) {
    this.worker = startThread('./lookupWorker', import.meta.url, { dbFile: options.dbFile, synonymsFile: options.synonymsFile, readonly: options.readonly ?? false });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`lookup worker exited before it was ready (code ${code})`)));
      this.worker.once('message', () => resolve());
    });
    this.ready.catch(() => {}); // reported by whoever awaits it; lookups fail on their own
    this.worker.on('message', (result: LookupResult | typeof WORKER_READY) => {
      if (result !== WORKER_READY) this.#settle(result);
    });
    this.worker.on('error', (error) => this.#failAll(error));
    this.exited = new Promise((resolve) =>
      this.worker.once('exit', (code) => {
        this.#failAll(new Error(`lookup worker exited (code ${code})`));
        resolve();
      }),
    );
  }

  run(job: LookupJob, timeoutMs: number, onTimeout: () => void): Promise<MessagePayload> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(job.id);
        reject(new Error(`lookup took longer than ${timeoutMs} ms`));
        onTimeout();
      }, timeoutMs);
      this.pending.set(job.id, { resolve, reject, timer });
      this.worker.postMessage(job);
    });
  }

  #settle(result: LookupResult): void {
    const pending = this.pending.get(result.id);
    if (!pending) return;
    this.pending.delete(result.id);
    clearTimeout(pending.timer);
    if ('payload' in result) pending.resolve(result.payload);
    else pending.reject(Object.assign(new Error(result.error.message), { stack: result.error.stack }));
  }

  #failAll(error: Error): void {
    this.alive = false;
    for (const [id, pending] of this.pending) {
      clearTimeout(pending.timer);
      pending.reject(error);
      this.pending.delete(id);
    }
  }

  /** Asks the worker to close its database and exit; forces it after a grace period. */
  async close(graceMs = 2000): Promise<void> {
    if (this.alive) this.worker.postMessage('close');
    const forced = setTimeout(() => void this.worker.terminate(), graceMs);
    await this.exited;
    clearTimeout(forced);
  }
}

export function workerLookups(options: WorkerPoolOptions): LookupRunner {
  const size = Math.max(1, options.size ?? 2);
  const timeoutMs = options.timeoutMs ?? 60_000;
  const workers: LookupWorker[] = Array.from({ length: size }, () => new LookupWorker(options));
  let nextId = 1;
  let closed = false;

  const pick = (): LookupWorker => {
    workers.forEach((w, i) => {
      if (!w.alive) workers[i] = new LookupWorker(options);
    });
    return workers.reduce((best, w) => (w.pending.size < best.pending.size ? w : best));
  };

  return {
    ask(request, lookupOptions = {}) {
      if (closed) return Promise.reject(new Error('lookups are closed'));
      const worker = pick();
      // A worker stuck in one lookup cannot be interrupted: restart it.
      return worker.run({ id: nextId++, request, options: lookupOptions }, timeoutMs, () => void worker.worker.terminate());
    },
    async ready() {
      await Promise.all(workers.map((w) => w.ready));
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
