/**
 * The Discord stand-in, exercised with the real discord.js Client (no bot code: each test wires a
 * tiny responder inline). These tests double as the how-to for the bot's own integration tests.
 */
import { once } from 'node:events';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as spec from 'discord-api-spec/zod';
import WebSocket from 'ws';
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  HTTPError,
  MessageFlags,
  Routes,
  SlashCommandBuilder,
  type ChatInputCommandInteraction,
  type ClientOptions,
  type Interaction,
  type TextChannel,
} from 'discord.js';
import { DiscordStandIn, type StandInConfig } from './standin/index.js';
import { standInRestOptions } from './standin/client.js';

const TOKEN = 'standin-test-token.secret';
const APP_ID = '1100000000000000001';
const BOT_ID = '1100000000000000002';
const GUILD_ID = '1200000000000000001';
const CHANNEL_ID = '1300000000000000001';
const OTHER_CHANNEL_ID = '1300000000000000002';

const baseConfig: StandInConfig = {
  token: TOKEN,
  applicationId: APP_ID,
  botUserId: BOT_ID,
  guilds: [
    {
      id: GUILD_ID,
      name: 'Newsroom',
      channels: [
        { id: CHANNEL_ID, name: 'fact-check' },
        { id: OTHER_CHANNEL_ID, name: 'digest' },
      ],
    },
  ],
};

const claimsCommand = new SlashCommandBuilder()
  .setName('claims')
  .setDescription('Find what someone said about a topic')
  .addStringOption((o) => o.setName('who').setDescription('Speaker').setRequired(true).setAutocomplete(true))
  .addIntegerOption((o) => o.setName('limit').setDescription('How many excerpts').setMinValue(1).setMaxValue(10))
  .setDefaultMemberPermissions(0n);

let standin: DiscordStandIn | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await standin?.stop();
  standin = undefined;
});

/** Starts a stand-in and logs a real discord.js Client in to it. */
async function boot(
  overrides: Partial<StandInConfig> = {},
  clientOptions: Partial<ClientOptions> = {},
): Promise<{ standin: DiscordStandIn; client: Client }> {
  const s = new DiscordStandIn({ ...baseConfig, ...overrides });
  standin = s;
  await s.start();
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: standInRestOptions(s), ...clientOptions });
  client = c;
  // clientReady can fire before login() resolves: listen first.
  const ready = once(c, Events.ClientReady);
  await c.login(TOKEN);
  await ready;
  return { standin: s, client: c };
}

/**
 * Runs `respond` for the next interaction and hands its outcome back to the test, so an error
 * thrown by discord.js fails the test instead of becoming an unhandled rejection.
 */
function respondToNext<T>(c: Client, respond: (interaction: Interaction) => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    c.once(Events.InteractionCreate, (interaction) => {
      respond(interaction).then(resolve, reject);
    });
  });
}

