/**
 * Figures in news text: "nearly 11,000 soldiers", "ten thousand North Korean
 * troops", "2-3 thousand people", "2,000 to 3,000", "between 400 and 500",
 * "at least five", "several thousand", "more than 600", "£5.2bn", "14 percent".
 * Dates, ordinals ("11th brigade"), years, times, ages ("27-year-old") and
 * scores ("121-118") are not figures.
 *
 * min/max bound the number(s) as stated; the qualifier says which way the truth
 * may lie ("at least 3,000" → min = max = 3,000, qualifier at-least). "up to"
 * has min 0. "fewer than"/"under" read as up-to. Several/dozens/hundreds of
 * give a conventional range (several = 3-9 of the unit).
 */
import { utf16ToCodePointMapper } from '../text/offsets.js';
import { FINITE_VERBS, MONTH_ABBREVIATIONS, MONTHS } from './lexicon.js';
import { NATIONALITY_WORDS, PLACE_WORDS } from './places.js';
import { tokenize, type Token } from './tokens.js';
import type { Figure, FigureQualifier } from './types.js';

const UNITS: Readonly<Record<string, number>> = {
  zero: 0, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100, thousand: 1_000, million: 1_000_000, billion: 1_000_000_000, trillion: 1_000_000_000_000,
  mln: 1_000_000, bln: 1_000_000_000, bn: 1_000_000_000,
};
/** First letters of every number word ("a dozen", "several", "twenty"…): other words are skipped at once. */
const NUMBER_WORD_START = new Set([...'abdefhmnstz'].map((ch) => ch.charCodeAt(0)));

/** Glued suffixes: "£5.2bn", "£1.4m", "10k". */
const GLUED_SCALE: Readonly<Record<string, number>> = { bn: 1e9, b: 1e9, m: 1e6, mn: 1e6, k: 1e3, tn: 1e12 };
/** "Dozens of", "hundreds of": the plural as a vague quantity. */
const VAGUE_PLURALS: Readonly<Record<string, [number, number]>> = {
  dozens: [24, 99], hundreds: [200, 999], thousands: [2_000, 9_999], millions: [2e6, 9.99e6], billions: [2e9, 9.99e9],
  scores: [40, 99],
};
const CURRENCY: Readonly<Record<string, string>> = { $: 'dollars', '£': 'pounds', '€': 'euros', '¥': 'yen', '₴': 'hryvnias', '₽': 'roubles' };
const TIME_AFTER = new Set(['a.m', 'p.m', 'am', 'pm', 'gmt', 'utc', 'bst', 'cet', 'cest', 'est', 'edt', 'pst', 'kyiv', 'hrs', 'h']);
const MONTH_WORDS = new Set<string>([...MONTHS, ...Object.keys(MONTH_ABBREVIATIONS)]);

