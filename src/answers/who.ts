/**
 * /who <name>: the person the reporter means (any spelling, surname, small
 * typo), the roles the articles give, then every statement in date order —
 * repeats merged, position changes called out. Someone who never spoke on the
 * record gets the sentences that name them.
 */
import { parseQuery } from '../index/ftsQuery.js';
import { loadStatements } from '../index/statements.js';
import { positionChanges } from './analysis.js';
import { emptyQueryAnswer, topicSentences } from './claims.js';
import type { AnswerContext } from './context.js';
import { roleWords } from '../extract/entities.js';
import { PERSON_ROLE_NOUNS, PERSON_TITLE_WORDS } from '../extract/lexicon.js';
import type { PersonEntry } from '../index/statements.js';
import { matchPeople } from './people.js';
import { byDate, positionChangeRefs, statementItems } from './statementItems.js';
import { suggestForQuery } from './suggest.js';
import type { Answer } from './types.js';

const MAX_STATEMENTS = 200;
/** Matches scoring within this share of the best are as good an answer as the best. */
const AMBIGUOUS_WITHIN = 0.9;

/** Several people fit what was typed: list them, most-cited first, each with a command that names them fully. */
function answerWhoAmbiguous(name: string, people: PersonEntry[]): Answer {
  const sorted = [...people].sort((a, b) => b.statements - a.statements || a.canonical.localeCompare(b.canonical));
  return {
    command: 'who',
    query: name,
    title: `“${name.trim()}” fits ${sorted.length} people`,
    summary: 'More than one person on file fits this name or role. Most-cited first; ask again with the full name.',
    sections: [
      {
        title: 'People',
        items: [],
        lines: sorted.map((p) => `${p.canonical}: ${p.statements} statement${p.statements === 1 ? '' : 's'}${p.roles.length > 0 ? `; ${p.roles.slice(0, 2).join('; ')}` : ''}`),
      },
    ],
    notes: [],
    suggestions: sorted.slice(0, 5).map((p) => `/who ${p.canonical}`),
    empty: false,
  };
}

export function answerWho(ctx: AnswerContext, name: string): Answer {
  if (name.trim() === '' || parseQuery(name, ctx.synonyms).terms.length === 0) return emptyQueryAnswer('who', 'Usage: /who <name>, e.g. /who Rutte');
  const matches = matchPeople(ctx, name);
  const [best, ...others] = matches;
  if (!best || best.person.statements === 0) return answerWhoBySentences(ctx, name, matches);
  // Two people fit as well (a surname two people share, a role two hold): say so and list them, never pick one.
  const contenders = matches.filter((m) => m.person.statements > 0 && m.score >= best.score * AMBIGUOUS_WITHIN);
  if (contenders.length > 1 && !(best.score === 1 && contenders[1]!.score < 1)) return answerWhoAmbiguous(name, contenders.map((m) => m.person));
  const person = best.person;
  const statements = loadStatements(ctx.db, { personIds: [person.id], limit: MAX_STATEMENTS }).sort(byDate);
  const variants = person.aliases.filter((a) => a !== person.canonical && !person.roles.includes(a) && a.includes(' ') === false);
  const items = statementItems(statements);
  const notes: string[] = [];
  if (others.length > 0 && others[0]!.score >= best.score * 0.9) notes.push(`Also matching: ${others.slice(0, 3).map((o) => o.person.canonical).join(', ')}.`);
  return {
    command: 'who',
    query: name,
    title: person.canonical,
    summary: [
      person.roles.length > 0 ? `Roles: ${person.roles.join('; ')}.` : null,
      variants.length > 0 ? `Also written: ${variants.join(', ')}.` : null,
      `${items.length} statement${items.length === 1 ? '' : 's'} on file, in date order${items.length < statements.length ? ` (${statements.length} counting repeats in other articles)` : ''}.`,
    ]
      .filter(Boolean)
      .join(' '),
    sections: [{ title: 'Statements', items }],
    notes,
    changes: positionChangeRefs(positionChanges(statements)),
    suggestions: [],
    empty: false,
  };
}

/** Sentences that name someone who made no attributed statement; `matches` are the nearest people, for suggestions. */
function answerWhoBySentences(ctx: AnswerContext, name: string, matches: { person: { canonical: string } }[]): Answer {
  const found = topicSentences(ctx, name);
  if (found === null) return emptyQueryAnswer('who', 'Usage: /who <name>, e.g. /who Rutte');
  const roleLike = matches.length === 0 && roleWords(name).some((w) => PERSON_ROLE_NOUNS.has(w) || PERSON_TITLE_WORDS.has(w));
  const nobody = roleLike ? `No one on file holds a role matching “${name.trim()}”. ` : '';
  const answer: Answer = {
    command: 'who',
    query: name,
    title: `Who: ${name.trim()}`,
    summary: found.items.length > 0 ? `${nobody}No attributed statements from this name; sentences that mention it, best match first.` : nobody === '' ? undefined : nobody.trim(),
    sections: [{ title: 'Mentions', items: found.items }],
    notes: found.notes,
    suggestions: [],
    empty: found.items.length === 0,
  };
  if (answer.empty) {
    const near = matches.slice(0, 3).map((m) => `/who ${m.person.canonical}`);
    answer.suggestions = [...near, ...suggestForQuery(ctx, 'who', parseQuery(name, ctx.synonyms))].slice(0, 5);
  }
  return answer;
}
