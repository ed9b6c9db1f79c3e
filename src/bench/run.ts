/**
 * One benchmark run: generate the corpus, ingest it through the product,
 * measure the floors on the same data, time lookups, measure the answering
 * process's memory, and the Discord round trip when the stand-in is there.
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { listCorpusFiles } from '../corpus/files.js';
import { join } from 'node:path';
import { answerContext, openIndex, type Logger } from '../app.js';
import type { Db } from '../index/database.js';
import { loadPeopleIndex } from '../index/statements.js';
import { measureDiscord, type DiscordResult } from './discord.js';
import { BUDGET_SAMPLE_ARTICLES, measureIngestBudget, type IngestBudget } from './ingestBudget.js';
import { corpusPeople, corpusSpeakers, corpusWords, DEFAULT_SEED, generateArticle, GENERATOR_VERSION, writeCorpus } from './generator.js';
import { REPO_ROOT } from './paths.js';
import { measureStartup, type StartupResult } from './startup.js';
import { measureWorstText, type WorstText } from './adversarial.js';
import { parseArticle } from '../corpus/parse.js';
import { prepareArticle } from '../pipeline/prepare.js';
import {
  nowMs,
  measureAsk,
  measureFloors,
  measureIngest,
  measureRawInsert,
  measureSize,
  stats,
  type FloorTimings,
  type LabelledQuery,
  type QueryTimings,
  type RawInsertResult,
  type SizeResult,
} from './measure.js';
import { chooseCheckQueries, chooseClaimsQueries, chooseWhoQueries, documentFrequencies, sentenceCount } from './terms.js';

export { REPO_ROOT };

export interface BenchOptions {
  articles: number;
  seed?: number;
  /** Lookups per query through ask() (after one cold run). */
  reps?: number;
  /** Runs per query of the MATCH floors; LIKE gets `likeReps`. */
  floorReps?: number;
  likeReps?: number;
  /** Where the corpus and databases go; a fresh temp folder (removed afterwards) when absent. */
  workdir?: string;
  /** Keep the work folder (corpus and index) after the run. */
  keep?: boolean;
  /** Reuse the corpus and index already in `workdir` (skips generation and ingest when they match). */
  reuse?: boolean;
  /** Skip the Discord stand-in measurement. */
  skipDiscord?: boolean;
  /** Process runs of `npm run -s ask` for ask_process_ms (default 10; 0 skips it). */
  startupRuns?: number;
  /** KB of each adversarial text for the worst-text figure (default 256; 0 skips it). */
  worstTextKb?: number;
  log?: (line: string) => void;
}

export interface Machine {
  cpu: string;
  cores: number;
  memory_gb: number;
  node: string;
  sqlite: string;
  better_sqlite3: string;
  platform: string;
  /** 1-minute load average at the start and the end of the run: above the core count, other work shared the CPUs. */
  load_start: number;
  load_end: number;
}

export interface TermRow {
  label: string;
  command: string;
  docs: number;
  share: number;
  cold_ms: number;
  p50_ms: number;
  p99_ms: number;
  items: number;
  ranked_floor_p99_ms: number | null;
  unranked_floor_p99_ms: number | null;
  like_p99_ms: number | null;
  like_runs: number;
}

