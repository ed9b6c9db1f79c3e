/**
 * Snowflake ids shaped like Discord's: (ms since the Discord epoch) << 22 | worker | process | increment.
 *
 * Real-looking ids matter: @discordjs/rest derives rate-limit buckets from path segments that are
 * 17–19 digits long (`/webhooks/(\d{17,19})/...`), and discord.js reads creation times out of ids.
 */

export const DISCORD_EPOCH_MS = 1_420_070_400_000n;

let increment = 0n;

/** Returns a fresh, strictly increasing snowflake for "now" (or for `atMs`). */
export function nextSnowflake(atMs: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  const timestamp = BigInt(Math.floor(atMs)) - DISCORD_EPOCH_MS;
  // worker 1, process 1: arbitrary but constant, so ids from the stand-in are recognisable.
  return ((timestamp << 22n) | (1n << 17n) | (1n << 12n) | increment).toString();
}

/** Milliseconds since the Unix epoch encoded in a snowflake. */
export function snowflakeTime(id: string): number {
  return Number((BigInt(id) >> 22n) + DISCORD_EPOCH_MS);
}

export function isSnowflake(value: string): boolean {
  return /^\d{17,20}$/.test(value);
}
