/**
 * A lookup thread (see lookups.ts): its own connection to the index, answering
 * one job at a time with the same `ask` the terminal uses.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { answerContext, askPayload } from '../app.js';
import { openDatabase } from '../index/database.js';
import { WORKER_READY, type LookupJob, type LookupResult } from './lookups.js';

const { dbFile, synonymsFile, readonly } = workerData as { dbFile: string; synonymsFile: string | undefined; readonly: boolean };
const port = parentPort!;
// The main thread already migrated the file; a worker only reads (and saves long paging queries, unless read-only).
const db = openDatabase(dbFile, { migrate: false, readonly });
const ctx = answerContext(db, { SYNONYMS_FILE: synonymsFile });
port.postMessage(WORKER_READY);

port.on('message', (message: LookupJob | 'close') => {
  if (message === 'close') {
    db.close();
    port.close();
    return;
  }
  port.postMessage(answer(message));
});

function answer(job: LookupJob): LookupResult {
  try {
    return { id: job.id, payload: askPayload(ctx, job.request, job.options) };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    return { id: job.id, error: { message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
}