export interface BenchResult {
  articles: number;
  corpus_mb: number;
  ingest_mb_s: number | null;
  raw_insert_mb_s: number;
  claims_p50_ms: number;
  claims_p99_ms: number;
  who_p50_ms: number;
  who_p99_ms: number;
  check_p50_ms: number;
  check_p99_ms: number;
  ranked_floor_p99_ms: number;
  unranked_floor_p99_ms: number;
  like_p99_ms: number;
  rss_mb: number | null;
  discord_p99_ms: number | null;
  /** `npm run -s ask -- "/who Rutte"` on the seeds, end to end: median of `ask_process_runs` process runs. */
  ask_process_ms: number | null;
  // Extras.
  ask_process_runs: number;
  /** Measured alongside, run for run: `node -e 0`, `node dist/bundle/ask.js` (what npm runs, without npm), and the same lookup from the sources under tsx. */
  ask_process_node_ms: number | null;
  ask_process_direct_ms: number | null;
  ask_process_tsx_ms: number | null;
  seed: number;
  sentences: number;
  generate_s: number | null;
  ingest_s: number | null;
  ingest_articles_s: number | null;
  raw_insert_s: number;
  /** Sentence text inserted by the floor, per second (the floor's own MB, not the corpus's). */
  raw_insert_text_mb_s: number;
  /** ingest_mb_s / raw_insert_mb_s: both are corpus MB over time, so this is raw time / ingest time. */
  ingest_vs_raw: number | null;
  index_mb: number;
  index_vs_corpus: number;
  index_parts_mb: Record<string, number>;
  claims_p95_ms: number;
  claims_cold_max_ms: number;
  who_p95_ms: number;
  who_cold_max_ms: number;
  check_p95_ms: number;
  check_cold_max_ms: number;
  ranked_floor_p50_ms: number;
  unranked_floor_p50_ms: number;
  like_p50_ms: number;
  rss_answered: number | null;
  answerer_p99_ms: number | null;
  discord_p50_ms: number | null;
  /** Where the ingest's time goes, step by step on a sample, and the best ratio to the floor these cores allow. */
  ingest_budget: IngestBudget;
  /** The slowest adversarial text to prepare (src/bench/adversarial.ts), s/MB and against the bench corpus; null when skipped. */
  worst_text: Omit<WorstText, 'all'> | null;
  /** The people table against the generated cast: every speaker one entry, nobody split off or merged in. */
  people_generated: number;
  people_indexed: number;
  people_missing: number;
  people_extra: number;
  people_merged: number;
  people_split: number;
  /** A day's news on a full index: seconds to add INCREMENT_ARTICLES new files, then to remove them again (each a whole ingest). */
  increment_articles: number;
  add20_s: number;
  remove20_s: number;
  /** Of which the scan of the corpus folder (a stat per file; files as last read are not read): the part that grows with the corpus. */
  add20_scan_s: number;
  remove20_scan_s: number;
  /** The same day's news ingested by name (`ingest --changed`): the files added, then removed, named; the folder not scanned. */
  add20_named_s: number;
  remove20_named_s: number;
  /** The same on an index of the first 10,000 articles (null for a smaller run), and the ratio of this run's add20_s to it. */
  add20_s_at_10k: number | null;
  remove20_s_at_10k: number | null;
  add20_vs_10k: number | null;
  /** add20_named_s at this size ÷ at 10,000 (the ratio issue 15 bounds at 1.5). */
  add20_named_vs_10k: number | null;
  /** add20/remove20 at each size measured. */
  increment_scaling: IncrementRow[];
  lookups: number;
  terms: TermRow[];
  machine: Machine;
  notes: string[];
}

/**
 * Generated speakers against the speaking people the index holds, by name and alias: who is missing, who
 * is held but was never generated, which entries hold two generated people, which people are in two entries.
 */
export function comparePeople(
  generated: { canonical: string; spellings: string[] }[],
  indexed: { canonical: string; aliases: string[] }[],
): { generated: number; indexed: number; missing: string[]; extra: string[]; merged: string[]; split: string[] } {
  const owner = new Map<string, string>();
  for (const g of generated) for (const s of g.spellings) owner.set(s, g.canonical);
  const entriesOf = new Map<string, string[]>();
  const extra: string[] = [];
  const merged: string[] = [];
  for (const entry of indexed) {
    const held = new Set([entry.canonical, ...entry.aliases].map((n) => owner.get(n)).filter((n): n is string => n !== undefined));
    if (held.size === 0) extra.push(entry.canonical);
    if (held.size > 1) merged.push(`${entry.canonical} (${[...held].join(' + ')})`);
    for (const person of held) entriesOf.set(person, [...(entriesOf.get(person) ?? []), entry.canonical]);
  }
  const missing = generated.filter((g) => !entriesOf.has(g.canonical)).map((g) => g.canonical);
  const split = [...entriesOf].filter(([, entries]) => entries.length > 1).map(([person, entries]) => `${person} (${entries.join(' | ')})`);
  return { generated: generated.length, indexed: indexed.length, missing: missing.sort(), extra: extra.sort(), merged: merged.sort(), split: split.sort() };
}

