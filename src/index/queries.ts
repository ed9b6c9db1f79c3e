/**
 * Read queries over the index. All SQL for answering lives here; the answers
 * layer receives plain rows.
 */
import { cached, type Db } from './database.js';

/** Prepared statements kept per connection: the hot lookups are prepared once, not per call. */

/** How many of the newest matching sentences are ranked by bm25. Rare terms: all of them. */
export const CANDIDATE_LIMIT = 2000;

export interface ArticleRow {
  id: number;
  /** The article's key: its canonical URL, else its path in the corpus (#n when the file holds several). */
  file: string;
  title: string;
  section: string | null;
  publisher: string | null;
  cites: string[];
  url: string | null;
  byline: string | null;
  date: string | null;
  dateInferred: boolean;
  dateBasis: string;
  day: number;
  bytes: number;
  hash: string;
}

export interface SentenceHit {
  id: number;
  articleId: number;
  paragraphIndex: number;
  start: number;
  end: number;
  text: string;
  fingerprint: string;
  weight: number;
  /** bm25 (lower is better), already multiplied by the sentence's weight. */
  score: number;
}

interface RawArticle extends Omit<ArticleRow, 'cites' | 'dateInferred'> {
  cites: string;
  dateInferred: number;
}

const ARTICLE_COLUMNS = `id, key AS file, title, section, publisher, cites, url, byline, date, date_inferred AS dateInferred, date_basis AS dateBasis, day, bytes, hash`;

function toArticle(raw: RawArticle): ArticleRow {
  return { ...raw, cites: JSON.parse(raw.cites) as string[], dateInferred: raw.dateInferred === 1 };
}

export function articlesById(db: Db, ids: Iterable<number>): Map<number, ArticleRow> {
  const list = [...new Set(ids)];
  if (list.length === 0) return new Map();
  const rows = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (${list.map(() => '?').join(',')})`).all(...list) as RawArticle[];
  return new Map(rows.map((r) => [r.id, toArticle(r)]));
}

export function articleByFile(db: Db, file: string): ArticleRow | null {
  const raw = db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE key = ?`).get(file) as RawArticle | undefined;
  return raw ? toArticle(raw) : null;
}

/** The longest text looked up with LIKE. */
export const LIKE_TEXT_MAX = 1000;

/** Articles whose file name starts with, or title contains, the text: for /source lookups and autocomplete. */
export function findArticles(db: Db, text: string, limit: number): ArticleRow[] {
  // No file name or title is this long (titles are bounded when parsed), and SQLite refuses LIKE patterns of 50 KB.
  if (text.length > LIKE_TEXT_MAX) return [];
  const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const prefix = `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = db
    .prepare(
      `SELECT ${ARTICLE_COLUMNS} FROM articles
       WHERE key LIKE @prefix ESCAPE '\\' OR title LIKE @like ESCAPE '\\' OR origin LIKE @prefix ESCAPE '\\'
       ORDER BY (key LIKE @prefix ESCAPE '\\') DESC, day DESC, key LIMIT @limit`,
    )
    .all({ prefix, like, limit }) as RawArticle[];
  return rows.map(toArticle);
}

export function recentArticles(db: Db, limit: number): ArticleRow[] {
  return (db.prepare(`SELECT ${ARTICLE_COLUMNS} FROM articles ORDER BY day DESC, key LIMIT ?`).all(limit) as RawArticle[]).map(toArticle);
}

export interface ParagraphRow {
  index: number;
  kind: 'title' | 'heading' | 'body';
  start: number;
  end: number;
  text: string;
}

export function paragraphsOf(db: Db, articleId: number): ParagraphRow[] {
  return db
    .prepare('SELECT idx AS "index", kind, start, end, text FROM paragraphs WHERE article_id = ? ORDER BY idx')
    .all(articleId) as ParagraphRow[];
}

/**
 * The ranking rule for /claims and every sentence search:
 *
 * 1. Candidates: the newest CANDIDATE_LIMIT sentences that match. Sentence ids
 *    are recency-ordered (day << 22 | sequence), so FTS5 walks the term's
 *    doclist backwards and stops after CANDIDATE_LIMIT rows — bounded work
 *    however common the term. A term matching fewer sentences has every match
 *    ranked: rare terms are searched exhaustively.
 * 2. Score: FTS5 bm25 (lower is better) × the sentence's weight — title 2,
 *    lead paragraph 1.5, sub-heading 1.2, body 1 (write.ts sentenceWeight) —
 *    so a match in a title or lead outranks the same match in the body.
 *    When the ranking window (the newest RANKING_WINDOW_SENTENCES sentences,
 *    write.ts rebuildRankingWindow) holds CANDIDATE_LIMIT matches, the
 *    candidates are the same sentences, and bm25's statistics (how many
 *    sentences hold each word, their average length) come from the window:
 *    how rare a word is in current coverage. bm25 counts every match of each
 *    word before scoring: in the window that count is short.
 * 3. Order: best score first; equal scores go to the newer sentence.
 *
 * Two phases keep the work small: rank the candidates on (id, score) alone,
 * then read the full rows of the best `limit` only (reading text and
 * fingerprints of all 2,000 candidates was 60 % of the query's time).
 */
export function searchSentences(db: Db, match: string, limit: number, options: { window?: boolean } = {}): { hits: SentenceHit[]; capped: boolean; ranked: 'window' | 'index' } {
  // One read transaction: an ingest committing between the window's check and its query would
  // leave the window without the newest sentences.
  const { scored, ranked } = readTransaction(db, () => {
    const window = options.window === false ? null : rankingWindow(db);
    if (window?.exists && window.current) {
      const inWindow = rankCandidates(db, 'recent_fts', match);
      // Fewer than the limit: older matches outside the window may be among the newest candidates.
      if (inWindow.length === CANDIDATE_LIMIT) return { scored: inWindow, ranked: 'window' as const };
    }
    return { scored: rankCandidates(db, 'sentences_fts', match), ranked: 'index' as const };
  });
  const capped = scored.length === CANDIDATE_LIMIT;
  scored.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
  const best = scored.slice(0, limit);
  if (best.length === 0) return { hits: [], capped, ranked };
  const rows = cached(
    db,
    `SELECT id, article_id AS articleId, paragraph_idx AS paragraphIndex, start, end, text, fingerprint, weight
     FROM sentences WHERE id IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(best.map((b) => b[0]))) as Omit<SentenceHit, 'score'>[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const hits: SentenceHit[] = [];
  for (const [id, score] of best) {
    const row = byId.get(id);
    if (row) hits.push({ ...row, score });
  }
  return { hits, capped, ranked };
}

