/**
 * Where an ingest's time goes, and the best ratio to the floor this design can reach with the
 * machine's cores: the figure that says what limits `ingest_vs_raw`.
 *
 * On a sample of the corpus, one step at a time on the bench's own thread (nothing else running,
 * after a warm-up): the scan and the read (hash, decode), parse, extraction, fingerprints, the
 * index writes (batches of the ingest's size, into a scratch index), people, vocabulary and
 * ranking window rebuilt; then the floor on the sample's sentences.
 *
 * The bound: the index has one writer, so an ingest takes at least its writes; all the work shares
 * the cores, so at least (preparing + writes) / cores. Thread overheads (each thread compiles and
 * warms up, articles are copied between threads) and writes slowing as the index grows only lower
 * the real figure, so the bound is optimistic.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openIndex, updateDerived } from '../app.js';
import { listCorpusFiles, readArticleFile } from '../corpus/files.js';
import { BATCH_ARTICLES, corpusYear, writeArticles } from '../pipeline/ingest.js';
import { parseArticle, statedYear } from '../corpus/parse.js';
import { extractFrom, withFingerprints, type PreparedItem } from '../pipeline/prepare.js';
import type { ParsedArticle } from '../corpus/types.js';
import type { Db } from '../index/database.js';
import { measureRawInsert, nowMs } from './measure.js';

export const BUDGET_SAMPLE_ARTICLES = 5000;
const WARM_UP_ARTICLES = 300;
const TARGET_VS_RAW = 0.5;

export interface IngestBudget {
  sample_articles: number;
  sample_mb: number;
  /** Seconds per corpus MB, one step at a time on one thread. Reading counts twice, as in the ingest: the scan, then the preparing step. */
  read_s_per_mb: number;
  parse_s_per_mb: number;
  extract_s_per_mb: number;
  fingerprint_s_per_mb: number;
  /** The index writes: articles, paragraphs, sentences and their FTS5 postings, statements. */
  write_s_per_mb: number;
  /** People merged from every mention, the spelling vocabulary, the ranking window: once per ingest, on the writer. */
  people_vocabulary_s_per_mb: number;
  floor_s_per_mb: number;
  /** Every step one after the other, as an ingest on one thread runs them, against the floor. */
  one_thread_vs_raw: number;
  cores: number;
  /** floor / max(writes, (preparing + writes) / cores): the most this design can reach on these cores. */
  bound_vs_raw: number;
  /** How many times faster the writes must get for 0.5× (1 when they already fit). */
  write_speedup_for_target: number;
  /** How many times faster preparing (read, parse, extraction, fingerprints) must get for 0.5×, once the writes fit. */
  prepare_speedup_for_target: number;
}

/** The steps' seconds per MB → the bound and the speed-ups the target needs. */
export function budgetBound(steps: { prepare: number; write: number; floor: number }, cores: number): Pick<IngestBudget, 'bound_vs_raw' | 'write_speedup_for_target' | 'prepare_speedup_for_target'> {
  const { prepare, write, floor } = steps;
  const wall = Math.max(write, (prepare + write) / Math.max(1, cores));
  const targetWall = floor / TARGET_VS_RAW;
  const writeAtTarget = Math.min(write, targetWall);
  const prepareRoom = targetWall * Math.max(1, cores) - writeAtTarget;
  return {
    bound_vs_raw: floor / wall,
    write_speedup_for_target: Math.max(1, write / targetWall),
    prepare_speedup_for_target: prepareRoom > 0 ? Math.max(1, prepare / prepareRoom) : Number.POSITIVE_INFINITY,
  };
}

