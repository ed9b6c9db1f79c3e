/**
 * The scheduler with real node-cron on a fake clock: ticks land at the right
 * instants in each time zone across DST changes, a restart catches up once,
 * stopping stops, and a changed configuration is picked up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDatabase, type Db } from '../src/index/database.js';
import type { DigestConfig } from '../src/digest/config.js';
import { SendError, type PostBody, type Sender } from '../src/digest/poster.js';
import { DigestScheduler } from '../src/digest/scheduler.js';
import { getDigestConfig, listRuns, saveDigestConfig } from '../src/digest/store.js';

const GUILD = '333333333333333333';
const CHANNEL = '444444444444444444';

let dir: string;
let db: Db;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digest-scheduler-'));
  db = openDatabase(join(dir, 'index.db'));
});

afterEach(() => {
  vi.useRealTimers();
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

function configure(schedule: string, timezone: string, activeSince: string): void {
  const config: DigestConfig = {
    guildId: GUILD,
    channelId: CHANNEL,
    schedule,
    timezone,
    sections: ['articles', 'people', 'figures', 'positions'],
    whenEmpty: 'line',
    maxMessages: 3,
    enabled: true,
    updatedBy: null,
    activeSince,
    createdAt: activeSince,
    updatedAt: activeSince,
  };
  saveDigestConfig(db, config);
}

class RecordingSender implements Sender {
  posts: { at: string; body: PostBody }[] = [];
  async send(_channelId: string, body: PostBody): Promise<{ id: string }> {
    this.posts.push({ at: new Date().toISOString(), body });
    return { id: String(8_000_000_000_000_000 + this.posts.length) };
  }
}

function scheduler(sender: Sender): DigestScheduler {
  return new DigestScheduler({ db, sender, holder: 'test-process', syncIntervalMs: 0, sleep: async () => {} });
}

const DAY = 86_400_000;

describe('scheduled with node-cron in the guild time zone', () => {
  const cases: { zone: string; schedule: string; from: string; expected: string[] }[] = [
    {
      zone: 'America/New_York',
      schedule: '0 7 * * *',
      from: '2025-03-07T00:00:00Z', // the clocks go forward on Sunday 9 March
      expected: ['2025-03-07T12:00:00.000Z', '2025-03-08T12:00:00.000Z', '2025-03-09T11:00:00.000Z', '2025-03-10T11:00:00.000Z'],
    },
    {
      zone: 'America/New_York',
      schedule: '0 7 * * *',
      from: '2025-10-31T00:00:00Z', // and back on Sunday 2 November
      expected: ['2025-10-31T11:00:00.000Z', '2025-11-01T11:00:00.000Z', '2025-11-02T12:00:00.000Z', '2025-11-03T12:00:00.000Z'],
    },
    {
      zone: 'Europe/Kyiv',
      schedule: '30 6 * * *',
      from: '2025-10-24T00:00:00Z', // Kyiv leaves summer time on Sunday 26 October
      expected: ['2025-10-24T03:30:00.000Z', '2025-10-25T03:30:00.000Z', '2025-10-26T04:30:00.000Z', '2025-10-27T04:30:00.000Z'],
    },
    {
      zone: 'America/New_York',
      schedule: '30 1 * * *',
      from: '2025-10-31T12:00:00Z', // 01:30 happens twice on 2 November: posted once
      expected: ['2025-11-01T05:30:00.000Z', '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z', '2025-11-04T06:30:00.000Z'],
    },
  ];

  it.each(cases)('$schedule in $zone from $from', async ({ zone, schedule, from, expected }) => {
    vi.useFakeTimers({ now: Date.parse(from), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    configure(schedule, zone, from);
    const sender = new RecordingSender();
    const s = scheduler(sender);
    expect(await s.start()).toEqual([expect.objectContaining({ status: 'not-due' })]);
    await vi.advanceTimersByTimeAsync(4 * DAY);
    await s.stop();
    expect(sender.posts.map((p) => p.at)).toEqual(expected);
    expect(listRuns(db, GUILD).map((r) => r.tick)).toEqual(expected);
  });
});

describe('restart and catch-up', () => {
  it('a restart after downtime posts one catch-up digest, then keeps the schedule; no tick posts twice', async () => {
    vi.useFakeTimers({ now: Date.parse('2025-03-07T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    configure('0 7 * * *', 'America/New_York', '2025-03-07T00:00:00Z');
    const sender = new RecordingSender();
    const first = scheduler(sender);
    await first.start();
    await vi.advanceTimersByTimeAsync(DAY); // Friday's digest
    await first.stop();
    expect(sender.posts.map((p) => p.at)).toEqual(['2025-03-07T12:00:00.000Z']);

    await vi.advanceTimersByTimeAsync(2 * DAY + 3 * 3_600_000); // down over Saturday and Sunday: nothing fires
    expect(sender.posts).toHaveLength(1);

    const second = scheduler(sender);
    const outcomes = await second.start(); // 2025-03-10T03:00Z: Sunday 23:00 in New York, two ticks missed
    expect(outcomes).toEqual([expect.objectContaining({ status: 'posted', tick: '2025-03-09T11:00:00.000Z' })]);
    expect(sender.posts[1]!.body.content).toContain('Nothing new since Fri 7 Mar 2025, 07:00');
    expect(await second.trigger(GUILD)).toMatchObject({ status: 'not-due' });

    await vi.advanceTimersByTimeAsync(DAY);
    await second.stop();
    expect(sender.posts.map((p) => p.at)).toEqual(['2025-03-07T12:00:00.000Z', '2025-03-10T03:00:00.000Z', '2025-03-10T11:00:00.000Z']);
    expect(listRuns(db, GUILD).map((r) => r.tick)).toEqual(['2025-03-07T12:00:00.000Z', '2025-03-09T11:00:00.000Z', '2025-03-10T11:00:00.000Z']);
  });

  it('picks up a changed schedule, and stops posting when the digest is turned off', async () => {
    vi.useFakeTimers({ now: Date.parse('2025-06-02T00:00:00Z'), toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    configure('0 7 * * *', 'UTC', '2025-06-02T00:00:00Z');
    const sender = new RecordingSender();
    const s = scheduler(sender);
    await s.start();
    expect(s.scheduled()).toEqual([{ guildId: GUILD, key: '0 7 * * * @ UTC' }]);
    configure('0 9 * * *', 'Europe/Kyiv', new Date().toISOString());
    await s.reload(GUILD);
    expect(s.scheduled()).toEqual([{ guildId: GUILD, key: '0 9 * * * @ Europe/Kyiv' }]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(sender.posts.map((p) => p.at)).toEqual(['2025-06-02T06:00:00.000Z']);
    saveDigestConfig(db, { ...getDigestConfig(db, GUILD)!, enabled: false });
    await s.reload(GUILD);
    expect(s.scheduled()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    await s.stop();
    expect(sender.posts).toHaveLength(1);
  });

  it('stopping during a retry wait returns promptly and leaves the window pending for the next start', async () => {
    configure('0 7 * * *', 'UTC', '2025-06-01T00:00:00.000Z');
    const failing: Sender = { send: async () => Promise.reject(new SendError('HTTP 502 Bad Gateway', 502, true)) };
    const s = new DigestScheduler({ db, sender: failing, holder: 'p', syncIntervalMs: 0, clock: () => Date.parse('2025-06-02T07:00:01Z'), retry: { baseDelayMs: 60_000 } });
    const started = s.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const t0 = Date.now();
    await s.stop();
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(await started).toEqual([expect.objectContaining({ status: 'failed' })]);
    expect(listRuns(db, GUILD).map((r) => [r.status, r.lastError])).toEqual([['pending', 'the digest scheduler is stopping']]);
  });
});
