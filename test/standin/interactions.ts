/**
 * Interactions as a user would cause them: realistic INTERACTION_CREATE payloads for slash
 * commands, autocomplete and button clicks, the per-interaction record the REST side fills in
 * (callback, @original, edits, follow-ups), and the handles tests await.
 */
import { randomBytes } from 'node:crypto';
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteraction,
  APIMessage,
  APIUser,
} from 'discord.js';
import {
  ATTACHMENT_SIZE_LIMIT,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_MEMBER_PERMISSIONS,
  permissionString,
  userObject,
  type MessageBody,
} from './objects.js';
import { nextSnowflake } from './snowflake.js';
import { CallbackType } from './validate.js';
import { waitUntil } from './wait.js';
import type { RecordedRequest, Violation } from './types.js';
import type { World } from './world.js';

export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  ApplicationCommandAutocomplete: 4,
  ModalSubmit: 5,
} as const;

/** Which callback types Discord accepts for which interaction type (docs: interaction response types). */
export const ALLOWED_CALLBACKS: Record<number, readonly number[]> = {
  [InteractionType.Ping]: [CallbackType.Pong],
  [InteractionType.ApplicationCommand]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.Modal,
    CallbackType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredUpdateMessage,
    CallbackType.UpdateMessage,
    CallbackType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [CallbackType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    CallbackType.ChannelMessageWithSource,
    CallbackType.DeferredChannelMessageWithSource,
    CallbackType.DeferredUpdateMessage,
    CallbackType.UpdateMessage,
  ],
};

const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

// ---------------------------------------------------------------------------------------------
// Public invocation shapes
// ---------------------------------------------------------------------------------------------

export interface InvocationUser {
  id?: string;
  username?: string;
}

export interface InvocationContext {
  /** Guild to invoke in; defaults to the first configured guild. `null` means a DM with the bot. */
  guildId?: string | null;
  /** Defaults to the guild's first channel (or a DM channel). */
  channelId?: string;
  /** The invoking user; defaults to a stable "reporter" user. */
  user?: InvocationUser;
  /** The member's permissions bitfield in the channel (`member.permissions`). */
  memberPermissions?: bigint | string;
  /** The user's client locale. Default "en-US". */
  locale?: string;
}

export type OptionValue = string | number | boolean;

export interface CommandInvocation extends InvocationContext {
  name: string;
  /**
   * Option values by name (types come from the registered command when there is one, otherwise
   * from the JS value), or a raw option array passed through untouched.
   */
  options?: Record<string, OptionValue> | APIApplicationCommandInteractionDataOption[];
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInvocation extends CommandInvocation {
  /** Name of the option being typed; its value in `options` is the text typed so far. */
  focused: string;
}

export interface ButtonClick extends InvocationContext {
  customId: string;
  messageId: string;
}

// ---------------------------------------------------------------------------------------------
// Record kept per interaction
// ---------------------------------------------------------------------------------------------

export interface AcceptedCallback {
  type: number;
  body: { type: number; data?: Record<string, unknown> };
  time: number;
}

export interface MessageEdit {
  time: number;
  messageId: string;
  body: MessageBody;
}

export class InteractionRecord {
  readonly createdAt = Date.now();
  callback?: AcceptedCallback;
  /** The message `@original` refers to, once there is one. */
  originalMessageId?: string;
  readonly followUpIds: string[] = [];
  readonly edits: MessageEdit[] = [];
  readonly rejections: Violation[] = [];

  constructor(
    readonly payload: APIInteraction,
    readonly label: string,
  ) {}

