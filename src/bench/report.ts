/** The benchmark result as a readable table, with ratios against the floors measured in the same run. */
import type { BenchResult } from './run.js';

const TARGETS = { lookupP99Ms: 50, checkP99Ms: 100, ingestVsRaw: 0.5, rssMb: 200, askProcessMs: 400, worstTextSPerMb: 2 };

function fmt(x: number | null | undefined, digits = 1): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x >= 100 ? x.toFixed(0) : x.toFixed(digits);
}

function ratio(a: number | null, b: number | null): string {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return '—';
  return `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;
}

function pad(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [pad(header, widths), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map((r) => pad(r, widths))];
}

const mark = (ok: boolean | null) => (ok === null ? '' : ok ? ' ✓' : ' ✗');

/** Where the ingest's time goes, and the bound it puts on the ratio to the floor. */
function budgetLines(b: BenchResult['ingest_budget']): string[] {
  const times = (x: number) => ratio(x, b.floor_s_per_mb);
  const step = (name: string, s: number) => [name, s.toFixed(3), times(s)];
  const prepare = b.read_s_per_mb + b.parse_s_per_mb + b.extract_s_per_mb + b.fingerprint_s_per_mb;
  const speedup = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)}×` : 'out of reach');
  return [
    '',
    ...table(
      [`where the time goes (${b.sample_articles.toLocaleString('en-US')} articles, one step at a time)`, 's/MB', 'vs floor'],
      [
        step('read and hash (the scan, then the preparing step)', b.read_s_per_mb),
        step('parse', b.parse_s_per_mb),
        step('extraction (attribution, figures, stance, dates)', b.extract_s_per_mb),
        step('fingerprints', b.fingerprint_s_per_mb),
        step('preparing, all of the above', prepare),
        step('index writes (one writer)', b.write_s_per_mb),
        step('people, vocabulary, ranking window rebuilt (one writer)', b.people_vocabulary_s_per_mb),
        step('floor: raw FTS5 insert of the sample', b.floor_s_per_mb),
      ],
    ),
    `  every step on one thread: ${b.one_thread_vs_raw.toFixed(3)}× the floor. Best this design can reach on ${b.cores} cores: ${b.bound_vs_raw.toFixed(3)}× (at least the writes, and at least all the work over the cores; thread costs ignored)`,
    `  for ${TARGETS.ingestVsRaw.toFixed(2)}× on ${b.cores} cores: writes ${speedup(b.write_speedup_for_target)} faster and preparing ${speedup(b.prepare_speedup_for_target)} faster`,
    '',
  ];
}