/** The ranking window (write.ts rebuildRankingWindow): whether it exists, and whether it was built from the sentences as they are now. */
function rankingWindow(db: Db): { exists: boolean; current: boolean } {
  const row = cached(db, 'SELECT w.floor IS NOT NULL AS present, w.built_at = v.version AS current FROM ranking_window w, sentences_version v').get() as { present: number; current: number };
  return { exists: row.present === 1, current: row.current === 1 };
}

export function rankingWindowCurrent(db: Db): boolean {
  return rankingWindow(db).current;
}

/** Runs `read` on one snapshot of the index (joins the caller's transaction if there is one). */
function readTransaction<T>(db: Db, read: () => T): T {
  return db.inTransaction ? read() : db.transaction(read).deferred();
}

/** The newest CANDIDATE_LIMIT matches in `table` as [id, bm25 × weight]. */
function rankCandidates(db: Db, table: 'sentences_fts' | 'recent_fts', match: string): [number, number][] {
  return cached(
    db,
    `WITH candidates AS (
       SELECT rowid AS id, bm25(${table}) AS bm25 FROM ${table}
       WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?
     )
     SELECT c.id, c.bm25 * s.weight AS score FROM candidates c JOIN sentence_rows s ON s.id = c.id`,
  )
    .raw(true)
    .all(match, CANDIDATE_LIMIT) as [number, number][];
}

/** Whether an FTS5 expression matches anything at all (cheap: stops at the first row). */
export function matchesAny(db: Db, match: string): boolean {
  return cached(db, 'SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1').get(match) !== undefined;
}

export interface VocabTerm {
  term: string;
  documents: number;
}

/**
 * Indexed terms (porter stems) starting with `prefix`, most frequent first, from
 * the `vocabulary` table refilled after each ingest (an index range scan), not
 * fts5vocab, which counts every doclist in the range at query time (60 ms for
 * the prefix "w" on 1.4 million sentences, because "war" is in it).
 */
export function vocabularyStartingWith(db: Db, prefix: string, limit: number): VocabTerm[] {
  return cached(db, 'SELECT term, documents FROM vocabulary WHERE term >= ? AND term < ? ORDER BY documents DESC, term LIMIT ?').all(
    prefix,
    `${prefix}\uffff`,
    limit,
  ) as VocabTerm[];
}

/** One indexed sentence containing `term` (an FTS5 stem), to show the word as written. */
export function sentenceWithTerm(db: Db, term: string): string | null {
  const row = cached(db, 'SELECT s.text FROM sentences_fts f JOIN sentences s ON s.id = f.rowid WHERE sentences_fts MATCH ? LIMIT 1').get(`"${term.replace(/"/g, '""')}"`) as { text: string } | undefined;
  return row?.text ?? null;
}

export function getSavedQuery(db: Db, key: string): { command: string; query: string } | null {
  return (db.prepare('SELECT command, query FROM saved_queries WHERE key = ?').get(key) as { command: string; query: string } | undefined) ?? null;
}

export function saveQuery(db: Db, key: string, command: string, query: string): void {
  db.prepare('INSERT OR IGNORE INTO saved_queries(key, command, query, created_at) VALUES (?, ?, ?, ?)').run(key, command, query, new Date().toISOString());
}
