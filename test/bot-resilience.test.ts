/**
 * The bot when things go wrong: failing handlers, Discord's 429s and refusals,
 * a dropped gateway, a burst of requests, shutdown with work in flight, and
 * secrets in logs. Real discord.js Client against the stand-in throughout.
 */
import { describe, expect, it } from 'vitest';
import { GatewayIntentBits } from 'discord.js';
import { z } from 'zod';
import { ask } from '../src/app.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import type { BotCommand } from '../src/discord/command.js';
import { inlineLookups, type LookupRunner } from '../src/discord/lookups.js';
import { TOKEN, eventually, useBotSuite } from './bot-harness.js';

const suite = useBotSuite();

const claimsTroops = () => ask(suite.ctx, { command: 'claims', query: 'troops' }).payload;
const hasEmbeds = (data: Record<string, unknown> | undefined) => Array.isArray(data?.embeds) && data.embeds.length > 0;

function failingCommand(name: string, message: string): BotCommand {
  return {
    data: { name, toJSON: () => ({ name, description: 'fails' }) },
    options: z.object({}),
    execute: () => {
      throw new Error(message);
    },
  };
}

/** Lookups that hold every answer until released, announcing when the first one started. */
function gatedLookups() {
  const inner = inlineLookups(suite.ctx);
  let release!: () => void;
  let announce!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const started = new Promise<void>((resolve) => (announce = resolve));
  let closed = false;
  const runner: LookupRunner = {
    ask: async (request, options) => {
      announce();
      await released;
      return inner.ask(request, options);
    },
    close: async () => void (closed = true),
  };
  return { runner, started, release, isClosed: () => closed };
}

describe('failures', () => {
  it('answers a failing handler with an ephemeral error id that the log also carries, then keeps answering', async () => {
    const { standin, commands } = suite;
    const { logger } = await suite.bot({ commands: [...commands, failingCommand('boom', 'the index exploded')] });
    const response = await standin.sendCommand({ name: 'boom' }).response();
    expect(response.type).toBe(4);
    expect(response.data?.flags).toBe(EPHEMERAL_FLAG);
    const errorId = /`([A-Z0-9]{8})`/.exec(String(response.data?.content))?.[1];
    expect(errorId).toBeDefined();
    const logged = logger.lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.errorId === errorId);
    expect(logged).toMatchObject({ level: 'error', msg: 'interaction failed', command: 'boom' });
    expect(JSON.stringify(logged)).toContain('the index exploded');

    const next = await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response();
    expect(next.data).toEqual(claimsTroops());
  });

  it('waits out a 429 for its retry_after, then answers', async () => {
    const { standin } = suite;
    await suite.bot();
    standin.faults.next({ route: /\/callback/, status: 429, retryAfter: 0.3 });
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    expect((await handle.response()).data).toEqual(claimsTroops());
    const callbacks = handle.requests().filter((r) => r.route?.endsWith('/callback'));
    expect(callbacks).toHaveLength(2);
    expect(callbacks[0]!.status).toBe(429);
    expect(callbacks[1]!.time - callbacks[0]!.time).toBeGreaterThanOrEqual(290);
  });

  it('treats "Unknown interaction" (10062) as a warning, not a crash', async () => {
    const { standin, ctx } = suite;
    const { logger } = await suite.bot();
    standin.faults.next({ route: /\/callback/, status: 404, body: { message: 'Unknown interaction', code: 10062 } });
    standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    await eventually(() => logger.lines.some((l) => l.includes('"code":10062')));
    expect(logger.lines.some((l) => l.includes('"level":"error"'))).toBe(false);

    const next = await standin.sendCommand({ name: 'who', options: { name: 'Rutte' } }).response();
    expect(next.data).toEqual(ask(ctx, { command: 'who', query: 'Rutte' }).payload);
  });

  it('treats "already acknowledged" (40060) after a retried callback as answered', async () => {
    const { standin } = suite;
    const { logger } = await suite.bot({ deferAfterMs: 0 });
    // The defer lands but the bot is told it failed; its retry meets 40060. The edit must still come.
    standin.faults.next({ route: /\/callback/, status: 500, phase: 'after' });
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    expect(await handle.final()).toEqual(claimsTroops());
    expect(logger.lines.some((l) => l.includes('"code":40060'))).toBe(true);
    expect(logger.lines.some((l) => l.includes('"level":"error"'))).toBe(false);
  });
});

