/**
 * npm run start:sharded [-- --shards N] [--spawn-delay MS]: the bot under
 * discord.js's ShardingManager, one process per shard, every shard on the same
 * SQLite index. This process updates the index once (ingestCorpus holds the
 * ingest lease, so a concurrent `npm run ingest` is refused rather than
 * interleaved) before any shard starts; shards never ingest. SIGINT/SIGTERM are
 * passed on to every shard, which shuts down gracefully; then this exits 0.
 */
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import { openIndex, stderrLogger, ingestSettings, updateIndex } from '../app.js';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { isHttpMode } from '../discord/bot.js';
import { stopOnSignals } from '../discord/shutdown.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run start:sharded -- [--shards N] [--spawn-delay MS]';
const SHARD_ENTRY = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? '../discord/shard-entry.ts' : '../discord/shard-entry.js', import.meta.url));
/** Discord allows one IDENTIFY per 5 s per bucket; discord.js waits 5.5 s between shards by default. */
const DEFAULT_SPAWN_DELAY_MS = 5500;

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name}: expected a whole number\n${USAGE}`);
  return n;
}

async function recommendedShardCount(config: Config, token: string): Promise<number> {
  const rest = new REST({ api: config.DISCORD_API_BASE }).setToken(token);
  try {
    const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number };
    return Math.max(1, gateway.shards);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

async function updateIndexOnce(config: Config): Promise<void> {
  const db = openIndex(config.DB_FILE);
  try {
    await updateIndex(db, config.CORPUS_DIR, config.MAX_ARTICLE_BYTES, stderrLogger, ingestSettings(config));
  } finally {
    db.close();
  }
}

/** Stops respawning and asks every shard to shut down gracefully; resolves when all have exited. */
async function stopShards(manager: ShardingManager): Promise<void> {
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(async (shard: Shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }),
  );
}

runMain(async () => {
  const config = loadConfig();
  const token = config.DISCORD_TOKEN;
  if (token === undefined) throw new ConfigError('DISCORD_TOKEN: required for npm run start:sharded');
  if (isHttpMode(config)) throw new ConfigError('INTERACTIONS_PORT: HTTP interactions are not sharded; run npm start instead');
  const { values } = parseCliArgs(process.argv.slice(2), { shards: { type: 'string' }, 'spawn-delay': { type: 'string' } }, USAGE);
  const requestedShards = positiveInteger(values.shards, 'shards');
  const spawnDelay = positiveInteger(values['spawn-delay'], 'spawn-delay') ?? DEFAULT_SPAWN_DELAY_MS;

  // Read-only shards answer from the index as they find it (a snapshot, a replica): the writer ingests.
  if (!config.DB_READONLY) await updateIndexOnce(config);
  const totalShards = requestedShards || (await recommendedShardCount(config, token));
  const manager = new ShardingManager(SHARD_ENTRY, {
    token,
    totalShards,
    mode: 'process',
    // The shard entry is TypeScript when run from source: its processes need tsx too.
    execArgv: SHARD_ENTRY.endsWith('.ts') ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard) => stderrLogger.info(JSON.stringify({ level: 'info', msg: 'shard started', shard: shard.id, of: totalShards })));

  // A signal during spawning is acted on once the shard being started is up, so none is left behind.
  const signalled = new Promise<string>((resolve) => stopOnSignals(resolve));
  try {
    await manager.spawn({ amount: totalShards, delay: spawnDelay });
    await signalled;
  } finally {
    await stopShards(manager);
  }
  return 0;
});
