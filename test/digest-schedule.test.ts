/** Cron schedules in a time zone: validation messages, occurrences across DST, agreement with node-cron, due windows. */
import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  canonicalTimeZone,
  makeSchedule,
  nextOccurrence,
  nextOccurrences,
  occurrencesBetween,
  parseCron,
  previousOccurrence,
  ScheduleError,
} from '../src/digest/schedule.js';
import { dueWindow } from '../src/digest/windows.js';
import { parseDigestSet } from '../src/digest/config.js';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const at = (s: string) => Date.parse(s);

describe('schedule validation', () => {
  it('names the field at fault in a bad cron expression', () => {
    expect(() => parseCron('61 7 * * *')).toThrow(/minute \(0–59\) field "61"/);
    expect(() => parseCron('0 25 * * *')).toThrow(/hour \(0–23\) field "25"/);
    expect(() => parseCron('0 7 * * 8')).toThrow(/day of week .* field "8"/);
    expect(() => parseCron('0 7 * *')).toThrow(/not a cron expression \(it has 4 fields\)/);
    expect(() => parseCron('every morning')).toThrow(ScheduleError);
    expect(() => parseCron('')).toThrow(/empty/);
    expect(() => parseCron('*/10 * * * * *')).toThrow(/at most once a minute/);
    expect(parseCron('0 7 * * 1-5').dayOfWeek).toEqual([1, 2, 3, 4, 5]);
    expect(parseCron('@daily').hour).toEqual([0]);
  });

  it('accepts IANA zones in any case, keeps current names, and suggests near misses', () => {
    expect(canonicalTimeZone('europe/kyiv')).toBe('Europe/Kyiv');
    expect(canonicalTimeZone('America/New_York')).toBe('America/New_York');
    expect(canonicalTimeZone('utc')).toBe('UTC');
    expect(() => canonicalTimeZone('Europe/Kyev')).toThrow(/not an IANA time zone: did you mean .*Europe\/Kyiv/);
    expect(() => canonicalTimeZone('New York')).toThrow(/did you mean America\/New_York/);
    expect(() => canonicalTimeZone('Mars/Olympus')).toThrow(/such as Europe\/Kyiv/);
  });

  it('validates /digest set options with one message naming the option', () => {
    const channel = '123456789012345678';
    expect(parseDigestSet({ channel, schedule: '0 7 * * *', timezone: 'europe/kyiv', sections: 'articles, figures' })).toEqual({
      ok: true,
      value: { channel, schedule: '0 7 * * *', timezone: 'Europe/Kyiv', sections: ['articles', 'figures'] },
    });
    const badCron = parseDigestSet({ channel, schedule: '0 7 * *' });
    expect(badCron.ok === false && badCron.message).toMatch(/^schedule: "0 7 \* \*" is not a cron expression/);
    const badZone = parseDigestSet({ channel, schedule: '0 7 * * *', timezone: 'Europe/Kyev' });
    expect(badZone.ok === false && badZone.message).toMatch(/^timezone: "Europe\/Kyev" is not an IANA time zone/);
    const badSections = parseDigestSet({ channel, schedule: '0 7 * * *', sections: 'articles, weather' });
    expect(badSections.ok === false && badSections.message).toMatch(/^sections: unknown section "weather"/);
    const badChannel = parseDigestSet({ channel: 'general', schedule: '0 7 * * *' });
    expect(badChannel.ok === false && badChannel.message).toMatch(/^channel: expected a Discord id/);
  });
});

describe('occurrences in a time zone', () => {
  it('07:00 in New York moves from 12:00Z to 11:00Z across the March change, and back in November', () => {
    const s = makeSchedule('0 7 * * *', 'America/New_York');
    expect(nextOccurrences(s, at('2025-03-07T00:00:00Z'), 4).map(iso)).toEqual([
      '2025-03-07T12:00:00.000Z',
      '2025-03-08T12:00:00.000Z',
      '2025-03-09T11:00:00.000Z',
      '2025-03-10T11:00:00.000Z',
    ]);
    expect(nextOccurrences(s, at('2025-10-31T00:00:00Z'), 4).map(iso)).toEqual([
      '2025-10-31T11:00:00.000Z',
      '2025-11-01T11:00:00.000Z',
      '2025-11-02T12:00:00.000Z',
      '2025-11-03T12:00:00.000Z',
    ]);
  });

  it('07:00 in Kyiv across the March and October changes', () => {
    const s = makeSchedule('0 7 * * *', 'Europe/Kyiv');
    expect(nextOccurrences(s, at('2025-03-29T00:00:00Z'), 3).map(iso)).toEqual([
      '2025-03-29T05:00:00.000Z',
      '2025-03-30T04:00:00.000Z',
      '2025-03-31T04:00:00.000Z',
    ]);
    expect(nextOccurrences(s, at('2025-10-25T00:00:00Z'), 3).map(iso)).toEqual([
      '2025-10-25T04:00:00.000Z',
      '2025-10-26T05:00:00.000Z',
      '2025-10-27T05:00:00.000Z',
    ]);
  });

  it('a wall time skipped by spring-forward does not occur; a repeated one occurs once', () => {
    const skipped = makeSchedule('30 2 * * *', 'America/New_York');
    expect(occurrencesBetween(skipped, at('2025-03-08T00:00:00Z'), at('2025-03-11T00:00:00Z')).map(iso)).toEqual([
      '2025-03-08T07:30:00.000Z',
      '2025-03-10T06:30:00.000Z',
    ]);
    const repeated = makeSchedule('30 1 * * *', 'America/New_York');
    expect(occurrencesBetween(repeated, at('2025-11-01T00:00:00Z'), at('2025-11-04T00:00:00Z')).map(iso)).toEqual([
      '2025-11-01T05:30:00.000Z',
      '2025-11-02T05:30:00.000Z',
      '2025-11-03T06:30:00.000Z',
    ]);
  });

  it('previousOccurrence is the inverse of nextOccurrence', () => {
    const s = makeSchedule('15 6,18 * * 1-5', 'Europe/Kyiv');
    let t = at('2025-10-20T00:00:00Z');
    for (let i = 0; i < 20; i++) {
      const next = nextOccurrence(s, t)!;
      expect(previousOccurrence(s, next)).toBe(next);
      expect(previousOccurrence(s, next - 1)).toBe(i === 0 ? previousOccurrence(s, t) : t);
      t = next;
    }
  });
});

