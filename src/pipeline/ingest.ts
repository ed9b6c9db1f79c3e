/**
 * Bringing the index up to date with the corpus directory: new articles added,
 * changed ones replaced, removed ones dropped, unchanged ones skipped by hash. A file
 * may hold several articles (a feed, an export); each is known by its key (corpus/documents.ts).
 * Files are prepared (parsed, statements extracted) on other threads while
 * this one writes them in batches, a transaction each; a lease keeps a second
 * ingest on the same index from running at the same time.
 */
import { statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, sep } from 'node:path';
import type { Db } from '../index/database.js';
import { acquireLease, keepLease, leaseHolder, releaseLease, type KeptLease } from '../index/leases.js';
import { corpusArticleCount, corpusArticleElsewhere, recordFileSignatures, removeArticle, statedYearCounts, storedArticles, storedArticlesOf, storedDatedByOtherYear, writeArticle, type StoredArticle } from '../index/write.js';
import { EXTRACTION_VERSION } from '../extract/rules.js';
import { quoteFileName } from '../text/controls.js';
import { documentsOf } from '../corpus/documents.js';
import { listNamedCorpusFiles, readArticleFile, scanCorpusDir } from '../corpus/files.js';
import { statedYear } from '../corpus/parse.js';
import { IngestBusyError, RemovalRefusedError } from './errors.js';
import type { PrepareJob, PreparedArticle, PreparedItem } from './prepare.js';
import { DEFAULT_PREPARE_TIMEOUT_MS, prepareInOrder, preparingThreads } from './preparePool.js';

export interface IngestOptions {
  corpusDir: string;
  maxBytes: number;
  /** Called with a one-line progress message now and then on large corpora. */
  onProgress?: (line: string) => void;
  /** Called once per skipped file, with the reason. */
  onSkip?: (file: string, reason: string) => void;
  /** Called once per article indexed whole but read for statements only in part (a text denser than news), with where and why. */
  onPartlyRead?: (file: string, reason: string) => void;
  /** What is rebuilt once from all articles after an ingest that changed something (people, vocabulary). */
  afterWrites?: (db: Db) => void;
  /** Threads preparing files (parse, extraction) while this one writes; default preparingThreads(). */
  threads?: number;
  /** Called between the scan (hashing every file) and the writes; lets tests change files mid-ingest. */
  afterScan?: () => void;
  /** Called when a file's content differs between the scan and its write. */
  onChanged?: (file: string) => void;
  /** How long to wait for another ingest to finish before refusing. */
  waitMs?: number;
  clock?: () => number;
  /** Time limit for preparing one large file (preparePool.ts GUARDED_BYTES); default 60 s. */
  prepareTimeoutMs?: number;
  /**
   * The largest share of the indexed articles one ingest may remove (default 0.5; never all of
   * them): an empty or wrong corpus folder, or an unmounted share, must not wipe the index.
   * Removing more takes `allowRemovals`.
   */
  maxRemovalShare?: number;
  allowRemovals?: boolean;
  /** The ingest lease's time to live; renewed every quarter of it. */
  leaseTtlMs?: number;
  /**
   * The corpus files that changed (added, edited or deleted), as whoever changed them names them: only these are
   * looked at and the folder is not scanned, so a day's news costs the day, not the archive. A named file that is
   * gone removes its articles; a corpus year moved by them re-dates the other files' articles, as a scan would.
   */
  changed?: readonly string[];
}

export interface IngestSummary {
  read: number;
  added: number;
  updated: number;
  unchanged: number;
  removed: number;
  skipped: { file: string; reason: string }[];
  /** Articles indexed whole but read for statements only up to the extractor's allowances (a text denser than news). */
  partlyRead: { file: string; reason: string }[];
  /** Files whose content changed while the ingest ran: the version read last is indexed. */
  changedDuringIngest: string[];
  seconds: number;
}

export { IngestBusyError, RemovalRefusedError };

