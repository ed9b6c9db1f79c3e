/**
 * npm run ingest -- [--corpus DIR] [--db FILE] [--allow-removals] [--changed FILE]...: bring the index up to date
 * with the corpus; with --changed, with those files of it only (added, edited or deleted), without scanning the folder.
 */
import { assertWritable, loadConfig } from '../config.js';
import { ingestSettings, openIndex, stderrLogger, updateIndex } from '../app.js';
import { parseCliArgs } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run ingest -- [--corpus DIR] [--db FILE] [--allow-removals] [--changed FILE]...';

runMain(async () => {
  const config = loadConfig();
  const { values } = parseCliArgs(process.argv.slice(2), { corpus: { type: 'string' }, db: { type: 'string' }, 'allow-removals': { type: 'boolean' }, changed: { type: 'string', multiple: true } }, USAGE);
  assertWritable(config, 'npm run ingest');
  const db = openIndex(values.db ?? config.DB_FILE);
  try {
    const summary = await updateIndex(db, values.corpus ?? config.CORPUS_DIR, config.MAX_ARTICLE_BYTES, stderrLogger, { ...ingestSettings(config, values['allow-removals'] ?? false), ...(values.changed ? { changed: values.changed } : {}) });
    // An empty corpus folder is an error; a list of changed files that were all deleted is not.
    return summary.read === 0 && values.changed === undefined ? 1 : 0;
  } finally {
    db.close();
  }
});
