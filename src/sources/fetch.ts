/**
 * Fetching a feed or a page from a URL that a reporter or a feed gave us, safely:
 * - http and https only; every hop's address is checked (addresses.ts) when the connection is
 *   made — by the DNS lookup the socket itself uses, so a name cannot resolve to one address for
 *   the check and another for the connection — and again after every redirect;
 * - a timeout on the whole fetch, a size limit on the decoded body (gzip, deflate and brotli
 *   are decompressed as they stream, so a small compressed bomb stops at the limit too),
 *   a redirect limit and loop detection, and a content-type check;
 * - conditional requests: the ETag and Last-Modified of the last fetch turn an unchanged
 *   feed into a 304 and no body;
 * - a per-host minimum interval between requests (HostPacer), so a feed of fifty items on one
 *   site is fetched politely.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { addressAllowed, type AllowList } from './addresses.js';
import { decodeBody } from './decode.js';

export type Accept = 'feed' | 'page' | 'any';

export interface FetchOptions {
  allow: AllowList;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  accept: Accept;
  etag?: string | null;
  lastModified?: string | null;
  pacer?: HostPacer;
  userAgent?: string;
}

export type FetchResult =
  | { status: 'ok'; url: string; contentType: string | null; charset: string; text: string; bytes: number; etag: string | null; lastModified: string | null }
  | { status: 'not-modified'; url: string };

/** A fetch that failed, with a one-line reason a reporter can read. */
export class FetchError extends Error {
  constructor(
    message: string,
    readonly kind: 'refused' | 'http' | 'network' | 'timeout' | 'too-large' | 'redirects' | 'content-type',
  ) {
    super(message);
  }
}

export const USER_AGENT = 'newsroom-factcheck-bot/0.1 (+fact-checking; polite polling)';

const CONTENT_TYPES: Record<Accept, RegExp> = {
  feed: /(rss|atom|xml|json)/i,
  page: /(html|text\/plain|markdown)/i,
  any: /(html|xml|rss|atom|json|text\/plain|markdown)/i,
};

const ACCEPT_HEADER: Record<Accept, string> = {
  feed: 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.1',
  page: 'text/html, application/xhtml+xml, text/plain;q=0.8, text/markdown;q=0.8, */*;q=0.1',
  any: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.1',
};

/** Waits so that requests to one host are at least `minIntervalMs` apart. */
export class HostPacer {
  private readonly next = new Map<string, number>();
  constructor(
    readonly minIntervalMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Reserves the host's next slot and resolves when it has come. */
  async wait(host: string): Promise<void> {
    const now = this.clock();
    const slot = Math.max(now, this.next.get(host) ?? 0);
    this.next.set(host, slot + this.minIntervalMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }
}

/** The socket's own DNS lookup, refusing any address the allow-list does not open. */
function guardedLookup(allow: AllowList): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => !addressAllowed(a.address, hostname, allow));
      if (refused !== undefined) {
        return callback(new FetchError(`${hostname} resolves to ${refused.address}, a private, loopback or link-local address: refused (FETCH_ALLOW_HOSTS can open intranet hosts)`, 'refused'), '', 0);
      }
      if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

/** Refuses a URL before any connection: scheme, and a literal address that is not allowed. */
export function checkUrl(raw: string, allow: AllowList): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`"${raw.slice(0, 200)}" is not a URL`, 'refused');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`${url.protocol} URLs are not fetched: only http and https`, 'refused');
  if (url.username !== '' || url.password !== '') throw new FetchError('URLs with a user name or password are not fetched', 'refused');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && !addressAllowed(host, host, allow)) {
    throw new FetchError(`${host} is a private, loopback or link-local address: refused (FETCH_ALLOW_HOSTS can open intranet hosts)`, 'refused');
  }
  return url;
}

function decompressed(response: IncomingMessage): Readable {
  const encoding = (response.headers['content-encoding'] ?? '').toLowerCase().trim();
  if (encoding === 'gzip' || encoding === 'x-gzip') return response.pipe(createGunzip());
  if (encoding === 'br') return response.pipe(createBrotliDecompress());
  if (encoding === 'deflate') return response.pipe(createInflate());
  return response;
}

