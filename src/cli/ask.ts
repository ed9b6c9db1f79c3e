/**
 * npm run ask -- [--db FILE] [--json] [--page N] "/claims troops"
 * Plain text by default; --json prints the Discord message payload the bot would send.
 */
import { loadConfig } from '../config.js';
import { answerContext, askLine, openForAnswering } from '../app.js';
import { parseCliArgs } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run ask -- [--db FILE] [--json] [--page N] "/claims troops"';

runMain(async () => {
  const config = loadConfig();
  const { values, positionals } = parseCliArgs(
    process.argv.slice(2),
    { db: { type: 'string' }, json: { type: 'boolean' }, page: { type: 'string' } },
    USAGE,
  );
  const db = await openForAnswering(values.db ?? config.DB_FILE, config);
  try {
    const page = Math.max(1, Number(values.page ?? 1) || 1) - 1;
    const result = askLine(answerContext(db, config), positionals.join(' '), { page });
    if ('usage' in result) {
      process.stdout.write(`${result.usage}\n`);
      return 0;
    }
    process.stdout.write(values.json ? `${JSON.stringify(result.payload, null, 2)}\n` : result.text);
    return 0;
  } finally {
    db.close();
  }
});
