/**
 * The ranking rule (src/index/queries.ts searchSentences): bm25 × position
 * weight within the newest CANDIDATE_LIMIT matches, title and lead boosted,
 * equal scores to the newer sentence, rare terms searched exhaustively.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/parse.js';
import { openDatabase, type Db } from '../src/index/database.js';
import { CANDIDATE_LIMIT, searchSentences } from '../src/index/queries.js';
import { sentenceWeight, writeArticle } from '../src/index/write.js';
import { prepareArticle } from '../src/corpus/prepare.js';

let db: Db;

function add(file: string, text: string): void {
  writeArticle(db, prepareArticle(parseArticle({ file, text })), { bytes: Buffer.byteLength(text), contextYear: null });
}

function fileOf(id: number): string {
  return (db.prepare('SELECT a.file FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id = ?').get(id) as { file: string }).file;
}

/** bm25 of every match, from a plain full MATCH (not `AND rowid = ?`, which FTS5 scores differently). */
function bm25s(match: string): Map<number, number> {
  const rows = db.prepare('SELECT rowid AS id, bm25(sentences_fts) AS b FROM sentences_fts WHERE sentences_fts MATCH ?').all(match) as { id: number; b: number }[];
  return new Map(rows.map((r) => [r.id, r.b]));
}

beforeEach(() => {
  db = openDatabase(':memory:');
});

afterEach(() => {
  db.close();
});

describe('searchSentences ranking', () => {
  it('scores each hit as bm25 × the sentence weight, best (lowest) first', () => {
    add('a.txt', 'date 2024-03-01\nPontoon bridge repaired near the river\n\nEngineers say the pontoon bridge across the river was repaired overnight.\n\nA long body sentence also mentions the pontoon in passing among many other words about logistics and supplies.');
    add('b.txt', `date 2024-03-02\nOther news\n\n${Array.from({ length: 20 }, (_, i) => `Sentence ${i} is about something else.`).join('\n')}`);
    const { hits } = searchSentences(db, '"pontoon"', 10);
    expect(hits).toHaveLength(3);
    const bm25 = bm25s('"pontoon"');
    for (const h of hits) expect(h.score).toBeCloseTo(bm25.get(h.id)! * h.weight, 9);
    expect(new Set(hits.map((h) => h.weight))).toEqual(new Set([2, 1.5, 1]));
    const scores = hits.map((h) => h.score);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it('boosts the title over the lead, the lead over a sub-heading, a sub-heading over the body, for the same words', () => {
    expect([sentenceWeight(0, 'title'), sentenceWeight(1, 'body'), sentenceWeight(3, 'heading'), sentenceWeight(4, 'body')]).toEqual([2, 1.5, 1.2, 1]);
    // The same sentence in four positions of four articles of the same day: bm25 is equal, only the weight differs.
    const same = 'Floating mines drift toward Odesa';
    add('body.txt', `date 2024-05-05\nSomething else entirely\n\nA lead about other things.\n\nMore text here.\n\n${same}.`);
    add('heading.txt', `date 2024-05-05\nAnother unrelated title\n\nA lead about other things.\n\nMore text here.\n\n${same}\n\nThe end of the article.`);
    add('lead.txt', `date 2024-05-05\nA third unrelated title\n\n${same}.\n\nMore text here.`);
    add('title.txt', `date 2024-05-05\n${same}\n\nA lead about other things.`);
    const { hits } = searchSentences(db, '"floating" AND "mines"', 10);
    expect(hits.map((h) => fileOf(h.id))).toEqual(['title.txt', 'lead.txt', 'heading.txt', 'body.txt']);
    expect(hits.map((h) => h.weight)).toEqual([2, 1.5, 1.2, 1]);
  });

  it('gives equal scores to the newer sentence', () => {
    const body = (date: string) => `date ${date}\nUnrelated headline\n\nUnrelated lead sentence.\n\nThe reservoir level fell again.`;
    add('older.txt', body('2024-01-10'));
    add('newest.txt', body('2024-06-10'));
    add('middle.txt', body('2024-03-10'));
    const { hits } = searchSentences(db, '"reservoir"', 10);
    expect(hits.map((h) => h.score)).toEqual([hits[0]!.score, hits[0]!.score, hits[0]!.score]);
    expect(hits.map((h) => fileOf(h.id))).toEqual(['newest.txt', 'middle.txt', 'older.txt']);
  });

  it('ranks only the newest CANDIDATE_LIMIT matches of a very common term, and says so', () => {
    // An old article where the term is the whole title (the best bm25 there is) …
    add('old.txt', 'date 2020-01-01\nConvoy\n\nNothing else here.');
    // … and CANDIDATE_LIMIT newer, weaker matches.
    const filler = Array.from({ length: CANDIDATE_LIMIT }, (_, i) => `Report number ${i} says a convoy of many trucks moved slowly along the old road at night.`).join('\n');
    add('new.txt', `date 2024-01-01\nNew headline\n\n${filler}`);
    const { hits, capped } = searchSentences(db, '"convoy"', 50);
    expect(capped).toBe(true);
    expect(hits).toHaveLength(50);
    expect(hits.every((h) => fileOf(h.id) === 'new.txt')).toBe(true);
  });

  it('ranks every match of a rare term, however old', () => {
    add('ancient.txt', 'date 2019-02-02\nHypersonic\n\nNothing else here.');
    add('recent.txt', 'date 2024-08-08\nRecent headline\n\nA lead.\n\nOfficials said a hypersonic missile was among many weapons fired overnight at the city.');
    add('mid.txt', 'date 2022-08-08\nMid headline\n\nA lead.\n\nThe hypersonic threat was discussed at length by the ministers of defence.');
    const filler = Array.from({ length: 300 }, (_, i) => `Unrelated sentence ${i} about the weather.`).join('\n');
    add('noise.txt', `date 2024-09-09\nNoise\n\n${filler}`);
    const { hits, capped } = searchSentences(db, '"hypersonic"', 10);
    expect(capped).toBe(false);
    expect(hits.map((h) => fileOf(h.id)).sort()).toEqual(['ancient.txt', 'mid.txt', 'recent.txt']);
    // Exhaustive, so the oldest (a one-word title: best bm25, weight 2) comes first.
    expect(fileOf(hits[0]!.id)).toBe('ancient.txt');
  });

  it('returns at most `limit` hits with their full rows', () => {
    add('x.txt', 'date 2024-02-02\nTanks and more tanks\n\nTanks rolled in.\n\nThe tanks stopped.\n\nNo tanks remained.');
    const { hits } = searchSentences(db, '"tanks"', 2);
    expect(hits).toHaveLength(2);
    for (const h of hits) {
      expect(h.text.toLowerCase()).toContain('tanks');
      expect(h.articleId).toBeGreaterThan(0);
      expect(h.fingerprint).toMatch(/^[0-9a-f]{16}$/);
      expect(h.end).toBeGreaterThan(h.start);
    }
  });
});
