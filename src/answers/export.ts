/**
 * Statements for other tools: JSON lines, CSV (one statement a row) and
 * schema.org ClaimReview JSON-LD — without a rating, which is the fact-checker's job.
 */
import type { ExportRow } from '../index/statements.js';

export type ExportFormat = 'jsonl' | 'csv' | 'claimreview';

type Span = { start: number; end: number } | null;

export interface ExportRecord {
  article: string;
  kind: string;
  /** The words in the text that name the speaker ("he", "Rutte", "the NATO Secretary General"). */
  speaker: string | null;
  /** The resolved person or organisation (its canonical name), or null when the speaker is unnamed or unclear. */
  person: string | null;
  speakerSpan: Span;
  cue: string | null;
  cueSpan: Span;
  content: string;
  contentSpan: { start: number; end: number };
  stance: string;
  figures: unknown[];
  eventDate: string | null;
  /** The attribution rule that found the statement, and the rule that chose its speaker (src/extract/rules.ts). */
  rule: string | null;
  speakerRule: string | null;
}

const span = (start: number | null, end: number | null): Span => (start === null || end === null ? null : { start, end });

export function toExportRecord(row: ExportRow): ExportRecord {
  return {
    article: row.file,
    kind: row.kind,
    speaker: row.speakerMention ?? row.speaker,
    person: row.person,
    speakerSpan: span(row.speakerStart, row.speakerEnd),
    cue: row.cue,
    cueSpan: span(row.cueStart, row.cueEnd),
    content: row.content,
    contentSpan: { start: row.contentStart, end: row.contentEnd },
    stance: row.stance,
    figures: row.figures,
    eventDate: row.eventDate,
    rule: row.rule,
    speakerRule: row.speakerRule,
  };
}

export const CSV_COLUMNS = ['article', 'kind', 'speaker', 'person', 'speakerSpan', 'cue', 'cueSpan', 'content', 'contentSpan', 'stance', 'figures', 'eventDate', 'rule', 'speakerRule'] as const;

/** What a spreadsheet may read as a formula: = + - @ (or their full-width forms) after optional spaces, or a leading tab or CR. */
const FORMULA_START = /^(?:[\t\r]|[ \u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
const WHOLE_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function csvCell(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'object' && value !== null && 'start' in value && 'end' in value) text = `${(value as { start: number }).start}-${(value as { end: number }).end}`;
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  // Cells that a spreadsheet would run as a formula get a leading apostrophe, unless the whole cell is a number.
  if (FORMULA_START.test(text) && !WHOLE_NUMBER.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',');
}

export function csvLine(record: ExportRecord): string {
  return CSV_COLUMNS.map((c) => csvCell(record[c])).join(',');
}

/** One ClaimReview per statement: the claim, who made it, where it appeared and when. No reviewRating. */
export function toClaimReview(row: ExportRow): Record<string, unknown> {
  const claimDate = row.eventDate ?? row.date;
  const author = row.speaker === null ? undefined : { '@type': row.speakerType === 'organisation' ? 'Organization' : 'Person', name: row.speaker };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: row.content,
    ...(claimDate ? { datePublished: claimDate } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(author ? { author } : {}),
      ...(claimDate ? { datePublished: claimDate } : {}),
      appearance: {
        '@type': 'NewsArticle',
        headline: row.title,
        identifier: `${row.file}#¶${row.paragraph}`,
        ...(row.url ? { url: row.url } : {}),
        ...(row.publisher ? { publisher: { '@type': 'Organization', name: row.publisher } } : {}),
        ...(row.date ? { datePublished: row.date } : {}),
      },
    },
  };
}
