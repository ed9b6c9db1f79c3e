/**
 * One shard process under `npm run start:sharded`. discord.js's ShardingManager
 * sets SHARDS/SHARD_COUNT in the environment and the Client picks them up. The
 * manager already brought the index up to date (one process ingests, holding
 * the ingest lease), so a shard only opens the shared SQLite file and serves.
 */
import { openIndex, stderrLogger } from '../app.js';
import { loadConfig } from '../config.js';
import { runMain } from '../cli/main.js';
import { runBot } from './bot.js';

runMain(async () => {
  const config = loadConfig();
  const db = openIndex(config.DB_FILE, { readonly: config.DB_READONLY });
  try {
    return await runBot(config, db, stderrLogger);
  } finally {
    if (db.open) db.close();
    // The IPC channel to the manager would keep this process alive after the bot stopped.
    process.disconnect?.();
  }
});