describe('agreement with node-cron', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const cases: [string, string, string][] = [
    ['0 7 * * *', 'America/New_York', '2025-03-07T00:00:00Z'],
    ['0 7 * * *', 'America/New_York', '2025-10-31T00:00:00Z'],
    ['30 2 * * *', 'America/New_York', '2025-03-07T00:00:00Z'],
    ['30 1 * * *', 'America/New_York', '2025-10-31T00:00:00Z'],
    ['0 7 * * *', 'Europe/Kyiv', '2025-03-28T00:00:00Z'],
    ['30 3 * * *', 'Europe/Kyiv', '2025-10-24T00:00:00Z'],
    ['0 */6 * * *', 'Europe/Kyiv', '2025-10-25T12:00:00Z'],
    ['0 9 * * 1#1', 'Europe/London', '2025-01-01T00:00:00Z'],
    ['0 8 L * *', 'Asia/Tokyo', '2025-01-15T00:00:00Z'],
    // Southern-hemisphere changes, a half-hour change, and a change at midnight.
    ['30 2 * * *', 'Australia/Sydney', '2025-10-02T00:00:00Z'],
    ['30 2 * * *', 'Australia/Sydney', '2025-04-02T00:00:00Z'],
    ['15 2 * * *', 'Australia/Lord_Howe', '2025-10-02T00:00:00Z'],
    ['0 0 * * *', 'America/Santiago', '2025-09-03T00:00:00Z'],
    ['*/30 * * * *', 'Europe/Kyiv', '2025-03-30T00:00:00Z'],
  ];

  it('node-cron is pinned to the exact version these cases were checked against', async () => {
    // schedule.ts mirrors node-cron's wall-clock arithmetic; an upgrade must come with this suite passing again.
    const { readFileSync } = await import('node:fs');
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const installed = JSON.parse(readFileSync(new URL('../node_modules/node-cron/package.json', import.meta.url), 'utf8')) as { version: string };
    expect(manifest.dependencies['node-cron']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed.version).toBe(manifest.dependencies['node-cron']);
  });

  it.each(cases)('"%s" in %s from %s gives the instants node-cron runs at', (expression, zone, from) => {
    vi.useFakeTimers({ now: at(from) });
    const task = cron.createTask(expression, () => {}, { timezone: zone });
    try {
      const theirs = task.getNextRuns(8).map((d) => d.toISOString());
      const ours = nextOccurrences(makeSchedule(expression, zone), at(from), 8).map(iso);
      expect(ours).toEqual(theirs);
      for (const t of ours) expect(task.match(new Date(t!))).toBe(true);
    } finally {
      void task.destroy();
    }
  });
});

describe('due windows', () => {
  const s = makeSchedule('0 7 * * *', 'Europe/Kyiv');
  const since = at('2025-10-01T00:00:00Z');

  it("a guild's first window starts at the previous tick", () => {
    expect(dueWindow(s, { lastTick: null, lastPostedTick: null, activeSince: at('2025-10-19T12:00:00Z') }, at('2025-10-20T04:30:00Z'))).toEqual({
      tick: at('2025-10-20T04:00:00Z'),
      start: at('2025-10-19T04:00:00Z'),
      ticksCovered: 1,
    });
  });

  it("a guild's first digest after downtime covers every missed tick since it was configured", () => {
    expect(dueWindow(s, { lastTick: null, lastPostedTick: null, activeSince: since }, at('2025-10-20T04:30:00Z'))).toEqual({
      tick: at('2025-10-20T04:00:00Z'),
      start: at('2025-09-30T04:00:00Z'),
      ticksCovered: 20,
    });
  });

  it('nothing is due before the first tick after the configuration took effect', () => {
    expect(dueWindow(s, { lastTick: null, lastPostedTick: null, activeSince: at('2025-10-20T05:00:00Z') }, at('2025-10-20T09:00:00Z'))).toBeNull();
  });

  it('missed ticks collapse into one window reaching back to the last digest posted', () => {
    const last = at('2025-10-20T04:00:00Z');
    const due = dueWindow(s, { lastTick: last, lastPostedTick: last, activeSince: since }, at('2025-10-23T10:00:00Z'));
    expect(due).toEqual({ tick: at('2025-10-23T04:00:00Z'), start: last, ticksCovered: 3 });
    expect(dueWindow(s, { lastTick: due!.tick, lastPostedTick: due!.tick, activeSince: since }, at('2025-10-23T10:00:00Z'))).toBeNull();
  });

  it('across the October change the 07:00 window falls at 05:00Z, not at 04:00Z', () => {
    const last = at('2025-10-25T04:00:00Z');
    const state = { lastTick: last, lastPostedTick: last, activeSince: since };
    expect(dueWindow(s, state, at('2025-10-26T04:30:00Z'))).toBeNull();
    expect(dueWindow(s, state, at('2025-10-26T05:00:00Z'))?.tick).toBe(at('2025-10-26T05:00:00Z'));
  });
});
