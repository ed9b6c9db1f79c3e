/**
 * Writing the index: a prepared article (pipeline/prepare.ts) replaces whatever
 * its file held before, inside one transaction — its own, or the ingest's
 * batch — so an interrupted ingest never leaves half an article.
 */
import type { PreparedArticle } from './prepared.js';
import { isoToDayNumber } from '../corpus/dates.js';
import { cached, type Db } from './database.js';
import { EXTRACTION_VERSION } from '../extract/rules.js';
import { writeStatements } from './statements.js';
import { logRemoval, logWritten } from './changes.js';

/**
 * Prepared statements kept per connection: preparing the same SQL for every
 * article cost ~0.1 ms × 6 per article (6 % of a 3,000-article ingest).
 */

/** Bits of a sentence id below the day number: room for 4 million sentences a day. */
export const SEQUENCE_BITS = 22;
const SEQUENCE_SPAN = 2 ** SEQUENCE_BITS;

/** Ranking boost by where a sentence stands: the title and the lead say what the article is about. */
export function sentenceWeight(paragraphIndex: number, kind: 'title' | 'heading' | 'body'): number {
  if (kind === 'title') return 2;
  if (paragraphIndex === 1) return 1.5;
  if (kind === 'heading') return 1.2;
  return 1;
}

export interface StoredArticle {
  id: number;
  /** The article's key (canonical URL, else corpus path). */
  file: string;
  hash: string;
  contextYear: number | null;
  /** The extraction version that read it (rules.ts EXTRACTION_VERSION); null before it was recorded. */
  extraction: string | null;
  /** The corpus file it was read from, or the URL fetched. */
  origin: string;
  /** The size and modification time of its file when it was last read whole, or null: see recordFileSignatures. */
  originSize: number | null;
  originMtime: number | null;
  /** The year the article states (its corpus-year vote), as read with that signature. */
  statedYear: number | null;
}

/** Articles read from the corpus folder (not those fetched from the web), by key. */
export function storedArticles(db: Db): Map<string, StoredArticle> {
  // Raw rows, made into objects here: better-sqlite3's named rows cost twice as much at 100,000 articles.
  return storedByKey(cached(db, `SELECT ${STORED_COLUMNS} FROM articles WHERE origin_kind = 'corpus'`).raw(true).all() as StoredRow[]);
}

const STORED_COLUMNS = 'id, key, hash, context_year, extraction, origin, origin_size, origin_mtime, stated_year';
type StoredRow = [number, string, string, number | null, string | null, string, number | null, number | null, number | null];

function storedByKey(rows: StoredRow[]): Map<string, StoredArticle> {
  const stored = new Map<string, StoredArticle>();
  for (const [id, file, hash, contextYear, extraction, origin, originSize, originMtime, statedYear] of rows) {
    stored.set(file, { id, file, hash, contextYear, extraction, origin, originSize, originMtime, statedYear });
  }
  return stored;
}

