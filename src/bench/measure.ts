/**
 * The measurements: ingest through the product's own path, the raw FTS5
 * insert floor on the same sentences, index size, lookup latency through
 * `ask(...)`, and the query floors (exhaustive bm25, unranked MATCH, LIKE scan)
 * on the same database and terms.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import { ask, updateIndex, type IngestSettings, type Logger } from '../app.js';
import type { AnswerContext } from '../answers/index.js';
import type { AskRequest } from '../answers/types.js';
import type { Db } from '../index/database.js';

export function nowMs(): number {
  return performance.now();
}

/** Nearest-rank percentile of `values` (need not be sorted); NaN when empty. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function stats(values: number[]): Stats {
  return { n: values.length, p50: percentile(values, 50), p95: percentile(values, 95), p99: percentile(values, 99), max: percentile(values, 100) };
}

export interface IngestResult {
  seconds: number;
  added: number;
  skipped: number;
}

/** The product's ingest (app.ts `updateIndex`: parsing, extraction, people), timed end to end. */
export async function measureIngest(db: Db, corpusDir: string, maxBytes: number, log: Logger, settings: IngestSettings = {}): Promise<IngestResult> {
  const started = nowMs();
  let summary: Awaited<ReturnType<typeof updateIndex>>;
  try {
    summary = await updateIndex(db, corpusDir, maxBytes, log, settings);
  } catch (error) {
    const seconds = ((nowMs() - started) / 1000).toFixed(1);
    throw new Error(`the product's ingest (updateIndex) failed on the generated corpus after ${seconds} s: ${(error as Error).message}`, { cause: error });
  }
  const seconds = (nowMs() - started) / 1000;
  return { seconds, added: summary.added + summary.updated, skipped: summary.skipped.length };
}

export interface RawInsertResult {
  seconds: number;
  sentences: number;
  textBytes: number;
}

/**
 * The ingest floor: the same sentence texts into a fresh database holding only
 * a plain FTS5 table (same tokenizer), in one transaction. Texts are read into
 * memory first so only the insert is timed.
 */
export function measureRawInsert(index: Db, rawFile: string): RawInsertResult {
  const texts = index.prepare('SELECT text FROM sentences ORDER BY id').pluck().all() as string[];
  let textBytes = 0;
  for (const t of texts) textBytes += Buffer.byteLength(t, 'utf8');
  const raw = new Database(rawFile);
  try {
    raw.exec("CREATE VIRTUAL TABLE floor USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')");
    const insert = raw.prepare('INSERT INTO floor(text) VALUES (?)');
    const started = nowMs();
    raw.transaction(() => {
      for (const t of texts) insert.run(t);
    })();
    return { seconds: (nowMs() - started) / 1000, sentences: texts.length, textBytes };
  } finally {
    raw.close();
  }
}

export interface SizeResult {
  fileBytes: number;
  /** Bytes by part of the schema (dbstat): fts, sentences, paragraphs, statements, articles, other. */
  parts: Record<string, number>;
}

function partOf(name: string): string {
  if (name.startsWith('sentences_fts')) return 'fts';
  if (name.startsWith('sentence')) return 'sentences';
  if (name.startsWith('paragraphs')) return 'paragraphs';
  if (name.startsWith('statement') || name.startsWith('speaker_mentions') || name.startsWith('people') || name.startsWith('person_')) return 'statements';
  if (name.startsWith('articles')) return 'articles';
  return 'other';
}

/** The index file's size after a WAL checkpoint, and where the bytes go. */
export function measureSize(db: Db, file: string): SizeResult {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${file}-wal`;
  const fileBytes = statSync(file).size + (existsSync(wal) ? statSync(wal).size : 0);
  const parts: Record<string, number> = {};
  try {
    const rows = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    for (const r of rows) parts[partOf(r.name)] = (parts[partOf(r.name)] ?? 0) + r.bytes;
  } catch {
    // dbstat is optional in SQLite builds; the total is enough.
  }
  return { fileBytes, parts };
}

/** Times `fn` once, in milliseconds. */
export function timeOnce(fn: () => unknown): number {
  const started = nowMs();
  fn();
  return nowMs() - started;
}

export interface LabelledQuery {
  label: string;
  request: AskRequest;
  /** FTS5 expression for the floors (null: no floor, e.g. a /who name). */
  match: string | null;
  /** The word for the LIKE scan. */
  like: string | null;
  /** Sentences matching, measured before the run. */
  docs: number;
}

export interface QueryTimings {
  query: LabelledQuery;
  /** Warm runs through ask(). */
  ask: number[];
  /** The first run (cold caches for this term). */
  cold: number;
  /** Items in the first section of the answer, and whether anything was found. */
  items: number;
  empty: boolean;
}

/**
 * Runs every query `reps` times through the product path (`ask` → Discord
 * payload), round-robin so no term has the caches to itself; the first pass
 * is reported separately as the cold one.
 */
export function measureAsk(ctx: AnswerContext, queries: LabelledQuery[], reps: number): QueryTimings[] {
  const results: QueryTimings[] = queries.map((query) => {
    let asked: ReturnType<typeof ask> | undefined;
    const cold = timeOnce(() => {
      asked = ask(ctx, query.request);
    });
    const items = asked!.answer.sections.reduce((n, s) => n + s.items.length, 0);
    return { query, ask: [], cold, items, empty: asked!.answer.empty };
  });
  for (let rep = 0; rep < reps; rep++) {
    for (const r of results) r.ask.push(timeOnce(() => ask(ctx, r.query.request)));
  }
  return results;
}

export interface FloorTimings {
  query: LabelledQuery;
  ranked: number[];
  unranked: number[];
  like: number[];
}

/** Slow floors get fewer runs: at most `budgetMs` per query and floor, at least `minReps`. */
function repeat(fn: () => unknown, reps: number, budgetMs: number, minReps = 1): number[] {
  const samples: number[] = [];
  const started = nowMs();
  for (let i = 0; i < reps; i++) {
    samples.push(timeOnce(fn));
    if (samples.length >= minReps && nowMs() - started > budgetMs) break;
  }
  return samples;
}

/**
 * The floors on the same database and terms: SQLite's exhaustive bm25
 * (`ORDER BY rank LIMIT 20`), unranked `MATCH … LIMIT 20`, and a naive
 * `LIKE '%term%'` scan for the newest 20 sentences.
 */
export function measureFloors(db: Db, queries: LabelledQuery[], reps: number, likeReps: number, budgetMs: number): FloorTimings[] {
  const ranked = db.prepare('SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? ORDER BY rank LIMIT 20').pluck();
  const unranked = db.prepare('SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH ? LIMIT 20').pluck();
  const like = db.prepare("SELECT id FROM sentences WHERE text LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT 20").pluck();
  const out: FloorTimings[] = [];
  for (const q of queries) {
    if (q.match === null) continue;
    const match = q.match;
    ranked.all(match); // warm the pages this term touches, as the ask() runs did
    out.push({
      query: q,
      ranked: repeat(() => ranked.all(match), reps, budgetMs),
      unranked: repeat(() => unranked.all(match), reps, budgetMs),
      like: q.like === null ? [] : repeat(() => like.all(`%${q.like!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`), likeReps, budgetMs),
    });
  }
  return out;
}