/** Qualifier phrases, longest first, as lower-case word sequences ending right before the number. */
const QUALIFIERS: [string[], FigureQualifier | 'fewer'][] = [
  [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'],
  [['a', 'minimum', 'of'], 'at-least'],
  [['as', 'many', 'as'], 'up-to'],
  [['as', 'much', 'as'], 'up-to'],
  [['a', 'maximum', 'of'], 'up-to'],
  [['no', 'more', 'than'], 'up-to'],
  [['in', 'excess', 'of'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['an', 'estimated'], 'about'],
  [['at', 'least'], 'at-least'],
  [['up', 'to'], 'up-to'],
  [['more', 'than'], 'more-than'],
  [['fewer', 'than'], 'fewer'],
  [['less', 'than'], 'fewer'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['estimated'], 'about'],
  [['circa'], 'about'],
  [['over'], 'more-than'],
  [['under'], 'fewer'],
  [['several'], 'several'],
];

/** Words that end a counted noun phrase. */
const COUNTED_STOP = new Set([
  'of', 'from', 'in', 'at', 'on', 'to', 'for', 'with', 'by', 'and', 'or', 'but', 'each', 'who', 'that', 'which',
  'were', 'per', 'as', 'than', 'into', 'across', 'over', 'under', 'since', 'during', 'after', 'before', 'including',
  'the', 'a', 'an', 'this', 'these', 'those', 'their', 'its', 'his', 'her', 'our', 'your', 'my', 'up', 'down',
  'between', 'among', 'near', 'about', 'around', 'against', 'while', 'when', 'where', 'if', 'so', 'not', 'also',
  'already', 'currently', 'now', 'still', 'then', 'ago', 'earlier', 'later', 'left', 'apiece', 'respectively',
  'more', 'less', 'fewer', 'only', 'just', 'there', 'here', 'it', 'they', 'we', 'he', 'she', 'being', 'been',
]);

interface NumberRead {
  value: number;
  /** Token index after the number (and its scale word). */
  next: number;
  vague?: [number, number];
  currency?: string;
}

/** Figures in `text`; spans are code points, shifted by `offset`. */
export function parseFigures(text: string, offset = 0): Figure[] {
  if (!MAY_HAVE_NUMBER.test(text)) return [];
  const tokens = tokenize(text);
  const toCp = utf16ToCodePointMapper(text);
  const figures: Figure[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!mayStartNumber(tokens, i)) {
      i++;
      continue;
    }
    const raw = readFigure(text, tokens, i);
    if (raw === null) {
      i++;
      continue;
    }
    const start = tokens[raw.start]!.start;
    const end = tokens[raw.end - 1]!.end;
    figures.push({
      text: text.slice(start, end),
      span: { start: offset + toCp(start), end: offset + toCp(end) },
      min: raw.min,
      max: raw.max,
      qualifier: raw.qualifier,
      counted: raw.counted,
    });
    i = raw.end;
  }
  return figures;
}

// A cheap gate before tokenizing: a digit, or a number word (ASCII, case-insensitive, no Unicode classes: fast).
const MAY_HAVE_NUMBER = /[0-9\u0660-\u0669]|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|hundreds|thousands|millions|several)\b/i;

/** Only digits and number words can start a figure: everything else is skipped without a closer look. */
function mayStartNumber(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  if (t.kind === 'num') return true;
  if (t.kind !== 'word') return false;
  const low = t.low;
  if (!NUMBER_WORD_START.has(low.charCodeAt(0))) return false;
  if (low === 'a') {
    const next = tokens[i + 1]?.low ?? '';
    return next === 'dozen' || SCALES[next] !== undefined;
  }
  return UNITS[low] !== undefined || SCALES[low] !== undefined || VAGUE_PLURALS[low] !== undefined || low === 'several' || low === 'dozen' || (low.includes('-') && hyphenated(low) !== undefined);
}

interface RawFigure {
  /** Token index of the first token (qualifier or number). */
  start: number;
  /** Token index after the last token. */
  end: number;
  min: number;
  max: number;
  qualifier: FigureQualifier;
  counted: string | null;
}

