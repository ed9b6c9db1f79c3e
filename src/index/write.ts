/**
 * Writing the index: one article in one transaction (an interrupted ingest
 * never leaves half an article), replacing whatever that file held before.
 */
import type { ParsedArticle } from '../corpus/types.js';
import { isoToDayNumber } from '../corpus/dates.js';
import { fingerprint } from '../text/normalize.js';
import type { Db } from './database.js';

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
  file: string;
  hash: string;
  contextYear: number | null;
}

export function storedArticles(db: Db): Map<string, StoredArticle> {
  const rows = db.prepare('SELECT id, file, hash, context_year AS contextYear FROM articles').all() as StoredArticle[];
  return new Map(rows.map((r) => [r.file, r]));
}

/** The next free sentence id on `day`, so ids stay in recency order. */
function firstFreeSentenceId(db: Db, day: number): number {
  const row = db
    .prepare('SELECT max(id) AS maxId FROM sentences WHERE id >= ? AND id < ?')
    .get(day * SEQUENCE_SPAN, (day + 1) * SEQUENCE_SPAN) as { maxId: number | null };
  return row.maxId === null ? day * SEQUENCE_SPAN : row.maxId + 1;
}

export interface WriteExtras {
  bytes: number;
  contextYear: number | null;
  now?: Date;
  /** Writes what later stages derive from the article (statements, people), inside the same transaction. */
  derived?: (db: Db, articleId: number, article: ParsedArticle) => void;
}

/** Replaces the stored version of `article.file` with `article`, atomically. Returns the article id. */
export function writeArticle(db: Db, article: ParsedArticle, extras: WriteExtras): number {
  return db.transaction(() => {
    db.prepare('DELETE FROM articles WHERE file = ?').run(article.file);
    const day = article.date.iso ? isoToDayNumber(article.date.iso) : 0;
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO articles(file, hash, bytes, title, section, publisher, cites, url, date, date_inferred, date_basis, context_year, day, ingested_at)
         VALUES (@file, @hash, @bytes, @title, @section, @publisher, @cites, @url, @date, @dateInferred, @dateBasis, @contextYear, @day, @ingestedAt)`,
      )
      .run({
        file: article.file,
        hash: article.hash,
        bytes: extras.bytes,
        title: article.title,
        section: article.section,
        publisher: article.publisher,
        cites: JSON.stringify(article.cites),
        url: article.url,
        date: article.date.iso,
        dateInferred: article.date.inferred ? 1 : 0,
        dateBasis: article.date.basis,
        contextYear: extras.contextYear,
        day,
        ingestedAt: (extras.now ?? new Date()).toISOString(),
      });
    const articleId = Number(lastInsertRowid);
    const insertParagraph = db.prepare('INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, ?, ?, ?, ?, ?)');
    for (const p of article.paragraphs) insertParagraph.run(articleId, p.index, p.kind, p.span.start, p.span.end, p.text);
    const insertSentence = db.prepare(
      'INSERT INTO sentences(id, article_id, paragraph_idx, idx, start, end, text, fingerprint, weight) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    let id = firstFreeSentenceId(db, day);
    for (const s of article.sentences) {
      const kind = article.paragraphs[s.paragraphIndex]?.kind ?? 'body';
      insertSentence.run(id++, articleId, s.paragraphIndex, s.index, s.span.start, s.span.end, s.text, fingerprint(s.text), sentenceWeight(s.paragraphIndex, kind));
    }
    extras.derived?.(db, articleId, article);
    return articleId;
  }).immediate();
}

export function removeArticle(db: Db, file: string): void {
  db.prepare('DELETE FROM articles WHERE file = ?').run(file);
}
