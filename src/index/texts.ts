/**
 * An article's text, stored once (schema 012): its paragraphs, each with its index and its start
 * in the source (code points), as one deflated JSON blob per article in `article_texts`.
 * Sentences, statements and paragraphs keep only their offsets; their text is read back through
 * the SQL function `excerpt(body, article_id, paragraph_idx, start, end)`, which cuts the
 * paragraph at those code-point offsets with the same helpers the parser cut it with — so every
 * excerpt is still exactly the source text at its citation's offsets.
 *
 * Why a blob and not a column per paragraph: deflate needs more than a paragraph to find
 * repeats (per paragraph it keeps 0.73 of the bytes, per article 0.51), and one read gives
 * every sentence of an article.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Db } from './database.js';
import { codePointLength, codePointToUtf16Mapper } from '../text/offsets.js';

/** A paragraph as stored in the body: [index, start in the source (code points), text]. */
type StoredParagraph = [number, number, string];

interface StoredText {
  start: number;
  text: string;
  /** Its length in code points. */
  length: number;
  toUtf16: (codePoint: number) => number;
}

interface DecodedBody {
  /** What the row held (compressed bytes, or JSON text for rows written by the migration), to tell a reused article id apart. */
  stored: Buffer | string;
  paragraphs: Map<number, StoredText>;
}

/** Encodes an article's paragraphs for `article_texts.body`. */
export function encodeArticleText(paragraphs: readonly { index: number; span: { start: number }; text: string }[]): Buffer {
  const stored: StoredParagraph[] = paragraphs.map((p) => [p.index, p.span.start, p.text]);
  // JSON keeps every JavaScript string exactly (a lone surrogate is escaped, not replaced).
  return deflateRawSync(Buffer.from(JSON.stringify(stored), 'utf8'), { level: 6 });
}

function decodeBody(stored: Buffer | string): DecodedBody {
  const json = typeof stored === 'string' ? stored : inflateRawSync(stored).toString('utf8');
  const paragraphs = new Map<number, StoredText>();
  for (const [index, start, text] of JSON.parse(json) as StoredParagraph[]) {
    paragraphs.set(index, { start, text, length: codePointLength(text), toUtf16: codePointToUtf16Mapper(text) });
  }
  return { stored, paragraphs };
}

/** Articles decoded lately, per connection: the sentences of one answer come from a few articles, each decoded once. */
const RECENT_ARTICLES = 512;

function sameStored(a: Buffer | string, b: Buffer | string): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.equals(b);
}

function paragraphHolding(body: DecodedBody, start: number, end: number): StoredText | undefined {
  for (const p of body.paragraphs.values()) if (p.start <= start && end <= p.start + p.length) return p;
  return undefined;
}

/**
 * The text of paragraph `index` of an article's body at source offsets [start, end) (code points); with no
 * index, of the paragraph holding the span (null when none does). Throws when the span is not inside paragraph `index`: the caller's offsets are wrong, and a
 * passage that is not the source text must never be shown as if it were.
 */
function excerptOf(body: DecodedBody, index: number | null, start: number, end: number): string | null {
  if (index === null) {
    const holding = paragraphHolding(body, start, end);
    return holding === undefined ? null : cut(holding, start, end);
  }
  const paragraph = body.paragraphs.get(index);
  if (paragraph === undefined) throw new Error(`excerpt: no paragraph ${index} in the stored article`);
  return cut(paragraph, start, end);
}

function cut(paragraph: StoredText, start: number, end: number): string {
  const from = start - paragraph.start;
  const to = end - paragraph.start;
  if (from < 0 || to < from || to > paragraph.length) {
    throw new Error(`excerpt: [${start}, ${end}) is not inside the paragraph starting at ${paragraph.start}`);
  }
  return paragraph.text.slice(paragraph.toUtf16(from), paragraph.toUtf16(to));
}

/**
 * Registers `excerpt(body, article_id, paragraph_idx, start, end)` on a connection. Decoded
 * bodies are kept per article id (checked against the stored bytes, since an id can be reused).
 */
export function registerTextFunctions(db: Db): void {
  const recent = new Map<number, DecodedBody>();
  const bodyOf = (articleId: number, stored: Buffer | string): DecodedBody => {
    const known = recent.get(articleId);
    if (known !== undefined && sameStored(known.stored, stored)) {
      recent.delete(articleId);
      recent.set(articleId, known); // most recently used last
      return known;
    }
    const decoded = decodeBody(stored);
    recent.set(articleId, decoded);
    if (recent.size > RECENT_ARTICLES) recent.delete(recent.keys().next().value!);
    return decoded;
  };
  db.function('excerpt', { deterministic: true }, (stored: unknown, articleId: unknown, index: unknown, start: unknown, end: unknown) => {
    if (stored === null || stored === undefined) return null;
    if (start === null || end === null) return null;
    return excerptOf(bodyOf(Number(articleId), stored as Buffer | string), index === null ? null : Number(index), Number(start), Number(end));
  });
}

/**
 * Text to store for a passage that may lie in any paragraph (a speaker's words, a cue): null when the
 * paragraph holding its span gives exactly that text back (excerpt with no paragraph index), else the text itself.
 */
export function textUnlessExcerpt(paragraphs: readonly { span: { start: number; end: number }; text: string }[], span: { start: number; end: number } | null, text: string | null): string | null {
  if (span === null || text === null) return text;
  const holding = paragraphs.find((p) => p.span.start <= span.start && span.end <= p.span.end);
  return holding !== undefined && isExcerptOf(holding, span.start, span.end, text) ? null : text;
}

/** Whether `text` is paragraph `paragraph`'s text at source offsets [start, end): the check made before storing offsets instead of text. */
export function isExcerptOf(paragraph: { span: { start: number }; text: string }, start: number, end: number, text: string): boolean {
  const from = start - paragraph.span.start;
  const to = end - paragraph.span.start;
  if (from < 0 || to < from || to > codePointLength(paragraph.text)) return false;
  const toUtf16 = codePointToUtf16Mapper(paragraph.text);
  return paragraph.text.slice(toUtf16(from), toUtf16(to)) === text;
}

/** A fingerprint (16 hex digits, text/normalize.ts) as its 8 bytes; read back with fingerprintSql. */
export function fingerprintBytes(fingerprint: string): Buffer {
  return Buffer.from(fingerprint, 'hex');
}

/** The SQL reading a stored fingerprint back as the 16 hex digits it was made from. */
export const fingerprintSql = (column: string) => `lower(hex(${column}))`;

/** The SQL reading the text at a row's offsets (excerpt), given the article_texts row joined as `t`. */
export const excerptSql = (articleId: string, paragraph: string, start: string, end: string) => `excerpt(t.body, ${articleId}, ${paragraph}, ${start}, ${end})`;

/** The SQL reading a passage stored only when its paragraph does not give it back (textUnlessExcerpt). */
export const storedOrExcerptSql = (column: string, articleId: string, start: string, end: string) => `coalesce(${column}, ${excerptSql(articleId, 'NULL', start, end)})`;
