/**
 * Reads one window's material from the index and composes it: the one place
 * the scheduler, `/digest preview` and `npm run digest` build a digest, so the
 * three always agree.
 */
import type { Db } from '../index/database.js';
import { loadStatements } from '../index/statements.js';
import type { SynonymGroups } from '../index/synonyms.js';
import { composeDigest, type Digest } from './compose.js';
import { SECTION_KINDS, type SectionKind, type WhenEmpty } from './config.js';
import { renderDigestParts } from './render.js';
import { articlesIngested, postedItemKeys, statementCounts, type DigestPart } from './store.js';

export interface BuildOptions {
  /** Ledger scope: a guild id, or "cli" for the terminal. */
  scope: string;
  /** ISO tick (end of the window, inclusive). */
  tick: string;
  /** ISO start (exclusive), or null from the beginning. */
  start: string | null;
  timeZone: string;
  sections?: readonly SectionKind[];
  whenEmpty?: WhenEmpty;
  /** At most this many messages (the rest counted, pointing to /digest preview); unlimited when absent. */
  maxMessages?: number;
  synonyms?: SynonymGroups;
  ticksCovered?: number;
}

export interface BuiltDigest {
  digest: Digest;
  parts: DigestPart[];
}

const ALL = 1_000_000;

export function buildDigest(db: Db, options: BuildOptions): BuiltDigest {
  const articles = articlesIngested(db, options.start, options.tick);
  const articleIds = new Set(articles.map((a) => a.id));
  const allStatements = articles.length === 0 ? [] : loadStatements(db, { limit: ALL });
  const digest = composeDigest(
    {
      articles,
      newStatements: allStatements.filter((s) => articleIds.has(s.articleId)),
      allStatements,
      people: statementCounts(db),
      synonyms: options.synonyms ?? [],
    },
    {
      tick: options.tick,
      start: options.start,
      timeZone: options.timeZone,
      sections: options.sections ?? SECTION_KINDS,
      posted: postedItemKeys(db, options.scope),
      ticksCovered: options.ticksCovered,
    },
  );
  return { digest, parts: renderDigestParts(digest, { whenEmpty: options.whenEmpty ?? 'line', maxMessages: options.maxMessages }) };
}
