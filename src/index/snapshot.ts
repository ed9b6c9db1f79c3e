/**
 * A consistent copy of the index while it is being written, with SQLite's online backup API
 * (better-sqlite3 `backup()`), for shipping to answer hosts that open it read-only.
 *
 * The copy is made beside the target under a temporary name and renamed over it once complete,
 * so a reader opening the target sees the previous snapshot or the new one, never half of one.
 * It is switched to rollback-journal mode: a snapshot is never written again, and a read-only
 * process can then open it without creating -wal/-shm files beside it.
 */
import Database from 'better-sqlite3';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Db } from './database.js';

export interface SnapshotSummary {
  file: string;
  bytes: number;
  schemaVersion: number;
  articles: number;
  seconds: number;
}

export class SnapshotError extends Error {}

export async function snapshotIndex(source: Db, outFile: string, clock: () => number = () => performance.now()): Promise<SnapshotSummary> {
  const started = clock();
  const target = resolve(outFile);
  if (target === resolve(source.name)) throw new SnapshotError(`--out ${outFile} is the index itself: name another file`);
  mkdirSync(dirname(target), { recursive: true });
  const partial = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  try {
    // After the first step, the rest in one: the copy is then taken from one read transaction, which a
    // writer in WAL mode does not wait for, and an ingest committing batches cannot restart it forever.
    await source.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 100) });
    const copy = new Database(partial);
    let schemaVersion: number;
    let articles: number;
    try {
      copy.pragma('journal_mode = DELETE');
      schemaVersion = copy.pragma('user_version', { simple: true }) as number;
      articles = copy.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      copy.close();
    }
    const fd = openSync(partial, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    return { file: target, bytes: statSync(target).size, schemaVersion, articles, seconds: (clock() - started) / 1000 };
  } catch (error) {
    rmSync(partial, { force: true });
    rmSync(`${partial}-journal`, { force: true });
    throw error;
  }
}
