/**
 * What an ingest derives (people, aliases, look-up keys, each statement's person, the spelling
 * vocabulary, the ranking window) is updated from the change log for what changed
 * (src/index/derived.ts). Property: after any sequence of adds, changes and removes, each followed
 * by an update, the tables equal a rebuild from the same articles in a fresh index; a rebuild in
 * place changes nothing, ids included; and a person who stays keeps their id.
 *
 * Articles are real parsed texts whose speaker mentions and statement speakers are drawn from names
 * that stress the people merge: transliterations (Zelenskyy / Zelensky / Zelenskiy), initials that
 * fit one first name or two, Jr. / Sr., a surname shared by two people, organisations with and
 * without "the", acronyms standing for one organisation or two.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { parseArticle } from '../src/corpus/parse.js';
import { openDatabase, type Db } from '../src/index/database.js';
import { updateDerived } from '../src/index/derived.js';
import { rebuildRankingWindow, removeArticle, writeArticle } from '../src/index/write.js';
import { prepareArticle, type PreparedArticle, type PreparedStatement } from '../src/pipeline/prepare.js';
import type { SpeakerMention } from '../src/extract/types.js';
import { fingerprint } from '../src/text/normalize.js';

type Named = { name: string; type: 'person' | 'organisation' };
const person = (name: string): Named => ({ name, type: 'person' });
const organisation = (name: string): Named => ({ name, type: 'organisation' });

/** Names that meet in the merge, by family: each run's articles name people from one or two families. */
const FAMILIES: Named[][] = [
  ['Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'Zelenskiy', 'V. Zelensky', 'Olena Zelenska', 'Zelenskyi'].map(person),
  ['John Smith', 'John Smith Jr.', 'John Smith Sr.', 'Jane Smith', 'J. Smith', 'Smith', 'Jon Smith', 'J Smith'].map(person),
  ['Andrii Kovalenko', 'Oleksandr Kovalenko', 'Kovalenko', 'A. Kovalenko', 'Andriy Kowalenko'].map(person),
  ['Federal Aviation Administration', 'FAA', 'F.A.A.', 'the FAA', 'Food and Agriculture Agency'].map(organisation),
  [...['NATO', 'North Atlantic Treaty Organization', 'the Ministry of Defence', 'Ministry of Defence', 'MD', 'Reuters'].map(organisation), person('Mark Rutte'), person('Rutte')],
  ['Victoria Kuvshynnykova', 'Kuvshinnikova', 'Ihor Klymenko', 'Igor Klimenko', 'Kyrylo Budanov', 'Kirill Budanow', 'Budanov', 'Klymenko'].map(person),
];
const ROLES = ['NATO Secretary General', 'President of Ukraine', 'spokesman', 'FAA', 'head of intelligence', 'Rutte'];
const WORDS = ['troops', 'soldiers', 'convoy', 'ridge', 'Kursk', 'drones', 'missiles', 'talks', 'border', 'café', 'regiment', 'the', 'north', 'korean', 'arrived', 'denied'];
const DAYS = ['2024-10-14', '2024-10-15', '2024-10-16', '2024-10-17'];
const SLOTS = 8;

interface ArticleSpec {
  day: number;
  sentences: number[][];
  /** Each sentence's speaker, in turn (null: unattributed). */
  speakers: (Named | null)[];
  mentions: { named: Named; otherType: boolean; roles: number[]; variants: Named[] }[];
}

/** Articles naming people of one small cast, so that their names meet in the merge. */
function articleSpec(cast: Named[]): fc.Arbitrary<ArticleSpec> {
  const named = fc.constantFrom(...cast);
  return fc.record({
    day: fc.nat(DAYS.length - 1),
    sentences: fc.array(fc.array(fc.nat(WORDS.length - 1), { minLength: 2, maxLength: 7 }), { minLength: 1, maxLength: 6 }),
    speakers: fc.array(fc.option(fc.oneof(named, fc.constant(organisation('the ministry'))), { nil: null }), { maxLength: 6 }),
    mentions: fc.array(
      fc.record({
        named,
        // A name can be a person in one article and an organisation in another ("Kupiansk" as a speaker).
        otherType: fc.boolean().chain((b) => (b ? fc.boolean() : fc.constant(false))).chain((b) => (b ? fc.boolean() : fc.constant(false))),
        roles: fc.array(fc.nat(ROLES.length - 1), { maxLength: 2 }),
        variants: fc.array(named, { maxLength: 2 }),
      }),
      { maxLength: 5 },
    ),
  });
}

type Op = { kind: 'put'; slot: number; spec: ArticleSpec } | { kind: 'remove'; slot: number };
function op(cast: Named[]): fc.Arbitrary<Op> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('put' as const), slot: fc.nat(SLOTS - 1), spec: articleSpec(cast) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant('remove' as const), slot: fc.nat(SLOTS - 1) }) },
  );
}

