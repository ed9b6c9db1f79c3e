/**
 * The bot: commands + router + one front door (gateway or HTTP), and its
 * lifecycle. createBot is what tests drive (every dependency injectable);
 * runBot is what `npm start` calls.
 */
import { Events, REST, type Client, type ClientOptions } from 'discord.js';
import { discordRestSender } from '../digest/poster.js';
import { answerContext, stderrLogger, type Logger } from '../app.js';
import { ConfigError, type Config } from '../config.js';
import type { Db } from '../index/database.js';
import type { MessagePayload } from '../render/discord.js';
import { DEFAULT_DEFER_AFTER_MS } from './ack.js';
import type { BotCommand, BotServices, ShutdownHook } from './command.js';
import { createGatewayClient, gatewayInput, gatewayResponder, logClientEvents } from './gateway.js';
import { HttpInteractionsServer } from './http.js';
import { loadCommands } from './loader.js';
import { jsonLog, type BotLog } from './log.js';
import { inlineLookups, workerLookups, type LookupRunner } from './lookups.js';
import { TokenBucketLimiter } from './rateLimit.js';
import { InteractionRouter } from './router.js';
import { ShutdownHooks, stopOnSignals } from './shutdown.js';

/** Long enough for a deferred lookup to finish; short enough for a process supervisor's patience. */
const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;

export interface BotOptions {
  config: Config;
  /** The open, migrated index. The bot closes it when it stops. */
  db: Db;
  /** Where log lines go (stderr by default); they are JSON objects. */
  logger?: Logger;
  /** Default: the modules in commands/. */
  commands?: BotCommand[];
  clock?: () => number;
  /** Default: a worker pool on the index file (inline for an in-memory index). */
  lookups?: LookupRunner;
  /** Answer at once if ready within this, else defer and edit (≤ 0: always defer). */
  deferAfterMs?: number;
  /** How long shutdown waits for interactions in flight. */
  drainTimeoutMs?: number;
  /** Extra discord.js Client options (tests point it at the stand-in). */
  clientOptions?: Partial<ClientOptions>;
}

export interface Bot {
  readonly mode: 'gateway' | 'http';
  readonly services: BotServices;
  readonly router: InteractionRouter;
  /** Gateway mode: the discord.js client. */
  readonly client: Client | null;
  /** HTTP mode: the port listened on, once started. */
  readonly httpPort: number | null;
  start(): Promise<void>;
  /** Stops taking interactions, finishes those in flight, runs shutdown hooks, closes everything. Idempotent. */
  stop(reason?: string): Promise<void>;
  onShutdown(hook: ShutdownHook): void;
  /** Settles once the bot has stopped. */
  readonly stopped: Promise<void>;
}

export function isHttpMode(config: Config): boolean {
  return config.INTERACTIONS_PORT !== undefined && config.DISCORD_PUBLIC_KEY !== undefined;
}

export async function createBot(options: BotOptions): Promise<Bot> {
  const commands = options.commands ?? (await loadCommands());
  return new DiscordBot(options, commands);
}

class DiscordBot implements Bot {
  readonly mode: 'gateway' | 'http';
  readonly services: BotServices;
  readonly router: InteractionRouter;
  readonly client: Client | null;
  httpPort: number | null = null;
  readonly stopped: Promise<void>;

  readonly #options: BotOptions;
  readonly #commands: BotCommand[];
  readonly #log: BotLog;
  readonly #hooks = new ShutdownHooks();
  readonly #rest: REST;
  readonly #http: HttpInteractionsServer | null;
  #markStopped!: () => void;
  #stopping: Promise<void> | null = null;

