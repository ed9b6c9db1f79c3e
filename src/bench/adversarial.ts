/**
 * Text made to be slow to prepare: long runs of one unit (a character, a word, a name, a date, a quote
 * mark), and texts that name thousands of *different* people, organisations and roles, which is what
 * makes per-article look-ups grow with the article. Deterministic (seeded). Used by the adversarial
 * test (with a budget) and by the bench (seconds per MB against the bench corpus, in the same run).
 */
import { int, pick, rngFor, type Rng } from './prng.js';

/** Units repeated to the text's size, alone or mixed. */
export const REPEATED_UNITS: readonly string[] = [
  'A', 'a', '1', ' ', '.', '"', '“', '”', "'", '’', '«', '(', '-', 'Ж', '😀',
  'the ', 'said ', 'Abc ', 'Mark Rutte ', 'Abc Def Ghi, ', 'on Monday ', '23 October 2024 ', 'October 23 ', '2024-10-23 ',
  "it's ", '"a" said B. ', '“a” said B, ', 'He said this at a briefing. ', 'Rutte said:\n“Troops moved.”\n',
  'Censor.NET reports citing Ukrinform ', 'Reuters agency ', 'according to Reuters, ', 'at least 3,000 soldiers and ',
  'Mr. A. B. ', 'A-', 'A.', 'Abc Def\n', '“a ‘b ', 'will 23 October ',
  'He said. ', '"Yes," he said. ', 'Mark Rutte said "no". ', 'John Smith, NATO: "no." ', 'Q: a?\nA: b.\n', 'SMITH: yes.\n',
  '"a ', 'Abc, Def said. ', 'the company said. ', 'She told Abc Def that ', 'Dr. Abc Def Jr. ', 'a\n\n', 'Abc\n\n',
  '"Mary came," she said. ', '"Why, Dr. Lee?" she asked. "No," he said. ', 'Anna Berg said so. "Mary came," he said. She said no. ',
  'The mayor said yes. Mayor Ann Lee voted. ', 'Sir Tom said yes. Ann said no. ',
  // One-line paragraphs: every paragraph costs its parse, dates and cut whatever it holds.
  '"\n', 'Q:\n', '1\n', 'A\n',
];

/** A made-up capitalised name word, "Bakoruvi". */
function nameWord(rng: Rng): string {
  const consonants = 'bcdfghklmnprstvz';
  const vowels = 'aeiou';
  let word = consonants[int(rng, consonants.length)]!.toUpperCase();
  for (let i = 0; i < 3; i++) word += vowels[int(rng, vowels.length)]! + consonants[int(rng, consonants.length)]!;
  return word;
}

const ROLES = ['minister', 'spokesman', 'general', 'adviser', 'chief', 'director'];

/** Sentences that each bring someone new: the article's people, organisations and roles grow with its length. */
export const GROWING_CASTS: Readonly<Record<string, (rng: Rng) => string>> = {
  'a new person per sentence': (rng) => `${nameWord(rng)} ${nameWord(rng)} said "yes". `,
  'a new person per paragraph': (rng) => `${nameWord(rng)} ${nameWord(rng)} said "yes."\n\n`,
  'one surname, new first names': (rng) => `${nameWord(rng)} Smith said "yes". Smith added "no". `,
  'new people, then a pronoun': (rng) => `${nameWord(rng)} ${nameWord(rng)} met ${nameWord(rng)}. He said "yes". `,
  'new people, then a surname': (rng) => {
    const surname = nameWord(rng);
    return `${nameWord(rng)} ${surname} spoke. ${surname} said "yes". `;
  },
  'a new organisation per sentence': (rng) => `The ${nameWord(rng)} Ministry said "no". `,
  'new people, quotes and pronouns in one paragraph': (rng) => `${nameWord(rng)} ${nameWord(rng)} said so. "${pick(rng, ['Mary', 'Anna', 'Ruth'])} came," he said. She said no. `,
  // As dense in attributions as the article allowance lets through (one per 100 characters: extract/frames.ts), each a new person.
  'new people at the densest rate read': (rng) => `${nameWord(rng)} ${nameWord(rng)} said "yes." The ${pick(rng, ROLES)} met ${nameWord(rng)} ${nameWord(rng)} there on Monday.\n\n`,
  'a new role holder per sentence': (rng) => `${nameWord(rng)} ${nameWord(rng)}, the ${pick(rng, ROLES)}, spoke. The ${pick(rng, ROLES)} said "yes". `,
};

/** `unit` repeated to at least `bytes` bytes (UTF-8). */
export function repeatedText(unit: string, bytes: number): string {
  return unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
}

/** Sentences of one growing cast to at least `bytes` bytes. */
export function growingCastText(kind: string, bytes: number, seed = 16): string {
  const make = GROWING_CASTS[kind];
  if (make === undefined) throw new Error(`no growing cast called ${kind}`);
  const rng = rngFor(seed, 16);
  const parts: string[] = [];
  for (let size = 0; size < bytes; ) {
    const part = make(rng);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  return parts.join('');
}

/** Every adversarial text of about `bytes` bytes, by name, headline included. */
export function adversarialTexts(bytes: number): { name: string; text: string }[] {
  const article = (body: string) => `Headline of the article\n\n${body}\n`;
  return [
    ...REPEATED_UNITS.map((unit) => ({ name: `repeated ${JSON.stringify(unit)}`, text: article(repeatedText(unit, bytes)) })),
    ...Object.keys(GROWING_CASTS).map((kind) => ({ name: kind, text: article(growingCastText(kind, bytes)) })),
  ];
}

export interface WorstText {
  /** Bytes of each adversarial text measured. */
  bytes: number;
  /** The slowest text's preparing time (parse and prepare, one thread), seconds per MB. */
  s_per_mb: number;
  name: string;
  /** The same against preparing the bench corpus (read excluded) in the same run: how much worse than news the worst text is. */
  vs_corpus: number | null;
  /** Every text's seconds per MB, slowest first. */
  all: { name: string; s_per_mb: number }[];
}

/** Runs per text; the median is reported (one run of the same text swung by 2× with the collector's timing). */
export const WORST_TEXT_RUNS = 3;

/**
 * Prepares every adversarial text of `bytes` bytes (after one warm-up) with `prepare`, `WORST_TEXT_RUNS` times,
 * and reports the slowest by its median in seconds per MB of CPU time on this thread (CPU time, so other work on
 * the machine counts less).
 */
export function measureWorstText(bytes: number, prepare: (text: string) => void, corpusSPerMb: number | null): WorstText {
  const texts = adversarialTexts(bytes);
  prepare(texts[0]!.text);
  const all = texts.map(({ name, text }) => {
    const runs = Array.from({ length: WORST_TEXT_RUNS }, () => {
      const started = process.cpuUsage();
      prepare(text);
      const used = process.cpuUsage(started);
      return (used.user + used.system) / 1e6 / (Buffer.byteLength(text) / 1048576);
    }).sort((a, b) => a - b);
    return { name, s_per_mb: runs[Math.floor(runs.length / 2)]! };
  });
  all.sort((a, b) => b.s_per_mb - a.s_per_mb);
  const worst = all[0]!;
  return { bytes, s_per_mb: worst.s_per_mb, name: worst.name, vs_corpus: corpusSPerMb === null || corpusSPerMb === 0 ? null : worst.s_per_mb / corpusSPerMb, all };
}
