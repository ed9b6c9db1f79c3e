/**
 * The extractor never throws, whatever the text: generated paragraphs of the pieces its patterns look ahead and
 * behind for (names, titles, particles, initials, nicknames in quote marks, every quote mark, reporting verbs,
 * pronouns, dates, punctuation), cut anywhere. A held-out article once ended a quote on a nickname ("… Jose
 * ‘Migz’”) and the look-ahead past it threw; the pipeline now indexes such an article without statements
 * (guardedExtraction), and this test looks for the next such bug before an article does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/extract/extract.js';
import { inputFromText } from './helpers.js';

/** Phrases that put the pieces in the order real text does: a name, a nickname in marks, a quote closing on it. */
const PHRASES = [
  'Jose ‘Migz’', 'Jose “Migz”', '“We grew up with Jose ‘Migz’”', 'Ocampo said', 'said Ocampo', '“No,” she said.', 'Mr. de la Vega’s office said',
  'according to the report,', 'Q: Why?', 'A: Because.', 'SMITH: Yes.', 'His daughter, Ana Ocampo,', 'who asked that his name not be used,',
];

const PIECES = [
  ...PHRASES,
  'Jose', 'Miguel', 'Ocampo', 'de', 'la', 'Vega', 'van', 'der', 'al-Rashidi', 'bin', 'Jr.', 'Sr.', 'III', 'J.', 'R.', 'St.', 'Mr.', 'Ms.', 'Dr.', 'Sen.',
  'Gov.', 'the', 'a', 'minister', 'spokesman', 'his', 'her', 'wife', 'daughter', "'s", '’s', 'said', 'says', 'told', 'added', 'according', 'to', 'that',
  'and', 'but', 'who', 'asked', 'denied', 'found', 'He', 'She', 'It', 'they', 'I', "I'll", 'on', 'Monday', '23', 'October', '2016', '46', 'percent',
  '“', '”', '"', '‘', '’', "'", '«', '»', ',', '.', ':', ';', '—', '-', '(', ')', '?', '!', 'Q:', 'A:', 'SMITH:', '\n',
];

describe('the extractor on generated text', () => {
  it('never throws, on paragraphs made of the pieces its look-aheads read', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const text = ['Headline', ...paragraphs.map((words) => words.join(' ').replace(/ ?\n ?/g, '\n'))].join('\n');
        expect(() => extractStatements(inputFromText(text))).not.toThrow();
      }),
      { numRuns: 1500, seed: 12 },
    );
  });

  it('never throws when the same pieces are glued without spaces, as scraped text sometimes is', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 60 }), fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }), (words, glue) => {
        const text = `Headline\n${words.map((w, k) => (glue[k] ? w : ` ${w}`)).join('').trim()}`;
        expect(() => extractStatements(inputFromText(text))).not.toThrow();
      }),
      { numRuns: 1500, seed: 16 },
    );
  });
});
