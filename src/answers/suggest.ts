/**
 * When nothing matches: say so, and offer what is in the index nearby —
 * words spelt like the query's, or the query with fewer words.
 */
import { matchesAny, sentenceWithTerm, vocabularyStartingWith } from '../index/queries.js';
import type { ParsedQuery } from '../index/ftsQuery.js';
import { editDistance } from '../text/similarity.js';
import type { AnswerContext } from './context.js';

/** The word as written in a sentence that holds the stem `term`. */
function surfaceForm(ctx: AnswerContext, term: string): string {
  const text = sentenceWithTerm(ctx.db, term);
  const stem = term.slice(0, Math.max(3, term.length - 1));
  const word = text?.match(/[\p{L}\p{N}]+/gu)?.find((w) => w.toLowerCase().startsWith(stem));
  return word?.toLowerCase() ?? term;
}

/** Indexed terms within two edits of `word`, nearest then most common first. */
function nearTerms(ctx: AnswerContext, word: string): { term: string; documents: number; distance: number }[] {
  if (word.length < 3) return [];
  const candidates = vocabularyStartingWith(ctx.db, word.slice(0, 1), 5000);
  const maxEdits = word.length <= 4 ? 1 : 2;
  return candidates
    .filter((c) => c.term !== word && Math.abs(c.term.length - word.length) <= maxEdits + 2)
    .map((c) => ({ ...c, distance: editDistance(word, c.term.slice(0, word.length + 2), maxEdits) }))
    .filter((c) => c.distance <= maxEdits)
    .sort((a, b) => a.distance - b.distance || b.documents - a.documents);
}

/** Indexed words within two edits of `word`, most common first. */
export function similarWords(ctx: AnswerContext, word: string, limit = 3): string[] {
  return nearTerms(ctx, word)
    .slice(0, limit)
    .map((c) => surfaceForm(ctx, c.term));
}

/** How much more common the nearest word must be than the next-nearest for the correction to be clear. */
const CLEAR_MARGIN = 5;

/**
 * The one clear correction of a word the index does not hold: the only word at
 * the smallest distance, or one far more common than the others there. Null
 * when there is none, or several equally likely.
 */
export function clearCorrection(ctx: AnswerContext, word: string): string | null {
  const [best, next] = nearTerms(ctx, word);
  if (!best) return null;
  const clear = !next || next.distance > best.distance || best.documents >= CLEAR_MARGIN * next.documents;
  return clear ? surfaceForm(ctx, best.term) : null;
}

/** Suggestions for a query that matched nothing: fewer words, then nearby spellings. */
export function suggestForQuery(ctx: AnswerContext, command: string, query: ParsedQuery): string[] {
  const suggestions: string[] = [];
  const matching = query.terms.filter((t) => matchesAny(ctx.db, t.alternatives.map((a) => `"${a.join(' ')}"`).join(' OR ')));
  if (matching.length > 0 && matching.length < query.terms.length) {
    suggestions.push(`/${command} ${matching.map((t) => t.words.join(' ')).join(' ')}`);
  }
  for (const term of query.terms) {
    if (matching.includes(term)) continue;
    for (const word of term.words) {
      for (const similar of similarWords(ctx, word)) suggestions.push(`/${command} ${similar}`);
    }
  }
  return [...new Set(suggestions)].slice(0, 5);
}

