/**
 * An ingest of named files (`npm run ingest -- --changed FILE`, IngestOptions.changed) looks at those files only,
 * without scanning the folder. Property: after any sequence of adds, edits and deletes, each followed by an ingest
 * naming the files it touched, the index holds what a whole-folder ingest of the same folder holds: the same
 * articles, sentences, statements and people. Real news texts (test/fixtures/news/dev-a, all of one year, so the
 * corpus year never moves: an ingest of named files does not re-date the rest of the corpus, and says so).
 */
import { appendFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { NEWS_FIXTURES_DIR } from '../src/cli/fixtureSets.js';
import { updateIndex } from '../src/app.js';
import type { Db } from '../src/index/database.js';
import { quietLogger, tempIndex, type TempIndex } from './helpers/index.js';

const SOURCE = join(NEWS_FIXTURES_DIR, 'dev-a');
const POOL = readdirSync(SOURCE).filter((f) => f.endsWith('.txt')).sort().slice(0, 10);

let indexes: TempIndex[] = [];
afterEach(() => {
  for (const index of indexes) index.cleanup();
  indexes = [];
});

/** What a reader sees, with ids replaced by what they stand for, so two indexes built in different orders compare. */
function contents(db: Db) {
  const all = (sql: string) => (db.prepare(sql).raw(true).all() as unknown[][]).map((r) => JSON.stringify(r)).sort();
  return {
    articles: all('SELECT key, hash, title, CASE WHEN date_inferred = 1 THEN NULL ELSE date END, origin, origin_size IS NOT NULL FROM articles'),
    sentences: all('SELECT a.key, s.idx, s.start, s.end, s.text, s.fingerprint FROM sentences s JOIN articles a ON a.id = s.article_id'),
    statements: all('SELECT a.key, s.content_start, s.content_end, s.kind, s.speaker, s.stance, p.type, p.canonical FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN people p ON p.id = s.person_id'),
    people: all('SELECT type, canonical, statements FROM people'),
    postings: db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'said'").pluck().get(),
  };
}

type Step = { op: 'add' | 'edit' | 'delete'; file: number };

const ingestNamed = (index: TempIndex, changed: string[]) => updateIndex(index.db, index.corpusDir, 5 * 1024 * 1024, quietLogger, { changed });
const ingestAll = (index: TempIndex) => updateIndex(index.db, index.corpusDir, 5 * 1024 * 1024, quietLogger);

describe('an ingest of named files', () => {
  it('after any adds, edits and deletes, each ingested by name, holds what a whole-folder ingest holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ op: fc.constantFrom('add', 'edit', 'delete'), file: fc.nat(POOL.length - 1) }), { minLength: 1, maxLength: 5 }), async (steps: Step[]) => {
        const named = await tempIndex({ seeds: false });
        indexes.push(named);
        // Start from the first three texts, ingested whole.
        for (const file of POOL.slice(0, 3)) cpSync(join(SOURCE, file), join(named.corpusDir, file));
        await ingestAll(named);
        for (const [n, step] of steps.entries()) {
          const file = POOL[step.file]!;
          const path = join(named.corpusDir, file);
          const present = readdirSync(named.corpusDir).includes(file);
          if (step.op === 'add' && !present) cpSync(join(SOURCE, file), path);
          else if (step.op === 'edit' && present) appendFileSync(path, `\n\nCorrection ${n}: an earlier version of this story misstated the turnout, the editors said.\n`);
          else if (step.op === 'delete' && present) rmSync(path);
          else continue;
          await ingestNamed(named, [file]);
        }
        const whole = await tempIndex({ seeds: false, ingest: false });
        indexes.push(whole);
        cpSync(named.corpusDir, whole.corpusDir, { recursive: true });
        await ingestAll(whole);
        expect(contents(named.db)).toEqual(contents(whole.db));
        // And a whole-folder ingest after the named ones finds nothing left to do.
        expect(await ingestAll(named)).toMatchObject({ added: 0, updated: 0, removed: 0 });
        for (const index of indexes.splice(0)) index.cleanup();
      }),
      { numRuns: 6 },
    );
  }, 120_000);

  it('reads only the files named; refuses names outside the folder; a repeat of an indexed article is skipped as a scan would', async () => {
    const index = await tempIndex();
    indexes.push(index);
    const seeds = readdirSync(index.corpusDir).filter((f) => f.endsWith('.txt')).sort();
    // A file the producer did not name is not looked at, even when it is new.
    writeFileSync(join(index.corpusDir, 'unnamed.txt'), 'Unnamed story\n\nThe council said the bridge would reopen.\n');
    cpSync(join(SOURCE, POOL[0]!), join(index.corpusDir, 'named.txt'));
    // Another copy of a seed, under a name that sorts after it.
    writeFileSync(join(index.corpusDir, 'zz-copy.txt'), readFileSync(join(index.corpusDir, seeds[0]!)));
    mkdirSync(join(index.corpusDir, 'folder.txt'));
    const summary = await ingestNamed(index, ['named.txt', 'zz-copy.txt', '../outside.txt', 'notes.docx', 'folder.txt', 'gone.txt']);
    expect(summary).toMatchObject({ read: 5, added: 1, updated: 0, removed: 0 });
    expect(summary.skipped.map((s) => [s.file, s.reason.split(' (')[0]!.split(':')[0]])).toEqual([
      ['../outside.txt', 'not a file name of the corpus folder'],
      ['folder.txt', 'a folder, not a file'],
      ['notes.docx', 'not an article file'],
      ['zz-copy.txt', `same content as ${seeds[0]}`],
    ]);
    const keys = index.db.prepare('SELECT key FROM articles ORDER BY key').pluck().all();
    expect(keys).toContain('named.txt');
    expect(keys).not.toContain('unnamed.txt');
    // A whole-folder ingest then finds the file nobody named, and agrees about the copy.
    const whole = await ingestAll(index);
    expect(whole).toMatchObject({ added: 1, removed: 0 });
    expect(whole.skipped.map((s) => s.file)).toEqual(expect.arrayContaining(['zz-copy.txt', 'folder.txt']));
  });

  it('a named file that is gone removes its articles, and the removal share still guards the index', async () => {
    const index = await tempIndex();
    indexes.push(index);
    const seeds = readdirSync(index.corpusDir).filter((f) => f.endsWith('.txt')).sort();
    rmSync(join(index.corpusDir, seeds[1]!));
    expect(await ingestNamed(index, [seeds[1]!])).toMatchObject({ removed: 1, read: 0 });
    for (const file of seeds.slice(2)) rmSync(join(index.corpusDir, file));
    await expect(ingestNamed(index, seeds.slice(2))).rejects.toThrow(/refusing to remove 3 of the 4 indexed articles/);
  });
});
