/**
 * A guild's digest configuration: what `/digest set` accepts (zod, with one
 * message naming the problem) and what is stored (zod again on the way out, so
 * a damaged row is reported rather than scheduled).
 */
import { z } from 'zod';
import { canonicalTimeZone, makeSchedule, parseCron, ScheduleError, type Schedule } from './schedule.js';

export const SECTION_KINDS = ['articles', 'people', 'figures', 'positions'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const SECTION_TITLES: Record<SectionKind, string> = {
  articles: 'New articles',
  people: 'New statements by the most-cited people',
  figures: 'Figures that now differ',
  positions: 'Positions that changed',
};

/** Sections by importance: a digest capped at a few messages keeps the first. */
export const SECTION_IMPORTANCE: readonly SectionKind[] = ['figures', 'positions', 'people', 'articles'];

/** Messages a digest may take in a channel, by default and at most (`/digest set max_messages`). */
export const DEFAULT_MAX_MESSAGES = 3;
export const MAX_MESSAGES_LIMIT = 10;

export type WhenEmpty = 'line' | 'skip';

export interface DigestConfig {
  guildId: string;
  channelId: string;
  schedule: string;
  timezone: string;
  sections: SectionKind[];
  whenEmpty: WhenEmpty;
  /** At most this many messages a digest; the rest is counted and pointed to /digest preview. */
  maxMessages: number;
  enabled: boolean;
  updatedBy: string | null;
  /** ISO: ticks before this are never due. */
  activeSince: string;
  createdAt: string;
  updatedAt: string;
}

const snowflake = z.string().regex(/^\d{17,20}$/, 'expected a Discord id (17–20 digits)');

/** Every check ScheduleError makes, as a zod refinement with its message. */
function scheduleCheck(value: string, ctx: z.RefinementCtx): void {
  try {
    parseCron(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

function zoneCheck(value: string, ctx: z.RefinementCtx): void {
  try {
    canonicalTimeZone(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

/** "articles, people" | "all" → the section list, in the canonical order. */
export function parseSections(text: string): SectionKind[] {
  const words = text
    .toLowerCase()
    .split(/[\s,;+]+/)
    .filter((w) => w !== '');
  if (words.length === 0 || words.includes('all')) return [...SECTION_KINDS];
  const aliases: Record<string, SectionKind> = {
    articles: 'articles',
    article: 'articles',
    people: 'people',
    person: 'people',
    statements: 'people',
    figures: 'figures',
    figure: 'figures',
    numbers: 'figures',
    positions: 'positions',
    position: 'positions',
    stances: 'positions',
  };
  const unknown = words.filter((w) => !(w in aliases));
  if (unknown.length > 0) {
    throw new ScheduleError(`unknown section${unknown.length > 1 ? 's' : ''} ${unknown.map((u) => `"${u}"`).join(', ')}: choose from ${SECTION_KINDS.join(', ')} (or all)`);
  }
  const chosen = new Set(words.map((w) => aliases[w]!));
  return SECTION_KINDS.filter((k) => chosen.has(k));
}

function sectionsCheck(value: string, ctx: z.RefinementCtx): void {
  try {
    parseSections(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
  }
}

/** The options of `/digest set`, as the interaction gives them. */
export const DigestSetInput = z.object({
  channel: snowflake,
  schedule: z.string().superRefine(scheduleCheck).transform((s) => s.trim().replace(/\s+/g, ' ')),
  timezone: z.string().superRefine(zoneCheck).transform((tz) => canonicalTimeZone(tz)).optional(),
  sections: z.string().superRefine(sectionsCheck).transform(parseSections).optional(),
  when_empty: z.enum(['line', 'skip'], { message: 'when_empty: expected "line" (post one line) or "skip" (post nothing)' }).optional(),
  max_messages: z
    .number({ message: `max_messages: expected a whole number from 1 to ${MAX_MESSAGES_LIMIT}` })
    .int(`max_messages: expected a whole number from 1 to ${MAX_MESSAGES_LIMIT}`)
    .min(1, `max_messages: expected a whole number from 1 to ${MAX_MESSAGES_LIMIT}`)
    .max(MAX_MESSAGES_LIMIT, `max_messages: expected a whole number from 1 to ${MAX_MESSAGES_LIMIT}`)
    .optional(),
});
export type DigestSetValues = z.output<typeof DigestSetInput>;

/** Validates `/digest set` options: the values, or one message naming the option and the problem. */
export function parseDigestSet(input: unknown): { ok: true; value: DigestSetValues } | { ok: false; message: string } {
  const parsed = DigestSetInput.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0]!;
  const option = String(issue.path[0] ?? 'options');
  const message = issue.message.startsWith(`${option}:`) ? issue.message : `${option}: ${issue.message}`;
  return { ok: false, message };
}

/** A stored configuration, checked as it is read. */
export const StoredConfig = z.object({
  guildId: snowflake.or(z.literal('cli')),
  channelId: z.string().min(1),
  schedule: z.string().superRefine(scheduleCheck),
  timezone: z.string().superRefine(zoneCheck),
  sections: z.array(z.enum(SECTION_KINDS)).min(1),
  whenEmpty: z.enum(['line', 'skip']),
  maxMessages: z.number().int().min(1).max(MAX_MESSAGES_LIMIT),
  enabled: z.boolean(),
  updatedBy: z.string().nullable(),
  activeSince: z.iso.datetime(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export function configSchedule(config: Pick<DigestConfig, 'schedule' | 'timezone'>): Schedule {
  return makeSchedule(config.schedule, config.timezone);
}

/** The configuration after `/digest set`: unchanged options keep their values; a new schedule or zone takes effect from `now`. */
export function applySet(previous: DigestConfig | null, guildId: string, values: DigestSetValues, defaults: { timezone: string }, userId: string | null, now: Date): DigestConfig {
  const iso = now.toISOString();
  const timezone = values.timezone ?? previous?.timezone ?? canonicalTimeZone(defaults.timezone);
  const changedTiming = !previous || !previous.enabled || previous.schedule !== values.schedule || previous.timezone !== timezone;
  return {
    guildId,
    channelId: values.channel,
    schedule: values.schedule,
    timezone,
    sections: values.sections ?? previous?.sections ?? [...SECTION_KINDS],
    whenEmpty: values.when_empty ?? previous?.whenEmpty ?? 'line',
    maxMessages: values.max_messages ?? previous?.maxMessages ?? DEFAULT_MAX_MESSAGES,
    enabled: true,
    updatedBy: userId,
    activeSince: changedTiming ? iso : previous.activeSince,
    createdAt: previous?.createdAt ?? iso,
    updatedAt: iso,
  };
}