const LEASE = 'ingest';
const LEASE_TTL_MS = 60_000;
/** Articles written per transaction (and a cap on their bytes, to bound memory): see pass 2. */
export const BATCH_ARTICLES = 500;
const BATCH_BYTES = 16 * 1024 * 1024;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The year most articles state (with `counts`, votes already counted elsewhere): the year of dates written without one. */
export function corpusYear(years: (number | null)[], counts = new Map<number, number>()): number | null {
  for (const y of years) if (y !== null) counts.set(y, (counts.get(y) ?? 0) + 1);
  return [...counts.entries()].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
}

/** The index's count of each stated year, less the votes of the named files' stored articles (their files vote anew). */
function votesOfOtherFiles(db: Db, stored: Map<string, StoredArticle>): Map<number, number> {
  const counts = statedYearCounts(db);
  for (const a of stored.values()) if (a.statedYear !== null) counts.set(a.statedYear, (counts.get(a.statedYear) ?? 0) - 1);
  return counts;
}

/**
 * One batch of prepared articles in one transaction, oldest day first, so FTS5 appends to its
 * pending terms instead of flushing them whenever a sentence id goes backwards.
 */
export function writeArticles(db: Db, items: PreparedItem[], contextYear: number | null, beforeWrites: () => void = () => {}): void {
  items.sort((a, b) => (a.article.date.iso ?? '').localeCompare(b.article.date.iso ?? ''));
  db.transaction(() => {
    beforeWrites(); // inside the write lock: an ingest that lost its lease writes nothing
    for (const { article, bytes, file } of items) writeArticle(db, article, { bytes, contextYear: article.date.inferred ? contextYear : null, origin: { kind: 'corpus', path: file } });
  }).immediate();
}

/**
 * A lease held by a process on this machine that no longer exists (killed mid-ingest)
 * can be taken over at once instead of waiting for it to expire.
 */
