/** Building extraction inputs from plain passages (one paragraph per non-empty line; the first is the title). */
import { splitSentences } from '../../src/extract/sentences.js';
import type { ArticleParagraph, ArticleSentence, ExtractionInput } from '../../src/extract/types.js';
import { utf16ToCodePointMapper } from '../../src/text/offsets.js';

export function inputFromText(source: string, date: string | null = '2024-10-28'): ExtractionInput {
  const toCp = utf16ToCodePointMapper(source);
  const paragraphs: ArticleParagraph[] = [];
  const sentences: ArticleSentence[] = [];
  let offset = 0;
  for (const line of source.split('\n')) {
    const lead = line.length - line.trimStart().length;
    const text = line.trim();
    const start = offset + lead;
    offset += line.length + 1;
    if (text === '') continue;
    const index = paragraphs.length;
    paragraphs.push({ index, kind: index === 0 ? 'title' : 'body', text, span: { start: toCp(start), end: toCp(start + text.length) } });
    for (const r of splitSentences(text)) {
      sentences.push({ index: sentences.length, paragraphIndex: index, text: text.slice(r.start, r.end), span: { start: toCp(start + r.start), end: toCp(start + r.end) } });
    }
  }
  return { source, paragraphs, sentences, date };
}

/** A passage with a dummy headline, so every given line is a body paragraph. */
export function body(...lines: string[]): string {
  return ['Headline', ...lines].join('\n');
}
