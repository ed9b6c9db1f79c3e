/**
 * Choosing a reader by content, with the file name or Content-Type as hints: a feed saved as
 * .xml, an HTML page saved as .txt and a JSON Feed served as application/json all go to the
 * right reader. Order matters: the most specific signature first, plain text last.
 */
import { feedReader } from './feed.js';
import { htmlReader } from './html.js';
import { jsonReader } from './json.js';
import { markdownReader } from './markdown.js';
import { textReader } from './text.js';
import type { Reader, SourceDocument } from './types.js';

export const READERS: Reader[] = [feedReader, htmlReader, jsonReader, markdownReader, textReader];

/** File names the corpus reads (anything else in the folder is left alone). */
export const CORPUS_EXTENSIONS = /\.(txt|html?|xhtml|md|markdown|xml|rss|atom|json|ndjson|jsonl)$/i;

export function readerFor(text: string, name: string, contentType: string | null = null): Reader {
  // A .txt file is text unless its content is unmistakably markup: the seeds stay exactly as they were read.
  const candidates = /\.txt$/i.test(name) ? READERS.filter((r) => r.format === 'feed' || r.format === 'html') : READERS;
  for (const reader of candidates) {
    if (reader.format === 'html' && /\.txt$/i.test(name) && !/^\s*<(!doctype|html)/i.test(text)) continue;
    if (reader.detect(text, name, contentType)) return reader;
  }
  return textReader;
}

export function readDocuments(text: string, name: string, contentType: string | null = null): SourceDocument[] {
  return readerFor(text, name, contentType).read(text, name);
}
