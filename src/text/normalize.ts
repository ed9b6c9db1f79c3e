/**
 * Normalised wording, for telling when two passages say the same thing:
 * case, punctuation, quote styles and British/American spelling are ignored.
 */
import { createHash } from 'node:crypto';

/** Spelling pairs that differ only by house style; the first is the form kept. */
const HOUSE_STYLE: [RegExp, string][] = [
  [/\bdefence\b/g, 'defense'],
  [/\bcentre\b/g, 'center'],
  [/\b(\w+)ise(d|s)?\b/g, '$1ize$2'],
  [/\bfrontline\b/g, 'front'],
];

/** Lower-case words of the text, house-style spellings unified. */
export function normalisedWords(text: string): string[] {
  let lower = text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  for (const [pattern, replacement] of HOUSE_STYLE) lower = lower.replace(pattern, replacement);
  return lower.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A short key shared by passages that differ only in punctuation, case or spelling style. */
export function fingerprint(text: string): string {
  return createHash('sha1').update(normalisedWords(text).join(' ')).digest('hex').slice(0, 16);
}

/** Jaccard similarity of the two texts' word sets: 1 for the same words, 0 for none shared. */
export function wordSimilarity(a: string, b: string): number {
  const setA = new Set(normalisedWords(a));
  const setB = new Set(normalisedWords(b));
  if (setA.size === 0 && setB.size === 0) return 1;
  let shared = 0;
  for (const w of setA) if (setB.has(w)) shared++;
  return shared / (setA.size + setB.size - shared);
}
