import { appendFileSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { askLine } from '../src/app.js';
import { answer } from '../src/answers/index.js';
import { parseQuery, toFtsMatch } from '../src/index/ftsQuery.js';
import { loadSynonyms } from '../src/index/synonyms.js';
import { openDatabase, IndexOpenError, quickCheck, loadMigrations, migrate } from '../src/index/database.js';
import { rankingWindowCurrent } from '../src/index/queries.js';
import { iterateExportRows } from '../src/index/statements.js';
import { parseArticle } from '../src/corpus/parse.js';
import { extractFrom } from '../src/pipeline/prepare.js';
import { sliceByCodePoints } from '../src/text/offsets.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import { NEWS_FIXTURES_DIR } from '../src/cli/fixtureSets.js';

let index: TempIndex | undefined;
afterEach(() => {
  index?.cleanup();
  index = undefined;
});

const counts = (t: TempIndex) =>
  t.db.prepare('SELECT (SELECT count(*) FROM articles) a, (SELECT count(*) FROM sentences) s, (SELECT count(*) FROM sentences_fts) f').get() as { a: number; s: number; f: number };

describe('ingest', () => {
  it('leaves the ranking window built from the sentences as they are, and catches up after an ingest stopped before its rebuild', async () => {
    index = await tempIndex();
    expect(rankingWindowCurrent(index.db)).toBe(true);
    // Articles written, then the process gone before the rebuild: the sentences moved on, the window did not.
    index.db.prepare('UPDATE sentences_version SET version = version + 1').run();
    expect(rankingWindowCurrent(index.db)).toBe(false);
    const summary = await index.ingest();
    expect(summary).toMatchObject({ added: 0, updated: 0, removed: 0 });
    expect(rankingWindowCurrent(index.db)).toBe(true);
  });

  it('indexes the five seeds and is idempotent: a second run changes nothing', async () => {
    index = await tempIndex();
    const first = counts(index);
    expect(first.a).toBe(5);
    expect(first.s).toBeGreaterThan(90);
    const again = await index.ingest();
    expect(again).toMatchObject({ read: 5, added: 0, updated: 0, unchanged: 5, removed: 0, skipped: [] });
    expect(counts(index)).toEqual(first);
  });

  it('replaces a changed file and drops a removed one, keeping FTS in step', async () => {
    index = await tempIndex();
    appendFileSync(join(index.corpusDir, '004_052bf8636d0ccf43.txt'), '\n\nA brand new zanzibarian sentence was added.\n');
    rmSync(join(index.corpusDir, '001_1be755a8a575e7b4.txt'));
    const summary = await index.ingest();
    expect(summary).toMatchObject({ updated: 1, removed: 1, unchanged: 3 });
    const c = counts(index);
    expect(c.a).toBe(4);
    expect(c.f).toBe(c.s);
    expect(askLine(index.ctx, '/claims zanzibarian')).toMatchObject({ answer: { empty: false } });
    expect(index.db.prepare("SELECT count(*) n FROM sentences_fts WHERE sentences_fts MATCH 'Kuvshinnikova'").get()).toEqual({ n: 0 });
    expect(quickCheck(index.db)).toBe('ok');
  });

  it('takes a file whose size and modification time are as last read as unchanged without reading it, and reads it again once either changes', async () => {
    index = await tempIndex();
    const files = readdirSync(index.corpusDir).filter((f) => f.endsWith('.txt'));
    const anHourAgo = new Date(Date.now() - 3_600_000);
    for (const f of files) utimesSync(join(index.corpusDir, f), anHourAgo, anHourAgo);
    // Read whole once more with settled times: their signatures are recorded.
    expect(await index.ingest()).toMatchObject({ read: 5, unchanged: 5 });
    const file = join(index.corpusDir, '004_052bf8636d0ccf43.txt');
    const text = readFileSync(file, 'utf8');
    const sameSize = text.replace('Dahlallah', 'Dahlallax');
    expect(Buffer.byteLength(sameSize)).toBe(Buffer.byteLength(text));
    // Same size, same time: not read (the limit, as for git or rsync without --checksum).
    writeFileSync(file, sameSize);
    utimesSync(file, anHourAgo, anHourAgo);
    expect(await index.ingest()).toMatchObject({ read: 5, unchanged: 5, updated: 0 });
    // A new modification time: read, and the change indexed.
    const later = new Date(Date.now() - 1_800_000);
    utimesSync(file, later, later);
    expect(await index.ingest()).toMatchObject({ read: 5, unchanged: 4, updated: 1 });
    expect(index.db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'Dahlallax'").pluck().get()).toBeGreaterThan(0);
    // A file just modified is read again next time, whatever its signature (it could change again within the clock's resolution).
    appendFileSync(file, '\n\nA zanzibarian line.\n');
    expect(await index.ingest()).toMatchObject({ updated: 1 });
    expect(index.db.prepare("SELECT origin_mtime FROM articles WHERE key = '004_052bf8636d0ccf43.txt'").pluck().get()).toBeNull();
  });

  it('re-dates inferred articles when the corpus year they relied on goes away', async () => {
    index = await tempIndex();
    // 003 is the only file that states a year; without it, "17 October" has no year to go on.
    rmSync(join(index.corpusDir, '003_546e318d620879e9.txt'));
    const summary = await index.ingest();
    expect(summary).toMatchObject({ removed: 1, updated: 4 });
    expect(index.db.prepare('SELECT DISTINCT date FROM articles').pluck().all()).toEqual([null]);
  });

  it('rebuilds people and the vocabulary when a migration emptied them and marked them out of date, even with no article changed', async () => {
    index = await tempIndex();
    // A migration that changes what is derived says so as 012 does: the derived tables were built from no version.
    index.db.exec('DELETE FROM person_aliases; DELETE FROM people; DELETE FROM vocabulary; UPDATE statement_rows SET person_id = NULL; UPDATE ranking_window SET built_at = -1;');
    const summary = await index.ingest();
    expect(summary).toMatchObject({ unchanged: 5, added: 0 });
    expect(answer(index.ctx, { command: 'who', query: 'Rutte' }).title).toBe('Mark Rutte');
    expect(index.db.prepare('SELECT count(*) FROM vocabulary').pluck().get()).toBeGreaterThan(100);
  });

  it('keeps people and their ids across ingests, adds and drops people with their articles, and answers from the new people at once', async () => {
    index = await tempIndex();
    const people = () => new Map(index!.db.prepare('SELECT canonical, id FROM people').all().map((r) => [(r as { canonical: string }).canonical, (r as { id: number }).id]));
    const before = people();
    const rutteStatements = index.db.prepare("SELECT count(*) FROM statements WHERE person_id = ?").pluck().get(before.get('Mark Rutte'));
    expect(answer(index.ctx, { command: 'who', query: 'Quentin Marlowe' }).title).not.toBe('Quentin Marlowe'); // warms the people cache
    const extra = join(index.corpusDir, '900_new.txt');
    writeFileSync(extra, 'date 2024-10-30\nHarbour talks resume\n\n"The harbour will reopen on Friday," said Quentin Marlowe, the port director.\n');
    await index.ingest();
    const after = people();
    for (const [name, id] of before) expect(after.get(name), name).toBe(id);
    expect(after.get('Quentin Marlowe')).toBeGreaterThan(Math.max(...before.values()));
    expect(index.db.prepare('SELECT count(*) FROM statements WHERE person_id = ?').pluck().get(before.get('Mark Rutte'))).toBe(rutteStatements);
    expect(answer(index.ctx, { command: 'who', query: 'Quentin Marlowe' }).title).toBe('Quentin Marlowe');
    rmSync(extra);
    await index.ingest();
    expect(people().has('Quentin Marlowe')).toBe(false);
    expect(answer(index.ctx, { command: 'who', query: 'Quentin Marlowe' }).title).not.toBe('Quentin Marlowe');
  });

  it('skips bad files with one reason each and ingests the rest', async () => {
    index = await tempIndex();
    writeFileSync(join(index.corpusDir, 'empty.txt'), '  \n\n');
    writeFileSync(join(index.corpusDir, 'binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
    writeFileSync(join(index.corpusDir, 'latin1.txt'), Buffer.from('Caf\xe9 au lait, said Ren\xe9.', 'latin1'));
    writeFileSync(join(index.corpusDir, 'copy.txt'), readFileSync(join(index.corpusDir, '002_852c7ea92689125f.txt')));
    writeFileSync(join(index.corpusDir, 'badmeta.txt'), '---\ndate: yesterday\n---\nTitle\nBody.\n');
    writeFileSync(join(index.corpusDir, 'good.txt'), 'A good new article\n\nJane Roe said the bridge reopened.\n');
    writeFileSync(join(index.corpusDir, 'notes.doc'), 'not an article: an extension no reader takes');
    const summary = await index.ingest();
    const reasons = Object.fromEntries(summary.skipped.map((s) => [s.file, s.reason]));
    expect(reasons).toEqual({
      'empty.txt': 'empty',
      'binary.txt': 'binary content (NUL bytes), not a text article',
      'latin1.txt': expect.stringContaining('not valid UTF-8'),
      'copy.txt': 'same content as 002_852c7ea92689125f.txt',
      'badmeta.txt': 'front matter date: expected a date as YYYY-MM-DD',
    });
    expect(summary.added).toBe(1);
    expect(counts(index).a).toBe(6);
  });

  it('skips a file over the size limit without reading it', async () => {
    index = await tempIndex({ ingest: false });
    writeFileSync(join(index.corpusDir, 'huge.txt'), 'x'.repeat(2048));
    const { ingestCorpus } = await import('../src/pipeline/ingest.js');
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 1024 });
    expect(summary.skipped.find((s) => s.file === 'huge.txt')?.reason).toBe('larger than the 1.0 KB limit (2.0 KB)');
  });

  it('refuses a file that is not our index, with a way to rebuild', async () => {
    index = await tempIndex({ ingest: false });
    const foreign = join(index.dir, 'foreign.db');
    writeFileSync(foreign, 'this is not sqlite at all, just text that is long enough');
    expect(() => openDatabase(foreign)).toThrow(IndexOpenError);
    expect(() => openDatabase(foreign)).toThrow(/not a SQLite database.*npm run ingest/);
  });
});

describe('search and citations', () => {
  it('every excerpt equals the source file text at its citation offsets', async () => {
    index = await tempIndex();
    for (const line of ['/claims troops', '/claims North Korea', '/who Rutte', '/source 001_1be755a8a575e7b4.txt']) {
      const result = askLine(index.ctx, line);
      if ('usage' in result) throw new Error(result.usage);
      const items = result.answer.sections.flatMap((s) => s.items);
      expect(items.length).toBeGreaterThan(0);
      for (const item of items) {
        const own = item.citations[0]!;
        const source = readFileSync(join(index.corpusDir, own.file), 'utf8');
        expect(sliceByCodePoints(source, own.span)).toBe(item.excerpt);
      }
    }
  });

  it('reads every sentence and statement back verbatim from its paragraph, where the text is stored once (schema 013)', async () => {
    index = await tempIndex({ seeds: true, ingest: false });
    for (const set of ['dev-a', 'dev-za']) {
      const dir = join(NEWS_FIXTURES_DIR, set);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) writeFileSync(join(index.corpusDir, `${set}-${file}`), readFileSync(join(dir, file)));
    }
    await index.ingest();
    const rows = (table: string, text: string, start: string, end: string) =>
      index!.db.prepare(`SELECT a.key AS file, t.${text} AS text, t.${start} AS start, t.${end} AS end FROM ${table} t JOIN articles a ON a.id = t.article_id`).all() as { file: string; text: string; start: number; end: number }[];
    const sources = new Map<string, string>();
    const source = (file: string) => sources.get(file) ?? sources.set(file, readFileSync(join(index!.corpusDir, file), 'utf8')).get(file)!;
    const sentences = rows('sentences', 'text', 'start', 'end');
    const statements = rows('statements', 'content', 'content_start', 'content_end');
    expect(sentences.length).toBeGreaterThan(1000);
    expect(statements.length).toBeGreaterThan(300);
    for (const r of [...sentences, ...statements]) expect(r.text).toBe(sliceByCodePoints(source(r.file), { start: r.start, end: r.end }));
    const stored = index.db.prepare("SELECT name FROM pragma_table_info('sentence_rows') UNION ALL SELECT name FROM pragma_table_info('statement_rows')").pluck().all();
    expect(stored).not.toContain('text');
    expect(stored).not.toContain('content');
  });

  it('stores statements in lean rows and reads them back as extraction made them (schema 015)', async () => {
    index = await tempIndex({ seeds: false, ingest: false });
    const files: string[] = [];
    for (const set of ['dev-a', 'dev-zc']) {
      const dir = join(NEWS_FIXTURES_DIR, set);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        writeFileSync(join(index.corpusDir, `${set}-${file}`), readFileSync(join(dir, file)));
        files.push(`${set}-${file}`);
      }
    }
    await index.ingest();
    const exported = [...iterateExportRows(index.db)];
    let figures = 0;
    for (const file of files) {
      const text = readFileSync(join(index.corpusDir, file), 'utf8');
      const byStart = (a: { start: number }, b: { start: number }) => a.start - b.start;
      const extracted = extractFrom(parseArticle({ file, text })).statements.map((s) => ({
        start: s.contentSpan.start, kind: s.kind, speakerMention: s.speakerMention, cue: s.cue, stance: s.stance, figures: s.figures, content: s.content, rule: s.rule,
      }));
      const stored = exported.filter((r) => r.file === file).map((r) => ({
        start: r.contentStart, kind: r.kind, speakerMention: r.speakerMention, cue: r.cue, stance: r.stance, figures: r.figures, content: r.content, rule: r.rule,
      }));
      expect(stored, file).toEqual(extracted);
      figures += extracted.reduce((n, s) => n + s.figures.length, 0);
    }
    expect(exported.length).toBeGreaterThan(400);
    expect(figures).toBeGreaterThan(30);
    const lean = index.db
      .prepare("SELECT count(*) AS spans, count(speaker_mention) AS written, sum(figures LIKE '%\"text\"%') AS spelled, sum(typeof(fingerprint) = 'blob') AS blobs FROM statement_rows WHERE speaker_start IS NOT NULL")
      .get() as { spans: number; written: number; spelled: number; blobs: number };
    expect(lean.written).toBeLessThan(lean.spans * 0.3);
    expect(lean.spelled).toBe(0);
    expect(lean.blobs).toBe(lean.spans);
  });

  it('upgrades an index of schema 12 in place (migration 013): the same rows, the same full-text matches, the same answers', async () => {
    index = await tempIndex();
    const oldFile = join(index.dir, 'schema12.db');
    const old = new Database(oldFile);
    migrate(old, loadMigrations().filter((m) => m.version <= 12));
    old.exec(`ATTACH '${index.dbFile}' AS cur`);
    const tables = old.prepare("SELECT name FROM main.sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%' AND name NOT LIKE '%vocab%'").pluck().all() as string[];
    for (const table of tables) {
      const columns = (old.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).join(', ');
      old.exec(`DELETE FROM main.${table}; INSERT INTO main.${table}(${columns}) SELECT ${columns} FROM cur.${table}`);
    }
    // Schema 12 spelled each figure out ({ text, span, … }); schema 15 keeps [start, end, min, max, qualifier, counted].
    old.exec(`UPDATE main.statements SET figures = (
      SELECT CASE WHEN s.figures = '[]' THEN '[]' ELSE (
        SELECT json_group_array(json_object('text', substr(s.content, (f.value ->> 0) - s.content_start + 1, (f.value ->> 1) - (f.value ->> 0)),
                                            'span', json_object('start', f.value ->> 0, 'end', f.value ->> 1), 'min', f.value ->> 2,
                                            'max', f.value ->> 3, 'qualifier', f.value ->> 4, 'counted', f.value ->> 5) ORDER BY f.key)
        FROM json_each(s.figures) f) END
      FROM cur.statements s WHERE s.id = main.statements.id)`);
    expect(old.prepare("SELECT count(*) FROM main.statements WHERE figures LIKE '%\"text\"%'").pluck().get()).toBeGreaterThan(5);
    old.exec('INSERT INTO main.sentences_fts(rowid, text) SELECT id, text FROM main.sentences ORDER BY id; DETACH cur');
    expect(migrate(old)).toEqual([13, 14, 15]);
    const dump = (db: typeof old) => ({
      sentences: db.prepare('SELECT * FROM sentences ORDER BY id').all(),
      statements: db.prepare('SELECT * FROM statements ORDER BY id').all(),
      matches: ['troops', 'Kuvshynnykova', '"North Korea"'].map((q) => db.prepare('SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank').pluck().all(q)),
    });
    const upgraded = dump(old);
    expect(upgraded.sentences.length).toBeGreaterThan(100);
    expect(upgraded).toEqual(dump(index.db));
    expect(quickCheck(old)).toBe('ok');
    old.prepare('DELETE FROM articles WHERE id = (SELECT min(id) FROM articles)').run();
    expect(old.prepare('SELECT count(*) FROM sentences_fts').pluck().get()).toBe(old.prepare('SELECT count(*) FROM sentences').pluck().get());
    old.close();
  });

  it('a synonym finds its everyday variants: troops ~ soldiers ~ military personnel; DPRK ~ North Korea ~ Pyongyang', async () => {
    index = await tempIndex();
    const synonyms = loadSynonyms();
    const texts = (q: string) => answer(index!.ctx, { command: 'claims', query: q }).sections.flatMap((s) => s.items.map((i) => i.excerpt)).join('\n');
    const troops = texts('troops');
    expect(troops).toMatch(/soldiers/);
    expect(troops).toMatch(/military personnel/);
    expect(texts('Pyongyang')).toMatch(/DPRK|North Korea/);
    expect(toFtsMatch(parseQuery('North Korea troops', synonyms))).toBe(
      '("dprk" OR "north korea" OR "north korean" OR "pyongyang") AND ("troops" OR "soldiers" OR "military personnel" OR "servicemen" OR "servicemembers" OR "fighters")',
    );
  });

  it('a background paragraph repeated across articles appears once, citing every article', async () => {
    index = await tempIndex();
    const result = answer(index.ctx, { command: 'claims', query: 'Buryat battalion' });
    const items = result.sections.flatMap((s) => s.items);
    const buryat = items.filter((i) => i.excerpt.includes('special Buryat battalion'));
    expect(buryat).toHaveLength(1);
    expect(buryat[0]!.citations.map((c) => c.file).sort()).toEqual(['000_e8018e16b81195cd.txt', '002_852c7ea92689125f.txt', '003_546e318d620879e9.txt']);
  });

  it('ranks title and lead above the body for the same words', async () => {
    index = await tempIndex();
    const first = answer(index.ctx, { command: 'claims', query: 'Rutte confirmed North Korean soldiers' }).sections[0]!.items[0]!;
    expect(first.citations[0]).toMatchObject({ file: '002_852c7ea92689125f.txt', paragraph: 0 });
  });
});

describe('hostile query text is searched as plain words', () => {
  const hostile = [
    '"troops',
    'troops*',
    'NEAR(troops soldiers, 2)',
    'troops AND OR NOT soldiers',
    'text:troops',
    "'; DROP TABLE articles; --",
    ') OR 1=1 --',
    'x'.repeat(6000),
    '   ',
    'войска',
    '朝鲜 军队',
    '🪖🪖 troops 🚀',
    'قوات troops',
    '\u0000\u0007 troops',
    '^troops',
    '{text}: troops',
  ];
  it.each(hostile.map((q) => [q.slice(0, 40), q]))('%s', async (_label, query) => {
    index ??= await tempIndex();
    for (const command of ['claims', 'who', 'timeline', 'source']) {
      const result = askLine(index.ctx, `/${command} ${query}`);
      expect('usage' in result ? result.usage : result.text).toBeTypeOf('string');
    }
    expect(quickCheck(index.db)).toBe('ok');
    expect(counts(index).a).toBe(5);
  });
});
