/**
 * Normalised wording, for telling when two passages say the same thing:
 * case, punctuation, quote styles and British/American spelling are ignored.
 */
import { hash } from 'node:crypto';

/** British spellings news copy varies on, and the form kept; "-ise" verbs are handled in houseStyle. */
const HOUSE_STYLE = new Map([
  ['defence', 'defense'],
  ['centre', 'center'],
  ['frontline', 'front'],
]);
const ISE = /^(\w+)ise(d|s)?$/;
/** Text without any of these holds no word houseStyle changes. */
const MAY_NEED_HOUSE_STYLE = /ise|defence|centre|frontline/;

/** One word in the house style: "organised" → "organized", "defence" → "defense". */
function houseStyle(word: string): string {
  const styled = HOUSE_STYLE.get(word);
  if (styled !== undefined) return styled;
  return word.length > 3 && word.includes('ise') ? word.replace(ISE, '$1ize$2') : word;
}

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
/** Characters whose compatibility decomposition holds no letter or number: only these may skip NFKD. */
const NEEDS_NO_DECOMPOSITION = /^[\u0000-\u007f\u00a0\u2000-\u206f]*$/;

/** Lower-case words of the text (runs of letters and numbers), house-style spellings unified. */
export function normalisedWords(text: string): string[] {
  let lower = text.toLowerCase();
  if (!NEEDS_NO_DECOMPOSITION.test(lower)) lower = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const words = scanWords(lower);
  // Most sentences hold no word the house style changes: one test instead of a look-up per word.
  return MAY_NEED_HOUSE_STYLE.test(lower) ? words.map(houseStyle) : words;
}

/** A short key shared by passages that differ only in punctuation, case or spelling style. */
export function fingerprint(text: string): string {
  // crypto.hash: a one-shot digest, a third of createHash's cost on sentence-sized input.
  return hash('sha1', normalisedWords(text).join(' ')).slice(0, 16);
}

/** The runs of letters and numbers of lower-cased, decomposed text, by a scan of its characters. */
function scanWords(lower: string): string[] {
  const words: string[] = [];
  let start = -1;
  // A scan rather than /[\p{L}\p{N}]+/gu: twice as fast on news text, where nearly every character is ASCII.
  for (let i = 0; i < lower.length; i++) {
    const c = lower.charCodeAt(i);
    let isWord: boolean;
    let width = 1;
    if (c < 128) isWord = (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90); // A–Z: NFKD of 𝐀 is A
    else {
      const cp = lower.codePointAt(i)!;
      width = cp > 0xffff ? 2 : 1;
      isWord = LETTER_OR_NUMBER.test(String.fromCodePoint(cp));
    }
    if (isWord) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(lower.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) words.push(lower.slice(start));
  return words;
}

/**
 * Whether two word sets (normalisedWords) share at least `min` of their union (Jaccard), rejecting
 * early when the sizes alone rule it out. Callers keep the sets: building them is the costly part.
 */
export function jaccardAtLeast(a: Set<string>, b: Set<string>, min: number): boolean {
  if (a.size === 0 && b.size === 0) return 1 >= min;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size < min * large.size) return false;
  let shared = 0;
  for (const w of small) if (large.has(w)) shared++;
  return shared / (a.size + b.size - shared) >= min;
}
