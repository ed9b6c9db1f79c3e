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
import { cached, type Db } from './database.js';
import { codePointLength, codePointToUtf16Mapper } from '../text/offsets.js';
import { isWellFormed } from '../text/cut.js';

/**
 * The body, before deflate: a header line `P[[index, start, bytes], …]` (the paragraph's start in the source,
 * in code points, and its UTF-8 length), then the paragraphs' UTF-8 one after another, so that a reader decodes
 * only the paragraphs it cuts from. Text a UTF-8 round trip would not keep exactly (a lone surrogate) is
 * stored as JSON `[[index, start, text], …]` instead, as the migration stored every article.
 */
const HEADER_MARK = 'P';

/** A paragraph as the JSON form stores it: [index, start in the source (code points), text]. */
type JsonParagraph = [number, number, string];

interface StoredText {
  start: number;
  /** End in the source (code points): the text is decoded for it. */
  end(): number;
  /** The text, decoded on first use. */
  text(): string;
  toUtf16(codePoint: number): number;
}

interface DecodedBody {
  /** What the row held (compressed bytes, or JSON text for rows written by the migration), to tell a reused article id apart. */
  stored: Buffer | string;
  paragraphs: Map<number, StoredText>;
}

/** Encodes an article's paragraphs for `article_texts.body`. */
export function encodeArticleText(paragraphs: readonly { index: number; span: { start: number }; text: string }[]): Buffer {
  if (!paragraphs.every((p) => isWellFormed(p.text))) {
    return deflateRawSync(Buffer.from(JSON.stringify(paragraphs.map((p): JsonParagraph => [p.index, p.span.start, p.text])), 'utf8'), { level: 6 });
  }
  const texts = paragraphs.map((p) => Buffer.from(p.text, 'utf8'));
  const header = JSON.stringify(paragraphs.map((p, i) => [p.index, p.span.start, texts[i]!.length]));
  return deflateRawSync(Buffer.concat([Buffer.from(`${HEADER_MARK}${header}\n`, 'utf8'), ...texts]), { level: 6 });
}

function lazyText(start: number, decode: () => string): StoredText {
  let text: string | undefined;
  let toUtf16: ((cp: number) => number) | undefined;
  const get = () => (text ??= decode());
  return { start, end: () => start + codePointLength(get()), text: get, toUtf16: (cp) => (toUtf16 ??= codePointToUtf16Mapper(get()))(cp) };
}

function decodeBody(stored: Buffer | string): DecodedBody {
  const raw = typeof stored === 'string' ? stored : inflateRawSync(stored);
  const paragraphs = new Map<number, StoredText>();
  if (typeof raw !== 'string' && raw[0] === HEADER_MARK.charCodeAt(0)) {
    const newline = raw.indexOf(10);
    let offset = newline + 1;
    for (const [index, start, bytes] of JSON.parse(raw.toString('utf8', 1, newline)) as [number, number, number][]) {
      const from = offset;
      paragraphs.set(index, lazyText(start, () => raw.toString('utf8', from, from + bytes)));
      offset += bytes;
    }
  } else {
    for (const [index, start, text] of JSON.parse(raw.toString()) as JsonParagraph[]) paragraphs.set(index, lazyText(start, () => text));
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
  // The last paragraph starting at or before the span is the only one that can hold it: only it is decoded.
  let holding: StoredText | undefined;
  for (const p of body.paragraphs.values()) if (p.start <= start && (holding === undefined || p.start > holding.start)) holding = p;
  return holding !== undefined && end <= holding.end() ? holding : undefined;
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
  if (start < paragraph.start || end < start || end > paragraph.end()) {
    throw new Error(`excerpt: [${start}, ${end}) is not inside the paragraph at [${paragraph.start}, ${paragraph.end()})`);
  }
  return paragraph.text().slice(paragraph.toUtf16(start - paragraph.start), paragraph.toUtf16(end - paragraph.start));
}

/** Decoded article texts per connection, most recently used last; checked against the stored bytes, since an id can be reused. */
const decodedByDb = new WeakMap<Db, Map<number, DecodedBody>>();

function bodyOf(db: Db, articleId: number, stored: Buffer | string): DecodedBody {
  let recent = decodedByDb.get(db);
  if (recent === undefined) {
    recent = new Map();
    decodedByDb.set(db, recent);
  }
  const known = recent.get(articleId);
  if (known !== undefined && sameStored(known.stored, stored)) {
    recent.delete(articleId);
    recent.set(articleId, known);
    return known;
  }
  const decoded = decodeBody(stored);
  recent.set(articleId, decoded);
  if (recent.size > RECENT_ARTICLES) recent.delete(recent.keys().next().value!);
  return decoded;
}

/** Registers `excerpt(body, article_id, paragraph_idx, start, end)` on a connection: the text for SQL (views, export). */
export function registerTextFunctions(db: Db): void {
  db.function('excerpt', { deterministic: true }, (stored: unknown, articleId: unknown, index: unknown, start: unknown, end: unknown) => {
    if (stored === null || stored === undefined) return null;
    if (start === null || end === null) return null;
    return excerptOf(bodyOf(db, Number(articleId), stored as Buffer | string), index === null ? null : Number(index), Number(start), Number(end));
  });
}

/** A passage to read: an article's paragraph and source offsets (code points). */
export interface PassageRef {
  articleId: number;
  /** Null: the paragraph holding the span. */
  paragraph: number | null;
  start: number;
  end: number;
}

/**
 * The text of many passages at once, for the hot lookups: each article's stored text is fetched once
 * (one query for all of them) rather than handed to `excerpt` with every row; null where no paragraph
 * holds a span given without its paragraph. Call inside the read
 * transaction that found the passages, so the text is the one their offsets were written for.
 */
export function passageTexts(db: Db, passages: readonly PassageRef[]): (string | null)[] {
  const ids = [...new Set(passages.map((p) => p.articleId))];
  const rows = cached(db, 'SELECT article_id AS id, body FROM article_texts WHERE article_id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as {
    id: number;
    body: Buffer | string;
  }[];
  const bodies = new Map(rows.map((r) => [r.id, bodyOf(db, r.id, r.body)]));
  return passages.map((p) => {
    const body = bodies.get(p.articleId);
    if (body === undefined) throw new Error(`excerpt: no stored text for article ${p.articleId}`);
    return excerptOf(body, p.paragraph, p.start, p.end);
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
