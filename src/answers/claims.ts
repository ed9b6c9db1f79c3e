/**
 * /claims <topic>: the sentences on a topic, best first, verbatim and cited;
 * a passage repeated across articles appears once with all its citations.
 */
import { parseQuery, toFtsMatch } from '../index/ftsQuery.js';
import { articlesById, searchSentences } from '../index/queries.js';
import { citationFor, itemFromGroup, mergeRepeats } from './citations.js';
import type { AnswerContext } from './context.js';
import { suggestForQuery } from './suggest.js';
import type { Answer, AnswerItem } from './types.js';

/** Items kept after merging repeats: enough for several pages, bounded for speed. */
export const MAX_ITEMS = 30;
const HITS_CONSIDERED = 90;

export function emptyQueryAnswer(command: Answer['command'], usage: string): Answer {
  return { command, query: '', title: `/${command}: what should I look for?`, sections: [], notes: [usage], suggestions: [], empty: true };
}

export function topicSentences(ctx: AnswerContext, topic: string): { items: AnswerItem[]; searched: string; capped: boolean; notes: string[] } | null {
  const parsed = parseQuery(topic, ctx.synonyms);
  const match = toFtsMatch(parsed);
  if (match === null) return null;
  const { hits, capped } = searchSentences(ctx.db, match, HITS_CONSIDERED);
  const articles = articlesById(ctx.db, hits.map((h) => h.articleId));
  const candidates = hits.map((h) => ({
    text: h.text,
    fingerprint: h.fingerprint,
    citation: citationFor(articles.get(h.articleId)!, h.paragraphIndex, { start: h.start, end: h.end }),
  }));
  const items = mergeRepeats(candidates).slice(0, MAX_ITEMS).map(itemFromGroup);
  const searched = parsed.terms.map((t) => (t.alternatives.length > 1 ? `${t.words.join(' ')} (~ ${t.alternatives.filter((a) => a.join(' ') !== t.words.join(' ')).map((a) => a.join(' ')).join(', ')})` : t.words.join(' '))).join(' + ');
  const notes = parsed.truncated ? [`Only the first ${parsed.terms.length} words of the query were searched.`] : [];
  return { items, searched, capped, notes };
}

export function answerClaims(ctx: AnswerContext, topic: string): Answer {
  const found = topicSentences(ctx, topic);
  if (found === null) return emptyQueryAnswer('claims', 'Usage: /claims <topic>, e.g. /claims troops');
  const answer: Answer = {
    command: 'claims',
    query: topic,
    title: `Claims: ${topic.trim()}`,
    summary: `Searched ${found.searched}. ${found.capped ? 'Very common topic: the newest 2,000 matching sentences were ranked.' : 'Best match first.'}`,
    sections: [{ title: 'Matching sentences', items: found.items }],
    notes: found.notes,
    suggestions: [],
    empty: found.items.length === 0,
  };
  if (answer.empty) answer.suggestions = suggestForQuery(ctx, 'claims', parseQuery(topic, ctx.synonyms));
  return answer;
}