const round = (x: number, digits = 2) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);
const mb = (bytes: number) => bytes / 1024 / 1024;

export function machineInfo(db: Db | undefined, loadStart: number): Machine {
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'node_modules/better-sqlite3/package.json'), 'utf8')) as { version: string };
  const sqlite = db ? ((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v) : 'unknown';
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory_gb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    sqlite,
    better_sqlite3: pkg.version,
    platform: `${process.platform} ${process.arch}`,
    load_start: round(loadStart),
    load_end: round(loadavg()[0] ?? 0),
  };
}

/** Spawns the answerer (tsx src/bench/answerer.ts) and reads its peak RSS. */
export function measureAnswererRss(dbFile: string, requests: { command: string; query: string }[], reps: number): { rssMb: number; answered: number; p99: number } | { error: string } {
  const tsx = join(REPO_ROOT, 'node_modules/.bin/tsx');
  const child = spawnSync(tsx, [join(REPO_ROOT, 'src/bench/answerer.ts'), '--db', dbFile, '--terms', JSON.stringify(requests), '--reps', String(reps)], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    timeout: 20 * 60 * 1000,
  });
  if (child.status !== 0) return { error: `answerer exited with ${child.status ?? child.signal}: ${(child.stderr ?? '').trim().split('\n').slice(-3).join(' ')}` };
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  const parsed = JSON.parse(line) as { maxRssMb: number; answered: number; latency: { p99: number } };
  return { rssMb: parsed.maxRssMb, answered: parsed.answered, p99: parsed.latency.p99 };
}

function termRow(t: QueryTimings, floors: FloorTimings | undefined, total: number): TermRow {
  const s = stats(t.ask);
  return {
    label: t.query.label,
    command: t.query.request.command,
    docs: t.query.docs,
    share: total > 0 ? t.query.docs / total : 0,
    cold_ms: round(t.cold),
    p50_ms: round(s.p50),
    p99_ms: round(s.p99),
    items: t.items,
    ranked_floor_p99_ms: floors ? round(stats(floors.ranked).p99) : null,
    unranked_floor_p99_ms: floors ? round(stats(floors.unranked).p99) : null,
    like_p99_ms: floors && floors.like.length > 0 ? round(stats(floors.like).p99) : null,
    like_runs: floors?.like.length ?? 0,
  };
}

interface Manifest {
  version: number;
  articles: number;
  seed: number;
  bytes: number;
  generate_s: number;
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const loadStart = loadavg()[0] ?? 0;
  const seed = options.seed ?? DEFAULT_SEED;
  const reps = options.reps ?? 20;
  const notes: string[] = [];
  const fresh = options.workdir === undefined;
  const workdir = options.workdir ?? mkdtempSync(join(tmpdir(), 'newsroom-bench-'));
  mkdirSync(workdir, { recursive: true });
  const corpusDir = join(workdir, 'corpus');
  const dbFile = join(workdir, 'index.db');
  const rawFile = join(workdir, 'raw-fts5.db');
  const manifestFile = join(workdir, 'manifest.json');
  const logger: Logger = { info: log, warn: () => {} };

