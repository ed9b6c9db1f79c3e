/**
 * Crash safety and concurrency of the ingest, with real processes on a real
 * SQLite file: kill -9 mid-ingest, two ingests at once, lookups during an ingest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askLine } from '../src/app.js';
import { ingestCorpus, RemovalRefusedError } from '../src/pipeline/ingest.js';
import { GUARDED_BYTES } from '../src/pipeline/preparePool.js';
import { openDatabase, quickCheck } from '../src/index/database.js';
import { acquireLease, keepLease, leaseHolder, LeaseLostError } from '../src/index/leases.js';
import { writeSyntheticArticles } from './helpers/corpus.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

const ROOT = resolve(import.meta.dirname, '..');

let index: TempIndex | undefined;
afterEach(() => {
  index?.cleanup();
  index = undefined;
});

function runIngest(corpusDir: string, dbFile: string): { child: ChildProcess; output: () => string; exit: Promise<number | null> } {
  // node itself (not the tsx wrapper) so that a kill reaches the process doing the ingest.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', '--corpus', corpusDir, '--db', dbFile], {
    cwd: ROOT,
    env: { ...process.env, DISCORD_TOKEN: '' },
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exit };
}

async function until(predicate: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** An answer's findings as a sorted list: section, excerpt and citations. */
function findings(result: ReturnType<typeof askLine>): string[] {
  if ('usage' in result) return [result.usage];
  return result.answer.sections
    .flatMap((section) => section.items.map((i) => `${section.title}|${i.excerpt}|${i.citations.map((c) => `${c.file}#${c.paragraph}`).sort().join(',')}`))
    .sort();
}

const articleCount = (file: string) => {
  const db = openDatabase(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('ingest under faults', () => {
  it('kill -9 in the middle of an ingest leaves the last good index intact', async () => {
    index = await tempIndex();
    const before = askLine(index.ctx, '/claims troops');
    index.db.close();
    writeSyntheticArticles(index.corpusDir, 1500);
    const run = runIngest(index.corpusDir, index.dbFile);
    // Wait until some synthetic articles are committed, then kill without warning.
    await until(() => articleCount(index!.dbFile) > 40, 60_000);
    run.child.kill('SIGKILL');
    await run.exit;

    const db = openDatabase(index.dbFile);
    try {
      expect(quickCheck(db)).toBe('ok');
      // No half articles: every article has its paragraphs and sentences, and FTS matches the sentences.
      const orphans = db.prepare('SELECT count(*) n FROM articles a WHERE NOT EXISTS (SELECT 1 FROM sentences s WHERE s.article_id = a.id)').get() as { n: number };
      expect(orphans.n).toBe(0);
      const sentences = (db.prepare('SELECT count(*) n FROM sentences').get() as { n: number }).n;
      const fts = (db.prepare("SELECT count(*) n FROM sentences_fts WHERE sentences_fts MATCH 'harbour OR troops OR the'").get() as { n: number }).n;
      expect(fts).toBeLessThanOrEqual(sentences);
      const partial = (db.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n;
      expect(partial).toBeGreaterThan(5);
      expect(partial).toBeLessThan(1505);
      // Same findings, same citations (the order within a group may shift: bm25 statistics count every article).
      const after = askLine({ db, synonyms: index.ctx.synonyms }, '/claims troops');
      expect(findings(after)).toEqual(findings(before));
      // The next ingest finishes the job.
      const finish = runIngest(index.corpusDir, index.dbFile);
      expect(await finish.exit).toBe(0);
      expect((db.prepare('SELECT count(*) n FROM articles').get() as { n: number }).n).toBe(1505);
    } finally {
      db.close();
    }
  }, 180_000);

  it('a second ingest on the same index refuses clearly while the first runs, and lookups keep answering', async () => {
    index = await tempIndex();
    writeSyntheticArticles(index.corpusDir, 2000);
    const first = runIngest(index.corpusDir, index.dbFile);
    // As soon as the first ingest holds the lease, start the second.
    await until(() => index!.db.prepare("SELECT count(*) FROM leases WHERE name = 'ingest'").pluck().get() === 1, 60_000);
    const second = runIngest(index.corpusDir, index.dbFile);
    // Meanwhile, a reader on the same file answers normally (WAL: readers are not blocked by the writer).
    let answered = 0;
    while (first.child.exitCode === null && answered < 50) {
      const result = askLine(index.ctx, '/who Rutte');
      expect('answer' in result && result.answer.empty).toBe(false);
      answered++;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(await second.exit).toBe(2);
    expect(second.output()).toMatch(/another ingest is running on this index/);
    expect(second.output()).not.toMatch(/\n\s+at /); // no stack trace
    expect(await first.exit).toBe(0);
    expect(answered).toBeGreaterThan(0);
    // Checked on a fresh connection: PRAGMA quick_check on a connection that last read FTS5 before
    // another process wrote reports FTS5 "corruption" from its stale structure cache (the data is fine:
    // the same connection's next FTS query refreshes it and answers like a fresh one).
    const fresh = openDatabase(index.dbFile);
    try {
      expect(quickCheck(fresh)).toBe('ok');
      const count = (db: typeof fresh) => db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'harbour'").pluck().get();
      expect(count(index.db)).toBe(count(fresh));
    } finally {
      fresh.close();
    }
  }, 180_000);

  it('a corrupt index file is detected at start with a way to rebuild it', async () => {
    index = await tempIndex({ ingest: false });
    index.db.close();
    const file = join(index.dir, 'corrupt.db');
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 7)]));
    const run = runIngest(index.corpusDir, file);
    expect(await run.exit).toBe(2);
    expect(run.output()).toMatch(/corrupt\.db.*(cannot|not).*npm run ingest/s);
    expect(run.output()).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('an ingest whose lease was taken over while it stalled writes nothing more and says so', async () => {
    index = await tempIndex();
    writeSyntheticArticles(index.corpusDir, 30);
    const before = articleCount(index.dbFile);
    const other = openDatabase(index.dbFile);
    try {
      const run = ingestCorpus(index.db, {
        corpusDir: index.corpusDir,
        maxBytes: 5 * 1024 * 1024,
        threads: 0,
        // The stall: the lease expires, and another ingest takes it over.
        afterScan: () => {
          other.prepare("UPDATE leases SET expires_at = 0 WHERE name = 'ingest'").run();
          expect(acquireLease(other, 'ingest', 'other-host:1:1', 60_000)).toBe(true);
        },
      });
      await expect(run).rejects.toThrow(LeaseLostError);
      await expect(run).rejects.toThrow(/taken over by another process; stopped without writing/);
      expect(articleCount(index.dbFile)).toBe(before);
      expect(leaseHolder(other, 'ingest')?.holder).toBe('other-host:1:1'); // not released by the loser
    } finally {
      other.close();
    }
  }, 60_000);

  it('the lease is renewed on a timer, so a file slower than its lifetime does not let a second ingest in', async () => {
    index = await tempIndex();
    // A file prepared on its own thread for longer than the lease lives (1 s).
    writeFileSync(join(index.corpusDir, 'slow.txt'), `Slow\n\n${'Mark Rutte said that troops moved. '.repeat(Math.ceil((GUARDED_BYTES * 2) / 35))}\n`);
    const other = openDatabase(index.dbFile);
    let intrusions = 0;
    let attempts = 0;
    const probe = setInterval(() => {
      attempts++;
      if (acquireLease(other, 'ingest', 'intruder:1:1', 60_000)) intrusions++;
    }, 20);
    try {
      const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 5 * 1024 * 1024, threads: 0, leaseTtlMs: 1000 });
      expect(summary.added).toBe(1);
    } finally {
      clearInterval(probe);
      other.close();
    }
    expect(attempts).toBeGreaterThan(10);
    expect(intrusions).toBe(0);
  }, 60_000);

  it('a kept lease stops being renewed when stopped, and is reported lost once someone else holds it', async () => {
    index = await tempIndex({ ingest: false });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    expect(acquireLease(index.db, 'job', 'me', 100)).toBe(true);
    const lease = keepLease(index.db, 'job', 'me', 100);
    await wait(300);
    expect(acquireLease(index.db, 'job', 'you', 100)).toBe(false);
    lease.assertHeld();
    lease.stop();
    await wait(150);
    expect(acquireLease(index.db, 'job', 'you', 100)).toBe(true);
    expect(() => lease.assertHeld()).toThrow(LeaseLostError);
  });

  it('an empty or wrong corpus folder does not wipe the index unless removals are allowed', async () => {
    index = await tempIndex();
    const options = { maxBytes: 5 * 1024 * 1024, threads: 0 };
    const empty = join(index.dir, 'empty');
    mkdirSync(empty);
    await expect(ingestCorpus(index.db, { ...options, corpusDir: empty })).rejects.toThrow(RemovalRefusedError);
    await expect(ingestCorpus(index.db, { ...options, corpusDir: empty })).rejects.toThrow(/refusing to remove 5 of the 5 indexed articles.*--allow-removals/);
    expect(articleCount(index.dbFile)).toBe(5);
    // More than half missing (3 of 5): refused; 2 of 5: allowed.
    const files = readdirSync(index.corpusDir).filter((f) => f.endsWith('.txt')).sort();
    for (const f of files.slice(0, 3)) rmSync(join(index.corpusDir, f));
    await expect(ingestCorpus(index.db, { ...options, corpusDir: index.corpusDir })).rejects.toThrow(/refusing to remove 3 of the 5/);
    expect(articleCount(index.dbFile)).toBe(5);
    writeFileSync(join(index.corpusDir, files[0]!), 'placeholder so only two are missing\n\nA paragraph.\n');
    expect((await ingestCorpus(index.db, { ...options, corpusDir: index.corpusDir })).removed).toBe(2);
    // With the flag, all may go.
    expect((await ingestCorpus(index.db, { ...options, corpusDir: empty, allowRemovals: true })).removed).toBe(3);
    expect(articleCount(index.dbFile)).toBe(0);
  }, 60_000);
});
