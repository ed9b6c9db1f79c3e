/**
 * The attribution engine on full news articles in many house styles (test/fixtures/news): the development
 * sets and the held-out set, scored as `npm run evaluate` scores them. Thresholds sit just below the
 * measured figures, so a regression fails here; the figures themselves are in the README.
 */
import { describe, expect, it } from 'vitest';
import { evalCases, isHeldOut, loadNewsSet, newsSets } from '../../src/cli/fixtureSets.js';
import { formatReport, formatRuleTable, scoreExtraction } from '../../src/extract/evaluate.js';

const DEV_SETS = newsSets().filter((set) => !isHeldOut(set));

/** The regression set and the held-out sets (totals only), each with thresholds just below its figures. */
const SEPARATE_SETS = [
  { set: 'heldout', about: "1 December's held-out set, now a regression set", precision: 0.94, recall: 0.85, named: 0.92, any: 0.88, dates: 1 },
  { set: 'heldout-4', about: 'totals only', precision: 0.94, recall: 0.87, named: 0.92, any: 0.86, dates: 1 },
  { set: 'heldout-5', about: 'totals only; first run 2 December: named 98.3 % of 180', precision: 0.95, recall: 0.89, named: 0.96, any: 0.92, dates: 1 },
  { set: 'heldout-6', about: 'totals only; first run 2 December: named 92.6 % of 163', precision: 0.96, recall: 0.9, named: 0.91, any: 0.85, dates: 1 },
  { set: 'heldout-7', about: 'totals only; first run 2 December: named 96.0 % of 176', precision: 0.96, recall: 0.85, named: 0.94, any: 0.91, dates: 1 },
  { set: 'heldout-8', about: 'totals only; first run 2 December: named 96.4 % of 167', precision: 0.95, recall: 0.86, named: 0.94, any: 0.93, dates: 1 },
  { set: 'heldout-9', about: 'totals only; first run 2 December (second session): named 89.7 % of 184', precision: 0.95, recall: 0.89, named: 0.88, any: 0.86, dates: 0.9 },
  { set: 'heldout-10', about: 'totals only; first run 2 December (second session): named 91.3 % of 172', precision: 0.96, recall: 0.84, named: 0.9, any: 0.85, dates: 0.9 },
  { set: 'heldout-11', about: 'totals only; first run at ef2ac86: named 94.9 % of 176', precision: 0.97, recall: 0.88, named: 0.93, any: 0.89, dates: 1 },
  { set: 'heldout-12', about: 'totals only; first run at ef2ac86: named 98.4 % of 183', precision: 0.98, recall: 0.89, named: 0.97, any: 0.92, dates: 1 },
  { set: 'heldout-13', about: 'totals only; first run at ef2ac86: named 92.6 % of 204', precision: 0.97, recall: 0.92, named: 0.91, any: 0.88, dates: 1 },
  { set: 'heldout-14', about: 'totals only; first run at ef2ac86: named 94.1 % of 187', precision: 0.95, recall: 0.91, named: 0.93, any: 0.85, dates: 0.8 },
  { set: 'heldout-15', about: 'totals only; first run at 10f0cbf: named 94.6 % of 276', precision: 0.95, recall: 0.9, named: 0.93, any: 0.91, dates: 0.9 },
  { set: 'heldout-16', about: 'totals only; first run at 10f0cbf: named 91.6 % of 263', precision: 0.97, recall: 0.86, named: 0.91, any: 0.89, dates: 1 },
  { set: 'heldout-17', about: 'totals only; first run at b8db266: named 92.8 % of 250', precision: 0.95, recall: 0.88, named: 0.92, any: 0.88, dates: 1 },
  { set: 'heldout-18', about: 'totals only; first run at f6f005a: named 94.7 % of 225 (precision 88.8 % since the relative-aside rule of 3 December)', precision: 0.88, recall: 0.89, named: 0.94, any: 0.88, dates: 1 },
  { set: 'heldout-19', about: 'totals only; first run at 55b0c2e: named 96.3 % of 217', precision: 0.95, recall: 0.9, named: 0.95, any: 0.91, dates: 0.84 },
  { set: 'heldout-20', about: 'totals only; first run at 4bdf5db: named 97.3 % of 263', precision: 0.91, recall: 0.95, named: 0.96, any: 0.93, dates: 1 },
  { set: 'heldout-21', about: 'totals only; first run at 4da7fe4: named 90.5 % of 221', precision: 0.94, recall: 0.91, named: 0.88, any: 0.87, dates: 1 },
  { set: 'heldout-22', about: 'totals only; first run at 4da7fe4: named 97.9 % of 285', precision: 0.94, recall: 0.92, named: 0.97, any: 0.95, dates: 1 },
  { set: 'heldout-23', about: 'totals only; first run at 624ccff: named 93.8 % of 241', precision: 0.97, recall: 0.9, named: 0.93, any: 0.87, dates: 1 },
  { set: 'heldout-24', about: 'totals only; first run at 624ccff: named 96.5 % of 226', precision: 0.92, recall: 0.9, named: 0.96, any: 0.92, dates: 0.84 },
  { set: 'heldout-25', about: 'totals only; first run at a0a70ee: named 93.4 % of 182', precision: 0.93, recall: 0.92, named: 0.93, any: 0.87, dates: 1 },
  { set: 'heldout-26', about: 'totals only; first run at 09a7e68: named 97.1 % of 238', precision: 0.93, recall: 0.89, named: 0.96, any: 0.88, dates: 1 },
  { set: 'heldout-27', about: 'totals only; first run at 09a7e68: named 95.6 % of 295', precision: 0.94, recall: 0.94, named: 0.95, any: 0.91, dates: 1 },
  { set: 'heldout-28', about: 'totals only; first run at 9d0b9c5: named 97.6 % of 246', precision: 0.97, recall: 0.89, named: 0.96, any: 0.93, dates: 0.92 },
  { set: 'heldout-29', about: 'totals only; first run at 24383e9: named 93.6 % of 219', precision: 0.91, recall: 0.96, named: 0.92, any: 0.89, dates: 1 },
  { set: 'heldout-30', about: 'totals only; first run at 9c3803f: named 97.0 % of 267', precision: 0.94, recall: 0.93, named: 0.96, any: 0.9, dates: 0.92 },
  { set: 'heldout-31', about: 'totals only; first run at 9c3803f: named 95.8 % of 308', precision: 0.96, recall: 0.95, named: 0.95, any: 0.92, dates: 1 },
  { set: 'heldout-32', about: 'totals only; first run at 31d4a2b: named 96.3 % of 269', precision: 0.93, recall: 0.95, named: 0.96, any: 0.92, dates: 0.92 },
  { set: 'heldout-33', about: 'totals only; first run at 31d4a2b: named 96.8 % of 282', precision: 0.92, recall: 0.92, named: 0.96, any: 0.9, dates: 0.92 },
  { set: 'heldout-34', about: 'totals only; first run at 69520a4: named 97.8 % of 273', precision: 0.91, recall: 0.95, named: 0.97, any: 0.94, dates: 1 },
  { set: 'heldout-35', about: 'totals only; first run at 69520a4: named 97.2 % of 250', precision: 0.95, recall: 0.86, named: 0.96, any: 0.93, dates: 0.92 },
  { set: 'heldout-36', about: 'totals only; first run at d8a2403: named 96.3 % of 243', precision: 0.96, recall: 0.93, named: 0.95, any: 0.92, dates: 1 },
  { set: 'heldout-37', about: 'totals only; first run at d8a2403: named 96.5 % of 230', precision: 0.94, recall: 0.9, named: 0.95, any: 0.9, dates: 1 },
  { set: 'heldout-38', about: 'totals only; first run at 17e7869: named 96.0 % of 250', precision: 0.93, recall: 0.92, named: 0.95, any: 0.9, dates: 1 },
  { set: 'heldout-39', about: 'totals only; first run at 17e7869: named 98.5 % of 194', precision: 0.95, recall: 0.87, named: 0.97, any: 0.93, dates: 0.92 },
];

