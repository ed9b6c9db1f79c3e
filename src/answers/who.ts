/**
 * /who <name>: what the articles have from a person or organisation. The
 * sentences that name them, best first (the attribution engine adds the
 * statements they made, with stance and figures, when people are indexed).
 */
import { topicSentences, emptyQueryAnswer } from './claims.js';
import type { AnswerContext } from './context.js';
import { suggestForQuery } from './suggest.js';
import { parseQuery } from '../index/ftsQuery.js';
import type { Answer } from './types.js';

export function answerWhoBySentences(ctx: AnswerContext, name: string): Answer {
  const found = topicSentences(ctx, `"${name}"`);
  if (found === null) return emptyQueryAnswer('who', 'Usage: /who <name>, e.g. /who Rutte');
  const answer: Answer = {
    command: 'who',
    query: name,
    title: `Who: ${name.trim()}`,
    summary: 'Sentences that name them, best match first.',
    sections: [{ title: 'Mentions', items: found.items }],
    notes: found.notes,
    suggestions: [],
    empty: found.items.length === 0,
  };
  if (answer.empty) answer.suggestions = suggestForQuery(ctx, 'who', parseQuery(name, ctx.synonyms));
  return answer;
}
