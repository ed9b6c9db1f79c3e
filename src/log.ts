/**
 * The one logger. Every component logs through a Log (debug, info, warn, error, each with
 * optional fields); where the lines go is a LineSink (stderr in production, a list in tests).
 * The bot writes one JSON object per line; the command-line tools write plain lines. Either way
 * the configured secrets (the bot token and its parts, the public key) are redacted by value
 * from every line, whatever field or error message they hide in.
 */
import { environmentSecrets, redact, secretStrings } from './redact.js';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

/** Where log lines go: warnings and errors apart from the rest. */
export interface LineSink {
  info(line: string): void;
  warn(line: string): void;
}

export interface Log extends LineSink {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogOptions {
  level?: LogLevel;
  /** Values that must never reach a line (token, public key); the environment's by default. */
  secrets?: (string | undefined)[];
  clock?: () => number;
  /** 'json' (the bot) or 'text' (command-line tools: the message, then any fields as JSON). */
  format?: 'json' | 'text';
}

export function createLog(sink: LineSink, options: LogOptions = {}): Log {
  const threshold = LEVELS[options.level ?? 'info'];
  const secrets = options.secrets === undefined ? environmentSecrets() : secretStrings(options.secrets);
  const clock = options.clock ?? Date.now;
  const format = options.format ?? 'json';
  const write = (level: LogLevel, msg: string, fields: LogFields = {}): void => {
    if (LEVELS[level] < threshold) return;
    const serialized = serializeFields(fields);
    const raw =
      format === 'json'
        ? JSON.stringify({ time: new Date(clock()).toISOString(), level, msg, ...serialized })
        : Object.keys(serialized).length > 0
          ? `${msg} ${JSON.stringify(serialized)}`
          : msg;
    const line = redact(raw, secrets);
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

export const stderrSink: LineSink = {
  info: (line) => process.stderr.write(`${line}\n`),
  warn: (line) => process.stderr.write(`${line}\n`),
};

/** Plain lines on stderr for the command-line tools, secrets redacted. */
export const stderrLog: Log = createLog(stderrSink, { format: 'text', level: 'debug' });

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
