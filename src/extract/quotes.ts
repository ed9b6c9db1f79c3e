/**
 * Quotation regions in one paragraph. Handles “…”, "…", ‘…’, '…', «…», „…“;
 * apostrophes inside single-quoted quotes (‘let’s’, ‘Russia’s’) do not close
 * them; a closing mark with no opening mark ("…," he said. as the paragraph's
 * first mark) yields a region from the paragraph start, marked `dangling` so
 * the caller keeps it only if an attribution follows; an opening mark with no
 * closing mark runs to the paragraph end (multi-paragraph quotes).
 * Indices are UTF-16 offsets into the paragraph text.
 */

export type QuoteFamily = 'double' | 'single' | 'guillemet';

export interface QuoteRegion {
  /** Index of the opening mark; -1 when the mark is missing (the quote starts the paragraph). */
  open: number;
  /** Index of the closing mark; -1 when the quote runs past the paragraph end. */
  close: number;
  /** First character inside the marks. */
  innerStart: number;
  /** End (exclusive) of the text inside the marks. */
  innerEnd: number;
  family: QuoteFamily;
  /** No opening mark: keep only when an attribution follows the closing mark. */
  dangling: boolean;
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
/** Characters after which a straight mark opens a quote. */
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/:;,]/u;
/** Characters that may precede a closing mark that has lost its opening mark: `…," he said`. */
const BEFORE_DANGLING_CLOSE = /[.,!?…\u2014\u2013-]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const PUNCT_AFTER_CLOSE = /[,.;:!?)\]}…\u2014\u2013-]/u;
/** Contractions written with a leading apostrophe: 's 't 're 'll 've 'd 'm 'em 'til 'cause 'n', years '90s. */
const LEADING_APOSTROPHE = /^['’](?:s|t|re|ll|ve|d|m|em|til|cause|n|tis|twas)(?![\p{L}])|^['’]\d/iu;

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/u.test(ch);
}

/** Finds the quote regions of a paragraph, in text order, nested quotes removed. */
export function findQuotes(text: string): QuoteRegion[] {
  if (!/["“”„«»‘’']/u.test(text)) return [];
  const doubles = findDoubleQuotes(text);
  const singles = findSingleQuotes(text, doubles);
  // A double-quoted region inside a single-quoted one is nested (UK style ‘… “…” …’).
  const kept = doubles.filter((d) => !singles.some((s) => contains(s, d)));
  return [...kept, ...singles].sort((a, b) => a.innerStart - b.innerStart);
}

function contains(outer: QuoteRegion, inner: QuoteRegion): boolean {
  const outerEnd = outer.close === -1 ? Infinity : outer.close;
  return outer.innerStart <= inner.innerStart && inner.innerEnd <= outerEnd;
}

/** Double marks and guillemets: curly marks say which side they are; straight ones are read from their neighbours. */
function findDoubleQuotes(text: string): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let openAt = -1;
  let family: QuoteFamily = 'double';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const before = text[i - 1];
    const after = text[i + 1];
    let opens = false;
    let closes = false;
    if (DOUBLE_OPEN.has(ch)) opens = true;
    else if (DOUBLE_CLOSE.has(ch)) closes = true;
    else if (ch === '"') {
      // Straight mark: opening when preceded by space/punctuation and followed by text,
      // closing when preceded by text and followed by space/punctuation.
      const openLike = (before === undefined || BEFORE_OPEN.test(before)) && !isSpace(after);
      const closeLike = before !== undefined && !isSpace(before) && (isSpace(after) || PUNCT_AFTER_CLOSE.test(after!));
      if (openAt === -1) {
        opens = openLike;
        closes = !openLike && closeLike;
      } else {
        closes = closeLike || !openLike;
      }
    } else continue;

    if (openAt === -1 && opens) {
      openAt = i;
      family = ch === '«' ? 'guillemet' : 'double';
    } else if (openAt !== -1 && closes) {
      regions.push({ open: openAt, close: i, innerStart: openAt + 1, innerEnd: i, family, dangling: false });
      openAt = -1;
    } else if (openAt === -1 && closes && regions.length === 0 && before !== undefined && BEFORE_DANGLING_CLOSE.test(before)) {
      // The paragraph's first mark closes: the opening mark was lost (seed 000, 002).
      regions.push({ open: -1, close: i, innerStart: 0, innerEnd: i, family: ch === '»' ? 'guillemet' : 'double', dangling: true });
    }
  }
  if (openAt !== -1) regions.push({ open: openAt, close: -1, innerStart: openAt + 1, innerEnd: trimEnd(text, text.length), family, dangling: false });
  return regions;
}

