/**
 * Sending a digest message, and trying again. A Sender posts one message body
 * to a channel (through discord.js or Discord's REST API directly); `withRetry`
 * retries what may succeed later (429, 5xx, network) with exponential backoff,
 * honouring Discord's retry_after, and gives up at once on what will not
 * (missing access, unknown channel, a body Discord rejects).
 *
 * Each body carries a nonce with enforce_nonce: if a request timed out after
 * Discord had created the message, the retry returns that message instead of
 * posting a second one.
 */
import { createHash } from 'node:crypto';
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

export function asSendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const e = error as { status?: unknown; code?: unknown; message?: string; retryAfter?: unknown };
  const status = typeof e.status === 'number' ? e.status : null;
  if (status !== null) {
    const retryable = status === 429 || status >= 500 || status === 408;
    const retryAfter = typeof e.retryAfter === 'number' ? e.retryAfter : null;
    return new SendError(e.message ?? `HTTP ${status}`, status, retryable, retryAfter);
  }
  // No HTTP response: a network failure or timeout, worth another try.
  return new SendError(e.message ?? String(error), null, true);
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

/** Posts through Discord's REST API: POST /channels/{id}/messages with a bot token. */
export function restSender(options: { apiBase: string; token: string; fetch?: typeof fetch; timeoutMs?: number }): Sender {
  const doFetch = options.fetch ?? fetch;
  const base = options.apiBase.replace(/\/+$/, '');
  const root = /\/v\d+$/.test(base) ? base : `${base}/v10`;
  return {
    async send(channelId, body) {
      let response: Response;
      try {
        response = await doFetch(`${root}/channels/${channelId}/messages`, {
          method: 'POST',
          headers: { authorization: `Bot ${options.token}`, 'content-type': 'application/json', 'user-agent': 'DiscordBot (newsroom-factcheck-bot, 0.1.0)' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
      } catch (error) {
        throw new SendError(`network error posting to channel ${channelId}: ${(error as Error).message}`, null, true);
      }
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
      } catch {
        json = {};
      }
      if (response.ok && typeof json.id === 'string') return { id: json.id };
      const status = response.status;
      if (status === 429) {
        const seconds = typeof json.retry_after === 'number' ? json.retry_after : Number(response.headers.get('retry-after') ?? '1');
        throw new SendError(`rate limited posting to channel ${channelId}`, 429, true, Math.ceil((Number.isFinite(seconds) ? seconds : 1) * 1000));
      }
      const detail = typeof json.message === 'string' ? `: ${json.message}${typeof json.code === 'number' ? ` (code ${json.code})` : ''}` : '';
      throw new SendError(`HTTP ${status} posting to channel ${channelId}${detail}`, status, status >= 500 || status === 408);
    },
  };
}

/** The part of a discord.js Client the sender needs (kept structural so tests need no Client). */
export interface ChannelsLike {
  channels: { fetch(id: string): Promise<unknown> };
}

/** Posts through a logged-in discord.js Client (its REST manager handles rate-limit buckets). */
export function discordJsSender(client: ChannelsLike): Sender {
  return {
    async send(channelId, body) {
      let channel: unknown;
      try {
        channel = await client.channels.fetch(channelId);
      } catch (error) {
        throw asSendError(error);
      }
      const sendable = channel as { send?: (options: unknown) => Promise<{ id: string }> } | null;
      if (!sendable || typeof sendable.send !== 'function') throw new SendError(`channel ${channelId} is not a text channel the bot can post in`, null, false);
      try {
        const message = await sendable.send({
          content: body.content,
          embeds: body.embeds,
          components: body.components,
          allowedMentions: { parse: [] },
          nonce: body.nonce,
          enforceNonce: body.enforce_nonce,
        });
        return { id: message.id };
      } catch (error) {
        throw asSendError(error);
      }
    },
  };
}