/** Polls a client-side condition (stand-in state has `standin.waitFor`, which needs no polling). */
async function eventually(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function asCommand(interaction: Interaction): ChatInputCommandInteraction {
  if (!interaction.isChatInputCommand()) throw new Error(`expected a slash command, got type ${interaction.type}`);
  return interaction;
}

describe('connecting discord.js', () => {
  it('logs in through GET /gateway/bot and the WebSocket it returns, and becomes ready', async () => {
    const s = new DiscordStandIn(baseConfig);
    standin = s;
    const { restBase, gatewayUrl } = await s.start();
    // The minimal wiring: discord.js appends /v10 to rest.api and asks it for the gateway URL.
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: restBase } });
    client = c;
    const ready = once(c, Events.ClientReady);
    await c.login(TOKEN);
    await ready;

    expect(s.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
    expect(s.requests[0]?.headers.authorization).toBe('Bot [valid]');
    expect(c.ws.gateway).toBe(`${gatewayUrl}/`);
    expect(s.identifies).toHaveLength(1);
    expect(s.identifies[0]).toMatchObject({ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1], compress: false });
    expect(c.user?.id).toBe(BOT_ID);
    expect(c.application?.id).toBe(APP_ID);
    expect(c.guilds.cache.get(GUILD_ID)?.name).toBe('Newsroom');
    expect(c.channels.cache.get(CHANNEL_ID)?.isTextBased()).toBe(true);
    // READY (s=1) then one GUILD_CREATE (s=2), both on the URL from /gateway/bot.
    const dispatches = s.gatewayFrames.filter((f) => f.direction === 'out' && f.op === 0);
    expect(dispatches.map((f) => [f.t, f.s])).toEqual([
      ['READY', 1],
      ['GUILD_CREATE', 2],
    ]);
    s.assertClean();
  });

  it('guards against requests that would leave the stand-in', async () => {
    const { standin: s, client: c } = await boot();
    // Requests through the client's REST go to the stand-in…
    await expect(c.rest.get(Routes.gatewayBot())).resolves.toMatchObject({ shards: 1 });
    // …and anything aimed elsewhere (a hard-coded discord.com URL, say) fails loudly.
    const rest = standInRestOptions(s);
    await expect(rest.makeRequest?.('https://discord.com/api/v10/gateway/bot', { method: 'GET' })).rejects.toThrow(
      /blocked a request to https:\/\/discord\.com/,
    );
    expect(s.blockedRequests).toEqual(['https://discord.com/api/v10/gateway/bot']);
  });

  it('rejects a bad token: REST answers 401 and login() fails with TokenInvalid', async () => {
    const s = new DiscordStandIn(baseConfig);
    standin = s;
    await s.start();
    const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: standInRestOptions(s) });
    client = c;
    await expect(c.login('not-the-token')).rejects.toMatchObject({ code: 'TokenInvalid' });
    expect(s.requests[0]).toMatchObject({ path: '/gateway/bot', status: 401, responseBody: { message: '401: Unauthorized', code: 0 } });
    expect(s.requests[0]?.headers.authorization).toBe('Bot [invalid]');
  });

  it('closes the gateway with 4004 when IDENTIFY carries a wrong token', async () => {
    const s = new DiscordStandIn(baseConfig);
    standin = s;
    const { gatewayUrl } = await s.start();
    const ws = new WebSocket(`${gatewayUrl}/?v=10&encoding=json`);
    const hello = JSON.parse(String((await once(ws, 'message'))[0])) as { op: number; d: { heartbeat_interval: number } };
    expect(hello).toMatchObject({ op: 10, d: { heartbeat_interval: 41_250 } });
    ws.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: { os: 'linux', browser: 't', device: 't' } } }));
    const [code] = (await once(ws, 'close')) as [number];
    expect(code).toBe(4004);
  });

  it('refuses privileged intents the application has not enabled (4014), so login() rejects', async () => {
    const s = new DiscordStandIn(baseConfig);
    standin = s;
    await s.start();
    const c = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.MessageContent],
      rest: standInRestOptions(s),
    });
    client = c;
    await expect(c.login(TOKEN)).rejects.toThrow(/disallowed intents/i);
    expect(s.gatewayCloses.at(-1)).toMatchObject({ code: 4014, by: 'server' });
  });

  it('acknowledges heartbeats', async () => {
    const { standin: s, client: c } = await boot({ heartbeatIntervalMs: 50 });
    await s.waitFor(() => s.heartbeats >= 3, 2_000);
    expect(s.gatewayFrames.filter((f) => f.direction === 'out' && f.op === 11).length).toBeGreaterThanOrEqual(3);
    await s.waitFor(() => c.ws.ping >= 0, 1_000);
  });

  it('speaks zlib-stream when a client asks for it', async () => {
    const s = new DiscordStandIn(baseConfig);
    standin = s;
    const { gatewayUrl } = await s.start();
    const ws = new WebSocket(`${gatewayUrl}/?v=10&encoding=json&compress=zlib-stream`);
    // One inflate context for the whole connection; each message ends in a sync flush.
    const inflate = zlib.createInflate();
    const payloads: Array<{ op: number; t: string | null }> = [];
    let text = '';
    inflate.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      try {
        payloads.push(JSON.parse(text) as { op: number; t: string | null });
        text = '';
      } catch {
        // an incomplete payload: wait for the rest
      }
    });
    ws.on('message', (data: Buffer) => inflate.write(data));
    await eventually(() => payloads.length >= 1);
    ws.send(JSON.stringify({ op: 2, d: { token: TOKEN, intents: 1, properties: { os: 'linux', browser: 't', device: 't' } } }));
    await eventually(() => payloads.length >= 3);
    expect(payloads.map((p) => p.t ?? p.op)).toEqual([10, 'READY', 'GUILD_CREATE']);
    ws.close(1000);
  });
});