  get id(): string {
    return this.payload.id;
  }
  get token(): string {
    return this.payload.token;
  }
  get type(): number {
    return this.payload.type;
  }
  get channelId(): string {
    return this.payload.channel?.id ?? '';
  }
  get guildId(): string | undefined {
    return 'guild_id' in this.payload ? this.payload.guild_id : undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Handles returned to tests
// ---------------------------------------------------------------------------------------------

export interface FinalOptions {
  timeoutMs?: number;
  /** After the first visible version, wait this long for further edits and return the last. */
  settleMs?: number;
}

export class InteractionHandle {
  constructor(
    protected readonly world: World,
    readonly record: InteractionRecord,
  ) {}

  get id(): string {
    return this.record.id;
  }
  get token(): string {
    return this.record.token;
  }
  /** The INTERACTION_CREATE payload that was dispatched. */
  get payload(): APIInteraction {
    return this.record.payload;
  }
  /** Callback bodies that were rejected (validation, wrong type…), newest last. */
  get rejections(): readonly Violation[] {
    return this.record.rejections;
  }
  get edits(): readonly MessageEdit[] {
    return this.record.edits;
  }

  /**
   * Resolves with the first *accepted* callback body (`{ type, data }`). Rejects once the
   * interaction can no longer be answered (callback window over) or after `timeoutMs`.
   */
  response(timeoutMs?: number): Promise<AcceptedCallback['body']> {
    const window = this.world.config.callbackWindowMs;
    const untilExpiry = this.record.createdAt + window - Date.now() + 250;
    const limit = Math.max(0, Math.min(timeoutMs ?? window + 2_000, untilExpiry));
    return waitUntil(this.world, () => this.record.callback?.body, limit, () => this.explain('no accepted callback'));
  }

  /**
   * Resolves with the final visible message body: the callback's `data` for an immediate reply
   * or update, or the PATCH @original body that fulfils a deferral.
   */
  async final(options: FinalOptions = {}): Promise<MessageBody> {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const started = Date.now();
    const callback = await this.response(timeoutMs);
    const deferred =
      callback.type === CallbackType.DeferredChannelMessageWithSource ||
      callback.type === CallbackType.DeferredUpdateMessage;

    const latest = (): MessageBody | undefined => {
      const edit = this.record.edits.at(-1);
      if (edit) return edit.body;
      return deferred ? undefined : (callback.data ?? {});
    };
    const remaining = Math.max(0, timeoutMs - (Date.now() - started));
    let body = await waitUntil(this.world, latest, remaining, () => this.explain('deferred but never edited'));
    if (options.settleMs) {
      await new Promise((resolve) => setTimeout(resolve, options.settleMs));
      body = latest() ?? body;
    }
    return body;
  }

  /** The current state of the `@original` message, if any. */
  message(): APIMessage | undefined {
    const id = this.record.originalMessageId;
    return id ? this.world.messages.get(id)?.message : undefined;
  }

  followUps(): APIMessage[] {
    return this.record.followUpIds.flatMap((id) => {
      const entry = this.world.messages.get(id);
      return entry && !entry.deleted ? [entry.message] : [];
    });
  }

  /** Requests that addressed this interaction (callback and webhook routes). */
  requests(): RecordedRequest[] {
    return this.world.requests.filter((r) => r.path.includes(this.record.token) || r.path.includes(`/${this.record.id}/`));
  }

  protected explain(what: string): string {
    const requests = this.requests()
      .map((r) => `${r.method} ${r.route ?? r.path} → ${r.status ?? 'pending'}`)
      .join('; ');
    const rejected = this.record.rejections
      .map((v) => v.issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join(', '))
      .join(' | ');
    return `${what} for ${this.record.label} (interaction ${this.record.id}); requests: [${requests || 'none'}]${
      rejected ? `; rejected: ${rejected}` : ''
    }`;
  }
}

export class AutocompleteHandle extends InteractionHandle {
  /** The offered choices (resolves with the autocomplete result's `choices`). */
  async choices(timeoutMs?: number): Promise<Array<{ name: string; value: string | number }>> {
    const body = await this.response(timeoutMs);
    return (body.data?.choices as Array<{ name: string; value: string | number }> | undefined) ?? [];
  }
}

// ---------------------------------------------------------------------------------------------
// Payload builders
// ---------------------------------------------------------------------------------------------

/** A stable default invoking user, so several commands in a test come from the same person. */
const DEFAULT_USER = { id: '200000000000000001', username: 'reporter' } as const;

interface Context {
  guildId?: string;
  channelId: string;
  user: APIUser;
  memberPermissions: string;
  appPermissions: string;
  locale: string;
  guildLocale?: string;
}

function resolveContext(world: World, ctx: InvocationContext): Context {
  const user = userObject(ctx.user?.id ?? DEFAULT_USER.id, ctx.user?.username ?? DEFAULT_USER.username);
  const memberPermissions = permissionString(ctx.memberPermissions, DEFAULT_MEMBER_PERMISSIONS);
  const locale = ctx.locale ?? 'en-US';

  if (ctx.guildId === null) {
    // A DM with the bot: the channel id is per-user and stable.
    return {
      channelId: ctx.channelId ?? (BigInt(user.id) + 7n).toString(),
      user,
      memberPermissions,
      appPermissions: DEFAULT_BOT_PERMISSIONS.toString(),
      locale,
    };
  }

  const guildId = ctx.guildId ?? world.config.guilds[0]?.id;
  if (guildId === undefined) throw new Error('standin: no guild configured; pass guildId: null for a DM');
  const guild = world.guilds.get(guildId);
  if (!guild) throw new Error(`standin: unknown guild ${guildId}`);
  const channelId = ctx.channelId ?? guild.config.channels[0]?.id;
  if (channelId === undefined) throw new Error(`standin: guild ${guildId} has no channels`);
  const channel = world.channels.get(channelId);
  if (!channel || channel.guildId !== guildId) throw new Error(`standin: channel ${channelId} is not in guild ${guildId}`);
  return {
    guildId,
    channelId,
    user,
    memberPermissions,
    appPermissions: permissionString(guild.config.botPermissions, DEFAULT_BOT_PERMISSIONS),
    locale,
    guildLocale: guild.config.locale ?? 'en-US',
  };
}

/** Fields every interaction carries, whatever its type. */
function basePayload(world: World, context: Context, type: number): Record<string, unknown> {
  const channel = context.guildId
    ? (() => {
        const state = world.channels.get(context.channelId);
        return {
          id: context.channelId,
          type: state?.type ?? 0,
          guild_id: context.guildId,
          name: state?.name ?? 'channel',
          position: state?.position ?? 0,
          permission_overwrites: [],
          topic: state?.topic ?? null,
          nsfw: false,
          last_message_id: null,
          rate_limit_per_user: 0,
          parent_id: null,
          flags: 0,
          permissions: context.memberPermissions,
        };
      })()
    : { id: context.channelId, type: 1, last_message_id: null, flags: 0, recipients: [context.user] };

  const payload: Record<string, unknown> = {
    id: nextSnowflake(),
    application_id: world.config.applicationId,
    type,
    token: interactionToken(),
    version: 1,
    channel,
    channel_id: context.channelId,
    app_permissions: context.appPermissions,
    locale: context.locale,
    entitlements: [],
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
  };

  if (context.guildId) {
    const guild = world.guilds.get(context.guildId);
    payload.guild_id = context.guildId;
    payload.guild = { id: context.guildId, locale: context.guildLocale ?? 'en-US', features: [] };
    payload.guild_locale = context.guildLocale;
    payload.member = {
      user: context.user,
      roles: [],
      premium_since: null,
      permissions: context.memberPermissions,
      pending: false,
      nick: null,
      mute: false,
      deaf: false,
      joined_at: guild?.joinedAt ?? new Date().toISOString(),
      flags: 0,
      avatar: null,
      banner: null,
      communication_disabled_until: null,
    };
    // Guild-installed app (integration type 0) used in a guild (context 0).
    payload.authorizing_integration_owners = { '0': context.guildId };
    payload.context = 0;
  } else {
    payload.user = context.user;
    payload.authorizing_integration_owners = { '0': '0' };
    payload.context = 1; // BOT_DM
  }
  return payload;
}

/** Interaction tokens are long opaque strings; the shape only needs to survive URLs. */
function interactionToken(): string {
  return `aW50ZXJhY3Rpb246${randomBytes(48).toString('base64url')}`;
}

export function buildCommandInteraction(
  world: World,
  invocation: CommandInvocation,
  autocompleteFocus?: string,
): { payload: APIInteraction; label: string } {
  const context = resolveContext(world, invocation);
  const type = autocompleteFocus !== undefined ? InteractionType.ApplicationCommandAutocomplete : InteractionType.ApplicationCommand;
  const payload = basePayload(world, context, type);
  const command = world.findCommand(invocation.name, context.guildId);
  const { options, resolved } = buildOptions(world, context, invocation, command, autocompleteFocus);

  const data: Record<string, unknown> = {
    // Discord never dispatches an unregistered command; an unregistered one gets a made-up id.
    id: command?.id ?? nextSnowflake(),
    name: invocation.name,
    type: 1,
    ...(options.length > 0 ? { options } : {}),
    ...(resolved ? { resolved } : {}),
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
  };
  payload.data = data;
  const path = [invocation.name, invocation.subcommandGroup, invocation.subcommand].filter(Boolean).join(' ');
  return { payload: payload as unknown as APIInteraction, label: `${autocompleteFocus !== undefined ? 'autocomplete ' : ''}/${path}` };
}

export interface MessageCommandInvocation extends InvocationContext {
  /** The registered message command's name, e.g. "Check claim". */
  name: string;
  /** The message right-clicked: it must exist in the stand-in. */
  messageId: string;
}

/** A message context-menu command (right-click a message → Apps): data.type 3, the target resolved as Discord sends it. */
export function buildMessageCommandInteraction(world: World, invocation: MessageCommandInvocation): { payload: APIInteraction; label: string } {
  const entry = world.messages.get(invocation.messageId);
  if (!entry || entry.deleted) throw new Error(`standin: sendMessageCommand: no message ${invocation.messageId}`);
  const context = resolveContext(world, {
    ...invocation,
    guildId: invocation.guildId !== undefined ? invocation.guildId : (entry.guildId ?? null),
    channelId: invocation.channelId ?? entry.message.channel_id,
  });
  const payload = basePayload(world, context, InteractionType.ApplicationCommand);
  const command = world.findCommand(invocation.name, context.guildId, 3);
  payload.data = {
    id: command?.id ?? nextSnowflake(),
    name: invocation.name,
    type: 3,
    target_id: entry.message.id,
    // Apps get the target's content whatever their intents: the user chose to share it.
    resolved: { messages: { [entry.message.id]: structuredClone(entry.message) } },
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
  };
  return { payload: payload as unknown as APIInteraction, label: `message command "${invocation.name}"` };
}

export function buildButtonInteraction(world: World, click: ButtonClick): { payload: APIInteraction; label: string } {
  const entry = world.messages.get(click.messageId);
  if (!entry || entry.deleted) throw new Error(`standin: clickButton: no message ${click.messageId}`);
  const button = findComponent(entry.message.components ?? [], click.customId);
  if (!button) {
    throw new Error(
      `standin: clickButton: message ${click.messageId} has no component with custom_id "${click.customId}"`,
    );
  }
  if (button.disabled === true) throw new Error(`standin: clickButton: button "${click.customId}" is disabled`);

  const channel = world.channels.get(entry.message.channel_id);
  const context = resolveContext(world, {
    ...click,
    guildId: click.guildId !== undefined ? click.guildId : (channel?.guildId ?? null),
    channelId: click.channelId ?? entry.message.channel_id,
  });
  const payload = basePayload(world, context, InteractionType.MessageComponent);
  payload.data = { custom_id: click.customId, component_type: button.type };
  payload.message = structuredClone(entry.message);
  return { payload: payload as unknown as APIInteraction, label: `button "${click.customId}"` };
}

function findComponent(components: readonly unknown[], customId: string): Record<string, unknown> | undefined {
  for (const component of components) {
    if (typeof component !== 'object' || component === null) continue;
    const record = component as Record<string, unknown>;
    if (record.custom_id === customId) return record;
    if (Array.isArray(record.components)) {
      const nested = findComponent(record.components, customId);
      if (nested) return nested;
    }
    // Sections keep their button in `accessory`.
    if (typeof record.accessory === 'object' && record.accessory !== null) {
      const nested = findComponent([record.accessory], customId);
      if (nested) return nested;
    }
  }
  return undefined;
}

function buildOptions(
  world: World,
  context: Context,
  invocation: CommandInvocation,
  command: APIApplicationCommand | undefined,
  focused: string | undefined,
): { options: APIApplicationCommandInteractionDataOption[]; resolved?: Record<string, Record<string, unknown>> } {
  if (Array.isArray(invocation.options)) return { options: invocation.options };
  const values = invocation.options ?? {};
  const label = `/${invocation.name}`;

  // Walk down to the option list the values belong to.
  let definitions: readonly APIApplicationCommandOption[] | undefined = command?.options;
  const descend = (name: string | undefined, type: number): void => {
    if (name === undefined || !command) return;
    const next = definitions?.find((o) => o.name === name && o.type === type);
    if (!next) throw new Error(`standin: ${label} has no ${type === OptionType.Subcommand ? 'subcommand' : 'subcommand group'} "${name}"`);
    definitions = 'options' in next ? (next.options as readonly APIApplicationCommandOption[] | undefined) : undefined;
  };
  descend(invocation.subcommandGroup, OptionType.SubcommandGroup);
  descend(invocation.subcommand, OptionType.Subcommand);

  const resolved: Record<string, Record<string, unknown>> = {};
  const leafOptions: Array<Record<string, unknown>> = [];
  for (const [name, value] of Object.entries(values)) {
    const definition = definitions?.find((o) => o.name === name);
    if (command && !definition) throw new Error(`standin: ${label} has no option "${name}"`);
    const type = definition?.type ?? inferType(value);
    const option: Record<string, unknown> = { name, type, value };
    if (name === focused) {
      if (command && !(definition && 'autocomplete' in definition && definition.autocomplete)) {
        throw new Error(`standin: ${label} option "${name}" does not have autocomplete enabled`);
      }
      option.focused = true;
    } else if (definition && 'choices' in definition && Array.isArray(definition.choices) && definition.choices.length > 0) {
      const allowed = definition.choices.map((c) => c.value);
      if (!allowed.includes(value as never)) {
        throw new Error(`standin: ${label} option "${name}" must be one of ${JSON.stringify(allowed)}`);
      }
    }
    addResolved(world, context, type, String(value), resolved);
    leafOptions.push(option);
  }
  if (focused !== undefined && !(focused in values)) {
    throw new Error(`standin: autocomplete focus "${focused}" needs a value in options (the text typed so far)`);
  }
  // The Discord client does not let a user submit without required options.
  if (command && focused === undefined) {
    for (const definition of definitions ?? []) {
      if ('required' in definition && definition.required && !(definition.name in values)) {
        throw new Error(`standin: ${label} is missing required option "${definition.name}"`);
      }
    }
  }

  let options = leafOptions;
  if (invocation.subcommand !== undefined) {
    options = [{ name: invocation.subcommand, type: OptionType.Subcommand, options }];
  }
  if (invocation.subcommandGroup !== undefined) {
    options = [{ name: invocation.subcommandGroup, type: OptionType.SubcommandGroup, options }];
  }
  return {
    options: options as unknown as APIApplicationCommandInteractionDataOption[],
    ...(Object.keys(resolved).length > 0 ? { resolved } : {}),
  };
}

function inferType(value: OptionValue): number {
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

/** Users, channels and roles chosen in options are resolved into `data.resolved`, as Discord does. */
function addResolved(
  world: World,
  context: Context,
  type: number,
  id: string,
  resolved: Record<string, Record<string, unknown>>,
): void {
  const put = (kind: string, value: unknown): void => {
    resolved[kind] ??= {};
    (resolved[kind] as Record<string, unknown>)[id] = value;
  };
  if (type === OptionType.User || type === OptionType.Mentionable) {
    put('users', userObject(id, `user-${id.slice(-4)}`));
    if (context.guildId) {
      put('members', {
        roles: [],
        premium_since: null,
        permissions: DEFAULT_MEMBER_PERMISSIONS.toString(),
        pending: false,
        nick: null,
        joined_at: new Date().toISOString(),
        flags: 0,
        avatar: null,
        banner: null,
        communication_disabled_until: null,
      });
    }
  } else if (type === OptionType.Channel) {
    const channel = world.channels.get(id);
    put('channels', {
      id,
      name: channel?.name ?? `channel-${id.slice(-4)}`,
      type: channel?.type ?? 0,
      permissions: context.memberPermissions,
      ...(channel ? { guild_id: channel.guildId } : {}),
    });
  } else if (type === OptionType.Role) {
    put('roles', {
      id,
      name: `role-${id.slice(-4)}`,
      color: 0,
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 1,
      permissions: '0',
      managed: false,
      mentionable: true,
      flags: 0,
    });
  }
}
