/**
 * Preparing one corpus file for the index, as plain data: read and decode it,
 * parse it, extract its statements, fingerprint its sentences and statements.
 * Nothing here touches the index, so files can be prepared in worker threads
 * (preparePool.ts) while the main thread writes the ones already prepared.
 */
import { extractStatements } from '../extract/extract.js';
import type { Extraction } from '../extract/types.js';
import type { PreparedArticle } from '../index/prepared.js';
import { fingerprint } from '../text/normalize.js';
import { readArticleFile } from '../corpus/files.js';
import { documentsOf, type CorpusDocument } from '../corpus/documents.js';
import { ArticleFormatError, parseArticle } from '../corpus/parse.js';
import type { ParsedArticle } from '../corpus/types.js';

export type { PreparedArticle, PreparedStatement } from '../index/prepared.js';

export interface PrepareJob {
  corpusDir: string;
  file: string;
  maxBytes: number;
  /** The corpus's year, for dates written without one. */
  contextYear: number | null;
  /** The hash the scan saw: a different one means the file changed since. */
  expectedHash: string;
  /** Keys of the file's articles to prepare; the others are unchanged since they were indexed. */
  keys: string[];
}

export interface PreparedItem {
  article: PreparedArticle;
  bytes: number;
  /** The corpus file it was read from (its origin; the article's key may be a URL). */
  file: string;
}

export type PrepareResult =
  | { ok: true; items: PreparedItem[]; skipped: { key: string; reason: string }[]; changedSinceScan: boolean }
  | { ok: false; reason: string };

/** Parsed article → the statements and fingerprints the index keeps with it. */
export function prepareArticle(article: ParsedArticle): PreparedArticle {
  return withFingerprints(article, extractFrom(article));
}

/** The attribution step alone (the bench times the steps apart). */
export function extractFrom(article: ParsedArticle): Extraction {
  return extractStatements({ source: article.source, paragraphs: article.paragraphs, sentences: article.sentences, date: article.date.iso });
}

/** The fingerprinting step alone: normalised wording of every sentence and statement. */
export function withFingerprints(article: ParsedArticle, extraction: Extraction): PreparedArticle {
  const { source, ...rest } = article;
  return {
    ...rest,
    sentenceFingerprints: article.sentences.map((s) => fingerprint(s.text)),
    statements: extraction.statements.map((s) => ({ ...s, fingerprint: fingerprint(s.content) })),
    mentions: extraction.mentions,
  };
}

/** One article a reader found (in a corpus file or a fetched page) → prepared, or the reason it cannot be indexed. */
export function prepareDocument(item: CorpusDocument, contextYear: number | null): { ok: true; article: PreparedArticle } | { ok: false; reason: string } {
  const { document } = item;
  try {
    const parsed = parseArticle({ file: item.key, text: document.text, hash: item.hash, contextYear, metadata: document });
    if (parsed.sentences.length === 0) return { ok: false, reason: 'no article text in it' };
    return { ok: true, article: prepareArticle(parsed) };
  } catch (error) {
    if (error instanceof ArticleFormatError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** One file → its prepared articles (those the job asks for), or the one-line reason it cannot be read. */
export function prepareFile(job: PrepareJob): PrepareResult {
  const read = readArticleFile(job.corpusDir, job.file, job.maxBytes);
  if (!read.ok) return read;
  const found = documentsOf(job.file, read.text, read.hash);
  if (!found.ok) return found;
  const wanted = new Set(job.keys);
  const single = found.documents.length === 1;
  const items: PreparedItem[] = [];
  const skipped: { key: string; reason: string }[] = [];
  for (const doc of found.documents) {
    // A key listed twice in one file (a feed repeating an item) is prepared once, as the scan counted it.
    if (!wanted.delete(doc.key)) continue;
    const prepared = prepareDocument(doc, job.contextYear);
    if (prepared.ok) items.push({ article: prepared.article, bytes: single ? read.bytes : Buffer.byteLength(doc.document.text), file: job.file });
    else skipped.push({ key: doc.key, reason: prepared.reason });
  }
  return { ok: true, items, skipped, changedSinceScan: read.hash !== job.expectedHash };
}
