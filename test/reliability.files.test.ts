/** Hostile article files: each is skipped or handled with one clear line, and nothing else is lost. */
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, closeSync, ftruncateSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingestCorpus } from '../src/pipeline/ingest.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex | undefined;
afterEach(() => {
  index?.cleanup();
  index = undefined;
});

const MAX = 5 * 1024 * 1024;

describe('hostile article files', () => {
  it('a 50 MB file is refused by size without being read, and the seeds are still answered', async () => {
    index = await tempIndex({ ingest: false });
    // The seeds first: the engine's word lists load on first use, and their memory is not the big file's.
    expect((await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: MAX })).added).toBe(5);
    const big = join(index.corpusDir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB on paper, nothing to read
    closeSync(fd);
    const before = process.memoryUsage().rss;
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: MAX });
    expect(summary.skipped).toEqual([{ file: 'big.txt', reason: 'larger than the 5.0 MB limit (50.0 MB)' }]);
    expect(summary.unchanged).toBe(5);
    expect(process.memoryUsage().rss - before).toBeLessThan(40 * 1024 * 1024);
  });

  it('a file edited between the scan and its write is indexed as it is now, and the next run sees it as current', async () => {
    index = await tempIndex({ ingest: false });
    const file = join(index.corpusDir, '003_546e318d620879e9.txt');
    const summary = await ingestCorpus(index.db, {
      corpusDir: index.corpusDir,
      maxBytes: MAX,
      afterScan: () => appendFileSync(file, '\n\nA late correction mentions the quokka.\n'),
    });
    expect(summary.changedDuringIngest).toEqual(['003_546e318d620879e9.txt']);
    expect(index.db.prepare("SELECT count(*) n FROM sentences_fts WHERE sentences_fts MATCH 'quokka'").get()).toEqual({ n: 1 });
    const again = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: MAX });
    expect(again).toMatchObject({ unchanged: 5, updated: 0 });
  });

  it('a file deleted between the scan and its write is skipped with a reason; the rest is ingested', async () => {
    index = await tempIndex({ ingest: false });
    const { rmSync } = await import('node:fs');
    const summary = await ingestCorpus(index.db, {
      corpusDir: index.corpusDir,
      maxBytes: MAX,
      afterScan: () => rmSync(join(index!.corpusDir, '000_e8018e16b81195cd.txt')),
    });
    expect(summary.skipped).toEqual([{ file: '000_e8018e16b81195cd.txt', reason: 'cannot be read (ENOENT)' }]);
    expect(summary.added).toBe(4);
  });

  it('a file that turns to garbage keeps its last good version in the index', async () => {
    index = await tempIndex();
    const file = join(index.corpusDir, '002_852c7ea92689125f.txt');
    const good = readFileSync(file);
    writeFileSync(file, Buffer.concat([good.subarray(0, 100), Buffer.from([0xff, 0xfe, 0x00, 0x41])]));
    const summary = await index.ingest();
    expect(summary.skipped[0]).toEqual({ file: '002_852c7ea92689125f.txt', reason: 'binary content (NUL bytes), not a text article; the previously indexed version is kept' });
    expect(index.db.prepare("SELECT count(*) n FROM articles WHERE key = '002_852c7ea92689125f.txt'").get()).toEqual({ n: 1 });
  });

  it('symlinks, folders named *.txt and FIFOs are each skipped with a line saying what they are', async () => {
    index = await tempIndex({ ingest: false });
    symlinkSync('/etc/hostname', join(index.corpusDir, 'link.txt'));
    mkdirSync(join(index.corpusDir, 'folder.txt'));
    execFileSync('mkfifo', [join(index.corpusDir, 'pipe.txt')]);
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: MAX });
    expect(summary.skipped).toEqual([
      { file: 'folder.txt', reason: 'a folder, not a file' },
      { file: 'link.txt', reason: expect.stringMatching(/^a symbolic link, not a regular file/) },
      { file: 'pipe.txt', reason: 'a named pipe (FIFO), not a file' },
    ]);
    expect(summary.added).toBe(5);
    expect(summary.read).toBe(8);
  });

  it('UTF-16 with a byte-order mark is read; without one it is named as a likely cause', async () => {
    index = await tempIndex({ ingest: false, seeds: false });
    const text = 'Harbour reopens in Odesa\n\nThe harbour master said on 3 March 2023 that the quay 🚢 reopened.\n';
    writeFileSync(join(index.corpusDir, 'le.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    writeFileSync(join(index.corpusDir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]));
    writeFileSync(join(index.corpusDir, 'nobom.txt'), Buffer.from(text.replace('Odesa', 'Lviv'), 'utf16le'));
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: MAX });
    expect(summary.added).toBe(2);
    expect(summary.skipped.map((s) => s.file)).toEqual(['nobom.txt']);
    expect(summary.skipped.find((s) => s.file === 'nobom.txt')!.reason).toMatch(/^UTF-16 text without a byte-order mark; convert it with iconv/);
    expect(index.db.prepare("SELECT count(*) n FROM sentences_fts WHERE sentences_fts MATCH 'quay'").get()).toEqual({ n: 2 });
  });

  it('export with a mistyped --db refuses (exit 2) and creates nothing', () => {
    index = undefined;
    const missing = join(resolve(import.meta.dirname, '..'), 'db', 'no-such-typo.db');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/export.ts', '--db', missing, '--format', 'csv'], { cwd: resolve(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^no index at .*no-such-typo\.db: build it with npm run ingest, or put a snapshot of one there \(npm run snapshot\)$/);
    expect(existsSync(missing)).toBe(false);
  }, 30_000);
});
