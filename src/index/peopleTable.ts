/**
 * Keeping the people table: one record per person or organisation, merged from the speaker
 * mentions of every article (extract/people.ts mergeNames), with every statement pointed at its
 * speaker's record (canonicalOf). Rebuilt from all mentions, or updated for what changed:
 *
 * - The merge reads one tally per distinct name (speaker_names: how many mentions, which roles and
 *   spellings), kept by adding the written articles' mentions and subtracting the removed ones'.
 * - It compares names only within a block (persons by surname skeleton, organisations by
 *   normalised name) and joins organisation blocks only through an acronym. So the blocks of the
 *   changed names, closed under acronyms, are merged again from their tallies, and their records
 *   replace the ones stored for those blocks.
 * - canonicalOf finds a record only under its lookup keys (folded names, name-token skeletons). So
 *   when records change, only the speakers sharing a key with the old or new record resolve again.
 *
 * Either way the tables end the same as a rebuild from every mention (test/derived.property.test.ts).
 * People keep their ids while their canonical name and type stay the same (migration 007).
 */
import { canonicalOf, mergeKeysOf, mergeNames, nameLookupKeys, recordLookupKeys, tallyId, tallyMentions, type NameTally } from '../extract/people.js';
import type { PersonRecord, SpeakerMention } from '../extract/types.js';
import { cached, type Db } from './database.js';
import { pendingKeys } from './changes.js';
import { byCodeUnits } from '../text/search.js';

/** Lower-case, accent-free key for alias lookups. */
export function aliasKey(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, ' ').trim();
}

interface AliasRow {
  alias: string;
  display: string;
  kind: 'name' | 'surname' | 'variant' | 'role';
}

function aliasKind(person: PersonRecord, alias: string): AliasRow['kind'] {
  if (person.roles.includes(alias)) return 'role';
  if (!alias.includes(' ')) return 'surname';
  return person.canonical === alias ? 'name' : 'variant';
}

