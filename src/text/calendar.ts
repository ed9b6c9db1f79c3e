/**
 * Calendar words shared by the two date readers: the publication-date inference
 * (src/corpus/dates.ts) and event dates in statements (src/extract/dates.ts).
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const MONTH_ABBREVIATIONS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** A month name as written in dates; capitalised only, so the modal "may" and the verb "march" never read as months. */
// Also in capitals, as some date lines write them ("16:42, 21 JUN 2022").
export const MONTH_PATTERN = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEPT|SEP|OCT|NOV|DEC)\.?`;

/** 1–12 for a month name or abbreviation; 0 when it is neither. */
export function monthNumber(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  const full = (MONTHS as readonly string[]).indexOf(lower);
  return full >= 0 ? full + 1 : (MONTH_ABBREVIATIONS[lower] ?? 0);
}
