/**
 * Exactly once, with an injected clock: restart without duplicates, catch-up
 * after downtime, two processes on one database, the retry path, a digest
 * that fails half-way, and windows superseded by later ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/index/database.js';
import { acquireLease } from '../src/index/leases.js';
import type { DigestConfig } from '../src/digest/config.js';
import { SendError, partNonce, type PostBody, type Sender } from '../src/digest/poster.js';
import { leaseName, runDueDigest, type DigestDeps } from '../src/digest/runner.js';
import { getRun, listRuns, postedItemKeys, saveDigestConfig } from '../src/digest/store.js';

const GUILD = '111111111111111111';
const CHANNEL = '222222222222222222';

let dir: string;
let file: string;
const open: Db[] = [];

function connect(): Db {
  const db = openDatabase(file);
  open.push(db);
  return db;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digest-runner-'));
  file = join(dir, 'index.db');
  articleNo = 0;
});

afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

let articleNo = 0;
/** An article as the ingest would store it, ingested at `ingestedAt`. */
function addArticle(db: Db, ingestedAt: string, lead = `Lead paragraph of article ${articleNo + 1}.`): string {
  const n = ++articleNo;
  const name = `${String(n).padStart(3, '0')}_article.txt`;
  const id = db
    .prepare(
      `INSERT INTO articles(key, hash, bytes, title, section, publisher, cites, url, date, date_inferred, date_basis, context_year, day, ingested_at)
       VALUES (?, ?, 100, ?, NULL, 'Censor.NET', '[]', NULL, '2024-10-21', 0, 'dateline', 2024, 20017, ?)`,
    )
    .run(name, `hash${n}`, `Article number ${n}`, ingestedAt).lastInsertRowid;
  db.prepare(`INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, 0, 'title', 0, 10, ?)`).run(id, `Article number ${n}`);
  db.prepare(`INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, 1, 'body', 11, ?, ?)`).run(id, 11 + lead.length, lead);
  return name;
}

function configure(db: Db, overrides: Partial<DigestConfig> = {}): DigestConfig {
  const config: DigestConfig = {
    guildId: GUILD,
    channelId: CHANNEL,
    schedule: '0 7 * * *',
    timezone: 'Europe/Kyiv',
    sections: ['articles', 'people', 'figures', 'positions'],
    whenEmpty: 'line',
    maxMessages: 3,
    enabled: true,
    updatedBy: null,
    activeSince: '2025-10-19T12:00:00.000Z',
    createdAt: '2025-10-01T00:00:00.000Z',
    updatedAt: '2025-10-01T00:00:00.000Z',
    ...overrides,
  };
  saveDigestConfig(db, config);
  return config;
}

type Step = 'ok' | SendError;

/** Records what was posted; fails as scripted; can hold each send for a while. */
class FakeSender implements Sender {
  posts: { channelId: string; body: PostBody; at: number }[] = [];
  attempts: { channelId: string; body: PostBody; result: 'ok' | string }[] = [];
  script: Step[] = [];
  beforeResult?: () => void | Promise<void>;
  constructor(private readonly clock: () => number) {}

  async send(channelId: string, body: PostBody): Promise<{ id: string }> {
    await this.beforeResult?.();
    const step = this.script.shift() ?? 'ok';
    if (step !== 'ok') {
      this.attempts.push({ channelId, body, result: step.message });
      throw step;
    }
    this.attempts.push({ channelId, body, result: 'ok' });
    this.posts.push({ channelId, body, at: this.clock() });
    return { id: String(9_000_000_000_000_000 + this.posts.length) };
  }
}

/** A process: its own connection, lease holder name, and (shared or not) clock. */
function processDeps(db: Db, sender: Sender, clock: { now: number }, holder: string, extra: Partial<DigestDeps> = {}): DigestDeps & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    db,
    sender,
    holder,
    clock: () => clock.now,
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    retry: { attempts: 4, baseDelayMs: 1_000, maxDelayMs: 8_000 },
    sleeps,
    ...extra,
  };
}

const err429 = (retryAfterMs = 3_000) => new SendError('rate limited', 429, true, retryAfterMs);
const err502 = () => new SendError('HTTP 502 Bad Gateway', 502, true);
const err403 = () => new SendError('HTTP 403: Missing Access (code 50001)', 403, false);

