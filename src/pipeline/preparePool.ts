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

/** Each job's result, in job order; with `threads` = 0, prepared on the calling thread. */
export async function* prepareInOrder(jobs: PrepareJob[], threads: number): AsyncGenerator<PrepareResult> {
  if (threads <= 0) {
    for (const job of jobs) yield prepareFile(job);
    return;
  }
  const pool = new PreparePool(jobs, threads);
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

  constructor(
    private readonly jobs: PrepareJob[],
    threads: number,
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

  private send(worker: Worker): void {
    if (this.next >= this.jobs.length) return;
    const index = this.next++;
    worker.postMessage({ index, job: this.jobs[index] });
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
