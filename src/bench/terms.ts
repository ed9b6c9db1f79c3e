/**
 * Choosing the benchmark's queries from the generated vocabulary by measured
 * document frequency (rare → over a quarter of all sentences), and /who names
 * from the generated speakers (full names, surnames, transliteration variants,
 * typos, a role, a name nobody has).
 */
import Database from 'better-sqlite3';
import type { Db } from '../index/database.js';
import { parseQuery, toFtsMatch } from '../index/ftsQuery.js';
import { loadSynonyms } from '../index/synonyms.js';
import type { BenchPerson } from './generator.js';
import type { LabelledQuery } from './measure.js';
import { typoOf } from './vocabulary.js';

/** The FTS5 stems of `words`, as the index's tokenizer makes them (porter unicode61). */
export function stemsOf(words: string[]): Map<string, string> {
  const mem = new Database(':memory:');
  try {
    mem.exec("CREATE VIRTUAL TABLE w USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2'); CREATE VIRTUAL TABLE wv USING fts5vocab(w, 'instance');");
    const insert = mem.prepare('INSERT INTO w(rowid, text) VALUES (?, ?)');
    mem.transaction(() => words.forEach((word, i) => insert.run(i + 1, word)))();
    const stems = new Map<string, string>();
    for (const row of mem.prepare('SELECT term, doc FROM wv').all() as { term: string; doc: number }[]) {
      const word = words[row.doc - 1];
      if (word !== undefined && !stems.has(word)) stems.set(word, row.term);
    }
    return stems;
  } finally {
    mem.close();
  }
}

/** Sentences containing each stem (fts5vocab 'row': one pass over the whole index). */
export function documentFrequencies(db: Db): Map<string, number> {
  const df = new Map<string, number>();
  for (const row of db.prepare('SELECT term, doc FROM sentences_vocab').iterate() as Iterable<{ term: string; doc: number }>) df.set(row.term, row.doc);
  return df;
}

export function sentenceCount(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM sentences').get() as { n: number }).n;
}

interface Candidate {
  word: string;
  stem: string;
  docs: number;
}

const quoted = (word: string) => `"${word}"`;

/**
 * One word per frequency decade (1, 3, 10, 30, … sentences), the word closest
 * to a quarter of all sentences from above, and the most frequent word; plus
 * two-word queries and a misspelling that matches nothing.
 */
export function chooseClaimsQueries(db: Db, words: string[], df: Map<string, number>, total: number): LabelledQuery[] {
  const stems = stemsOf(words);
  const byStem = new Map<string, Candidate>();
  for (const word of words) {
    const stem = stems.get(word);
    if (stem === undefined || word.length < 4) continue;
    const docs = df.get(stem) ?? 0;
    if (docs === 0) continue;
    const known = byStem.get(stem);
    // The shortest surface form stands for the stem (troops → troop is the same stem).
    if (!known || word.length < known.word.length) byStem.set(stem, { word, stem, docs });
  }
  const candidates = [...byStem.values()].sort((a, b) => a.docs - b.docs || a.word.localeCompare(b.word));
  const chosen: Candidate[] = [];
  const take = (c: Candidate | undefined) => {
    if (c && !chosen.some((x) => x.stem === c.stem)) chosen.push(c);
  };
  const closest = (target: number) =>
    candidates.reduce<Candidate | undefined>((best, c) => (best === undefined || Math.abs(Math.log(c.docs / target)) < Math.abs(Math.log(best.docs / target)) ? c : best), undefined);
  for (let target = 1; target < total / 4; target *= Math.sqrt(10)) take(closest(Math.round(target)));
  take(candidates.find((c) => c.docs >= total / 4));
  take(candidates.at(-1));

  const queries: LabelledQuery[] = chosen
    .sort((a, b) => a.docs - b.docs)
    .map((c) => ({ label: c.word, request: { command: 'claims', query: c.word }, match: quoted(c.word), like: c.word, docs: c.docs }));

  const common = chosen.at(-1);
  const mid = chosen[Math.floor(chosen.length / 2)];
  const rare = chosen[1] ?? chosen[0];
  const count = (match: string) => (db.prepare('SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH ?').get(match) as { n: number }).n;
  if (common && rare && common !== rare) {
    const match = `${quoted(rare.word)} AND ${quoted(common.word)}`;
    queries.push({ label: `${rare.word} ${common.word}`, request: { command: 'claims', query: `${rare.word} ${common.word}` }, match, like: null, docs: count(match) });
  }
  const second = chosen.at(-2);
  if (common && second && mid) {
    const match = `${quoted(second.word)} AND ${quoted(common.word)}`;
    queries.push({ label: `${second.word} ${common.word}`, request: { command: 'claims', query: `${second.word} ${common.word}` }, match, like: null, docs: count(match) });
  }
  if (mid) {
    // A misspelling: nothing matches, so the answer offers spellings from the vocabulary.
    let typo = typoOf(mid.word, 7);
    for (let salt = 8; df.has(stemsOf([typo]).get(typo) ?? typo) && salt < 40; salt++) typo = typoOf(mid.word, salt);
    queries.push({ label: `${typo} (typo)`, request: { command: 'claims', query: typo }, match: quoted(typo), like: typo, docs: 0 });
  }
  // What reporters type: words with synonyms (db/synonyms.txt), each a word FTS5 has to count.
  const synonyms = loadSynonyms();
  for (const text of ['troops', 'north korean troops']) {
    const parsed = parseQuery(text, synonyms);
    const match = toFtsMatch(parsed);
    const phrases = parsed.terms.reduce((n, t) => n + t.alternatives.length, 0);
    const docs = match === null ? 0 : count(match);
    if (match !== null && docs > 0) queries.push({ label: `${text} (synonyms: ${phrases} phrases)`, request: { command: 'claims', query: text }, match, like: null, docs });
  }
  return queries;
}

