/**
 * The digest from the terminal (npm run digest): the same build the scheduler
 * posts, printed as text or as the JSON message payloads; --record writes the
 * ledger as a scheduled post does, so a second run over the window prints [].
 */
import { canonicalTimeZone } from './schedule.js';
import type { Db } from '../index/database.js';
import type { SynonymGroups } from '../index/synonyms.js';
import { buildDigest } from './build.js';
import { SECTION_KINDS } from './config.js';
import { renderDigestText } from './render.js';
import { getDigestConfig, ledgerTicks, recordWholeRun } from './store.js';

export const DIGEST_USAGE = 'usage: npm run digest -- [--db FILE] [--since ISO] [--json] [--record] [--guild ID]';

export class DigestUsageError extends Error {}

export interface TerminalDigestOptions {
  since?: string;
  json?: boolean;
  record?: boolean;
  /** Ledger scope: a guild id (its configuration and ledger), or "cli" (default). */
  guild?: string;
  timeZone: string;
  synonyms?: SynonymGroups;
  now?: Date;
}

/** Builds (and with `record`, records) a digest; returns what to print. */
export function terminalDigest(db: Db, options: TerminalDigestOptions): string {
  const scope = options.guild ?? 'cli';
  if (scope !== 'cli' && !/^\d{17,20}$/.test(scope)) throw new DigestUsageError(`--guild: expected a Discord guild id (17–20 digits)\n${DIGEST_USAGE}`);
  let start: string | null;
  if (options.since !== undefined) {
    const ms = Date.parse(options.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(options.since) || Number.isNaN(ms)) throw new DigestUsageError(`--since: expected an ISO date or time such as 2024-10-21 or 2024-10-21T07:00:00Z, got "${options.since}"\n${DIGEST_USAGE}`);
    start = new Date(ms).toISOString();
  } else {
    start = ledgerTicks(db, scope).lastPostedTick;
  }
  const config = scope === 'cli' ? null : getDigestConfig(db, scope);
  const tick = (options.now ?? new Date()).toISOString();
  const { digest, parts } = buildDigest(db, {
    scope,
    tick,
    start,
    timeZone: config?.timezone ?? canonicalTimeZone(options.timeZone),
    sections: config?.sections ?? SECTION_KINDS,
    whenEmpty: config?.whenEmpty ?? 'skip',
    synonyms: options.synonyms,
  });
  if (options.record) recordWholeRun(db, { guildId: scope, tick, windowStart: start, channelId: config?.channelId ?? 'terminal', parts }, new Date(tick));
  if (options.json) return `${JSON.stringify(parts.map((p) => p.payload), null, 2)}\n`;
  return renderDigestText(digest);
}
