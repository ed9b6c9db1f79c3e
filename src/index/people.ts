/** Read queries over people and their aliases. */
import type { Db } from './database.js';
import { LIKE_TEXT_MAX } from './queries.js';

export interface PersonRow {
  id: number;
  canonical: string;
  type: 'person' | 'organisation';
  roles: string[];
  statements: number;
}

interface RawPerson extends Omit<PersonRow, 'roles'> {
  roles: string;
}

const toPerson = (r: RawPerson): PersonRow => ({ ...r, roles: JSON.parse(r.roles) as string[] });

/** People whose name, surname, variant or role starts with (or contains a word starting with) `prefix`. */
export function peopleByAliasPrefix(db: Db, prefix: string, limit: number): PersonRow[] {
  const key = prefix.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').trim();
  if (key.length > LIKE_TEXT_MAX) return []; // no alias is this long, and SQLite refuses LIKE patterns of 50 KB
  const rows = db
    .prepare(
      `SELECT p.id, p.canonical, p.type, p.roles, p.statements FROM people p
       WHERE p.id IN (SELECT person_id FROM person_aliases WHERE alias >= @key AND alias < @key || '\uffff'
                      UNION SELECT person_id FROM person_aliases WHERE alias LIKE '% ' || @key || '%')
       ORDER BY p.statements DESC, p.canonical LIMIT @limit`,
    )
    .all({ key, limit }) as RawPerson[];
  return rows.map(toPerson);
}

export function topPeople(db: Db, limit: number): PersonRow[] {
  return (db.prepare('SELECT id, canonical, type, roles, statements FROM people ORDER BY statements DESC, canonical LIMIT ?').all(limit) as RawPerson[]).map(toPerson);
}
