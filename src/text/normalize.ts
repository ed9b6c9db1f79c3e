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
