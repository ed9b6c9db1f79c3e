/**
 * npm run bench -- [--articles N] [--json] [--seed S] [--reps R] [--workdir DIR] [--keep] [--reuse] [--no-discord] [--startup-runs N] [--worst-text-kb N]
 * Generates a synthetic news corpus, ingests it through the product, and times
 * lookups against floors measured in the same run. Progress goes to stderr.
 */
import { renderReport } from '../bench/report.js';
import { runBench } from '../bench/run.js';
import { parseCliArgs, UsageError } from './args.js';
import { runMain } from './main.js';

const USAGE = 'usage: npm run bench -- [--articles N] [--json] [--seed S] [--reps R] [--workdir DIR] [--keep] [--reuse] [--no-discord] [--startup-runs N] [--worst-text-kb N] [--quiet]';

function positiveInt(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name}: expected a positive whole number, got "${value}"\n${USAGE}`);
  return n;
}

runMain(async () => {
  const { values } = parseCliArgs(
    process.argv.slice(2),
    {
      articles: { type: 'string' },
      json: { type: 'boolean' },
      seed: { type: 'string' },
      reps: { type: 'string' },
      workdir: { type: 'string' },
      keep: { type: 'boolean' },
      reuse: { type: 'boolean' },
      'no-discord': { type: 'boolean' },
      'startup-runs': { type: 'string' },
      'worst-text-kb': { type: 'string' },
      quiet: { type: 'boolean' },
    },
    USAGE,
  );
  const started = performance.now();
  const result = await runBench({
    articles: positiveInt('articles', values.articles, 10_000),
    ...(values.seed !== undefined ? { seed: positiveInt('seed', values.seed, 1) } : {}),
    reps: positiveInt('reps', values.reps, 20),
    ...(values.workdir !== undefined ? { workdir: values.workdir } : {}),
    keep: values.keep ?? false,
    reuse: values.reuse ?? false,
    skipDiscord: values['no-discord'] ?? false,
    // 0 skips the start-up runs.
    startupRuns: values['startup-runs'] === '0' ? 0 : positiveInt('startup-runs', values['startup-runs'], 10),
    worstTextKb: values['worst-text-kb'] === '0' ? 0 : positiveInt('worst-text-kb', values['worst-text-kb'], 256),
    log: values.quiet ? () => {} : (line) => process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : renderReport(result));
  return 0;
});
