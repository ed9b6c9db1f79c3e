/**
 * Preparing files on threads must not change what is indexed: the same corpus,
 * prepared on two threads or on the writer's own, gives the same rows.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeCorpus } from '../src/bench/generator.js';
import { ingestCorpus, type IngestSummary } from '../src/pipeline/ingest.js';
import { MIN_FILES_FOR_THREADS, preparingThreads } from '../src/pipeline/preparePool.js';
import { openDatabase, type Db } from '../src/index/database.js';
import { SEEDS_DIR } from './helpers/index.js';

const dir = mkdtempSync(join(tmpdir(), 'newsroom-threads-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const corpusDir = join(dir, 'corpus');
writeCorpus(corpusDir, 240, 7);
cpSync(SEEDS_DIR, corpusDir, { recursive: true });
writeFileSync(join(corpusDir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42]));
writeFileSync(join(corpusDir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait said the mayor.\n', 'latin1'));

async function ingestWith(threads: number, name: string, options: { afterScan?: () => void } = {}): Promise<{ db: Db; summary: IngestSummary }> {
  const db = openDatabase(join(dir, `${name}.db`));
  const summary = await ingestCorpus(db, { corpusDir, maxBytes: 5 * 1024 * 1024, threads, ...options });
  return { db, summary };
}

/** Everything an ingest writes, less the time it ran. */
function contents(db: Db): unknown {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    articles: all('SELECT id, key, origin, hash, bytes, title, section, publisher, cites, url, date, date_inferred, date_basis, context_year, day FROM articles ORDER BY id'),
    paragraphs: all('SELECT * FROM paragraphs ORDER BY article_id, idx'),
    sentences: all('SELECT * FROM sentences ORDER BY id'),
    statements: all('SELECT * FROM statements ORDER BY id'),
    mentions: all('SELECT * FROM speaker_mentions ORDER BY rowid'),
    postings: all("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'troops OR said OR confirm' ORDER BY rowid"),
  };
}

describe('preparing on threads', () => {
  it('indexes exactly what preparing on the writing thread indexes, and skips the same files for the same reasons', async () => {
    const serial = await ingestWith(0, 'serial');
    const threaded = await ingestWith(2, 'threaded');
    try {
      expect(threaded.summary.added).toBe(245);
      expect(threaded.summary.skipped).toEqual(serial.summary.skipped);
      expect(threaded.summary.skipped.map((s) => s.file).sort()).toEqual(['binary.txt', 'latin1.txt']);
      expect(contents(threaded.db)).toEqual(contents(serial.db));
      expect((serial.db.prepare('SELECT count(*) n FROM statements').get() as { n: number }).n).toBeGreaterThan(1000);
    } finally {
      serial.db.close();
      threaded.db.close();
    }
  });

  it('reports a file edited after the scan, when a thread reads it', async () => {
    const file = join(corpusDir, '003_546e318d620879e9.txt');
    const { db, summary } = await ingestWith(2, 'edited', { afterScan: () => appendFileSync(file, '\n\nA late correction mentions the quokka.\n') });
    try {
      expect(summary.changedDuringIngest).toEqual(['003_546e318d620879e9.txt']);
      expect(db.prepare("SELECT count(*) n FROM sentences_fts WHERE sentences_fts MATCH 'quokka'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('uses threads only when there are enough files and cores to pay for them', () => {
    expect(preparingThreads(MIN_FILES_FOR_THREADS - 1, 8)).toBe(0);
    expect(preparingThreads(10_000, 1)).toBe(0);
    expect(preparingThreads(10_000, 2)).toBe(2);
    expect(preparingThreads(10_000, 64)).toBe(4);
  });
});