function holderIsDeadHere(holder: string | undefined): boolean {
  const [host, pid] = holder?.split(':') ?? [];
  if (host !== hostname() || pid === undefined || Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function ingestCorpus(db: Db, options: IngestOptions): Promise<IngestSummary> {
  const clock = options.clock ?? Date.now;
  const started = clock();
  const holder = `${hostname()}:${process.pid}:${started}`;
  const deadline = started + (options.waitMs ?? 0);
  while (!acquireLease(db, LEASE, holder, options.leaseTtlMs ?? LEASE_TTL_MS, clock())) {
    if (holderIsDeadHere(leaseHolder(db, LEASE)?.holder)) {
      db.prepare('DELETE FROM leases WHERE name = ?').run(LEASE);
      continue;
    }
    if (clock() >= deadline) {
      const other = leaseHolder(db, LEASE);
      throw new IngestBusyError(`another ingest is running on this index (${other?.holder ?? 'unknown holder'}); try again when it has finished`);
    }
    await sleep(250);
  }
  const lease = keepLease(db, LEASE, holder, options.leaseTtlMs ?? LEASE_TTL_MS, clock);
  try {
    return await ingestHoldingLease(db, options, started, clock, lease);
  } finally {
    lease.stop();
    releaseLease(db, LEASE, holder);
  }
}

/** Refuses (before any write) an ingest that would remove more of the index than allowed. */
function checkRemovals(storedCount: number, removing: number, options: IngestOptions): void {
  if (options.allowRemovals || removing === 0) return;
  const share = options.maxRemovalShare ?? 0.5;
  if (removing < storedCount && removing <= storedCount * share) return;
  throw new RemovalRefusedError(
    `refusing to remove ${removing} of the ${storedCount} indexed articles (files missing from ${options.corpusDir}: is it the right folder, and mounted?); nothing was changed. Run with --allow-removals to remove them`,
  );
}

/** A file modified this recently before the scan is read again next time, whatever its signature. */
const RACY_MS = 2000;

/** A corpus file's size and modification time, or null if it cannot be stat'ed (it is then read, and the read reports why). */
function fileSignature(dir: string, file: string): { size: number; mtimeMs: number } | null {
  // The folder and a bare name joined by hand: path.join's normalising cost as much as the stat (100,000 files a scan).
  try {
    const stat = statSync(`${dir}${dir.endsWith(sep) ? '' : sep}${file}`, { throwIfNoEntry: false });
    return stat === undefined ? null : { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return null;
  }
}

/** Lets timers (the lease's renewal) run between files prepared on this thread. */
function yieldToTimers(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function ingestHoldingLease(db: Db, options: IngestOptions, started: number, clock: () => number, lease: KeptLease): Promise<IngestSummary> {
  const summary: IngestSummary = { read: 0, added: 0, updated: 0, unchanged: 0, removed: 0, skipped: [], partlyRead: [], changedDuringIngest: [], seconds: 0 };
  const named = options.changed === undefined ? null : [...new Set(options.changed)];
  const stored = named === null ? storedArticles(db) : storedArticlesOf(db, named);
  // A file that is present but unreadable keeps its articles' last good versions in the index: the archive loses nothing.
  const keptDespiteSkip = new Set<string>();
  const skip = (file: string, reason: string, keys: string[] = []) => {
    const keep = /^same (content|article) as /.test(reason) ? [] : keys.length > 0 ? keys.filter((k) => stored.has(k)) : [...stored.values()].filter((a) => a.origin === file).map((a) => a.file);
    for (const key of keep) keptDespiteSkip.add(key);
    const fullReason = keep.length > 0 ? `${reason}; the previously indexed version is kept` : reason;
    summary.skipped.push({ file, reason: fullReason });
    options.onSkip?.(file, fullReason);
  };
  const { files, unusable } = named === null ? scanCorpusDir(options.corpusDir) : listNamedCorpusFiles(options.corpusDir, named);
  // An ingest of named files asks the index for the folder's other articles; a scan holds them all in `stored`.
  const heldElsewhere = (by: 'hash' | 'key', value: string): string | undefined => {
    const other = named === null ? null : corpusArticleElsewhere(db, by, value, named);
    return other === null ? undefined : other.key === other.origin ? other.origin : `${other.origin}: ${other.key}`;
  };
  for (const { file, reason } of unusable) {
    summary.read++;
    skip(file, reason);
  }

  // Pass 1: hash every file, find the articles each holds, and learn the corpus's year, without keeping texts in memory.
  // A file whose size and modification time are as recorded when it was last read whole is taken as
  // unchanged without reading it: the scan of a large corpus costs a stat per file, not a read and a hash.
  const scanStarted = Date.now();
  const byOrigin = new Map<string, StoredArticle[]>();
  for (const a of stored.values()) byOrigin.set(a.origin, [...(byOrigin.get(a.origin) ?? []), a]);
  const fileHashes = new Map<string, string>();
  const sizes = new Map<string, number>();
  /** Article key → its hash and the file holding it (the first, when two files hold one article). */
  const articles = new Map<string, { hash: string; file: string }>();
  const years: (number | null)[] = [];
  const firstWithHash = new Map<string, string>();
  // Every file read records its articles' stated years (the corpus-year votes an ingest of named files counts from the
  // index); only one read whole, and not changed within the clock's resolution, records its signature too.
  const readFiles = new Map<string, { signature: { size: number; mtimeMs: number } | null; articles: { key: string; statedYear: number | null }[] }>();
  for (const file of files) {
    summary.read++;
    const signature = fileSignature(options.corpusDir, file);
    const known = byOrigin.get(file);
    if (signature && known?.every((a) => a.originSize === signature.size && a.originMtime === signature.mtimeMs && !articles.has(a.file) && !firstWithHash.has(a.hash))) {
      for (const a of known) {
        firstWithHash.set(a.hash, a.file === file ? file : `${file}: ${a.file}`);
        articles.set(a.file, { hash: a.hash, file });
        years.push(a.statedYear);
      }
      continue;
    }
    const result = readArticleFile(options.corpusDir, file, options.maxBytes);
    if (!result.ok) {
      skip(file, result.reason);
      continue;
    }
    const found = documentsOf(file, result.text, result.hash);
    if (!found.ok) {
      skip(file, found.reason);
      continue;
    }
    fileHashes.set(file, result.hash);
    sizes.set(file, result.bytes);
    const read: { key: string; statedYear: number | null }[] = [];
    let whole = true;
    for (const { key, hash, document } of found.documents) {
      const where = key === file ? file : `${file}: ${key}`;
      const original = firstWithHash.get(hash) ?? heldElsewhere('hash', hash);
      const sameKey = articles.get(key)?.file ?? heldElsewhere('key', key);
      if (original !== undefined || sameKey !== undefined) {
        skip(where, original !== undefined ? `same content as ${quoteFileName(original)}` : `same article as ${quoteFileName(sameKey!)} (${key})`);
        whole = false;
        continue;
      }
      firstWithHash.set(hash, where);
      articles.set(key, { hash, file });
      const year = document.published !== null ? Number(document.published.slice(0, 4)) : statedYear(document.text, file);
      years.push(year);
      read.push({ key, statedYear: year });
    }
    // A file changed within the clock's resolution of this scan could change again unnoticed with the same signature.
    readFiles.set(file, { signature: whole && signature && signature.mtimeMs < scanStarted - RACY_MS ? signature : null, articles: read });
  }
  const contextYear = corpusYear(years, named === null ? undefined : votesOfOtherFiles(db, stored));
  // A moved corpus year re-dates the articles dated with the old one, as a scan would; an ingest of named files adds
  // those of other files to what it compares (their files are then read again, like any article to re-prepare).
  if (named !== null) {
    for (const a of storedDatedByOtherYear(db, contextYear, named)) {
      stored.set(a.file, a);
      articles.set(a.file, { hash: a.hash, file: a.origin });
    }
  }
  const kept = new Set([...articles.keys(), ...keptDespiteSkip]);
  const removing = [...stored.keys()].filter((file) => !kept.has(file));
  checkRemovals(named === null ? stored.size : corpusArticleCount(db), removing.length, options);
  options.afterScan?.();

  // Pass 2: prepare what changed (parse, extraction; on other threads when there is much of it)
  // and write it in batches of BATCH_ARTICLES: one transaction per batch (a commit per article
  // cost more than the article), articles in sentence-id order (oldest day first) so FTS5 appends
  // to its pending terms instead of flushing them whenever an id goes backwards.
  // An interrupted ingest loses at most the batch in flight, never half an article.
  const changedKeys = new Map<string, string[]>();
  const updating = new Set<string>();
  for (const [key, { hash, file }] of articles) {
    const before = stored.get(key);
    // Unchanged: same bytes from the same file, same year context, read by the current extraction (an upgrade re-reads the rest).
    if (before && before.hash === hash && before.origin === file && (before.contextYear === null || before.contextYear === contextYear) && before.extraction === EXTRACTION_VERSION) summary.unchanged++;
    else {
      changedKeys.set(file, [...(changedKeys.get(file) ?? []), key]);
      if (before) updating.add(key);
    }
  }
  const jobs: PrepareJob[] = [];
  for (const [file, keys] of changedKeys) {
    // Taken as unchanged by its signature, but to be read again (a new extraction, another corpus year): hashed now.
    if (!fileHashes.has(file)) {
      const result = readArticleFile(options.corpusDir, file, options.maxBytes);
      if (!result.ok) {
        skip(file, result.reason, keys);
        continue;
      }
      fileHashes.set(file, result.hash);
      sizes.set(file, result.bytes);
    }
    jobs.push({ corpusDir: options.corpusDir, file, bytes: sizes.get(file)!, maxBytes: options.maxBytes, contextYear, expectedHash: fileHashes.get(file)!, keys });
  }
  let lastProgress = clock();
  let lastYield = clock();
  let batch: PreparedItem[] = [];
  let batchBytes = 0;
  const writeBatch = () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    batchBytes = 0;
    writeArticles(db, items, contextYear, lease.assertHeld);
    for (const { article } of items) {
      if (updating.has(article.file)) summary.updated++;
      else summary.added++;
    }
  };
  let done = 0;
  for await (const result of prepareInOrder(jobs, options.threads ?? preparingThreads(jobs.length), options.prepareTimeoutMs ?? DEFAULT_PREPARE_TIMEOUT_MS)) {
    const { file, keys } = jobs[done++]!;
    if (clock() - lastYield > 250) {
      lastYield = clock();
      lease.assertHeld();
      await yieldToTimers();
    }
    if (clock() - lastProgress > 2000) {
      lastProgress = clock();
      options.onProgress?.(`ingest: ${done}/${jobs.length} files prepared, ${summary.added + batch.length} added, ${summary.updated} updated (${summary.unchanged} unchanged)`);
    }
    if (!result.ok || result.changedSinceScan) readFiles.delete(file);
    else if (result.skipped.length > 0) readFiles.get(file)!.signature = null; // not read whole: read again next time
    if (!result.ok) {
      skip(file, result.reason, keys);
      continue;
    }
    for (const { key, reason } of result.skipped) skip(key === file ? file : `${file}: ${key}`, reason, [key]);
    if (result.changedSinceScan) {
      // Edited while we ran: index what is there now; its hash is stored with it, so the next run sees it as current.
      summary.changedDuringIngest.push(file);
      options.onChanged?.(file);
    }
    for (const item of result.items) {
      const partly = partlyReadReason(item.article);
      if (partly !== null) {
        summary.partlyRead.push({ file: item.article.file, reason: partly });
        options.onPartlyRead?.(item.article.file, partly);
      }
      batch.push(item);
      batchBytes += item.bytes;
    }
    if (batch.length >= BATCH_ARTICLES || batchBytes >= BATCH_BYTES) writeBatch();
  }
  writeBatch();

  db.transaction(() => {
    lease.assertHeld();
    for (const file of removing) removeArticle(db, file);
  }).immediate();
  summary.removed = removing.length;
  recordFileSignatures(db, [...readFiles.values()].flatMap((f) => f.articles.map((a) => ({ key: a.key, size: f.signature?.size ?? null, mtimeMs: f.signature?.mtimeMs ?? null, statedYear: a.statedYear }))));
  if (summary.added + summary.updated + summary.removed > 0) {
    lease.assertHeld();
    options.afterWrites?.(db);
  }
  summary.seconds = (clock() - started) / 1000;
  return summary;
}

/** Why an article was read for statements only in part, or null when it was read whole. */
export function partlyReadReason(article: PreparedArticle): string | null {
  if (article.extractionFailure !== null) return `not read for statements: the extractor failed on it (${article.extractionFailure}), a bug to report; the text is indexed`;
  if (article.readUpTo === null) return null;
  const chars = article.paragraphs.at(-1)?.span.end ?? 0;
  const share = chars === 0 ? 0 : Math.floor((100 * article.readUpTo) / chars);
  return `read for statements up to character ${article.readUpTo} of ${chars} (${share} %): denser in paragraphs or attributions than news; the rest is indexed as text`;
}

export function formatSummary(s: IngestSummary): string {
  const skipped = s.skipped.length > 0 ? `, ${s.skipped.length} skipped` : '';
  const partly = s.partlyRead.length > 0 ? `, ${s.partlyRead.length} read for statements in part` : '';
  const changed = s.changedDuringIngest.length > 0 ? `, ${s.changedDuringIngest.length} changed during the ingest (newest version indexed)` : '';
  return `ingest: ${s.read} files read, ${s.added} added, ${s.updated} updated, ${s.unchanged} unchanged, ${s.removed} removed${skipped}${partly}${changed} in ${s.seconds.toFixed(2)} s`;
}
