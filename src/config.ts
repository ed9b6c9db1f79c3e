/**
 * Configuration from the environment, parsed once with zod. A bad value stops
 * start-up with one line naming the variable and what is expected.
 */
import { z } from 'zod';

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)');
const optionalString = (schema: z.ZodString) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

export const ConfigSchema = z.object({
  DB_FILE: z.string().min(1).default('db/newsroom.db'),
  CORPUS_DIR: z.string().min(1).default('seeds'),
  SYNONYMS_FILE: optionalString(z.string().min(1)),
  MAX_ARTICLE_BYTES: z.coerce.number().int('expected a whole number of bytes').positive('expected a positive number of bytes').default(5 * 1024 * 1024),
  DISCORD_TOKEN: optionalString(z.string().regex(/^[\w.-]{20,}$/, 'expected a bot token (letters, digits, dots, dashes; from the Developer Portal)')),
  DISCORD_APPLICATION_ID: optionalString(snowflake),
  DISCORD_GUILD_ID: optionalString(snowflake),
  DISCORD_PUBLIC_KEY: optionalString(z.string().regex(/^[0-9a-f]{64}$/i, 'expected the 64-hex-digit public key from the Developer Portal')),
  INTERACTIONS_PORT: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1, 'expected a TCP port 1–65535').max(65535, 'expected a TCP port 1–65535').optional()),
  DISCORD_API_BASE: z.url({ message: 'expected an http(s) URL such as https://discord.com/api' }).default('https://discord.com/api'),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1, 'expected at least 1').default(12),
  DIGEST_DEFAULT_TIMEZONE: z.string().default('UTC').refine(isTimeZone, 'expected an IANA time zone such as Europe/Kyiv'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

export type Config = z.infer<typeof ConfigSchema>;

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export class ConfigError extends Error {}

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