export function renderReport(r: BenchResult): string {
  const lines: string[] = [];
  const m = r.machine;
  lines.push(`newsroom bench — ${r.articles.toLocaleString('en-US')} articles (seed ${r.seed}), ${r.sentences.toLocaleString('en-US')} sentences, ${fmt(r.corpus_mb)} MB of text`);
  lines.push(`machine: ${m.cpu}, ${m.cores} cores, ${m.memory_gb} GB; Node ${m.node}; SQLite ${m.sqlite} (better-sqlite3 ${m.better_sqlite3}); ${m.platform}; load ${m.load_start} → ${m.load_end}`);
  lines.push('');
  const ingestOk = r.ingest_vs_raw === null ? null : r.ingest_vs_raw >= TARGETS.ingestVsRaw;
  lines.push(
    ...table(
      ['ingest', 'MB/s', 'articles/s', 'seconds', 'vs floor'],
      [
        ['ingest with extraction (updateIndex)', fmt(r.ingest_mb_s, 2), fmt(r.ingest_articles_s), fmt(r.ingest_s), `${ratio(r.ingest_mb_s, r.raw_insert_mb_s)}${mark(ingestOk)} (target ≥ 0.50×)`],
        ['floor: raw FTS5 insert, same sentences', fmt(r.raw_insert_mb_s, 2), '—', fmt(r.raw_insert_s), '1×'],
      ],
    ),
  );
  lines.push(`  (MB/s are corpus MB over wall time for both; the floor inserts ${fmt(r.raw_insert_text_mb_s, 2)} MB/s of sentence text)`);
  lines.push(...budgetLines(r.ingest_budget));
  if (r.worst_text !== null) {
    lines.push(`worst text to prepare (of ${r.worst_text.bytes / 1024} KB each, src/bench/adversarial.ts): ${r.worst_text.name}, ${fmt(r.worst_text.s_per_mb, 2)} s/MB of CPU${mark(r.worst_text.s_per_mb <= TARGETS.worstTextSPerMb)} (target ≤ ${TARGETS.worstTextSPerMb}), ${fmt(r.worst_text.vs_corpus)}× the bench corpus's parse, extraction and fingerprints per MB`);
  }
  lines.push(`people: ${r.people_indexed} speaking people indexed for ${r.people_generated} generated; ${r.people_missing} missing, ${r.people_extra} never generated, ${r.people_merged} entries holding two, ${r.people_split} people split over two entries`);
  lines.push(`a day's news: ${r.increment_articles} articles added, then removed, each a whole ingest (the scan of the corpus folder, a stat per file; then what changed prepared, written, and people, vocabulary and ranking window updated for it)`);
  lines.push(
    ...table(
      ['articles indexed', `add ${r.increment_articles} s`, 'of which scan', `remove ${r.increment_articles} s`, 'of which scan', 'add, named', 'remove, named'],
      r.increment_scaling.map((row) => [String(row.articles), fmt(row.add20_s, 2), fmt(row.add20_scan_s, 2), fmt(row.remove20_s, 2), fmt(row.remove20_scan_s, 2), fmt(row.add20_named_s, 2), fmt(row.remove20_named_s, 2)]),
    ),
  );
  lines.push(`  named: the same files given to the ingest by name (npm run ingest -- --changed FILE), the folder not scanned`);
  if (r.add20_vs_10k !== null) lines.push(`  add ${r.increment_articles} at ${r.articles} articles = ${fmt(r.add20_vs_10k, 2)}× the time at 10,000 with the scan, ${fmt(r.add20_named_vs_10k ?? 0, 2)}× named (target ≤ 1.5×)`);
  const parts = Object.entries(r.index_parts_mb)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${fmt(v)}`)
    .join(', ');
  lines.push(`index: ${fmt(r.index_mb)} MB on disk = ${fmt(r.index_vs_corpus, 2)}× the raw text (${parts} MB)`);
  lines.push('');

  const lookupOk = (p99: number) => p99 <= TARGETS.lookupP99Ms;
  lines.push(
    ...table(
      ['lookups (ms)', 'p50', 'p95', 'p99', 'cold max', 'target'],
      [
        ['/claims via ask() → payload', fmt(r.claims_p50_ms, 2), fmt(r.claims_p95_ms, 2), fmt(r.claims_p99_ms, 2), fmt(r.claims_cold_max_ms), `p99 ≤ 50${mark(lookupOk(r.claims_p99_ms))}`],
        ['/who via ask() → payload', fmt(r.who_p50_ms, 2), fmt(r.who_p95_ms, 2), fmt(r.who_p99_ms, 2), fmt(r.who_cold_max_ms), `p99 ≤ 50${mark(lookupOk(r.who_p99_ms))}`],
        ['/check via ask() → payload', fmt(r.check_p50_ms, 2), fmt(r.check_p95_ms, 2), fmt(r.check_p99_ms, 2), fmt(r.check_cold_max_ms), `p99 ≤ ${TARGETS.checkP99Ms}${mark(r.check_p99_ms <= TARGETS.checkP99Ms)}`],
        ['floor: MATCH ORDER BY rank LIMIT 20', fmt(r.ranked_floor_p50_ms, 2), '', fmt(r.ranked_floor_p99_ms, 2), '', `claims p99 = ${ratio(r.claims_p99_ms, r.ranked_floor_p99_ms)}`],
        ['floor: MATCH LIMIT 20 (unranked)', fmt(r.unranked_floor_p50_ms, 2), '', fmt(r.unranked_floor_p99_ms, 2), '', `claims p99 = ${ratio(r.claims_p99_ms, r.unranked_floor_p99_ms)}`],
        ["naive: LIKE '%term%' newest 20", fmt(r.like_p50_ms, 2), '', fmt(r.like_p99_ms, 2), '', `claims p99 = ${ratio(r.claims_p99_ms, r.like_p99_ms)}`],
        ['through the Discord stand-in', fmt(r.discord_p50_ms, 2), '', fmt(r.discord_p99_ms, 2), '', r.discord_p99_ms === null ? 'not measured' : ''],
      ],
    ),
  );
  lines.push(`  ${r.lookups} timed lookups (plus one cold run each); every term below must stay under 50 ms at p99 (/check: ${TARGETS.checkP99Ms} ms)`);
  lines.push('');
  lines.push(
    ...table(
      ['query', 'matches', 'share', 'p50', 'p99', 'cold', 'bm25 floor', 'unranked', 'LIKE (runs)'],
      r.terms.map((t) => [
        `/${t.command} ${t.label}`.slice(0, 52),
        t.docs.toLocaleString('en-US'),
        `${(t.share * 100).toFixed(t.share < 0.01 ? 3 : 1)}%`,
        fmt(t.p50_ms, 2),
        `${fmt(t.p99_ms, 2)}${mark(t.p99_ms <= (t.command === 'check' ? TARGETS.checkP99Ms : TARGETS.lookupP99Ms))}`,
        fmt(t.cold_ms),
        fmt(t.ranked_floor_p99_ms, 2),
        fmt(t.unranked_floor_p99_ms, 2),
        t.like_p99_ms === null ? '—' : `${fmt(t.like_p99_ms)} (${t.like_runs})`,
      ]),
    ),
  );
  lines.push('');
  const rssOk = r.rss_mb === null ? null : r.rss_mb <= TARGETS.rssMb;
  lines.push(`peak RSS of a process that holds the index open and answers (${r.rss_answered ?? 0} lookups): ${fmt(r.rss_mb)} MB${mark(rssOk)} (target ≤ 200; its own p99 ${fmt(r.answerer_p99_ms, 2)} ms)`);
  if (r.ask_process_ms !== null) {
    lines.push(
      `start-up: npm run -s ask -- "/who Rutte" on the seeds, median of ${r.ask_process_runs} processes: ${fmt(r.ask_process_ms)} ms${mark(r.ask_process_ms <= TARGETS.askProcessMs)} (target ≤ ${TARGETS.askProcessMs}; alongside: node -e 0 ${fmt(r.ask_process_node_ms)} ms, node dist/bundle/ask.js without npm ${fmt(r.ask_process_direct_ms)} ms, from source under tsx ${fmt(r.ask_process_tsx_ms)} ms)`,
    );
  }
  for (const note of r.notes) lines.push(`note: ${note}`);
  return `${lines.join('\n')}\n`;
}