describe('application commands', () => {
  it('registers commands with client.application.commands.set and validates them', async () => {
    const { standin: s, client: c } = await boot();
    const created = await c.application!.commands.set([claimsCommand.toJSON()]);
    const registered = s.commands();
    expect(registered.map((r) => r.name)).toEqual(['claims']);
    expect(created.first()?.id).toBe(registered[0]?.id);
    expect(registered[0]).toMatchObject({ application_id: APP_ID, default_member_permissions: '0', type: 1 });

    // Overwriting keeps the id of an unchanged name, as Discord does.
    const again = await c.application!.commands.set([claimsCommand.toJSON()]);
    expect(again.first()?.id).toBe(registered[0]?.id);

    // Guild scope.
    await c.application!.commands.set([claimsCommand.toJSON()], GUILD_ID);
    expect(s.commands(GUILD_ID).map((r) => r.guild_id)).toEqual([GUILD_ID]);

    s.assertClean();
    // discord.js sends default_member_permissions as a string, which the OpenAPI file types as an integer.
    expect(s.quirks.map((q) => q.quirk)).toContain('default-member-permissions-string');
  });

  it('rejects invalid command definitions with 400 / 50035 and records why', async () => {
    const { standin: s, client: c } = await boot();
    const error = await c
      .application!.commands.set([
        { name: 'Claims', description: 'upper-case name' },
        { name: 'who', description: 'x'.repeat(101) },
      ])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035 });
    const issues = s.violations.flatMap((v) => v.issues.map((i) => `${i.path} ${i.code}`));
    expect(issues).toEqual(['[1].description BASE_TYPE_MAX_LENGTH', '[0].name APPLICATION_COMMAND_INVALID_NAME']);
    expect(s.commands()).toEqual([]);
  });
});

