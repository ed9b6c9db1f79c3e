/**
 * npm run snapshot -- [--db FILE] --out FILE: a consistent copy of the index, taken while an ingest
 * may be writing it (SQLite's online backup), published atomically at FILE for answer hosts that
 * open it with DB_READONLY=1. Run it on the writer, e.g. after each ingest.
 */
import { loadConfig } from '../config.js';
import { openIndex } from '../app.js';
import { formatBytes } from '../corpus/files.js';
import { SnapshotError, snapshotIndex } from '../index/snapshot.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run snapshot -- [--db FILE] --out FILE';

runMain(async () => {
  const config = loadConfig();
  const { values } = parseCliArgs(process.argv.slice(2), { db: { type: 'string' }, out: { type: 'string' } }, USAGE);
  if (values.out === undefined) throw new UsageError(`--out: name the snapshot file\n${USAGE}`);
  // Read-only: taking a copy never migrates or writes the index it copies.
  const db = openIndex(values.db ?? config.DB_FILE, { readonly: true });
  try {
    const s = await snapshotIndex(db, values.out);
    process.stdout.write(`snapshot: ${db.name} → ${s.file} (${formatBytes(s.bytes)}, schema ${s.schemaVersion}, ${s.articles} articles) in ${s.seconds.toFixed(2)} s\n`);
    return 0;
  } catch (error) {
    if (error instanceof SnapshotError) throw new UsageError(error.message);
    throw error;
  } finally {
    db.close();
  }
});
