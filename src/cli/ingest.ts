/** npm run ingest -- [--corpus DIR] [--db FILE] [--allow-removals]: bring the index up to date with the corpus. */
import { assertWritable, loadConfig } from '../config.js';
import { ingestSettings, openIndex, stderrLogger, updateIndex } from '../app.js';
import { parseCliArgs } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run ingest -- [--corpus DIR] [--db FILE] [--allow-removals]';

runMain(async () => {
  const config = loadConfig();
  const { values } = parseCliArgs(process.argv.slice(2), { corpus: { type: 'string' }, db: { type: 'string' }, 'allow-removals': { type: 'boolean' } }, USAGE);
  assertWritable(config, 'npm run ingest');
  const db = openIndex(values.db ?? config.DB_FILE);
  try {
    const summary = await updateIndex(db, values.corpus ?? config.CORPUS_DIR, config.MAX_ARTICLE_BYTES, stderrLogger, ingestSettings(config, values['allow-removals'] ?? false));
    return summary.read === 0 ? 1 : 0;
  } finally {
    db.close();
  }
});