describe('interaction responses', () => {
  it('a reply with embeds arrives as a 204 callback and is recorded as valid', async () => {
    const { standin: s, client: c } = await boot();
    await c.application!.commands.set([claimsCommand.toJSON()]);
    const replied = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      expect(command.options.getString('who')).toBe('mayor');
      expect(command.options.getInteger('limit')).toBe(3);
      expect(command.memberPermissions?.has('SendMessages')).toBe(true);
      const embed = new EmbedBuilder().setTitle('What the mayor said').setDescription('“We will fix the bridge.”');
      await command.reply({ embeds: [embed], allowedMentions: { parse: [] } });
    });
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor', limit: 3 } });
    const response = await handle.response();
    await replied;

    expect(response.type).toBe(4);
    expect(response.data?.embeds).toEqual([{ title: 'What the mayor said', description: '“We will fix the bridge.”' }]);
    const callback = s.requests.find((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(callback).toMatchObject({ status: 204, responseBody: undefined });
    expect(callback?.headers.authorization).toBeUndefined(); // callbacks authenticate by URL token
    expect(s.messagesIn(CHANNEL_ID)).toMatchObject([
      { type: 20, author: { id: BOT_ID }, embeds: [{ type: 'rich', title: 'What the mayor said' }], interaction_metadata: { name: 'claims' } },
    ]);
    expect(s.messageWrites.every((w) => w.allowedMentionsPresent)).toBe(true);
    s.assertClean();
  });

  it('a deferred reply is fulfilled by editReply → PATCH @original, which final() returns', async () => {
    const { standin: s, client: c } = await boot();
    const done = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply({ flags: MessageFlags.Ephemeral });
      await new Promise((resolve) => setTimeout(resolve, 50)); // "searching the index"
      await command.editReply({ content: 'Three statements found.', allowedMentions: { parse: [] } });
    });
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect(await handle.response()).toEqual({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const final = await handle.final();
    await done;

    expect(final).toMatchObject({ content: 'Three statements found.', allowed_mentions: { parse: [] } });
    expect(handle.message()).toMatchObject({ content: 'Three statements found.', flags: MessageFlags.Ephemeral, edited_timestamp: null });
    expect(s.requests.map((r) => r.route)).toContain('PATCH /webhooks/:app/:token/messages/@original');
    s.assertClean();
  });

  it('follow-ups: the first one after a deferral replaces the placeholder, later ones are new messages', async () => {
    const { standin: s, client: c } = await boot();
    const done = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      const first = await command.followUp({ content: 'Part 1', allowedMentions: { parse: [] } });
      const second = await command.followUp({ content: 'Part 2', allowedMentions: { parse: [] } });
      return [first.id, second.id];
    });
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    const [firstId, secondId] = await done;
    expect(await handle.final()).toMatchObject({ content: 'Part 1' });
    expect(firstId).toBe(handle.message()?.id);
    expect(handle.followUps().map((m) => [m.id, m.content])).toEqual([[secondId, 'Part 2']]);
    expect(s.messagesIn(CHANNEL_ID).map((m) => m.content)).toEqual(['Part 1', 'Part 2']);
    expect(s.requests.filter((r) => r.route === 'POST /webhooks/:app/:token').map((r) => r.query.wait)).toEqual(['true', 'true']);
    s.assertClean();
  });

  it('returns an InteractionCallbackResponse when asked with ?with_response=true', async () => {
    const { standin: s, client: c } = await boot();
    const done = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'Checking…', withResponse: true, allowedMentions: { parse: [] } }),
    );
    s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    const callbackResponse = await done;
    expect(callbackResponse.resource?.message?.content).toBe('Checking…');
    const raw = s.requests.find((r) => r.query.with_response === 'true');
    expect(raw?.status).toBe(200);
    expect(z.safeParse(spec.InteractionCallbackResponseSchema, raw?.responseBody).success).toBe(true);
  });

  it('rejects a 2001-character reply and a 6001-character embed set with 400 / 50035 (DiscordAPIError)', async () => {
    const { standin: s, client: c } = await boot();
    const attempts = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      const tooLong = await command.reply({ content: 'x'.repeat(2001), allowedMentions: { parse: [] } }).catch((e: unknown) => e);
      // Each embed is within its own limits; together they exceed 6000 characters.
      const embeds = [{ description: 'a'.repeat(4096) }, { description: 'b'.repeat(1905) }];
      const tooBig = await command.reply({ embeds, allowedMentions: { parse: [] } }).catch((e: unknown) => e);
      return { tooLong, tooBig };
    });
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    const { tooLong, tooBig } = await attempts;

    expect(tooLong).toBeInstanceOf(DiscordAPIError);
    expect(tooLong).toMatchObject({ status: 400, code: 50035, message: expect.stringContaining('Invalid Form Body') });
    expect((tooLong as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { content: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
    });
    expect(tooBig).toMatchObject({ status: 400, code: 50035 });
    expect((tooBig as DiscordAPIError).rawError).toMatchObject({
      errors: { data: { embeds: { _errors: [{ code: 'MAX_EMBED_SIZE_EXCEEDED' }] } } },
    });
    expect(s.violations.map((v) => [v.kind, v.issues[0]?.path, v.interactionId])).toEqual([
      ['schema', 'data.content', handle.id],
      ['limit', 'data.embeds', handle.id],
    ]);
    // Rejected writes are still audited.
    expect(s.messageWrites.map((w) => w.accepted)).toEqual([false, false]);
    // Nothing was accepted, so the interaction is still unanswered.
    await expect(handle.response(100)).rejects.toThrow(/no accepted callback/);
  });

  it('rejects a second callback with 40060 "already acknowledged"', async () => {
    const { standin: s, client: c } = await boot();
    const second = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      // UPDATE_MESSAGE (7) only exists for component interactions: refused, nothing acknowledged.
      const wrongType = await c.rest
        .post(Routes.interactionCallback(command.id, command.token), { body: { type: 7, data: { content: 'x' } }, auth: false })
        .catch((e: unknown) => e);
      expect(wrongType).toMatchObject({ status: 400, code: 50035 });
      await command.reply({ content: 'first', allowedMentions: { parse: [] } });
      // discord.js refuses a second reply itself; go around it as a buggy raw call would.
      return c.rest
        .post(Routes.interactionCallback(command.id, command.token), {
          body: { type: 4, data: { content: 'second' } },
          auth: false,
        })
        .catch((e: unknown) => e);
    });
    s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect(await second).toMatchObject({ status: 400, code: 40060, message: 'Interaction has already been acknowledged.' });
    expect(s.violations.map((v) => [v.kind, v.issues[0]?.code])).toEqual([['semantic', 'INTERACTION_RESPONSE_TYPE_INVALID']]);
  });

  it('answers a late callback with 404 / 10062 "Unknown interaction"', async () => {
    const { standin: s, client: c } = await boot({ callbackWindowMs: 150 });
    const late = respondToNext(c, async (interaction) => {
      await new Promise((resolve) => setTimeout(resolve, 250));
      return asCommand(interaction).reply({ content: 'too late', allowedMentions: { parse: [] } }).catch((e: unknown) => e);
    });
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    await expect(handle.response()).rejects.toThrow(/no accepted callback for \/claims/);
    expect(await late).toMatchObject({ status: 404, code: 10062, message: 'Unknown interaction' });
  });

  it('lets the interaction webhook expire (404 / 10015 "Unknown Webhook")', async () => {
    const { standin: s, client: c } = await boot({ webhookTtlMs: 150 });
    const outcome = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      await command.deferReply();
      await new Promise((resolve) => setTimeout(resolve, 250));
      return command.editReply({ content: 'done', allowedMentions: { parse: [] } }).catch((e: unknown) => e);
    });
    s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect(await outcome).toMatchObject({ status: 404, code: 10015 });
  });

  it('answers autocomplete with up to 25 choices and rejects more', async () => {
    const { standin: s, client: c } = await boot();
    await c.application!.commands.set([claimsCommand.toJSON()]);
    const speakers = ['Mayor Ada Obi', 'Mayor’s office', 'Marta Ruiz'];
    const answered = respondToNext(c, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const typed = interaction.options.getFocused();
      await interaction.respond(speakers.filter((n) => n.toLowerCase().startsWith(typed)).map((n) => ({ name: n, value: n })));
    });
    const handle = s.sendAutocomplete({ name: 'claims', options: { who: 'ma' }, focused: 'who' });
    expect(await handle.choices()).toEqual([
      { name: 'Mayor Ada Obi', value: 'Mayor Ada Obi' },
      { name: 'Mayor’s office', value: 'Mayor’s office' },
      { name: 'Marta Ruiz', value: 'Marta Ruiz' },
    ]);
    await answered;
    expect(handle.payload).toMatchObject({ type: 4, data: { name: 'claims', options: [{ name: 'who', focused: true, value: 'ma' }] } });

    const tooMany = respondToNext(c, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('expected autocomplete');
      const choices = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
      return interaction.respond(choices).catch((e: unknown) => e);
    });
    s.sendAutocomplete({ name: 'claims', options: { who: 'x' }, focused: 'who' });
    expect(await tooMany).toMatchObject({ status: 400, code: 50035 });
    expect(s.violations.at(-1)?.issues[0]).toMatchObject({ path: 'data.choices', code: 'BASE_TYPE_MAX_LENGTH' });
  });

  it('clicks a button on the bot’s message and sees the UPDATE_MESSAGE result', async () => {
    const { standin: s, client: c } = await boot();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('claims:page:2').setLabel('Next').setStyle(ButtonStyle.Primary),
    );
    const first = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'Page 1', components: [row], allowedMentions: { parse: [] } }),
    );
    const command = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    await first;
    const messageId = command.message()?.id;
    expect(messageId).toBeDefined();

    const paged = respondToNext(c, async (interaction) => {
      if (!interaction.isButton()) throw new Error('expected a button');
      expect(interaction.customId).toBe('claims:page:2');
      expect(interaction.message.id).toBe(messageId);
      await interaction.update({ content: 'Page 2', components: [], allowedMentions: { parse: [] } });
    });
    const click = s.clickButton({ customId: 'claims:page:2', messageId: messageId ?? '' });
    expect(await click.final()).toMatchObject({ content: 'Page 2', components: [] });
    await paged;
    expect(s.message(messageId ?? '')).toMatchObject({ content: 'Page 2', components: [] });
    expect(() => s.clickButton({ customId: 'claims:page:2', messageId: messageId ?? '' })).toThrow(/no component/);
    s.assertClean();
  });

  it('builds realistic payloads: subcommands, resolved users, DMs', async () => {
    const { standin: s, client: c } = await boot();
    const digest = new SlashCommandBuilder()
      .setName('digest')
      .setDescription('Daily digest')
      .addSubcommand((sub) =>
        sub
          .setName('subscribe')
          .setDescription('Subscribe someone')
          .addUserOption((o) => o.setName('reporter').setDescription('Who').setRequired(true)),
      );
    await c.application!.commands.set([digest.toJSON()]);
    const seen = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      await command.reply({ content: 'subscribed', allowedMentions: { parse: [] } });
      return [command.options.getSubcommand(), command.options.getUser('reporter')?.id, command.inGuild()];
    });
    const handle = s.sendCommand({ name: 'digest', subcommand: 'subscribe', options: { reporter: '200000000000000042' } });
    expect(await seen).toEqual(['subscribe', '200000000000000042', true]);
    expect(handle.payload).toMatchObject({
      application_id: APP_ID,
      guild_id: GUILD_ID,
      channel: { id: CHANNEL_ID, type: 0 },
      member: { user: { id: '200000000000000001' }, permissions: expect.any(String) },
      app_permissions: expect.any(String),
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD_ID },
      context: 0,
      version: 1,
      data: { id: s.commands()[0]?.id, options: [{ name: 'subscribe', type: 1, options: [{ name: 'reporter', type: 6 }] }] },
    });
    expect(() => s.sendCommand({ name: 'digest', subcommand: 'subscribe', options: {} })).toThrow(/missing required option "reporter"/);

    const inDm = respondToNext(c, async (interaction) => {
      const command = asCommand(interaction);
      await command.reply({ content: 'hi', allowedMentions: { parse: [] } });
      return command.inGuild();
    });
    const dm = s.sendCommand({ name: 'help', guildId: null });
    expect(await inDm).toBe(false);
    expect(dm.payload).toMatchObject({ context: 1, user: { id: '200000000000000001' }, channel: { type: 1 } });
    s.assertClean();
  });

  it('accepts files as multipart with payload_json', async () => {
    const { standin: s, client: c } = await boot();
    const done = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({
        content: 'Export attached',
        files: [new AttachmentBuilder(Buffer.from('quote,source\n'), { name: 'claims.csv' })],
        allowedMentions: { parse: [] },
      }),
    );
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    await done;
    const callback = handle.requests()[0];
    expect(callback?.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(callback?.files).toEqual([{ field: 'files[0]', name: 'claims.csv', size: 13, contentType: expect.any(String) }]);
    expect(handle.message()?.attachments.map((a) => a.filename)).toEqual(['claims.csv']);
    s.assertClean();
  });
});

