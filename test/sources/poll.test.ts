/**
 * Polling against the local site, on a real index of the seeds: the right text and metadata
 * indexed, each failure reported once and retried with backoff, 304 on the second poll, nothing
 * indexed twice across polls and restarts, and the seeds' answers unchanged.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { answerContext, askLine, updateDerived, updateIndex } from '../../src/app.js';
import { openDatabase } from '../../src/index/database.js';
import { listSources, sourceByUrl } from '../../src/index/sources.js';
import { articleByFile, paragraphsOf } from '../../src/index/queries.js';
import { fetchSettings } from '../../src/pipeline/live.js';
import { pollDue, pollSource, type PollDeps } from '../../src/pipeline/poll.js';
import { addPolledSource } from '../../src/pipeline/sources.js';
import { parseAllowList } from '../../src/sources/addresses.js';
import { terminalDigest } from '../../src/digest/terminal.js';
import { quietLogger, tempIndex, type TempIndex } from '../helpers/index.js';
import { CYRILLIC_STORY, startNewsSite, type NewsSite } from './server.js';

let site: NewsSite;
let index: TempIndex;
beforeAll(async () => {
  site = await startNewsSite();
});
afterAll(() => site.close());
afterEach(() => index?.cleanup());

const LOCAL = parseAllowList('127.0.0.1');
const SEED_QUESTIONS = ['/who Kuvshinnikova', '/source 004_052bf8636d0ccf43.txt', '/timeline North Korean troops', '/who Rutte'];

function answersOf(i: TempIndex): string[] {
  return SEED_QUESTIONS.map((q) => {
    const asked = askLine(i.ctx, q);
    return 'usage' in asked ? asked.usage : asked.text;
  });
}

function deps(i: TempIndex, clock: { now: Date }, warnings: string[]): PollDeps {
  return {
    db: i.db,
    settings: fetchSettings({ allow: LOCAL, timeoutMs: 1500 }),
    log: { info: () => {}, warn: (line) => warnings.push(line) },
    now: () => clock.now,
    random: () => 0.5,
    afterWrites: updateDerived,
  };
}

const count = (i: TempIndex, sql: string) => i.db.prepare(sql).pluck().get() as number;

describe('polling sources', () => {
  it('indexes the story, reports each failure once, backs off, takes 304, never indexes twice, and leaves the seeds answering as before', async () => {
    index = await tempIndex();
    const before = answersOf(index);
    const seedArticles = count(index, 'SELECT count(*) FROM articles');
    const clock = { now: new Date('2026-12-01T10:00:00Z') };
    const warnings: string[] = [];
    const added = addPolledSource(index.db, `${site.base}/rss.xml`, { allow: LOCAL, intervalMinutes: 10, addedBy: 'test', now: clock.now });
    expect(added.ok).toBe(true);

    // First poll: the story (behind nav, cookies and comments, gzip) and the Windows-1251 page are indexed; the redirect chain too.
    const [first] = await pollDue(deps(index, clock, warnings));
    expect(first).toMatchObject({ status: 'ok', kind: 'feed', added: 3, failedItems: 5 });
    const story = articleByFile(index.db, 'https://harbour-wire.example/news/odesa-grain-resumed')!;
    expect(story).toMatchObject({ title: 'Port authority confirms grain shipments resumed at Odesa', publisher: 'Harbour Wire', date: '2024-10-22', dateInferred: false, byline: 'Iryna Kovalchuk', url: 'https://harbour-wire.example/news/odesa-grain-resumed' });
    expect(paragraphsOf(index.db, story.id).map((p) => p.text)).toHaveLength(4);
    const cyrillic = articleByFile(index.db, `${site.base}/cp1251`)!;
    expect(cyrillic.title).toBe(CYRILLIC_STORY.title);
    expect(paragraphsOf(index.db, cyrillic.id).map((p) => p.text).slice(1)).toEqual(CYRILLIC_STORY.paragraphs);
    expect(articleByFile(index.db, `${site.base}/ferry`)?.title).toBe('Ferry service to Chornomorsk restored');
    expect(count(index, "SELECT count(*) FROM articles WHERE origin_kind = 'web' AND source_id IS NOT NULL")).toBe(3);

    // Each failing item reported once, with its reason.
    expect(warnings).toHaveLength(5);
    expect(warnings.join('\n')).toMatch(/missing: HTTP 404[\s\S]*error: HTTP 500[\s\S]*loop\/a: redirect loop[\s\S]*huge: larger than[\s\S]*slow: timed out/);

    // The source says when it polls next: about ten minutes on (jitter ±10 %).
    const source = sourceByUrl(index.db, `${site.base}/rss.xml`)!;
    expect(source).toMatchObject({ lastError: null, failures: 0, articlesAdded: 3, title: 'Harbour Wire', lastSuccessAt: clock.now.toISOString() });
    expect(new Date(source.nextPollAt).getTime() - clock.now.getTime()).toBe(10 * 60_000);

    // Second poll, ten minutes on: the feed answers 304, and the failed items, whose first backoff (5 min) has passed, are tried again. Same errors: not reported again.
    clock.now = new Date('2026-12-01T10:10:00Z');
    const fetchedBefore = site.requests.length;
    const [second] = await pollDue(deps(index, clock, warnings));
    expect(second).toMatchObject({ status: 'not-modified', added: 0, failedItems: 5 });
    expect(site.requests.slice(fetchedBefore).map((r) => r.path)).not.toContain('/story');
    expect(warnings).toHaveLength(5);
    const retried = index.db.prepare("SELECT attempts FROM source_items WHERE status = 'failed' ORDER BY item_id").pluck().all();
    expect(retried).toEqual([2, 2, 2, 2, 2]);

    // Polled by hand five minutes later: the failed items' backoff (now 10 min) has not passed, so they are not fetched at all.
    clock.now = new Date('2026-12-01T10:15:00Z');
    const fetchedThen = site.requests.length;
    await pollSource(deps(index, clock, warnings), sourceByUrl(index.db, `${site.base}/rss.xml`)!);
    expect(site.requests.slice(fetchedThen).map((r) => r.path)).toEqual(['/rss.xml']);

    // A restart: a new connection to the same file, the feed changed (new ETag, same items). Nothing is indexed twice.
    const articlesNow = count(index, 'SELECT count(*) FROM articles');
    expect(articlesNow).toBe(seedArticles + 3);
    index.db.close();
    const reopened = openDatabase(index.dbFile);
    index = { ...index, db: reopened, ctx: answerContext(reopened, {}), cleanup: () => { reopened.close(); rmSync(index.dir, { recursive: true, force: true }); } };
    site.bumpFeeds();
    clock.now = new Date('2026-12-01T11:00:00Z');
    const [third] = await pollDue(deps(index, clock, warnings));
    expect(third).toMatchObject({ status: 'ok', added: 0 });
    expect(count(index, 'SELECT count(*) FROM articles')).toBe(articlesNow);
    // And the corpus ingest leaves the fetched articles alone.
    await updateIndex(reopened, index.corpusDir, 5 * 1024 * 1024, quietLogger);
    expect(count(index, 'SELECT count(*) FROM articles')).toBe(articlesNow);

    // The seeds answer exactly as before.
    expect(answersOf(index)).toEqual(before);
  });

  it('the digest reports what the sources brought in, and citations link to the original', async () => {
    index = await tempIndex({ seeds: false });
    const clock = { now: new Date() };
    const since = new Date(Date.now() - 1000).toISOString();
    addPolledSource(index.db, `${site.base}/atom.xml`, { allow: LOCAL, intervalMinutes: 10, addedBy: 'test', now: clock.now });
    await pollDue(deps(index, clock, []));
    const text = terminalDigest(index.db, { since, timeZone: 'UTC', json: false, record: false, now: new Date(Date.now() + 1000) });
    expect(text).toMatch(/1 new article \(1 from Coastal Desk\)/);
    expect(text).toContain(`Ferry service to Chornomorsk restored — Coastal Desk, 2024-10-24 · via Coastal Desk`);
    const json = JSON.parse(terminalDigest(index.db, { since, timeZone: 'UTC', json: true, record: false, now: new Date(Date.now() + 1000) })) as { embeds: { description: string }[] }[];
    expect(json[0]!.embeds.map((e) => e.description).join('\n')).toContain(`[Ferry service to Chornomorsk restored](${site.base}/ferry) — Coastal Desk`);
    // A lookup's citation links in Discord, and names the URL in the terminal.
    const asked = askLine(index.ctx, '/claims ferry');
    if ('usage' in asked) throw new Error(asked.usage);
    expect(asked.text).toContain(`· ${site.base}/ferry`);
    expect(JSON.stringify(asked.payload)).toContain(`](${site.base}/ferry)`);
    const source = askLine(index.ctx, `/source ${site.base}/ferry`);
    if ('usage' in source) throw new Error(source.usage);
    expect(source.text).toContain(`URL: ${site.base}/ferry`);
  });

  it('items past the per-poll cap are fetched at the next poll: the feed is not taken as unchanged until all were seen', async () => {
    index = await tempIndex({ seeds: false });
    const clock = { now: new Date('2026-12-01T10:00:00Z') };
    addPolledSource(index.db, `${site.base}/rss.xml`, { allow: LOCAL, intervalMinutes: 10, addedBy: 'test', now: clock.now });
    const capped = { ...deps(index, clock, []), maxItemsPerPoll: 2 };
    const seen = () => index.db.prepare('SELECT count(*) FROM source_items').pluck().get();
    await pollDue(capped);
    expect(seen()).toBe(2);
    expect(sourceByUrl(index.db, `${site.base}/rss.xml`)!.etag).toBeNull();
    for (const minutes of [10, 20, 30]) {
      clock.now = new Date(Date.parse('2026-12-01T10:00:00Z') + minutes * 60_000);
      await pollDue(capped);
    }
    expect(seen()).toBe(8);
    expect(sourceByUrl(index.db, `${site.base}/rss.xml`)!.etag).toMatch(/feed-v/);
  });

  it('a source that fails backs off and says so, and does not stop the others', async () => {
    index = await tempIndex({ seeds: false });
    const clock = { now: new Date('2026-12-01T10:00:00Z') };
    const warnings: string[] = [];
    addPolledSource(index.db, `${site.base}/gone.xml`, { allow: LOCAL, intervalMinutes: 10, addedBy: 'test', now: clock.now });
    addPolledSource(index.db, `${site.base}/atom.xml`, { allow: LOCAL, intervalMinutes: 10, addedBy: 'test', now: clock.now });
    const reports = await pollDue(deps(index, clock, warnings));
    expect(reports.map((r) => [r.url.replace(site.base, ''), r.status, r.added])).toEqual(expect.arrayContaining([['/gone.xml', 'failed', 0], ['/atom.xml', 'ok', 1]]));
    expect(warnings).toEqual([`source ${site.base}/gone.xml: HTTP 404 Not Found; next try 2026-12-01T10:20:00.000Z (backing off)`]);
    const failing = () => listSources(index.db).find((s) => s.url.endsWith('/gone.xml'))!;
    expect(failing()).toMatchObject({ failures: 1, lastError: 'HTTP 404 Not Found', lastSuccessAt: null, nextPollAt: '2026-12-01T10:20:00.000Z' });
    // Next try: the backoff doubles, the same error is not reported again.
    clock.now = new Date('2026-12-01T10:20:00Z');
    await pollSource(deps(index, clock, warnings), failing());
    expect(failing()).toMatchObject({ failures: 2, nextPollAt: '2026-12-01T10:60:00.000Z'.replace('10:60', '11:00') });
    expect(warnings).toHaveLength(1);
  });

  it('a page source and an export are indexed, and a feed with broken entities still yields its items', async () => {
    index = await tempIndex({ seeds: false });
    const clock = { now: new Date('2026-12-01T10:00:00Z') };
    const warnings: string[] = [];
    addPolledSource(index.db, `${site.base}/cp1251`, { allow: LOCAL, intervalMinutes: 30, addedBy: 'test', now: clock.now });
    addPolledSource(index.db, `${site.base}/broken.xml`, { allow: LOCAL, intervalMinutes: 30, addedBy: 'test', now: clock.now });
    addPolledSource(index.db, `${site.base}/export.ndjson`, { allow: LOCAL, intervalMinutes: 30, addedBy: 'test', now: clock.now });
    const reports = await pollDue(deps(index, clock, warnings));
    expect(reports.map((r) => [r.kind, r.status, r.added]).sort()).toEqual([['feed', 'ok', 1], ['page', 'ok', 1], ['page', 'ok', 2]]);
    expect(warnings).toEqual([]);
    expect(count(index, 'SELECT count(*) FROM articles')).toBe(4);
    // An export's articles: one known by its URL, one by the export's address and its place in it.
    expect(articleByFile(index.db, 'https://cms.example/dues')).toMatchObject({ title: 'Harbour dues cut for grain ships', date: '2024-10-25', byline: 'Desk' });
    expect(articleByFile(index.db, `${site.base}/export.ndjson#2`)?.title).toBe('Pilot shortage eases');
  });

  it('refuses to keep a source at a private address unless allow-listed', () => {
    index = { cleanup: () => {} } as TempIndex;
    const db = openDatabase(':memory:');
    const refused = addPolledSource(db, 'http://169.254.169.254/feed', { allow: LOCAL, intervalMinutes: 10, addedBy: 'u', now: new Date() });
    expect(refused).toEqual({ ok: false, message: expect.stringContaining('169.254.169.254 is a private, loopback or link-local address') });
    expect(addPolledSource(db, 'ftp://example.org/feed', { allow: LOCAL, intervalMinutes: 10, addedBy: 'u', now: new Date() }).ok).toBe(false);
    db.close();
  });
});