/** Each step is one batch of writes (one ingest), followed by an update. */
const steps = fc
  .subarray(FAMILIES, { minLength: 1, maxLength: 2 })
  .chain((families) => fc.array(fc.array(op(families.flat()), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }));

/** The article a spec describes: a real parse of its text, with the spec's mentions and one statement per sentence. */
function prepared(key: string, spec: ArticleSpec): PreparedArticle {
  const body = spec.sentences.map((words) => `${words.map((w) => WORDS[w]).join(' ')}.`);
  const text = `date ${DAYS[spec.day]}\n${body[0]}\n\n${body.slice(1).join('\n\n') || 'No more.'}`;
  const article = prepareArticle(parseArticle({ file: key, text }));
  const template = article.statements[0];
  const statements = article.sentences.map((s, i): PreparedStatement => {
    const speaker = spec.speakers.length === 0 ? null : spec.speakers[i % spec.speakers.length]!;
    return {
      ...(template ?? ({} as PreparedStatement)),
      kind: speaker === null ? 'unattributed' : 'indirect',
      speaker: speaker?.name ?? null,
      speakerType: speaker?.type ?? null,
      speakerMention: speaker?.name ?? null,
      speakerSpan: null,
      cue: null,
      cueSpan: null,
      content: s.text,
      contentSpan: s.span,
      paragraphIndex: s.paragraphIndex,
      stance: 'asserts',
      figures: [],
      eventDate: null,
      eventDatePrecision: null,
      quoted: false,
      rule: 'according-to',
      speakerRule: 'name',
      speakerVia: null,
      fingerprint: fingerprint(s.text),
    };
  });
  const mentions: SpeakerMention[] = spec.mentions.map((m) => ({
    name: m.named.name,
    type: m.otherType === (m.named.type === 'person') ? 'organisation' : 'person',
    roles: m.roles.map((r) => ROLES[r]!),
    variants: m.variants.map((v) => v.name),
  }));
  return { ...article, statements, mentions };
}

/** A small window, so that it exists and its floor moves with a few articles. */
const WINDOW = 4;

function freshIndex(): Db {
  const db = openDatabase(':memory:');
  rebuildRankingWindow(db, WINDOW);
  expect(updateDerived(db)).not.toBe('updated');
  return db;
}

function write(db: Db, key: string, spec: ArticleSpec): void {
  writeArticle(db, prepared(key, spec), { bytes: 100, contextYear: null });
}

/**
 * The derived tables with ids replaced by what they stand for (a person by type and canonical name,
 * a sentence by article and position), so two indexes built in different orders compare.
 */
function derivedTables(db: Db) {
  const all = (sql: string) => db.prepare(sql).raw(true).all().map((r) => JSON.stringify(r)).sort();
  db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.window_terms USING fts5vocab(main, recent_fts, 'instance')");
  return {
    people: all('SELECT type, canonical, roles, statements, block FROM people'),
    aliases: all('SELECT a.alias, p.type, p.canonical, a.display, a.kind FROM person_aliases a JOIN people p ON p.id = a.person_id'),
    personKeys: all('SELECT k.key, p.type, p.canonical FROM person_keys k JOIN people p ON p.id = k.person_id'),
    speakerKeys: all('SELECT key, speaker FROM speaker_keys'),
    statements: all('SELECT a.key, s.content_start, s.speaker, p.type, p.canonical FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN people p ON p.id = s.person_id'),
    names: all('SELECT * FROM speaker_names'),
    vocabulary: all('SELECT term, documents FROM vocabulary'),
    window: all('SELECT w.term, a.key, s.idx, w.offset FROM temp.window_terms w JOIN sentences s ON s.id = w.doc JOIN articles a ON a.id = s.article_id'),
    windowRows: db.prepare('SELECT count(*) FROM recent_fts').pluck().get(),
    floor: db.prepare('SELECT a.key, s.idx FROM ranking_window w JOIN sentences s ON s.id = w.floor JOIN articles a ON a.id = s.article_id').raw(true).all(),
    pending: db.prepare('SELECT (SELECT count(*) FROM pending_articles) + (SELECT count(*) FROM pending_removed_sentences) + (SELECT count(*) FROM pending_removed_mentions) + (SELECT count(*) FROM pending_keys) + (SELECT count(*) FROM pending_base)').pluck().get(),
  };
}

/** bm25 in the window of every sentence matching each word: the statistics FTS5 keeps beside the postings. */
function windowScores(db: Db): string[] {
  return WORDS.flatMap((w) =>
    (db.prepare('SELECT a.key, s.idx, round(bm25(recent_fts), 9) FROM recent_fts f JOIN sentences s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id WHERE recent_fts MATCH ?').raw(true).all(`"${w}"`) as unknown[][]).map((r) => `${w} ${JSON.stringify(r)}`),
  ).sort();
}

