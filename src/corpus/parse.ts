/**
 * One article file's text → a ParsedArticle: title, section label, date,
 * publisher and cited sources, paragraphs and sentences with exact spans.
 * Pure: the caller reads and decodes the file.
 */
import { createHash } from 'node:crypto';
import { splitSentences } from '../extract/sentences.js';
import { shorten } from '../text/cut.js';
import { utf16ToCodePointMapper } from '../text/offsets.js';
import { isChromeLine } from './chrome.js';
import { ambiguousDateLine, dateInFileName, dateLine, inferPublicationDate, spellingOrder, zoneOrder } from './dates.js';
import { readFrontMatter } from './frontMatter.js';
import { findSources } from './sources.js';
import type { DocumentMetadata } from '../sources/types.js';
import type { ArticleDate, ArticleParagraph, ArticleSentence, ParsedArticle } from './types.js';

export { ArticleFormatError } from './frontMatter.js';

export interface ParseInput {
  file: string;
  text: string;
  /** SHA-256 of the file's bytes; computed from the text when absent. */
  hash?: string;
  /** Year to assume for dates stated without one, taken from the rest of the corpus. */
  contextYear?: number | null;
  /** What the format stated (page metadata, a feed item, an export's fields): it outranks the text. */
  metadata?: DocumentMetadata;
}

/** A trimmed line of the file with its UTF-16 range. */
interface Line {
  text: string;
  start: number;
  end: number;
}

/** "date 2024-10-16" before the title, as some scrapers write it. */
const DATE_MARKER = /^date\s+(\d{4}-\d{2}-\d{2})\s*/i;

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    let a = start;
    let b = end;
    while (a < b && /[\s\uFEFF]/u.test(text[a]!)) a++;
    while (b > a && /\s/u.test(text[b - 1]!)) b--;
    lines.push({ text: text.slice(a, b), start: a, end: b });
    start = end + 1;
  }
  return lines;
}

/**
 * Consecutive lines become one paragraph only when the first was hard-wrapped
 * mid-sentence (no closing punctuation, next starts lower-case); otherwise a
 * newline ends a paragraph, as in the scraped seeds.
 */
