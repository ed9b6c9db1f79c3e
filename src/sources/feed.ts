/**
 * RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, read by feedsmith: of the parsers compared on
 * malformed feeds (README, "Feeds"), it was the one that read undeclared entities, bare
 * ampersands, unclosed items and HTML in descriptions, and it reads all four formats with one
 * call. A feed file read from the corpus yields one document per item from the item's own
 * content; the poller fetches each new item's page instead (pipeline/poll.ts).
 */
import { feedsmith } from './lazy.js';
import { textOrHtmlParagraphs } from './blocks.js';
import { canonicalText, canonicalUrl, isoDay, ReadError, type FeedItem, type Reader } from './types.js';

/** Atom's text constructs arrive as { value }, RSS's as strings. */
function str(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() || null;
  if (value !== null && typeof value === 'object' && 'value' in value) return str((value as { value: unknown }).value);
  return null;
}

function authorNames(list: unknown): string | null {
  if (!Array.isArray(list)) return str(list);
  const joined = list.map((a) => str(a) ?? str((a as { name?: unknown })?.name)).filter((n): n is string => n !== null).join(', ');
  return joined === '' ? null : joined;
}

interface AnyItem {
  title?: unknown;
  link?: unknown;
  links?: { href?: string; rel?: string }[];
  url?: string;
  id?: unknown;
  guid?: unknown;
  pubDate?: string;
  published?: string;
  updated?: string;
  date_published?: string;
  dc?: { creators?: string[]; date?: string; dates?: string[] };
  authors?: unknown;
  content?: unknown;
  content_html?: string;
  content_text?: string;
  description?: unknown;
  summary?: unknown;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

/** Feed text → its title and items, or a ReadError naming what is wrong. */
export function parseFeedItems(text: string, baseUrl: string | null): Feed {
  let parsed: ReturnType<typeof import('feedsmith').parseFeed>;
  try {
    parsed = feedsmith().parseFeed(text);
  } catch (error) {
    throw new ReadError(`not a readable feed (${(error as Error).message})`);
  }
  const feed = parsed.feed as { title?: unknown; items?: AnyItem[]; entries?: AnyItem[] };
  const publisher = str(feed.title);
  const raw = feed.items ?? feed.entries ?? [];
  const items = raw.map((item): FeedItem => {
    const alternate = item.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href ?? item.links?.[0]?.href;
    const url = canonicalUrl(str(item.link) ?? alternate ?? item.url, baseUrl ?? undefined);
    const body = str((item.content as { encoded?: unknown })?.encoded) ?? str(item.content) ?? item.content_html ?? item.content_text ?? str(item.description) ?? str(item.summary) ?? '';
    const title = str(item.title);
    return {
      id: str(item.guid) ?? str(item.id) ?? url ?? title ?? '',
      title,
      url,
      published: isoDay(item.pubDate ?? item.published ?? item.date_published ?? item.dc?.date ?? item.dc?.dates?.[0] ?? item.updated),
      byline: authorNames(item.dc?.creators) ?? authorNames(item.authors),
      publisher,
      text: canonicalText(title, textOrHtmlParagraphs(body)),
    };
  });
  return { title: publisher, items: items.filter((i) => i.id !== '') };
}

/** A feed's items whose content has more than a title: the documents a feed file holds. */
export const feedReader: Reader = {
  format: 'feed',
  detect: (text, name, contentType) => {
    if (/(rss|atom|feed)\+(xml|json)/i.test(contentType ?? '') || /\.(rss|atom)$/i.test(name)) return true;
    const head = text.slice(0, 2000);
    if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<(rss|feed|rdf:RDF)[\s>]/i.test(head)) return true;
    return /^\s*\{[\s\S]*"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head);
  },
  read: (text, name) =>
    parseFeedItems(text, /^https?:/i.test(name) ? name : null).items.filter((i) => i.text.split('\n\n').length > 1).map(({ id: _id, ...doc }) => doc),
};