function readFigure(text: string, tokens: Token[], i: number): RawFigure | null {
  const first = readNumber(tokens, i);
  if (first === null || isExcludedNumber(text, tokens, i, first)) return null;

  // The currency sign belongs to the figure: "$1.3 billion".
  let start = first.currency !== undefined ? i - 1 : i;
  let qualifier: FigureQualifier | 'fewer' = first.vague ? 'several' : 'exact';
  let min = first.vague ? first.vague[0] : first.value;
  let max = first.vague ? first.vague[1] : first.value;
  let next = first.next;
  let currency = first.currency;

  // Range: "2,000 to 3,000", "2-3 thousand", "between 400 and 500".
  const between = tokens[i - 1]?.low === 'between';
  const connector = tokens[next];
  const isDash = connector !== undefined && (connector.text === '-' || connector.text === '–');
  if (!first.vague && connector && (connector.low === 'to' || isDash || (between && connector.low === 'and'))) {
    const second = readNumber(tokens, next + 1);
    if (second !== null && !second.vague) {
      // "2-3 thousand": a scale word after the second number applies to the first too.
      const ownScale = first.next > i + 1 || first.value !== Math.trunc(first.value) || /[a-z]$/i.test(tokens[i]!.text);
      const low = ownScale ? first.value : first.value * (second.value / numberBefore(tokens, second.next));
      if (second.value > low) {
        min = low;
        max = second.value;
        qualifier = 'range';
        next = second.next;
        currency ??= second.currency;
        if (between) start = Math.min(start, i - 1);
      } else if (isDash) {
        return null; // a score or an identifier: "121-118"
      }
    }
  }

  if (qualifier !== 'range') {
    const q = qualifierBefore(tokens, start);
    if (q !== null) {
      start = q.start;
      if (q.qualifier === 'several') {
        // "several thousand" = 3..9 thousand
        min = 3 * first.value;
        max = 9 * first.value;
      }
      qualifier = q.qualifier;
    }
  }
  if (qualifier === 'fewer') qualifier = 'up-to';
  if (qualifier === 'up-to') min = 0;

  // Percentages and money count themselves; otherwise the noun phrase that follows.
  let counted: string | null = currency ?? null;
  const unit = tokens[next];
  if (unit && (unit.text === '%' || unit.low === 'percent' || (unit.low === 'per' && tokens[next + 1]?.low === 'cent'))) {
    counted = 'percent';
    next += unit.low === 'per' ? 2 : 1;
  } else if (counted === null) {
    const phrase = countedPhrase(tokens, next);
    counted = phrase.text;
    next = phrase.end;
  }
  return { start, end: next, min, max, qualifier, counted };
}

/** The bare number of the token just before a scale word: for "3 thousand" ending at `end`, 3. */
function numberBefore(tokens: Token[], end: number): number {
  for (let j = end - 1; j >= 0 && j >= end - 3; j--) {
    const t = tokens[j]!;
    if (SCALES[t.low] !== undefined) continue;
    const digits = parseDigits(t.text);
    if (digits !== null) return digits.value || 1;
    const unit = UNITS[t.low];
    if (unit !== undefined) return unit || 1;
    break;
  }
  return 1;
}

function qualifierBefore(tokens: Token[], i: number): { start: number; qualifier: FigureQualifier | 'fewer' } | null {
  for (const [words, qualifier] of QUALIFIERS) {
    const start = i - words.length;
    if (start < 0) continue;
    if (words.every((w, k) => tokens[start + k]!.low === w)) return { start, qualifier };
  }
  return null;
}

function parseDigits(text: string): { value: number; glued: string } | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$/i.exec(text);
  if (!m) return null;
  const whole = Number(m[1]!.replace(/,/g, ''));
  return { value: m[2] ? Number(`${whole}.${m[2]}`) : whole, glued: m[3]!.toLowerCase() };
}

