/**
 * What `/digest set | show | off | preview` do, as functions from plain input
 * to a reply body (always ephemeral). The command module only wires these to
 * the bot; the permission check lives here so every path goes through it.
 */
import type { Db } from '../index/database.js';
import type { SynonymGroups } from '../index/synonyms.js';
import type { MessagePayload } from '../render/discord.js';
import { escapeForDiscord } from '../render/escape.js';
import { DISCORD_LIMITS, EPHEMERAL_FLAG } from '../render/limits.js';
import { buildDigest } from './build.js';
import { applySet, configSchedule, parseDigestSet, SECTION_KINDS, type DigestConfig } from './config.js';
import { canonicalTimeZone, formatLocal, nextOccurrences, previousOccurrence } from './schedule.js';
import { disableDigest, getDigestConfig, ledgerTicks, listRuns, saveDigestConfig } from './store.js';
import { cutText } from '../text/cut.js';

/** Discord's Manage Server (MANAGE_GUILD) permission bit. */
export const MANAGE_GUILD = 0x20n;

export function canManage(memberPermissions: bigint | null): boolean {
  return memberPermissions !== null && (memberPermissions & MANAGE_GUILD) === MANAGE_GUILD;
}

export interface AdminInput {
  guildId: string | null;
  userId: string;
  memberPermissions: bigint | null;
}

export interface AdminDeps {
  db: Db;
  now: () => number;
  defaultTimeZone: string;
  synonyms?: SynonymGroups;
}

function reply(text: string): MessagePayload {
  return { content: cutText(text, DISCORD_LIMITS.content), embeds: [], components: [], allowed_mentions: { parse: [] }, flags: EPHEMERAL_FLAG };
}

const NOT_IN_GUILD = 'Digests belong to a server: use /digest in a server channel.';
const NOT_ALLOWED = 'Only members with the **Manage Server** permission can change the digest.';

/** Guards shared by every subcommand: in a server, and (for changes) allowed to manage it. */
export function guard(input: AdminInput, changes: boolean): MessagePayload | null {
  if (input.guildId === null) return reply(NOT_IN_GUILD);
  if (changes && !canManage(input.memberPermissions)) return reply(NOT_ALLOWED);
  return null;
}

function describe(config: DigestConfig, now: number): string[] {
  const schedule = configSchedule(config);
  const next = nextOccurrences(schedule, now, 3).map((t) => formatLocal(t, config.timezone));
  return [
    `**Channel:** <#${config.channelId}>`,
    `**Schedule:** \`${config.schedule}\` in ${escapeForDiscord(config.timezone)}`,
    `**Next:** ${next.length > 0 ? next.join(' · ') : 'never (the schedule has no future dates)'}`,
    `**Sections:** ${config.sections.join(', ')}`,
    `**When nothing is new:** ${config.whenEmpty === 'line' ? 'post one line' : 'post nothing'}`,
    `**At most:** ${config.maxMessages} message${config.maxMessages === 1 ? '' : 's'} a digest (the rest is counted, and shown in full by /digest preview)`,
  ];
}

/** `/digest set channel schedule [timezone] [sections] [when_empty] [max_messages]`. */
export function setDigest(deps: AdminDeps, input: AdminInput, options: Record<string, unknown>): { reply: MessagePayload; changed: boolean } {
  const denied = guard(input, true);
  if (denied) return { reply: denied, changed: false };
  const parsed = parseDigestSet(options);
  if (!parsed.ok) return { reply: reply(`That didn't work: ${parsed.message}`), changed: false };
  const guildId = input.guildId!;
  const now = deps.now();
  const previous = getDigestConfig(deps.db, guildId);
  const config = applySet(previous, guildId, parsed.value, { timezone: deps.defaultTimeZone }, input.userId, new Date(now));
  saveDigestConfig(deps.db, config);
  return { reply: reply([`Digest ${previous ? 'updated' : 'set up'}.`, ...describe(config, now)].join('\n')), changed: true };
}

