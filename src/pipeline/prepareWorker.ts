/** A preparing thread (see preparePool.ts): prepares each file it is sent and posts the result back. */
import { parentPort } from 'node:worker_threads';
import { prepareFile, type PrepareJob } from './prepare.js';
import type { PrepareReply } from './preparePool.js';

const port = parentPort!;
// The pool terminates the thread when the ingest is done with it.
port.on('message', (message: { index: number; job: PrepareJob }) => {
  let reply: PrepareReply;
  try {
    reply = { index: message.index, result: prepareFile(message.job) };
  } catch (error) {
    reply = { index: message.index, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
});
