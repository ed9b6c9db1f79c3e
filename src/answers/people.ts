/** Finding the person a reporter means: any spelling variant, a surname alone, a small typo, a role. */
import { findPeople } from '../extract/people.js';
import type { PersonRecord } from '../extract/types.js';
import { loadPeopleIndex, peopleVersion, type PersonEntry } from '../index/statements.js';
import type { AnswerContext } from './context.js';

export function peopleOf(ctx: AnswerContext): PersonEntry[] {
  const version = peopleVersion(ctx.db);
  if (ctx.people?.version !== version) ctx.people = { version, entries: loadPeopleIndex(ctx.db) };
  return ctx.people.entries;
}

/** The best matches for `name`, best first, with their index ids. */
export function matchPeople(ctx: AnswerContext, name: string, limit = 5): { person: PersonEntry; score: number }[] {
  const entries = peopleOf(ctx);
  const records = new Map<PersonRecord, PersonEntry>(
    entries.map((e) => [{ canonical: e.canonical, type: e.type, aliases: e.aliases, roles: e.roles }, e]),
  );
  return findPeople(name, [...records.keys()], limit).map((m) => ({ person: records.get(m.person)!, score: m.score }));
}
