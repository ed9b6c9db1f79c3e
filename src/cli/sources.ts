/** npm run sources -- [--db FILE] add|list|remove|poll [URL]: the feeds and pages the bot polls. */
import { assertWritable, loadConfig } from '../config.js';
import { openIndex, updateDerived, stderrLogger } from '../app.js';
import { listSources } from '../index/sources.js';
import { fetchSettingsFrom } from '../pipeline/live.js';
import { pollDue, pollSource } from '../pipeline/poll.js';
import { addPolledSource, removePolledSource } from '../pipeline/sources.js';
import { parseAllowList } from '../sources/addresses.js';
import { formatSourceList } from '../render/sources.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run sources -- [--db FILE] add URL [--every MINUTES] | list | remove URL | poll [URL]';

runMain(async () => {
  const config = loadConfig();
  const { values, positionals } = parseCliArgs(process.argv.slice(2), { db: { type: 'string' }, every: { type: 'string' } }, USAGE);
  const [verb, url, ...rest] = positionals;
  if (rest.length > 0 || !['add', 'list', 'remove', 'poll'].includes(verb ?? '') || ((verb === 'add' || verb === 'remove') && url === undefined)) throw new UsageError(USAGE);
  if (verb !== 'list') assertWritable(config, `npm run sources -- ${verb}`);
  const db = openIndex(values.db ?? config.DB_FILE, { readonly: config.DB_READONLY });
  try {
    const now = new Date();
    if (verb === 'list') {
      process.stdout.write(`${formatSourceList(listSources(db), now)}\n`);
      return 0;
    }
    if (verb === 'add' || verb === 'remove') {
      const every = values.every === undefined ? config.SOURCE_POLL_MINUTES : Number(values.every);
      if (!Number.isInteger(every) || every < 1 || every > 1440) throw new UsageError(`--every: expected a whole number of minutes 1–1440, got "${values.every}"\n${USAGE}`);
      const change = verb === 'add'
        ? addPolledSource(db, url!, { allow: parseAllowList(config.FETCH_ALLOW_HOSTS), intervalMinutes: every, addedBy: 'cli', now })
        : removePolledSource(db, url!);
      process.stdout.write(`${change.message}\n`);
      return change.ok ? 0 : 1;
    }
    // poll: the named source now, or every source that is due.
    const deps = { db, settings: fetchSettingsFrom(config), log: stderrLogger, afterWrites: updateDerived };
    const target = url === undefined ? null : listSources(db).find((s) => s.url === url || String(s.id) === url);
    if (url !== undefined && !target) throw new UsageError(`no source ${url}; npm run sources -- list shows them`);
    const reports = target ? [await pollSource(deps, target)] : await pollDue(deps);
    if (target && reports[0]!.added > 0) updateDerived(db);
    for (const r of reports) process.stdout.write(`${r.url}: ${r.status}${r.error ? ` (${r.error})` : ''}, ${r.added} added${r.failedItems > 0 ? `, ${r.failedItems} items failed (retried with backoff)` : ''}\n`);
    if (reports.length === 0) process.stdout.write('No source is due.\n');
    return reports.some((r) => r.status === 'failed') ? 1 : 0;
  } finally {
    db.close();
  }
});