/** A number starting at token `i`: digits or words, with a scale word after it; null when none. */
function readNumber(tokens: Token[], i: number): NumberRead | null {
  const t = tokens[i];
  if (!t) return null;
  const prev = tokens[i - 1];
  const currency = prev && CURRENCY[prev.text] !== undefined && prev.end === t.start ? CURRENCY[prev.text] : undefined;

  if (t.kind === 'num') {
    const d = parseDigits(t.text);
    if (d === null) return null;
    let value = d.value;
    let next = i + 1;
    if (d.glued !== '') {
      const glued = GLUED_SCALE[d.glued];
      if (glued === undefined) return null; // 11th, 3rd, 1990s, 5G
      value *= glued;
    } else {
      const scale = SCALES[tokens[next]?.low ?? ''];
      if (scale !== undefined) {
        value *= scale;
        next++;
      }
    }
    return { value, next, currency };
  }
  if (t.kind !== 'word') return null;
  const low = t.low;
  if (!NUMBER_WORD_START.has(low.charCodeAt(0))) return null;
  const nextLow = tokens[i + 1]?.low ?? '';
  // "a dozen", "a thousand"
  if (low === 'a' && nextLow === 'dozen') return { value: 12, next: i + 2 };
  if (low === 'a' && SCALES[nextLow] !== undefined && nextLow !== 'bn') return readWords(tokens, i + 1, 1);
  // "dozens of", "hundreds of"
  const vague = VAGUE_PLURALS[low];
  if (vague !== undefined) return nextLow === 'of' ? { value: vague[0], next: i + 2, vague } : null;
  // "several soldiers" (but "several thousand" is read at the scale word)
  if (low === 'several') return SCALES[nextLow] !== undefined ? null : { value: 3, next: i + 1, vague: [3, 9] };
  if (SCALES[low] !== undefined) return prev?.low === 'several' ? readWords(tokens, i, 1) : null;
  return readWords(tokens, i, 0);
}

/** Number words from token `i`: "ten thousand", "twenty-five", "three hundred and fifty". */
function readWords(tokens: Token[], i: number, start: number): NumberRead | null {
  let total = 0;
  let current = start;
  let any = start > 0;
  let j = i;
  while (j < tokens.length) {
    const w = tokens[j]!.low;
    const unit = UNITS[w] ?? (w.includes('-') ? hyphenated(w) : undefined); // "twenty-five"
    if (unit !== undefined) {
      current += unit;
      any = true;
      j++;
      continue;
    }
    const scale = SCALES[w];
    if (scale !== undefined && any && w !== 'bn' && w !== 'mln' && w !== 'bln') {
      if (scale === 100) current = (current || 1) * 100;
      else {
        total += (current || 1) * scale;
        current = 0;
      }
      j++;
      continue;
    }
    // "three hundred and fifty"
    if (w === 'and' && any && UNITS[tokens[j + 1]?.low ?? ''] !== undefined && tokens[j - 1]?.low === 'hundred') {
      j++;
      continue;
    }
    break;
  }
  if (!any || j === i && start === 0) return null;
  return { value: total + current, next: j };
}

function hyphenated(word: string): number | undefined {
  let sum = 0;
  for (const part of word.split('-')) {
    const unit = UNITS[part];
    if (unit === undefined) return undefined;
    sum += unit;
  }
  return sum;
}

/** A capitalised month name (or abbreviation) at token `k`. */
function isMonth(tokens: Token[], k: number): boolean {
  const m = tokens[k];
  return m !== undefined && m.cap && MONTH_WORDS.has(m.low.endsWith('.') ? m.low.slice(0, -1) : m.low);
}