describe('gateway', () => {
  it('resumes after the connection drops and keeps answering', async () => {
    const { standin } = suite;
    const identifiesBefore = standin.identifies.length;
    const { logger } = await suite.bot();
    expect(standin.dropGateway()).toBeGreaterThan(0);
    await standin.waitFor((s) => s.resumes.find((r) => r.ok));
    await standin.waitForGateway();
    const response = await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response();
    expect(response.data).toEqual(claimsTroops());
    expect(standin.identifies).toHaveLength(identifiesBefore + 1);
    expect(logger.lines.some((l) => l.includes('gateway resumed'))).toBe(true);
  });

  it('identifies with the Guilds intent only (no message content)', async () => {
    await suite.bot();
    expect(suite.standin.identifies.at(-1)?.intents).toBe(GatewayIntentBits.Guilds);
  });
});

describe('rate limit', () => {
  it('holds under a burst: N answers a minute per user, the rest told politely and privately', async () => {
    const { standin } = suite;
    let now = 1_000_000;
    await suite.bot({ env: { RATE_LIMIT_PER_MINUTE: '3' }, clock: () => now });
    const burst = Array.from({ length: 6 }, () => standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response());
    const responses = await Promise.all(burst);
    const refused = responses.filter((r) => /try again in \d+ s/.test(String(r.data?.content)));
    expect(responses.filter((r) => hasEmbeds(r.data))).toHaveLength(3);
    expect(refused).toHaveLength(3);
    expect(refused.every((r) => r.data?.flags === EPHEMERAL_FLAG)).toBe(true);

    const otherUser = await standin.sendCommand({ name: 'claims', options: { topic: 'troops' }, user: { id: '200000000000000099' } }).response();
    expect(hasEmbeds(otherUser.data)).toBe(true);

    now += 20_000; // one request back (3 a minute)
    expect(hasEmbeds((await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response()).data)).toBe(true);
    expect(hasEmbeds((await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response()).data)).toBe(false);
  });
});

describe('shutdown', () => {
  it('stops taking interactions, finishes those in flight, runs hooks, then closes the database', async () => {
    const { standin } = suite;
    const gate = gatedLookups();
    const { bot } = await suite.bot({ lookups: gate.runner, deferAfterMs: 2000 });
    const db = bot.services.answers.db;
    const seen: string[] = [];
    bot.onShutdown(() => void seen.push(`hook ran: in flight ${bot.router.inFlight}, db open ${db.open}`));

    const inFlight = standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    await gate.started;
    const stopping = bot.stop('SIGTERM');
    const late = await standin.sendCommand({ name: 'who', options: { name: 'Rutte' } }).response();
    expect(late.data?.content).toMatch(/restarting/);
    expect(db.open).toBe(true);

    gate.release();
    await stopping;
    expect((await inFlight.response()).data).toEqual(claimsTroops());
    expect(seen).toEqual(['hook ran: in flight 0, db open true']);
    expect(gate.isClosed()).toBe(true);
    expect(db.open).toBe(false);
    expect(standin.gatewayCloses.at(-1)?.by).toBe('client');
  });
});

describe('secrets', () => {
  it('never logs the token (nor the public key), even when an error message carries it', async () => {
    const { standin, commands } = suite;
    const publicKey = 'ab'.repeat(32);
    const leaky = failingCommand('leak', `bad auth header Bot ${TOKEN}, key ${publicKey}`);
    const { bot, logger } = await suite.bot({ commands: [...commands, leaky], env: { LOG_LEVEL: 'debug', DISCORD_PUBLIC_KEY: publicKey } });
    await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response();
    await standin.sendCommand({ name: 'leak' }).response();
    standin.dropGateway();
    await standin.waitFor((s) => s.resumes.find((r) => r.ok));
    await bot.stop('test');

    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(5);
    expect(log).toContain('[redacted]');
    expect(log).not.toContain(TOKEN);
    expect(log).not.toContain(publicKey);
    for (const part of TOKEN.split('.')) expect(log).not.toContain(part);
    expect(log).toContain('Provided token: [redacted]'); // discord.js's own debug line
  });
});
