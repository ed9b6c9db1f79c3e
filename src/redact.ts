/**
 * Secrets kept out of every line the program writes (logs, error messages, stack traces): the
 * configured values themselves, and each part of a bot token, since an error that echoes a
 * request's Authorization header may print the token cut at its dots.
 */

/** Six characters: the shortest part of a bot token; anything shorter would blot out ordinary text. */
const MIN_SECRET = 6;

/** The strings to redact for these secret values (whole, and a token's dot-separated parts). */
export function secretStrings(values: (string | undefined)[]): string[] {
  const out = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || value.length < MIN_SECRET) continue;
    out.add(value);
    for (const part of value.split('.')) if (part.length >= MIN_SECRET) out.add(part);
  }
  // Longest first, so a whole token is replaced before its parts.
  return [...out].sort((a, b) => b.length - a.length);
}

/** The secrets configured in the environment: the bot token and the application public key. */
export function environmentSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  return secretStrings([env.DISCORD_TOKEN?.trim(), env.DISCORD_PUBLIC_KEY?.trim()]);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}