describe('exactly once', () => {
  it('posts the window due at the tick once; triggering again, or a restarted process, posts nothing', async () => {
    const db = connect();
    configure(db);
    addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:02Z') }; // 07:00:02 in Kyiv (EEST)
    const sender = new FakeSender(() => clock.now);

    const first = await runDueDigest(processDeps(db, sender, clock, 'proc-a'), GUILD);
    expect(first).toMatchObject({ status: 'posted', tick: '2025-10-20T04:00:00.000Z', resumed: false });
    expect(sender.posts).toHaveLength(1);
    expect(sender.posts[0]!.channelId).toBe(CHANNEL);
    expect(sender.posts[0]!.body.embeds[0]!.description).toContain('Article number 1');
    expect(sender.posts[0]!.body).toMatchObject({ nonce: partNonce(GUILD, '2025-10-20T04:00:00.000Z', 0), enforce_nonce: true, allowed_mentions: { parse: [] } });

    expect(await runDueDigest(processDeps(db, sender, clock, 'proc-a'), GUILD)).toMatchObject({ status: 'not-due', nextTick: Date.parse('2025-10-21T04:00:00Z') });

    // "Restart": a new connection and holder, a little later the same morning.
    db.close();
    const restarted = connect();
    clock.now += 30 * 60_000;
    expect(await runDueDigest(processDeps(restarted, sender, clock, 'proc-b'), GUILD)).toMatchObject({ status: 'not-due' });
    expect(sender.posts).toHaveLength(1);
    expect(listRuns(restarted, GUILD).map((r) => r.status)).toEqual(['posted']);
  });

  it('catches up once after downtime: three missed ticks make one digest reaching back to the last one posted', async () => {
    const db = connect();
    configure(db);
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD); // Monday's digest (nothing new: one line)
    expect(sender.posts[0]!.body.content).toBe('Nothing new since Sun 19 Oct 2025, 07:00 \\(Europe/Kyiv\\).');

    // Down from Monday 08:00 to Thursday 10:00; an article arrives each day meanwhile.
    const a = addArticle(db, '2025-10-20T09:00:00.000Z');
    const b = addArticle(db, '2025-10-21T09:00:00.000Z');
    const c = addArticle(db, '2025-10-22T09:00:00.000Z');
    const later = addArticle(db, '2025-10-23T09:00:00.000Z'); // after Thursday's 07:00 tick: next window
    clock.now = Date.parse('2025-10-23T07:00:00Z');
    const outcome = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(outcome).toMatchObject({ status: 'posted', tick: '2025-10-23T04:00:00.000Z' });
    expect(sender.posts).toHaveLength(2);
    const text = sender.posts[1]!.body.embeds[0]!.description!;
    for (const f of [a, b, c]) expect(text).toContain(f.replace('_', '\\_'));
    expect(text).not.toContain(later.replace('_', '\\_'));
    expect(text).toContain('catching up 3 scheduled digests');
    expect(getRun(db, GUILD, '2025-10-23T04:00:00.000Z')!.windowStart).toBe('2025-10-20T04:00:00.000Z');

    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'not-due' });
    expect(sender.posts).toHaveLength(2);
  });

  it('two processes on one database: only one posts each digest', async () => {
    const dbA = connect();
    const dbB = connect();
    configure(dbA);
    addArticle(dbA, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:01Z') };
    const sender = new FakeSender(() => clock.now);
    // Each send takes a while, so the two processes overlap.
    sender.beforeResult = () => new Promise((resolve) => setTimeout(resolve, 30));
    const [a, b] = await Promise.all([
      runDueDigest(processDeps(dbA, sender, clock, 'host-a:1'), GUILD),
      runDueDigest(processDeps(dbB, sender, clock, 'host-b:1'), GUILD),
    ]);
    expect([a.status, b.status].sort()).toEqual(['busy', 'posted']);
    expect(sender.posts).toHaveLength(1);

    // The one that lost looks again later (as the scheduler does): the window is done.
    const loser = a.status === 'busy' ? dbA : dbB;
    expect(await runDueDigest(processDeps(loser, sender, clock, 'host-x'), GUILD)).toMatchObject({ status: 'not-due' });

    // Next morning both fire again: still one post.
    addArticle(dbB, '2025-10-20T12:00:00.000Z');
    clock.now = Date.parse('2025-10-21T04:00:00Z');
    const next = await Promise.all([
      runDueDigest(processDeps(dbB, sender, clock, 'host-b:1'), GUILD),
      runDueDigest(processDeps(dbA, sender, clock, 'host-a:1'), GUILD),
    ]);
    expect(next.map((o) => o.status).sort()).toEqual(['busy', 'posted']);
    expect(sender.posts).toHaveLength(2);
  });

  it('a holder that died mid-post is taken over once its lease expires, resuming the same digest', async () => {
    const db = connect();
    configure(db);
    addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    // Process A composes the window, then dies before sending (it never releases its lease).
    sender.script = [err403()];
    const a = await runDueDigest(processDeps(db, sender, clock, 'dead-process', { retry: { attempts: 1 } }), GUILD);
    expect(a.status).toBe('failed');
    acquireLease(db, leaseName(GUILD, '2025-10-20T04:00:00.000Z'), 'dead-process', 60_000, clock.now);

    const b = processDeps(db, sender, clock, 'survivor', { leaseTtlMs: 60_000 });
    expect(await runDueDigest(b, GUILD)).toMatchObject({ status: 'busy' });
    clock.now += 61_000;
    expect(await runDueDigest(b, GUILD)).toMatchObject({ status: 'posted', resumed: true });
    expect(sender.posts).toHaveLength(1);
    expect(sender.attempts[0]!.body.nonce).toBe(sender.attempts[1]!.body.nonce);
  });
});

