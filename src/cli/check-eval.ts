/**
 * npm run eval:check -- [--db FILE] [--claims FILE]: recall and precision of
 * /check's first five items on the claim set (test/fixtures/claims/claims.json),
 * with the claims that missed something.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { answerContext, openForAnswering } from '../app.js';
import { evaluateClaims, TOP } from '../answers/checkEval.js';
import { parseCliArgs } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run eval:check -- [--db FILE] [--claims FILE]';
const ClaimSet = z.array(z.object({ claim: z.string().min(1), find: z.array(z.string()), not: z.array(z.string()) }));

runMain(async () => {
  const config = loadConfig();
  const { values } = parseCliArgs(process.argv.slice(2), { db: { type: 'string' }, claims: { type: 'string' } }, USAGE);
  const db = await openForAnswering(values.db ?? config.DB_FILE, config);
  try {
    const cases = ClaimSet.parse(JSON.parse(readFileSync(values.claims ?? 'test/fixtures/claims/claims.json', 'utf8')));
    const result = evaluateClaims(answerContext(db, config), cases);
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    process.stdout.write(`${result.claims} claims · recall@${TOP} ${pct(result.recall)} · precision@${TOP} ${pct(result.precision)} · first item relevant ${pct(result.first)} · must-not shown ${result.violations}\n`);
    for (const s of result.scores) {
      if (s.missed.length === 0 && s.violations.length === 0) continue;
      process.stdout.write(`- ${s.claim}\n${s.missed.map((m) => `    missed: ${m}\n`).join('')}${s.violations.map((v) => `    must not: ${v}\n`).join('')}`);
    }
    return 0;
  } finally {
    db.close();
  }
});
