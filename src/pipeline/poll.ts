/**
 * Polling the sources: a feed's new items have their pages fetched and indexed; a page source is
 * indexed again when it changed. Conditional requests make an unchanged feed a 304. A source
 * that fails backs off (its interval doubled per consecutive failure, up to a day) and its error
 * is reported once, not at every poll; an item whose page fails is retried on its own backoff.
 * One source's failure never stops the others. What was indexed is recorded per item, so
 * nothing is fetched or indexed twice across polls and restarts.
 */
import type { Db } from '../index/database.js';
import {
  dueSources,
  failingItems,
  recordItem,
  recordPollFailure,
  recordPollSuccess,
  sourceItem,
  type SourceKind,
  type SourceRow,
} from '../index/sources.js';
import { articleKeyExists } from '../index/write.js';
import { parseFeedItems } from '../sources/feed.js';
import { fetchUrl } from '../sources/fetch.js';
import { readerFor } from '../sources/readers.js';
import type { FeedItem } from '../sources/types.js';
import { failureReason, fetchAndIndexPage, fetchOptions, indexDocument, type FetchSettings } from './live.js';

export interface PollLog {
  info(line: string): void;
  warn(line: string): void;
}

export interface PollDeps {
  db: Db;
  settings: FetchSettings;
  log: PollLog;
  now?: () => Date;
  /** 0..1 → the jitter's share of the interval; Math.random by default. */
  random?: () => number;
  /** Most new items fetched per poll of one feed (the rest wait for the next poll). */
  maxItemsPerPoll?: number;
  /** Run once after a round that indexed something (people, vocabulary, ranking window). */
  afterWrites?: (db: Db) => void;
  /** True once the bot is shutting down: the round ends after the fetch in flight. */
  stopping?: () => boolean;
}

export interface PollReport {
  url: string;
  kind: SourceKind;
  status: 'ok' | 'not-modified' | 'failed';
  added: number;
  failedItems: number;
  error?: string;
}

/** Spread of the next poll around the interval, so sources added together do not poll together. */
export const JITTER = 0.1;
const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;
/** An item's page is tried again after 5 min, 10, 20 … up to a day. */
const ITEM_RETRY_BASE_MS = 5 * 60 * 1000;

export function nextPollAfter(now: Date, intervalMinutes: number, failures: number, random: () => number): Date {
  const base = intervalMinutes * 60_000 * 2 ** Math.min(failures, 16);
  const jitter = 1 + (random() * 2 - 1) * JITTER;
  return new Date(now.getTime() + Math.min(base, MAX_BACKOFF_MS) * jitter);
}

export function itemRetryAt(now: Date, attempts: number): Date {
  return new Date(now.getTime() + Math.min(ITEM_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS));
}

/** Should this feed item be fetched now: 'new', a failed one whose backoff has passed ('retry'), or not at all. */
function itemDue(db: Db, source: SourceRow, item: FeedItem, now: Date): 'new' | 'retry' | null {
  const seen = sourceItem(db, source.id, item.id);
  if (seen === null) return 'new';
  if (seen.status !== 'failed') return null;
  return seen.nextTryAt === null || seen.nextTryAt <= now.toISOString() ? 'retry' : null;
}

interface ItemsOutcome {
  added: number;
  failed: number;
  /** False when the cap or a shutdown left new items for the next poll. */
  complete: boolean;
}

async function pollFeedItems(deps: PollDeps, source: SourceRow, items: FeedItem[], feedTitle: string | null, now: Date): Promise<ItemsOutcome> {
  const { db, log } = deps;
  let added = 0;
  let failed = 0;
  // New items first: pages that keep failing must not crowd them out of the per-poll cap.
  const marked = items.map((item) => ({ item, due: itemDue(db, source, item, now) }));
  const allDue = [...marked.filter((m) => m.due === 'new'), ...marked.filter((m) => m.due === 'retry')].map((m) => m.item);
  const due = allDue.slice(0, deps.maxItemsPerPoll ?? 50);
  let done = 0;
  for (const item of due) {
    if (deps.stopping?.()) break;
    done++;
    if (item.url !== null && articleKeyExists(db, item.url)) {
      recordItem(db, { sourceId: source.id, itemId: item.id, url: item.url, status: 'indexed', articleKey: item.url, now });
      continue;
    }
    try {
      const fallback = { title: item.title, published: item.published, byline: item.byline, publisher: feedTitle };
      const page = item.url !== null
        ? await fetchAndIndexPage(db, item.url, deps.settings, { sourceId: source.id, fallback, now: () => now })
        : indexDocument(db, item, { url: `${source.url}#${item.id}`, sourceId: source.id }, now);
      recordItem(db, { sourceId: source.id, itemId: item.id, url: item.url, status: 'indexed', articleKey: page.key, now });
      if (page.written) added++;
    } catch (error) {
      const reason = failureReason(error);
      const before = sourceItem(db, source.id, item.id);
      const attempts = (before?.attempts ?? 0) + 1;
      recordItem(db, { sourceId: source.id, itemId: item.id, url: item.url, status: 'failed', error: reason, nextTryAt: itemRetryAt(now, attempts), now });
      failed++;
      // Reported once: when the item first fails, or fails differently.
      if (before?.lastError !== reason) log.warn(`source ${source.url}: item ${item.url ?? item.id}: ${reason} (retrying with backoff)`);
    }
  }
  // Failed items are retried from the ledger even when the feed answers 304: only new ones need the full feed.
  return { added, failed, complete: done >= marked.filter((m) => m.due === 'new').length };
}

