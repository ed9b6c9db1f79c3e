/**
 * /claims <topic>: what the articles say on a topic. Attributed statements
 * grouped by stance (with speaker and date), then unattributed reports, then
 * other matching sentences; a "figures differ" block when statements give
 * different figures for the same thing. Everything verbatim and cited; a
 * passage repeated across articles appears once with all its citations.
 */
import { parseQuery, queryWords, termMatch, toFtsAnyMatch, toFtsMatch, type ParsedQuery } from '../index/ftsQuery.js';
import { articlesById, matchesAny, searchSentences, type SentenceHit } from '../index/queries.js';
import { statementsInSentences, type StatementView } from '../index/statements.js';
import { citationFor, itemFromGroup, mergeRepeats } from './citations.js';
import type { AnswerContext } from './context.js';
import { figuresSection, statementItems } from './statementItems.js';
import { clearCorrection, suggestForQuery } from './suggest.js';
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
  /** Said before anything else: the query was corrected, or relaxed. */
  lead: string[];
}

/** A match only through a related word (WordNet) counts this much of an exact match (bm25 scores are negative: lower is better). */
const RELATED_WEIGHT = 0.5;
/** Sentences ranked when a query is relaxed: its words are then counted in each. */
const RELAXED_CONSIDERED = 400;

function describeSearch(query: ParsedQuery): string {
  return query.terms
    .map((t) => {
      const others = t.alternatives.map((a) => a.join(' ')).filter((a) => a !== t.words.join(' '));
      const related = t.related.map((a) => a.join(' '));
      return [t.words.join(' '), others.length > 0 ? ` (~ ${others.join(', ')})` : '', related.length > 0 ? ` (related: ${related.join(', ')})` : ''].join('');
    })
    .join(' + ');
}

