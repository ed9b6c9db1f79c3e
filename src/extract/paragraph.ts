/**
 * One paragraph made ready for attribution: tokens, quote regions, which
 * token lies in which quote, clause units (sentences, with sentence breaks
 * inside quotes ignored so a multi-sentence quote is one unit), the
 * publisher's own attribution tails ("…, Censor.NET reports citing
 * Interfax-Ukraine") that are not statements, and the dateline.
 */
import { partitionPoint } from '../text/search.js';
import { CUES } from './lexicon.js';
import { findQuotes, type QuoteRegion } from './quotes.js';
import type { SpeakerPhrase } from './speakers.js';
import { tokenize, type Token } from './tokens.js';

export interface Range {
  start: number;
  end: number;
}

export interface PreparedParagraph {
  index: number;
  kind: 'title' | 'heading' | 'body';
  text: string;
  tokens: Token[];
  quotes: QuoteRegion[];
  // Plain arrays, not typed ones: an article may have a million tiny paragraphs, and each typed array
  // costs an ArrayBuffer that the collector must track (three per paragraph made collection most of the time).
  /** Quote region index per token (its marks included), -1 outside quotes. */
  quoteOf: number[];
  /** 1 for an opening mark, 2 for a closing mark, 0 otherwise. */
  markOf: number[];
  /** Unit (clause-sentence) index per token. */
  unitOf: number[];
  /** Token ranges [from, to) of each unit. */
  units: { from: number; to: number }[];
  /** Publisher attribution tails: never statements, never content. */
  excluded: Range[];
  /** End of a dateline ("WASHINGTON (AP) — "), 0 when none. */
  datelineEnd: number;
  /** Speaker phrases already parsed, by token range: several rules read the same words. Made on first use. */
  phraseCache: Map<number, SpeakerPhrase | null> | null;
}

// "…, Censor.NET reports citing Interfax-Ukraine", "…, Censor.NET reports with reference to Ukrinform."
const PUBLISHER_TAIL = /,?\s*(?:[\p{Lu}][\p{L}\p{N}.&'’-]*)(?:\s+[\p{Lu}][\p{L}\p{N}.&'’-]*){0,3}\s+(?:reports?|writes?|informs?)\s*,?\s+(?:citing|with reference to|referring to)\s+(?:[^.!?]|\.(?=\S))*?(?=[.!?]?["”»]?\s*$|[.!?]\s)/gu;
// "WASHINGTON (AP) — ", "LONDON, June 4 (Reuters) - ", "HOUSTON, Oct. 24, 2024 /PRNewswire/ -- ", "ALBANY — ", "ERIE, Pa. — "
const DATELINE = /^(?:[\p{Lu}][\p{Lu}.'’-]{2,}(?:\s+[\p{Lu}][\p{Lu}.'’-]+)*)(?:,\s+(?:[\p{Lu}][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?|[\p{Lu}][\p{L}.]{0,10}(?:\s+[\p{Lu}][\p{L}.]{0,10})?))?\s*(?:\([^)]{1,40}\)|\/[^/]{1,40}\/)?\s*(?:—|–|--|-)\s+/u;

export function prepareParagraph(
  index: number,
  kind: PreparedParagraph['kind'],
  text: string,
  sentenceStarts: number[],
): PreparedParagraph {
  const tokens = tokenize(text);
  const quotes = validateDangling(text, findQuotes(text)).filter((q) => !isNickname(text, q));
  const quoteOf = new Array<number>(tokens.length).fill(-1);
  const markOf = new Array<number>(tokens.length).fill(0);
  let q = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (q < quotes.length && regionEnd(quotes[q]!, text) <= t.start) q++;
    for (let k = q; k < quotes.length; k++) {
      const r = quotes[k]!;
      const start = r.open === -1 ? r.innerStart : r.open;
      if (t.start < start) break;
      if (t.start === r.open) {
        quoteOf[i] = k;
        markOf[i] = 1;
      } else if (t.start === r.close) {
        quoteOf[i] = k;
        markOf[i] = 2;
      } else if (t.start >= r.innerStart && t.end <= r.innerEnd) {
        quoteOf[i] = k;
      }
      if (quoteOf[i] !== -1) break;
    }
  }

  // Units: sentence starts that fall inside a quote do not split.
  const outsideQuotes = sentenceStarts.filter((s) => !quotes.some((r) => s > (r.open === -1 ? r.innerStart : r.open) && s < regionEnd(r, text)));
  // '"Who decided she gets a pass?" Simms-Whitfield asked.': a question or exclamation closing a quote, then its
  // speaker and verb: one sentence, as with a comma.
  const starts = outsideQuotes.filter((s, n) => !attributionAfterQuestion(text, tokens, s, outsideQuotes[n + 1] ?? text.length));
  const unitOf = new Array<number>(tokens.length).fill(0);
  const units: { from: number; to: number }[] = [];
  let unit = -1;
  let nextStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (nextStart < starts.length && starts[nextStart]! <= t.start) {
      nextStart++;
      if (units.length === 0 || units.at(-1)!.to > units.at(-1)!.from) {
        units.push({ from: i, to: i });
        unit = units.length - 1;
      }
    }
    if (unit === -1) {
      units.push({ from: i, to: i });
      unit = 0;
    }
    unitOf[i] = unit;
    units[unit]!.to = i + 1;
  }

  const excluded: Range[] = [];
  if (/\b(?:reports?|writes?|informs?)\b/.test(text)) {
    PUBLISHER_TAIL.lastIndex = 0;
    for (let m = PUBLISHER_TAIL.exec(text); m !== null; m = PUBLISHER_TAIL.exec(text)) excluded.push({ start: m.index, end: m.index + m[0].length });
  }
  const dateline = DATELINE.exec(text);
  return { index, kind, text, tokens, quotes, quoteOf, markOf, unitOf, units, excluded, datelineEnd: dateline ? dateline[0].length : 0, phraseCache: null };
}

