/**
 * /check on 46 claims about the seeds (test/fixtures/claims/claims.json):
 * paraphrases with figures changed, people misspelt, stances negated. Each
 * names the statements it must find in the five best pieces of evidence, and
 * those it must not (Russian losses among North Korean troop counts). The
 * figures are in the README (npm run eval:check).
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateClaims, type ClaimCase } from '../src/answers/checkEval.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex();
});
afterAll(() => index.cleanup());

const cases = JSON.parse(readFileSync(new URL('./fixtures/claims/claims.json', import.meta.url), 'utf8')) as ClaimCase[];

describe('the claim set', () => {
  it('has at least 40 claims, each with something it must find', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.find.length).toBeGreaterThan(0);
  });

  it('finds nearly all the evidence in the top five, shows nothing it must not, and leads with relevant evidence', () => {
    const result = evaluateClaims(index.ctx, cases);
    expect(result.violations).toBe(0);
    expect(result.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.first).toBeGreaterThanOrEqual(0.85);
  });
});
