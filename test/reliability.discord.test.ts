/**
 * Discord faults as scenarios, through the stand-in and the real discord.js
 * Client: a global 429, 502s on the callback, an interaction whose token
 * expired in transit, and hostile text typed into a command.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/app.js';
import { useBotSuite, eventually } from './bot-harness.js';
import { isWellFormed } from '../src/text/cut.js';

const suite = useBotSuite();
const claims = (query: string) => ask(suite.ctx, { command: 'claims', query }).payload;

describe('Discord faults', () => {
  it('a global 429 on the callback is waited out, then the answer arrives', async () => {
    const { standin } = suite;
    await suite.bot();
    standin.faults.next({ route: /\/callback/, status: 429, retryAfter: 0.25, global: true });
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    expect((await handle.response()).data).toEqual(claims('troops'));
    const callbacks = handle.requests().filter((r) => r.route?.endsWith('/callback'));
    expect(callbacks).toHaveLength(2);
    expect(callbacks[0]!.status).toBe(429);
    expect(callbacks[1]!.time - callbacks[0]!.time).toBeGreaterThanOrEqual(240);
  });

  it('502 twice on the callback: retried, and the user still gets the answer once', async () => {
    const { standin } = suite;
    await suite.bot();
    standin.faults.next({ route: /\/callback/, status: 502, times: 2 });
    const handle = standin.sendCommand({ name: 'who', options: { name: 'Rutte' } });
    expect((await handle.response()).data).toEqual(ask(suite.ctx, { command: 'who', query: 'Rutte' }).payload);
    const callbacks = handle.requests().filter((r) => r.route?.endsWith('/callback'));
    expect(callbacks).toHaveLength(3);
    expect(callbacks.slice(0, 2).map((r) => r.status)).toEqual([502, 502]);
  });

  it('an interaction that arrives after its token expired is logged as a warning, and the bot answers the next one', async () => {
    const { standin } = suite;
    const { logger } = await suite.bot();
    standin.delayGateway(3_200); // the interaction reaches the bot after Discord's 3 s window closed
    standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    await eventually(() => logger.lines.some((l) => l.includes('10062')), 10_000);
    expect(logger.lines.some((l) => l.includes('"level":"error"'))).toBe(false);
    standin.delayGateway(0);
    const next = await standin.sendCommand({ name: 'claims', options: { topic: 'Pyongyang' } }).response();
    expect(next.data).toEqual(claims('Pyongyang'));
  }, 20_000);
});

describe('hostile text typed into a command', () => {
  it('mentions and markdown in the query never ping or format, and the body passes the schema', async () => {
    const { standin } = suite;
    await suite.bot();
    const topic = '@everyone <@123456789012345678> **troops** `x` [a](http://b)';
    const response = await standin.sendCommand({ name: 'claims', options: { topic } }).response();
    const body = JSON.stringify(response.data);
    expect(response.data).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(body).not.toMatch(/@everyone|<@\d/);
    expect(body).not.toContain('**troops**');
  });

  it('an SQL or FTS5 fragment is searched as words, with no error', async () => {
    const { standin } = suite;
    await suite.bot();
    for (const topic of ['"; DROP TABLE articles; --', 'NEAR(troops soldiers) OR text:*']) {
      const response = await standin.sendCommand({ name: 'claims', options: { topic } }).response();
      expect(response.data).toEqual(claims(topic));
    }
  });
});

describe('text shortened for Discord', () => {
  it('a query of emoji shortened into the title reaches Discord well-formed (the stand-in refuses unpaired surrogates)', async () => {
    const { standin } = suite;
    await suite.bot();
    for (const topic of [`x${'😀'.repeat(200)}`, `xy${'😀'.repeat(200)}`, `xy${'🇺🇦'.repeat(100)}`]) {
      const response = await standin.sendCommand({ name: 'claims', options: { topic } }).response();
      expect(response.type).toBe(4);
      expect(JSON.stringify(response.data, (_k, v: unknown) => (typeof v === 'string' && !isWellFormed(v) ? 'ILL-FORMED' : v))).not.toContain('ILL-FORMED');
    }
    standin.assertClean();
  });
});