function joinWrappedLines(lines: Line[], source: string): Line[] {
  const blocks: Line[] = [];
  for (const line of lines) {
    const previous = blocks.at(-1);
    const wrapped =
      previous !== undefined &&
      line.text !== '' &&
      previous.text !== '' &&
      !/[.!?:;"”’»)]$/u.test(previous.text) &&
      /^\p{Ll}/u.test(line.text) &&
      previous.end + 1 >= line.start - 2;
    if (wrapped) {
      previous.end = line.end;
      previous.text = source.slice(previous.start, previous.end);
    } else {
      blocks.push({ ...line });
    }
  }
  return blocks.filter((b) => b.text !== '' && !isChromeLine(b.text));
}

/**
 * The longest title kept: a title is inferred from the first line, which in a scraped file with
 * no line breaks is the whole article (4.5 MB once); the full line stays the title paragraph ¶0.
 */
export const TITLE_MAX = 300;

function boundedTitle(title: string): string {
  return shorten(title, TITLE_MAX);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A short line with no closing period, in the middle of an article: a sub-heading. */
function looksLikeHeading(text: string): boolean {
  if (text.length > 90 || wordCount(text) > 12) return false;
  if (/\?$/.test(text)) return wordCount(text) <= 8;
  return !/[.!:;,"”’»]$/u.test(text);
}

/** "EU and the world" above a headline: a few words, then a headline-sized line. */
/** "News › Politics", "Local News / Election 2016", "Home | World": a path of sections. */
function isBreadcrumb(line: string): boolean {
  return /\S\s+[/›>|»]\s+\S/u.test(line);
}

function looksLikeSectionLabel(first: string, second: string | undefined): boolean {
  if (second === undefined) return false;
  return wordCount(first) <= 5 && first.length <= 40 && !/[.!?:]$/.test(first) && second.length <= 250 && !/\.$/.test(second);
}

export function parseArticle(input: ParseInput): ParsedArticle {
  const { file, text } = input;
  const stated = input.metadata;
  const hash = input.hash ?? createHash('sha256').update(text).digest('hex');
  const toCp = utf16ToCodePointMapper(text);
  const front = readFrontMatter(text);
  const blocks = joinWrappedLines(splitLines(text, front.length), text);

  let statedDate: string | null = stated?.published ?? front.values.date ?? null;
  const first = blocks[0];
  if (first !== undefined) {
    const marker = DATE_MARKER.exec(first.text);
    if (marker) {
      statedDate ??= marker[1]!;
      first.start += marker[0].length;
      first.text = first.text.slice(marker[0].length);
      if (first.text === '') blocks.shift();
    }
  }

  let section: string | null = front.values.section ?? null;
  // "Politics | Wed Jul 27, 2016 | 11:41pm EDT" above the headline: a date line, with the section before it, is no headline.
  let dateAbove = false;
  if (blocks.length > 1 && !stated?.title) {
    const above = dateLine(blocks[0]!.text);
    if (above !== null) {
      const label = blocks.shift()!.text;
      dateAbove = statedDate === null;
      statedDate ??= above;
      const first = label.split(/\s[·•|]\s/)[0]!.trim();
      if (first !== label && dateLine(first) === null && wordCount(first) <= 4 && !/\d/.test(first)) section ??= first;
    }
  }
  // A reader that states the title put it on the first line: there is no section label above it.
  if (blocks[0] && !stated?.title && looksLikeSectionLabel(blocks[0].text, blocks[1]?.text)) {
    const label = blocks.shift()!.text;
    // "THE TRI-COUNTY SENTINEL" then "Local News / Election 2016": a masthead and a breadcrumb, both above the headline.
    if (blocks[0] && isBreadcrumb(blocks[0].text) && looksLikeSectionLabel(blocks[0].text, blocks[1]?.text)) section ??= blocks.shift()!.text;
    section ??= label;
  }

  const paragraphs: ArticleParagraph[] = blocks.map((block, i) => ({
    index: i,
    kind: i === 0 ? 'title' : i < blocks.length - 1 && looksLikeHeading(block.text) ? 'heading' : 'body',
    text: block.text,
    span: { start: toCp(block.start), end: toCp(block.end) },
  }));

  const sentences: ArticleSentence[] = [];
  blocks.forEach((block, i) => {
    for (const range of splitSentences(block.text)) {
      sentences.push({
        index: sentences.length,
        paragraphIndex: i,
        text: block.text.slice(range.start, range.end),
        span: { start: toCp(block.start + range.start), end: toCp(block.start + range.end) },
      });
    }
  });

  const sources = findSources(blocks.slice(1).map((b) => b.text));
  const frontCites = front.values.cites?.split(/\s*,\s*/).filter(Boolean) ?? [];
  const statedBasis = stated?.published ? 'stated in the page or feed' : front.values.date ? 'stated in the front matter' : dateAbove ? 'stated in the date line' : 'stated in the file';
  const date = publicationDate(input, statedDate, statedBasis, blocks.map((b) => b.text), () =>
    inferPublicationDate(sentences.filter((s) => paragraphs[s.paragraphIndex]?.kind === 'body').map((s) => s.text), dateInFileName(file) !== null ? Number(dateInFileName(file)!.slice(0, 4)) : (input.contextYear ?? null)),
  );

  return {
    file,
    hash,
    source: text,
    title: boundedTitle(stated?.title ?? front.values.title ?? blocks[0]?.text ?? file),
    section,
    publisher: stated?.publisher ?? front.values.publisher ?? sources.publisher,
    cites: frontCites.length > 0 ? frontCites : sources.cites,
    url: stated?.url ?? front.values.url ?? null,
    byline: stated?.byline ?? null,
    date,
    paragraphs,
    sentences,
  };
}

/**
 * The publication date, from the firmest evidence there is: the front matter or a date marker, then a date
 * line under the headline, then a date in the file name (marked ≈, with that reason), then the dates the
 * text mentions (inferred, ≈).
 */
function publicationDate(input: ParseInput, stated: string | null, statedBasis: string, blocks: string[], inferred: () => ArticleDate): ArticleDate {
  if (stated !== null) return { iso: stated, inferred: false, basis: statedBasis };
  for (const block of headerBlocks(blocks)) {
    const line = dateLine(block);
    if (line !== null) return { iso: line, inferred: false, basis: 'stated in the date line' };
  }
  const fromName = dateInFileName(input.file);
  if (fromName !== null) return { iso: fromName, inferred: true, basis: 'the date in the file name; the text states none' };
  // "04/06/2022" reads either way: the article's spelling and currency tell which, marked ≈ with that reason.
  for (const block of headerBlocks(blocks)) {
    const line = ambiguousDateLine(block);
    // The time zone written with it tells first ("06:12 PM EDT"), else the spelling and currency.
    const zone = line === null ? null : zoneOrder(line.part);
    const order = line === null ? null : (zone ?? spellingOrder(input.text));
    if (line !== null && order !== null) {
      const why = zone !== null ? `${order === 'day-first' ? 'day first' : 'month first'} (by its time zone)` : order === 'day-first' ? 'day first (British spelling)' : 'month first (American spelling)';
      return { iso: order === 'day-first' ? line.dayFirst : line.monthFirst, inferred: true, basis: `the date line ${line.part}, read ${why}` };
    }
  }
  return inferred();
}

/**
 * The blocks under the headline where a date line may stand: the first four, and after them the short lines of a
 * longer header (a fact-check's "SPEAKER:", "RULING:", the byline, then the date) up to the first paragraph of prose.
 */
function headerBlocks(blocks: string[]): string[] {
  const out = blocks.slice(1, 5);
  for (const block of blocks.slice(5, 10)) {
    if (block.length >= 200) break;
    out.push(block);
  }
  return out;
}

/** Years stated outright in a file (a date marker, front matter, a date line or the file name): the corpus's year context. */
export function statedYear(text: string, file = ''): number | null {
  const m = /(?:^|\n)\s*(?:date:?\s+)(\d{4})-\d{2}-\d{2}/i.exec(text.slice(0, 2000));
  if (m) return Number(m[1]);
  for (const block of text.slice(0, 2000).split(/\n\s*\n|\n/).slice(0, 6)) {
    const line = dateLine(block.trim());
    if (line !== null) return Number(line.slice(0, 4));
  }
  const fromName = dateInFileName(file);
  return fromName !== null ? Number(fromName.slice(0, 4)) : null;
}
