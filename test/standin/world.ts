/**
 * The stand-in's state of the world: configuration with defaults, guilds and channels, stored
 * messages, registered commands, and every record a test may assert on. REST handlers, the
 * gateway and the interaction helpers all read and write here; `changed()` wakes `waitFor`.
 */
import { EventEmitter } from 'node:events';
import type { APIApplicationCommand, APIMessage, APIUser } from 'discord.js';
import type { InteractionRecord } from './interactions.js';
import { userObject } from './objects.js';
import { nextSnowflake } from './snowflake.js';
import type {
  MessageWrite,
  RecordedRequest,
  StandInConfig,
  StandInGuildConfig,
  ToleratedQuirk,
  Violation,
} from './types.js';

export interface ResolvedConfig {
  token: string;
  applicationId: string;
  botUserId: string;
  botUsername: string;
  guilds: StandInGuildConfig[];
  callbackWindowMs: number;
  webhookTtlMs: number;
  heartbeatIntervalMs: number;
  privilegedIntents: number;
  retryAfterHeader: 'exact' | 'ceil';
  resumeWindowMs: number;
  debug: boolean;
}

export function resolveConfig(config: StandInConfig): ResolvedConfig {
  return {
    token: config.token,
    applicationId: config.applicationId,
    botUserId: config.botUserId,
    botUsername: config.botUsername ?? 'factcheck-bot',
    guilds: config.guilds ?? [],
    callbackWindowMs: config.callbackWindowMs ?? 3_000,
    webhookTtlMs: config.webhookTtlMs ?? 15 * 60_000,
    heartbeatIntervalMs: config.heartbeatIntervalMs ?? 41_250,
    privilegedIntents: config.privilegedIntents ?? 0,
    retryAfterHeader: config.retryAfterHeader ?? 'exact',
    resumeWindowMs: config.resumeWindowMs ?? 5 * 60_000,
    debug: config.debug ?? false,
  };
}

export interface GuildState {
  config: StandInGuildConfig;
  botRoleId: string;
  joinedAt: string;
}

export interface ChannelState {
  id: string;
  name: string;
  type: number;
  guildId: string;
  position: number;
  topic: string | null;
}

export interface MessageEntry {
  message: APIMessage;
  /** Guild of the channel, which REST message objects do not carry. */
  guildId?: string;
  /** The interaction whose response or follow-up this is. */
  interactionId?: string;
  deleted: boolean;
}

/** Scope key for registered commands: "global" or a guild id. */
export type CommandScope = 'global' | string;

export class World extends EventEmitter {
  readonly config: ResolvedConfig;
  readonly botUser: APIUser;
  readonly guilds = new Map<string, GuildState>();
  readonly channels = new Map<string, ChannelState>();
  readonly messages = new Map<string, MessageEntry>();
  readonly commands = new Map<CommandScope, APIApplicationCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();

  readonly requests: RecordedRequest[] = [];
  readonly violations: Violation[] = [];
  readonly unexpected: RecordedRequest[] = [];
  readonly messageWrites: MessageWrite[] = [];
  readonly quirks: ToleratedQuirk[] = [];
  /** Requests discord.js tried to send somewhere other than the stand-in (see clientOptions). */
  readonly blockedRequests: string[] = [];

  constructor(config: StandInConfig) {
    super();
    // Many test helpers may wait at once; that is not a leak.
    this.setMaxListeners(0);
    this.config = resolveConfig(config);
    this.botUser = userObject(this.config.botUserId, this.config.botUsername, true);
    const joinedAt = new Date().toISOString();
    for (const guild of this.config.guilds) {
      this.guilds.set(guild.id, { config: guild, botRoleId: nextSnowflake(), joinedAt });
      guild.channels.forEach((channel, position) => {
        this.channels.set(channel.id, {
          id: channel.id,
          name: channel.name,
          type: channel.type ?? 0,
          guildId: guild.id,
          position,
          topic: channel.topic ?? null,
        });
      });
    }
  }

  /** Wakes everything waiting in `waitFor` to re-check its condition. */
  changed(): void {
    this.emit('change');
  }

  log(line: string): void {
    if (this.config.debug) process.stderr.write(`[standin] ${line}\n`);
  }

  storeMessage(entry: MessageEntry): MessageEntry {
    this.messages.set(entry.message.id, entry);
    this.changed();
    return entry;
  }

  /** Live (not deleted) messages of a channel, oldest first. */
  messagesIn(channelId: string): APIMessage[] {
    return [...this.messages.values()]
      .filter((entry) => !entry.deleted && entry.message.channel_id === channelId)
      .map((entry) => entry.message);
  }

  interactionByToken(token: string): InteractionRecord | undefined {
    for (const record of this.interactions.values()) if (record.token === token) return record;
    return undefined;
  }

  commandsIn(scope: CommandScope): APIApplicationCommand[] {
    return this.commands.get(scope) ?? [];
  }

  /** The command an invocation would carry: a guild command shadows a global one of the same name. */
  findCommand(name: string, guildId: string | undefined, type = 1): APIApplicationCommand | undefined {
    const matches = (command: APIApplicationCommand): boolean => command.name === name && command.type === type;
    return (guildId ? this.commandsIn(guildId).find(matches) : undefined) ?? this.commandsIn('global').find(matches);
  }
}
