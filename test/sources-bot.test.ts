/**
 * /sources and /add through the real bot (discord.js, router, command modules) against the
 * Discord stand-in, fetching from a local site: Manage Server for changes, private replies,
 * an article added by link, and a refusal for a private address when it is not allow-listed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotCommand } from '../src/discord/command.js';
import { listSources } from '../src/index/sources.js';
import { articleByFile } from '../src/index/queries.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import type { DiscordStandIn } from './standin/index.js';
import { GUILD_ID, newStandIn, registerCommands, startBot, type StartedBot, type StartBotOptions } from './bot-harness.js';
import { startNewsSite, type NewsSite } from './sources/server.js';

const MANAGE_GUILD = 0x20n;
/** Reply text as a reader sees it: markdown escapes and the zero-width spaces that keep links inert removed. */
const plain = (content: unknown) => String(content).replace(/\u200b/g, '').replace(/\\(.)/g, '$1');
const VIEW_AND_SEND = 0x400n | 0x800n;

let index: TempIndex;
let standin: DiscordStandIn;
let site: NewsSite;
let commands: BotCommand[];
const running: StartedBot[] = [];

async function bot(options: StartBotOptions = {}): Promise<StartedBot> {
  const started = await startBot(standin, index, { commands, ...options });
  running.push(started);
  return started;
}

beforeAll(async () => {
  index = await tempIndex();
  standin = newStandIn();
  site = await startNewsSite();
  await standin.start();
  commands = await registerCommands(standin);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.bot.stop('test over')));
  standin.assertClean();
  standin.clearRecords();
});

afterAll(async () => {
  await standin.stop();
  await site.close();
  index.cleanup();
});

describe('/sources and /add in the bot', () => {
  it('/sources is for Manage Server; a member without it cannot add, and every reply is private', async () => {
    expect(standin.commands(GUILD_ID).find((c) => c.name === 'sources')!.default_member_permissions).toBe('32');
    await bot({ env: { FETCH_ALLOW_HOSTS: '127.0.0.1' } });
    const refused = await standin.sendCommand({ name: 'sources', subcommand: 'add', options: { url: `${site.base}/rss.xml` }, memberPermissions: VIEW_AND_SEND }).response();
    expect(refused.data).toMatchObject({ flags: EPHEMERAL_FLAG, content: expect.stringMatching(/Manage Server/) });
    expect(listSources(index.db)).toEqual([]);

    const added = await standin.sendCommand({ name: 'sources', subcommand: 'add', options: { url: `${site.base}/rss.xml` }, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).response();
    expect(added.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(plain(added.data?.content)).toMatch(/^Added http:\/\/127\.0\.0\.1:\d+\/rss\.xml: polled every 10 min/);
    const hourly = await standin.sendCommand({ name: 'sources', subcommand: 'add', options: { url: `${site.base}/atom.xml`, every_minutes: 60 }, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).response();
    expect(plain(hourly.data?.content)).toMatch(/atom\.xml: polled every 60 min/);
    const listed = await standin.sendCommand({ name: 'sources', subcommand: 'list', memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).response();
    expect(listed.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(listed.data?.content).toContain(`${site.base}/rss.xml`);
    expect(listed.data?.content).toMatch(/next poll: .* UTC/);
    const removed = await standin.sendCommand({ name: 'sources', subcommand: 'remove', options: { url: '1' }, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).response();
    expect(plain(removed.data?.content)).toMatch(/^Removed /);
    expect(listSources(index.db).map((s) => [s.url, s.intervalMinutes])).toEqual([[`${site.base}/atom.xml`, 60]]);
  });

  it('/add indexes one article by link and says what was indexed, privately', async () => {
    await bot({ env: { FETCH_ALLOW_HOSTS: '127.0.0.1' } });
    const handle = standin.sendCommand({ name: 'add', options: { url: `${site.base}/story` }, memberPermissions: VIEW_AND_SEND });
    expect((await handle.response()).data?.flags).toBe(EPHEMERAL_FLAG);
    const final = await handle.final();
    expect(plain(final.content)).toMatch(/^Indexed: Port authority confirms grain shipments resumed at Odesa — 2024-10-22, \d+ attributed statements?\./);
    expect(articleByFile(index.db, 'https://harbour-wire.example/news/odesa-grain-resumed')?.url).toBe('https://harbour-wire.example/news/odesa-grain-resumed');
  });

  it('/add refuses a private address when FETCH_ALLOW_HOSTS does not open it (the default)', async () => {
    await bot();
    const final = await standin.sendCommand({ name: 'add', options: { url: `${site.base}/ferry` }, memberPermissions: VIEW_AND_SEND }).final();
    expect(plain(final.content)).toMatch(/Not indexed: 127\.0\.0\.1 is a private, loopback or link-local address: refused/);
    expect(site.requests.filter((r) => r.path === '/ferry')).toEqual([]);
  });
});
