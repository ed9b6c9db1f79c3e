/**
 * Markdown articles: marked renders them to HTML (inline emphasis and links become plain
 * words), and the paragraphs are read as for any HTML body. The first level-1 heading is the
 * title; a YAML-style front matter block may state title, date, author, url and publisher.
 */
import { marked } from 'marked';
import { htmlParagraphs } from './blocks.js';
import { canonicalText, canonicalUrl, isoDay, type Reader, type SourceDocument } from './types.js';

const FRONT = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function frontMatter(text: string): { values: Record<string, string>; body: string } {
  const m = FRONT.exec(text);
  if (!m) return { values: {}, body: text };
  const values: Record<string, string> = {};
  for (const line of m[1]!.split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (kv) values[kv[1]!.toLowerCase()] = kv[2]!.trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { values, body: text.slice(m[0].length) };
}

export function readMarkdown(text: string): SourceDocument {
  const { values, body } = frontMatter(text);
  const h1 = /^\s*#\s+(.+?)\s*#*\s*$/m.exec(body);
  const title = values.title ?? h1?.[1]?.replace(/[*_`]/g, '') ?? null;
  const withoutTitle = h1 ? body.slice(0, h1.index) + body.slice(h1.index + h1[0].length) : body;
  const html = marked.parse(withoutTitle, { async: false, gfm: true });
  return {
    title,
    url: canonicalUrl(values.url ?? values.canonical),
    published: isoDay(values.date ?? values.published),
    byline: values.author ?? values.byline ?? null,
    publisher: values.publisher ?? null,
    text: canonicalText(title, htmlParagraphs(html)),
  };
}

export const markdownReader: Reader = {
  format: 'markdown',
  detect: (text, name, contentType) =>
    /markdown/i.test(contentType ?? '') || /\.(md|markdown)$/i.test(name) || (/^\s*#\s+\S/m.test(text.slice(0, 2000)) && /\n\s*\n/.test(text) && !/^\s*</.test(text)),
  read: (text) => [readMarkdown(text)],
};
