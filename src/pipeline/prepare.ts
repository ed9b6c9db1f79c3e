/**
 * Preparing one corpus file for the index, as plain data: read and decode it,
 * parse it, extract its statements, fingerprint its sentences and statements.
 * Nothing here touches the index, so files can be prepared in worker threads
 * (preparePool.ts) while the main thread writes the ones already prepared.
 */
import { extractStatements } from '../extract/extract.js';
import { articleParagraphsAllowed } from '../extract/frames.js';
import type { Extraction } from '../extract/types.js';
import type { PreparedArticle } from '../index/prepared.js';
import { fingerprint } from '../text/normalize.js';
import { readArticleFile } from '../corpus/files.js';
import { documentsOf, type CorpusDocument } from '../corpus/documents.js';
import { ArticleFormatError, parseArticle } from '../corpus/parse.js';
import { codePointToUtf16Mapper, type Span } from '../text/offsets.js';
import type { ArticleParagraph, ArticleSentence, ParsedArticle } from '../corpus/types.js';

export type { PreparedArticle, PreparedStatement } from '../index/prepared.js';

export interface PrepareJob {
  corpusDir: string;
  file: string;
  /** The file's size when scanned: large files are prepared under a time limit (preparePool.ts). */
  bytes: number;
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
  return withFingerprints(article, guardedExtraction(article));
}

/**
 * The statements of an article, or none when the extractor fails on it: one article that trips a bug must not stop
 * the ingest of the others, nor lose its text. The failure is kept (`extractionFailure`) for the ingest to name.
 */
export function guardedExtraction(article: ParsedArticle, extract: (article: ParsedArticle) => Extraction = extractFrom): Extraction {
  try {
    return extract(article);
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { statements: [], mentions: [], readUpTo: 0, failure: message.slice(0, 300) };
  }
}

/** The attribution step alone (the bench times the steps apart). */
export function extractFrom(article: ParsedArticle): Extraction {
  const pieces = extractionPieces(article.paragraphs, article.sentences);
  const extraction = extractStatements({ source: article.source, paragraphs: pieces.paragraphs, sentences: pieces.sentences, date: article.date.iso });
  const statements = extraction.statements.map((s) => ({ ...s, paragraphIndex: pieces.paragraphOf[s.paragraphIndex]! }));
  return { ...extraction, statements, readUpTo: extraction.readUpTo ?? pieces.readUpTo };
}

/**
 * The longest stretch of a paragraph, in code points, the attribution step reads at once. The
 * extractor compares what it finds in a paragraph with the rest of that paragraph, which costs
 * time quadratic in the paragraph's length: a bound makes a whole article cost time linear in
 * its size, whatever its text. Real paragraphs are far shorter (the seeds' longest: 548), so
 * only text that is not prose (one 5 MB line) is read in pieces.
 */
export const EXTRACTION_PIECE = 2_500;

interface Pieces {
  paragraphs: ArticleParagraph[];
  sentences: ArticleSentence[];
  /** Piece index → the ¶ of the paragraph it was cut from. */
  paragraphOf: number[];
  /** Where the paragraph allowance stopped the pieces (code points), or null. */
  readUpTo: number | null;
}

/** The article's paragraphs as the extractor reads them: over-long ones cut at sentence ends (or words) into pieces. */
export function extractionPieces(paragraphs: ArticleParagraph[], sentences: ArticleSentence[]): Pieces {
  const out: Pieces = { paragraphs: [], sentences: [], paragraphOf: [], readUpTo: null };
  // Sentences come in paragraph order (parse.ts): each paragraph's are the run the cursor is at, found without
  // indexing the sentences of paragraphs past the allowance.
  let cursor = 0;
  const sentencesOfParagraph = (index: number): ArticleSentence[] => {
    while (cursor < sentences.length && sentences[cursor]!.paragraphIndex < index) cursor++;
    const from = cursor;
    while (cursor < sentences.length && sentences[cursor]!.paragraphIndex === index) cursor++;
    return sentences.slice(from, cursor);
  };
  for (const paragraph of paragraphs) {
    // Paragraphs past the article's allowance are not read for attributions (extract/frames.ts): no pieces made.
    if (out.paragraphs.length >= articleParagraphsAllowed(paragraph.span.end)) {
      out.readUpTo = paragraph.span.start;
      break;
    }
    const own = sentencesOfParagraph(paragraph.index);
    for (const piece of cutParagraph(paragraph, own)) {
      const index = out.paragraphs.length;
      out.paragraphs.push({ ...paragraph, index, text: piece.text, span: piece.span });
      out.sentences.push(...piece.starts.map((start, k) => ({ index: out.sentences.length + k, paragraphIndex: index, text: '', span: { start, end: start } })));
      out.paragraphOf.push(paragraph.index);
    }
  }
  return out;
}

interface Piece {
  text: string;
  span: Span;
  /** Code-point starts of the sentences (or sentence parts) in the piece. */
  starts: number[];
}

function cutParagraph(paragraph: ArticleParagraph, sentences: ArticleSentence[]): Piece[] {
  const { span } = paragraph;
  if (span.end - span.start <= EXTRACTION_PIECE) return [{ text: paragraph.text, span, starts: sentences.map((s) => s.span.start) }];
  const toUtf16 = codePointToUtf16Mapper(paragraph.text);
  // Where a piece may end: sentence starts, and inside a long sentence every word break at most a piece apart.
  const breaks: number[] = [];
  const starts = [span.start, ...sentences.map((s) => s.span.start).filter((start) => start > span.start && start < span.end)];
  for (const [k, start] of starts.entries()) {
    breaks.push(start);
    const end = starts[k + 1] ?? span.end;
    for (let at = start + EXTRACTION_PIECE; at < end; at += EXTRACTION_PIECE) breaks.push(wordBreakBefore(paragraph.text, toUtf16, span.start, at, breaks.at(-1)!));
  }
  const pieces: Piece[] = [];
  let current: Piece | null = null;
  for (const [k, at] of breaks.entries()) {
    if (current === null || at - current.span.start >= EXTRACTION_PIECE || (breaks[k + 1] ?? span.end) - current.span.start > EXTRACTION_PIECE) {
      if (current !== null) pieces.push(close(current, at));
      current = { text: '', span: { start: at, end: at }, starts: [] };
    }
    current.starts.push(at);
  }
  if (current !== null) pieces.push(close(current, span.end));
  return pieces;

  function close(piece: Piece, end: number): Piece {
    const text = paragraph.text.slice(toUtf16(piece.span.start - span.start), toUtf16(end - span.start));
    return { ...piece, text, span: { start: piece.span.start, end } };
  }
}

/** A code-point offset at or a little before `at` just after whitespace, or `at` itself. */
function wordBreakBefore(text: string, toUtf16: (cp: number) => number, base: number, at: number, notBefore: number): number {
  for (let cp = at; cp > Math.max(notBefore + 1, at - 100); cp--) {
    if (/\s/.test(text[toUtf16(cp - base) - 1] ?? '')) return cp;
  }
  return at;
}

/** The fingerprinting step alone: normalised wording of every sentence and statement. */
export function withFingerprints(article: ParsedArticle, extraction: Extraction): PreparedArticle {
  const { source, ...rest } = article;
  return {
    ...rest,
    sentenceFingerprints: article.sentences.map((s) => fingerprint(s.text)),
    statements: extraction.statements.map((s) => ({ ...s, fingerprint: fingerprint(s.content) })),
    mentions: extraction.mentions,
    readUpTo: extraction.readUpTo,
    extractionFailure: extraction.failure ?? null,
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
