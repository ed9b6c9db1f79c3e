/**
 * Structured logging for the bot: one JSON object per line on the app's
 * logger (stderr in production). Every failure carries an error id that the
 * user also sees, so a report from Discord leads straight to its log line.
 * Secrets (the token, the public key) are scrubbed from every line written,
 * whatever field or error message they hide in.
 */
import { randomBytes } from 'node:crypto';
import type { Logger } from '../app.js';
import { redact, secretStrings } from '../redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface BotLog {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface JsonLogOptions {
  level?: LogLevel;
  /** Strings that must never reach a log line (token, public key). */
  secrets?: (string | undefined)[];
  clock?: () => number;
}

export function jsonLog(sink: Logger, options: JsonLogOptions = {}): BotLog {
  const threshold = LEVELS[options.level ?? 'info'];
  const secrets = secretStrings(options.secrets ?? []);
  const clock = options.clock ?? Date.now;
  const write = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (LEVELS[level] < threshold) return;
    const line = redact(JSON.stringify({ time: new Date(clock()).toISOString(), level, msg, ...serializeFields(fields) }), secrets);
    if (LEVELS[level] >= LEVELS.warn) sink.warn(line);
    else sink.info(line);
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
  };
}

function serializeFields(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? describeError(value) : value;
  return out;
}

export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: String(error) };
  const code = (error as { code?: unknown }).code;
  return { name: error.name, message: error.message, ...(code !== undefined ? { code } : {}), stack: error.stack };
}

/** A short id that the user quotes and the log line carries, e.g. "E7K2M9QX". */
export function newErrorId(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
