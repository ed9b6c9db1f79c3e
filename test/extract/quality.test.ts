/**
 * The quality bar: extraction scored against the labelled fixtures, so it cannot silently regress.
 * Figures are logged; thresholds are set below the measured values (see test/fixtures/attribution/README.md).
 */
import { describe, expect, it } from 'vitest';
import { formatReport, scoreExtraction } from '../../src/extract/evaluate.js';
import { generalCases, holdoutCases, runCases, seedCases } from './fixtures.js';

describe('extraction quality', () => {
  it('general news in other house styles: F1 ≥ 0.80, speaker accuracy ≥ 0.90', () => {
    const report = scoreExtraction(runCases(generalCases()).evalCases);
    console.log(formatReport('general news', report));
    expect(report.gold).toBeGreaterThanOrEqual(100);
    expect(report.f1).toBeGreaterThanOrEqual(0.8);
    expect(report.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('the seed articles: F1 ≥ 0.90, speaker accuracy ≥ 0.90, stance ≥ 0.90', () => {
    const report = scoreExtraction(runCases(seedCases()).evalCases);
    console.log(formatReport('seeds', report));
    expect(report.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.stanceAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(report.figureRecall).toBeGreaterThanOrEqual(0.9);
  });

  it('held-out passages: F1 ≥ 0.80, speaker accuracy ≥ 0.80', () => {
    const report = scoreExtraction(runCases(holdoutCases()).evalCases);
    console.log(formatReport('held-out', report));
    expect(report.f1).toBeGreaterThanOrEqual(0.8);
    expect(report.speakerAccuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('every gold content is verbatim in its passage', () => {
    for (const c of [...generalCases(), ...seedCases(), ...holdoutCases()]) {
      for (const g of c.gold) expect(c.input.source.includes(g.content), `${c.id}: ${g.content}`).toBe(true);
    }
  });
});
