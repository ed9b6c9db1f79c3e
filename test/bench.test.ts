/**
 * The benchmark: its corpus generator is deterministic and writes articles the
 * parser reads as news, and a tiny run completes and prints every JSON field.
 * No wall-clock assertions: figures depend on the machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPeople, DEFAULT_SEED, generateArticle, writeCorpus } from '../src/bench/generator.js';
import { budgetBound } from '../src/bench/ingestBudget.js';
import { percentile } from '../src/bench/measure.js';
import { stemsOf } from '../src/bench/terms.js';
import { transliterationVariants, typoOf } from '../src/bench/vocabulary.js';
import { parseArticle } from '../src/corpus/parse.js';

const ROOT = resolve(import.meta.dirname, '..');

describe('bench corpus generator', () => {
  it('is deterministic: same seed, same files; article i does not depend on N', () => {
    const a = mkdtempSync(join(tmpdir(), 'bench-gen-a-'));
    const b = mkdtempSync(join(tmpdir(), 'bench-gen-b-'));
    try {
      const first = writeCorpus(a, 30, 7);
      writeCorpus(b, 40, 7);
      expect(first.bytes).toBeGreaterThan(0);
      const filesA = readdirSync(a).sort();
      expect(filesA).toHaveLength(30);
      expect(readdirSync(b).sort().slice(0, 30)).toEqual(filesA);
      for (const f of filesA) expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
      expect(generateArticle(8, 3).text).not.toBe(generateArticle(7, 3).text);
      expect(generateArticle(7, 3)).toEqual(generateArticle(7, 3));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('writes articles the parser reads as news: titles, dates stated or inferred, no web chrome, every quote style', () => {
    const articles = Array.from({ length: 300 }, (_, i) => generateArticle(DEFAULT_SEED, i));
    const texts = articles.map((a) => a.text).join('\n');
    for (const a of articles) {
      const parsed = parseArticle({ file: a.file, text: a.text });
      expect(parsed.title.length).toBeGreaterThan(10);
      expect(parsed.sentences.length).toBeGreaterThanOrEqual(5);
      for (const s of parsed.sentences) expect(s.text).not.toMatch(/^(Leave a Reply|Back to top button|Related Articles|See also)\b/);
      if (a.dating === 'marker') expect(parsed.date).toMatchObject({ iso: a.date, inferred: false });
      else expect(parsed.date.inferred).toBe(true);
    }
    const dated = articles.filter((a) => a.dating === 'inferred').map((a) => parseArticle({ file: a.file, text: a.text, contextYear: 2024 }));
    expect(dated.filter((p) => p.date.iso !== null).length).toBeGreaterThan(dated.length * 0.8);
    expect(new Set(articles.map((a) => a.dating))).toEqual(new Set(['marker', 'inferred', 'none']));
    // Quote styles: curly, straight, single curly with an apostrophe inside, guillemets, a missing opening mark.
    expect(texts).toMatch(/“[^”]+” /);
    expect(texts).toMatch(/(^|\n)"[^"\n]+"/);
    expect(texts).toMatch(/‘[^’]*’s[^’]*’ /);
    expect(texts).toMatch(/«[^»]+»/);
    expect(texts).toMatch(/\n[A-Z][^"“«‘\n]+," [a-zA-Z]/);
    // Reported speech, figures in digits and words, chrome lines, repeated background.
    expect(texts).toMatch(/ said that /);
    expect(texts).toMatch(/According to /);
    expect(texts).toMatch(/\b\d{1,3},\d{3}\b/);
    expect(texts).toMatch(/\b(ten|several|two|three|five) thousand\b/);
    expect(texts).toMatch(/\nLeave a Reply\n/);
    expect(texts).toMatch(/\nBack to top button/);
    expect(texts).toMatch(/\nSee also {2}/);
    const paragraphs = texts.split('\n').filter((l) => l.length > 80);
    expect(paragraphs.length - new Set(paragraphs.map((p) => p.replace(/^(To recap, |We will remind that )/i, '').toLowerCase())).size).toBeGreaterThan(10);
  });

  it('names speakers in several spellings', () => {
    expect(transliterationVariants('Zelenskyy')).toEqual(expect.arrayContaining(['Zelensky', 'Zelenskiy']));
    expect(transliterationVariants('Kuvshynnykova')).toContain('Kuvshinnikova');
    expect(typoOf('Pylypenko', 5)).not.toBe('Pylypenko');
    const people = corpusPeople(DEFAULT_SEED);
    expect(people.length).toBeGreaterThan(1000);
    const withVariants = people.filter((p) => p.variants.length > 0);
    expect(withVariants.length).toBeGreaterThan(people.length / 2);
    const texts = Array.from({ length: 300 }, (_, i) => generateArticle(DEFAULT_SEED, i).text).join('\n');
    expect(withVariants.some((p) => texts.includes(p.canonical) && p.variants.some((v) => texts.includes(v)))).toBe(true);
  });
});

describe('bench helpers', () => {
  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([percentile(values, 50), percentile(values, 99), percentile(values, 100)]).toEqual([50, 99, 100]);
    expect(percentile([3], 99)).toBe(3);
    expect(Number.isNaN(percentile([], 50))).toBe(true);
  });

  it('bounds the ingest by its one writer and by all its work over the cores', () => {
    // Writes 7 and preparing 9 floors' worth: 2 cores take at least (9 + 7) / 2 = 8 floors.
    expect(budgetBound({ prepare: 9, write: 7, floor: 1 }, 2)).toEqual({ bound_vs_raw: 1 / 8, write_speedup_for_target: 3.5, prepare_speedup_for_target: 4.5 });
    // With more cores the writer alone is the limit: 7 floors, and preparing already fits.
    expect(budgetBound({ prepare: 9, write: 7, floor: 1 }, 16)).toMatchObject({ bound_vs_raw: 1 / 7, write_speedup_for_target: 3.5, prepare_speedup_for_target: 1 });
    // Cheap enough: the target is met and no speed-up is asked for.
    expect(budgetBound({ prepare: 1, write: 0.5, floor: 1 }, 2)).toEqual({ bound_vs_raw: 1 / 0.75, write_speedup_for_target: 1, prepare_speedup_for_target: 1 });
    // One core whose writes use the whole budget leaves nothing for preparing.
    expect(budgetBound({ prepare: 1, write: 2, floor: 1 }, 1).prepare_speedup_for_target).toBe(Number.POSITIVE_INFINITY);
  });

  it('stems words the way the index does', () => {
    expect(stemsOf(['troops', 'running', 'Kyiv'])).toEqual(new Map([['troops', 'troop'], ['running', 'run'], ['Kyiv', 'kyiv']]));
  });
});

describe('npm run bench', () => {
  it('completes a tiny run and prints every JSON field', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/bench.ts', '--articles', '50', '--reps', '2', '--startup-runs', '1', '--worst-text-kb', '8', '--json', '--quiet'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 240_000,
    });
    expect(run.stderr).not.toMatch(/Error|at .*\(/);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as Record<string, unknown>;
    const numbers = ['articles', 'corpus_mb', 'ingest_mb_s', 'raw_insert_mb_s', 'claims_p50_ms', 'claims_p99_ms', 'who_p50_ms', 'who_p99_ms', 'check_p50_ms', 'check_p99_ms', 'ranked_floor_p99_ms', 'unranked_floor_p99_ms', 'like_p99_ms', 'rss_mb'];
    for (const field of numbers) {
      expect(result, field).toHaveProperty(field);
      expect(typeof result[field], field).toBe('number');
    }
    expect(result).toHaveProperty('discord_p99_ms');
    expect(result.discord_p99_ms === null || typeof result.discord_p99_ms === 'number').toBe(true);
    expect(result.articles).toBe(50);
    // Start-up of npm run -s ask (compiled), with node alone and the tsx run alongside.
    expect(result).toMatchObject({ ask_process_runs: 1, ask_process_ms: expect.any(Number), ask_process_node_ms: expect.any(Number), ask_process_direct_ms: expect.any(Number), ask_process_tsx_ms: expect.any(Number) });
    expect(result).toMatchObject({ increment_articles: 20, add20_s: expect.any(Number), remove20_s: expect.any(Number), add20_scan_s: expect.any(Number), add20_named_s: expect.any(Number), remove20_named_s: expect.any(Number), add20_s_at_10k: null, add20_named_vs_10k: null });
    expect(result.increment_scaling).toEqual([expect.objectContaining({ articles: 50, add20_s: result.add20_s, remove20_s: result.remove20_s })]);
    // The slowest adversarial text, against the corpus's own preparing cost in the same run.
    expect(result.worst_text).toMatchObject({ bytes: 8192, s_per_mb: expect.any(Number), name: expect.any(String), vs_corpus: expect.any(Number) });
    // The people table holds exactly the generated speakers: nobody split into two, nobody merged, nobody invented.
    expect(result).toMatchObject({ people_missing: 0, people_extra: 0, people_merged: 0, people_split: 0 });
    expect(result.people_indexed).toBe(result.people_generated);
    const budget = result.ingest_budget as Record<string, number>;
    expect(budget).toMatchObject({ sample_articles: 50, cores: expect.any(Number) });
    for (const step of ['read_s_per_mb', 'parse_s_per_mb', 'extract_s_per_mb', 'fingerprint_s_per_mb', 'write_s_per_mb', 'people_vocabulary_s_per_mb', 'floor_s_per_mb']) expect(budget[step], step).toBeGreaterThan(0);
    expect(budget.bound_vs_raw).toBeGreaterThan(0);
    expect((result.terms as unknown[]).length).toBeGreaterThan(5);
    expect(result.machine).toMatchObject({ cores: expect.any(Number), node: process.version });
  }, 300_000);
});
