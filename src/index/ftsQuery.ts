/**
 * User text → a safe FTS5 query. Only letters and digits survive, and every
 * term is emitted as a quoted FTS5 string, so quotes, `*`, `NEAR(`, AND/OR/NOT,
 * `column:` filters and SQL fragments are searched as the plain words they are.
 */
import type { SynonymGroups } from './synonyms.js';

export const MAX_QUERY_TERMS = 12;

/**
 * Words a reporter types that do not narrow a search — function words and the
 * words of a question ("how many soldiers", "is it true that …") — dropped
 * unless the query has nothing else.
 */
const STOPWORDS = new Set(
  [
    'a an and are as at be been being but by can could did do does for from had has have he her his i if in into is it its me my of on or our she should so than that the their them then there these they this those to us was we were will with would you your',
    'about above after again against all also any because before below between both during each further here just more most nor not now off once only other out over own same since such too under until up very via while',
    // question words and the verbs and fillers of a question
    'how many much what whats which who whom whose why when where whether any anything some tell know show give find true really say said says claim claims about',
  ]
    .join(' ')
    .split(' '),
);

/** Related words for a query word (WordNet: synonyms, derivationally related forms), weaker than the word itself. */
export interface RelatedWords {
  related(word: string): string[];
}

export interface QueryTerm {
  /** The words as the user typed them (lower-case). */
  words: string[];
  /** Phrases searched for this term: the words themselves and their synonyms (db/synonyms.txt). */
  alternatives: string[][];
  /** Related words (WordNet) also searched, ranked below the alternatives. */
  related: string[][];
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

/** Whether a word is one a search does not require (a function word or a question word). */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

export function queryWords(text: string): string[] {
  return text.toLowerCase().normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Related words searched per term, at most: each one widens the FTS5 query. */
const MAX_RELATED = 8;

/** Splits a query into terms, joining multi-word synonyms ("north korea") into one term. */
export function parseQuery(text: string, synonyms: SynonymGroups, lexicon?: RelatedWords): ParsedQuery {
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
    const length = best?.length ?? 1;
    const termWords = words.slice(i, i + length);
    const alternatives = best?.group ?? [termWords];
    // A newsroom synonym group is the newsroom's word on what the term means: WordNet is not asked.
    terms.push({ words: termWords, alternatives, related: best ? [] : relatedPhrases(termWords, alternatives, lexicon) });
    i += length;
  }
  return { terms: terms.slice(0, MAX_QUERY_TERMS), truncated: terms.length > MAX_QUERY_TERMS };
}

/** Related words of a one-word term that are not already among its alternatives. */
function relatedPhrases(words: string[], alternatives: string[][], lexicon: RelatedWords | undefined): string[][] {
  if (lexicon === undefined || words.length !== 1) return [];
  const known = new Set(alternatives.map((a) => a.join(' ')));
  const out: string[][] = [];
  for (const phrase of lexicon.related(words[0]!)) {
    const split = queryWords(phrase);
    const key = split.join(' ');
    if (split.length === 0 || known.has(key) || alternatives.some((a) => a.length === 1 && sameWord(a[0]!, key))) continue;
    known.add(key);
    out.push(split);
    if (out.length === MAX_RELATED) break;
  }
  return out;
}

function quote(phrase: string[]): string {
  // Words hold only letters and digits, so there is no quote to escape; doubled anyway for safety.
  return `"${phrase.join(' ').replace(/"/g, '""')}"`;
}

/** One term as an FTS5 expression: any of its phrases (with its related words unless `exactOnly`). */
export function termMatch(term: QueryTerm, exactOnly = false): string {
  const phrases = exactOnly ? term.alternatives : [...term.alternatives, ...term.related];
  return phrases.length === 1 ? quote(phrases[0]!) : `(${phrases.map(quote).join(' OR ')})`;
}

/** The FTS5 MATCH expression: every term required, any of its alternatives accepted. Null when empty. */
export function toFtsMatch(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms.map((term) => termMatch(term)).join(' AND ');
}

/** The relaxed expression: any term. For queries whose words never meet in one sentence. */
export function toFtsAnyMatch(query: ParsedQuery): string | null {
  if (query.terms.length === 0) return null;
  return query.terms.map((term) => termMatch(term)).join(' OR ');
}
