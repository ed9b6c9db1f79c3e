/** npm run export -- [--db FILE] --format jsonl|csv|claimreview : every statement, to standard output. */
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { openDatabase } from '../index/database.js';
import { csvHeader, csvLine, toClaimReview, toExportRecord } from '../answers/export.js';
import { iterateExportRows } from '../index/statements.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run export -- [--db FILE] --format jsonl|csv|claimreview';
const Format = z.enum(['jsonl', 'csv', 'claimreview']);

runMain(() => {
  const config = loadConfig();
  const { values } = parseCliArgs(process.argv.slice(2), { db: { type: 'string' }, format: { type: 'string' } }, USAGE);
  const format = Format.safeParse(values.format);
  if (!format.success) throw new UsageError(`--format: expected jsonl, csv or claimreview\n${USAGE}`);
  // Read-only: a mistyped --db must not create an empty index and export nothing with exit 0.
  const db = openDatabase(values.db ?? config.DB_FILE, { readonly: true });
  const out = (line: string) => process.stdout.write(`${line}\n`);
  try {
    const rows = iterateExportRows(db);
    if (format.data === 'jsonl') for (const row of rows) out(JSON.stringify(toExportRecord(row)));
    if (format.data === 'csv') {
      out(csvHeader());
      for (const row of rows) out(csvLine(toExportRecord(row)));
    }
    if (format.data === 'claimreview') out(JSON.stringify([...rows].map(toClaimReview), null, 2));
    return 0;
  } finally {
    db.close();
  }
});
