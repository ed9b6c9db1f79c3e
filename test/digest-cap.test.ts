/** A digest that fits a channel: at most N messages, most important first, the rest counted and pointed to /digest preview. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDigest } from '../src/digest/build.js';
import { applySet, DEFAULT_MAX_MESSAGES, parseDigestSet } from '../src/digest/config.js';
import { digestItemKeys } from '../src/digest/compose.js';
import { payloadProblems, renderDigestParts } from '../src/digest/render.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex();
});
afterAll(() => index.cleanup());

const window = { scope: 'cli', tick: new Date(Date.now() + 60_000).toISOString(), start: null, timeZone: 'UTC', synonyms: [] as never[] };

describe('the digest cap', () => {
  it('over the seeds, uncapped it takes several messages; capped at 2 it takes 2, the last counting what was left out', () => {
    const budget = 1500; // small messages, so the five seed articles make more than two
    const full = buildDigest(index.db, { ...window });
    const uncapped = renderDigestParts(full.digest, { whenEmpty: 'line', budget });
    expect(uncapped.length).toBeGreaterThan(2);
    const capped = renderDigestParts(full.digest, { whenEmpty: 'line', budget, maxMessages: 2 });
    expect(capped).toHaveLength(2);
    for (const part of capped) expect(payloadProblems(part.payload)).toEqual([]);
    const posted = capped.flatMap((p) => p.itemKeys);
    const total = digestItemKeys(full.digest).length;
    const last = capped[1]!.payload.embeds[0]!.description!;
    const m = /(\d+) more items? left out to keep this digest to 2 messages \((.*)\)\. \/digest preview shows them all/.exec(last.replace(/\\/g, ''));
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBe(total - posted.length);
    const counted = [...m![2]!.matchAll(/: (\d+)/g)].reduce((n, x) => n + Number(x[1]), 0);
    expect(counted).toBe(total - posted.length);
  });

  it('most important first: figures that differ, then positions that changed, then statements, then articles', () => {
    const { digest } = buildDigest(index.db, { ...window });
    expect(digest.sections.map((s) => s.kind)).toEqual(['figures', 'positions', 'people', 'articles']);
    // Figures compared like with like: Russian losses and the escaped soldiers are not among the deployed troops.
    const figures = JSON.stringify(digest.sections[0]);
    expect(figures).not.toMatch(/600 Russian troops|eighteen North Korean soldiers/);
  });

  it('defaults to 3 messages per server; /digest set max_messages changes it, checked with one clear message', () => {
    const valid = (options: Record<string, unknown>) => {
      const parsed = parseDigestSet({ channel: '300000000000000002', schedule: '0 7 * * *', ...options });
      if (!parsed.ok) throw new Error(parsed.message);
      return parsed.value;
    };
    const config = applySet(null, '300000000000000001', valid({}), { timezone: 'UTC' }, null, new Date());
    expect(config.maxMessages).toBe(DEFAULT_MAX_MESSAGES);
    expect(DEFAULT_MAX_MESSAGES).toBe(3);
    expect(applySet(config, '300000000000000001', valid({ max_messages: 5 }), { timezone: 'UTC' }, null, new Date()).maxMessages).toBe(5);
    expect(parseDigestSet({ channel: '300000000000000002', schedule: '0 7 * * *', max_messages: 0 })).toEqual({ ok: false, message: 'max_messages: expected a whole number from 1 to 10' });
  });
});
