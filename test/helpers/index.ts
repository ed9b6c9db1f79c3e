/** Test helpers: a real SQLite index built from a corpus directory in a temp folder. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openDatabase, type Db } from '../../src/index/database.js';
import type { IngestSummary } from '../../src/pipeline/ingest.js';
import { answerContext, updateIndex, type Logger } from '../../src/app.js';
import type { AnswerContext } from '../../src/answers/index.js';

export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

export const quietLogger: Logger & { lines: string[] } = {
  lines: [],
  info(line) {
    this.lines.push(line);
  },
  warn(line) {
    this.lines.push(line);
  },
};

export interface TempIndex {
  dir: string;
  corpusDir: string;
  dbFile: string;
  db: Db;
  ctx: AnswerContext;
  ingest(): Promise<IngestSummary>;
  cleanup(): void;
}

/** A temp folder with a copy of the seeds (or an empty corpus) and an index built from it. */
export async function tempIndex(options: { seeds?: boolean; ingest?: boolean } = {}): Promise<TempIndex> {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-test-'));
  const corpusDir = join(dir, 'corpus');
  if (options.seeds ?? true) cpSync(SEEDS_DIR, corpusDir, { recursive: true });
  else cpSync(SEEDS_DIR, corpusDir, { recursive: true, filter: (src) => !src.endsWith('.txt') });
  const dbFile = join(dir, 'index.db');
  const db = openDatabase(dbFile);
  const index: TempIndex = {
    dir,
    corpusDir,
    dbFile,
    db,
    ctx: answerContext(db, {}),
    ingest: () => updateIndex(db, corpusDir, 5 * 1024 * 1024, quietLogger),
    cleanup: () => {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.ingest ?? true) await index.ingest();
  return index;
}
