/**
 * Time from INTERACTION_CREATE to the reply's arrival, through the local
 * Discord stand-in (test/standin: REST + gateway on 127.0.0.1) and the real
 * bot (src/discord createBot, its default lookup workers, the commands/
 * modules), on the benchmark's index. Timed per command from just before the
 * stand-in dispatches INTERACTION_CREATE to the moment it holds the final
 * visible reply (an immediate reply, or the edit that fulfils a deferral).
 *
 * Everything is imported lazily: when the stand-in or the bot is missing or
 * fails to start, the result says "not measured: …" instead of failing the run.
 */
import { LOOKUPS } from '../answers/index.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AskRequest } from '../answers/types.js';
import { percentile } from './measure.js';
import { REPO_ROOT } from './paths.js';

export interface DiscordResult {
  p50: number | null;
  p99: number | null;
  /** Why it was not measured, or how it was. */
  note: string | null;
  samples?: number;
}

export interface DiscordOptions {
  dbFile: string;
  queries: AskRequest[];
  reps: number;
  /** Give up after this long overall. */
  budgetMs?: number;
}

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.bench-stand-in-token-0123456789';
const APPLICATION_ID = '123456789012345678';
const BOT_USER_ID = '123456789012345679';
const GUILD_ID = '300000000000000001';
const CHANNEL_ID = '300000000000000002';

/** Each lookup's text option, from the registry. */
const OPTION: Record<string, string> = Object.fromEntries(LOOKUPS.flatMap((l) => (l.option ? [[l.name, l.option.name]] : [])));

function notMeasured(why: string): DiscordResult {
  return { p50: null, p99: null, note: `discord not measured: ${why}` };
}

export async function measureDiscord(options: DiscordOptions): Promise<DiscordResult> {
  const needed = ['test/standin/index.ts', 'test/standin/client.ts', 'src/discord/bot.ts', 'src/discord/deploy.ts', 'src/discord/loader.ts'];
  const missing = needed.filter((f) => !existsSync(join(REPO_ROOT, f)));
  if (missing.length > 0) return notMeasured(`missing ${missing.join(', ')}`);

  // Module paths built at run time so the type check does not tie the bench to their current shape.
  const load = (path: string) => import(pathToFileURL(join(REPO_ROOT, path)).href) as Promise<Record<string, any>>;
  let standin: any;
  let bot: any;
  const stage = { name: 'loading the stand-in and the bot' };
  try {
    const [{ DiscordStandIn }, { standInRestOptions }, { createBot }, { deployCommands }, { loadCommands, commandDefinitions }, { ConfigSchema }, { openIndex }] = await Promise.all([
      load('test/standin/index.ts'),
      load('test/standin/client.ts'),
      load('src/discord/bot.ts'),
      load('src/discord/deploy.ts'),
      load('src/discord/loader.ts'),
      load('src/config.ts'),
      load('src/app.ts'),
    ]);
    stage.name = 'starting the stand-in';
    standin = new DiscordStandIn({
      token: TOKEN,
      applicationId: APPLICATION_ID,
      botUserId: BOT_USER_ID,
      guilds: [{ id: GUILD_ID, name: 'Newsroom', channels: [{ id: CHANNEL_ID, name: 'fact-check' }] }],
    });
    await standin.start();
    stage.name = 'registering the commands';
    const commands = await loadCommands();
    await deployCommands({ token: TOKEN, apiBase: standin.urls.restBase, guildId: GUILD_ID }, commandDefinitions(commands));
    stage.name = 'starting the bot';
    const config = ConfigSchema.parse({
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_BASE: standin.urls.restBase,
      DB_FILE: options.dbFile,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'error',
    });
    const quiet = { info: () => {}, warn: () => {} };
    bot = await createBot({ config, db: openIndex(options.dbFile), clientOptions: { rest: standInRestOptions(standin) }, commands, logger: quiet });
    await bot.start();

    stage.name = 'timing interactions';
    const deadline = performance.now() + (options.budgetMs ?? 180_000);
    const queries = options.queries.filter((q) => OPTION[q.command] !== undefined);
    const samples: number[] = [];
    // One unrecorded pass to warm the lookup workers and their page caches, as the ask() runs were.
    for (let rep = -1; rep < options.reps && performance.now() < deadline; rep++) {
      for (const q of queries) {
        const started = performance.now();
        await standin.sendCommand({ name: q.command, options: { [OPTION[q.command]!]: q.query }, channelId: CHANNEL_ID }).final({ timeoutMs: 30_000 });
        if (rep >= 0) samples.push(performance.now() - started);
      }
      standin.clearRecords?.();
    }
    if (samples.length === 0) return notMeasured('no interaction completed within the time budget');
    return {
      p50: percentile(samples, 50),
      p99: percentile(samples, 99),
      note: `discord: ${samples.length} slash commands through the stand-in (INTERACTION_CREATE → final reply), the bot's own lookup workers`,
      samples: samples.length,
    };
  } catch (error) {
    const message = (error as Error).message?.split('\n')[0] ?? String(error);
    return notMeasured(`${stage.name} failed (${message})`);
  } finally {
    try {
      await bot?.stop?.('bench over');
    } catch {
      // Stopping is best effort: the numbers are already taken.
    }
    try {
      await standin?.stop?.();
    } catch {
      // idem
    }
  }
}
