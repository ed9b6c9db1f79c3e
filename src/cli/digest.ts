/**
 * npm run digest -- [--db FILE] [--since ISO] [--json] [--record] [--guild ID]
 * The digest the scheduler would post, built from the terminal: text by default,
 * --json for the channel message payloads, --record to mark its items as posted.
 */
import { assertWritable, loadConfig } from '../config.js';
import { openForAnswering } from '../app.js';
import { DEFAULT_SYNONYMS_FILE, loadSynonyms } from '../index/synonyms.js';
import { DIGEST_USAGE, DigestUsageError, terminalDigest } from '../digest/terminal.js';
import { ScheduleError } from '../digest/schedule.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

runMain(async () => {
  const config = loadConfig();
  const { values } = parseCliArgs(
    process.argv.slice(2),
    { db: { type: 'string' }, since: { type: 'string' }, json: { type: 'boolean' }, record: { type: 'boolean' }, guild: { type: 'string' } },
    DIGEST_USAGE,
  );
  // The digest ledger lives in the index: digests are recorded (and posted) only where the index is written.
  if (values.record) assertWritable(config, 'npm run digest -- --record');
  const db = await openForAnswering(values.db ?? config.DB_FILE, config);
  try {
    const out = terminalDigest(db, {
      since: values.since,
      json: values.json,
      record: values.record,
      guild: values.guild,
      timeZone: config.DIGEST_DEFAULT_TIMEZONE,
      synonyms: loadSynonyms(config.SYNONYMS_FILE ?? DEFAULT_SYNONYMS_FILE),
    });
    process.stdout.write(out);
    return 0;
  } catch (error) {
    if (error instanceof DigestUsageError || error instanceof ScheduleError) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
});