describe('channel messages', () => {
  it('posts, fetches and audits allowed_mentions on channel messages', async () => {
    const { standin: s, client: c } = await boot();
    const channel = (await c.channels.fetch(OTHER_CHANNEL_ID, { force: true })) as TextChannel;
    expect(channel.name).toBe('digest');
    const sent = await channel.send({ content: 'Daily digest', allowedMentions: { parse: [] } });
    await channel.send({ content: 'no allowed_mentions here' });
    const fetched = await channel.messages.fetch({ message: sent.id, force: true });

    expect(fetched.content).toBe('Daily digest');
    expect(s.messagesIn(OTHER_CHANNEL_ID).map((m) => m.content)).toEqual(['Daily digest', 'no allowed_mentions here']);
    expect(s.messageWrites.map((w) => w.allowedMentionsPresent)).toEqual([true, false]);
    await expect(c.channels.fetch('1399999999999999999')).rejects.toMatchObject({ status: 404, code: 10003 });
    s.assertClean();
  });

  it('answers unknown routes with 404 and records them; requires the bot token', async () => {
    const { standin: s } = await boot();
    const { apiBase } = s.urls;
    const unknown = await fetch(`${apiBase}/guilds/${GUILD_ID}/bans`, { headers: { authorization: `Bot ${TOKEN}` } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: '404: Not Found', code: 0 });
    const anonymous = await fetch(`${apiBase}/channels/${CHANNEL_ID}`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ message: '401: Unauthorized', code: 0 });
    expect(s.unexpected.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /guilds/${GUILD_ID}/bans`]);
    expect(() => s.assertClean()).toThrow(/unexpected request GET \/guilds/);
  });
});

describe('rate limits and server errors', () => {
  it('honours a 429 on the callback: discord.js waits retry_after before retrying', async () => {
    const { standin: s, client: c } = await boot();
    s.faults.next({ route: /\/callback$/, status: 429, retryAfter: 0.3 });
    const done = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'ok', allowedMentions: { parse: [] } }),
    );
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    await done;
    const attempts = handle.requests().filter((r) => r.route === 'POST /interactions/:id/:token/callback');
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[0]?.responseBody).toEqual({ message: 'You are being rate limited.', retry_after: 0.3, global: false });
    const waited = (attempts[1]?.time ?? 0) - (attempts[0]?.time ?? 0);
    expect(waited).toBeGreaterThanOrEqual(300);
  });

  it('sends Discord’s 429 headers (and X-RateLimit-* on success)', async () => {
    const { standin: s } = await boot();
    const { apiBase } = s.urls;
    const auth = { authorization: `Bot ${TOKEN}` };
    const fine = await fetch(`${apiBase}/channels/${CHANNEL_ID}`, { headers: auth });
    expect(fine.headers.get('x-ratelimit-bucket')).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(fine.headers.get('x-ratelimit-remaining'))).toBeGreaterThan(0);

    s.faults.next({ route: '/channels/', status: 429, retryAfter: 1.5, global: true });
    const limited = await fetch(`${apiBase}/channels/${CHANNEL_ID}`, { headers: auth });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ message: 'You are being rate limited.', retry_after: 1.5, global: true });
    expect(Object.fromEntries([...limited.headers].filter(([k]) => k === 'retry-after' || k.startsWith('x-ratelimit')))).toEqual({
      'retry-after': '1.5',
      'x-ratelimit-limit': expect.any(String),
      'x-ratelimit-remaining': '0',
      'x-ratelimit-reset': expect.stringMatching(/^\d+\.\d{3}$/),
      'x-ratelimit-reset-after': '1.500',
      'x-ratelimit-bucket': expect.stringMatching(/^[0-9a-f]{32}$/),
      'x-ratelimit-scope': 'global',
      'x-ratelimit-global': 'true',
    });
  });

  it('retries 5xx: two 502s then success', async () => {
    const { standin: s, client: c } = await boot();
    s.faults.next({ route: `/channels/${CHANNEL_ID}/messages`, method: 'POST', status: 502, times: 2 });
    const channel = c.channels.cache.get(CHANNEL_ID) as TextChannel;
    await channel.send({ content: 'digest', allowedMentions: { parse: [] } });
    const posts = s.requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.status)).toEqual([502, 502, 200]);
    expect(s.messagesIn(CHANNEL_ID)).toHaveLength(1);
  });

  it('a 500 after the callback took effect turns discord.js’s retry into 40060', async () => {
    const { standin: s, client: c } = await boot();
    s.faults.next({ route: /\/callback$/, status: 500, phase: 'after' });
    const outcome = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'ok', allowedMentions: { parse: [] } }).catch((e: unknown) => e),
    );
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    const error = await outcome;
    // The user sees the reply, yet the bot got an error: a handler must not "reply again" on 40060.
    expect(error).toMatchObject({ status: 400, code: 40060 });
    expect(error).not.toBeInstanceOf(HTTPError);
    expect((await handle.response()).type).toBe(4);
    expect(handle.requests().map((r) => r.status)).toEqual([500, 400]);
  });
});

describe('gateway faults', () => {
  it('resumes after a dropped connection and still answers interactions', async () => {
    const { standin: s, client: c } = await boot();
    c.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
    });
    s.dropGateway(); // 1006: the TCP connection just dies
    // Sent while disconnected: kept in the session and replayed on RESUME.
    const during = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect((await during.response()).type).toBe(4);
    expect(s.resumes).toHaveLength(1);
    expect(s.resumes[0]).toMatchObject({ ok: true, replayed: 1, connectionPath: '/resume-gateway' });
    expect(s.gatewayFrames.some((f) => f.direction === 'in' && f.op === 6)).toBe(true);
    expect(s.identifies).toHaveLength(1); // resumed, not re-identified

    s.dropGateway({ code: 4000 });
    await s.waitFor(() => s.resumes.length === 2 && s.resumes[1]?.ok, 3_000);
    await s.waitForGateway();
    const after = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect((await after.response()).type).toBe(4);
    s.assertClean();
  });

  it('re-identifies when the session cannot be resumed (INVALID_SESSION d:false)', async () => {
    // @discordjs/ws spaces IDENTIFYs 5 s apart; a no-op throttler keeps the test fast.
    const { standin: s, client: c } = await boot(
      {},
      { ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => {} }) } },
    );
    c.on(Events.InteractionCreate, (interaction) => {
      if (interaction.isChatInputCommand()) void interaction.reply({ content: 'pong', allowedMentions: { parse: [] } });
    });
    const readyAgain = once(c, Events.ShardReady);
    s.dropGateway({ code: 4000, resumable: false });
    await readyAgain;
    expect(s.resumes.map((r) => r.ok)).toEqual([false]);
    expect(s.gatewayFrames.some((f) => f.direction === 'out' && f.op === 9)).toBe(true);
    expect(s.identifies).toHaveLength(2);
    expect((await s.sendCommand({ name: 'claims', options: { who: 'mayor' } }).response()).type).toBe(4);
  });

  it('resumes on the same connection after INVALID_SESSION d:true', async () => {
    const { standin: s } = await boot();
    s.invalidateSession({ resumable: true });
    await s.waitFor(() => s.resumes[0]?.ok, 2_000);
    expect(s.resumes[0]).toMatchObject({ connectionId: 1, connectionPath: '/', replayed: 0 });
    expect(s.identifies).toHaveLength(1);
  });

  it('gateway latency eats into the callback window', async () => {
    const { standin: s, client: c } = await boot({ callbackWindowMs: 200 });
    const outcome = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'hi', allowedMentions: { parse: [] } }).catch((e: unknown) => e),
    );
    s.delayGateway(250);
    s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    expect(await outcome).toMatchObject({ code: 10062 });
    s.delayGateway(0);
  });
});

describe('the stand-in’s own answers', () => {
  it('match the spec’s response schemas', async () => {
    const { standin: s, client: c } = await boot();
    await c.application!.commands.set([claimsCommand.toJSON()]);
    const done = respondToNext(c, async (interaction) =>
      asCommand(interaction).reply({ content: 'ok', embeds: [{ title: 't' }], allowedMentions: { parse: [] } }),
    );
    const handle = s.sendCommand({ name: 'claims', options: { who: 'mayor' } });
    await done;
    const { apiBase } = s.urls;
    const get = async (path: string): Promise<unknown> =>
      (await fetch(`${apiBase}${path}`, { headers: { authorization: `Bot ${TOKEN}` } })).json();

    const checks: Array<[string, Parameters<typeof z.safeParse>[0], unknown]> = [
      ['gateway/bot', spec.GatewayBotResponseSchema, await get('/gateway/bot')],
      ['users/@me', spec.UserPIIResponseSchema, await get('/users/@me')],
      ['applications/@me', spec.PrivateApplicationResponseSchema, await get('/applications/@me')],
      ['channel', spec.GuildChannelResponseSchema, await get(`/channels/${CHANNEL_ID}`)],
      ['command', spec.ApplicationCommandResponseSchema, s.commands()[0]],
      ['message', spec.MessageResponseSchema, handle.message()],
    ];
    for (const [name, schema, value] of checks) {
      const result = z.safeParse(schema, value);
      expect(result.success ? [] : result.error.issues.map((i) => `${name}: ${i.path.join('.')} ${i.code}`)).toEqual([]);
    }
  });
});
