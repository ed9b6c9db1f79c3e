/**
 * Managing the polled sources, for the terminal and Discord alike: check a URL before it is
 * kept (http/https, not a private address), add, remove, list.
 */
import type { Db } from '../index/database.js';
import { addSource, listSources, removeSource, sourceByUrl, type SourceRow } from '../index/sources.js';
import type { AllowList } from '../sources/addresses.js';
import { checkUrl, FetchError } from '../sources/fetch.js';

export type SourceChange = { ok: true; source: SourceRow; changed: boolean; message: string } | { ok: false; message: string };

/** A guess until the first poll reads it: a URL that names a feed is a feed. */
function likelyKind(url: URL): 'feed' | 'page' {
  return /(rss|atom|feed|\.xml$|\.json$)/i.test(url.pathname + url.search) ? 'feed' : 'page';
}

export function addPolledSource(db: Db, raw: string, options: { allow: AllowList; intervalMinutes: number; addedBy: string | null; now: Date }): SourceChange {
  let url: URL;
  try {
    url = checkUrl(raw.trim(), options.allow);
  } catch (error) {
    if (error instanceof FetchError) return { ok: false, message: error.message };
    throw error;
  }
  url.hash = '';
  const { source, added } = addSource(db, { url: url.href, kind: likelyKind(url), intervalMinutes: options.intervalMinutes, addedBy: options.addedBy, now: options.now });
  return added
    ? { ok: true, source, changed: true, message: `Added ${source.url}: polled every ${source.intervalMinutes} min, first poll within a minute.` }
    : { ok: true, source, changed: false, message: `${source.url} is already polled (every ${source.intervalMinutes} min).` };
}

export function removePolledSource(db: Db, raw: string): SourceChange {
  const url = raw.trim();
  const source = sourceByUrl(db, url) ?? listSources(db).find((s) => String(s.id) === url) ?? null;
  if (source === null) return { ok: false, message: `No source ${url}. /sources list shows them.` };
  removeSource(db, source.url);
  return { ok: true, source, changed: true, message: `Removed ${source.url}. The ${source.articlesAdded} article${source.articlesAdded === 1 ? '' : 's'} it brought in stay on file.` };
}
