/**
 * CMS exports: a JSON array (or { articles: [...] }) or NDJSON, one article per object
 * `{title, url, published, author, publisher, body}`. Each object is checked with zod; a bad
 * one is refused with its position and the field at fault, never half-read.
 */
import { z } from 'zod';
import { textOrHtmlParagraphs } from './blocks.js';
import { canonicalText, canonicalUrl, isoDay, ReadError, type Reader, type SourceDocument } from './types.js';

const ExportedArticle = z.object({
  title: z.string().trim().min(1, 'expected a non-empty title'),
  url: z.string().optional().nullable(),
  published: z.string().optional().nullable(),
  author: z.union([z.string(), z.array(z.string())]).optional().nullable(),
  publisher: z.string().optional().nullable(),
  body: z.string().trim().min(1, 'expected the article text in body'),
});

function toDocument(value: unknown, where: string): SourceDocument {
  const parsed = ExportedArticle.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ReadError(`${where}: ${issue.path.join('.') || 'article'}: ${issue.message}`);
  }
  const a = parsed.data;
  return {
    title: a.title,
    url: canonicalUrl(a.url),
    published: isoDay(a.published),
    byline: Array.isArray(a.author) ? a.author.join(', ') : (a.author ?? null),
    publisher: a.publisher ?? null,
    text: canonicalText(a.title, textOrHtmlParagraphs(a.body)),
  };
}

export function readExport(text: string): SourceDocument[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[') || (trimmed.startsWith('{') && !/\}\s*\n\s*\{/.test(trimmed))) {
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      throw new ReadError(`not valid JSON (${(error as Error).message})`);
    }
    const list = Array.isArray(value) ? value : (value as { articles?: unknown }).articles;
    if (!Array.isArray(list)) return [toDocument(value, 'the object')];
    return list.map((item, i) => toDocument(item, `article ${i + 1}`));
  }
  return trimmed.split(/\r?\n/).flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [toDocument(JSON.parse(line), `line ${i + 1}`)];
    } catch (error) {
      if (error instanceof ReadError) throw error;
      throw new ReadError(`line ${i + 1}: not valid JSON (${(error as Error).message})`);
    }
  });
}

export const jsonReader: Reader = {
  format: 'json',
  detect: (text, name, contentType) => /\.(ndjson|jsonl|json)$/i.test(name) || /json/i.test(contentType ?? '') || /^\s*[[{]/.test(text.slice(0, 10)),
  read: (text) => readExport(text),
};
