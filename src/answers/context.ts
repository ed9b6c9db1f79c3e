/** What every answer needs: the open index and the search vocabulary. */
import type { Db } from '../index/database.js';
import type { SynonymGroups } from '../index/synonyms.js';

export interface AnswerContext {
  db: Db;
  synonyms: SynonymGroups;
}
