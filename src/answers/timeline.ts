/**
 * /timeline <topic>: dated statements on the topic in order, marking where the
 * picture changed — a stance that differs from the one before it, or a figure
 * for the same thing that differs from the last one given.
 */
import { comparableFigure, statementDate } from './analysis.js';
import { emptyQueryAnswer, rankedStatements, searchTopic } from './claims.js';
import type { AnswerContext } from './context.js';
import { byDate, statementItems } from './statementItems.js';
import { suggestForQuery } from './suggest.js';
import type { StatementView } from '../index/statements.js';
import type { SynonymGroups } from '../index/synonyms.js';
import type { Answer, AnswerItem } from './types.js';

const MAX_ENTRIES = 60;

/** Why the picture changed at `current`, given what came before; null when it did not. */
function changeAt(current: StatementView, earlier: StatementView[], synonyms: SynonymGroups): string | null {
  const lastStance = [...earlier].reverse().find((s) => s.stance !== 'asserts')?.stance;
  if (current.stance !== 'asserts' && lastStance !== undefined && lastStance !== current.stance) {
    return `picture changed: ${lastStance.replace('-', ' ')} → ${current.stance.replace('-', ' ')}`;
  }
  // Only figures that count the same thing, of the same people, about the same event (comparableFigure).
  for (const figure of current.figures) {
    const comparable = comparableFigure(current.content, figure, synonyms);
    if (comparable === null) continue;
    const previous = [...earlier]
      .reverse()
      .flatMap((s) => s.figures.map((f) => ({ f, key: comparableFigure(s.content, f, synonyms)?.key })))
      .find((p) => p.key === comparable.key)?.f;
    if (previous && (previous.min !== figure.min || previous.max !== figure.max)) return `picture changed: ${comparable.label} ${previous.text} → ${figure.text}`;
  }
  return null;
}

export function answerTimeline(ctx: AnswerContext, topic: string): Answer {
  const found = searchTopic(ctx, topic);
  if (found === null) return emptyQueryAnswer('timeline', 'Usage: /timeline <topic>, e.g. /timeline North Korean troops');
  const statements = rankedStatements(ctx, found.hits);
  const dated = statements.filter((s) => statementDate(s).date !== null).sort(byDate);
  const undated = statements.filter((s) => statementDate(s).date === null);
  const items: AnswerItem[] = [];
  const seen: StatementView[] = [];
  for (const item of statementItems(dated).slice(0, MAX_ENTRIES)) {
    const statement = dated.find((s) => s.citation.file === item.citations[0]!.file && s.citation.span.start === item.citations[0]!.span.start)!;
    const change = changeAt(statement, seen, ctx.synonyms);
    items.push(change ? { ...item, remark: [change, item.remark].filter(Boolean).join('; ') } : item);
    seen.push(statement);
  }
  const sections = [{ title: 'In date order', items }];
  if (undated.length > 0) sections.push({ title: 'Undated', items: statementItems(undated).slice(0, 10) });
  const empty = items.length === 0 && undated.length === 0;
  return {
    command: 'timeline',
    query: topic,
    title: `Timeline: ${topic.trim()}`,
    summary: `${[...found.lead, ''].join(' ')}Searched ${found.searched}. Each entry is dated by the event it reports when the text says, else by its article (≈ inferred).`,
    sections,
    notes: found.notes,
    suggestions: empty ? suggestForQuery(ctx, 'timeline', found.query) : [],
    empty,
  };
}
