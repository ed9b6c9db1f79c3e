import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleFormatError, parseArticle } from '../src/corpus/parse.js';
import { codePointLength, sliceByCodePoints } from '../src/text/offsets.js';
import { parseQuery, toFtsMatch } from '../src/index/ftsQuery.js';
import { loadSynonyms } from '../src/index/synonyms.js';

/** Text shaped like scraped news, with the characters that break naive parsers. */
const newsish = fc
  .array(
    fc.oneof(
      fc.constantFrom('“', '”', '‘', '’', '"', "'", '«', '»', '...', '…', '.', '!', '?', ',', ':', ' ', '  ', '\n', '\n\n', '\r\n', '\u00a0', '\ufeff', '---\n', 'date 2024-10-16 ', 'Mr. ', 'U.S. ', 'On 17 October, ', 'on Monday', '🚀', '👍🏽', 'Кувшинникова', '朝鲜', 'قوات', '\u0000', 'Leave a Reply', 'See also ', 'he said.', ' said Rutte', ' — '),
      fc.string({ maxLength: 12 }),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parser properties (fast-check)', () => {
  it('never throws on any text except a clear front-matter error; every span lies inside the source and gives back its text', () => {
    fc.assert(
      fc.property(newsish, (text) => {
        let article;
        try {
          article = parseArticle({ file: 'p.txt', text, contextYear: 2024 });
        } catch (error) {
          expect(error).toBeInstanceOf(ArticleFormatError);
          return;
        }
        const length = codePointLength(text);
        for (const unit of [...article.paragraphs, ...article.sentences]) {
          expect(unit.span.start).toBeGreaterThanOrEqual(0);
          expect(unit.span.end).toBeLessThanOrEqual(length);
          expect(unit.span.start).toBeLessThanOrEqual(unit.span.end);
          expect(sliceByCodePoints(text, unit.span)).toBe(unit.text);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('any user text becomes either no query or an FTS5 expression of quoted words only', () => {
    const synonyms = loadSynonyms();
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const match = toFtsMatch(parseQuery(text, synonyms));
        if (match === null) return;
        // Outside quoted strings only AND, OR, parentheses and spaces may appear.
        expect(match.replace(/"(?:[^"]|"")*"/g, '').replace(/\b(AND|OR)\b|[() ]/g, '')).toBe('');
      }),
      { numRuns: 500 },
    );
  });
});
