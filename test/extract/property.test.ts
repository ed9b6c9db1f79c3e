import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/extract/extract.js';
import { parseFigures } from '../../src/extract/figures.js';
import { sliceByCodePoints } from '../../src/text/offsets.js';
import { inputFromText } from './helpers.js';

/** Text that looks enough like news to exercise the rules: words, names, cues, quote marks, numbers, emoji. */
const newsy = fc
  .array(
    fc.oneof(
      fc.constantFrom('said', 'told reporters', 'according to', 'was stated by', 'he', 'She', 'It was reported that', 'added', 'confirmed', 'denied', 'the NATO Secretary General', 'Mark Rutte', 'Kuvshinnikova', 'officials', 'that', 'this'),
      fc.constantFrom('"', '“', '”', '‘', '’', "'", '«', '»', ',', '.', ':', ';', ' - ', '...', '\n', '\n\n', '😀', 'é', '\u00a0'),
      fc.constantFrom('nearly 11,000 soldiers', 'On 17 October', 'on Monday', '2-3 thousand', 'at least five', "can't confirm", 'is not true', 'the 11th brigade'),
      fc.string({ maxLength: 8 }),
      fc.stringMatching(/^[A-Z][a-z]{1,8}$/),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

describe('extraction never lies about spans', () => {
  it('never throws; every span is inside the source; content equals the source at its span', () => {
    fc.assert(
      fc.property(fc.oneof(newsy, fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 200 })), (text) => {
        const input = inputFromText(text, '2024-10-21');
        const { statements, mentions } = extractStatements(input);
        const length = [...text].length;
        for (const s of statements) {
          for (const span of [s.contentSpan, s.speakerSpan, s.cueSpan, ...s.figures.map((f) => f.span)]) {
            if (span === null) continue;
            expect(span.start).toBeGreaterThanOrEqual(0);
            expect(span.end).toBeLessThanOrEqual(length);
            expect(span.start).toBeLessThanOrEqual(span.end);
          }
          expect(sliceByCodePoints(text, s.contentSpan)).toBe(s.content);
          expect(s.content.length).toBeGreaterThan(0);
          if (s.speakerSpan) expect(sliceByCodePoints(text, s.speakerSpan)).toBe(s.speakerMention);
          if (s.cueSpan) expect(sliceByCodePoints(text, s.cueSpan)).toBe(s.cue);
          for (const f of s.figures) expect(sliceByCodePoints(text, f.span)).toBe(f.text);
          if (s.kind === 'unattributed') expect(s.speaker).toBeNull();
        }
        for (const m of mentions) expect(m.name.trim()).not.toBe('');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 400) },
    );
  });

  it('parseFigures spans are code points into the text, shifted by the offset', () => {
    fc.assert(
      fc.property(newsy, fc.nat(1000), (text, offset) => {
        for (const f of parseFigures(text, offset)) {
          expect(sliceByCodePoints(text, { start: f.span.start - offset, end: f.span.end - offset })).toBe(f.text);
          expect(f.min).toBeLessThanOrEqual(f.max);
        }
      }),
      { numRuns: 300 },
    );
  });
});
