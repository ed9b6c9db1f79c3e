/** Finding the person a reporter means: any spelling variant, a surname alone, a small typo, a role. */
import { findPeople } from '../extract/people.js';
import type { PersonRecord } from '../extract/types.js';
import { loadPeopleIndex, peopleVersion, type PersonEntry } from '../index/statements.js';
import type { AnswerContext } from './context.js';

interface PeopleCache {
  version: string;
  entries: PersonEntry[];
  /** The same people as records, one stable array per version: findPeople indexes it once (its cache is keyed by the array). */
  records: PersonRecord[];
  entryOf: Map<PersonRecord, PersonEntry>;
}

const caches = new WeakMap<AnswerContext, PeopleCache>();

function peopleCache(ctx: AnswerContext): PeopleCache {
  const version = peopleVersion(ctx.db);
  let cache = caches.get(ctx);
  if (cache?.version !== version) {
    const entries = loadPeopleIndex(ctx.db);
    const entryOf = new Map<PersonRecord, PersonEntry>(entries.map((e) => [{ canonical: e.canonical, type: e.type, aliases: e.aliases, roles: e.roles }, e]));
    cache = { version, entries, records: [...entryOf.keys()], entryOf };
    caches.set(ctx, cache);
  }
  return cache;
}

/** The best matches for `name`, best first, with their index ids. */
export function matchPeople(ctx: AnswerContext, name: string, limit = 5): { person: PersonEntry; score: number }[] {
  const cache = peopleCache(ctx);
  return findPeople(name, cache.records, limit).map((m) => ({ person: cache.entryOf.get(m.person)!, score: m.score }));
}
