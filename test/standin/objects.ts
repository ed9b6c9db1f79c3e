/**
 * Builders for the Discord objects the stand-in hands out: users, guilds, channels, members,
 * messages, applications, commands. They follow the shapes in discord-api-types (imported as
 * types only, so the stand-in does not load discord.js at run time) and are checked against the
 * spec's response schemas in the stand-in's own tests.
 */
import type {
  APIApplicationCommand,
  APIEmbed,
  APIGuildMember,
  APIGuildTextChannel,
  APIMessage,
  APIRole,
  APIUser,
  ChannelFlags,
  ChannelType,
  GatewayGuildCreateDispatchData,
  GuildMemberFlags,
  GuildSystemChannelFlags,
  MessageFlags,
  RoleFlags,
  UserFlags,
} from 'discord.js';
import { nextSnowflake } from './snowflake.js';
import type { RecordedFile, StandInChannelConfig, StandInGuildConfig } from './types.js';

/** Permission bits used by the defaults (PermissionFlagsBits in discord.js). */
export const Permission = {
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  UseExternalEmojis: 1n << 18n,
  UseApplicationCommands: 1n << 31n,
  SendMessagesInThreads: 1n << 38n,
  Administrator: 1n << 3n,
} as const;

/** What an ordinary member of a newsroom server can do. */
export const DEFAULT_MEMBER_PERMISSIONS =
  Permission.ViewChannel |
  Permission.SendMessages |
  Permission.EmbedLinks |
  Permission.AttachFiles |
  Permission.ReadMessageHistory |
  Permission.AddReactions |
  Permission.UseExternalEmojis |
  Permission.UseApplicationCommands |
  Permission.SendMessagesInThreads;

/** What the bot is granted by its invite link by default. */
export const DEFAULT_BOT_PERMISSIONS = DEFAULT_MEMBER_PERMISSIONS;

/** Discord's default attachment size limit for interactions in unboosted guilds (10 MiB). */
export const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export function permissionString(value: bigint | string | undefined, fallback: bigint): string {
  if (value === undefined) return fallback.toString();
  return typeof value === 'bigint' ? value.toString() : BigInt(value).toString();
}

export function userObject(id: string, username: string, bot = false): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
    // Flag enums have no 0 member; "no flags" needs an assertion.
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    primary_guild: null,
  };
}

export function textChannelObject(
  guildId: string,
  channel: StandInChannelConfig,
  position: number,
): APIGuildTextChannel<ChannelType.GuildText> {
  return {
    id: channel.id,
    type: (channel.type ?? 0) as ChannelType.GuildText,
    guild_id: guildId,
    name: channel.name,
    position,
    permission_overwrites: [],
    topic: channel.topic ?? null,
    nsfw: false,
    last_message_id: null,
    rate_limit_per_user: 0,
    parent_id: null,
    flags: 0 as ChannelFlags,
  };
}

function roleObject(id: string, name: string, permissions: string, position: number, botId?: string): APIRole {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions,
    managed: botId !== undefined,
    mentionable: false,
    flags: 0 as RoleFlags,
    ...(botId !== undefined ? { tags: { bot_id: botId } } : {}),
  };
}

export function memberObject(user: APIUser, roles: string[], joinedAt: string): APIGuildMember {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
  };
}

