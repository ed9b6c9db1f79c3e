/**
 * User text → a safe FTS5 query. Only letters and digits survive, and every
 * term is emitted as a quoted FTS5 string, so quotes, `*`, `NEAR(`, AND/OR/NOT,
 * `column:` filters and SQL fragments are searched as the plain words they are.
 */
import type { SynonymGroups } from './synonyms.js';

export const MAX_QUERY_TERMS = 12;

/** Words too common to narrow a search; dropped unless the query has nothing else. */
const STOPWORDS = new Set(
  'a an and are as at be but by did do does for from had has have he her his i in is it its of on or our she so than that the their them they this to was we were what when where which who will with would you'.split(' '),
);

export interface QueryTerm {
  /** The words as the user typed them (lower-case). */
  words: string[];
  /** Phrases searched for this term: the words themselves and their synonyms. */
  alternatives: string[][];
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** Set when the text had more words than are searched. */
  truncated: boolean;
}

/** A crude English stem, only to compare a query word with a synonym entry (troop ~ troops). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const strip = (w: string) => w.replace(/(es|s)$/, '');
  return a.length > 3 && b.length > 3 && strip(a) === strip(b);
}

function phraseAt(words: string[], at: number, phrase: string[]): boolean {
  return phrase.every((w, i) => words[at + i] !== undefined && sameWord(words[at + i]!, w));
}

export function queryWords(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Splits a query into terms, joining multi-word synonyms ("north korea") into one term. */
export function parseQuery(text: string, synonyms: SynonymGroups): ParsedQuery {
  const all = queryWords(text);
  const content = all.filter((w) => !STOPWORDS.has(w));
  const words = content.length > 0 ? content : all;
  const terms: QueryTerm[] = [];
  let i = 0;
  while (i < words.length) {
    let best: { group: string[][]; length: number } | null = null;
    for (const group of synonyms) {
      for (const phrase of group) {
        if (phrase.length > (best?.length ?? 0) && phraseAt(words, i, phrase)) best = { group, length: phrase.length };
      }
    }
    if (best) {
      terms.push({ words: words.slice(i, i + best.length), alternatives: best.group });
      i += best.length;
    } else {
      terms.push({ words: [words[i]!], alternatives: [[words[i]!]] });
      i++;
    }
  }
  return { terms: terms.slice(0, MAX_QUERY_TERMS), truncated: terms.length > MAX_QUERY_TERMS };
}

function quote(phrase: string[]): string {
  // Words hold only letters and digits, so there is no quote to escape; doubled anyway for safety.
  return `"${phrase.join(' ').replace(/"/g, '""')}"`;
}

/** The FTS5 MATCH expression: every term required, any of its alternatives accepted. Null when empty. */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms
    .map((term) => (term.alternatives.length === 1 ? quote(term.alternatives[0]!) : `(${term.alternatives.map(quote).join(' OR ')})`))
    .join(' AND ');
}
