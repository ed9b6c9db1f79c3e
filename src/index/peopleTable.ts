/**
 * Keeping the people table: one record per person or organisation, merged from the speaker
 * mentions of every article (extract/people.ts mergePeople), with every statement pointed at its
 * speaker's record (canonicalOf). Rebuilt from all mentions, or updated for what changed:
 *
 * - The merge compares names only within a block (persons by surname skeleton, organisations by
 *   normalised name) and joins organisation blocks only through an acronym. So the blocks of the
 *   changed mentions, closed under acronyms, are merged again from their mentions, and their
 *   records replace the ones stored for those blocks.
 * - canonicalOf finds a record only under its lookup keys (folded names, name-token skeletons). So
 *   when records change, only the speakers sharing a key with the old or new record resolve again.
 *
 * Either way the tables end the same as a rebuild from every mention (test/derived.property.test.ts).
 * People keep their ids while their canonical name and type stay the same (migration 007).
 */
import { canonicalOf, mergeKeysOf, mergePeople, nameLookupKeys, recordLookupKeys } from '../extract/people.js';
import type { PersonRecord, SpeakerMention } from '../extract/types.js';
import { cached, type Db } from './database.js';
import { pendingKeys } from './changes.js';

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

function mentionOf(r: { name: string; type: SpeakerMention['type']; roles: string; variants: string }): SpeakerMention {
  return { name: r.name, type: r.type, roles: JSON.parse(r.roles) as string[], variants: JSON.parse(r.variants) as string[] };
}

type MentionRow = { id: number; name: string; type: SpeakerMention['type']; roles: string; variants: string; block: string | null; acronym: string | null };

/** Every mention, its merge keys brought up to date (none before migration 012; the rules may have changed since). */
function allMentions(db: Db): SpeakerMention[] {
  const rows = db.prepare('SELECT rowid AS id, name, type, roles, variants, block, acronym FROM speaker_mentions ORDER BY rowid').all() as MentionRow[];
  const update = db.prepare('UPDATE speaker_mentions SET block = ?, acronym = ? WHERE rowid = ?');
  const keysOf = new Map<string, ReturnType<typeof mergeKeysOf>>();
  for (const r of rows) {
    const name = `${r.type}|${r.name}`;
    let keys = keysOf.get(name);
    if (keys === undefined) keysOf.set(name, (keys = mergeKeysOf(r.type, r.name)));
    if ((keys?.block ?? null) !== r.block || (keys?.acronym ?? null) !== r.acronym) update.run(keys?.block ?? null, keys?.acronym ?? null, r.id);
  }
  return rows.map(mentionOf);
}

/** Points every statement of each speaker at the person `resolve` gives (or none); the people whose counts changed go into `recount`. */
function pointStatements(db: Db, speakers: Iterable<string>, resolve: (speaker: string) => number | null, out: PeopleWrite): void {
  const moved = cached(db, 'SELECT DISTINCT person_id FROM statements WHERE speaker = ? AND person_id IS NOT ?').pluck();
  const update = cached(db, 'UPDATE statements SET person_id = ? WHERE speaker = ? AND person_id IS NOT ?');
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
    const records = mergePeople(allMentions(db));
    const stored = db.prepare('SELECT id, canonical, type, roles, block FROM people').all() as StoredPerson[];
    const out = replaceRecords(db, records, stored);
    const speakers = db.prepare('SELECT DISTINCT speaker FROM statements WHERE speaker IS NOT NULL').pluck().all() as string[];
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
    db.prepare('UPDATE people SET statements = (SELECT count(*) FROM statements s WHERE s.person_id = people.id)').run();
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
  const acronymsIn = cached(db, 'SELECT DISTINCT acronym FROM speaker_mentions WHERE block = ? AND acronym IS NOT NULL').pluck();
  const isAcronymHere = cached(db, 'SELECT 1 FROM speaker_mentions WHERE acronym = ? LIMIT 1');
  const blocksWith = cached(db, 'SELECT DISTINCT block FROM speaker_mentions WHERE acronym IN (?, ?)').pluck();
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
  const added = cached(db, 'SELECT DISTINCT block, acronym FROM speaker_mentions WHERE article_id IN (SELECT article_id FROM pending_articles) AND block IS NOT NULL').all() as { block: string; acronym: string | null }[];
  const blocks = closeBlocks(
    db,
    [...pendingKeys(db, 'block'), ...added.map((m) => m.block)],
    [...pendingKeys(db, 'acronym'), ...added.flatMap((m) => (m.acronym === null ? [] : [m.acronym]))],
  );
  const inBlocks = JSON.stringify(blocks);
  const mentions = (cached(db, 'SELECT name, type, roles, variants FROM speaker_mentions WHERE block IN (SELECT value FROM json_each(?)) ORDER BY rowid').all(inBlocks) as Parameters<typeof mentionOf>[0][]).map(mentionOf);
  const stored = cached(db, 'SELECT id, canonical, type, roles, block FROM people WHERE block IN (SELECT value FROM json_each(?))').all(inBlocks) as StoredPerson[];
  const out = replaceRecords(db, mergePeople(mentions), stored);

  // Speakers: new ones are looked up under their keys from now on; those gone are not.
  const newSpeakers = cached(db, 'SELECT DISTINCT speaker FROM statements WHERE article_id IN (SELECT article_id FROM pending_articles) AND speaker IS NOT NULL').pluck().all() as string[];
  const insertKey = cached(db, 'INSERT OR IGNORE INTO speaker_keys(key, speaker) VALUES (?, ?)');
  for (const speaker of newSpeakers) for (const key of nameLookupKeys(speaker)) insertKey.run(key, speaker);
  const stillSpeaks = cached(db, 'SELECT 1 FROM statements WHERE speaker = ? LIMIT 1');
  for (const speaker of pendingKeys(db, 'speaker')) {
    if (stillSpeaks.get(speaker) !== undefined) continue;
    const removeKey = cached(db, 'DELETE FROM speaker_keys WHERE key = ? AND speaker = ?');
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
  const recount = cached(db, 'UPDATE people SET statements = (SELECT count(*) FROM statements s WHERE s.person_id = @id) WHERE id = @id AND statements IS NOT (SELECT count(*) FROM statements s WHERE s.person_id = @id)');
  for (const id of out.recount) if (recount.run({ id }).changes > 0) out.changed = true;
  if (out.changed) bumpPeopleVersion(db);
}