/** A crude English stem, enough to tell which query terms a matched sentence holds (FTS5's porter stemmer found it). */
function roughStem(word: string): string {
  return word.length <= 4 ? word : word.replace(/(?:ies|es|s|ed|ing|’s|'s)$/, '');
}

function holdsPhrase(words: string[], phrase: string[]): boolean {
  const stems = phrase.map(roughStem);
  for (let i = 0; i + stems.length <= words.length; i++) if (stems.every((s, k) => words[i + k] === s)) return true;
  return false;
}

/** For each term, the hits that hold it (`exactOnly`: not counting its related words). Read from the hits' text, not another query. */
function termsHeld(query: ParsedQuery, hits: SentenceHit[], exactOnly: boolean): Set<number>[] {
  const words = new Map(hits.map((h) => [h.id, queryWords(h.text).map(roughStem)]));
  return query.terms.map((term) => {
    const phrases = exactOnly ? term.alternatives : [...term.alternatives, ...term.related];
    return new Set(hits.filter((h) => phrases.some((p) => holdsPhrase(words.get(h.id)!, p))).map((h) => h.id));
  });
}

/** Hits that hold a term only through a related word rank below those that hold the word itself. */
function weighRelated(query: ParsedQuery, hits: SentenceHit[]): SentenceHit[] {
  const withRelated = query.terms.some((t) => t.related.length > 0);
  if (!withRelated || hits.length === 0) return hits;
  const exact = termsHeld({ ...query, terms: query.terms.filter((t) => t.related.length > 0) }, hits, true);
  return hits
    .map((h) => ({ ...h, score: exact.every((ids) => ids.has(h.id)) ? h.score : h.score * RELATED_WEIGHT }))
    .sort((a, b) => a.score - b.score || b.id - a.id);
}

/** Every term required. */
function strictSearch(ctx: AnswerContext, query: ParsedQuery): { hits: SentenceHit[]; capped: boolean } {
  const { hits, capped } = searchSentences(ctx.db, toFtsMatch(query)!, HITS_CONSIDERED);
  return { hits: weighRelated(query, hits), capped };
}

/**
 * Any term, ranked by how many of the terms a sentence holds, then by how rare
 * those are among the candidates, then by bm25: the best sentences holding
 * most of the words (at least `need` of them).
 */
export function relaxedSearch(ctx: AnswerContext, query: ParsedQuery, need: number): { hits: SentenceHit[]; capped: boolean; held: Map<number, number> } {
  const { hits, capped } = searchSentences(ctx.db, toFtsAnyMatch(query)!, RELAXED_CONSIDERED);
  const perTerm = termsHeld(query, hits, false);
  const held = new Map(hits.map((h) => [h.id, perTerm.filter((ids) => ids.has(h.id)).length]));
  // A rare word held says more than a common one: each term weighs log(candidates / candidates holding it).
  const weights = perTerm.map((ids) => Math.log((hits.length + 1) / (ids.size + 1)));
  const weight = new Map(hits.map((h) => [h.id, perTerm.reduce((sum, ids, i) => sum + (ids.has(h.id) ? weights[i]! : 0), 0)]));
  const ranked = weighRelated(query, hits)
    .filter((h) => held.get(h.id)! >= need)
    .sort((a, b) => held.get(b.id)! - held.get(a.id)! || weight.get(b.id)! - weight.get(a.id)! || a.score - b.score || b.id - a.id)
    .slice(0, HITS_CONSIDERED);
  return { hits: ranked, capped, held };
}

/** The query with each word the index does not hold replaced by its one clear correction; null when a word has none. */
function correctedQuery(ctx: AnswerContext, query: ParsedQuery): string | null {
  let changed = false;
  const words: string[] = [];
  for (const term of query.terms) {
    if (matchesAny(ctx.db, termMatch(term))) {
      words.push(...term.words);
      continue;
    }
    const fixed = term.words.length === 1 ? clearCorrection(ctx, term.words[0]!) : null;
    if (fixed === null) return null;
    words.push(fixed);
    changed = true;
  }
  return changed ? words.join(' ') : null;
}

/**
 * Runs the topic search; null when the text holds no searchable word. Plain
 * words: question and function words are not required; unless `plainWords` is
 * false, a misspelt word with one clear correction is corrected (and the
 * answer says so), and words that never meet in one sentence fall back to the
 * sentences holding most of them.
 */
export function searchTopic(ctx: AnswerContext, topic: string, options: { plainWords?: boolean } = {}): TopicMatch | null {
  const plainWords = options.plainWords ?? true;
  let query = parseQuery(topic, ctx.synonyms, ctx.lexicon);
  if (query.terms.length === 0) return null;
  const lead: string[] = [];
  let found = strictSearch(ctx, query);
  if (found.hits.length === 0 && plainWords) {
    const corrected = correctedQuery(ctx, query);
    if (corrected !== null) {
      const retry = parseQuery(corrected, ctx.synonyms, ctx.lexicon);
      const again = strictSearch(ctx, retry);
      if (again.hits.length > 0 || retry.terms.length > 1) {
        query = retry;
        found = again;
        lead.push(`Showing results for ${corrected}.`);
      }
    }
  }
  if (found.hits.length === 0 && plainWords && query.terms.length > 1) {
    const relaxed = relaxedSearch(ctx, query, Math.ceil(query.terms.length / 2));
    if (relaxed.hits.length > 0) {
      found = relaxed;
      lead.push(`No sentence holds all of ${query.terms.map((t) => t.words.join(' ')).join(' + ')}: showing the sentences that hold most of them, those holding more first.`);
    }
  }
  const notes = query.truncated ? [`Only the first ${query.terms.length} words of the query were searched.`] : [];
  return { query, hits: found.hits, capped: found.capped, searched: describeSearch(query), notes, lead };
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
  // A name is not corrected to another word: /who suggests the people it might be instead.
  const found = searchTopic(ctx, topic, { plainWords: false });
  return found && { items: sentenceItems(ctx, found.hits), notes: found.notes };
}

function overlaps(s: StatementView, h: SentenceHit): boolean {
  return h.articleId === s.articleId && s.citation.span.start < h.end && s.citation.span.end > h.start;
}

/** Statements in the matched sentences, in the order of their best sentence's rank, with the most query terms any of them holds. */
export function statementsOfHits(ctx: AnswerContext, hits: SentenceHit[], held?: Map<number, number>): { statement: StatementView; held: number }[] {
  const rank = new Map(hits.map((h, i) => [h.id, i]));
  const statements = statementsInSentences(ctx.db, hits.map((h) => h.id));
  return statements
    .map((s) => {
      const own = hits.filter((h) => overlaps(s, h));
      return { statement: s, r: Math.min(...own.map((h) => rank.get(h.id)!)), held: Math.max(0, ...own.map((h) => held?.get(h.id) ?? 0)) };
    })
    .sort((a, b) => a.r - b.r)
    .map(({ statement, held: n }) => ({ statement, held: n }));
}

/** Statements in the matched sentences, in the order of their sentence's rank. */
export function rankedStatements(ctx: AnswerContext, hits: SentenceHit[]): StatementView[] {
  return statementsOfHits(ctx, hits).map((x) => x.statement);
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
    summary: [
      ...found.lead,
      empty ? `Searched ${found.searched}.` : `Searched ${found.searched}. ${found.capped ? 'A very common topic: the newest 2,000 matching sentences were ranked.' : 'Best match first within each group.'}`,
    ].join(' '),
    sections,
    notes: found.notes,
    suggestions: empty ? suggestForQuery(ctx, 'claims', found.query) : [],
    empty,
  };
}
