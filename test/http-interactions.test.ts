/**
 * HTTP interactions mode. The stand-in plays Discord's part: its gateway hands
 * each interaction to a relay, which signs it with our test key pair and POSTs
 * it to the bot's endpoint, then passes the bot's HTTP response on to the
 * stand-in's callback route — as Discord does with an endpoint URL — so
 * callbacks and later REST edits are validated exactly as in gateway mode.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Client, GatewayIntentBits, type GatewayDispatchPayload } from 'discord.js';
import { answerContext, ask, openIndex } from '../src/app.js';
import type { AnswerContext } from '../src/answers/index.js';
import { nameChoices } from '../src/answers/autocomplete.js';
import { createBot, type Bot } from '../src/discord/bot.js';
import { inlineLookups } from '../src/discord/lookups.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import type { DiscordStandIn } from './standin/index.js';
import { standInRestOptions } from './standin/client.js';
import { TOKEN, botConfig, buttonId, captureLogger, newStandIn, registerCommands } from './bot-harness.js';

const keys = generateKeyPairSync('ed25519');
/** The raw 32-byte key, hex, as the Developer Portal shows it: the tail of the SPKI DER. */
const PUBLIC_KEY = keys.publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');

let index: TempIndex;
let standin: DiscordStandIn;
let ctx: AnswerContext;
let relay: Client;
let bot: Bot | undefined;
let endpoint = '';
const logger = captureLogger();

interface Delivery {
  status: number;
  body: unknown;
}
const deliveries = new Map<string, Delivery>();

function signedHeaders(body: string, options: { key?: KeyObject; timestamp?: number } = {}): Record<string, string> {
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(null, Buffer.from(timestamp + body), options.key ?? keys.privateKey).toString('hex');
  return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp };
}

