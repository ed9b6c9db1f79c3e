/**
 * Opening the index: a real SQLite file in WAL mode (readers keep answering
 * while an ingest writes), with the schema brought up to date by the numbered
 * migrations in db/migrations. A file that is not our index is refused with a
 * message that says how to rebuild it, never silently reused.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, readFileSync, readdirSync, openSync, readSync, closeSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';

export type Db = Database.Database;

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement reused per connection: preparing costs more than running most of our queries. */
export function cached(db: Db, sql: string): Database.Statement {
  let byDb = statementCache.get(db);
  if (byDb === undefined) {
    byDb = new Map();
    statementCache.set(db, byDb);
  }
  let statement = byDb.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    byDb.set(sql, statement);
  }
  return statement;
}

/** "NWSR" — marks a SQLite file as this project's index. */
export const APPLICATION_ID = 0x4e575352;
export const MIGRATIONS_DIR = resolve(PROJECT_ROOT, 'db/migrations');

export class IndexOpenError extends Error {}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const migrationFiles = (dir: string) => readdirSync(dir).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return migrationFiles(dir).map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

/** The schema version this code expects: the newest migration's number (without reading the SQL). */
export function latestSchemaVersion(dir = MIGRATIONS_DIR): number {
  return Number(migrationFiles(dir).at(-1)?.slice(0, 3) ?? 0);
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/** Refuses, before SQLite touches it, a file that is not a SQLite database at all. */
function assertLooksLikeSqlite(file: string): void {
  if (!existsSync(file)) return;
  const stat = statSync(file);
  if (stat.isDirectory()) throw new IndexOpenError(`${file} is a folder, not an index file: set DB_FILE (or --db) to a file path such as db/newsroom.db`);
  if (stat.size === 0) return;
  const fd = openSync(file, 'r');
  const header = Buffer.alloc(16);
  try {
    readSync(fd, header, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1') !== SQLITE_MAGIC) {
    throw new IndexOpenError(`${file} is not a SQLite database (corrupt or foreign file). ${rebuildHint(file)}`);
  }
}

/** SQLite's own words for a damaged file, from any query on it. */
export function isDamagedIndexError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB');
}

/** The index file opened last: the one a damage found later in a query is reported against. */
let lastOpened: string | null = null;

export function damagedIndexMessage(error: Error): string {
  const file = lastOpened ?? 'the index';
  return `${file} is damaged (SQLite: ${error.message}). ${rebuildHint(file)}`;
}

/** Where the size and time of the index file at its last good check are kept. */
const checkedMarker = (file: string) => `${file}-checked`;

function fileSignature(file: string): string {
  const stat = statSync(file);
  return `${stat.size} ${stat.mtimeMs}`;
}

/**
 * Damage in the middle of the file (a bad disk, a copy cut short) shows only when a query reads
 * that page. So on open, when the file changed since its last good check (or was never
 * checked), PRAGMA quick_check reads it all (about a second per few hundred MB) and a damaged
 * index is refused with the way to rebuild it.
 */
function assertUndamaged(db: Db, file: string): void {
  const signature = fileSignature(file);
  const marker = checkedMarker(file);
  if (existsSync(marker) && readFileSync(marker, 'utf8') === signature) return;
  const result = quickCheck(db);
  if (result !== 'ok') throw new IndexOpenError(`${file} is damaged (quick_check: ${result.slice(0, 200)}). ${rebuildHint(file)}`);
  try {
    writeFileSync(marker, signature);
  } catch {
    // A read-only folder: the check runs again next time, which is safe.
  }
}

export function rebuildHint(file: string): string {
  return `Move it aside and rebuild the index from the corpus: mv ${file} ${file}.bad && npm run ingest -- --db ${file}`;
}

export interface OpenOptions {
  readonly?: boolean;
  /** Apply pending migrations (the default for writers). */
  migrate?: boolean;
}

/** Opens (creating if needed) the index at `file` and applies pending migrations. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const readonly = options.readonly ?? false;
  if (file !== ':memory:') {
    assertLooksLikeSqlite(file);
    if (!readonly) mkdirSync(dirname(file), { recursive: true });
    else if (!existsSync(file)) throw new IndexOpenError(`no index at ${file}: build it with npm run ingest, or put a snapshot of one there (npm run snapshot)`);
  }
  let db: Db;
  try {
    db = new Database(file, { readonly, fileMustExist: readonly });
  } catch (error) {
    throw new IndexOpenError(`cannot open ${file}: ${(error as Error).message}. ${rebuildHint(file)}`);
  }
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    if (!readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    assertOurs(db, file);
    if (file !== ':memory:') assertUndamaged(db, file);
    if (!readonly && (options.migrate ?? true)) migrate(db);
    else assertCurrent(db, file);
  } catch (error) {
    db.close();
    if (error instanceof IndexOpenError) throw error;
    if (isDamagedIndexError(error)) throw new IndexOpenError(`${file} is damaged (SQLite: ${(error as Error).message}). ${rebuildHint(file)}`);
    throw new IndexOpenError(`${file} cannot be used as the index: ${(error as Error).message}. ${rebuildHint(file)}`);
  }
  if (file !== ':memory:') lastOpened = file;
  return db;
}

function assertOurs(db: Db, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) return;
  const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number };
  if (appId !== 0 || tables.n > 0) {
    throw new IndexOpenError(`${file} is a SQLite database but not a newsroom index. ${rebuildHint(file)}`);
  }
}

/** A reader never migrates: an index older than the code is refused, with the way to upgrade it. */
function assertCurrent(db: Db, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  const latest = latestSchemaVersion();
  if (version < latest) {
    throw new IndexOpenError(`${file} has schema version ${version}, older than this code's ${latest}: upgrade it with npm run ingest where the index is written (then publish a new snapshot)`);
  }
}

/** Applies each migration newer than the file's user_version, each in its own transaction. */
export function migrate(db: Db, migrations = loadMigrations()): number[] {
  const applied: number[] = [];
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
      db.pragma(`application_id = ${APPLICATION_ID}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}

/** `PRAGMA quick_check`: "ok" or the first problems SQLite reports. */
export function quickCheck(db: Db): string {
  const rows = db.pragma('quick_check') as { quick_check: string }[];
  return rows.map((r) => r.quick_check).join('; ');
}
