/** What every answer needs: the open index and the search vocabulary. */
import type { Db } from '../index/database.js';
import type { RelatedWords } from '../index/ftsQuery.js';
import type { SynonymGroups } from '../index/synonyms.js';

export interface AnswerContext {
  db: Db;
  /** Newsroom synonyms (db/synonyms.txt): searched as the word itself. */
  synonyms: SynonymGroups;
  /** Related words from a lexicon (WordNet), searched below the word itself; none when absent. */
  lexicon?: RelatedWords;
}