describe('retries', () => {
  it('retries 429 and 5xx with backoff (honouring retry_after) and records the post only once it succeeded', async () => {
    const db = connect();
    configure(db);
    const name = addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = [err429(3_000), err502(), err502()];
    const recordedDuringFailures: number[] = [];
    sender.beforeResult = () => {
      recordedDuringFailures.push(postedItemKeys(db, GUILD).size + (getRun(db, GUILD, '2025-10-20T04:00:00.000Z')?.posted.size ?? 0));
    };
    const deps = processDeps(db, sender, clock, 'p');
    const outcome = await runDueDigest(deps, GUILD);
    expect(outcome).toMatchObject({ status: 'posted' });
    expect(deps.sleeps).toEqual([3_000, 2_000, 4_000]); // retry_after beat 1 s; then 2 s, 4 s
    expect(recordedDuringFailures).toEqual([0, 0, 0, 0]); // nothing recorded before the send that worked
    expect(sender.posts).toHaveLength(1);
    expect(new Set(sender.attempts.map((a) => a.body.nonce)).size).toBe(1);
    expect([...postedItemKeys(db, GUILD)].some((k) => k.startsWith(`a:${name}`))).toBe(true);
  });

  it('when every attempt fails nothing is recorded; the next attempt posts the same frozen digest', async () => {
    const db = connect();
    configure(db);
    addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = [err502(), err502(), err502(), err502()];
    const failed = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, retryable: true });
    expect(postedItemKeys(db, GUILD).size).toBe(0);
    expect(getRun(db, GUILD, '2025-10-20T04:00:00.000Z')).toMatchObject({ status: 'pending', lastError: 'HTTP 502 Bad Gateway' });

    // An article ingested meanwhile does not change the digest being retried.
    addArticle(db, '2025-10-20T04:30:00.000Z');
    clock.now = Date.parse('2025-10-20T05:00:00Z');
    const resumed = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(resumed).toMatchObject({ status: 'posted', resumed: true });
    expect(sender.posts).toHaveLength(1);
    expect(sender.posts[0]!.body.embeds[0]!.description).toContain('Article number 1 —');
    expect(sender.posts[0]!.body.embeds[0]!.description).not.toContain('Article number 2 —');
  });

  it('does not retry what cannot succeed (403 Missing Access)', async () => {
    const db = connect();
    configure(db);
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = [err403()];
    const deps = processDeps(db, sender, clock, 'p');
    expect(await runDueDigest(deps, GUILD)).toMatchObject({ status: 'failed', retryable: false });
    expect(deps.sleeps).toEqual([]);
    expect(sender.attempts).toHaveLength(1);
  });

  it('a digest that failed half-way resumes at the message that failed, never reposting the ones before', async () => {
    const db = connect();
    configure(db);
    for (let i = 0; i < 40; i++) addArticle(db, '2025-10-20T03:00:00.000Z', `Paragraph ${i}: ${'a long lead that fills the digest '.repeat(8)}`);
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = ['ok', err502(), err502(), err502(), err502()];
    const failed = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(failed.status).toBe('failed');
    const run = getRun(db, GUILD, '2025-10-20T04:00:00.000Z')!;
    expect(run.parts.length).toBeGreaterThanOrEqual(3);
    expect([...run.posted.keys()]).toEqual([0]);
    // The first message's items are recorded; the rest are not.
    expect(postedItemKeys(db, GUILD)).toEqual(new Set(run.parts[0]!.itemKeys));

    clock.now += 60_000;
    const resumed = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(resumed).toMatchObject({ status: 'posted', resumed: true });
    expect(sender.posts).toHaveLength(run.parts.length);
    expect(sender.posts.map((p) => p.body.nonce)).toEqual(run.parts.map((_, i) => partNonce(GUILD, run.tick, i)));
    expect(sender.posts.map((p) => p.body.embeds[0]!.footer!.text.split(' · ')[0])).toEqual(run.parts.map((_, i) => `Part ${i + 1}/${run.parts.length}`));
  });

  it("a window still failing when the next tick comes is superseded; its unposted items move into the next digest", async () => {
    const db = connect();
    configure(db);
    addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = Array.from({ length: 4 }, err502);
    expect((await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).status).toBe('failed');
    addArticle(db, '2025-10-20T12:00:00.000Z');
    clock.now = Date.parse('2025-10-21T04:00:00Z');
    const next = await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD);
    expect(next).toMatchObject({ status: 'posted', tick: '2025-10-21T04:00:00.000Z' });
    const text = sender.posts[0]!.body.embeds[0]!.description!;
    expect(text).toContain('Article number 1 —');
    expect(text).toContain('Article number 2 —');
    expect(listRuns(db, GUILD).map((r) => [r.tick, r.status])).toEqual([
      ['2025-10-20T04:00:00.000Z', 'superseded'],
      ['2025-10-21T04:00:00.000Z', 'posted'],
    ]);
  });
});