/** The sentence at [start, end) is a short attribution ("Jane Doe shouted.") after a quote closed by "?" or "!". */
function attributionAfterQuestion(text: string, tokens: Token[], start: number, end: number): boolean {
  if (!/[?!]["”’»]\s*$/u.test(text.slice(Math.max(0, start - 4), start))) return false;
  if (end - start > 120 || /["“”«»]/u.test(text.slice(start, end))) return false;
  // The sentence's tokens, found by bisection (a paragraph may hold thousands of such sentences).
  const words: Token[] = [];
  for (let k = partitionPoint(tokens, (t) => t.start < start); k < tokens.length && tokens[k]!.end <= end; k++) if (tokens[k]!.kind === 'word') words.push(tokens[k]!);
  return words.length > 1 && words.length <= 7 && words.some((t, k) => k > 0 && CUES.has(t.low));
}

function regionEnd(r: QuoteRegion, text: string): number {
  return r.close === -1 ? text.length : r.close + 1;
}

/**
 * A quote whose opening mark is missing is kept only when a reporting verb follows its closing mark.
 * It starts the paragraph, unless a sentence before it reports speech of its own ("Marchetti said she
 * would focus on the hospital. My first letter will be …,' she said."): then it starts after that sentence.
 */
function validateDangling(text: string, quotes: QuoteRegion[]): QuoteRegion[] {
  return quotes.filter((r) => {
    if (!r.dangling) return true;
    const after = text.slice(r.close + 1, r.close + 120);
    const clause = after.split(/[.!?]\s|["“”‘’«»]/u)[0] ?? '';
    const words = clause.toLowerCase().match(/[\p{L}]+/gu) ?? [];
    return words.slice(0, 12).some((w) => CUES.has(w));
  }).map((r) => (r.dangling ? afterOwnReport(text, r) : r));
}

function afterOwnReport(text: string, r: QuoteRegion): QuoteRegion {
  let boundary = -1;
  let previous = 0;
  for (const m of text.slice(0, r.close).matchAll(/[.!?]\s+(?=\p{Lu})/gu)) {
    previous = boundary === -1 ? 0 : boundary;
    boundary = m.index + m[0].length;
  }
  if (boundary <= 0) return r;
  // The sentence just before must be the reporter's: a third-person subject right before a reporting verb
  // ("Marchetti said", "she told"), and no first person (the quote's own "I can confirm that …" is not it).
  const words = text.slice(previous, boundary).match(/[\p{L}’']+/gu) ?? [];
  if (words.some((w) => FIRST_PERSON.has(w.toLowerCase()))) return r;
  const reports = words.some((w, i) => i > 0 && CUES.has(w.toLowerCase()) && (/^\p{Lu}/u.test(words[i - 1]!) || THIRD_PERSON.has(words[i - 1]!.toLowerCase())));
  return reports ? { ...r, innerStart: boundary } : r;
}

const FIRST_PERSON = new Set(['i', 'we', 'my', 'our', 'me', 'us']);
const THIRD_PERSON = new Set(['he', 'she', 'they']);

export function isExcluded(p: PreparedParagraph, pos: number): boolean {
  return p.excluded.some((r) => pos >= r.start && pos < r.end);
}

/**
 * 'Sen. Jose Miguel “Migz” Ocampo', "Robert 'Beto' O'Rourke": one or two capitalised words in quote marks between
 * two words of a name are a nickname, not a quotation.
 */
export function isNickname(text: string, q: QuoteRegion): boolean {
  if (q.open === -1 || q.close === -1 || q.innerEnd - q.innerStart > 24) return false;
  const inner = text.slice(q.innerStart, q.innerEnd);
  if (!/^\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*)?$/u.test(inner)) return false;
  return /\p{Lu}[\p{L}.'’-]* $/u.test(text.slice(Math.max(0, q.open - 30), q.open)) && /^ (?:\p{Lu}|(?:(?:de|del|da|dos|van|von|der|den|la|le|di|al|bin) ){1,2}\p{Lu})/u.test(text.slice(q.close + 1, q.close + 16));
}