/** Polls one source now; records the outcome (and the next poll) on the source. */
export async function pollSource(deps: PollDeps, source: SourceRow): Promise<PollReport> {
  const now = (deps.now ?? (() => new Date()))();
  const random = deps.random ?? Math.random;
  const { db, log } = deps;
  try {
    const fetched = await fetchUrl(source.url, fetchOptions(deps.settings, 'any', { etag: source.etag, lastModified: source.lastModified }));
    let kind = source.kind;
    let title: string | null = null;
    let added = 0;
    let failedItems = 0;
    let complete = true;
    if (fetched.status === 'ok') {
      const reader = readerFor(fetched.text, fetched.url, fetched.contentType);
      if (reader.format === 'feed') {
        kind = 'feed';
        const feed = parseFeedItems(fetched.text, fetched.url);
        title = feed.title;
        ({ added, failed: failedItems, complete } = await pollFeedItems(deps, source, feed.items, feed.title, now));
      } else {
        // A page, or an export served over HTTP: every article it holds, each under its own key.
        kind = 'page';
        const documents = reader.read(fetched.text, fetched.url);
        for (const [i, document] of documents.entries()) {
          const origin = documents.length === 1 ? fetched.url : `${fetched.url}#${i + 1}`;
          const page = indexDocument(db, document, { url: origin, sourceId: source.id }, now);
          title ??= documents.length === 1 ? page.title : null;
          recordItem(db, { sourceId: source.id, itemId: documents.length === 1 ? source.url : origin, url: fetched.url, status: 'indexed', articleKey: page.key, now });
          if (page.written) added++;
        }
      }
    } else if (source.kind === 'feed') {
      // Unchanged feed: items whose pages failed earlier may be due for another try.
      ({ added, failed: failedItems } = await retryFailedItems(deps, source, now));
    }
    // Validators are kept only once every listed item was seen: otherwise the next poll would get a 304
    // and the items left over (past the cap, or when the bot stopped) would never be fetched.
    const validators = fetched.status === 'ok' && complete ? { etag: fetched.etag, lastModified: fetched.lastModified } : { etag: null, lastModified: null };
    recordPollSuccess(db, source.id, { kind, title, ...validators, added, now, nextPollAt: nextPollAfter(now, source.intervalMinutes, 0, random) });
    if (added > 0) log.info(`source ${source.url}: ${added} new article${added === 1 ? '' : 's'} indexed`);
    return { url: source.url, kind, status: fetched.status, added, failedItems };
  } catch (error) {
    const reason = failureReason(error);
    const next = nextPollAfter(now, source.intervalMinutes, source.failures + 1, random);
    if (recordPollFailure(db, source.id, reason, now, next)) log.warn(`source ${source.url}: ${reason}; next try ${next.toISOString()} (backing off)`);
    return { url: source.url, kind: source.kind, status: 'failed', added: 0, failedItems: 0, error: reason };
  }
}

async function retryFailedItems(deps: PollDeps, source: SourceRow, now: Date): Promise<ItemsOutcome> {
  const items: FeedItem[] = failingItems(deps.db, source.id)
    .filter((i) => i.url !== null)
    .map((i) => ({ id: i.itemId, url: i.url, title: null, published: null, byline: null, publisher: null, text: '' }));
  return pollFeedItems(deps, source, items, source.title, now);
}

/** Polls every source that is due, a few at a time; returns one report per source. */
export async function pollDue(deps: PollDeps, concurrency = 4): Promise<PollReport[]> {
  const due = dueSources(deps.db, (deps.now ?? (() => new Date()))());
  const reports: PollReport[] = [];
  let next = 0;
  const worker = async () => {
    while (next < due.length && !deps.stopping?.()) {
      const source = due[next++]!;
      reports.push(await pollSource(deps, source));
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, due.length) }, worker));
  if (reports.some((r) => r.added > 0)) deps.afterWrites?.(deps.db);
  return reports;
}
