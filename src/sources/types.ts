/**
 * What a reader makes of a file or a fetched body: documents, each the canonical text the
 * spans will index plus the metadata the format states. One input may hold many documents
 * (a feed, an NDJSON export); an article's identity is its canonical URL when it has one.
 */

export interface DocumentMetadata {
  title: string | null;
  /** Canonical URL: the article's identity when present. */
  url: string | null;
  /** Publication date as stated by the format, ISO YYYY-MM-DD. */
  published: string | null;
  byline: string | null;
  publisher: string | null;
}

export interface SourceDocument extends DocumentMetadata {
  /**
   * The article as the corpus reads text files: the title on the first line, then one paragraph
   * per line, separated by blank lines. For plain text it is the file itself, unchanged.
   */
  text: string;
}

/** A feed item: where its page is, and what the feed says about it. */
export interface FeedItem extends DocumentMetadata {
  /** The item's own content, as text (feeds often carry only a summary). */
  text: string;
  /** The feed's id for the item (guid / id), else its URL. */
  id: string;
}

export type Format = 'text' | 'html' | 'markdown' | 'feed' | 'json';

export interface Reader {
  format: Format;
  /** True when `text` looks like this format; `name` (file name or URL) and `contentType` are hints. */
  detect(text: string, name: string, contentType: string | null): boolean;
  read(text: string, name: string): SourceDocument[];
}

export class ReadError extends Error {}

export const NO_METADATA: DocumentMetadata = { title: null, url: null, published: null, byline: null, publisher: null };

/** Title line, then paragraphs separated by blank lines: the layout of a text article. */
export function canonicalText(title: string | null, paragraphs: string[]): string {
  const lines = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p !== '');
  const head = title?.replace(/\s+/g, ' ').trim();
  return [...(head ? [head] : []), ...lines].join('\n\n') + '\n';
}

/** A date as the formats give it (RFC 822, ISO 8601 with time and zone) → YYYY-MM-DD in UTC, or null. */
export function isoDay(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  // An ISO date or date-time: the date as the publisher wrote it, in its own zone.
  const iso = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/.exec(value.trim());
  if (iso) return Number.isNaN(Date.parse(`${iso[1]}T00:00:00Z`)) ? null : iso[1]!;
  const ms = Date.parse(value.trim());
  if (Number.isNaN(ms)) return null;
  const day = new Date(ms).toISOString().slice(0, 10);
  return day >= '1900-01-01' ? day : null;
}

/** Only absolute http(s) URLs count as canonical; fragments are dropped. */
export function canonicalUrl(value: string | null | undefined, base?: string): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  try {
    const url = new URL(value.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    url.hash = '';
    return url.href;
  } catch {
    return null;
  }
}
