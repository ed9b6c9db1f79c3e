/**
 * Dates mentioned in article text, and the publication date they imply.
 * An inferred date is always marked inferred and carries the reason, so the
 * answer can say "≈2024-10-28" rather than pretend to know.
 */
import { MONTH_PATTERN as MONTH_NAME, MONTHS, monthNumber, WEEKDAYS } from '../text/calendar.js';
import type { ArticleDate } from './types.js';

const DAY_MONTH = new RegExp(String.raw`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2})?\s+${MONTH_NAME}(?:,?\s+(\d{4}))?`, 'g');
const MONTH_DAY = new RegExp(String.raw`\b${MONTH_NAME}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:\s*[-–]\s*\d{1,2})?(?:,?\s+(\d{4}))?`, 'g');
const HAS_DIGIT = /\d/;
const HAS_DAY = /day/i;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const WEEKDAY = /\b(?:on|last|this|since)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gi;
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;
/** Words that put a date in the future or the hypothetical: such dates do not bound the publication date. */
const NOT_YET = /\b(will|would|may|might|could|shall|expected|plans?|planned|scheduled|as early as|by the end of|until)\b/i;
/** "We will remind that …" is a translation idiom for "recall", not a future. */
const RECALL_IDIOM = /\b(we\s+)?will\s+remind\b/gi;

/**
 * How far back from a mention its clause is read. Bounded so that a sentence of many mentions
 * (one date repeated for a megabyte) costs time linear in its length; a marker further back
 * than this in the same clause is too far away to govern the date anyway.
 */
const CLAUSE_LOOKBACK = 250;

/** True when the clause leading up to a mention at `index` speaks of the future or a possibility. */
function isNotYet(sentence: string, index: number): boolean {
  const before = sentence.slice(Math.max(0, index - CLAUSE_LOOKBACK), index).replace(RECALL_IDIOM, '');
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';')) + 1);
  return NOT_YET.test(clause);
}

/** A date the text mentions; `year` is null when the text leaves it out. */
export interface DateMention {
  month: number;
  day: number;
  year: number | null;
  /** UTF-16 index of the mention in the text searched. */
  index: number;
  text: string;
}

export interface WeekdayMention {
  weekday: number;
  index: number;
  text: string;
}

