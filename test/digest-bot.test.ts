/**
 * /digest through the real bot (discord.js, router, command modules) against
 * the Discord stand-in, on an index built from seeds/: permissions, ephemeral
 * replies, and a scheduled digest of the seed articles arriving in the channel
 * as valid messages — once, across a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import type { BotCommand } from '../src/discord/command.js';
import { getDigestConfig, listRuns, saveDigestConfig } from '../src/digest/store.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import type { DiscordStandIn } from './standin/index.js';
import { CHANNEL_ID, GUILD_ID, delay, newStandIn, registerCommands, startBot, type StartedBot } from './bot-harness.js';

const MANAGE_GUILD = 0x20n;
const VIEW_AND_SEND = 0x400n | 0x800n;

let index: TempIndex;
let standin: DiscordStandIn;
let commands: BotCommand[];
const running: StartedBot[] = [];

/** Polls `probe` (the ledger is not something the stand-in's waitFor watches) until it returns a value. */
async function until<T>(probe: () => T | null, explain: () => string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms\n${explain()}`);
    await delay(25);
  }
}

/** Messages in the channel that everyone sees (not the ephemeral interaction replies the stand-in also keeps). */
function channelPosts(): ReturnType<DiscordStandIn['messagesIn']> {
  return standin.messagesIn(CHANNEL_ID).filter((m) => ((m.flags ?? 0) & EPHEMERAL_FLAG) === 0 && !m.interaction_metadata);
}

async function bot(): Promise<StartedBot> {
  const started = await startBot(standin, index, { commands });
  running.push(started);
  return started;
}

beforeAll(async () => {
  index = await tempIndex();
  standin = newStandIn();
  await standin.start();
  commands = await registerCommands(standin);
});

afterEach(async () => {
  await Promise.all(running.splice(0).map((b) => b.bot.stop('test over')));
  standin.faults.clear();
  standin.assertClean();
  standin.clearRecords();
});

afterAll(async () => {
  await standin.stop();
  index.cleanup();
});

describe('/digest in the bot', () => {
  it('is registered for Manage Server only, and refuses changes from members without it', async () => {
    const registered = standin.commands(GUILD_ID).find((c) => c.name === 'digest')!;
    expect(registered.default_member_permissions).toBe('32');
    await bot();
    const refused = await standin.sendCommand({ name: 'digest', subcommand: 'set', options: { channel: CHANNEL_ID, schedule: '0 7 * * *' }, memberPermissions: VIEW_AND_SEND }).response();
    expect(refused.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(refused.data?.content).toMatch(/Manage Server/);
    expect(getDigestConfig(index.db, GUILD_ID)).toBeNull();
  });

  it('set and show answer privately; a bad time zone is named', async () => {
    await bot();
    const bad = await standin
      .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: CHANNEL_ID, schedule: '0 7 * * *', timezone: 'Europe/Kyev' }, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND })
      .response();
    expect(bad.data?.content).toMatch(/timezone: "Europe\/Kyev" is not an IANA time zone/);
    const set = await standin
      .sendCommand({ name: 'digest', subcommand: 'set', options: { channel: CHANNEL_ID, schedule: '0 7 * * *', timezone: 'Europe/Kyiv' }, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND })
      .response();
    expect(set.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(set.data?.content).toMatch(/^Digest set up\./);
    expect(getDigestConfig(index.db, GUILD_ID)).toMatchObject({ channelId: CHANNEL_ID, schedule: '0 7 * * *', timezone: 'Europe/Kyiv', enabled: true });
    const shown = await standin.sendCommand({ name: 'digest', subcommand: 'show', memberPermissions: VIEW_AND_SEND }).response();
    expect(shown.data?.content).toContain('(Europe/Kyiv)');
  });

  it('preview is ephemeral and posts nothing to the channel', async () => {
    await bot();
    const before = channelPosts().length;
    const preview = await standin.sendCommand({ name: 'digest', subcommand: 'preview', memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).response();
    expect(preview.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(String(preview.data?.content)).toMatch(/^Preview only — nothing is posted\./);
    expect(channelPosts()).toHaveLength(before);
  });

  it('posts the digest of the seed articles as valid channel messages, once, across a restart', async () => {
    // The seeds were ingested two days ago; the digest was set up three days ago and the bot was down since.
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000).toISOString();
    index.db.prepare('UPDATE articles SET ingested_at = ?').run(twoDaysAgo);
    saveDigestConfig(index.db, {
      guildId: GUILD_ID,
      channelId: CHANNEL_ID,
      schedule: '0 7 * * *',
      timezone: 'UTC',
      sections: ['articles', 'people', 'figures', 'positions'],
      whenEmpty: 'line',
      maxMessages: 3,
      enabled: true,
      updatedBy: null,
      activeSince: threeDaysAgo,
      createdAt: threeDaysAgo,
      updatedAt: threeDaysAgo,
    });
    const before = channelPosts().length;
    await bot();
    const started = await bot();
    const posted = await until(() => {
      const runs = listRuns(index.db, GUILD_ID).filter((r) => r.status === 'posted');
      return runs.length > 0 ? runs : null;
    }, () => started.logger.lines.join('\n'));
    const messages = channelPosts().slice(before);
    expect(messages).toHaveLength(posted[0]!.parts.length);
    const text = messages.map((m) => `${m.content}\n${m.embeds.map((e) => `${e.title}\n${e.description}`).join('\n')}`).join('\n');
    const titles = index.db.prepare('SELECT key FROM articles').pluck().all() as string[];
    expect(titles).toHaveLength(5);
    for (const file of titles) expect(text).toContain(file.replace(/_/g, '\\_'));
    expect(text).toContain('catching up');
    expect(standin.violations).toEqual([]);
    for (const write of standin.messageWrites) expect(write.allowedMentions).toEqual({ parse: [] });

    // Restart: the window is in the ledger, so nothing is posted again.
    await Promise.all(running.splice(0).map((b) => b.bot.stop('restart')));
    await bot();
    await delay(500);
    expect(channelPosts().slice(before)).toHaveLength(messages.length);
    expect(listRuns(index.db, GUILD_ID).filter((r) => r.status === 'posted')).toHaveLength(1);
  });
});
