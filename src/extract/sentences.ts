/**
 * Sentence boundaries for news prose. Rule-based on purpose: it is fast, it
 * never downloads a model, and every boundary can be explained. Offsets are
 * UTF-16 indices into the text given; callers convert to code points.
 */

export interface TextRange {
  start: number;
  end: number;
}

/** Words that end with a period without ending the sentence. Lower-case, without the dot. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'sgt', 'capt', 'cmdr', 'adm', 'maj', 'rep', 'sen', 'gov',
  'pres', 'st', 'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'vs', 'etc', 'no', 'nos', 'fig', 'approx', 'est', 'dept',
  'u.s', 'u.k', 'u.n', 'e.u', 'e.g', 'i.e', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun', 'mt', 'ft', 'vol', 'art', 'para',
  // Titles before a name in police, military, council and church copy: "said Cpl. Jenna Morrow", "Coun. Raymond …".
  'cpl', 'const', 'cst', 'det', 'insp', 'supt', 'pte', 'pvt', 'brig', 'ald', 'coun', 'cllr', 'rev', 'hon', 'msgr', 'atty',
]);

const CLOSERS = '"\'”’»)]';
const OPENERS = '"\'“‘«([';

function isSentenceStart(ch: string | undefined): boolean {
  if (ch === undefined) return true;
  return /[\p{Lu}\p{N}]/u.test(ch) || OPENERS.includes(ch) || /[^\p{L}\p{N}\p{P}\p{Z}]/u.test(ch);
}

/** The word just before position `dot` (exclusive), e.g. "Mr" or "U.S". */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[\p{L}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot);
}

/** Abbreviations that can also end a sentence: "at 11 p.m. The driver …", "Northwind Energy Inc. The company …". */
const SENTENCE_FINAL_ABBREVIATIONS = new Set(['a.m', 'p.m', 'etc', 'inc', 'ltd', 'co', 'corp', 'jr', 'sr', 'u.s', 'u.k', 'u.n', 'e.u']);
/** Words that open a sentence far more often than they continue a name after such an abbreviation. */
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'This', 'That', 'These', 'Those', 'His', 'Her', 'Their',
  'Our', 'Its', 'There', 'In', 'On', 'At', 'But', 'And', 'When', 'While', 'After', 'Before', 'As', 'If', 'No',
]);

function nextWord(text: string, from: number): string {
  const m = /^\s*(\p{L}+)/u.exec(text.slice(from, from + 40));
  return m ? m[1]! : '';
}

function isAbbreviationDot(text: string, dot: number): boolean {
  const word = wordBefore(text, dot);
  if (word === '') return false;
  const lower = word.toLowerCase();
  if (SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return !SENTENCE_OPENERS.has(nextWord(text, dot + 1));
  if (ABBREVIATIONS.has(lower)) return true;
  // A single capital initial ("J. Smith") or an acronym with inner dots ("U.S.").
  if (/^\p{Lu}$/u.test(word)) return true;
  return /^(\p{L}\.)+\p{L}$/u.test(word);
}

/** Splits `text` into trimmed sentence ranges covering every non-space character. */
export function splitSentences(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = skipSpace(text, 0);
  let i = start;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      let end = i + 1;
      while (end < text.length && (text[end] === '.' || text[end] === '!' || text[end] === '?')) end++;
      while (end < text.length && CLOSERS.includes(text[end]!)) end++;
      const next = skipSpace(text, end);
      const hasSpace = next > end || end === text.length;
      const boundary =
        hasSpace && isSentenceStart(text[next]) && !(ch === '.' && end === i + 1 && isAbbreviationDot(text, i));
      if (boundary) {
        ranges.push({ start, end });
        start = next;
        i = next;
        continue;
      }
      i = end;
      continue;
    }
    i++;
  }
  const tailEnd = trimEnd(text, text.length);
  if (tailEnd > start) ranges.push({ start, end: tailEnd });
  return ranges;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/u.test(text[i]!)) i++;
  return i;
}

function trimEnd(text: string, end: number): number {
  while (end > 0 && /\s/u.test(text[end - 1]!)) end--;
  return end;
}
