/**
 * A process that holds the index open and answers, as the bot does, so its
 * peak RSS is not polluted by the generator or the ingest:
 *   tsx src/bench/answerer.ts --db FILE --terms '[{"command":"claims","query":"troops"}, …]' [--reps N]
 * Prints one JSON line: peak RSS (process.resourceUsage().maxRSS), heap, and
 * the latencies it saw.
 */
import { parseArgs } from 'node:util';
import { answerContext, ask, openIndex } from '../app.js';
import type { AskRequest } from '../answers/types.js';
import { stats } from './measure.js';

const { values } = parseArgs({
  options: { db: { type: 'string' }, terms: { type: 'string' }, reps: { type: 'string' } },
  strict: true,
});
if (values.db === undefined || values.terms === undefined) {
  process.stderr.write('usage: tsx src/bench/answerer.ts --db FILE --terms JSON [--reps N]\n');
  process.exit(2);
}
const requests = JSON.parse(values.terms) as AskRequest[];
const reps = Math.max(1, Number(values.reps ?? 3));
const rssAtStart = process.memoryUsage().rss;
const db = openIndex(values.db);
const ctx = answerContext(db, {});
const latencies: number[] = [];
for (let rep = 0; rep < reps; rep++) {
  for (const request of requests) {
    const started = performance.now();
    ask(ctx, request);
    latencies.push(performance.now() - started);
  }
}
const usage = process.resourceUsage();
const memory = process.memoryUsage();
db.close();
process.stdout.write(
  `${JSON.stringify({
    maxRssMb: usage.maxRSS / 1024,
    rssAtStartMb: rssAtStart / 1024 / 1024,
    heapUsedMb: memory.heapUsed / 1024 / 1024,
    answered: latencies.length,
    latency: stats(latencies),
  })}\n`,
);