/** The GUILD_CREATE payload for a configured guild, with the bot as its only cached member. */
export function guildCreateObject(
  guild: StandInGuildConfig,
  bot: APIUser,
  botRoleId: string,
  joinedAt: string,
): GatewayGuildCreateDispatchData {
  const botPermissions = permissionString(guild.botPermissions, DEFAULT_BOT_PERMISSIONS);
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerIdFor(guild.id),
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      // @everyone shares the guild's id, as on Discord.
      roleObject(guild.id, '@everyone', DEFAULT_MEMBER_PERMISSIONS.toString(), 0),
      roleObject(botRoleId, bot.username, botPermissions, 1, bot.id),
    ],
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channels[0]?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: (guild.locale ?? 'en-US') as GatewayGuildCreateDispatchData['preferred_locale'],
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    hub_type: null,
    safety_alerts_channel_id: null,
    incidents_data: null,
    region: 'deprecated',
    // Gateway-only fields
    joined_at: joinedAt,
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    members: [memberObject(bot, [botRoleId], joinedAt)],
    channels: guild.channels.map((channel, index) => textChannelObject(guild.id, channel, index)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

/** A stable fake owner per guild, distinct from the bot and from invoking users. */
function ownerIdFor(guildId: string): string {
  return (BigInt(guildId) + 1n).toString();
}

/** Everything a message body may carry that ends up on the stored message. */
export interface MessageBody {
  content?: string | null;
  embeds?: unknown[] | null;
  components?: unknown[] | null;
  flags?: number | null;
  tts?: boolean | null;
  attachments?: unknown[] | null;
  poll?: unknown;
  message_reference?: unknown;
  [key: string]: unknown;
}

export interface MessageOrigin {
  id?: string;
  channelId: string;
  author: APIUser;
  /** 0 DEFAULT, 20 CHAT_INPUT_COMMAND (an interaction response)… */
  type: number;
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessage['interaction_metadata'];
}

/** Builds the message object Discord would return for a freshly created message. */
export function messageObject(origin: MessageOrigin, body: MessageBody, files: RecordedFile[]): APIMessage {
  const message: APIMessage = {
    id: origin.id ?? nextSnowflake(),
    channel_id: origin.channelId,
    author: origin.author,
    content: '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: [],
    pinned: false,
    type: origin.type,
    flags: 0 as MessageFlags,
    components: [],
    ...(origin.webhookId ? { webhook_id: origin.webhookId } : {}),
    ...(origin.applicationId ? { application_id: origin.applicationId } : {}),
    ...(origin.interactionMetadata ? { interaction_metadata: origin.interactionMetadata } : {}),
  };
  applyMessageBody(message, body, files);
  return message;
}

/**
 * Applies a create/edit body to a stored message the way Discord does for edits: fields present
 * in the body replace the stored ones, absent fields stay.
 */
export function applyMessageBody(message: APIMessage, body: MessageBody, files: RecordedFile[]): void {
  if (body.content !== undefined) message.content = body.content ?? '';
  if (body.embeds !== undefined) {
    message.embeds = (body.embeds ?? []).map((embed) => ({ type: 'rich', ...(embed as APIEmbed) }) as APIEmbed);
  }
  if (body.components !== undefined) {
    message.components = numberComponents(body.components ?? []) as APIMessage['components'];
  }
  if (body.flags !== undefined && body.flags !== null) {
    // Only some flags can be set by a bot; LOADING (128) is cleared by any edit.
    message.flags = body.flags & ~MessageFlag.Loading;
  }
  if (body.tts !== undefined && body.tts !== null) message.tts = body.tts;
  // Whatever the write, the message is no longer the deferred "thinking…" placeholder.
  message.flags = ((message.flags ?? 0) & ~MessageFlag.Loading) as MessageFlags;
  if (Array.isArray(body.attachments) || files.length > 0) {
    // `attachments` lists what to keep (by id) plus metadata for new uploads; uploads are the files.
    const keepIds = new Set(
      (Array.isArray(body.attachments) ? body.attachments : []).map((a) => String((a as { id?: unknown }).id)),
    );
    const kept = message.attachments.filter((attachment) => keepIds.has(attachment.id));
    const added = files.map((file, index) => ({
      id: nextSnowflake(),
      filename: file.name,
      size: file.size,
      url: `https://cdn.standin.invalid/attachments/${message.channel_id}/${index}/${file.name}`,
      proxy_url: `https://media.standin.invalid/attachments/${message.channel_id}/${index}/${file.name}`,
      content_type: file.contentType,
    }));
    message.attachments = [...kept, ...added];
  }
}

export const MessageFlag = {
  SuppressEmbeds: 1 << 2,
  Ephemeral: 1 << 6,
  Loading: 1 << 7,
  IsComponentsV2: 1 << 15,
} as const;

/** Discord assigns every component in a stored message a sequential numeric id. */
function numberComponents(components: unknown[]): unknown[] {
  let next = 1;
  const visit = (component: unknown): unknown => {
    if (typeof component !== 'object' || component === null) return component;
    const copy: Record<string, unknown> = { ...(component as Record<string, unknown>) };
    copy.id ??= next;
    next += 1;
    if (Array.isArray(copy.components)) copy.components = copy.components.map(visit);
    return copy;
  };
  return components.map(visit);
}

/** The command object Discord returns for a registered command. */
export function commandObject(
  applicationId: string,
  guildId: string | undefined,
  body: Record<string, unknown>,
  existing?: APIApplicationCommand,
): APIApplicationCommand {
  const type = (body.type as number | undefined) ?? 1;
  const permissions = body.default_member_permissions;
  const command: APIApplicationCommand = {
    id: existing?.id ?? nextSnowflake(),
    application_id: applicationId,
    version: nextSnowflake(),
    type,
    name: String(body.name),
    name_localizations: (body.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
    description: typeof body.description === 'string' ? body.description : '',
    description_localizations:
      (body.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
    default_member_permissions:
      permissions === undefined || permissions === null ? null : String(permissions),
    nsfw: body.nsfw === true,
    ...(guildId !== undefined ? { guild_id: guildId } : {}),
    contexts: (body.contexts as APIApplicationCommand['contexts']) ?? (guildId === undefined ? [0, 1, 2] : null),
    integration_types: (body.integration_types as APIApplicationCommand['integration_types']) ?? [0],
    ...(Array.isArray(body.options) && body.options.length > 0
      ? { options: body.options as APIApplicationCommand['options'] }
      : {}),
  };
  return command;
}