describe('news articles in many house styles', () => {
  // "Any speaker right" was 0.95 over dev-a … dev-i; dev-l and dev-m (world politics, business and sport, added
  // 2 December, 92 % and 80 % named at their first runs) brought the whole set to 0.949.
  // dev-p and dev-q (trap-dense sport, culture, courts and local government, added in the second session of 2 December;
  // named 89.0 % and 96.7 % at their first runs) brought recall over the whole set from 0.914 to 0.908.
  // dev-zf and dev-zg (US regional politics and Canadian news, 3 December; precision 95.6 % and 93.7 % at their first
  // runs, mostly headlines and standfirsts their gold leaves out) brought precision from 0.960 to 0.9597.
  // dev-zh (US national political copy, 3 December; any speaker right 85.8 % at its first run) brought "any speaker
  // right" to 0.939, 0.940 after the rules it led to.
  it('development sets: precision ≥ 0.955, recall ≥ 0.90, named speakers right ≥ 0.97, any speaker right ≥ 0.935', () => {
    const report = scoreExtraction(DEV_SETS.flatMap((set) => evalCases(loadNewsSet(set))));
    console.log(`${formatReport('news development sets', report)}\n${formatRuleTable('attribution rule', report.byRule)}`);
    expect(report.gold).toBeGreaterThanOrEqual(3900);
    expect(report.precision).toBeGreaterThanOrEqual(0.955);
    expect(report.recall).toBeGreaterThanOrEqual(0.9);
    expect(report.namedSpeakerPrecision).toBeGreaterThanOrEqual(0.97);
    expect(report.anySpeakerPrecision).toBeGreaterThanOrEqual(0.935);
  });

  it.each(SEPARATE_SETS)('$set ($about): precision ≥ $precision, recall ≥ $recall, named speakers right ≥ $named, any speaker right ≥ $any', ({ set, precision, recall, named, any }) => {
    const report = scoreExtraction(evalCases(loadNewsSet(set)));
    console.log(formatReport(`news set ${set}`, report));
    expect(report.precision).toBeGreaterThanOrEqual(precision);
    expect(report.recall).toBeGreaterThanOrEqual(recall);
    expect(report.namedSpeakerPrecision).toBeGreaterThanOrEqual(named);
    expect(report.anySpeakerPrecision).toBeGreaterThanOrEqual(any);
  });

  it.each(SEPARATE_SETS)('$set: publication dates right for ≥ $dates of the articles that state one or name it in the file', ({ set, dates }) => {
    const dated = loadNewsSet(set).filter(({ gold }) => gold.published !== null);
    const right = dated.filter(({ gold, article }) => article.date.iso === gold.published && (gold.publishedBasis !== 'filename' || article.date.inferred));
    expect(right.length / dated.length).toBeGreaterThanOrEqual(dates);
  });

  // Held-out sets are scored on totals above, so a first run reads no article's answer.
  it('publication dates (development sets): right for every article that states one or names it in the file, and marked ≈ when taken from the file name', () => {
    for (const set of DEV_SETS) {
      for (const { gold, article } of loadNewsSet(set)) {
        if (gold.published !== null) expect(article.date.iso, gold.file).toBe(gold.published);
        if (gold.publishedBasis === 'filename') expect(article.date, gold.file).toMatchObject({ inferred: true, basis: expect.stringContaining('file name') });
      }
    }
  });

  it('every gold content is verbatim in its article', () => {
    for (const set of newsSets()) {
      for (const { gold, article } of loadNewsSet(set)) {
        for (const g of gold.statements) expect(article.source.includes(g.content), `${gold.file}: ${g.content}`).toBe(true);
      }
    }
  });
});
