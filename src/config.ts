/**
 * Configuration from the environment, parsed once with zod. A bad value stops
 * start-up with one line naming the variable and what is expected.
 */
import { z } from 'zod';
import { AllowListError, parseAllowList } from './sources/addresses.js';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)');
/** An empty value (`DB_FILE=` in a .env) means "not set", as the .env.example leaves most of them. */
const blankAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = (schema: z.ZodString) => z.preprocess(blankAsUnset, schema.optional());
const withDefault = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema);

export const ConfigSchema = z.object({
  DB_FILE: withDefault(z.string().default('db/newsroom.db')),
  CORPUS_DIR: withDefault(z.string().default('seeds')),
  SYNONYMS_FILE: optionalString(z.string().min(1)),
  MAX_ARTICLE_BYTES: withDefault(z.coerce.number({ error: 'expected a whole number of bytes, e.g. 5242880' }).int('expected a whole number of bytes').positive('expected a positive number of bytes').default(5 * 1024 * 1024)),
  DISCORD_TOKEN: optionalString(z.string().regex(/^[\w.-]{20,}$/, 'expected a bot token (letters, digits, dots, dashes; from the Developer Portal)')),
  DISCORD_APPLICATION_ID: optionalString(snowflake),
  DISCORD_GUILD_ID: optionalString(snowflake),
  DISCORD_PUBLIC_KEY: optionalString(z.string().regex(/^[0-9a-f]{64}$/i, 'expected the 64-hex-digit public key from the Developer Portal')),
  INTERACTIONS_PORT: z.preprocess(blankAsUnset, z.coerce.number({ error: 'expected a TCP port 1–65535' }).int('expected a TCP port 1–65535').min(1, 'expected a TCP port 1–65535').max(65535, 'expected a TCP port 1–65535').optional()),
  INTERACTIONS_HOST: withDefault(z.string().regex(/^[\w.:-]{1,253}$/, 'expected a host name or IP address to listen on, e.g. 127.0.0.1 or 0.0.0.0').default('127.0.0.1')),
  DISCORD_API_BASE: withDefault(z.url({ message: 'expected an http(s) URL such as https://discord.com/api' }).default('https://discord.com/api')),
  RATE_LIMIT_PER_MINUTE: withDefault(z.coerce.number({ error: 'expected a whole number of lookups per user per minute' }).int('expected a whole number').min(1, 'expected at least 1').default(12)),
  DIGEST_DEFAULT_TIMEZONE: withDefault(z.string().default('UTC').refine(isTimeZone, 'expected an IANA time zone such as Europe/Kyiv')),
  PREPARE_TIMEOUT_SECONDS: withDefault(z.coerce.number({ error: 'expected a number of seconds, e.g. 60' }).positive('expected a positive number of seconds').default(60)),
  MAX_REMOVAL_SHARE: withDefault(z.coerce.number({ error: 'expected a share of the index between 0 and 1, e.g. 0.5' }).min(0, 'expected a share between 0 and 1').max(1, 'expected a share between 0 and 1').default(0.5)),
  FETCH_ALLOW_HOSTS: withDefault(
    z.string().default('').superRefine((value, ctx) => {
      try {
        parseAllowList(value);
      } catch (error) {
        if (!(error instanceof AllowListError)) throw error;
        ctx.addIssue({ code: 'custom', message: `${error.message}; expected comma-separated host names, IP addresses or CIDR ranges` });
      }
    }),
  ),
  SOURCE_POLL_MINUTES: withDefault(z.coerce.number({ error: 'expected a whole number of minutes, e.g. 10' }).int('expected a whole number of minutes').min(1, 'expected at least 1 minute').max(1440, 'expected at most 1440 minutes (a day)').default(10)),
  FETCH_TIMEOUT_MS: withDefault(z.coerce.number({ error: 'expected milliseconds, e.g. 15000' }).int('expected whole milliseconds').min(1000, 'expected at least 1000 ms').default(15_000)),
  FETCH_MAX_BYTES: withDefault(z.coerce.number({ error: 'expected a whole number of bytes, e.g. 5242880' }).int('expected a whole number of bytes').positive('expected a positive number of bytes').default(5 * 1024 * 1024)),
  FETCH_MAX_REDIRECTS: withDefault(z.coerce.number({ error: 'expected a whole number, e.g. 5' }).int('expected a whole number').min(0, 'expected 0 or more').max(20, 'expected at most 20').default(5)),
  FETCH_HOST_INTERVAL_MS: withDefault(z.coerce.number({ error: 'expected milliseconds, e.g. 2000' }).int('expected whole milliseconds').min(0, 'expected 0 or more').default(2000)),
  DB_READONLY: withDefault(
    z
      .enum(['0', '1', 'true', 'false'], { error: 'expected 1 (an answer process: opens the index read-only, never ingests) or 0' })
      .default('0')
      .transform((value) => value === '1' || value === 'true'),
  ),
  LOG_LEVEL: withDefault(z.enum(['debug', 'info', 'warn', 'error'], { error: 'expected debug, info, warn or error' }).default('info')),
});

export type Config = z.infer<typeof ConfigSchema>;

export function isTimeZone(zone: string): boolean {
  // The default needs no look-up: a time-zone formatter loads ICU's zone data (about 10 ms of every start).
  if (zone === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

/** What a DB_READONLY=1 process refuses to do: one line naming the setting and where the work belongs. */
export function assertWritable(config: Pick<Config, 'DB_READONLY'>, what: string): void {
  if (config.DB_READONLY) throw new ConfigError(`DB_READONLY=1: ${what} writes the index, and this process only answers; run it on the writer (without DB_READONLY)`);
}

/** Parses the environment; throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) {
    const config = parsed.data;
    if ((config.INTERACTIONS_PORT === undefined) !== (config.DISCORD_PUBLIC_KEY === undefined)) {
      throw new ConfigError('INTERACTIONS_PORT and DISCORD_PUBLIC_KEY: set both to serve HTTP interactions, or neither');
    }
    return config;
  }
  const issue = parsed.error.issues[0]!;
  const name = String(issue.path[0] ?? 'environment');
  // Never echo the value: it may be a secret.
  throw new ConfigError(`${name}: ${issue.message}`);
}