async function post(body: string, headers: Record<string, string>): Promise<Delivery> {
  const res = await fetch(endpoint, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** Discord's side of HTTP mode: sign, POST to the bot, hand its answer to the callback route. */
async function deliver(interaction: { id: string; token: string }): Promise<void> {
  const body = JSON.stringify(interaction);
  const delivery = await post(body, signedHeaders(body));
  deliveries.set(interaction.id, delivery);
  if (delivery.status !== 200) return;
  await fetch(`${standin.urls.apiBase}/interactions/${interaction.id}/${interaction.token}/callback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(delivery.body),
  });
}

async function startHttpBot(options: { deferAfterMs?: number; workers?: boolean } = {}): Promise<Bot> {
  const parsed = botConfig(standin, index, { DISCORD_PUBLIC_KEY: PUBLIC_KEY, INTERACTIONS_PORT: '1' });
  const db = openIndex(index.dbFile);
  bot = await createBot({
    config: { ...parsed, INTERACTIONS_PORT: 0 }, // any free port
    db,
    logger,
    ...(options.workers ? {} : { lookups: inlineLookups(answerContext(db, {})) }),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  await bot.start();
  endpoint = `http://127.0.0.1:${bot.httpPort}/interactions`;
  return bot;
}

beforeAll(async () => {
  index = await tempIndex();
  ctx = answerContext(index.db, {});
  standin = newStandIn();
  await standin.start();
  await registerCommands(standin);
  relay = new Client({ intents: [GatewayIntentBits.Guilds], rest: standInRestOptions(standin) });
  relay.on('raw', (packet: GatewayDispatchPayload) => {
    if (packet.t === 'INTERACTION_CREATE') void deliver(packet.d as { id: string; token: string });
  });
  await relay.login(TOKEN);
});

afterEach(async () => {
  await bot?.stop('test over');
  bot = undefined;
  standin.assertClean();
  standin.clearRecords();
});

afterAll(async () => {
  await relay.destroy();
  await standin.stop();
  index.cleanup();
});

describe('HTTP interactions', () => {
  it('answers PING with PONG', async () => {
    await startHttpBot();
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 'ping', version: 1 });
    expect(await post(body, signedHeaders(body))).toEqual({ status: 200, body: { type: 1 } });
  });

  it('answers a correctly signed /claims in the HTTP response, with the payload `ask --json` prints', async () => {
    await startHttpBot({ workers: true });
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    const response = await handle.response();
    expect(response).toEqual({ type: 4, data: ask(ctx, { command: 'claims', query: 'troops' }).payload });
    expect(deliveries.get(handle.id)).toEqual({ status: 200, body: response });
  });

  it('answers the "Check claim" message command over HTTP, on the message the user right-clicked', async () => {
    await startHttpBot();
    const claim = 'Budanow said 20,000 soldiers from North Korea were training in Russia';
    const posted = standin.postUserMessage({ content: claim });
    const response = await standin.sendMessageCommand({ name: 'Check claim', messageId: posted.id }).response();
    expect(response).toEqual({ type: 4, data: ask(ctx, { command: 'check', query: claim }, { ephemeral: true }).payload });
    expect(JSON.stringify(response)).toContain('nearly 11,000 soldiers from North Korea');
  });

  it('defers in the HTTP response and edits the answer in through REST', async () => {
    await startHttpBot({ deferAfterMs: 0 });
    const handle = standin.sendCommand({ name: 'who', options: { name: 'Rutte' } });
    expect(await handle.response()).toEqual({ type: 5, data: {} });
    expect(await handle.final()).toEqual(ask(ctx, { command: 'who', query: 'Rutte' }).payload);
  });

  it('autocompletes over HTTP', async () => {
    await startHttpBot();
    const choices = await standin.sendAutocomplete({ name: 'who', options: { name: 'Ru' }, focused: 'name' }).choices();
    expect(choices).toEqual(nameChoices(ctx, 'Ru'));
  });

  it('pages over HTTP: Next answers with an update (type 7)', async () => {
    await startHttpBot();
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'Russia' } });
    await handle.final();
    const message = handle.message()!;
    const update = await standin.clickButton({ customId: buttonId(message, /Next/), messageId: message.id }).response();
    expect(update).toEqual({ type: 7, data: ask(ctx, { command: 'claims', query: 'Russia' }, { page: 1 }).payload });
  });

  it('refuses a bad signature with 401', async () => {
    await startHttpBot();
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 'ping', version: 1 });
    const tampered = body.replace('"type":1', '"type":2');
    expect((await post(tampered, signedHeaders(body))).status).toBe(401);
    const otherKey = generateKeyPairSync('ed25519').privateKey;
    expect((await post(body, signedHeaders(body, { key: otherKey }))).status).toBe(401);
    expect((await post(body, { 'content-type': 'application/json' })).status).toBe(401);
  });

  it('refuses a stale timestamp (over five minutes old) with 401, even when correctly signed', async () => {
    await startHttpBot();
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 'ping', version: 1 });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await post(body, signedHeaders(body, { timestamp: sixMinutesAgo }))).status).toBe(401);
  });

  it('refuses a replayed request with 401', async () => {
    await startHttpBot();
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 'ping', version: 1 });
    const headers = signedHeaders(body);
    expect((await post(body, headers)).status).toBe(200);
    expect((await post(body, headers)).status).toBe(401);
  });

  it('a signed interaction with malformed member permissions is refused with 400, never a 500', async () => {
    await startHttpBot();
    for (const permissions of ['abc', '1e5', '-1', '0x10', '']) {
      const body = JSON.stringify({ id: `9${permissions.length}`, application_id: '2', type: 2, token: 't', version: 1, data: { name: 'help' }, member: { user: { id: '5' }, permissions } });
      expect((await post(body, signedHeaders(body))).status, permissions).toBe(400);
    }
    expect(logger.lines.join('\n')).not.toMatch(/"level":"error"/);
  });

  it('refuses missing or ill-formed signature headers before reading the body, and oversized bodies from their length', async () => {
    await startHttpBot();
    const { request } = await import('node:http');
    const url = new URL(endpoint);
    // Headers announcing 1 MB, and no body at all: the answer must come without waiting for it.
    const answer = (headers: Record<string, string>) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(1024 * 1024), ...headers } }, (res) => {
          resolve(res.statusCode ?? 0);
          req.destroy();
        });
        req.on('error', reject);
        req.flushHeaders();
      });
    expect(await answer({})).toBe(401);
    expect(await answer({ 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'now' })).toBe(401);
    expect(await answer({ 'x-signature-ed25519': 'a'.repeat(128), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000) - 600) })).toBe(401);
    expect(await answer({ 'x-signature-ed25519': 'a'.repeat(128), 'x-signature-timestamp': String(Math.floor(Date.now() / 1000)) })).toBe(413);
  });

  it('a client that aborts mid-body is logged at debug, never as an error', async () => {
    await startHttpBot();
    const { request } = await import('node:http');
    const url = new URL(endpoint);
    const before = logger.lines.length;
    const body = JSON.stringify({ id: '1', application_id: '2', type: 1, token: 'ping', version: 1 });
    await new Promise<void>((resolve) => {
      const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { ...signedHeaders(body), 'content-length': String(body.length + 100) } });
      req.on('error', () => resolve());
      req.write(body.slice(0, 10), () => setTimeout(() => { req.destroy(); setTimeout(resolve, 200); }, 50));
    });
    expect(logger.lines.slice(before).join('\n')).not.toMatch(/"level":"error"/);
  });

  it('listens on 127.0.0.1 unless INTERACTIONS_HOST says otherwise', async () => {
    await startHttpBot();
    expect(logger.lines.join('\n')).toMatch(/serving HTTP interactions.*"host":"127\.0\.0\.1"/);
  });

  it('never logs the public key or the token', () => {
    const log = logger.lines.join('\n');
    expect(log).toContain('serving HTTP interactions');
    expect(log).not.toContain(PUBLIC_KEY);
    expect(log).not.toContain(TOKEN);
  });
});