interface Hop {
  response: IncomingMessage;
  url: URL;
}

function requestOnce(url: URL, options: FetchOptions, deadline: number): Promise<Hop> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? USER_AGENT,
    accept: ACCEPT_HEADER[options.accept],
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  return new Promise((resolve, reject) => {
    // The whole fetch has one deadline: a server that trickles its headers cannot hold us longer.
    const timer = setTimeout(() => req.destroy(new FetchError(`timed out after ${(options.timeoutMs / 1000).toFixed(0)} s`, 'timeout')), Math.max(1, deadline - Date.now()));
    const req = send(url, { method: 'GET', headers, lookup: guardedLookup(options.allow), agent: false }, (response) => {
      clearTimeout(timer);
      resolve({ response, url });
    });
    req.on('close', () => clearTimeout(timer));
    req.on('error', (error) => reject(error instanceof FetchError ? error : new FetchError(`cannot connect to ${url.host}: ${(error as NodeJS.ErrnoException).code ?? error.message}`, 'network')));
    req.end();
  });
}

async function readBody(hop: Hop, options: FetchOptions, deadline: number): Promise<Buffer> {
  const declared = Number(hop.response.headers['content-length'] ?? NaN);
  if (declared > options.maxBytes && !hop.response.headers['content-encoding']) {
    hop.response.destroy();
    throw new FetchError(`larger than the ${formatMb(options.maxBytes)} limit (${formatMb(declared)})`, 'too-large');
  }
  const stream = decompressed(hop.response);
  const chunks: Buffer[] = [];
  let total = 0;
  const timer = setTimeout(() => stream.destroy(new FetchError(`timed out after ${(options.timeoutMs / 1000).toFixed(0)} s`, 'timeout')), Math.max(1, deadline - Date.now()));
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > options.maxBytes) {
        hop.response.destroy();
        throw new FetchError(`larger than the ${formatMb(options.maxBytes)} limit`, 'too-large');
      }
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`the response was cut off or could not be decompressed (${(error as Error).message})`, 'network');
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Fetches `raw`, following redirects; throws FetchError with the reason when it cannot. */
export async function fetchUrl(raw: string, options: FetchOptions): Promise<FetchResult> {
  const deadline = Date.now() + options.timeoutMs;
  let url = checkUrl(raw, options.allow);
  const seen = new Set<string>([url.href]);
  for (let redirects = 0; ; redirects++) {
    await options.pacer?.wait(url.host);
    const hop = await requestOnce(url, options, deadline);
    const status = hop.response.statusCode ?? 0;
    if (status >= 300 && status < 400 && status !== 304) {
      hop.response.resume();
      const location = hop.response.headers.location;
      if (!location) throw new FetchError(`HTTP ${status} without a Location to follow`, 'http');
      const next = checkUrl(new URL(location, url).href, options.allow);
      if (seen.has(next.href)) throw new FetchError(`redirect loop (${url.href} → ${next.href})`, 'redirects');
      if (redirects + 1 > options.maxRedirects) throw new FetchError(`more than ${options.maxRedirects} redirects`, 'redirects');
      seen.add(next.href);
      url = next;
      continue;
    }
    if (status === 304) {
      hop.response.resume();
      return { status: 'not-modified', url: url.href };
    }
    if (status < 200 || status >= 300) {
      hop.response.resume();
      throw new FetchError(`HTTP ${status}${hop.response.statusMessage ? ` ${hop.response.statusMessage}` : ''}`, 'http');
    }
    const contentType = hop.response.headers['content-type'] ?? null;
    if (contentType !== null && !CONTENT_TYPES[options.accept].test(contentType)) {
      hop.response.destroy();
      throw new FetchError(`content type ${contentType.split(';')[0]} is not ${options.accept === 'feed' ? 'a feed' : 'an article page'}`, 'content-type');
    }
    const body = await readBody(hop, options, deadline);
    const decoded = decodeBody(body, contentType);
    const header = (name: string) => {
      const value = hop.response.headers[name];
      return typeof value === 'string' ? value : null;
    };
    return { status: 'ok', url: url.href, contentType, charset: decoded.charset, text: decoded.text, bytes: body.length, etag: header('etag'), lastModified: header('last-modified') };
  }
}
