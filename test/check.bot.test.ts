/**
 * /check and the "Check claim" message command against the Discord stand-in:
 * registered by deploy-commands (valid by the spec), answered with exactly the
 * payload `ask` builds, the message command on a message a user posted
 * (MESSAGE_CREATE), privately, paged like any lookup.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/app.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import { buttonId, CHANNEL_ID, GUILD_ID, useBotSuite } from './bot-harness.js';

const suite = useBotSuite();
const CLAIM = 'North Korea has sent 12,000 troops to Russia';

describe('registration', () => {
  it('deploy-commands registers /check and the "Check claim" message command', () => {
    const registered = suite.standin.commands(GUILD_ID);
    const check = registered.find((c) => c.name === 'check');
    expect(check?.type).toBe(1);
    expect(check?.options?.map((o) => o.name)).toEqual(['claim', 'private']);
    const message = registered.find((c) => c.name === 'Check claim');
    expect(message?.type).toBe(3);
    expect(message?.description).toBe('');
  });
});

describe('/check', () => {
  it('answers with exactly the payload `ask` builds, valid by the stand-in', async () => {
    await suite.bot();
    const response = await suite.standin.sendCommand({ name: 'check', options: { claim: CLAIM } }).response();
    expect(response.type).toBe(4);
    expect(response.data).toEqual(ask(suite.ctx, { command: 'check', query: CLAIM }).payload);
    expect(JSON.stringify(response.data)).toContain('Different figures');
  });
});

describe('"Check claim" on a message', () => {
  it('checks the text of a message a user posted, privately, and pages it', async () => {
    const { standin, ctx } = suite;
    await suite.bot();
    const posted = standin.postUserMessage({ content: CLAIM, channelId: CHANNEL_ID });
    const handle = standin.sendMessageCommand({ name: 'Check claim', messageId: posted.id });
    const response = await handle.response();
    const expected = ask(ctx, { command: 'check', query: CLAIM }, { ephemeral: true }).payload;
    expect(response.type).toBe(4);
    expect(response.data).toEqual(expected);
    expect(response.data?.flags).toBe(EPHEMERAL_FLAG);
    expect(JSON.stringify(response.data)).toContain('Matches the figure');

    // The claim is too long for a custom_id: the Next button carries a key saved in the index.
    const next = await standin.clickButton({ customId: buttonId(handle.message(), /Next/), messageId: handle.message()!.id }).response();
    expect(next).toEqual({ type: 7, data: ask(ctx, { command: 'check', query: CLAIM }, { page: 1, ephemeral: false }).payload });
  });

  it('says plainly when the message has no text to check', async () => {
    const { standin, ctx } = suite;
    await suite.bot();
    const posted = standin.postUserMessage({ content: '   ' });
    const response = await standin.sendMessageCommand({ name: 'Check claim', messageId: posted.id }).response();
    expect(response.data).toEqual(ask(ctx, { command: 'check', query: '   ' }, { ephemeral: true }).payload);
    expect(JSON.stringify(response.data)).toMatch(/Nothing to check/);
  });
});
