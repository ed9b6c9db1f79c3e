/**
 * Crash safety and concurrency of the ingest, with real processes on a real
 * SQLite file: kill -9 mid-ingest, two ingests at once, lookups during an ingest.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askLine } from '../src/app.js';
import { openDatabase, quickCheck } from '../src/index/database.js';
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
});
