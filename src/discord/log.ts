/**
 * Logging for the bot: the one logger (src/log.ts) writing one JSON object per line. Every
 * failure carries an error id that the user also sees, so a report from Discord leads straight
 * to its log line.
 */
import { randomBytes } from 'node:crypto';
import { createLog, type LineSink, type Log, type LogOptions } from '../log.js';

export type { LogFields, LogLevel } from '../log.js';
export { describeError } from '../log.js';

/** The bot's logger is the one logger. */
export type BotLog = Log;
export type JsonLogOptions = Omit<LogOptions, 'format'>;

export function jsonLog(sink: LineSink, options: JsonLogOptions = {}): BotLog {
  return createLog(sink, { ...options, format: 'json', secrets: options.secrets ?? [] });
}

/** A short id that the user quotes and the log line carries, e.g. "E7K2M9QX". */
export function newErrorId(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}
