/** The fetcher against a local site: SSRF refusals (on by default), limits, charsets, compression, 304. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressAllowed, EMPTY_ALLOW_LIST, isPublicAddress, parseAllowList } from '../../src/sources/addresses.js';
import { fetchUrl, FetchError, HostPacer, type FetchOptions } from '../../src/sources/fetch.js';
import { loadConfig } from '../../src/config.js';
import { CYRILLIC_STORY, startNewsSite, type NewsSite } from './server.js';

let site: NewsSite;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(() => site.close());

/** The tests' own allow-list: the local site on 127.0.0.1, and nothing else. */
const LOCAL = parseAllowList('127.0.0.1');
const options = (overrides: Partial<FetchOptions> = {}): FetchOptions => ({ allow: LOCAL, timeoutMs: 3000, maxBytes: 5 * 1024 * 1024, maxRedirects: 5, accept: 'any', ...overrides });

async function failure(url: string, opts: FetchOptions): Promise<FetchError> {
  const error = await fetchUrl(url, opts).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe('SSRF protection', () => {
  it('is on by default: the configuration allows no private host, and the local site is refused without the allow-list', async () => {
    expect(loadConfig({}).FETCH_ALLOW_HOSTS).toBe('');
    expect(parseAllowList(loadConfig({}).FETCH_ALLOW_HOSTS).addresses.check('127.0.0.1')).toBe(false);
    const error = await failure(`${site.base}/story`, options({ allow: EMPTY_ALLOW_LIST }));
    expect(error.kind).toBe('refused');
    expect(site.requests.filter((r) => r.path === '/story')).toHaveLength(0);
  });

  it('refuses private, loopback, link-local and metadata addresses, and schemes other than http(s)', async () => {
    for (const url of ['http://10.0.0.1/', 'http://169.254.169.254/latest/meta-data/', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://0.0.0.0/']) {
      expect((await failure(url, options({ allow: EMPTY_ALLOW_LIST }))).kind).toBe('refused');
    }
    for (const url of ['file:///etc/passwd', 'ftp://example.org/', 'gopher://x/', 'http://user:pw@example.org/']) {
      expect((await failure(url, options())).message).toMatch(/only http and https|user name or password/);
    }
  });

  it('checks the resolved address: a host name that resolves to loopback is refused', async () => {
    const error = await failure(`http://localhost:${new URL(site.base).port}/story`, options({ allow: parseAllowList('192.0.2.1') }));
    expect(error.message).toMatch(/localhost resolves to (127\.0\.0\.1|::1).*refused/);
  });

  it('checks again after every redirect: an allowed site redirecting to another loopback address is refused', async () => {
    const error = await failure(`${site.base}/to-private`, options());
    expect(error.kind).toBe('refused');
    expect(error.message).toContain('127.0.0.2');
  });

  it('classifies addresses and parses the allow-list (hosts, IPs, CIDR), refusing a malformed entry by name', () => {
    expect(isPublicAddress('93.184.216.34')).toBe(true);
    expect(isPublicAddress('2606:4700::1111')).toBe(true);
    expect(isPublicAddress('172.20.1.1')).toBe(false);
    expect(isPublicAddress('fe80::1')).toBe(false);
    const allow = parseAllowList('intranet.newsroom.local, 10.20.0.0/16, fd12::/16');
    expect(addressAllowed('10.20.3.4', 'cms', allow)).toBe(true);
    expect(addressAllowed('10.21.3.4', 'cms', allow)).toBe(false);
    expect(addressAllowed('10.99.0.1', 'intranet.newsroom.local', allow)).toBe(true);
    expect(addressAllowed('fd12::5', 'x', allow)).toBe(true);
    expect(() => loadConfig({ FETCH_ALLOW_HOSTS: '10.0.0.0/40' })).toThrow('FETCH_ALLOW_HOSTS: "10.0.0.0/40": the prefix length must be 0–32');
    expect(() => loadConfig({ FETCH_ALLOW_HOSTS: 'not a host!' })).toThrow(/FETCH_ALLOW_HOSTS: "not a host!" is not a host name/);
  });
});

describe('fetching', () => {
  it('follows a redirect chain to the page', async () => {
    const result = await fetchUrl(`${site.base}/redirect/3`, options());
    expect(result.status === 'ok' && result.url).toBe(`${site.base}/ferry`);
  });

  it('stops a redirect loop, and a chain longer than the limit', async () => {
    expect((await failure(`${site.base}/loop/a`, options())).message).toMatch(/^redirect loop/);
    expect((await failure(`${site.base}/redirect/3`, options({ maxRedirects: 2 }))).message).toBe('more than 2 redirects');
  });

  it('reports HTTP errors by status', async () => {
    expect((await failure(`${site.base}/missing`, options())).message).toBe('HTTP 404 Not Found');
    expect((await failure(`${site.base}/error`, options())).message).toBe('HTTP 500 Internal Server Error');
  });

  it('stops a 10 MB page at the size limit, and a slow page at the timeout', async () => {
    expect((await failure(`${site.base}/huge`, options())).kind).toBe('too-large');
    const slow = await failure(`${site.base}/slow`, options({ timeoutMs: 1000 }));
    expect(slow.message).toBe('timed out after 1 s');
  });

  it('refuses a content type that is neither a page nor a feed', async () => {
    expect((await failure(`${site.base}/image.png`, options())).message).toBe('content type image/png is not an article page');
  });

  it('decodes Windows-1251, ISO-8859-1, gzip and brotli', async () => {
    const page = await fetchUrl(`${site.base}/cp1251`, options());
    expect(page.status === 'ok' && page.charset).toBe('windows-1251');
    expect(page.status === 'ok' && page.text).toContain(CYRILLIC_STORY.paragraphs[1]);
    const latin1 = await fetchUrl(`${site.base}/latin1`, options());
    expect(latin1.status === 'ok' && latin1.text).toContain('René Dupré said the café on the quay would reopen in März');
    const gz = await fetchUrl(`${site.base}/story`, options());
    expect(gz.status === 'ok' && gz.text).toContain('Olena Marchenko');
    const br = await fetchUrl(`${site.base}/atom.xml`, options());
    expect(br.status === 'ok' && br.text).toContain('Chornomorsk');
  });

  it('sends the validators back and takes a 304 as "not modified"', async () => {
    const first = await fetchUrl(`${site.base}/rss.xml`, options());
    if (first.status !== 'ok') throw new Error('expected a body');
    expect(first.etag).toMatch(/feed-v/);
    const second = await fetchUrl(`${site.base}/rss.xml`, options({ etag: first.etag, lastModified: first.lastModified }));
    expect(second.status).toBe('not-modified');
    expect(site.requests.at(-1)!.headers['if-none-match']).toBe(first.etag);
  });

  it('keeps requests to one host a minimum interval apart', async () => {
    const paced = new HostPacer(150);
    const t0 = Date.now();
    await paced.wait('h');
    await paced.wait('h');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    // Another host is not held back by the first.
    const t1 = Date.now();
    await paced.wait('other');
    expect(Date.now() - t1).toBeLessThan(140);
  });
});
