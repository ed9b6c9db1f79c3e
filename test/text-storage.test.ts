/**
 * The text stored once (schema 012, src/index/texts.ts): sentences, statements, paragraphs, cues and
 * speakers' words are read back from each article's stored paragraphs at their code-point offsets,
 * and must be exactly the source file's text there — astral characters, combining marks and all.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMigrations, migrate, openDatabase } from '../src/index/database.js';
import { iterateExportRows, loadStatements } from '../src/index/statements.js';
import { paragraphsOf } from '../src/index/queries.js';
import { encodeArticleText, passageTexts, registerTextFunctions } from '../src/index/texts.js';
import { sliceByCodePoints } from '../src/text/offsets.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex | null = null;
afterEach(() => {
  index?.cleanup();
  index = null;
});

const ASTRAL = [
  'date 2024-11-02',
  'Ярмарок 🎪 returns to Kyïv — the “Zoë” stall opens',
  '',
  'The 𝐅𝐀𝐈𝐑 👩‍👩‍👧 opened on Saturday. “We expect 12,000 visitors 🎉 this year,” said Zoë Müller-Łukasz, the organiser.',
  '',
  'Officials said that the cafe\u0301 and the naïve 🐉 dragon parade would run until 3 November, according to the city council.',
  '',
].join('\n');

describe('text stored once', () => {
  it('gives back every sentence, statement, cue, speaker and figure exactly as the source file has it at its offsets', async () => {
    index = await tempIndex();
    writeFileSync(join(index.corpusDir, '900_astral.txt'), ASTRAL);
    await index.ingest();
    const db = index.db;
    const sourceOf = (file: string) => readFileSync(join(index!.corpusDir, file), 'utf8');
    const articles = db.prepare('SELECT id, key FROM articles').all() as { id: number; key: string }[];
    expect(articles.length).toBe(6);
    const sentences = db
      .prepare('SELECT a.key, s.start, s.end, x.text FROM sentences s JOIN sentence_texts x ON x.id = s.id JOIN articles a ON a.id = s.article_id')
      .all() as { key: string; start: number; end: number; text: string }[];
    expect(sentences.length).toBeGreaterThan(100);
    for (const s of sentences) expect(s.text).toBe(sliceByCodePoints(sourceOf(s.key), s));
    expect(sentences.some((s) => s.text.includes('👩‍👩‍👧'))).toBe(true);
    for (const a of articles) {
      for (const p of paragraphsOf(db, a.id)) expect(p.text).toBe(sliceByCodePoints(sourceOf(a.key), p));
    }
    const statements = loadStatements(db, { limit: 10_000 });
    expect(statements.some((s) => s.file === '900_astral.txt' && s.figures.some((f) => f.text === '12,000 visitors'))).toBe(true);
    for (const s of statements) {
      const source = sourceOf(s.file);
      expect(s.content).toBe(sliceByCodePoints(source, s.citation.span));
      for (const f of s.figures as unknown as { text: string; span: { start: number; end: number } }[]) expect(f.text).toBe(sliceByCodePoints(source, f.span));
    }
    let withMention = 0;
    for (const r of iterateExportRows(db)) {
      const source = sourceOf(r.file);
      expect(r.content).toBe(sliceByCodePoints(source, { start: r.contentStart, end: r.contentEnd }));
      if (r.cueStart !== null) expect(r.cue).toBe(sliceByCodePoints(source, { start: r.cueStart, end: r.cueEnd! }));
      if (r.speakerStart !== null) {
        withMention++;
        expect(r.speakerMention).toBe(sliceByCodePoints(source, { start: r.speakerStart, end: r.speakerEnd! }));
      }
    }
    expect(withMention).toBeGreaterThan(20);
  });

  it('keeps no second copy of the text: sentences and statements hold offsets, the article text is stored compressed', async () => {
    index = await tempIndex();
    const columns = (table: string) => (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    const db = index.db;
    expect(columns('sentences')).not.toContain('text');
    expect(columns('statements')).not.toContain('content');
    expect(columns('paragraphs')).not.toContain('text');
    const stored = db.prepare('SELECT sum(length(body)) FROM article_texts').pluck().get() as number;
    const text = db.prepare('SELECT sum(length(CAST(text AS BLOB))) FROM paragraph_texts').pluck().get() as number;
    expect(stored).toBeLessThan(text * 0.8);
    // Most speakers' words and cues are read from the text; only those no paragraph gives back are stored.
    const kept = db.prepare('SELECT count(*) FROM statements WHERE speaker_mention IS NOT NULL OR cue IS NOT NULL').pluck().get() as number;
    expect(kept).toBe(0);
  });

  it('cuts the stored text at code points, and keeps text UTF-8 cannot hold (a lone surrogate) exactly', () => {
    const db = new Database(':memory:');
    registerTextFunctions(db);
    db.exec('CREATE TABLE article_texts (article_id INTEGER PRIMARY KEY, body BLOB NOT NULL)');
    const cases = [
      [{ index: 0, span: { start: 0, end: 10 }, text: 'Zoë 🎪 fair' }, { index: 2, span: { start: 12, end: 30 }, text: 'café\u0301 👩‍👩‍👧 opened' }],
      [{ index: 0, span: { start: 3, end: 10 }, text: 'bad \ud800 x' }],
    ];
    for (const [k, paragraphs] of cases.entries()) {
      db.prepare('INSERT INTO article_texts(article_id, body) VALUES (?, ?)').run(k, encodeArticleText(paragraphs));
      const read = (index: number | null, start: number, end: number) => passageTexts(db, [{ articleId: k, paragraph: index, start, end }])[0];
      for (const p of paragraphs) {
        expect(read(p.index, p.span.start, p.span.end)).toBe(p.text);
        expect(read(null, p.span.start + 1, p.span.start + 5)).toBe(sliceByCodePoints(p.text, { start: 1, end: 5 }));
      }
      // A span outside its paragraph is an error, never a wrong excerpt.
      expect(() => read(paragraphs[0]!.index, paragraphs[0]!.span.start, paragraphs[0]!.span.end + 1)).toThrow(/not inside/);
    }
    // SQL gets the same text (SQLite holds text as UTF-8, so only well-formed text passes through it unchanged).
    expect(db.prepare('SELECT excerpt(body, 0, 2, 13, 17) FROM article_texts WHERE article_id = 0').pluck().get()).toBe('afé\u0301');
    db.close();
  });

  it('an index written before schema 012 reads the same after the migration', async () => {
    index = await tempIndex({ ingest: false });
    index.db.close();
    const file = join(index.dir, 'old.db');
    const old = new Database(file);
    migrate(old, loadMigrations().filter((m) => m.version < 12));
    old.exec(`
      INSERT INTO articles(id, key, hash, bytes, title, cites, date_inferred, date_basis, day, ingested_at, origin)
        VALUES (1, 'a.txt', 'h', 10, 'Zoë 🎪 title', '[]', 0, 'stated', 20000, '2024-01-01', 'a.txt');
      INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (1, 0, 'title', 0, 11, 'Zoë 🎪 title'),
        (1, 1, 'body', 13, 63, '“We saw 3,000 🐉 troops,” said Zoë Müller, a guide.');
      INSERT INTO sentences(id, article_id, paragraph_idx, idx, start, end, text, fingerprint, weight)
        VALUES (83886080000, 1, 0, 0, 0, 11, 'Zoë 🎪 title', '0123456789abcdef', 2), (83886080001, 1, 1, 1, 13, 63, '“We saw 3,000 🐉 troops,” said Zoë Müller, a guide.', 'fedcba9876543210', 1.5);
      INSERT INTO sentences_fts(rowid, text) SELECT id, text FROM sentences;
      INSERT INTO statements(article_id, sentence_id, paragraph_idx, kind, speaker, speaker_mention, speaker_start, speaker_end, cue, cue_start, cue_end,
          content, content_start, content_end, stance, figures, quoted, fingerprint, day)
        VALUES (1, 83886080001, 1, 'direct', 'Zoë Müller', 'Zoë Müller', 43, 53, 'said', 38, 42, 'We saw 3,000 🐉 troops,', 14, 36, 'asserts',
          '[{"text":"3,000 🐉 troops","span":{"start":21,"end":35},"min":3000,"max":3000,"qualifier":"exact","counted":"troops"}]', 1, 'aaaaaaaaaaaaaaaa', 20000);
    `);
    old.close();
    const db = openDatabase(file);
    try {
      expect(db.prepare('SELECT text FROM sentence_texts ORDER BY id').pluck().all()).toEqual(['Zoë 🎪 title', '“We saw 3,000 🐉 troops,” said Zoë Müller, a guide.']);
      expect(db.prepare("SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'troops'").pluck().all()).toEqual([83886080001]);
      const [s] = loadStatements(db);
      expect(s).toMatchObject({ content: 'We saw 3,000 🐉 troops,', cue: 'said', fingerprint: 'aaaaaaaaaaaaaaaa' });
      expect(s!.figures).toEqual([{ text: '3,000 🐉 troops', span: { start: 21, end: 35 }, min: 3000, max: 3000, qualifier: 'exact', counted: 'troops' }]);
      expect([...iterateExportRows(db)][0]).toMatchObject({ speakerMention: 'Zoë Müller', cue: 'said' });
      expect(db.prepare('SELECT count(*) FROM statements WHERE speaker_mention IS NOT NULL OR cue IS NOT NULL').pluck().get()).toBe(0);
      db.exec('DELETE FROM articles');
      expect(db.prepare("SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH 'troops'").pluck().get()).toBe(0);
      expect(db.prepare('SELECT count(*) FROM article_texts').pluck().get()).toBe(0);
    } finally {
      db.close();
    }
  });
});
