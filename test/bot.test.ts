/**
 * The bot against the Discord stand-in: the real discord.js Client, the real
 * command modules and router, a real index built from seeds/. After every test
 * the stand-in must have seen nothing invalid (useBotSuite checks). Lookups run
 * inline unless a test asks for the production worker pool (`workers: true`),
 * which starts in about 0.7 s.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/app.js';
import { articleChoices, nameChoices } from '../src/answers/autocomplete.js';
import { INLINE_QUERY_MAX } from '../src/render/discord.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import { deployCommands } from '../src/discord/deploy.js';
import { commandDefinitions } from '../src/discord/loader.js';
import { inlineLookups, type LookupRunner } from '../src/discord/lookups.js';
import { APPLICATION_ID, GUILD_ID, TOKEN, buttonId, delay, useBotSuite } from './bot-harness.js';

const suite = useBotSuite();

/** Lookups that take `ms` longer than they do (inline: deterministic timing). */
function slowLookups(ms: number): LookupRunner {
  const inner = inlineLookups(suite.ctx);
  return { ask: async (request, options) => (await delay(ms), inner.ask(request, options)), close: () => inner.close() };
}

describe('registration', () => {
  it('deploy-commands registers every command module for the guild, valid by the spec', () => {
    const registered = suite.standin.commands(GUILD_ID).map((c) => c.name);
    expect(registered.sort()).toEqual(suite.commands.map((c) => c.data.name).sort());
    expect(registered).toEqual(expect.arrayContaining(['claims', 'who', 'source', 'timeline', 'help']));
  });

  it('registers globally without a guild id, fetching the application id with the token', async () => {
    const { standin, commands } = suite;
    const result = await deployCommands({ token: TOKEN, apiBase: standin.urls.restBase }, commandDefinitions(commands));
    expect(result).toMatchObject({ applicationId: APPLICATION_ID, scope: 'global' });
    expect(standin.commands().map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
    expect(standin.requests.some((r) => r.method === 'GET' && r.path.endsWith('/applications/@me'))).toBe(true);
  });
});

describe('answering commands', () => {
  it('answers /claims troops with exactly the payload `ask --json` prints', async () => {
    await suite.bot({ workers: true });
    const response = await suite.standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response();
    expect(response.type).toBe(4);
    expect(response.data).toEqual(ask(suite.ctx, { command: 'claims', query: 'troops' }).payload);
    expect(response.data?.allowed_mentions).toEqual({ parse: [] });
    expect((response.data?.embeds as unknown[]).length).toBeGreaterThan(0);
  });

  it('answers /who Rutte with valid embeds and no mentions', async () => {
    await suite.bot({ workers: true });
    const body = await suite.standin.sendCommand({ name: 'who', options: { name: 'Rutte' } }).final();
    expect(body).toEqual(ask(suite.ctx, { command: 'who', query: 'Rutte' }).payload);
    expect(JSON.stringify(body)).toContain('Rutte');
    for (const write of suite.standin.messageWrites) expect(write.allowedMentions).toEqual({ parse: [] });
  });

  it('answers /source, /timeline and /help as `ask` does', async () => {
    await suite.bot();
    const cases = [
      { name: 'source', options: { article: '002_852c7ea92689125f.txt' }, query: '002_852c7ea92689125f.txt' },
      { name: 'timeline', options: { topic: 'North Korean troops' }, query: 'North Korean troops' },
      { name: 'help', options: {}, query: '' },
    ] as const;
    for (const { name, options, query } of cases) {
      const response = await suite.standin.sendCommand({ name, options }).response();
      expect(response.data).toEqual(ask(suite.ctx, { command: name, query }).payload);
    }
  });
});

describe('options and acknowledgement', () => {
  it('autocompletes /who and /source with at most 25 choices, never deferring', async () => {
    await suite.bot();
    const who = suite.standin.sendAutocomplete({ name: 'who', options: { name: 'Ru' }, focused: 'name' });
    const names = await who.choices();
    expect((await who.response()).type).toBe(8);
    expect(names).toEqual(nameChoices(suite.ctx, 'Ru'));
    expect(names.length).toBeLessThanOrEqual(25);

    const sources = await suite.standin.sendAutocomplete({ name: 'source', options: { article: '' }, focused: 'article' }).choices();
    expect(sources).toEqual(articleChoices(suite.ctx, ''));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.length).toBeLessThanOrEqual(25);
  });

  it('answers privately (flags 64) when private is set', async () => {
    await suite.bot();
    const response = await suite.standin.sendCommand({ name: 'claims', options: { topic: 'troops', private: true } }).response();
    expect(response.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(response.data).toEqual(ask(suite.ctx, { command: 'claims', query: 'troops' }, { ephemeral: true }).payload);
  });

  it('refuses a blank topic with a clear ephemeral message', async () => {
    await suite.bot();
    const response = await suite.standin.sendCommand({ name: 'claims', options: { topic: '   ' } }).response();
    expect(response.type).toBe(4);
    expect(response.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(response.data?.content).toMatch(/topic: type at least one character/);
  });

  it('defers and edits the answer in when told to defer at once (threshold 0)', async () => {
    await suite.bot({ deferAfterMs: 0, workers: true });
    const handle = suite.standin.sendCommand({ name: 'claims', options: { topic: 'troops' } });
    expect((await handle.response()).type).toBe(5);
    expect(await handle.final()).toEqual(ask(suite.ctx, { command: 'claims', query: 'troops' }).payload);
  });

  it('defers a slow lookup before the window closes, privately when asked, then edits', async () => {
    await suite.bot({ deferAfterMs: 100, lookups: slowLookups(400) });
    const handle = suite.standin.sendCommand({ name: 'who', options: { name: 'Rutte', private: true } });
    expect(await handle.response()).toEqual({ type: 5, data: { flags: EPHEMERAL_FLAG } });
    const { flags: _flags, ...edit } = ask(suite.ctx, { command: 'who', query: 'Rutte' }, { ephemeral: true }).payload;
    expect(await handle.final()).toEqual(edit);
    expect((handle.message()?.flags ?? 0) & EPHEMERAL_FLAG).toBe(EPHEMERAL_FLAG);
  });
});

describe('paging', () => {
  it('Next updates the message with page 2, also after a restart', async () => {
    const { standin, ctx } = suite;
    const first = await suite.bot();
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'Russia' } });
    expect(await handle.final()).toEqual(ask(ctx, { command: 'claims', query: 'Russia' }).payload);
    const messageId = handle.message()!.id;

    const update = await standin.clickButton({ customId: buttonId(handle.message(), /Next/), messageId }).response();
    expect(update).toEqual({ type: 7, data: ask(ctx, { command: 'claims', query: 'Russia' }, { page: 1 }).payload });

    await first.bot.stop('restart');
    await suite.bot({ workers: true });
    const previous = await standin.clickButton({ customId: buttonId(standin.message(messageId), /Previous/), messageId }).response();
    expect(previous).toEqual({ type: 7, data: ask(ctx, { command: 'claims', query: 'Russia' }, { page: 0 }).payload });
  });

  it('pages a query too long for a custom_id through the key saved in the index, after a restart', async () => {
    const { standin, ctx } = suite;
    const topic = Array.from({ length: 13 }, () => 'Russia').join(' ');
    expect(topic.length).toBeGreaterThan(INLINE_QUERY_MAX);
    const first = await suite.bot();
    const handle = standin.sendCommand({ name: 'claims', options: { topic } });
    expect(buttonId(await handle.final(), /Next/)).toMatch(/^page:claims:1:h:/);
    await first.bot.stop('restart');

    await suite.bot({ workers: true });
    const update = await standin.clickButton({ customId: buttonId(handle.message(), /Next/), messageId: handle.message()!.id }).response();
    expect(update).toEqual({ type: 7, data: ask(ctx, { command: 'claims', query: topic }, { page: 1 }).payload });
  });

  it('defers a slow page click (type 6) and edits the page in', async () => {
    const { standin, ctx } = suite;
    await suite.bot({ deferAfterMs: 100, lookups: slowLookups(300) });
    const handle = standin.sendCommand({ name: 'claims', options: { topic: 'Russia' } });
    await handle.final();
    const click = standin.clickButton({ customId: buttonId(handle.message(), /Next/), messageId: handle.message()!.id });
    expect((await click.response()).type).toBe(6);
    expect(await click.final()).toEqual(ask(ctx, { command: 'claims', query: 'Russia' }, { page: 1 }).payload);
  });
});