/**
 * Single marks: ‘ always opens; ’ and ' may be apostrophes. A mark between two
 * letters is an apostrophe; of the other candidates the first "strong" one
 * (after punctuation, or before punctuation / the end) closes, else the first
 * weak one (letter before, space after: ‘active consultations’ over).
 */
function findSingleQuotes(text: string, doubles: QuoteRegion[]): QuoteRegion[] {
  const regions: QuoteRegion[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if ((ch === '‘' || ch === "'" || ch === '’') && !insideAny(doubles, i, text.length)) {
      if (isSingleOpener(text, i)) {
        const close = findSingleCloser(text, i + 1, doubles);
        if (close !== -1) {
          regions.push({ open: i, close, innerStart: i + 1, innerEnd: close, family: 'single', dangling: false });
          i = close + 1;
          continue;
        }
        // Unclosed: a multi-paragraph quote only when it opens the paragraph.
        if (i === 0) {
          regions.push({ open: 0, close: -1, innerStart: 1, innerEnd: trimEnd(text, text.length), family: 'single', dangling: false });
          break;
        }
      } else if (regions.length === 0 && doubles.length === 0 && isDanglingSingleCloser(text, i)) {
        regions.push({ open: -1, close: i, innerStart: 0, innerEnd: i, family: 'single', dangling: true });
      }
    }
    i++;
  }
  return regions;
}

function insideAny(regions: QuoteRegion[], i: number, length: number): boolean {
  for (const d of regions) if (i >= d.innerStart && i < (d.close === -1 ? length : d.close)) return true;
  return false;
}

function isSingleOpener(text: string, i: number): boolean {
  const ch = text[i]!;
  const before = text[i - 1];
  const after = text[i + 1];
  if (after === undefined || isSpace(after)) return false;
  if (ch === '‘') return true;
  if (before !== undefined && !BEFORE_OPEN.test(before)) return false;
  if (LEADING_APOSTROPHE.test(text.slice(i, i + 6))) return false;
  return LETTER_OR_DIGIT.test(after) || after === '"' || after === '“';
}

function isDanglingSingleCloser(text: string, i: number): boolean {
  const before = text[i - 1];
  const after = text[i + 1];
  return before !== undefined && BEFORE_DANGLING_CLOSE.test(before) && isSpace(after);
}

/** The closing single mark for an opener before `from`, or -1. */
function findSingleCloser(text: string, from: number, doubles: QuoteRegion[]): number {
  let weak = -1;
  for (let j = from; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '‘') break; // a new quote opens: this one never closed
    if (ch !== '’' && ch !== "'") continue;
    if (doubles.some((d) => j > d.innerStart && j < d.innerEnd)) continue;
    const before = text[j - 1];
    const after = text[j + 1];
    const letterBefore = before !== undefined && LETTER_OR_DIGIT.test(before);
    const letterAfter = after !== undefined && LETTER_OR_DIGIT.test(after);
    if (letterBefore && letterAfter) continue; // let’s, Russia’s
    if (!letterBefore && letterAfter) continue; // an opening-looking mark inside
    const strong = (before !== undefined && /[.,!?…]/u.test(before)) || after === undefined || PUNCT_AFTER_CLOSE.test(after) || after === '"' || after === '”';
    if (strong) return j;
    if (weak === -1 && isSpace(after)) weak = j;
  }
  return weak;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
