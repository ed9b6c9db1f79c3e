/**
 * Gateway mode: a discord.js Client with only the Guilds intent (slash
 * commands need no message content), its interactions turned into the bot's
 * InteractionInput + Responder.
 */
import {
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  MessagePayload as DjsMessagePayload,
  type ClientOptions,
  type Interaction,
} from 'discord.js';
import type { MessagePayload } from '../render/discord.js';
import type { Config } from '../config.js';
import { flattenOptions, messageCommandInput, type InteractionInput, type Responder } from './interaction.js';
import type { BotLog } from './log.js';

export function createGatewayClient(config: Pick<Config, 'DISCORD_API_BASE'>, overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // Belt and braces: every payload already says so, but nothing we send may ping anyone.
    allowedMentions: { parse: [] },
    ...overrides,
    rest: { api: config.DISCORD_API_BASE, ...overrides.rest },
  });
}

/** Connection events worth a log line: disconnects, resumes, REST rate limits. */
export function logClientEvents(client: Client, log: BotLog, isStopping: () => boolean): void {
  client.on(Events.ClientReady, (ready) => log.info('connected to the gateway', { user: ready.user.tag, guilds: ready.guilds.cache.size }));
  // Closing the connection at shutdown also raises these; they only matter while serving.
  client.on(Events.ShardDisconnect, (event, shardId) => isStopping() || log.warn('gateway disconnected', { shardId, code: event.code }));
  client.on(Events.ShardReconnecting, (shardId) => isStopping() || log.info('gateway reconnecting', { shardId }));
  client.on(Events.ShardResume, (shardId, replayed) => log.info('gateway resumed', { shardId, replayed }));
  client.on(Events.ShardError, (error, shardId) => log.warn('gateway error', { shardId, error }));
  client.on(Events.Error, (error) => log.error('client error', { error }));
  client.on(Events.Warn, (message) => log.warn('client warning', { message }));
  client.on(Events.Debug, (message) => log.debug('discord.js', { message }));
  client.rest.on('rateLimited', (info) => log.warn('REST rate limited', { route: info.route, retryAfterMs: info.retryAfter, global: info.global }));
}

export function gatewayInput(interaction: Interaction, receivedAt: number): InteractionInput | null {
  const common = {
    id: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    channelId: interaction.channelId,
    locale: interaction.locale ?? null,
    memberPermissions: interaction.memberPermissions?.bitfield ?? null,
    receivedAt,
  };
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) {
    const { focused, ...flat } = flattenOptions(interaction.options.data);
    if (interaction.isChatInputCommand()) return { kind: 'command', ...common, commandName: interaction.commandName, ...flat };
    return { kind: 'autocomplete', ...common, commandName: interaction.commandName, ...flat, focused: focused ?? { name: '', value: '' } };
  }
  if (interaction.isMessageContextMenuCommand()) {
    return messageCommandInput(common, interaction.commandName, interaction.targetMessage.content);
  }
  if (interaction.isButton()) return { kind: 'button', ...common, customId: interaction.customId };
  return null;
}

/**
 * discord.js rebuilds message bodies from its own options (adding tts,
 * enforce_nonce…). A MessagePayload whose body is already set is sent as is,
 * so the bot sends exactly what the renderer built.
 */
function exactly(interaction: Interaction, body: MessagePayload): DjsMessagePayload {
  const payload = new DjsMessagePayload(interaction, {});
  payload.body = body as unknown as DjsMessagePayload['body'];
  return payload;
}

/**
 * Edits and follow-ups go through the interaction's webhook directly: the
 * router's TrackedResponder decides when they are allowed (e.g. after a 40060
 * the interaction is acknowledged even though discord.js never saw it succeed).
 */
export function gatewayResponder(interaction: Interaction): Responder {
  const repliable = interaction.isRepliable() ? interaction : null;
  const component = interaction.isMessageComponent() ? interaction : null;
  const need = <T>(target: T | null, what: string): T => {
    if (target === null) throw new Error(`${what} is not possible for this kind of interaction`);
    return target;
  };
  return {
    async reply(body) {
      await need(repliable, 'reply').reply(exactly(interaction, body));
    },
    async defer(ephemeral) {
      await need(repliable, 'defer').deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    },
    async update(body) {
      await need(component, 'update').update(exactly(interaction, body));
    },
    async deferUpdate() {
      await need(component, 'deferUpdate').deferUpdate();
    },
    async choices(choices) {
      await need(interaction.isAutocomplete() ? interaction : null, 'choices').respond(choices);
    },
    async editOriginal(body) {
      await need(repliable, 'editOriginal').webhook.editMessage('@original', exactly(interaction, body));
    },
    async followUp(body) {
      await need(repliable, 'followUp').webhook.send(exactly(interaction, body));
    },
  };
}
