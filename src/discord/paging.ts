/** Previous/Next clicks: the button's custom_id says which page of which query, even after a restart. */
import type { Db } from '../index/database.js';
import { getSavedQuery } from '../index/queries.js';
import type { PageRef } from '../render/discord.js';

/** The query a page button carries: inline (`q:`), or saved in the index under a hash (`h:`); null if gone. */
export function pageQuery(db: Db, ref: PageRef): string | null {
  if (ref.key.startsWith('q:')) return ref.key.slice(2);
  return getSavedQuery(db, ref.key)?.query ?? null;
}
