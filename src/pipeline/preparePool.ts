/**
 * Preparing files (prepare.ts) on several threads while the caller writes:
 * parsing and extraction are most of an ingest's work, and the index has one
 * writer, so the writer should never wait for them. Results come back in the
 * order of the jobs, whichever thread finished first, so an ingest writes the
 * same index however many threads prepared it.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread } from '../threads.js';
import { prepareFile, type PrepareJob, type PrepareResult } from './prepare.js';

export type PrepareReply = { index: number; result: PrepareResult } | { index: number; error: string };

/**
 * Jobs each thread holds at once. The writer hands out new jobs only between its batch
 * transactions (≈ 0.3 s each), so a thread needs that long's worth of work in hand; 16 left the
 * preparing threads idle 28 % of the time. The bound keeps finished articles waiting for the
 * writer to a few megabytes.
 */
const JOBS_PER_THREAD = 256;
/**
 * Below this many files, starting threads costs more than it saves: each compiles the sources
 * under tsx and warms its JIT from cold (≈ 0.8 s). Measured on 2 cores: 2,000 files 2.7 s on the
 * writing thread vs 3.0 s with two preparing threads; 5,000 files 6.7 vs 5.5 s; 10,000 14.3 vs 9.5 s.
 */
export const MIN_FILES_FOR_THREADS = 3000;

/**
 * Threads to prepare `files` files with: one per core (the writer mostly waits
 * on them), none on a single core or for a few files.
 */
export function preparingThreads(files: number, cores = availableParallelism()): number {
  if (files < MIN_FILES_FOR_THREADS || cores < 2) return 0;
  return Math.min(cores, 4);
}

/**
 * Files at least this large are prepared on a thread of their own, stopped after the time limit:
 * preparing is linear in a file's size (about 1–15 s per MB, depending on how much attribution
 * its text holds), so a smaller file cannot hold the ingest up for long, and a larger one that
 * does is skipped with a reason instead of stalling the whole ingest.
 */
export const GUARDED_BYTES = 256 * 1024;
/** Default time limit for preparing one guarded file (PREPARE_TIMEOUT_SECONDS). */
export const DEFAULT_PREPARE_TIMEOUT_MS = 60_000;

/** Prepares one file on a new thread, which is stopped (and the file skipped) after `timeoutMs`. */
export function prepareGuarded(job: PrepareJob, timeoutMs: number): Promise<PrepareResult> {
  return new Promise((resolve, reject) => {
    const worker = startThread('./prepareWorker', import.meta.url, null);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      settle();
    };
    const timer = setTimeout(() => finish(() => resolve({ ok: false, reason: `not prepared within the ${timeoutMs / 1000} s limit (PREPARE_TIMEOUT_SECONDS); skipped` })), timeoutMs);
    worker.on('message', (reply: PrepareReply) =>
      finish(() => ('error' in reply ? reject(new Error(`preparing ${job.file} failed: ${reply.error}`)) : resolve(reply.result))),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.postMessage({ index: 0, job });
  });
}

/** Each job's result, in job order; with `threads` = 0, prepared on the calling thread (large files on their own, under `timeoutMs`). */
export async function* prepareInOrder(jobs: PrepareJob[], threads: number, timeoutMs = DEFAULT_PREPARE_TIMEOUT_MS): AsyncGenerator<PrepareResult> {
  if (threads <= 0) {
    for (const job of jobs) yield job.bytes >= GUARDED_BYTES ? await prepareGuarded(job, timeoutMs) : prepareFile(job);
    return;
  }
  const pool = new PreparePool(jobs, threads, timeoutMs);
  try {
    for (let i = 0; i < jobs.length; i++) yield await pool.result(i);
  } finally {
    await pool.close();
  }
}

class PreparePool {
  private readonly workers: Worker[];
  private readonly done = new Map<number, PrepareReply>();
  private next = 0;
  private waiting: { index: number; resolve: (r: PrepareResult) => void; reject: (e: Error) => void } | null = null;
  private failure: Error | null = null;
  /** Guarded preparations run one after another: a corpus of large files never starts a thread for each at once. */
  private guarded: Promise<void> = Promise.resolve();

  constructor(
    private readonly jobs: PrepareJob[],
    threads: number,
    private readonly timeoutMs: number,
  ) {
    this.workers = Array.from({ length: threads }, () => this.start());
    for (const worker of this.workers) for (let k = 0; k < JOBS_PER_THREAD; k++) this.send(worker);
  }

  private start(): Worker {
    const worker = startThread('./prepareWorker', import.meta.url, null);
    worker.on('message', (reply: PrepareReply) => {
      this.done.set(reply.index, reply);
      this.send(worker);
      this.settle();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', (code) => {
      if (code !== 0) this.fail(new Error(`a preparing thread exited with code ${code}`));
    });
    return worker;
  }

  /** Gives `worker` its next job; large files go, one at a time, to a guarded thread of their own instead. */
  private send(worker: Worker): void {
    while (this.next < this.jobs.length) {
      const index = this.next++;
      const job = this.jobs[index]!;
      if (job.bytes < GUARDED_BYTES) {
        worker.postMessage({ index, job });
        return;
      }
      this.guarded = this.guarded.then(() =>
        prepareGuarded(job, this.timeoutMs).then(
          (result) => {
            this.done.set(index, { index, result });
            this.settle();
          },
          (error: Error) => this.fail(error),
        ),
      );
    }
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.settle();
  }

  private settle(): void {
    const waiting = this.waiting;
    if (!waiting) return;
    const reply = this.done.get(waiting.index);
    if (reply) {
      this.waiting = null;
      this.done.delete(waiting.index);
      if ('error' in reply) waiting.reject(new Error(`preparing ${this.jobs[waiting.index]!.file} failed: ${reply.error}`));
      else waiting.resolve(reply.result);
    } else if (this.failure) {
      this.waiting = null;
      waiting.reject(this.failure);
    }
  }

  result(index: number): Promise<PrepareResult> {
    return new Promise((resolve, reject) => {
      this.waiting = { index, resolve, reject };
      this.settle();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