/** `/digest show`. */
export function showDigest(deps: AdminDeps, input: AdminInput): MessagePayload {
  const denied = guard(input, false);
  if (denied) return denied;
  const config = getDigestConfig(deps.db, input.guildId!);
  if (!config) return reply('No digest is set up for this server. Someone with Manage Server can start one with `/digest set`.');
  const now = deps.now();
  const lines = config.enabled ? describe(config, now) : ['The digest is **off**. `/digest set` turns it back on.', ...describe(config, now).filter((l) => !l.startsWith('**Next'))];
  const runs = listRuns(deps.db, config.guildId);
  const lastPosted = runs.filter((r) => r.status === 'posted').at(-1);
  if (lastPosted) {
    const messages = lastPosted.parts.length;
    lines.push(`**Last digest:** ${formatLocal(Date.parse(lastPosted.tick), config.timezone)}, ${messages === 0 ? 'nothing new, not posted' : `${messages} message${messages === 1 ? '' : 's'}`}`);
  }
  const pending = runs.find((r) => r.status === 'pending');
  if (pending) lines.push(`**Not yet posted:** the digest of ${formatLocal(Date.parse(pending.tick), config.timezone)} — ${escapeForDiscord(pending.lastError ?? 'in progress')} (retrying)`);
  return reply(lines.join('\n'));
}

/** `/digest off`. */
export function offDigest(deps: AdminDeps, input: AdminInput): { reply: MessagePayload; changed: boolean } {
  const denied = guard(input, true);
  if (denied) return { reply: denied, changed: false };
  const changed = disableDigest(deps.db, input.guildId!, input.userId, new Date(deps.now()));
  return { reply: reply(changed ? 'Digest turned off. Its settings are kept: `/digest set` turns it back on.' : 'The digest is already off for this server.'), changed };
}

/**
 * `/digest preview`: the digest that would be posted if it were due now — every
 * message of it, paged with buttons — posting nothing and recording nothing.
 */
export function previewDigest(deps: AdminDeps, input: AdminInput, page = 0, pageRef?: (page: number) => string): MessagePayload {
  const denied = guard(input, false);
  if (denied) return denied;
  const guildId = input.guildId!;
  const config = getDigestConfig(deps.db, guildId);
  const now = deps.now();
  const timezone = config?.timezone ?? canonicalTimeZone(deps.defaultTimeZone);
  const lastPosted = ledgerTicks(deps.db, guildId).lastPostedTick;
  const start = lastPosted ?? (config ? previousOccurrence(configSchedule(config), now) : null);
  const { parts } = buildDigest(deps.db, {
    scope: guildId,
    tick: new Date(now).toISOString(),
    start: typeof start === 'number' ? new Date(start).toISOString() : start,
    timeZone: timezone,
    sections: config?.sections ?? SECTION_KINDS,
    whenEmpty: 'line',
    synonyms: deps.synonyms,
  });
  const intro = config
    ? `Preview only — nothing is posted. ${config.enabled ? `Next digest: ${formatLocal(nextOccurrences(configSchedule(config), now, 1)[0] ?? now, timezone)} in <#${config.channelId}>.` : 'The digest is off.'}`
    : 'Preview only — nothing is posted. No digest is set up yet (`/digest set`).';
  const index = Math.min(Math.max(page, 0), parts.length - 1);
  const part = parts[index]!.payload;
  const body: MessagePayload = {
    ...part,
    content: cutText(`${intro}${parts.length > 1 ? ` This digest would be ${parts.length} messages; showing ${index + 1}.` : ''}${part.content ? `\n${part.content}` : ''}`, DISCORD_LIMITS.content),
    flags: EPHEMERAL_FLAG,
  };
  if (parts.length > 1 && pageRef) {
    body.components = [
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: '◀ Previous', custom_id: pageRef(Math.max(0, index - 1)), disabled: index === 0 },
          { type: 2, style: 2, label: 'Next ▶', custom_id: pageRef(Math.min(parts.length - 1, index + 1)), disabled: index === parts.length - 1 },
        ],
      },
    ];
  }
  return body;
}

/** Time-zone choices for autocomplete: names containing what was typed, current names first. */
export function timeZoneChoices(typed: string): { name: string; value: string }[] {
  const q = typed.trim().toLowerCase().replace(/\s+/g, '_');
  const zones = [...new Set(['UTC', 'Europe/Kyiv', ...Intl.supportedValuesOf('timeZone')])];
  const matches = q === '' ? ['UTC', 'Europe/Kyiv', 'Europe/London', 'Europe/Berlin', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'] : zones.filter((z) => z.toLowerCase().includes(q));
  return matches
    .sort((a, b) => Number(!a.toLowerCase().startsWith(q)) - Number(!b.toLowerCase().startsWith(q)) || a.localeCompare(b))
    .slice(0, DISCORD_LIMITS.autocompleteChoices)
    .map((z) => ({ name: z, value: z }));
}
