/**
 * /timeline <topic>: dated statements on the topic in order, marking where the
 * picture changed — a stance that differs from the one before it, or a figure
 * for the same thing that differs from the last one given.
 */
import { comparableFigure, statementDate } from './analysis.js';
import { emptyQueryAnswer, rankedStatements, searchTopic } from './claims.js';
import type { AnswerContext } from './context.js';
import { byDate, positionChangeRefs, statementItems } from './statementItems.js';
import { positionChanges } from './analysis.js';
import { matchPeople } from './people.js';
import { loadStatements, type PersonEntry } from '../index/statements.js';
import { suggestForQuery } from './suggest.js';
import type { StatementView } from '../index/statements.js';
import type { SynonymGroups } from '../index/synonyms.js';
import type { Answer, AnswerItem, AnswerSection } from './types.js';

const MAX_ENTRIES = 60;
const MAX_PERSON_STATEMENTS = 200;

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

/** Dated statements in order, each marked where the picture changed; undated ones after. */
function timelineSections(ctx: AnswerContext, statements: StatementView[]): AnswerSection[] {
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
  const sections: AnswerSection[] = [{ title: 'In date order', items }];
  if (undated.length > 0) sections.push({ title: 'Undated', items: statementItems(undated).slice(0, 10) });
  return sections;
}

const DATING = 'Each entry is dated by the event it reports when the text says, else by its article (≈ inferred).';
/** How sure the people index must be that a topic names a person (findPeople's 0..1 score). */
const PERSON_SCORE = 0.8;

/** The person a topic names, as /who resolves it, when that person made statements on file. */
function personTopic(ctx: AnswerContext, topic: string): PersonEntry | null {
  const best = matchPeople(ctx, topic, 1)[0];
  return best && best.score >= PERSON_SCORE && best.person.type === 'person' && best.person.statements > 0 ? best.person : null;
}

/** A person's timeline: their statements in order, with the position changes marked. */
function personTimeline(ctx: AnswerContext, topic: string, person: PersonEntry): Answer {
  const statements = loadStatements(ctx.db, { personIds: [person.id], limit: MAX_PERSON_STATEMENTS });
  return {
    command: 'timeline',
    query: topic,
    title: `Timeline: ${person.canonical}`,
    summary: `${person.canonical}'s statements in date order${person.roles[0] ? ` (${person.roles[0]})` : ''}. ${DATING}`,
    sections: timelineSections(ctx, statements),
    notes: [],
    changes: positionChangeRefs(positionChanges(statements)),
    suggestions: [],
    empty: statements.length === 0,
  };
}

export function answerTimeline(ctx: AnswerContext, topic: string): Answer {
  const person = personTopic(ctx, topic);
  if (person) return personTimeline(ctx, topic, person);
  const found = searchTopic(ctx, topic);
  if (found === null) return emptyQueryAnswer('timeline', 'Usage: /timeline <topic or person>, e.g. /timeline North Korean troops or /timeline Rutte');
  const sections = timelineSections(ctx, rankedStatements(ctx, found.hits));
  const empty = sections.every((s) => s.items.length === 0);
  return {
    command: 'timeline',
    query: topic,
    title: `Timeline: ${topic.trim()}`,
    summary: [...found.lead, `Searched ${found.searched}.`, DATING].join(' '),
    sections,
    notes: found.notes,
    suggestions: empty ? suggestForQuery(ctx, 'timeline', found.query) : [],
    empty,
  };
}