describe('configuration', () => {
  it('nothing new: one line, or (when_empty skip) no post but the window recorded', async () => {
    const db = connect();
    configure(db, { whenEmpty: 'skip' });
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'posted', messageIds: [], empty: true });
    expect(sender.attempts).toHaveLength(0);
    expect(listRuns(db, GUILD).map((r) => r.status)).toEqual(['posted']);
  });

  it('a schedule set after today’s tick waits for the next one; a digest that is off posts nothing', async () => {
    const db = connect();
    configure(db, { activeSince: '2025-10-20T06:00:00.000Z' });
    const clock = { now: Date.parse('2025-10-20T06:30:00Z') };
    const sender = new FakeSender(() => clock.now);
    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'not-due', nextTick: Date.parse('2025-10-21T04:00:00Z') });
    configure(db, { enabled: false });
    clock.now = Date.parse('2025-10-21T04:00:00Z');
    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'disabled' });
    expect(sender.attempts).toHaveLength(0);
  });

  it('a window left failing when the digest was turned off is not posted after it is turned back on', async () => {
    const db = connect();
    configure(db);
    addArticle(db, '2025-10-20T03:00:00.000Z');
    const clock = { now: Date.parse('2025-10-20T04:00:00Z') };
    const sender = new FakeSender(() => clock.now);
    sender.script = [err403()];
    expect((await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).status).toBe('failed');
    // Turned off, then on again two days later (as /digest set does: active from now).
    configure(db, { activeSince: '2025-10-22T10:00:00.000Z' });
    clock.now = Date.parse('2025-10-22T10:00:00Z');
    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'not-due' });
    expect(listRuns(db, GUILD).map((r) => r.status)).toEqual(['superseded']);
    clock.now = Date.parse('2025-10-23T04:00:00Z');
    expect(await runDueDigest(processDeps(db, sender, clock, 'p'), GUILD)).toMatchObject({ status: 'posted', tick: '2025-10-23T04:00:00.000Z' });
    expect(sender.posts[0]!.body.embeds[0]!.description).toContain('Article number 1 —');
  });
});