const withIds = (db: Db) => ({
  people: db.prepare('SELECT * FROM people ORDER BY id').all(),
  aliases: db.prepare('SELECT * FROM person_aliases ORDER BY person_id, alias').all(),
  keys: db.prepare('SELECT * FROM person_keys ORDER BY person_id, key').all(),
  statements: db.prepare('SELECT id, person_id FROM statements ORDER BY id').all(),
  vocabulary: db.prepare('SELECT * FROM vocabulary ORDER BY term').all(),
  window: db.prepare('SELECT floor, size FROM ranking_window').all(),
});

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

/** Runs the batches with an update after each, then compares with a rebuild: fresh, and in place. */
function updatesEqualRebuild(batches: Op[][]): void {
  const db = freshIndex();
  open.push(db);
  const current = new Map<string, ArticleSpec>();
  for (const batch of batches) {
    const idsBefore = new Map((db.prepare('SELECT type, canonical, id FROM people').raw(true).all() as [string, string, number][]).map(([t, c, id]) => [`${t}|${c}`, id]));
    db.transaction(() => {
      for (const o of batch) {
        const key = `a${o.slot}.txt`;
        if (o.kind === 'put') {
          write(db, key, o.spec);
          // In the order last written: sentence ids (and so the window of the newest) follow it.
          current.delete(key);
          current.set(key, o.spec);
        } else if (current.delete(key)) removeArticle(db, key);
      }
    })();
    expect(updateDerived(db, { mode: 'update' })).not.toBe('rebuilt');
    for (const [t, c, id] of db.prepare('SELECT type, canonical, id FROM people').raw(true).all() as [string, string, number][]) {
      const before = idsBefore.get(`${t}|${c}`);
      if (before !== undefined) expect(id).toBe(before);
    }
  }

  const rebuilt = (order: [string, ArticleSpec][]) => {
    const reference = freshIndex();
    open.push(reference);
    reference.transaction(() => {
      for (const [key, spec] of order) write(reference, key, spec);
    })();
    expect(updateDerived(reference, { mode: 'rebuild' })).toBe('rebuilt');
    return reference;
  };
  const tables = derivedTables(db);
  const reference = rebuilt([...current]);
  expect(tables).toEqual(derivedTables(reference));
  expect(windowScores(db)).toEqual(windowScores(reference));
  // People and vocabulary do not depend on the order articles came in (the window of the newest does).
  const { window, windowRows, floor, ...orderFree } = tables;
  expect(derivedTables(rebuilt([...current].reverse()))).toMatchObject(orderFree);

  const before = withIds(db);
  updateDerived(db, { mode: 'rebuild' });
  expect(withIds(db)).toEqual(before);
}

const article = (day: number, mentions: Named[], speakers: (Named | null)[] = []): ArticleSpec => ({
  day,
  sentences: [[0, 1, 2], [3, 4]],
  speakers,
  mentions: mentions.map((named) => ({ named, otherType: false, roles: [], variants: [] })),
});
const put = (slot: number, spec: ArticleSpec): Op => ({ kind: 'put', slot, spec });
const remove = (slot: number): Op => ({ kind: 'remove', slot });

describe('derived tables updated for what changed', () => {
  it('equal a rebuild from the same articles after any sequence of adds, changes and removes; people who stay keep their ids (fast-check)', () => {
    fc.assert(fc.property(steps, updatesEqualRebuild), { numRuns: 60 });
  }, 300_000);

  it('split an organisation from its acronym when the last article using the acronym goes', () => {
    const faa = organisation('FAA');
    const agency = organisation('Federal Aviation Administration');
    updatesEqualRebuild([[put(0, article(0, [agency, agency], [agency])), put(1, article(1, [faa], [faa]))], [remove(1)]]);
  });

  it('join an acronym to its organisation when a second organisation it could stand for goes', () => {
    const faa = organisation('F.A.A.');
    updatesEqualRebuild([
      [put(0, article(0, [organisation('Federal Aviation Administration')])), put(1, article(1, [organisation('Food and Agriculture Agency')])), put(2, article(2, [faa], [faa]))],
      [remove(1)],
    ]);
  });

  it('make a surname alone ambiguous when a second full name with it arrives, and clear again when it goes', () => {
    const surname = person('Kovalenko');
    updatesEqualRebuild([
      [put(0, article(0, [person('Andrii Kovalenko'), surname], [surname, person('Andrii Kovalenko')]))],
      [put(1, article(3, [person('Oleksandr Kovalenko')], [person('Oleksandr Kovalenko')]))],
      [remove(1)],
    ]);
  });

  it('never join John Smith Jr. to John Smith Sr., and fit an initial to one first name only', () => {
    updatesEqualRebuild([
      [put(0, article(0, [person('John Smith Jr.'), person('John Smith Sr.')], [person('J. Smith')]))],
      [put(1, article(1, [person('John Smith'), person('J. Smith')], [person('Smith')]))],
      [put(2, article(2, [person('Jane Smith')], [person('J. Smith')]))],
      [remove(0), remove(2)],
    ]);
  });
});