/** Dates, ordinals, years, times, ages, scores and compound modifiers are not counts. */
function isExcludedNumber(text: string, tokens: Token[], i: number, read: NumberRead): boolean {
  const t = tokens[i]!;
  const before = tokens[i - 1];
  const after = tokens[read.next];
  if (t.low === 'one') return true; // "no one", "one of": a pronoun far more often than a count
  if (t.kind === 'num') {
    if (t.text.includes(':')) return true; // 3:40
    if (/^\d{4}$/.test(t.text)) {
      const n = Number(t.text);
      // A year, unless a plural noun follows ("2000 troops").
      const pluralAfter = after !== undefined && after.kind === 'word' && /s$/.test(after.low) && !MONTH_WORDS.has(after.low);
      if (n >= 1800 && n <= 2100 && !pluralAfter) return true;
    }
    if (after && after.kind === 'word' && TIME_AFTER.has(after.low)) return true; // 11 p.m., 1015 GMT
    if (before && /^No$/.test(before.text) && tokens[i - 1]?.end === t.start - 2) return true; // No. 10
    // Part of a score or id whose first half was read already: "121-118".
    if (before && (before.text === '-' || before.text === '–') && before.end === t.start && tokens[i - 2]?.kind === 'num' && tokens[i - 2]!.end === before.start) return true;
    // An age in apposition: "Doyle, 74, was".
    if (before?.text === ',' && after?.text === ',' && tokens[i - 2]?.cap) return true;
  }
  // Next to a month name: "17 October", "October 17", "27-28 October", "Oct. 24, 2024".
  if (isMonth(tokens, read.next) || isMonth(tokens, i - 1)) return true;
  if ((tokens[read.next]?.text === '-' || tokens[read.next]?.text === '–') && tokens[read.next + 1]?.kind === 'num' && isMonth(tokens, read.next + 2)) return true;
  if (before?.text === '.' && isMonth(tokens, i - 2)) return true;
  if (before?.text === ',' && tokens[i - 2]?.kind === 'num' && (isMonth(tokens, i - 3) || (tokens[i - 3]?.text === '.' && isMonth(tokens, i - 4)))) return true;
  // Compound modifiers glued by a hyphen: "27-year-old", "3-pointer", "mid-2025".
  const hyphenAfter = tokens[read.next];
  if (hyphenAfter?.text === '-' && hyphenAfter.start === tokens[read.next - 1]!.end && tokens[read.next + 1]?.kind === 'word' && tokens[read.next + 1]!.start === hyphenAfter.end && SCALES[tokens[read.next + 1]!.low] === undefined) return true;
  if (before?.text === '-' && before.end === t.start && tokens[i - 2]?.kind === 'word' && tokens[i - 2]!.end === before.start) return true;
  void text;
  return false;
}

/** The counted thing after a number: "north korean soldiers", "motorised rifle regiments". */
function countedPhrase(tokens: Token[], from: number): { text: string | null; end: number } {
  const words: string[] = [];
  let j = from;
  while (j < tokens.length && words.length < 4) {
    const t = tokens[j]!;
    if (t.kind !== 'word') break;
    const low = t.low;
    if (COUNTED_STOP.has(low) || FINITE_VERBS.has(low)) break;
    // Capitalised words belong to the phrase only as nationality or place modifiers: "North Korean soldiers".
    if (t.cap && !NATIONALITY_WORDS.has(low) && !PLACE_WORDS.has(low) && !COMPASS.has(low)) break;
    // After the first word, an -ing/-ed word starts a clause: "formations using", "homes remained".
    if (words.length > 0 && /(?:ing|ed)$/.test(low) && !NATIONALITY_WORDS.has(low)) break;
    words.push(low);
    j++;
  }
  if (words.length === 0) return { text: null, end: from };
  return { text: words.join(' '), end: j };
}

const COMPASS = new Set(['north', 'south', 'east', 'west']);

/** What a figure is about: what happened to the people or things it counts. */
export type FigureAspect = 'deployed' | 'trained' | 'lost' | 'escaped' | 'captured';

/**
 * What a figure counts, whose they are and what it is about, read from the
 * text around it: "North Korea has sent 12,000 troops" counts troops, North
 * Korea's, deployed; "600 Russian troops have been killed or wounded" counts
 * troops, Russia's, lost. Figures are comparable only when these agree.
 */
export interface FigureFacets {
  /** The nationality or country the counted belong to, as written ("north korean", "dprk"); null when the text does not say. */
  whose: string | null;
  aspect: FigureAspect | null;
}

