/**
 * Sending a digest message, and trying again. A Sender posts one message body
 * to a channel (through discord.js's REST client, as the bot does); `withRetry`
 * retries what may succeed later (429, 5xx, network) with exponential backoff,
 * honouring Discord's retry_after, and gives up at once on what will not
 * (missing access, unknown channel, a body Discord rejects).
 *
 * Each body carries a nonce with enforce_nonce: if a request timed out after
 * Discord had created the message, the retry returns that message instead of
 * posting a second one.
 */
import { createHash } from 'node:crypto';
import { Routes, type APIMessage } from 'discord.js';
import type { MessagePayload } from '../render/discord.js';

export interface PostBody extends MessagePayload {
  nonce?: string;
  enforce_nonce?: boolean;
}

export interface Sender {
  /** Posts `body` to `channelId`; resolves with the new message's id, or throws SendError. */
  send(channelId: string, body: PostBody): Promise<{ id: string }>;
}

export class SendError extends Error {
  constructor(
    message: string,
    /** HTTP status, when there was a response. */
    readonly status: number | null,
    /** True when trying again may succeed. */
    readonly retryable: boolean,
    /** How long Discord asked us to wait (429), ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** A nonce for one part of one window: at most 25 characters, as Discord requires. */
export function partNonce(guildId: string, tick: string, part: number): string {
  return createHash('sha256').update(`${guildId}|${tick}|${part}`).digest('base64url').slice(0, 25);
}

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: Sleep;
  /** Called before each wait, e.g. to renew a lease; return false to stop retrying. */
  beforeRetry?: (attempt: number, delayMs: number, error: SendError) => boolean | Promise<boolean>;
}

export const DEFAULT_RETRY: Omit<RetryOptions, 'sleep'> = { attempts: 5, baseDelayMs: 1_000, maxDelayMs: 60_000 };

/** The wait before retry number `attempt` (1-based): base·2^(attempt-1), capped; a longer retry_after wins. */
export function backoffDelay(attempt: number, options: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs'>, retryAfterMs: number | null = null): number {
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.max(exponential, retryAfterMs ?? 0);
}

/**
 * Any failure to post → a SendError saying what happened and whether to try again. With the
 * channel, the message names it and the HTTP status: "HTTP 404 posting to channel 3100…: Unknown
 * Channel (code 10003)", what /digest show puts in front of an editor.
 */
export function asSendError(error: unknown, channelId?: string): SendError {
  if (error instanceof SendError) return error;
  const e = error as { status?: unknown; code?: unknown; message?: string; retryAfter?: unknown };
  const message = e.message ?? String(error);
  const where = channelId === undefined ? '' : ` posting to channel ${channelId}`;
  const status = typeof e.status === 'number' ? e.status : null;
  if (status !== null) {
    const retryable = status === 429 || status >= 500 || status === 408;
    const retryAfter = typeof e.retryAfter === 'number' ? e.retryAfter : null;
    const code = typeof e.code === 'number' ? ` (code ${e.code})` : '';
    return new SendError(`HTTP ${status}${where}: ${message}${code}`, status, retryable, retryAfter);
  }
  // No HTTP response: a network failure or timeout, worth another try.
  return new SendError(channelId === undefined ? message : `network error${where}: ${message}`, null, true);
}

/** Runs `attempt` until it succeeds, a non-retryable error, or the attempts run out (then throws the last error). */
export async function withRetry<T>(attempt: (n: number) => Promise<T>, options: RetryOptions): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt(n);
    } catch (raw) {
      const error = asSendError(raw);
      if (!error.retryable || n >= options.attempts) throw error;
      const delay = backoffDelay(n, options, error.retryAfterMs);
      if (options.beforeRetry && !(await options.beforeRetry(n, delay, error))) throw error;
      await options.sleep(delay);
    }
  }
}

/** The part of discord.js's REST client a sender needs. */
export interface RestPoster {
  post(route: `/${string}`, options: { body: unknown }): Promise<unknown>;
}

/**
 * Posts through discord.js's REST client, as the bot does: its rate-limit buckets and its own
 * retries of 429 and 5xx come first; what it gives up on reaches withRetry as the error it threw.
 */
export function discordRestSender(rest: RestPoster): Sender {
  return {
    async send(channelId, body) {
      try {
        const message = (await rest.post(Routes.channelMessages(channelId), { body })) as APIMessage;
        return { id: message.id };
      } catch (error) {
        throw asSendError(error, channelId);
      }
    },
  };
}
