/**
 * /claims <topic>: what the articles say on a topic. Attributed statements
 * grouped by stance (with speaker and date), then unattributed reports, then
 * other matching sentences; a "figures differ" block when statements give
 * different figures for the same thing. Everything verbatim and cited; a
 * passage repeated across articles appears once with all its citations.
 */
import { parseQuery, toFtsMatch, type ParsedQuery } from '../index/ftsQuery.js';
import { articlesById, searchSentences, type SentenceHit } from '../index/queries.js';
import { statementsInSentences, type StatementView } from '../index/statements.js';
import { citationFor, itemFromGroup, mergeRepeats } from './citations.js';
import type { AnswerContext } from './context.js';
import { figuresSection, statementItems } from './statementItems.js';
import { suggestForQuery } from './suggest.js';
import type { Answer, AnswerItem, AnswerSection } from './types.js';

/** Items kept per section after merging repeats: enough for several pages, bounded for speed. */
export const MAX_ITEMS = 30;
/** Best-ranked sentences considered for an answer. */
const HITS_CONSIDERED = 120;

export function emptyQueryAnswer(command: Answer['command'], usage: string): Answer {
  return { command, query: '', title: `/${command}: what should I look for?`, sections: [], notes: [usage], suggestions: [], empty: true };
}

export interface TopicMatch {
  query: ParsedQuery;
  hits: SentenceHit[];
  capped: boolean;
  /** "troops (~ soldiers, …) + russia": what was searched, for the summary line. */
  searched: string;
  notes: string[];
}

/** Runs the topic search; null when the text holds no searchable word. */
export function searchTopic(ctx: AnswerContext, topic: string): TopicMatch | null {
  const query = parseQuery(topic, ctx.synonyms);
  const match = toFtsMatch(query);
  if (match === null) return null;
  const { hits, capped } = searchSentences(ctx.db, match, HITS_CONSIDERED);
  const searched = query.terms
    .map((t) => {
      const others = t.alternatives.map((a) => a.join(' ')).filter((a) => a !== t.words.join(' '));
      return others.length > 0 ? `${t.words.join(' ')} (~ ${others.join(', ')})` : t.words.join(' ');
    })
    .join(' + ');
  const notes = query.truncated ? [`Only the first ${query.terms.length} words of the query were searched.`] : [];
  return { query, hits, capped, searched, notes };
}

export function sentenceItems(ctx: AnswerContext, hits: SentenceHit[]): AnswerItem[] {
  const articles = articlesById(ctx.db, hits.map((h) => h.articleId));
  const candidates = hits.map((h) => ({
    text: h.text,
    fingerprint: h.fingerprint,
    citation: citationFor(articles.get(h.articleId)!, h.paragraphIndex, { start: h.start, end: h.end }),
  }));
  return mergeRepeats(candidates).slice(0, MAX_ITEMS).map(itemFromGroup);
}

/** Sentences on a topic as items (used by /who for names that made no statement). */
export function topicSentences(ctx: AnswerContext, topic: string): { items: AnswerItem[]; notes: string[] } | null {
  const found = searchTopic(ctx, topic);
  return found && { items: sentenceItems(ctx, found.hits), notes: found.notes };
}

function overlaps(s: StatementView, h: SentenceHit): boolean {
  return h.articleId === s.articleId && s.citation.span.start < h.end && s.citation.span.end > h.start;
}

/** Statements in the matched sentences, in the order of their sentence's rank. */
export function rankedStatements(ctx: AnswerContext, hits: SentenceHit[]): StatementView[] {
  const rank = new Map(hits.map((h, i) => [h.id, i]));
  const statements = statementsInSentences(ctx.db, hits.map((h) => h.id));
  const sentenceRank = (s: StatementView) => Math.min(...hits.filter((h) => overlaps(s, h)).map((h) => rank.get(h.id)!));
  return statements.map((s) => ({ s, r: sentenceRank(s) })).sort((a, b) => a.r - b.r).map((x) => x.s);
}

const STANCE_SECTIONS: { stance: StatementView['stance']; title: string }[] = [
  { stance: 'confirms', title: 'Confirms' },
  { stance: 'cannot-confirm', title: 'Cannot confirm' },
  { stance: 'denies', title: 'Denies' },
  { stance: 'asserts', title: 'Asserts' },
];

export function answerClaims(ctx: AnswerContext, topic: string): Answer {
  const found = searchTopic(ctx, topic);
  if (found === null) return emptyQueryAnswer('claims', 'Usage: /claims <topic>, e.g. /claims troops');
  const statements = rankedStatements(ctx, found.hits);
  const attributed = statements.filter((s) => s.speaker !== null);
  const sections: AnswerSection[] = [];
  const figures = figuresSection(statements, ctx.synonyms);
  if (figures) sections.push(figures);
  for (const { stance, title } of STANCE_SECTIONS) {
    const items = statementItems(attributed.filter((s) => s.stance === stance)).slice(0, MAX_ITEMS);
    if (items.length > 0) sections.push({ title, items });
  }
  const unattributed = statementItems(statements.filter((s) => s.speaker === null)).slice(0, MAX_ITEMS);
  if (unattributed.length > 0) sections.push({ title: 'Unattributed reports', items: unattributed });
  const others = sentenceItems(ctx, found.hits.filter((h) => !statements.some((s) => overlaps(s, h))));
  if (others.length > 0) sections.push({ title: statements.length > 0 ? 'Other matching sentences' : 'Matching sentences', items: others });
  const empty = sections.length === 0;
  return {
    command: 'claims',
    query: topic,
    title: `Claims: ${topic.trim()}`,
    summary: empty ? `Searched ${found.searched}.` : `Searched ${found.searched}. ${found.capped ? 'A very common topic: the newest 2,000 matching sentences were ranked.' : 'Best match first within each group.'}`,
    sections,
    notes: found.notes,
    suggestions: empty ? suggestForQuery(ctx, 'claims', found.query) : [],
    empty,
  };
}