/** A record's rows in person_aliases: its name, aliases and roles, the first of each alias key kept. */
function aliasRows(person: PersonRecord): AliasRow[] {
  const rows = new Map<string, AliasRow>();
  const add = (display: string, kind: AliasRow['kind']) => {
    const alias = aliasKey(display);
    if (!rows.has(alias)) rows.set(alias, { alias, display, kind });
  };
  add(person.canonical, 'name');
  for (const alias of person.aliases) add(alias, aliasKind(person, alias));
  for (const role of person.roles) add(role, 'role');
  return [...rows.values()];
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

const rowsSignature = (rows: AliasRow[]) => rows.map((r) => `${r.alias}\u0000${r.display}\u0000${r.kind}`).sort().join('\u0001');

function blockOf(person: PersonRecord): string {
  return mergeKeysOf(person.type, person.canonical)?.block ?? '';
}

interface StoredPerson {
  id: number;
  canonical: string;
  type: PersonRecord['type'];
  roles: string;
  block: string | null;
}

/** What changed in the people: the lookup keys of records added, changed or removed, and the people whose counts may differ. */
interface PeopleWrite {
  keys: Set<string>;
  recount: Set<number>;
  changed: boolean;
}

/**
 * Replaces the `stored` people with `records` (the same blocks merged again). A record keeps the
 * id of the person with its canonical name and type; a record that would write the same rows is
 * left alone.
 */
function replaceRecords(db: Db, records: PersonRecord[], stored: StoredPerson[]): PeopleWrite {
  const out: PeopleWrite = { keys: new Set(), recount: new Set(), changed: false };
  const byName = new Map(stored.map((p) => [`${p.type}|${p.canonical}`, p]));
  const storedKeys = (id: number) => cached(db, 'SELECT key FROM person_keys WHERE person_id = ?').pluck().all(id) as string[];
  const storedRows = (id: number) => cached(db, 'SELECT alias, display, kind FROM person_aliases WHERE person_id = ?').all(id) as AliasRow[];
  const insertAlias = cached(db, 'INSERT INTO person_aliases(alias, person_id, display, kind) VALUES (?, ?, ?, ?)');
  const insertKey = cached(db, 'INSERT INTO person_keys(key, person_id) VALUES (?, ?)');
  for (const person of records) {
    const roles = JSON.stringify(person.roles);
    const block = blockOf(person);
    const rows = aliasRows(person);
    const keys = recordLookupKeys(person);
    const name = `${person.type}|${person.canonical}`;
    const before = byName.get(name) ?? (cached(db, 'SELECT id, canonical, type, roles, block FROM people WHERE canonical = ? AND type = ?').get(person.canonical, person.type) as StoredPerson | undefined);
    byName.delete(name);
    let id: number;
    if (before === undefined) {
      id = Number(cached(db, 'INSERT INTO people(canonical, type, roles, block) VALUES (?, ?, ?, ?)').run(person.canonical, person.type, roles, block).lastInsertRowid);
    } else {
      id = before.id;
      const oldKeys = storedKeys(id);
      if (before.roles === roles && before.block === block && rowsSignature(storedRows(id)) === rowsSignature(rows) && sameSet(oldKeys, keys)) continue;
      for (const key of oldKeys) out.keys.add(key);
      cached(db, 'UPDATE people SET roles = ?, block = ? WHERE id = ?').run(roles, block, id);
      cached(db, 'DELETE FROM person_aliases WHERE person_id = ?').run(id);
      cached(db, 'DELETE FROM person_keys WHERE person_id = ?').run(id);
    }
    for (const row of rows) insertAlias.run(row.alias, id, row.display, row.kind);
    for (const key of keys) {
      insertKey.run(key, id);
      out.keys.add(key);
    }
    out.recount.add(id);
    out.changed = true;
  }
  for (const gone of byName.values()) {
    for (const key of storedKeys(gone.id)) out.keys.add(key);
    cached(db, 'DELETE FROM person_aliases WHERE person_id = ?').run(gone.id);
    cached(db, 'DELETE FROM person_keys WHERE person_id = ?').run(gone.id);
    cached(db, 'DELETE FROM people WHERE id = ?').run(gone.id);
    out.changed = true;
  }
  return out;
}

type MentionRow = { name: string; type: SpeakerMention['type']; roles: string; variants: string };

function mentionsOf(rows: MentionRow[]): SpeakerMention[] {
  return rows.map((r) => ({ name: r.name, type: r.type, roles: JSON.parse(r.roles) as string[], variants: JSON.parse(r.variants) as string[] }));
}

type TallyRow = { type: SpeakerMention['type']; name: string; mentions: number; roles: string; variants: string };

const countsJson = (counts: Map<string, number>) => JSON.stringify([...counts].sort(([a], [b]) => byCodeUnits(a, b)));

function tallyOf(r: TallyRow): NameTally {
  return { name: r.name, type: r.type, mentions: r.mentions, roles: new Map(JSON.parse(r.roles) as [string, number][]), variants: new Map(JSON.parse(r.variants) as [string, number][]) };
}

function saveTally(db: Db, t: NameTally): void {
  const keys = mergeKeysOf(t.type, t.name)!;
  cached(db, 'INSERT OR REPLACE INTO speaker_names(type, name, block, acronym, mentions, roles, variants) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    t.type, t.name, keys.block, keys.acronym, t.mentions, countsJson(t.roles), countsJson(t.variants),
  );
}

const TALLY_COLUMNS = 'type, name, mentions, roles, variants';

/** Points every statement of each speaker at the person `resolve` gives (or none); the people whose counts changed go into `recount`. */
function pointStatements(db: Db, speakers: Iterable<string>, resolve: (speaker: string) => number | null, out: PeopleWrite): void {
  const moved = cached(db, 'SELECT DISTINCT person_id FROM statement_rows WHERE speaker = ? AND person_id IS NOT ?').pluck();
  const update = cached(db, 'UPDATE statement_rows SET person_id = ? WHERE speaker = ? AND person_id IS NOT ?');
  for (const speaker of speakers) {
    const id = resolve(speaker);
    const from = moved.all(speaker, id) as (number | null)[];
    if (from.length === 0) continue;
    for (const before of from) if (before !== null) out.recount.add(before);
    if (id !== null) out.recount.add(id);
    update.run(id, speaker, id);
    out.changed = true;
  }
}

function bumpPeopleVersion(db: Db): void {
  cached(db, 'UPDATE people_version SET version = version + 1').run();
}

/** Rebuilds the people from every speaker mention, and points every statement at its speaker's person. */
export function rebuildPeople(db: Db): void {
  db.transaction(() => {
    const tallies = tallyMentions(mentionsOf(db.prepare('SELECT name, type, roles, variants FROM speaker_mentions').all() as MentionRow[]));
    db.exec('DELETE FROM speaker_names');
    for (const t of tallies.values()) saveTally(db, t);
    const records = mergeNames([...tallies.values()]);
    const stored = db.prepare('SELECT id, canonical, type, roles, block FROM people').all() as StoredPerson[];
    const out = replaceRecords(db, records, stored);
    const speakers = db.prepare('SELECT DISTINCT speaker FROM statement_rows WHERE speaker IS NOT NULL').pluck().all() as string[];
    db.exec('DELETE FROM speaker_keys');
    const insertKey = db.prepare('INSERT INTO speaker_keys(key, speaker) VALUES (?, ?)');
    for (const speaker of speakers) for (const key of nameLookupKeys(speaker)) insertKey.run(key, speaker);
    const idOf = new Map(
      (db.prepare('SELECT id, type, canonical FROM people').all() as { id: number; type: string; canonical: string }[]).map((p) => [`${p.type}|${p.canonical}`, p.id]),
    );
    pointStatements(db, speakers, (speaker) => {
      const person = canonicalOf(speaker, records);
      return person === null ? null : idOf.get(`${person.type}|${person.canonical}`)!;
    }, out);
    db.prepare('UPDATE people SET statements = (SELECT count(*) FROM statement_rows s WHERE s.person_id = people.id)').run();
    bumpPeopleVersion(db);
  }).immediate();
}

/** The blocks reachable from the seeds through acronyms that could join them (mergeKeysOf). */
function closeBlocks(db: Db, seedBlocks: Iterable<string>, seedAcronyms: Iterable<string>): string[] {
  const blocks = new Set<string>();
  const acronyms = new Set<string>();
  const blockQueue = [...seedBlocks];
  // A seed acronym is followed even if no '=X' is left: the one removed may have joined two blocks.
  const acronymQueue = [...seedAcronyms].map((a) => a.replace(/^=/, ''));
  const acronymsIn = cached(db, 'SELECT DISTINCT acronym FROM speaker_names WHERE block = ? AND acronym IS NOT NULL').pluck();
  const isAcronymHere = cached(db, 'SELECT 1 FROM speaker_names WHERE acronym = ? LIMIT 1');
  const blocksWith = cached(db, 'SELECT DISTINCT block FROM speaker_names WHERE acronym IN (?, ?)').pluck();
  const seeds = new Set(acronymQueue);
  while (blockQueue.length > 0 || acronymQueue.length > 0) {
    const block = blockQueue.pop();
    if (block !== undefined) {
      if (blocks.has(block)) continue;
      blocks.add(block);
      if (block.startsWith('o:')) for (const a of acronymsIn.all(block) as string[]) acronymQueue.push(a.replace(/^=/, ''));
      continue;
    }
    const acronym = acronymQueue.pop()!;
    if (acronyms.has(acronym)) continue;
    acronyms.add(acronym);
    // Names that stand for an acronym join nothing while no organisation is called by it.
    if (!seeds.has(acronym) && isAcronymHere.get(`=${acronym}`) === undefined) continue;
    for (const b of blocksWith.all(acronym, `=${acronym}`) as string[]) blockQueue.push(b);
  }
  return [...blocks];
}

/**
 * The people a set of speakers can resolve to: every record sharing a lookup key with one of them,
 * read back from the index (names and aliases from person_aliases, roles from people).
 */
function recordsSharingKeys(db: Db, speakers: string[]): { records: PersonRecord[]; idOf: Map<PersonRecord, number> } {
  const keys = new Set(speakers.flatMap(nameLookupKeys));
  const ids = cached(db, 'SELECT DISTINCT person_id FROM person_keys WHERE key IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...keys])) as number[];
  const people = cached(db, 'SELECT id, canonical, type, roles FROM people WHERE id IN (SELECT value FROM json_each(?))').all(JSON.stringify(ids)) as StoredPerson[];
  const rows = cached(db, "SELECT person_id AS id, display FROM person_aliases WHERE kind <> 'role' AND person_id IN (SELECT value FROM json_each(?))").all(JSON.stringify(ids)) as { id: number; display: string }[];
  const aliases = new Map<number, string[]>();
  for (const r of rows) aliases.set(r.id, [...(aliases.get(r.id) ?? []), r.display]);
  const idOf = new Map<PersonRecord, number>();
  const records = people.map((p) => {
    const record: PersonRecord = { canonical: p.canonical, type: p.type, roles: JSON.parse(p.roles) as string[], aliases: (aliases.get(p.id) ?? []).filter((a) => a !== p.canonical) };
    idOf.set(record, p.id);
    return record;
  });
  return { records, idOf };
}

/**
 * Brings the people up to date with the change log (changes.ts): the blocks of the mentions
 * written and removed are merged again, and the speakers who may resolve differently (those of
 * new statements, and those sharing a lookup key with a record that changed) are pointed again.
 */
export function updatePeople(db: Db): void {
  // The tallies of the names mentioned in the articles written and removed, moved by their mentions.
  const added = mentionsOf(cached(db, 'SELECT name, type, roles, variants FROM speaker_mentions WHERE article_id IN (SELECT article_id FROM pending_articles)').all() as MentionRow[]);
  const removed = mentionsOf(cached(db, 'SELECT name, type, roles, variants FROM pending_removed_mentions').all() as MentionRow[]);
  const touched = new Map<string, { type: SpeakerMention['type']; name: string }>();
  for (const m of [...added, ...removed]) if (m.name.trim() !== '') touched.set(tallyId(m.type, m.name.trim()), { type: m.type, name: m.name.trim() });
  const tallies = new Map<string, NameTally>();
  const storedTally = cached(db, `SELECT ${TALLY_COLUMNS} FROM speaker_names WHERE type = ? AND name = ?`);
  for (const [id, { type, name }] of touched) {
    const row = storedTally.get(type, name) as TallyRow | undefined;
    if (row) tallies.set(id, tallyOf(row));
  }
  tallyMentions(removed, tallyMentions(added, tallies), -1);
  const dropTally = cached(db, 'DELETE FROM speaker_names WHERE type = ? AND name = ?');
  for (const [id, { type, name }] of touched) {
    const tally = tallies.get(id);
    if (tally) saveTally(db, tally);
    else dropTally.run(type, name);
  }

  const seeds = [...touched.values()].map((n) => mergeKeysOf(n.type, n.name)!);
  const blocks = closeBlocks(db, seeds.map((k) => k.block), seeds.flatMap((k) => (k.acronym === null ? [] : [k.acronym])));
  const inBlocks = JSON.stringify(blocks);
  const names = (cached(db, `SELECT ${TALLY_COLUMNS} FROM speaker_names WHERE block IN (SELECT value FROM json_each(?))`).all(inBlocks) as TallyRow[]).map(tallyOf);
  const stored = cached(db, 'SELECT id, canonical, type, roles, block FROM people WHERE block IN (SELECT value FROM json_each(?))').all(inBlocks) as StoredPerson[];
  const out = replaceRecords(db, mergeNames(names), stored);

  // Speakers: new ones are looked up under their keys from now on; those gone are not.
  const newSpeakers = cached(db, 'SELECT DISTINCT speaker FROM statement_rows WHERE article_id IN (SELECT article_id FROM pending_articles) AND speaker IS NOT NULL').pluck().all() as string[];
  const insertKey = cached(db, 'INSERT OR IGNORE INTO speaker_keys(key, speaker) VALUES (?, ?)');
  for (const speaker of newSpeakers) for (const key of nameLookupKeys(speaker)) insertKey.run(key, speaker);
  const stillSpeaks = cached(db, 'SELECT 1 FROM statement_rows WHERE speaker = ? LIMIT 1');
  const removeKey = cached(db, 'DELETE FROM speaker_keys WHERE key = ? AND speaker = ?');
  for (const speaker of pendingKeys(db, 'speaker')) {
    if (stillSpeaks.get(speaker) !== undefined) continue;
    for (const key of nameLookupKeys(speaker)) removeKey.run(key, speaker);
  }

  const affected = new Set(newSpeakers);
  if (out.keys.size > 0) {
    for (const s of cached(db, 'SELECT DISTINCT speaker FROM speaker_keys WHERE key IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify([...out.keys])) as string[]) affected.add(s);
  }
  const speakers = [...affected];
  const { records, idOf } = recordsSharingKeys(db, speakers);
  pointStatements(db, speakers, (speaker) => {
    const person = canonicalOf(speaker, records);
    return person === null ? null : idOf.get(person)!;
  }, out);

  for (const id of pendingKeys(db, 'person')) out.recount.add(Number(id));
  const recount = cached(db, 'UPDATE people SET statements = (SELECT count(*) FROM statement_rows s WHERE s.person_id = @id) WHERE id = @id AND statements IS NOT (SELECT count(*) FROM statement_rows s WHERE s.person_id = @id)');
  for (const id of out.recount) if (recount.run({ id }).changes > 0) out.changed = true;
  if (out.changed) bumpPeopleVersion(db);
}
