/**
 * npm start: update the index from the corpus, then serve. With DISCORD_TOKEN
 * the Discord bot; without it, slash commands read from standard input.
 */
import { loadConfig } from '../config.js';
import { answerContext, openIndex, stderrLogger, ingestSettings, updateIndex } from '../app.js';
import { runMain } from './main.js';
import { runRepl } from './repl.js';

runMain(async () => {
  const config = loadConfig();
  const db = openIndex(config.DB_FILE, { readonly: config.DB_READONLY });
  try {
    // An answer process (DB_READONLY=1) serves the index as it finds it: the writer ingests.
    if (!config.DB_READONLY) await updateIndex(db, config.CORPUS_DIR, config.MAX_ARTICLE_BYTES, stderrLogger, ingestSettings(config));
    if (config.DISCORD_TOKEN === undefined && config.INTERACTIONS_PORT === undefined) {
      stderrLogger.info('No DISCORD_TOKEN set: answering commands from standard input.');
      await runRepl(answerContext(db, config), process.stdin, process.stdout, process.stdin.isTTY === true);
      return 0;
    }
    const { runBot } = await import('../discord/bot.js');
    return await runBot(config, db, stderrLogger);
  } finally {
    if (db.open) db.close();
  }
});
