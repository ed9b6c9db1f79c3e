/**
 * The editable synonym list (db/synonyms.txt): groups of words and phrases a
 * query treats as one, so "troops" also finds "soldiers" and "servicemen".
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export const DEFAULT_SYNONYMS_FILE = resolve(PROJECT_ROOT, 'db/synonyms.txt');

/** Each group is a list of phrases; each phrase a list of lower-case words. */
export type SynonymGroups = string[][][];

export function parseSynonyms(text: string): SynonymGroups {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((line) =>
      line
        .split(',')
        .map((phrase) => phrase.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
        .filter((words) => words.length > 0),
    )
    .filter((group) => group.length > 1);
}

export function loadSynonyms(file = DEFAULT_SYNONYMS_FILE): SynonymGroups {
  return parseSynonyms(readFileSync(file, 'utf8'));
}