  constructor(options: BotOptions, commands: BotCommand[]) {
    const { config, db } = options;
    const clock = options.clock ?? Date.now;
    this.#options = options;
    this.#commands = commands;
    this.mode = isHttpMode(config) ? 'http' : 'gateway';
    this.#log = jsonLog(options.logger ?? stderrLogger, { level: config.LOG_LEVEL, secrets: secretsOf(config), clock });
    this.stopped = new Promise((resolve) => (this.#markStopped = resolve));
    this.client = this.mode === 'gateway' ? createGatewayClient(config, options.clientOptions) : null;
    this.#rest = this.client?.rest ?? standaloneRest(config);
    const answers = answerContext(db, config);
    this.services = {
      config,
      answers,
      lookups: options.lookups ?? (db.memory ? inlineLookups(answers) : workerLookups({ dbFile: db.name, synonymsFile: config.SYNONYMS_FILE, readonly: db.readonly })),
      log: this.#log,
      clock,
      onShutdown: (hook) => this.onShutdown(hook),
      postMessage: (channelId, body) => this.#postMessage(channelId, body),
    };
    this.router = new InteractionRouter({
      commands,
      services: this.services,
      limiter: new TokenBucketLimiter(config.RATE_LIMIT_PER_MINUTE, clock),
      deferAfterMs: options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
    });
    this.#http =
      this.mode === 'http'
        ? new HttpInteractionsServer({ port: config.INTERACTIONS_PORT!, host: config.INTERACTIONS_HOST, publicKeyHex: config.DISCORD_PUBLIC_KEY!, router: this.router, rest: this.#rest, log: this.#log, clock })
        : null;
  }

  onShutdown(hook: ShutdownHook): void {
    this.#hooks.add(hook);
  }

  async start(): Promise<void> {
    await this.services.lookups.ready?.();
    if (this.client) await this.#connectGateway(this.client);
    if (this.#http) this.httpPort = await this.#http.listen();
    // The commands' background jobs (digest schedules, source polling) write the index: they run on the writer only.
    if (!this.#options.db.readonly) for (const command of this.#commands) await command.start?.(this.services);
    this.#log.info('bot started', { mode: this.mode, readonly: this.#options.db.readonly, commands: this.#commands.map((c) => c.data.name) });
  }

  stop(reason = 'stop requested'): Promise<void> {
    this.#stopping ??= this.#shutdown(reason);
    return this.#stopping;
  }

  async #connectGateway(client: Client): Promise<void> {
    logClientEvents(client, this.#log, () => this.#stopping !== null);
    client.on(Events.InteractionCreate, (interaction) => {
      const input = gatewayInput(interaction, this.services.clock());
      if (input) void this.router.handle(input, gatewayResponder(interaction));
    });
    // Not events.once: it would reject on a client 'error' after a failed login, unhandled.
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(this.#options.config.DISCORD_TOKEN);
    } catch (error) {
      throw loginError(error);
    }
    if (!client.isReady()) await ready;
  }

  async #shutdown(reason: string): Promise<void> {
    this.#log.info('shutting down', { reason, inFlight: this.router.inFlight });
    this.router.stopAccepting();
    if (!(await this.router.drain(this.#options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS))) {
      this.#log.warn('shutdown did not wait for every interaction', { inFlight: this.router.inFlight });
    }
    await this.#hooks.runAll(this.#log);
    await this.client?.destroy();
    await this.#http?.close();
    this.#rest.clearHashSweeper();
    this.#rest.clearHandlerSweeper();
    await this.services.lookups.close();
    if (this.#options.db.open) this.#options.db.close();
    this.#log.info('stopped', { reason });
    this.#markStopped();
  }

  async #postMessage(channelId: string, body: MessagePayload): Promise<{ id: string }> {
    if (!this.#options.config.DISCORD_TOKEN) throw new Error('posting to a channel needs DISCORD_TOKEN');
    return discordRestSender(this.#rest).send(channelId, body);
  }
}

/**
 * What must never be logged: the token, each of its dot-separated parts (discord.js's
 * debug output shows the token with only its last part masked), and the public key.
 */
function secretsOf(config: Config): string[] {
  const token = config.DISCORD_TOKEN;
  const parts = token?.split('.') ?? [];
  return [token, ...parts, config.DISCORD_PUBLIC_KEY].filter((s): s is string => s !== undefined);
}

/** HTTP mode has no gateway client; REST still serves edits, follow-ups and scheduled posts. */
function standaloneRest(config: Config): REST {
  const rest = new REST({ api: config.DISCORD_API_BASE });
  if (config.DISCORD_TOKEN) rest.setToken(config.DISCORD_TOKEN);
  return rest;
}

/** Start-up failures the operator can fix become one line (exit 2), never the token. */
function loginError(error: unknown): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'TokenInvalid' || code === 4004) return new ConfigError('DISCORD_TOKEN: Discord refused the token (reset it in the Developer Portal → Bot, and copy it again)');
  if (code === 'DisallowedIntents' || code === 4014) return new ConfigError('Discord refused the gateway intents this bot asks for (it needs only Guilds)');
  return error;
}

/** `npm start` with DISCORD_TOKEN (or INTERACTIONS_PORT): serve until SIGINT/SIGTERM, then exit 0. */
export async function runBot(config: Config, db: Db, log: Logger): Promise<number> {
  const bot = await createBot({ config, db, logger: log });
  const removeSignalHandlers = stopOnSignals((signal) => bot.stop(signal));
  try {
    await bot.start();
    await bot.stopped;
    return 0;
  } catch (error) {
    await bot.stop('start failed');
    throw error;
  } finally {
    removeSignalHandlers();
  }
}
