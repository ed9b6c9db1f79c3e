/**
 * The ranking rule (src/index/queries.ts searchSentences): bm25 × position
 * weight within the newest CANDIDATE_LIMIT matches, title and lead boosted,
 * equal scores to the newer sentence, rare terms searched exhaustively; the
 * ranking window's statistics for words common among the newest sentences.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/parse.js';
import { openDatabase, type Db } from '../src/index/database.js';
import { CANDIDATE_LIMIT, rankingWindowCurrent, searchSentences } from '../src/index/queries.js';
import { rebuildRankingWindow, removeArticle, sentenceWeight, writeArticle } from '../src/index/write.js';
import { prepareArticle } from '../src/pipeline/prepare.js';

let db: Db;

function add(file: string, text: string): void {
  writeArticle(db, prepareArticle(parseArticle({ file, text })), { bytes: Buffer.byteLength(text), contextYear: null });
}

function fileOf(id: number): string {
  return (db.prepare('SELECT a.key FROM sentences s JOIN articles a ON a.id = s.article_id WHERE s.id = ?').get(id) as { key: string }).key;
}

/** bm25 of every match, from a plain full MATCH (not `AND rowid = ?`, which FTS5 scores differently). */
function bm25s(match: string, table = 'sentences_fts'): Map<number, number> {
  const rows = db.prepare(`SELECT rowid AS id, bm25(${table}) AS b FROM ${table} WHERE ${table} MATCH ?`).all(match) as { id: number; b: number }[];
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

describe('the ranking window', () => {
  // A window small enough for a test: it needs twice its size in sentences to be built.
  const WINDOW = CANDIDATE_LIMIT + 500;
  const lines = (n: number, line: (i: number) => string) => Array.from({ length: n }, (_, i) => line(i)).join('\n');

  /** Older convoy reports outside the window, then newer ones (some long, some short) filling it. */
  function archive(): void {
    add('old.txt', `date 2020-01-01\nConvoy\n\n${lines(WINDOW + 200, (i) => `Old report ${i}: a convoy crossed the ridge.`)}`);
    add('new.txt', `date 2024-01-01\nNew headline\n\n${lines(WINDOW, (i) => (i % 10 === 0 ? `Report ${i} about the weather.` : i % 2 === 0 ? `New report ${i}: a convoy of trucks moved along the old road at night with its lights off.` : `Convoy ${i} moved.`))}`);
  }

  it('ranks a word common among the newest sentences there: the same candidates, scored with the window\'s statistics', () => {
    archive();
    rebuildRankingWindow(db, WINDOW);
    expect(rankingWindowCurrent(db)).toBe(true);
    const viaWindow = searchSentences(db, '"convoy"', CANDIDATE_LIMIT);
    const viaIndex = searchSentences(db, '"convoy"', CANDIDATE_LIMIT, { window: false });
    expect(viaWindow).toMatchObject({ ranked: 'window', capped: true });
    expect(viaIndex).toMatchObject({ ranked: 'index', capped: true });
    // The newest CANDIDATE_LIMIT matches either way, all in the newer article …
    expect(new Set(viaWindow.hits.map((h) => h.id))).toEqual(new Set(viaIndex.hits.map((h) => h.id)));
    expect(viaWindow.hits.every((h) => fileOf(h.id) === 'new.txt')).toBe(true);
    // … scored by the window's bm25 × weight; one word, so the order is the same.
    const bm25 = bm25s('"convoy"', 'recent_fts');
    for (const h of viaWindow.hits.slice(0, 50)) expect(h.score).toBeCloseTo(bm25.get(h.id)! * h.weight, 9);
    expect(viaWindow.hits.map((h) => h.id)).toEqual(viaIndex.hits.map((h) => h.id));
  });

  it('is not read once an article is written or removed, until it is rebuilt', () => {
    archive();
    rebuildRankingWindow(db, WINDOW);
    add('newest.txt', 'date 2024-06-01\nConvoy ambushed\n\nA convoy was ambushed overnight.');
    expect(rankingWindowCurrent(db)).toBe(false);
    const stale = searchSentences(db, '"convoy"', 5);
    expect(stale.ranked).toBe('index');
    expect(fileOf(stale.hits[0]!.id)).toBe('newest.txt');
    rebuildRankingWindow(db, WINDOW);
    const rebuilt = searchSentences(db, '"convoy"', 5);
    expect(rebuilt.ranked).toBe('window');
    expect(fileOf(rebuilt.hits[0]!.id)).toBe('newest.txt');
    removeArticle(db, 'newest.txt');
    const removed = searchSentences(db, '"convoy"', 5);
    expect(removed.ranked).toBe('index');
    expect(removed.hits.map((h) => fileOf(h.id))).not.toContain('newest.txt');
  });

  it('leaves a word with fewer matches among the newest sentences to the whole index', () => {
    archive();
    add('ridge.txt', 'date 2024-02-01\nRidge road reopened\n\nThe ridge road reopened.');
    rebuildRankingWindow(db, WINDOW);
    // "ridge": the whole old article (outside the window) and one new sentence.
    const { hits, ranked, capped } = searchSentences(db, '"ridge"', 10);
    expect({ ranked, capped }).toEqual({ ranked: 'index', capped: true });
    expect(hits.map((h) => fileOf(h.id))).toContain('ridge.txt');
  });

  it('is not built for an index smaller than twice the window', () => {
    add('new.txt', `date 2024-01-01\nNew headline\n\n${lines(WINDOW, (i) => `Convoy ${i} moved.`)}`);
    rebuildRankingWindow(db, WINDOW);
    expect(db.prepare('SELECT floor FROM ranking_window').pluck().get()).toBeNull();
    expect(db.prepare('SELECT count(*) FROM recent_fts').pluck().get()).toBe(0);
    expect(searchSentences(db, '"convoy"', 5).ranked).toBe('index');
  });
});