/** /who names: the most quoted person several ways, a mid and a rare one, a role, an unknown name. */
export function chooseWhoQueries(db: Db, people: BenchPerson[]): LabelledQuery[] {
  const mentions = (name: string) =>
    (db.prepare('SELECT count(*) AS n FROM sentences_fts WHERE sentences_fts MATCH ?').get(`"${name.replace(/"/g, '""')}"`) as { n: number }).n;
  const top = people.find((p) => p.variants.length > 0) ?? people[0]!;
  const mid = people.slice(40).find((p) => p.variants.length > 0) ?? people[40]!;
  const rare = people[Math.min(people.length - 1, 1200)]!;
  const western = people.find((p) => p.variants.length === 0) ?? people[1]!;
  const names: [string, string][] = [
    ['top: full name', top.canonical],
    ['top: surname', top.surname],
    ['top: variant', top.variants[0] ?? top.canonical],
    ['top: typo', `${top.first} ${typoOf(top.surname, 5)}`],
    ['mid: full name', mid.canonical],
    ['mid: variant surname', (mid.variants[0] ?? mid.canonical).split(' ').at(-1)!],
    ['rare: full name', rare.canonical],
    ['western surname', western.surname],
    ['role', top.role],
    ['unknown name', 'Wilhelmina Zzyzxova'],
  ];
  return names.map(([label, name]) => ({ label: `${label}: ${name}`, request: { command: 'who', query: name }, match: null, like: null, docs: mentions(name) }));
}

/** Claims read from the generated articles to /check: figures changed, a person named (and misspelt), a stance negated. */
const CHECK_CLAIMS = 6;

/**
 * /check claims: sentences of the index holding a figure, with every number
 * changed (so the archive gives a different figure), one naming the most
 * quoted person with a typo, one negated, and a claim of function words only.
 */
export function chooseCheckQueries(db: Db, people: BenchPerson[]): LabelledQuery[] {
  const { low, high } = db.prepare('SELECT min(id) AS low, max(id) AS high FROM sentences').get() as { low: number; high: number };
  const withFigure = db.prepare("SELECT text FROM sentences WHERE id >= ? AND text GLOB '*[0-9]*' ORDER BY id LIMIT 1").pluck();
  const texts = Array.from({ length: CHECK_CLAIMS }, (_, i) => withFigure.get(low + Math.floor(((high - low) * (i + 0.5)) / CHECK_CLAIMS)) as string | undefined);
  const changed = texts.filter((t): t is string => t !== undefined).map((t) => t.replace(/\d+/g, (d) => String(Number(d) + 7)).slice(0, 300));
  const top = people.find((p) => p.variants.length > 0) ?? people[0]!;
  const claims: [string, string][] = [
    ...changed.map((text, i) => [`sentence ${i + 1}, figures changed`, text] as [string, string]),
    ['a person misspelt', `${top.first} ${typoOf(top.surname, 3)} said ${changed[0]?.split(' ').slice(0, 8).join(' ') ?? 'the troops arrived'}`],
    ['negated', `It is not true that ${changed[1]?.split(' ').slice(0, 10).join(' ') ?? 'the troops arrived'}`],
    ['function words only', 'is it true that they were'],
  ];
  return claims.map(([label, claim]) => ({ label: `check: ${label}`, request: { command: 'check', query: claim }, match: null, like: null, docs: 0 }));
}
