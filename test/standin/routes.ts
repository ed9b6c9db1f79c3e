/**
 * REST routes other than interactions: gateway discovery, the bot's user and application,
 * application commands, channels and their messages, guilds.
 */
import type { APIApplicationCommand, APIMessage } from 'discord.js';
import { randomBytes } from 'node:crypto';
import {
  DiscordHttpError,
  emptyMessage,
  missingAccess,
  unknownChannel,
  unknownCommand,
  unknownGuild,
  unknownMessage,
} from './errors.js';
import { isEmptyMessage } from './limits.js';
import {
  applyMessageBody,
  commandObject,
  guildCreateObject,
  messageObject,
  textChannelObject,
  userObject,
  type MessageBody,
} from './objects.js';
import type { RouteContext, RouteDef, RouteResult } from './rest.js';
import type { CommandScope, World } from './world.js';

export interface RouteDeps {
  world: World;
  /** ws:// URL handed out by GET /gateway(/bot). */
  gatewayUrl(): string;
  /** IDENTIFYs so far: GET /gateway/bot's session_start_limit.remaining counts down like Discord's. */
  sessionStarts(): number;
}

const SESSION_START_TOTAL = 1000;

export function coreRoutes(deps: RouteDeps): RouteDef[] {
  const { world } = deps;
  const config = world.config;
  const ok = (body: unknown, status = 200): RouteResult => ({ status, body });

  // --- gateway discovery & identity ------------------------------------------------------------

  const routes: RouteDef[] = [
    { method: 'GET', template: '/gateway', auth: 'none', handler: () => ok({ url: deps.gatewayUrl() }) },
    {
      method: 'GET',
      template: '/gateway/bot',
      auth: 'bot',
      handler: () =>
        ok({
          url: deps.gatewayUrl(),
          shards: 1,
          session_start_limit: {
            total: SESSION_START_TOTAL,
            remaining: Math.max(0, SESSION_START_TOTAL - deps.sessionStarts()),
            reset_after: 14_400_000,
            max_concurrency: 1,
          },
        }),
    },
    {
      method: 'GET',
      template: '/users/@me',
      auth: 'bot',
      handler: () =>
        ok({
          ...world.botUser,
          banner: null,
          accent_color: null,
          avatar_decoration_data: null,
          collectibles: null,
          primary_guild: null,
          mfa_enabled: true,
          locale: 'en-US',
          premium_type: 0,
          email: null,
          verified: true,
          bio: '',
        }),
    },
    { method: 'GET', template: '/oauth2/applications/@me', auth: 'bot', handler: () => ok(applicationObject(world)) },
    { method: 'GET', template: '/applications/@me', auth: 'bot', handler: () => ok(applicationObject(world)) },
  ];

  // --- application commands (global and guild scope share handlers) -----------------------------

  const scopeOf = (ctx: RouteContext): CommandScope => {
    if (ctx.params.app !== config.applicationId) throw missingAccess();
    const guildId = ctx.params.guild;
    if (guildId === undefined) return 'global';
    // The bot can only manage commands of guilds it is in.
    if (!world.guilds.has(guildId)) throw missingAccess();
    return guildId;
  };
  const guildOf = (scope: CommandScope): string | undefined => (scope === 'global' ? undefined : scope);
  const sameCommand = (body: Record<string, unknown>) => (command: APIApplicationCommand) =>
    command.name === body.name && command.type === ((body.type as number | undefined) ?? 1);
  const findById = (scope: CommandScope, id: string | undefined): APIApplicationCommand => {
    const command = world.commandsIn(scope).find((c) => c.id === id);
    if (!command) throw unknownCommand();
    return command;
  };

  for (const base of ['/applications/:app/commands', '/applications/:app/guilds/:guild/commands']) {
    routes.push(
      {
        method: 'GET',
        template: base,
        auth: 'bot',
        handler: (ctx) => ok(world.commandsIn(scopeOf(ctx))),
      },
      {
        method: 'PUT',
        template: base,
        auth: 'bot',
        handler: (ctx) => {
          const scope = scopeOf(ctx);
          ctx.validate('commandsBulk');
          const previous = world.commandsIn(scope);
          const bodies = (ctx.body ?? []) as Array<Record<string, unknown>>;
          // Bulk overwrite keeps the id of a command whose name and type are unchanged, as Discord does.
          const next = bodies.map((body) =>
            commandObject(config.applicationId, guildOf(scope), body, previous.find(sameCommand(body))),
          );
          world.commands.set(scope, next);
          return ok(next);
        },
      },
      {
        method: 'POST',
        template: base,
        auth: 'bot',
        handler: (ctx) => {
          const scope = scopeOf(ctx);
          ctx.validate('commandCreate');
          const body = ctx.body as Record<string, unknown>;
          const list = [...world.commandsIn(scope)];
          const index = list.findIndex(sameCommand(body));
          const command = commandObject(config.applicationId, guildOf(scope), body, list[index]);
          if (index >= 0) list[index] = command;
          else list.push(command);
          world.commands.set(scope, list);
          // 201 for a new command, 200 when an existing one was overwritten.
          return ok(command, index >= 0 ? 200 : 201);
        },
      },
      {
        method: 'GET',
        template: `${base}/:command`,
        auth: 'bot',
        handler: (ctx) => ok(findById(scopeOf(ctx), ctx.params.command)),
      },
      {
        method: 'PATCH',
        template: `${base}/:command`,
        auth: 'bot',
        handler: (ctx) => {
          const scope = scopeOf(ctx);
          const existing = findById(scope, ctx.params.command);
          ctx.validate('commandPatch');
          const merged = { ...existing, ...(ctx.body as Record<string, unknown>) };
          const command = commandObject(config.applicationId, guildOf(scope), merged, existing);
          world.commands.set(
            scope,
            world.commandsIn(scope).map((c) => (c.id === existing.id ? command : c)),
          );
          return ok(command);
        },
      },
      {
        method: 'DELETE',
        template: `${base}/:command`,
        auth: 'bot',
        handler: (ctx) => {
          const scope = scopeOf(ctx);
          const existing = findById(scope, ctx.params.command);
          world.commands.set(
            scope,
            world.commandsIn(scope).filter((c) => c.id !== existing.id),
          );
          return { status: 204 };
        },
      },
    );
  }

  // --- channels & messages ------------------------------------------------------------------------

  const channelOf = (ctx: RouteContext) => {
    const channel = world.channels.get(ctx.params.channel ?? '');
    if (!channel) throw unknownChannel();
    return channel;
  };
  const messageIn = (channelId: string, messageId: string | undefined): APIMessage => {
    const entry = world.messages.get(messageId ?? '');
    if (!entry || entry.deleted || entry.message.channel_id !== channelId) throw unknownMessage();
    return entry.message;
  };

  routes.push(
    {
      method: 'GET',
      template: '/channels/:channel',
      auth: 'bot',
      handler: (ctx) => {
        const channel = channelOf(ctx);
        return ok(
          textChannelObject(channel.guildId, { id: channel.id, name: channel.name, type: channel.type, topic: channel.topic }, channel.position),
        );
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel/messages',
      auth: 'bot',
      handler: (ctx) => {
        const channel = channelOf(ctx);
        const limit = Math.min(100, Math.max(1, Number(ctx.query.limit ?? 50) || 50));
        // Discord lists newest first.
        return ok(world.messagesIn(channel.id).reverse().slice(0, limit));
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel/messages',
      auth: 'bot',
      handler: (ctx) => {
        const channel = channelOf(ctx);
        const write = { kind: 'create' as const, message: ctx.body, channelId: channel.id };
        ctx.validate('messageCreate', { write });
        if (isEmptyMessage(ctx.body, ctx.files.length)) {
          ctx.violation('semantic', [{ path: '', code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' }]);
          ctx.recordWrite(write, false);
          throw emptyMessage();
        }
        const body = ctx.body as MessageBody;
        const isReply = typeof body.message_reference === 'object' && body.message_reference !== null;
        const message = messageObject(
          { channelId: channel.id, author: world.botUser, type: isReply ? 19 : 0 },
          body,
          ctx.files,
        );
        world.storeMessage({ message, guildId: channel.guildId, deleted: false });
        ctx.recordWrite(write, true);
        return ok(message);
      },
    },
    {
      method: 'GET',
      template: '/channels/:channel/messages/:message',
      auth: 'bot',
      handler: (ctx) => ok(messageIn(channelOf(ctx).id, ctx.params.message)),
    },
    {
      method: 'PATCH',
      template: '/channels/:channel/messages/:message',
      auth: 'bot',
      handler: (ctx) => {
        const channel = channelOf(ctx);
        const message = messageIn(channel.id, ctx.params.message);
        const write = { kind: 'edit' as const, message: ctx.body, channelId: channel.id };
        ctx.validate('messageEdit', { write });
        if (message.author.id !== config.botUserId) {
          throw new DiscordHttpError(403, { message: 'Cannot edit a message authored by another user', code: 50005 });
        }
        applyMessageBody(message, ctx.body as MessageBody, ctx.files);
        message.edited_timestamp = new Date().toISOString();
        ctx.recordWrite(write, true);
        return ok(message);
      },
    },
    {
      method: 'DELETE',
      template: '/channels/:channel/messages/:message',
      auth: 'bot',
      handler: (ctx) => {
        const message = messageIn(channelOf(ctx).id, ctx.params.message);
        const entry = world.messages.get(message.id);
        if (entry) entry.deleted = true;
        return { status: 204 };
      },
    },
    {
      method: 'POST',
      template: '/channels/:channel/typing',
      auth: 'bot',
      handler: (ctx) => {
        channelOf(ctx);
        return { status: 204 };
      },
    },
  );

  // --- guilds -----------------------------------------------------------------------------------

  routes.push(
    {
      method: 'GET',
      template: '/guilds/:guild',
      auth: 'bot',
      handler: (ctx) => {
        const guild = world.guilds.get(ctx.params.guild ?? '');
        if (!guild) throw unknownGuild();
        // The REST guild object is GUILD_CREATE without the gateway-only fields.
        const {
          joined_at: _joinedAt,
          large: _large,
          unavailable: _unavailable,
          member_count: _memberCount,
          voice_states: _voiceStates,
          members: _members,
          channels: _channels,
          threads: _threads,
          presences: _presences,
          stage_instances: _stageInstances,
          guild_scheduled_events: _events,
          soundboard_sounds: _sounds,
          ...rest
        } = guildCreateObject(guild.config, world.botUser, guild.botRoleId, guild.joinedAt);
        return ok(rest);
      },
    },
    {
      method: 'GET',
      template: '/guilds/:guild/channels',
      auth: 'bot',
      handler: (ctx) => {
        const guild = world.guilds.get(ctx.params.guild ?? '');
        if (!guild) throw unknownGuild();
        return ok(guild.config.channels.map((channel, index) => textChannelObject(guild.config.id, channel, index)));
      },
    },
  );

  return routes;
}

/** The application object of GET /oauth2/applications/@me and GET /applications/@me. */
function applicationObject(world: World): Record<string, unknown> {
  const config = world.config;
  return {
    id: config.applicationId,
    name: config.botUsername,
    icon: null,
    description: '',
    type: null,
    bot: world.botUser,
    summary: '',
    is_monetized: false,
    is_verified: false,
    is_discoverable: false,
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: verifyKey,
    flags: 0,
    flags_new: '0',
    hook: true,
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    owner: userObject('200000000000000099', 'newsroom-admin'),
    team: null,
    approximate_guild_count: world.guilds.size,
    approximate_user_install_count: 0,
    approximate_user_authorization_count: 0,
    eligible_oauth2_scopes: ['bot', 'applications.commands'],
    tags: [],
    integration_types_config: { '0': {} },
    storefront_available: false,
    explicit_content_filter: 0,
  };
}

/** Ed25519 public keys are 32 bytes, hex encoded. */
const verifyKey = randomBytes(32).toString('hex');
