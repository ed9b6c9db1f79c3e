import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/extract/sentences.js';

const split = (text: string) => splitSentences(text).map((r) => text.slice(r.start, r.end));

describe('splitSentences', () => {
  it('splits at sentence ends and keeps closing quotes', () => {
    expect(split('He said "yes." She left. It rained!')).toEqual(['He said "yes."', 'She left.', 'It rained!']);
  });

  it('does not split after titles, initials or inner dots', () => {
    expect(split('Sgt. Maria Gomez said so. Dr. Raj Patel agreed. The U.S. Army and J. Smith came at 3:40 a.m. and left.')).toEqual([
      'Sgt. Maria Gomez said so.',
      'Dr. Raj Patel agreed.',
      'The U.S. Army and J. Smith came at 3:40 a.m. and left.',
    ]);
  });

  it('splits after a.m./p.m. or Inc. when a new sentence clearly starts', () => {
    expect(split('Officers stopped a car at about 11 p.m. The driver sped away.')).toEqual(['Officers stopped a car at about 11 p.m.', 'The driver sped away.']);
  });

  it('splits at an ellipsis followed by a new sentence', () => {
    expect(split('units are deployed in the Kursk region... This is a significant escalation.')).toEqual([
      'units are deployed in the Kursk region...',
      'This is a significant escalation.',
    ]);
  });
});