  try {
    // 1. The corpus.
    let manifest: Manifest | null = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : null;
    const reuseCorpus = options.reuse === true && manifest !== null && manifest.articles === options.articles && manifest.seed === seed && manifest.version === GENERATOR_VERSION;
    let generateSeconds: number | null = null;
    if (!reuseCorpus) {
      for (const f of [corpusDir, dbFile, `${dbFile}-wal`, `${dbFile}-shm`, rawFile]) rmSync(f, { recursive: true, force: true });
      log(`generating ${options.articles} articles in ${corpusDir}`);
      const written = writeCorpus(corpusDir, options.articles, seed, (done) => log(`generated ${done}/${options.articles}`));
      generateSeconds = written.seconds;
      manifest = { version: GENERATOR_VERSION, articles: options.articles, seed, bytes: written.bytes, generate_s: written.seconds };
      writeFileSync(manifestFile, JSON.stringify(manifest));
    } else {
      notes.push(`corpus reused from ${workdir} (generated earlier in ${manifest!.generate_s.toFixed(1)} s)`);
    }
    const corpusBytes = manifest!.bytes;

    // 2. Ingest through the product, then the raw FTS5 floor on the same sentences.
    const reuseIndex = reuseCorpus && existsSync(dbFile);
    const db = openIndex(dbFile);
    try {
      let ingestSeconds: number | null = null;
      if (!reuseIndex) {
        log('ingesting through updateIndex (parse, extraction, people)…');
        const ingest = await measureIngest(db, corpusDir, 5 * 1024 * 1024, logger);
        ingestSeconds = ingest.seconds;
        if (ingest.skipped > 0) notes.push(`${ingest.skipped} generated files were skipped by the ingest`);
        log(`ingest: ${ingest.added} articles in ${ingest.seconds.toFixed(1)} s`);
      } else {
        notes.push('index reused: ingest not measured in this run');
      }
      log('raw FTS5 insert floor…');
      const raw: RawInsertResult = measureRawInsert(db, rawFile);
      rmSync(rawFile, { force: true });
      rmSync(`${rawFile}-journal`, { force: true });
      log(`raw insert: ${raw.sentences} sentences in ${raw.seconds.toFixed(1)} s`);
      const size: SizeResult = measureSize(db, dbFile);
      log(`where the ingest time goes: ${Math.min(BUDGET_SAMPLE_ARTICLES, options.articles)} articles, one step at a time…`);
      const budget = roundBudget(measureIngestBudget(corpusDir, workdir, cpus().length, 5 * 1024 * 1024));

      // 3. Terms by measured document frequency, names from the generated speakers.
      log('choosing terms by document frequency…');
      const total = sentenceCount(db);
      const df = documentFrequencies(db);
      const claims = chooseClaimsQueries(db, corpusWords(seed), df, total);
      log('checking the people table against the generated speakers…');
      const people = comparePeople(corpusSpeakers(options.articles, seed), loadPeopleIndex(db).filter((p) => p.type === 'person' && p.statements > 0));
      const some = (label: string, names: string[]) => (names.length > 0 ? [`${label} ${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`] : []);
      const problems = [...some('missing', people.missing), ...some('not generated', people.extra), ...some('merged', people.merged), ...some('split', people.split)];
      if (problems.length > 0) notes.push(`people: ${problems.join('; ')}`);
      const who = chooseWhoQueries(db, corpusPeople(seed));
      const check = chooseCheckQueries(db, corpusPeople(seed));
      const queries: LabelledQuery[] = [...claims, ...who, ...check];

      // 4. Latency through ask(), then the floors on the same terms.
      log(`timing ${queries.length} queries × ${reps} through ask()…`);
      const ctx = answerContext(db, {});
      const timings = measureAsk(ctx, queries, reps);
      log('timing the floors…');
      const floorReps = options.floorReps ?? reps;
      const likeReps = options.likeReps ?? 3;
      const floors = measureFloors(db, claims, floorReps, likeReps, 3000);
      const floorOf = (q: LabelledQuery) => floors.find((f) => f.query === q);
      const terms = timings.map((t) => termRow(t, floorOf(t.query), total));
      const claimsTimes = timings.filter((t) => t.query.request.command === 'claims');
      const whoTimes = timings.filter((t) => t.query.request.command === 'who');
      const claimsStats = stats(claimsTimes.flatMap((t) => t.ask));
      const whoStats = stats(whoTimes.flatMap((t) => t.ask));
      const checkTimes = timings.filter((t) => t.query.request.command === 'check');
      const checkStats = stats(checkTimes.flatMap((t) => t.ask));
      const rankedStats = stats(floors.flatMap((f) => f.ranked));
      const unrankedStats = stats(floors.flatMap((f) => f.unranked));
      const likeStats = stats(floors.flatMap((f) => f.like));
      const likeRuns = floors.map((f) => f.like.length);
      notes.push(`LIKE scan: ${Math.min(...likeRuns)}–${Math.max(...likeRuns)} runs per term (fewer than the ${floorReps} MATCH floor runs: each is a full or partial table scan)`);
      const rankedRuns = floors.map((f) => f.ranked.length);
      if (Math.min(...rankedRuns) < floorReps) notes.push(`exhaustive bm25 floor: ${Math.min(...rankedRuns)} runs for the slowest terms (3 s budget per term)`);

      const machine = machineInfo(db, loadStart);
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();

      // 5. Peak memory of a process that only answers.
      log('measuring the answering process (peak RSS)…');
      const rss = measureAnswererRss(
        dbFile,
        queries.map((q) => q.request),
        3,
      );
      if ('error' in rss) notes.push(`rss not measured: ${rss.error}`);

      // 6. Through the Discord stand-in.
      let discord: DiscordResult;
      if (options.skipDiscord) discord = { p50: null, p99: null, note: 'not measured: skipped (--no-discord)' };
      else {
        log('Discord stand-in round trips…');
        discord = await measureDiscord({ dbFile, queries: queries.map((q) => q.request), reps: Math.max(3, Math.floor(reps / 2)) });
      }
      if (discord.note) notes.push(discord.note);

      // 7. Start-up of a one-off lookup process, on the seeds (independent of the corpus above).
      const worstTextKb = options.worstTextKb ?? 256;
      let worstText: WorstText | null = null;
      if (worstTextKb > 0) {
        log(`preparing adversarial texts of ${worstTextKb} KB…`);
        const corpusPrepare = budget.parse_s_per_mb + budget.extract_s_per_mb + budget.fingerprint_s_per_mb;
        worstText = measureWorstText(worstTextKb * 1024, (text) => void prepareArticle(parseArticle({ file: 'adversarial.txt', text, contextYear: 2024 })), corpusPrepare);
      }
      const startupRuns = options.startupRuns ?? 10;
      let startup: StartupResult | { error: string } | null = null;
      if (startupRuns > 0) {
        log(`timing ${startupRuns} runs of npm run -s ask -- "/who Rutte"…`);
        startup = measureStartup(startupRuns);
        if ('error' in startup) notes.push(`ask_process_ms not measured: ${startup.error}`);
      }
      const startupTimes = startup !== null && !('error' in startup) ? startup : null;

      // 8. A day's news on the full index: add a few articles, then remove them (the corpus is left as
      // generated, so --reuse still matches). Each is a whole updateIndex: the scan of every file, the
      // writes, and the people, vocabulary and ranking window rebuilt from the whole index.
      log(`adding ${INCREMENT_ARTICLES} articles to the index, then removing them…`);
      const increment = await measureIncrement(dbFile, corpusDir, seed, options.articles, logger);
      const scaling = [increment];
      if (options.articles > SCALING_ARTICLES) {
        log(`the same on an index of the first ${SCALING_ARTICLES} articles…`);
        scaling.unshift(await measureIncrementAt(SCALING_ARTICLES, workdir, corpusDir, seed, options.articles, logger));
      }
      const at10k = scaling.find((row) => row.articles === SCALING_ARTICLES) ?? null;

      if (Math.max(machine.load_start, loadavg()[0] ?? 0) > machine.cores) {
        notes.push(`the machine was busy with other work (load average ${machine.load_start} at the start, ${round(loadavg()[0] ?? 0)} at the end, ${machine.cores} cores): times are inflated`);
      }
      const ingestMbS = ingestSeconds === null ? null : mb(corpusBytes) / ingestSeconds;
      const rawMbS = mb(corpusBytes) / raw.seconds;
      const indexBytes = size.fileBytes;
      const parts: Record<string, number> = {};
      for (const [k, v] of Object.entries(size.parts)) parts[k] = round(mb(v), 1);
      return {
        articles: options.articles,
        corpus_mb: round(mb(corpusBytes), 1),
        ingest_mb_s: ingestMbS === null ? null : round(ingestMbS),
        raw_insert_mb_s: round(rawMbS),
        claims_p50_ms: round(claimsStats.p50),
        claims_p99_ms: round(claimsStats.p99),
        who_p50_ms: round(whoStats.p50),
        who_p99_ms: round(whoStats.p99),
        check_p50_ms: round(checkStats.p50),
        check_p99_ms: round(checkStats.p99),
        ranked_floor_p99_ms: round(rankedStats.p99),
        unranked_floor_p99_ms: round(unrankedStats.p99),
        like_p99_ms: round(likeStats.p99),
        rss_mb: 'error' in rss ? null : round(rss.rssMb, 1),
        discord_p99_ms: discord.p99 === null ? null : round(discord.p99),
        ask_process_ms: startupTimes === null ? null : Math.round(startupTimes.askMs),
        ask_process_runs: startupTimes?.runs ?? 0,
        ask_process_node_ms: startupTimes === null ? null : Math.round(startupTimes.nodeMs),
        ask_process_direct_ms: startupTimes === null ? null : Math.round(startupTimes.directMs),
        ask_process_tsx_ms: startupTimes === null ? null : Math.round(startupTimes.tsxMs),
        seed,
        sentences: total,
        generate_s: generateSeconds === null ? null : round(generateSeconds, 1),
        ingest_s: ingestSeconds === null ? null : round(ingestSeconds, 1),
        ingest_articles_s: ingestSeconds === null ? null : round(options.articles / ingestSeconds, 1),
        raw_insert_s: round(raw.seconds, 2),
        raw_insert_text_mb_s: round(mb(raw.textBytes) / raw.seconds),
        ingest_vs_raw: ingestMbS === null ? null : round(ingestMbS / rawMbS, 3),
        index_mb: round(mb(indexBytes), 1),
        index_vs_corpus: round(indexBytes / corpusBytes),
        index_parts_mb: parts,
        claims_p95_ms: round(claimsStats.p95),
        claims_cold_max_ms: round(Math.max(...claimsTimes.map((t) => t.cold))),
        who_p95_ms: round(whoStats.p95),
        who_cold_max_ms: round(Math.max(...whoTimes.map((t) => t.cold))),
        check_p95_ms: round(checkStats.p95),
        check_cold_max_ms: round(Math.max(...checkTimes.map((t) => t.cold))),
        ranked_floor_p50_ms: round(rankedStats.p50),
        unranked_floor_p50_ms: round(unrankedStats.p50),
        like_p50_ms: round(likeStats.p50),
        rss_answered: 'error' in rss ? null : rss.answered,
        answerer_p99_ms: 'error' in rss ? null : round(rss.p99),
        discord_p50_ms: discord.p50 === null ? null : round(discord.p50),
        ingest_budget: budget,
        worst_text: worstText === null ? null : { bytes: worstText.bytes, s_per_mb: round(worstText.s_per_mb, 2), name: worstText.name, vs_corpus: worstText.vs_corpus === null ? null : round(worstText.vs_corpus, 1) },
        increment_articles: INCREMENT_ARTICLES,
        people_generated: people.generated,
        people_indexed: people.indexed,
        people_missing: people.missing.length,
        people_extra: people.extra.length,
        people_merged: people.merged.length,
        people_split: people.split.length,
        add20_s: increment.add20_s,
        remove20_s: increment.remove20_s,
        add20_scan_s: increment.add20_scan_s,
        remove20_scan_s: increment.remove20_scan_s,
        add20_named_s: increment.add20_named_s,
        remove20_named_s: increment.remove20_named_s,
        add20_s_at_10k: at10k?.add20_s ?? null,
        remove20_s_at_10k: at10k?.remove20_s ?? null,
        add20_vs_10k: at10k ? round(increment.add20_s / at10k.add20_s) : null,
        add20_named_vs_10k: at10k ? round(increment.add20_named_s / at10k.add20_named_s) : null,
        increment_scaling: scaling,
        lookups: claimsStats.n + whoStats.n + checkStats.n,
        terms,
        machine,
        notes,
      };
    } finally {
      if (db.open) db.close();
    }
  } finally {
    if (fresh && !options.keep) rmSync(workdir, { recursive: true, force: true });
    else log(`work folder kept: ${workdir}`);
  }
}

