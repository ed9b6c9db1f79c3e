/**
 * Articles from the web: a page fetched (by a polled source or a reporter's /add) goes through
 * its reader, the parse and the extraction like any corpus file, and is written under its key —
 * its canonical URL — so a page already on file is never indexed twice, whoever brought it.
 */
import { createHash } from 'node:crypto';
import type { CorpusDocument } from '../corpus/documents.js';
import type { Db } from '../index/database.js';
import { articleHashByKey } from '../index/sources.js';
import { writeArticle } from '../index/write.js';
import { EMPTY_ALLOW_LIST, parseAllowList, type AllowList } from '../sources/addresses.js';
import { fetchUrl, FetchError, HostPacer, type FetchOptions } from '../sources/fetch.js';
import { readerFor } from '../sources/readers.js';
import { ReadError, type DocumentMetadata, type SourceDocument } from '../sources/types.js';
import { prepareDocument } from './prepare.js';

/** The fetch settings every live fetch shares (from the configuration). */
export interface FetchSettings {
  allow: AllowList;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  pacer: HostPacer;
}

export function fetchSettings(partial: Partial<FetchSettings> = {}): FetchSettings {
  return { allow: EMPTY_ALLOW_LIST, timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, pacer: new HostPacer(0), ...partial };
}

export function fetchOptions(settings: FetchSettings, accept: FetchOptions['accept'], validators: { etag?: string | null; lastModified?: string | null } = {}): FetchOptions {
  return { ...settings, accept, ...validators };
}

export interface IndexedPage {
  key: string;
  title: string;
  date: string | null;
  dateInferred: boolean;
  statements: number;
  /** False when the same version was already on file. */
  written: boolean;
}

/** Fills what a page leaves unsaid from what the feed said about it. */
function withFallback(document: SourceDocument, fallback: Partial<DocumentMetadata>): SourceDocument {
  return {
    ...document,
    title: document.title ?? fallback.title ?? null,
    published: document.published ?? fallback.published ?? null,
    byline: document.byline ?? fallback.byline ?? null,
    publisher: document.publisher ?? fallback.publisher ?? null,
  };
}

/**
 * Reads a fetched body as one article (a page, a Markdown or text file) and indexes it unless
 * the same version is on file. Throws ReadError when there is no article in it.
 */
export function indexDocument(
  db: Db,
  document: SourceDocument,
  origin: { url: string; sourceId: number | null },
  now: Date,
): IndexedPage {
  const key = document.url ?? origin.url;
  const hash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
  const item: CorpusDocument = { key, hash, document };
  const prepared = prepareDocument(item, now.getUTCFullYear());
  if (!prepared.ok) throw new ReadError(prepared.reason);
  const { article } = prepared;
  const summary = { key, title: article.title, date: article.date.iso, dateInferred: article.date.inferred, statements: article.statements.length };
  if (articleHashByKey(db, key) === hash) return { ...summary, written: false };
  writeArticle(db, article, { bytes: Buffer.byteLength(document.text), contextYear: article.date.inferred ? now.getUTCFullYear() : null, origin: { kind: 'web', path: origin.url, sourceId: origin.sourceId }, now });
  return { ...summary, written: true };
}

/** Fetches one page and indexes it: what /add and a feed's items use. */
export async function fetchAndIndexPage(
  db: Db,
  url: string,
  settings: FetchSettings,
  options: { sourceId?: number | null; fallback?: Partial<DocumentMetadata>; now?: () => Date } = {},
): Promise<IndexedPage> {
  const fetched = await fetchUrl(url, fetchOptions(settings, 'page'));
  if (fetched.status !== 'ok') throw new FetchError('the server answered 304 Not Modified to a request without validators', 'http');
  const reader = readerFor(fetched.text, fetched.url, fetched.contentType);
  if (reader.format === 'feed' || reader.format === 'json') throw new ReadError(`${fetched.url} is a feed or an export, not an article page: add it with /sources add`);
  const [document] = reader.read(fetched.text, fetched.url);
  return indexDocument(db, withFallback(document!, options.fallback ?? {}), { url: fetched.url, sourceId: options.sourceId ?? null }, (options.now ?? (() => new Date()))());
}

/** One line for a reporter: why a fetch or a read failed. */
export function failureReason(error: unknown): string {
  if (error instanceof FetchError || error instanceof ReadError) return error.message;
  throw error;
}

/** The fetch settings the configuration gives. */
export function fetchSettingsFrom(config: { FETCH_ALLOW_HOSTS: string; FETCH_TIMEOUT_MS: number; FETCH_MAX_BYTES: number; FETCH_MAX_REDIRECTS: number; FETCH_HOST_INTERVAL_MS: number }): FetchSettings {
  return {
    allow: parseAllowList(config.FETCH_ALLOW_HOSTS),
    timeoutMs: config.FETCH_TIMEOUT_MS,
    maxBytes: config.FETCH_MAX_BYTES,
    maxRedirects: config.FETCH_MAX_REDIRECTS,
    pacer: new HostPacer(config.FETCH_HOST_INTERVAL_MS),
  };
}
