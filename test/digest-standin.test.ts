/**
 * Digest posts against the local Discord stand-in: every body is checked with
 * Discord's own schemas and limits, faults (429, 502, a response lost after the
 * message was created) are injected, and the channel's messages are inspected.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/index/database.js';
import type { DigestConfig } from '../src/digest/config.js';
import { REST } from 'discord.js';
import { discordRestSender } from '../src/digest/poster.js';
import { runDueDigest, type DigestDeps } from '../src/digest/runner.js';
import { getRun, saveDigestConfig } from '../src/digest/store.js';
import { DiscordStandIn } from './standin/index.js';

const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.digest-stand-in-token-0123456789';
const GUILD = '310000000000000001';
const CHANNEL = '310000000000000002';

let standin: DiscordStandIn;
let dir: string;
let db: Db;

beforeAll(async () => {
  standin = new DiscordStandIn({
    token: TOKEN,
    applicationId: '310000000000000003',
    botUserId: '310000000000000004',
    guilds: [{ id: GUILD, name: 'Newsroom', channels: [{ id: CHANNEL, name: 'morning-digest' }] }],
  });
  await standin.start();
});

afterAll(async () => {
  await standin.stop();
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digest-standin-'));
  db = openDatabase(join(dir, 'index.db'));
  const config: DigestConfig = {
    guildId: GUILD,
    channelId: CHANNEL,
    schedule: '0 7 * * *',
    timezone: 'Europe/Kyiv',
    sections: ['articles', 'people', 'figures', 'positions'],
    whenEmpty: 'line',
    // This server takes long digests (the default is 3 messages; test/digest-cap.test.ts).
    maxMessages: 10,
    enabled: true,
    updatedBy: null,
    activeSince: '2025-10-19T12:00:00.000Z',
    createdAt: '2025-10-19T12:00:00.000Z',
    updatedAt: '2025-10-19T12:00:00.000Z',
  };
  saveDigestConfig(db, config);
});

afterEach(() => {
  standin.faults.clear();
  try {
    standin.assertClean();
  } finally {
    standin.clearRecords();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function addArticles(count: number, leadWords: number): void {
  for (let i = 1; i <= count; i++) {
    const id = db
      .prepare(
        `INSERT INTO articles(key, hash, bytes, title, section, publisher, cites, url, date, date_inferred, date_basis, context_year, day, ingested_at)
         VALUES (?, ?, 100, ?, NULL, 'Censor.NET', '["Interfax-Ukraine"]', NULL, '2024-10-21', 0, 'dateline', 2024, 20017, '2025-10-20T03:00:00.000Z')`,
      )
      .run(`${String(i).padStart(3, '0')}_digest.txt`, `h${i}`, `Article ${i}: @everyone North Korean troops <@12345> **bold** claim`).lastInsertRowid;
    const lead = `Lead ${i}. ${'Officials said the figures could not be confirmed independently. '.repeat(leadWords)}`;
    db.prepare(`INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, 1, 'body', 0, ?, ?)`).run(id, lead.length, lead);
  }
}

function deps(clockMs: number): DigestDeps {
  return {
    db,
    // The bot's own way of posting (discord.js REST), pointed at the stand-in.
    sender: discordRestSender(new REST({ api: standin.urls.restBase }).setToken(TOKEN)),
    holder: 'standin-test',
    clock: () => clockMs,
    retry: { attempts: 5, baseDelayMs: 20, maxDelayMs: 200 },
  };
}

const TICK = '2025-10-20T04:00:00.000Z';

describe('digest posts on the stand-in', () => {
  it('a long digest arrives as several valid channel messages, in order, each item whole, never pinging', async () => {
    addArticles(30, 6);
    const before = standin.messagesIn(CHANNEL).length;
    const outcome = await runDueDigest(deps(Date.parse('2025-10-20T04:00:03Z')), GUILD);
    expect(outcome).toMatchObject({ status: 'posted', tick: TICK });
    const run = getRun(db, GUILD, TICK)!;
    expect(run.parts.length).toBeGreaterThan(1);

    const messages = standin.messagesIn(CHANNEL).slice(before);
    expect(messages.map((m) => m.id)).toEqual(outcome.status === 'posted' ? outcome.messageIds : []);
    expect(standin.violations).toEqual([]);
    for (const [i, m] of messages.entries()) {
      expect(m.embeds).toHaveLength(1);
      expect(m.embeds[0]!.footer?.text).toBe(`Part ${i + 1}/${messages.length} · Verbatim excerpts; ≈ marks an inferred date`);
      expect(m.mention_everyone).toBe(false);
      expect(m.mentions).toEqual([]);
    }
    const all = messages.map((m) => m.embeds[0]!.description!).join('\n');
    for (let i = 1; i <= 30; i++) expect(all).toContain(`${String(i).padStart(3, '0')}\\_digest.txt`);
    for (const write of standin.messageWrites) expect(write.allowedMentions).toEqual({ parse: [] });
  });

  it('rides out 429 and 502 with retries: each message arrives exactly once', async () => {
    addArticles(12, 10);
    standin.faults.next({ route: `/channels/${CHANNEL}/messages`, method: 'POST', status: 429, retryAfter: 0.05 });
    standin.faults.next({ route: `/channels/${CHANNEL}/messages`, method: 'POST', status: 502, times: 2 });
    const before = standin.messagesIn(CHANNEL).length;
    const outcome = await runDueDigest(deps(Date.parse('2025-10-20T04:00:03Z')), GUILD);
    expect(outcome.status).toBe('posted');
    const run = getRun(db, GUILD, TICK)!;
    expect(standin.messagesIn(CHANNEL).length - before).toBe(run.parts.length);
    expect(standin.faults.hits.map((h) => h.status)).toEqual([429, 502, 502]);
    const posts = standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL}/messages`));
    expect(posts).toHaveLength(run.parts.length + 3);
  });

  it('a retry after a response lost in transit carries the same nonce, with enforce_nonce, so Discord returns the first message', async () => {
    addArticles(1, 1);
    standin.faults.next({ route: `/channels/${CHANNEL}/messages`, method: 'POST', status: 500, phase: 'after' });
    const outcome = await runDueDigest(deps(Date.parse('2025-10-20T04:00:03Z')), GUILD);
    expect(outcome.status).toBe('posted');
    const posts = standin.requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/channels/${CHANNEL}/messages`));
    expect(posts).toHaveLength(2);
    const bodies = posts.map((p) => p.body as { nonce?: string; enforce_nonce?: boolean });
    expect(bodies[0]!.nonce).toMatch(/^[\w-]{1,25}$/);
    expect(bodies[1]!.nonce).toBe(bodies[0]!.nonce);
    expect(bodies.every((b) => b.enforce_nonce === true)).toBe(true);
  });

  it('a channel the bot cannot use fails at once and is left pending, recording nothing', async () => {
    addArticles(1, 1);
    saveDigestConfig(db, { ...(await import('../src/digest/store.js')).getDigestConfig(db, GUILD)!, channelId: '310000000000000099' });
    const outcome = await runDueDigest(deps(Date.parse('2025-10-20T04:00:03Z')), GUILD);
    expect(outcome).toMatchObject({ status: 'failed', retryable: false });
    expect(getRun(db, GUILD, TICK)).toMatchObject({ status: 'pending' });
    expect(getRun(db, GUILD, TICK)!.lastError).toMatch(/HTTP 404 .*Unknown Channel/);
    standin.clearRecords(); // the 404 itself is what we asked for
  });
});
