/**
 * Shared set-up for the bot tests (not a test file itself): a temp index built
 * from seeds/, the Discord stand-in with one guild, commands registered through
 * deploy-commands, and bots started with the real createBot against it.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { answerContext, openIndex, type Logger } from '../src/app.js';
import type { AnswerContext } from '../src/answers/index.js';
import { ConfigSchema, type Config } from '../src/config.js';
import { createBot, type Bot, type BotOptions } from '../src/discord/bot.js';
import { deployCommands } from '../src/discord/deploy.js';
import { commandDefinitions, loadCommands } from '../src/discord/loader.js';
import { inlineLookups } from '../src/discord/lookups.js';
import type { BotCommand } from '../src/discord/command.js';
import { DiscordStandIn } from './standin/index.js';
import { standInRestOptions } from './standin/client.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

export const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.stand-in-secret-token-0123456789';
export const APPLICATION_ID = '123456789012345678';
export const BOT_USER_ID = '123456789012345679';
export const GUILD_ID = '300000000000000001';
export const CHANNEL_ID = '300000000000000002';

export function newStandIn(extra: Partial<ConstructorParameters<typeof DiscordStandIn>[0]> = {}): DiscordStandIn {
  return new DiscordStandIn({
    token: TOKEN,
    applicationId: APPLICATION_ID,
    botUserId: BOT_USER_ID,
    guilds: [{ id: GUILD_ID, name: 'Newsroom', channels: [{ id: CHANNEL_ID, name: 'fact-check' }] }],
    ...extra,
  });
}

export function captureLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (line) => void lines.push(line), warn: (line) => void lines.push(line) };
}

/** Parsed through the real schema, like loadConfig does with the environment. */
export function botConfig(standin: DiscordStandIn, index: TempIndex, env: Record<string, string> = {}): Config {
  return ConfigSchema.parse({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_BASE: standin.urls.restBase,
    DB_FILE: index.dbFile,
    CORPUS_DIR: index.corpusDir,
    RATE_LIMIT_PER_MINUTE: '1000',
    LOG_LEVEL: 'debug',
    ...env,
  });
}

export async function registerCommands(standin: DiscordStandIn, commands?: BotCommand[]): Promise<BotCommand[]> {
  const loaded = commands ?? (await loadCommands());
  await deployCommands({ token: TOKEN, apiBase: standin.urls.restBase, guildId: GUILD_ID }, commandDefinitions(loaded));
  return loaded;
}

export interface StartedBot {
  bot: Bot;
  logger: Logger & { lines: string[] };
}

export type StartBotOptions = Partial<Omit<BotOptions, 'config'>> & {
  env?: Record<string, string>;
  config?: Config;
  /** Run lookups in the production worker pool (≈0.7 s to start) instead of inline. */
  workers?: boolean;
};

/**
 * A bot on its own connection to the index (the bot closes it when it stops),
 * pointed at the stand-in, started and ready.
 */
export async function startBot(standin: DiscordStandIn, index: TempIndex, options: StartBotOptions = {}): Promise<StartedBot> {
  const logger = options.logger ?? captureLogger();
  const { env, workers, ...rest } = options;
  const db = openIndex(index.dbFile);
  const bot = await createBot({
    config: options.config ?? botConfig(standin, index, env),
    db,
    clientOptions: { rest: standInRestOptions(standin) },
    ...(workers ? {} : { lookups: inlineLookups(answerContext(db, {})) }),
    ...rest,
    logger,
  });
  await bot.start();
  return { bot, logger: logger as Logger & { lines: string[] } };
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until it holds (for state outside the stand-in, such as log lines). */
export async function eventually(probe: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${probe.toString()}`);
    await delay(10);
  }
}

export interface BotSuite {
  readonly standin: DiscordStandIn;
  readonly index: TempIndex;
  /** The test's own view of the index, for computing what the bot should send. */
  readonly ctx: AnswerContext;
  readonly commands: BotCommand[];
  /** Starts a bot for this test; it is stopped after the test. */
  bot(options?: StartBotOptions): Promise<StartedBot>;
}

/**
 * Per test file: one index and one stand-in with the commands registered. After each test the
 * bots are stopped and the stand-in must have seen nothing invalid.
 */
export function useBotSuite(): BotSuite {
  const running: StartedBot[] = [];
  const state = {} as { standin: DiscordStandIn; index: TempIndex; ctx: AnswerContext; commands: BotCommand[] };
  beforeAll(async () => {
    state.index = await tempIndex();
    state.ctx = answerContext(state.index.db, {});
    state.standin = newStandIn();
    await state.standin.start();
    state.commands = await registerCommands(state.standin);
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((b) => b.bot.stop('test over')));
    state.standin.faults.clear();
    state.standin.assertClean();
    state.standin.clearRecords();
  });
  afterAll(async () => {
    await state.standin.stop();
    state.index.cleanup();
  });
  return {
    get standin() {
      return state.standin;
    },
    get index() {
      return state.index;
    },
    get ctx() {
      return state.ctx;
    },
    get commands() {
      return state.commands;
    },
    async bot(options = {}) {
      const started = await startBot(state.standin, state.index, { commands: state.commands, ...options });
      running.push(started);
      return started;
    },
  };
}

/** The custom_id of a button on a message (or message body), found by its label. */
export function buttonId(message: { components?: unknown[] | null } | undefined, label: RegExp): string {
  const rows = (message?.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[];
  const button = rows.flatMap((row) => row.components ?? []).find((b) => b.label !== undefined && label.test(b.label));
  if (!button?.custom_id) throw new Error(`no button ${label} on the message`);
  return button.custom_id;
}
