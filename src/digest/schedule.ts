/**
 * Cron schedules in a time zone, as pure functions of an instant: validation
 * with node-cron's own parser (so a schedule we accept is one node-cron runs),
 * and the occurrences before or after any instant — which is what "which
 * digest windows are due now" needs, and what node-cron does not expose for an
 * injected clock.
 *
 * Wall-clock times are turned into instants the way node-cron 4 does it
 * (TimeMatcher / localTimeToTimestamp), so both agree on every tick:
 * - a time skipped by a spring-forward change (02:30 in New York on the March
 *   change day) does not occur that day;
 * - a time repeated by a fall-back change (01:30 in New York in November)
 *   occurs once, at the instant node-cron picks.
 * Day-of-month and day-of-week are combined with AND, as node-cron does.
 * node-cron is pinned to an exact version in package.json, and test/digest-schedule.test.ts
 * checks these occurrences against node-cron's own over DST changes in several zones.
 */
import cron from 'node-cron';
import { editDistance } from '../text/similarity.js';

export interface CronFields {
  second: number[];
  minute: number[];
  hour: number[];
  dayOfMonth: (number | string)[];
  month: number[];
  dayOfWeek: (number | string)[];
}

export interface Schedule {
  expression: string;
  timeZone: string;
  fields: CronFields;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// ---------------------------------------------------------------- validation

const FIELD_HELP: Record<string, string> = {
  second: 'second (0–59)',
  minute: 'minute (0–59)',
  hour: 'hour (0–23)',
  dayOfMonth: 'day of month (1–31, L, 15W)',
  month: 'month (1–12 or jan–dec)',
  dayOfWeek: 'day of week (0–7 or sun–sat, 0 and 7 are Sunday)',
};

export const CRON_HINT = 'five fields: minute hour day-of-month month day-of-week, e.g. "0 7 * * *" (07:00 daily) or "30 6 * * 1-5" (06:30 on weekdays)';

export class ScheduleError extends Error {}

/** Parses and checks a cron expression; throws ScheduleError naming the field at fault. */
export function parseCron(expression: string): CronFields {
  const trimmed = expression.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new ScheduleError(`the schedule is empty: use ${CRON_HINT}`);
  const detailed = cron.validateDetailed(trimmed);
  if (!detailed.valid) {
    const error = detailed.errors[0];
    if (!error || error.field === 'expression') {
      const count = trimmed.split(' ').length;
      const reason = error?.message.includes('illegal characters') ? 'it contains characters cron does not use' : `it has ${count} field${count === 1 ? '' : 's'}`;
      throw new ScheduleError(`"${trimmed}" is not a cron expression (${reason}): use ${CRON_HINT}`);
    }
    const label = FIELD_HELP[error.field] ?? error.field;
    const value = error.value ?? '';
    const detail = error.message.includes('impossible') ? ` (${error.message})` : '';
    throw new ScheduleError(`"${trimmed}": the ${label} field "${value}" is not valid${detail}; use ${CRON_HINT}`);
  }
  const fields = cron.parse(trimmed) as CronFields;
  if (fields.second.length !== 1) {
    throw new ScheduleError(`"${trimmed}" runs more than once a minute; a digest can be posted at most once a minute: use ${CRON_HINT}`);
  }
  return fields;
}

let zoneNames: string[] | null = null;
function knownZones(): string[] {
  // ICU still lists some zones by their old names; editors type the current ones.
  zoneNames ??= [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', 'Europe/Kyiv', 'America/Nuuk', 'Asia/Kolkata', 'Asia/Yangon'])];
  return zoneNames;
}

function isValidZone(zone: string): boolean {
  if (!/^[A-Za-z][\w+-]*(\/[\w+-]+)*$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA name of `zone` as editors expect to read it back ("europe/kyiv" →
 * "Europe/Kyiv", not ICU's older "Europe/Kiev"), or a ScheduleError suggesting
 * the nearest names.
 */
export function canonicalTimeZone(zone: string): string {
  const trimmed = zone.trim();
  if (isValidZone(trimmed)) {
    const lower = trimmed.toLowerCase();
    const listed = knownZones().find((z) => z.toLowerCase() === lower);
    if (listed) return listed;
    return trimmed.includes('/') ? trimmed : trimmed.toUpperCase();
  }
  const lower = trimmed.toLowerCase();
  const suggestions = knownZones()
    .map((z) => ({ z, d: Math.min(editDistance(lower, z.toLowerCase(), 6), editDistance(lower, (z.split('/').at(-1) ?? z).toLowerCase(), 6) + 1) }))
    .filter((s) => s.d <= 4)
    .sort((a, b) => a.d - b.d || a.z.localeCompare(b.z))
    .slice(0, 3)
    .map((s) => s.z);
  const hint = suggestions.length > 0 ? `did you mean ${suggestions.join(', ')}?` : 'use an IANA name such as Europe/Kyiv, America/New_York or UTC';
  throw new ScheduleError(`"${trimmed}" is not an IANA time zone: ${hint}`);
}

export function makeSchedule(expression: string, timeZone: string): Schedule {
  const zone = canonicalTimeZone(timeZone);
  return { expression: expression.trim().replace(/\s+/g, ' '), timeZone: zone, fields: parseCron(expression) };
}

// ---------------------------------------------------------------- time zones

const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of instant `ms` in `timeZone`. */
export function localParts(ms: number, timeZone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const p of partsFormatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour! % 24, minute: out.minute!, second: out.second! };
}

/** Minutes the zone is ahead of UTC at instant `ms`. */
export function offsetMinutes(ms: number, timeZone: string): number {
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000);
}

function sameWallTime(ms: number, p: LocalParts, timeZone: string): boolean {
  const q = localParts(ms, timeZone);
  return q.year === p.year && q.month === p.month && q.day === p.day && q.hour === p.hour && q.minute === p.minute && q.second === p.second;
}

/** A wall-clock time in `timeZone` as an instant — node-cron's choice for skipped and repeated times. */
export function wallTimeToInstant(p: LocalParts, timeZone: string): number {
  const guess = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const first = offsetMinutes(guess, timeZone);
  const candidate1 = guess - first * 60_000;
  const second = offsetMinutes(candidate1, timeZone);
  if (second === first) return candidate1;
  const candidate2 = guess - second * 60_000;
  if (sameWallTime(candidate1, p, timeZone)) return candidate1;
  if (sameWallTime(candidate2, p, timeZone)) return candidate2;
  return Math.max(candidate1, candidate2);
}

// ---------------------------------------------------------------- day matching (node-cron's rules)

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function weekdayOf(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

function nearestWeekday(year: number, month: number, target: number): number {
  const last = lastDayOfMonth(year, month);
  if (target < 1 || target > last) return -1;
  const wd = weekdayOf(year, month, target);
  if (wd === 6) return target === 1 ? target + 2 : target - 1;
  if (wd === 0) return target === last ? target - 2 : target + 1;
  return target;
}

function matchesDayOfMonth(field: (number | string)[], year: number, month: number, day: number): boolean {
  const last = lastDayOfMonth(year, month);
  for (const value of field) {
    if (value === day) return true;
    if (value === 'L' && day === last) return true;
    if (typeof value !== 'string') continue;
    const w = /^(\d{1,2}|L)W$/.exec(value);
    if (w && nearestWeekday(year, month, w[1] === 'L' ? last : Number(w[1])) === day) return true;
    const offset = /^L-(\d{1,2})$/.exec(value);
    if (offset && last - Number(offset[1]) === day) return true;
  }
  return false;
}

function matchesDayOfWeek(field: (number | string)[], year: number, month: number, day: number): boolean {
  const wd = weekdayOf(year, month, day);
  for (const value of field) {
    if (value === wd) return true;
    if (typeof value !== 'string') continue;
    const nth = /^([0-7])#([1-5])$/.exec(value);
    if (nth) {
      if (Number(nth[1]) % 7 === wd && Math.floor((day - 1) / 7) + 1 === Number(nth[2])) return true;
      continue;
    }
    const lastOf = /^([0-7])L$/i.exec(value);
    if (lastOf && Number(lastOf[1]) % 7 === wd && day + 7 > lastDayOfMonth(year, month)) return true;
  }
  return false;
}

function dayMatches(f: CronFields, year: number, month: number, day: number): boolean {
  return f.month.includes(month) && matchesDayOfMonth(f.dayOfMonth, year, month, day) && matchesDayOfWeek(f.dayOfWeek, year, month, day);
}

/** Does the wall-clock reading `p` match every field? (node-cron's TimeMatcher.match) */
export function matchesParts(f: CronFields, p: LocalParts): boolean {
  return f.second.includes(p.second) && f.minute.includes(p.minute) && f.hour.includes(p.hour) && dayMatches(f, p.year, p.month, p.day);
}

function shiftDay(y: number, m: number, d: number, by: number): { year: number; month: number; day: number } {
  const date = new Date(Date.UTC(y, m - 1, d + by));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Every instant the schedule fires on one local day, ascending. */
function instantsOnDay(s: Schedule, year: number, month: number, day: number): number[] {
  const f = s.fields;
  if (!dayMatches(f, year, month, day)) return [];
  const out = new Set<number>();
  for (const hour of f.hour) {
    for (const minute of f.minute) {
      for (const second of f.second) {
        const ts = wallTimeToInstant({ year, month, day, hour, minute, second }, s.timeZone);
        if (matchesParts(f, localParts(ts, s.timeZone))) out.add(ts);
      }
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** How far the search looks before giving up (e.g. "0 0 30 2 *" never fires, though validation catches that one). */
const SEARCH_DAYS = 366 * 8;

/** The first instant strictly after `afterMs` at which the schedule fires, or null. */
export function nextOccurrence(s: Schedule, afterMs: number): number | null {
  const start = localParts(afterMs, s.timeZone);
  for (let i = -1; i < SEARCH_DAYS; i++) {
    const { year, month, day } = shiftDay(start.year, start.month, start.day, i);
    const found = instantsOnDay(s, year, month, day).find((ts) => ts > afterMs);
    if (found !== undefined) return found;
  }
  return null;
}

/** The last instant at or before `atMs` at which the schedule fires, or null. */
export function previousOccurrence(s: Schedule, atMs: number): number | null {
  const start = localParts(atMs, s.timeZone);
  for (let i = 1; i > -SEARCH_DAYS; i--) {
    const { year, month, day } = shiftDay(start.year, start.month, start.day, i);
    const found = instantsOnDay(s, year, month, day).filter((ts) => ts <= atMs).at(-1);
    if (found !== undefined) return found;
  }
  return null;
}

/** The instants in (afterMs, upToMs], ascending, at most `cap` of them (day by day, so long gaps stay cheap). */
export function occurrencesBetween(s: Schedule, afterMs: number, upToMs: number, cap = 1000): number[] {
  const out: number[] = [];
  const start = localParts(afterMs, s.timeZone);
  const end = localParts(upToMs, s.timeZone);
  const lastDay = Date.UTC(end.year, end.month - 1, end.day + 1);
  for (let i = -1; out.length < cap; i++) {
    const { year, month, day } = shiftDay(start.year, start.month, start.day, i);
    if (Date.UTC(year, month - 1, day) > lastDay) break;
    for (const ts of instantsOnDay(s, year, month, day)) {
      if (ts > afterMs && ts <= upToMs && out.length < cap) out.push(ts);
    }
  }
  return out;
}

/** The next `count` instants after `afterMs`. */
export function nextOccurrences(s: Schedule, afterMs: number, count: number): number[] {
  const out: number[] = [];
  let at = afterMs;
  for (let i = 0; i < count; i++) {
    const next = nextOccurrence(s, at);
    if (next === null) break;
    out.push(next);
    at = next;
  }
  return out;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "Mon 23 Nov 2026, 07:00 (Europe/Kyiv)": how an instant is shown to editors (the same under every ICU). */
export function formatLocal(ms: number, timeZone: string): string {
  const p = localParts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${WEEKDAYS[weekdayOf(p.year, p.month, p.day)]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)} (${timeZone})`;
}
