/**
 * Dates in statement frames and contents, resolved against the article date:
 * "On 17 October" / "October 22" take the article's year (the nearest year
 * when the month is more than six months away); "on Monday" is the latest
 * Monday on or before the article date; "today"/"yesterday" count from it.
 * Month-only mentions ("in early October") resolve to the 1st of the month with
 * precision 'month' — a choice: it keeps the date sortable while saying it is
 * approximate. With no article date, only dates that state their year resolve.
 */
import { MONTH_PATTERN as MONTH, monthNumber, WEEKDAYS } from '../text/calendar.js';

export interface ResolvedDate {
  iso: string;
  precision: 'day' | 'month';
  /** UTF-16 index of the mention in the text searched. */
  index: number;
}

const DATE_PATTERN = new RegExp(
  [
    String.raw`\b(\d{4})-(\d{2})-(\d{2})\b`, // 1-3: ISO
    String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+${MONTH}(?:,?\s+(\d{4}))?\b`, // 4-6: 17 October (2024), 27-28 October
    String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{1,2})?(?:,?\s+(\d{4}))?`, // 7-9: October 17(, 2024)
    String.raw`\b(?:[Ii]n\s+|[Ee]arly\s+|[Ll]ate\s+|[Mm]id-?\s*|[Ss]ince\s+)(?:(?:early|late|mid)-?\s*)?${MONTH}(?:\s+(\d{4}))?(?!\s*\d)`, // 10-11: in early October
    String.raw`\b(?:(last|this|on|On|Last|This)\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`, // 12-13: on Monday
    String.raw`\b(today|yesterday|tonight|Today|Yesterday|Tonight)\b`, // 14
  ].join('|'),
  'g',
);

const DAY_MS = 86_400_000;

function parseIso(iso: string | null): Date | null {
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const date = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function toIso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function isoOf(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 ? toIso(date) : null;
}

/** The year for a month-day without one: the article's, or the adjacent year when that is closer. */
function yearFor(month: number, article: Date | null): number | null {
  if (article === null) return null;
  const year = article.getUTCFullYear();
  const diff = month - (article.getUTCMonth() + 1);
  if (diff > 6) return year - 1; // "December 28" in a January article
  if (diff < -6) return year + 1;
  return year;
}

/** A cheap gate before the full pattern: a digit, a weekday, a month, today/yesterday/tonight. */
const MAY_HAVE_DATE = /[0-9]|day|night|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

/** Every date mention in `text`, resolved; unresolvable mentions are left out. */
export function findDates(text: string, articleDate: string | null): ResolvedDate[] {
  if (!MAY_HAVE_DATE.test(text)) return [];
  const article = parseIso(articleDate);
  const found: ResolvedDate[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m !== null; m = DATE_PATTERN.exec(text)) {
    const resolved = resolveMatch(m, article);
    if (resolved) found.push({ ...resolved, index: m.index });
  }
  return found;
}

/** The first resolvable date in `text`, or null. */
export function firstDate(text: string, articleDate: string | null): ResolvedDate | null {
  return findDates(text, articleDate)[0] ?? null;
}

function resolveMatch(m: RegExpExecArray, article: Date | null): Omit<ResolvedDate, 'index'> | null {
  if (m[1] !== undefined) {
    const iso = isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? { iso, precision: 'day' } : null;
  }
  if (m[4] !== undefined || m[8] !== undefined) {
    const day = Number(m[4] ?? m[8]);
    const month = monthNumber(m[5] ?? m[7]!);
    const year = m[6] ?? m[9] ? Number(m[6] ?? m[9]) : yearFor(month, article);
    if (year === null) return null;
    const iso = isoOf(year, month, day);
    return iso ? { iso, precision: 'day' } : null;
  }
  if (m[10] !== undefined) {
    const month = monthNumber(m[10]);
    const year = m[11] ? Number(m[11]) : yearFor(month, article);
    if (year === null) return null;
    const iso = isoOf(year, month, 1);
    return iso ? { iso, precision: 'month' } : null;
  }
  if (m[13] !== undefined) {
    if (article === null) return null;
    const weekday = (WEEKDAYS as readonly string[]).indexOf(m[13].toLowerCase());
    let back = (article.getUTCDay() - weekday + 7) % 7;
    if ((m[12] ?? '').toLowerCase() === 'last' && back === 0) back = 7;
    return { iso: toIso(new Date(article.getTime() - back * DAY_MS)), precision: 'day' };
  }
  if (m[14] !== undefined) {
    if (article === null) return null;
    const back = m[14].toLowerCase() === 'yesterday' ? 1 : 0;
    return { iso: toIso(new Date(article.getTime() - back * DAY_MS)), precision: 'day' };
  }
  return null;
}
