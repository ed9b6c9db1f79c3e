/**
 * The bot's pure parts in isolation: the token bucket, the signature checks,
 * option flattening and the acknowledge-in-time policy. (Behaviour end to end
 * is in bot.test.ts and friends, against the stand-in.)
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { answerInTime, type AckSteps } from '../src/discord/ack.js';
import { flattenOptions } from '../src/discord/interaction.js';
import { TokenBucketLimiter } from '../src/discord/rateLimit.js';
import { SignatureVerifier } from '../src/discord/signature.js';
import { notice } from '../src/discord/notices.js';
import { delay } from './bot-harness.js';

describe('TokenBucketLimiter', () => {
  it('allows a burst of N, then one more every 60/N seconds, per user', () => {
    let now = 0;
    const limiter = new TokenBucketLimiter(6, () => now);
    const burst = Array.from({ length: 8 }, () => limiter.take('a').allowed);
    expect(burst).toEqual([true, true, true, true, true, true, false, false]);
    expect(limiter.take('a').retryAfterMs).toBe(10_000);
    expect(limiter.take('b').allowed).toBe(true);
    now += 10_000;
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('a').allowed).toBe(false);
  });
});

describe('SignatureVerifier', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const hex = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32).toString('hex');
  const body = Buffer.from('{"type":1}');
  const signed = (timestamp: string, message = body) => sign(null, Buffer.concat([Buffer.from(timestamp), message]), privateKey).toString('hex');

  it('accepts a fresh signature once, and refuses tampering, staleness, replays and garbage', () => {
    let now = 1_700_000_000_000;
    const verifier = new SignatureVerifier(hex, () => now);
    const ts = String(now / 1000);
    const signature = signed(ts);
    expect(verifier.check(signature, ts, Buffer.from('{"type":2}'))).toBe('bad-signature');
    expect(verifier.check(signature, ts, body)).toBe('ok');
    expect(verifier.check(signature, ts, body)).toBe('replayed');
    expect(verifier.check(undefined, ts, body)).toBe('missing');
    expect(verifier.check('zz', ts, body)).toBe('missing');
    const old = String(now / 1000 - 301);
    expect(verifier.check(signed(old), old, body)).toBe('stale');
    const ahead = String(now / 1000 + 301);
    expect(verifier.check(signed(ahead), ahead, body)).toBe('stale');
    now += 11 * 60_000; // long after: the replay memory may forget it, the timestamp check still refuses
    expect(verifier.check(signature, ts, body)).toBe('stale');
  });
});

describe('flattenOptions', () => {
  it('walks subcommand groups and subcommands to the leaf options, noting the focused one', () => {
    const flat = flattenOptions([
      { name: 'admin', type: 2, options: [{ name: 'set', type: 1, options: [{ name: 'channel', type: 7, value: '42' }, { name: 'schedule', type: 3, value: '0 7', focused: true }] }] },
    ]);
    expect(flat).toEqual({ subcommandGroup: 'admin', subcommand: 'set', options: { channel: '42', schedule: '0 7' }, focused: { name: 'schedule', value: '0 7' } });
  });
});

describe('answerInTime', () => {
  const recorder = () => {
    const steps: string[] = [];
    const ack: AckSteps = {
      answerNow: async () => void steps.push('answer now'),
      defer: async () => void steps.push('defer'),
      editLater: async () => void steps.push('edit'),
    };
    return { steps, ack };
  };
  const answer = notice('ok', { ephemeral: false });

  it('answers at once when the work is ready within the threshold', async () => {
    const { steps, ack } = recorder();
    await answerInTime(async () => answer, ack, { mode: 'auto', deferAfterMs: 50 });
    expect(steps).toEqual(['answer now']);
  });

  it('defers, then edits, when the work is slower than the threshold', async () => {
    const { steps, ack } = recorder();
    await answerInTime(async () => (await delay(80), answer), ack, { mode: 'auto', deferAfterMs: 10 });
    expect(steps).toEqual(['defer', 'edit']);
  });

  it("defers before starting a handler marked 'defer'", async () => {
    const { steps, ack } = recorder();
    await answerInTime(async () => (steps.push('work'), answer), ack, { mode: 'defer', deferAfterMs: 1500 });
    expect(steps).toEqual(['defer', 'work', 'edit']);
  });
});
