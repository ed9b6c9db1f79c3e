import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const KEY = 'a'.repeat(64);

describe('configuration from the environment', () => {
  it('defaults everything, and treats empty values (as in .env.example) as unset', () => {
    expect(loadConfig({})).toMatchObject({ DB_FILE: 'db/newsroom.db', CORPUS_DIR: 'seeds', MAX_ARTICLE_BYTES: 5 * 1024 * 1024, RATE_LIMIT_PER_MINUTE: 12, LOG_LEVEL: 'info' });
    expect(loadConfig({ DB_FILE: '', DISCORD_TOKEN: '', INTERACTIONS_PORT: '' }).DISCORD_TOKEN).toBeUndefined();
  });

  it.each([
    [{ MAX_ARTICLE_BYTES: 'abc' }, 'MAX_ARTICLE_BYTES: expected a whole number of bytes, e.g. 5242880'],
    [{ INTERACTIONS_PORT: '99999', DISCORD_PUBLIC_KEY: KEY }, 'INTERACTIONS_PORT: expected a TCP port 1–65535'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL: expected debug, info, warn or error'],
    [{ DIGEST_DEFAULT_TIMEZONE: 'Mars/Base' }, 'DIGEST_DEFAULT_TIMEZONE: expected an IANA time zone such as Europe/Kyiv'],
    [{ DISCORD_GUILD_ID: '12ab' }, 'DISCORD_GUILD_ID: expected a Discord id (17–20 digits)'],
    [{ DISCORD_PUBLIC_KEY: KEY }, 'INTERACTIONS_PORT and DISCORD_PUBLIC_KEY: set both to serve HTTP interactions, or neither'],
  ])('%o → one line naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never echoes a bad value (it may be a secret)', () => {
    const secret = 'not a token but secret-ish!';
    try {
      loadConfig({ DISCORD_TOKEN: secret });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/^DISCORD_TOKEN: /);
      expect((error as Error).message).not.toContain(secret);
    }
  });
});