function isValidDay(month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

/** Every calendar date the text mentions: "17 October", "October 22, 2024", "2024-10-16". */
export function findDateMentions(text: string): DateMention[] {
  const found: DateMention[] = [];
  for (const m of text.matchAll(DAY_MONTH)) {
    const month = monthNumber(m[2]!);
    const day = Number(m[1]);
    if (isValidDay(month, day)) found.push({ month, day, year: m[3] ? Number(m[3]) : null, index: m.index!, text: m[0] });
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = monthNumber(m[1]!);
    const day = Number(m[2]);
    if (isValidDay(month, day)) found.push({ month, day, year: m[3] ? Number(m[3]) : null, index: m.index!, text: m[0] });
  }
  for (const m of text.matchAll(ISO_DATE)) {
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (isValidDay(month, day)) found.push({ month, day, year: Number(m[1]), index: m.index!, text: m[0] });
  }
  return found.sort((a, b) => a.index - b.index);
}

export function findWeekdayMentions(text: string): WeekdayMention[] {
  return [...text.matchAll(WEEKDAY)].map((m) => ({
    weekday: WEEKDAYS.indexOf(m[1]!.toLowerCase() as (typeof WEEKDAYS)[number]),
    index: m.index!,
    text: m[0],
  }));
}

/** Years the text states, in dates or on their own ("in 2024"). */
export function findYears(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}

export function toIso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 for an ISO date (UTC): the unit of recency in the index. */
export function isoToDayNumber(iso: string): number {
  return Math.floor(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

export function dayNumberToIso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The first date on or after `iso` that falls on `weekday` (0 = Sunday). */
export function nextWeekdayOnOrAfter(iso: string, weekday: number): string {
  const day = isoToDayNumber(iso);
  const current = new Date(day * 86_400_000).getUTCDay();
  return dayNumberToIso(day + ((weekday - current + 7) % 7));
}

export function formatDayMonth(mention: DateMention): string {
  const month = MONTHS[mention.month - 1]!;
  return `${mention.day} ${month[0]!.toUpperCase()}${month.slice(1)}`;
}

/**
 * The publication date a text implies: the latest date it reports as past,
 * moved forward to a weekday it mentions ("on Monday") when that comes later.
 * Year: stated in the text, else `contextYear` (from the corpus), else unknown.
 * `sentences` are the article's sentences, so that future dates can be told apart.
 */
export function inferPublicationDate(sentences: string[], contextYear: number | null): ArticleDate {
  const pastDates: DateMention[] = [];
  const weekdays: WeekdayMention[] = [];
  const statedYears: number[] = [];
  for (const sentence of sentences) {
    // Quick filters first: every date and year holds a digit, every weekday "day"; most sentences hold neither,
    // and each pattern run costs a fixed setup however short the sentence (issue 16: a text of one-character lines).
    if (HAS_DIGIT.test(sentence)) {
      statedYears.push(...findYears(sentence));
      pastDates.push(...findDateMentions(sentence).filter((m) => !isNotYet(sentence, m.index)));
    }
    if (HAS_DAY.test(sentence)) weekdays.push(...findWeekdayMentions(sentence).filter((m) => !isNotYet(sentence, m.index)));
  }
  if (pastDates.length === 0 && weekdays.length === 0) {
    return { iso: null, inferred: true, basis: 'no date in the text' };
  }
  const textYear = mostCommon(statedYears);
  const year = textYear ?? contextYear;
  const yearBasis = textYear !== null ? `year ${textYear} from the text` : contextYear !== null ? `year ${contextYear} from the corpus` : null;
  if (year === null) {
    return { iso: null, inferred: true, basis: 'dates mentioned without a year, and no year in the corpus' };
  }
  const resolved = pastDates.map((m) => ({ mention: m, iso: toIso(m.year ?? year, m.month, m.day) }));
  const latest = resolved.sort((a, b) => a.iso.localeCompare(b.iso)).at(-1);
  if (latest === undefined) {
    return { iso: null, inferred: true, basis: `only a weekday is mentioned (${weekdays[0]!.text}), with no date to anchor it` };
  }
  let iso = latest.iso;
  let basis = `latest date mentioned: ${formatDayMonth(latest.mention)}`;
  const weekday = weekdays.at(-1);
  if (weekday !== undefined) {
    iso = nextWeekdayOnOrAfter(latest.iso, weekday.weekday);
    basis += `; "${weekday.text}" taken as the first such day on or after it`;
  }
  return { iso, inferred: true, basis: `${basis}; ${yearBasis}` };
}

function mostCommon(values: number[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [v, c] of counts) {
    if (c > bestCount || (c === bestCount && best !== null && v > best)) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

const DATE_LINE_WORDS = new Set(['updated', 'published', 'posted', 'modified', 'last', 'by', 'on', 'at', 'and', 'first', 'am', 'pm', 'a', 'm', 'p',
  // "October 23, 2017 / 3:14 PM / Updated 2 hours ago"
  'ago', 'min', 'mins', 'minute', 'minutes', 'hr', 'hrs', 'hour', 'hours', 'day', 'days', 'yesterday', 'today',
  // "Posted on June 3, 2015 by Lakeshore Neighbors staff"
  'staff', 'writer', 'reporter', 'correspondent', 'editor', 'desk']);

/** "outlet_2016-10-17_slug.txt", "20161017-slug.txt", "2016/10/17/slug.txt": a date written in a file's name. */
const FILE_NAME_DATE = /(?:^|[^\d])((?:19|20)\d{2})[-_./]?(0[1-9]|1[0-2])[-_./]?(0[1-9]|[12]\d|3[01])(?=[^\d]|$)/;

/** The date a file's name carries, as ISO, or null. */
export function dateInFileName(file: string): string | null {
  const m = FILE_NAME_DATE.exec(file);
  return m === null ? null : calendarIso(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The ISO date of a year, month and day that name a real day ("31 February" names none), or null. */
function calendarIso(year: number, month: number, day: number): string | null {
  if (!isValidDay(month, day)) return null;
  const iso = toIso(year, month, day);
  return dayNumberToIso(isoToDayNumber(iso)) === iso ? iso : null;
}

/**
 * A date line under the headline ("October 17, 2016", "17 Oct 2016 14:05 BST", "Updated 9:41 PM ET,
 * Mon October 17, 2016", "Published: 2016-10-17"): a short block that is mostly a full date with its year.
 */
export function dateLine(block: string): string | null {
  // "Nadia Karimi-Lowe · Georgian Bay Public Media · Posted: May 17, 2023 6:45 AM ET": a byline, an outlet and a date, each its own part.
  // "Updated: Oct. 4, 2016 9:10 a.m. | Published: Oct. 3, 2016": the publication, not the update.
  if (block.length <= 240 && DATE_LINE_SEPARATOR.test(block)) {
    const found = dateLineParts(block).map((part) => ({ part, iso: singleDateLine(part) })).filter((f) => f.iso !== null);
    const published = found.find((f) => PUBLISHED_LEAD.test(f.part));
    if (found.length > 0) return (published ?? found[0]!).iso;
  }
  return singleDateLine(block);
}

/** A date line's part that gives the publication ("Published:", "Posted", "First published on"). */
const PUBLISHED_LEAD = /^(?:first\s+)?(?:published|posted)\b/i;

/** "Date: 2016/10/03", "2016/10/03 14:05": a date line written year first with slashes or dots. */
const YEAR_FIRST_LINE = /^(?:(?:date|published|posted|updated)\s*:?\s*)?((?:19|20)\d{2})[/.](\d{1,2})[/.](\d{1,2})(?:[\s,]+\d{1,2}[:.]\d{2}(?:\s*(?:am|pm))?(?:\s+[A-Z]{2,4})?)?\s*$/i;

/** " · ", " • ", " | " between a byline, an outlet and a date on one line. */
const DATE_LINE_SEPARATOR = /\s[·•|]\s/;

function dateLineParts(block: string): string[] {
  return block.split(DATE_LINE_SEPARATOR).map((part) => part.trim());
}

function singleDateLine(block: string): string | null {
  if (block.length > 90) return null;
  const mentions = findDateMentions(block).filter((m) => m.year !== null);
  if (mentions.length === 0) return yearFirstDateLine(block) ?? numericDateLine(block);
  // "Updated 9:10 a.m. Oct. 4, 2016, published Oct. 3, 2016": the date the line says was the publication.
  const m = mentions.find((mention) => /\b(?:published|posted)\W*(?:on\s+)?$/i.test(block.slice(Math.max(0, mention.index - 20), mention.index))) ?? mentions[0]!;
  // Mostly the date: little else than times, zones, weekdays and words like "Updated", "Published", a byline.
  // "Posted Sat 5 Nov 2022 at 4:12am, updated Sat 5 Nov 2022 at 9:30am": each mention of the date is taken out.
  let rest = block;
  for (const other of mentions) rest = rest.replace(other.text, ' ');
  rest = rest.replace(/\b\d{1,2}[:.]\d{2}(?:\s*(?:am|pm)\b)?|\b(?:am|pm|a\.m\.|p\.m\.)/gi, ' ').replace(/\b[A-Z]{2,4}\b/g, ' ').replace(/\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\b\.?/g, ' ');
  const words = rest.match(/\p{L}+/gu) ?? [];
  // Nothing but the date, a time, a byline and a few words of its own: not a sentence that mentions a date.
  if (words.length > 8 || words.some((w) => /^\p{Ll}/u.test(w) && !DATE_LINE_WORDS.has(w))) return null;
  return toIso(m.year!, m.month, m.day);
}

function yearFirstDateLine(block: string): string | null {
  const m = YEAR_FIRST_LINE.exec(block.trim());
  return m === null ? null : calendarIso(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Which order a date line in figures is written in, by the time zone beside it: "06:12 PM EDT" is American
 * (month first), "18:12 BST" British or European (day first); null when it names no zone that tells.
 */
export function zoneOrder(line: string): 'day-first' | 'month-first' | null {
  if (/\b(?:ET|EDT|EST|CT|CDT|CST|MT|MDT|MST|PT|PDT|PST|AKDT|AKST|HST)\b/.test(line)) return 'month-first';
  if (/\b(?:BST|GMT|CET|CEST|EET|EEST|AEST|AEDT|ACST|ACDT|AWST|NZST|NZDT|SAST|WAT|IST)\b/.test(line)) return 'day-first';
  return null;
}

/** "28/05/2025", "Published 05.28.2025 09:14", "Posted: Mon, 10/02/2023 - 8:15am", "Posted 10/28/16 7:45 AM": a date line written in figures. */
const NUMERIC_DATE_LINE = /^(?:(?:updated|published|posted|last updated|first published)\s*:?\s*)?(?:(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d{2}|\d{2})(?:[\s,]*(?:[-–—|]|at)?\s*\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.))?(?:\s+[A-Z]{2,4})?)?\s*$/i;

const WEEKDAY_PREFIXES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/**
 * A date line in figures. Day first (Europe) or month first (the US) is told by a part over 12, or by the
 * weekday written with it; when neither tells ("03/05/2025") the date is left unknown rather than guessed.
 */
function numericDateLine(block: string): string | null {
  const readings = numericDateReadings(block);
  return readings !== null && readings.length === 1 ? readings[0]! : null;
}

/**
 * "04/06/2022 - 10:15 | Sunil Kotecha, Business Reporter": a date line in figures that both orders read: the part
 * that holds it, and its day-first and month-first readings; null when the line is no such date line or one order is excluded.
 */
export function ambiguousDateLine(block: string): { part: string; dayFirst: string; monthFirst: string } | null {
  for (const part of dateLineParts(block)) {
    const readings = numericDateReadings(part);
    // numericDateReadings lists the first part as the month first ("04/06" → 6 April), then as the day.
    if (readings !== null && readings.length === 2) return { part, dayFirst: readings[1]!, monthFirst: readings[0]! };
  }
  return null;
}

/** Which order of day and month the article's spelling and currency point to: British (day first) or American (month first). */
export function spellingOrder(text: string): 'day-first' | 'month-first' | null {
  const british = (text.match(BRITISH_MARKS) ?? []).length;
  const american = (text.match(AMERICAN_MARKS) ?? []).length;
  if (british >= 2 && american === 0) return 'day-first';
  if (american >= 2 && british === 0) return 'month-first';
  return null;
}

const BRITISH_MARKS = /£|\b(?:colour|favour|centre|organis|recognis|programme|labour|behaviour|neighbour|travelled|licence|defence|whilst|apologis|realis|mum|per cent)\w*/gi;
const AMERICAN_MARKS = /\$|\b(?:color|favor|center|organiz|recogniz|labor|behavior|neighbor|traveled|license|defense|apologiz|realiz|mom|percent)\w*/gi;

/** The readings of a date line in figures: day first and month first, those that are real days (and fit a weekday written with it). */
function numericDateReadings(block: string): string[] | null {
  const m = NUMERIC_DATE_LINE.exec(block.trim());
  if (m === null) return null;
  const weekday = m[1] === undefined ? null : WEEKDAY_PREFIXES.indexOf(m[1].toLowerCase());
  const [a, b] = [Number(m[2]), Number(m[3])];
  // A two-digit year ("10/28/16") as POSIX reads one: 69–99 the 1900s, 00–68 the 2000s.
  const year = m[4]!.length === 2 ? Number(m[4]) + (Number(m[4]) >= 69 ? 1900 : 2000) : Number(m[4]);
  const valid = (month: number, day: number): string | null => calendarIso(year, month, day);
  const readings = [valid(a, b), valid(b, a)].filter((iso, k, all): iso is string => iso !== null && all.indexOf(iso) === k);
  const fitting = weekday === null ? readings : readings.filter((iso) => new Date(`${iso}T00:00:00Z`).getUTCDay() === weekday);
  return fitting;
}