/** Measures the budget on the first `sampleArticles` files of `corpusDir`, with scratch files under `workdir`. */
export function measureIngestBudget(corpusDir: string, workdir: string, cores: number, maxBytes: number, sampleArticles = BUDGET_SAMPLE_ARTICLES): IngestBudget {
  const dbFile = join(workdir, 'budget.db');
  const rawFile = join(workdir, 'budget-raw.db');
  const scratch = [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, rawFile, `${rawFile}-journal`];
  for (const f of scratch) rmSync(f, { force: true });
  const files = listCorpusFiles(corpusDir).slice(0, sampleArticles);
  try {
    prepareTimed(corpusDir, files.slice(0, WARM_UP_ARTICLES), maxBytes); // warm-up: the JIT, the page cache
    const { seconds, prepared, contextYear } = prepareTimed(corpusDir, files, maxBytes);
    const db = openIndex(dbFile);
    let write: number;
    let derived: number;
    let floor: number;
    try {
      write = writeTimed(db, prepared, contextYear);
      const started = nowMs();
      updateDerived(db);
      derived = (nowMs() - started) / 1000;
      floor = measureRawInsert(db, rawFile).seconds;
    } finally {
      db.close();
    }
    const mb = seconds.bytes / 1024 / 1024;
    const perMb = (s: number) => s / mb;
    const prepare = seconds.read + seconds.parse + seconds.extract + seconds.fingerprint;
    return {
      sample_articles: prepared.length,
      sample_mb: mb,
      read_s_per_mb: perMb(seconds.read),
      parse_s_per_mb: perMb(seconds.parse),
      extract_s_per_mb: perMb(seconds.extract),
      fingerprint_s_per_mb: perMb(seconds.fingerprint),
      write_s_per_mb: perMb(write),
      people_vocabulary_s_per_mb: perMb(derived),
      floor_s_per_mb: perMb(floor),
      one_thread_vs_raw: floor / (prepare + write + derived),
      cores,
      ...budgetBound({ prepare: perMb(prepare), write: perMb(write + derived), floor: perMb(floor) }, cores),
    };
  } finally {
    for (const f of scratch) rmSync(f, { force: true });
  }
}

interface StepSeconds {
  bytes: number;
  read: number;
  parse: number;
  extract: number;
  fingerprint: number;
}

/** Each preparing step over every file, timed apart (seconds), and the prepared articles with their sizes. */
function prepareTimed(dir: string, files: string[], maxBytes: number): { seconds: StepSeconds; prepared: PreparedItem[]; contextYear: number | null } {
  const seconds: StepSeconds = { bytes: 0, read: 0, parse: 0, extract: 0, fingerprint: 0 };
  const years: (number | null)[] = [];
  let t = nowMs();
  // The scan: every file read, hashed and its year looked for.
  for (const file of files) {
    const read = readArticleFile(dir, file, maxBytes);
    if (read.ok) years.push(statedYear(read.text));
  }
  seconds.read += (nowMs() - t) / 1000;
  const contextYear = corpusYear(years);
  const parsed: { article: ParsedArticle; bytes: number }[] = [];
  for (const file of files) {
    t = nowMs();
    const read = readArticleFile(dir, file, maxBytes);
    seconds.read += (nowMs() - t) / 1000;
    if (!read.ok) continue;
    seconds.bytes += read.bytes;
    t = nowMs();
    parsed.push({ article: parseArticle({ file, text: read.text, hash: read.hash, contextYear }), bytes: read.bytes });
    seconds.parse += (nowMs() - t) / 1000;
  }
  t = nowMs();
  const extractions = parsed.map((p) => extractFrom(p.article));
  seconds.extract = (nowMs() - t) / 1000;
  t = nowMs();
  const prepared = parsed.map((p, i) => ({ article: withFingerprints(p.article, extractions[i]!), bytes: p.bytes, file: p.article.file }));
  seconds.fingerprint = (nowMs() - t) / 1000;
  return { seconds, prepared, contextYear };
}

/** Writes the articles as an ingest does (batches of its size, each its own transaction); seconds. */
function writeTimed(db: Db, prepared: PreparedItem[], contextYear: number | null): number {
  const started = nowMs();
  for (let i = 0; i < prepared.length; i += BATCH_ARTICLES) writeArticles(db, prepared.slice(i, i + BATCH_ARTICLES), contextYear);
  return (nowMs() - started) / 1000;
}
