/** What every answer needs: the open index, the search vocabulary, and caches tied to the index. */
import type { Db } from '../index/database.js';
import type { PersonEntry } from '../index/statements.js';
import type { SynonymGroups } from '../index/synonyms.js';

export interface AnswerContext {
  db: Db;
  synonyms: SynonymGroups;
  /** People loaded for fuzzy name lookups, reloaded when the people table changes. */
  people?: { version: string; entries: PersonEntry[] };
}