/** The stored corpus articles read from these files only: what an ingest of named files compares them with. */
export function storedArticlesOf(db: Db, origins: readonly string[]): Map<string, StoredArticle> {
  return storedByKey(cached(db, `SELECT ${STORED_COLUMNS} FROM articles WHERE origin_kind = 'corpus' AND origin IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(origins)) as StoredRow[]);
}

/**
 * Corpus articles of files other than `origins` whose date was inferred with a corpus year other than `year`: what a
 * moved corpus year re-dates. Two ranges of the partial index of migration 014, empty while the year stays.
 */
export function storedDatedByOtherYear(db: Db, year: number | null, origins: readonly string[]): StoredArticle[] {
  const rows = (year === null
    ? cached(db, `SELECT ${STORED_COLUMNS} FROM articles INDEXED BY articles_context_year WHERE origin_kind = 'corpus' AND context_year IS NOT NULL`).raw(true).all()
    : cached(db, `SELECT ${STORED_COLUMNS} FROM articles INDEXED BY articles_context_year WHERE origin_kind = 'corpus' AND (context_year < ? OR context_year > ?)`).raw(true).all(year, year)) as StoredRow[];
  return [...storedByKey(rows).values()].filter((a) => !origins.includes(a.origin));
}

/** How many articles the corpus folder gave the index. */
export function corpusArticleCount(db: Db): number {
  return cached(db, "SELECT count(*) FROM articles WHERE origin_kind = 'corpus'").pluck().get() as number;
}

/** How many corpus articles state each year (their corpus-year votes), read from the covering index of migration 014. */
export function statedYearCounts(db: Db): Map<number, number> {
  // Named: without statistics the planner takes articles_origin and sorts 100,000 rows (60 ms instead of 5).
  const rows = cached(db, "SELECT stated_year, count(*) FROM articles INDEXED BY articles_stated_year WHERE origin_kind = 'corpus' AND stated_year IS NOT NULL GROUP BY stated_year").raw(true).all() as [number, number][];
  return new Map(rows);
}

/** A corpus article of another file than these with this content hash, or this key: the one a new article would repeat. */
export function corpusArticleElsewhere(db: Db, by: 'hash' | 'key', value: string, origins: readonly string[]): { key: string; origin: string } | null {
  // Looked up by the one column alone, and filtered here: a filter in SQL let the planner, without statistics, walk
  // another index (1.4 s for 20 articles at 100,000).
  const sql = by === 'hash' ? 'SELECT key, origin, origin_kind AS kind FROM articles WHERE hash = ?' : 'SELECT key, origin, origin_kind AS kind FROM articles WHERE key = ?';
  const rows = cached(db, sql).all(value) as { key: string; origin: string; kind: string }[];
  const found = rows.find((r) => r.kind === 'corpus' && !origins.includes(r.origin));
  return found === undefined ? null : { key: found.key, origin: found.origin };
}

/**
 * Records, for articles just read from their corpus file, the year each states and the file's size and
 * modification time (null for a file not read whole or changed just before the scan), so that the next
 * ingest takes the file as unchanged without reading it while both stay the same.
 */
export function recordFileSignatures(db: Db, articles: { key: string; size: number | null; mtimeMs: number | null; statedYear: number | null }[]): void {
  const update = cached(db, 'UPDATE articles SET origin_size = ?, origin_mtime = ?, stated_year = ? WHERE key = ?');
  db.transaction(() => {
    for (const a of articles) update.run(a.size, a.mtimeMs, a.statedYear, a.key);
  }).immediate();
}

/** Whether an article with this key is in the index, whatever brought it in. */
export function articleKeyExists(db: Db, key: string): boolean {
  return articleIdOf(db, key) !== null;
}

function articleIdOf(db: Db, key: string): number | null {
  return (cached(db, 'SELECT id FROM articles WHERE key = ?').pluck().get(key) as number | undefined) ?? null;
}

/** The next free sentence id on `day`, so ids stay in recency order. */
function firstFreeSentenceId(db: Db, day: number): number {
  const row = cached(db, 'SELECT max(id) AS maxId FROM sentence_rows WHERE id >= ? AND id < ?')
    .get(day * SEQUENCE_SPAN, (day + 1) * SEQUENCE_SPAN) as { maxId: number | null };
  return row.maxId === null ? day * SEQUENCE_SPAN : row.maxId + 1;
}

/** Where an article was read from: a corpus file, or a URL fetched (by a polled source, or /add). */
export interface ArticleOrigin {
  kind: 'corpus' | 'web';
  /** The corpus file, or the URL fetched. */
  path: string;
  sourceId?: number | null;
}

export interface WriteExtras {
  bytes: number;
  contextYear: number | null;
  /** Default: the corpus file named by the article's key. */
  origin?: ArticleOrigin;
  now?: Date;
}

/**
 * Replaces the stored version of `article.file` with `article` (its paragraphs,
 * sentences, full-text postings, statements and speaker mentions), atomically.
 * Returns the article id. On its own it is one transaction; called inside the
 * caller's transaction (an ingest writing a batch) it joins it without a
 * savepoint of its own — the batch is then the atomic unit. A savepoint per
 * article made FTS5 flush its pending terms into a new segment per article:
 * 2.4 s of a 9.5 s ingest of 10,000 articles.
 */
export function writeArticle(db: Db, article: PreparedArticle, extras: WriteExtras): number {
  const write = () => {
    // Delete only what exists: a DELETE with cascades runs in a statement savepoint even when it
    // matches nothing, and FTS5 flushes its pending terms at every savepoint (1.1 s of 7.5 s for
    // 10,000 new articles).
    const before = articleIdOf(db, article.file);
    if (before !== null) {
      logRemoval(db, before);
      cached(db, 'DELETE FROM articles WHERE id = ?').run(before);
    }
    const origin = extras.origin ?? { kind: 'corpus', path: article.file };
    const day = article.date.iso ? isoToDayNumber(article.date.iso) : 0;
    const { lastInsertRowid } = cached(
      db,
      `INSERT INTO articles(key, hash, bytes, title, section, publisher, cites, url, byline, date, date_inferred, date_basis, context_year, day, ingested_at, origin, origin_kind, source_id, extraction)
       VALUES (@file, @hash, @bytes, @title, @section, @publisher, @cites, @url, @byline, @date, @dateInferred, @dateBasis, @contextYear, @day, @ingestedAt, @origin, @originKind, @sourceId, @extraction)`,
    ).run({
        file: article.file,
        hash: article.hash,
        bytes: extras.bytes,
        title: article.title,
        section: article.section,
        publisher: article.publisher,
        cites: JSON.stringify(article.cites),
        url: article.url,
        byline: article.byline,
        origin: origin.path,
        originKind: origin.kind,
        sourceId: origin.sourceId ?? null,
        date: article.date.iso,
        dateInferred: article.date.inferred ? 1 : 0,
        dateBasis: article.date.basis,
        contextYear: extras.contextYear,
        extraction: EXTRACTION_VERSION,
        day,
        ingestedAt: (extras.now ?? new Date()).toISOString(),
      });
    const articleId = Number(lastInsertRowid);
    const insertParagraph = cached(db, 'INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of article.paragraphs) insertParagraph.run(articleId, p.index, p.kind, p.span.start, p.span.end, p.text);
    const insertSentence = cached(
      db,
      'INSERT INTO sentence_rows(id, article_id, paragraph_idx, idx, start, end, fingerprint, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const first = firstFreeSentenceId(db, day);
    let id = first;
    for (const [i, s] of article.sentences.entries()) {
      const kind = article.paragraphs[s.paragraphIndex]?.kind ?? 'body';
      insertSentence.run(id++, articleId, s.paragraphIndex, s.index, s.span.start, s.span.end, Buffer.from(article.sentenceFingerprints[i]!, 'hex'), sentenceWeight(s.paragraphIndex, kind));
    }
    // Indexed here rather than by trigger (migration 004): a trigger's savepoint makes FTS5 flush a segment per sentence.
    const insertFts = cached(db, 'INSERT INTO sentences_fts(rowid, text) VALUES (?, ?)');
    id = first;
    for (const s of article.sentences) insertFts.run(id++, s.text);
    writeStatements(db, articleId, day, article, first);
    logWritten(db, articleId);
    bumpSentencesVersion(db);
    return articleId;
  };
  return db.inTransaction ? write() : db.transaction(write).immediate();
}

export function removeArticle(db: Db, key: string): void {
  const id = articleIdOf(db, key);
  if (id === null) return;
  const remove = () => {
    logRemoval(db, id);
    cached(db, 'DELETE FROM articles WHERE id = ?').run(id);
    bumpSentencesVersion(db);
  };
  if (db.inTransaction) remove();
  else db.transaction(remove).immediate();
}

/** Any change to the sentences makes the ranking window out of date until it is rebuilt. */
function bumpSentencesVersion(db: Db): void {
  cached(db, 'UPDATE sentences_version SET version = version + 1').run();
}

/**
 * Sentences in the ranking window (queries.ts searchSentences): about 7,000 articles, a few
 * months of a newsroom's output. An index smaller than twice this has no window: its counts are
 * already short.
 */
export const RANKING_WINDOW_SENTENCES = 100_000;

/**
 * Refills the ranking window with the newest `size` sentences, in id order (FTS5 flushes its
 * pending terms whenever an id goes backwards), and records which sentences it was built from.
 * 0.5 s for 100,000 sentences. A large change rebuilds it (derived.ts); a small one moves it.
 */
export function rebuildRankingWindow(db: Db, size = RANKING_WINDOW_SENTENCES): void {
  db.transaction(() => {
    db.prepare("INSERT INTO recent_fts(recent_fts) VALUES ('delete-all')").run();
    const floor = windowFloor(db, size);
    if (floor !== null) db.prepare('INSERT INTO recent_fts(rowid, text) SELECT id, text FROM sentences WHERE id >= ? ORDER BY id').run(floor);
    db.prepare('UPDATE ranking_window SET floor = ?, size = ?, built_at = (SELECT version FROM sentences_version)').run(floor, size);
  }).immediate();
}

/** The lowest id in a window of `size` sentences: the size-th newest, or null when the index holds fewer than twice that. */
export function windowFloor(db: Db, size: number): number | null {
  const newest = (n: number) => cached(db, 'SELECT id FROM sentence_rows ORDER BY id DESC LIMIT 1 OFFSET ?').pluck().get(n - 1) as number | undefined;
  return newest(2 * size) === undefined ? null : newest(size)!;
}

/**
 * Refills `vocabulary(term, documents)` from the FTS index, when the schema has
 * that table: one pass over the whole index (0.9 s for 1.4 million sentences),
 * so that spelling suggestions read a small table instead of counting
 * doclists at query time (queries.ts vocabularyStartingWith). A large change
 * rebuilds it (derived.ts); a small one moves its counts.
 */
export function rebuildVocabulary(db: Db): void {
  db.transaction(() => {
    db.prepare('DELETE FROM vocabulary').run();
    db.prepare('INSERT INTO vocabulary(term, documents) SELECT term, doc FROM sentences_vocab').run();
  }).immediate();
}

