/**
 * HTML article pages: Mozilla's Readability (Firefox's Reader View) picks the story out of the
 * page — navigation, comments, cookie banners, share bars and related links left behind — on
 * linkedom's DOM (a fraction of jsdom's weight; Readability needs only the DOM, no layout).
 * Metadata comes from what the page states: canonical link, Open Graph, article:* meta, JSON-LD.
 */
import { htmlParagraphs } from './blocks.js';
import { linkedom, readability } from './lazy.js';
import { canonicalText, canonicalUrl, isoDay, ReadError, type DocumentMetadata, type Reader, type SourceDocument } from './types.js';

type Doc = ReturnType<typeof import('linkedom').parseHTML>['document'];

function meta(document: Doc, ...names: string[]): string | null {
  for (const name of names) {
    const el = document.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
    if (content) return content;
  }
  return null;
}

interface JsonLd {
  '@type'?: string | string[];
  '@graph'?: JsonLd[];
  datePublished?: string;
  headline?: string;
  url?: string;
  author?: { name?: string } | { name?: string }[] | string;
  publisher?: { name?: string } | string;
}

/** NewsArticle / Article objects in the page's JSON-LD, anywhere in its graphs. */
function jsonLdArticles(document: Doc): JsonLd[] {
  const found: JsonLd[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const node = value as JsonLd;
    const types = ([] as string[]).concat(node['@type'] ?? []);
    if (types.some((t) => /Article|BlogPosting|Report/i.test(t))) found.push(node);
    if (node['@graph']) visit(node['@graph']);
  };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    try {
      visit(JSON.parse(script.textContent ?? ''));
    } catch {
      // A broken JSON-LD block says nothing; the other metadata still counts.
    }
  }
  return found;
}

function names(value: JsonLd['author']): string | null {
  const list = ([] as ({ name?: string } | string)[]).concat(value ?? []);
  const joined = list.map((a) => (typeof a === 'string' ? a : (a.name ?? ''))).filter(Boolean).join(', ');
  return joined === '' ? null : joined;
}

/** What the page's head states about the article. */
export function pageMetadata(document: Doc, baseUrl: string | null): DocumentMetadata {
  const ld = jsonLdArticles(document)[0];
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta(document, 'og:url') ?? ld?.url ?? null;
  const publisher = typeof ld?.publisher === 'string' ? ld.publisher : (ld?.publisher?.name ?? null);
  const stated = canonicalUrl(canonical, baseUrl ?? undefined);
  // Some CMSs give every page the home page as its canonical URL: that would make every article one.
  const usable = stated !== null && !(new URL(stated).pathname === '/' && baseUrl !== null && new URL(baseUrl).pathname !== '/');
  return {
    title: meta(document, 'og:title', 'twitter:title') ?? ld?.headline ?? null,
    url: (usable ? stated : null) ?? canonicalUrl(baseUrl),
    published: isoDay(
      meta(document, 'article:published_time', 'datePublished', 'date', 'pubdate', 'DC.date.issued', 'dcterms.created') ??
        ld?.datePublished ??
        document.querySelector('time[datetime]')?.getAttribute('datetime'),
    ),
    byline: meta(document, 'author', 'article:author') ?? names(ld?.author),
    publisher: meta(document, 'og:site_name', 'application-name') ?? publisher,
  };
}

/** One page → its article, or a ReadError saying why there is none. */
export function readHtmlPage(html: string, name: string): SourceDocument {
  const { parseHTML } = linkedom();
  const { document } = parseHTML(html);
  const baseUrl = /^https?:\/\//i.test(name) ? name : null;
  const stated = pageMetadata(document, baseUrl);
  // Readability changes the DOM it reads: give it its own copy.
  const article = new (readability().Readability)(parseHTML(html).document as unknown as Document, { charThreshold: 200 }).parse();
  if (article === null || !article.content) throw new ReadError('no article text found in the page');
  const paragraphs = htmlParagraphs(article.content);
  const title = stated.title ?? article.title?.trim() ?? null;
  // Readability sometimes keeps the headline as the first block: it is the title line already.
  if (title !== null && paragraphs[0]?.replace(/\s+/g, ' ').trim() === title.replace(/\s+/g, ' ').trim()) paragraphs.shift();
  if (paragraphs.length === 0) throw new ReadError('no article text found in the page');
  return {
    ...stated,
    title,
    byline: stated.byline ?? article.byline?.trim() ?? null,
    publisher: stated.publisher ?? article.siteName?.trim() ?? null,
    published: stated.published ?? isoDay(article.publishedTime),
    text: canonicalText(title, paragraphs),
  };
}

export const htmlReader: Reader = {
  format: 'html',
  detect: (text, name, contentType) =>
    /html/i.test(contentType ?? '') || /\.x?html?$/i.test(name) || /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>])/i.test(text),
  read: (text, name) => [readHtmlPage(text, name)],
};
