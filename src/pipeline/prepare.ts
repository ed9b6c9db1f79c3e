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
}

export type PrepareResult =
  | { ok: true; article: PreparedArticle; bytes: number; changedSinceScan: boolean }
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

/** One file → its prepared article, or the one-line reason it cannot be indexed. */
export function prepareFile(job: PrepareJob): PrepareResult {
  const read = readArticleFile(job.corpusDir, job.file, job.maxBytes);
  if (!read.ok) return read;
  let parsed: ParsedArticle;
  try {
    parsed = parseArticle({ file: job.file, text: read.text, hash: read.hash, contextYear: job.contextYear });
  } catch (error) {
    if (error instanceof ArticleFormatError) return { ok: false, reason: error.message };
    throw error;
  }
  return { ok: true, article: prepareArticle(parsed), bytes: read.bytes, changedSinceScan: read.hash !== job.expectedHash };
}