/** Cue word stems per aspect, most specific first: a figure of soldiers killed while deployed is about losses. */
const ASPECT_CUES: [FigureAspect, RegExp][] = [
  ['lost', /^(?:kill|wound|injur|dead|die[ds]?$|dying|casualt|loss|lost|perish|fatalit)/],
  ['escaped', /^(?:escap|desert|fled$|flee|defect|runaway|awol)/],
  ['captured', /^(?:captur|prisoner|surrender|detain)/],
  ['trained', /^(?:train|undergo|drill|prepar|instruct)/],
  ['deployed', /^(?:deploy|sent$|send|arriv|station|transferr?|dispatch|spotted|mov(?:ed|ing)$|fight|posted|involv)/],
];
/** Words read around a figure for its aspect: a few before (the verb of "has sent 12,000"), more after ("were deployed at …"). */
const ASPECT_BEFORE = 6;
const ASPECT_AFTER = 12;
/** Words looked back for the subject that owns the counted ("North Korea has sent 12,000 troops"). */
const WHOSE_BEFORE = 12;

const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'-]*/gu;

function isPlaceWord(word: string): boolean {
  const low = word.toLowerCase();
  return NATIONALITY_WORDS.has(low) || PLACE_WORDS.has(low);
}

/** A run of place words ending a list of words read backwards (nearest first), e.g. "North Korea"; compass words join it. */
function placeRun(words: string[], end: number): string | null {
  let start = end;
  while (start > 0 && (isPlaceWord(words[start - 1]!) || (COMPASS.has(words[start - 1]!.toLowerCase()) && start < end))) start--;
  if (start > 0 && COMPASS.has(words[start - 1]!.toLowerCase())) start--;
  return start < end ? words.slice(start, end).join(' ').toLowerCase() : null;
}

/** Whose: a nationality in the counted phrase; else "from/of <place>" after it; else the nearest place before it in its sentence. */
function whoseOf(counted: string | null, before: string[], after: string[]): string | null {
  const countedWords = counted?.split(' ') ?? [];
  for (let end = countedWords.length; end > 0; end--) if (isPlaceWord(countedWords[end - 1]!)) return placeRun(countedWords, end);
  const from = after.findIndex((w, i) => i < 4 && (w === 'from' || w === 'of'));
  if (from >= 0) {
    let i = from + 1;
    if (after[i] === 'the') i++;
    let end = i;
    while (end < after.length && end < i + 3 && (isPlaceWord(after[end]!) || COMPASS.has(after[end]!.toLowerCase()))) end++;
    if (end > i && isPlaceWord(after[end - 1]!)) return after.slice(i, end).join(' ').toLowerCase();
  }
  for (let end = before.length; end > Math.max(0, before.length - WHOSE_BEFORE); end--) {
    if (isPlaceWord(before[end - 1]!) && /^\p{Lu}/u.test(before[end - 1]!)) return placeRun(before, end);
  }
  return null;
}

function aspectOf(before: string[], after: string[]): FigureAspect | null {
  const window = [...before.slice(-ASPECT_BEFORE), ...after.slice(0, ASPECT_AFTER)].map((w) => w.toLowerCase());
  for (const [aspect, cue] of ASPECT_CUES) if (window.some((w) => cue.test(w))) return aspect;
  return null;
}

/** The words of `text` within its sentence, before and after [start, end). */
function sentenceWords(text: string, start: number, end: number): { before: string[]; after: string[] } {
  const sentenceStart = Math.max(text.lastIndexOf('. ', start) + 1, 0);
  const stop = text.indexOf('. ', end);
  const sentenceEnd = stop < 0 ? text.length : stop;
  return { before: text.slice(sentenceStart, start).match(WORD) ?? [], after: text.slice(end, sentenceEnd).match(WORD) ?? [] };
}

/** Facets of `figure` (its text as found in `text`; the first occurrence when no offset is given). */
export function figureFacets(text: string, figure: { text: string; counted: string | null }, at?: number): FigureFacets {
  const start = at ?? text.indexOf(figure.text);
  if (start < 0) return { whose: whoseOf(figure.counted, [], []), aspect: null };
  const { before, after } = sentenceWords(text, start, start + figure.text.length);
  return { whose: whoseOf(figure.counted, before, after), aspect: aspectOf(before, after) };
}