function roundBudget(b: IngestBudget): IngestBudget {
  const out = { ...b };
  for (const [k, v] of Object.entries(out)) if (typeof v === 'number' && !Number.isInteger(v)) (out as Record<string, number>)[k] = round(v, 3);
  return out;
}

const INCREMENT_ARTICLES = 20;
/** The smaller index the incremental cost is compared with: it should not grow with the archive. */
const SCALING_ARTICLES = 10_000;

export interface IncrementRow {
  articles: number;
  add20_s: number;
  remove20_s: number;
  add20_scan_s: number;
  remove20_scan_s: number;
  add20_named_s: number;
  remove20_named_s: number;
}

/**
 * Times an ingest that adds INCREMENT_ARTICLES articles after the corpus's `articles`, and one that
 * removes them; each split into the scan of the corpus folder and the rest (preparing and writing
 * what changed, and the derived tables updated for it). An ingest that changes nothing comes first,
 * so files read whole by an older ingest have their signatures recorded.
 */
async function measureIncrement(dbFile: string, corpusDir: string, seed: number, articles: number, logger: Logger, indexed = articles): Promise<IncrementRow> {
  const added = Array.from({ length: INCREMENT_ARTICLES }, (_, k) => generateArticle(seed, articles + k));
  const db = openIndex(dbFile);
  const timed = async (changed?: string[]) => {
    let scanned = 0;
    const started = nowMs();
    await measureIngest(db, corpusDir, 5 * 1024 * 1024, logger, { afterScan: () => (scanned = nowMs()), ...(changed ? { changed } : {}) });
    return { seconds: (nowMs() - started) / 1000, scan: (scanned - started) / 1000 };
  };
  const names = added.map((a) => a.file);
  try {
    await timed();
    for (const a of added) writeFileSync(join(corpusDir, a.file), a.text);
    const add = await timed();
    for (const a of added) rmSync(join(corpusDir, a.file), { force: true });
    const remove = await timed();
    // The same day of news, named by whoever wrote it: no scan of the folder.
    for (const a of added) writeFileSync(join(corpusDir, a.file), a.text);
    const addNamed = await timed(names);
    for (const a of added) rmSync(join(corpusDir, a.file), { force: true });
    const removeNamed = await timed(names);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return {
      articles: indexed,
      add20_s: round(add.seconds, 3),
      remove20_s: round(remove.seconds, 3),
      add20_scan_s: round(add.scan, 3),
      remove20_scan_s: round(remove.scan, 3),
      add20_named_s: round(addNamed.seconds, 3),
      remove20_named_s: round(removeNamed.seconds, 3),
    };
  } finally {
    for (const a of added) rmSync(join(corpusDir, a.file), { force: true });
    db.close();
  }
}

/** The increment on an index of the corpus's first `size` files (hard links in a folder of their own), built for it and removed after. */
async function measureIncrementAt(size: number, workdir: string, corpusDir: string, seed: number, articles: number, logger: Logger): Promise<IncrementRow> {
  const smallCorpus = join(workdir, `corpus-${size}`);
  const smallDb = join(workdir, `index-${size}.db`);
  const scratch = [smallCorpus, smallDb, `${smallDb}-wal`, `${smallDb}-shm`, `${smallDb}-checked`];
  for (const f of scratch) rmSync(f, { recursive: true, force: true });
  mkdirSync(smallCorpus);
  try {
    for (const file of listCorpusFiles(corpusDir).slice(0, size)) linkSync(join(corpusDir, file), join(smallCorpus, file));
    const db = openIndex(smallDb);
    try {
      await measureIngest(db, smallCorpus, 5 * 1024 * 1024, logger);
    } finally {
      db.close();
    }
    return await measureIncrement(smallDb, smallCorpus, seed, articles, logger, size);
  } finally {
    for (const f of scratch) rmSync(f, { recursive: true, force: true });
  }
}
