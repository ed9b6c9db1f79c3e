/**
 * Start-up as a reporter meets it: `npm run -s ask -- "/who Rutte"` end to end (npm, node, loading the
 * compiled modules, opening the index, answering) on an index of the seeds, as the median of N
 * process runs. Measured alongside, run for run: node doing nothing (the floor every process pays),
 * the compiled entry point without npm, and the same lookup from the TypeScript sources under tsx
 * (what every entry point cost before they were compiled, npm aside).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './measure.js';
import { REPO_ROOT } from './paths.js';

export interface StartupResult {
  /** Median wall time of `npm run -s ask -- "/who Rutte"`, ms. */
  askMs: number;
  /** Median of `node -e 0`. */
  nodeMs: number;
  /** Median of the compiled entry point run by node directly (npm's own start-up is the difference). */
  directMs: number;
  /** Median of the same lookup run from source: node --import tsx src/cli/ask.ts. */
  tsxMs: number;
  runs: number;
}

const LOOKUP = '/who Rutte';

function timed(command: string, args: string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(command, args, { cwd: REPO_ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${run.status}: ${(run.stderr ?? '').trim().split('\n').at(-1)}`);
  if (args.includes(LOOKUP) && !/^Mark Rutte\n/.test(run.stdout)) throw new Error(`${command} ${args.join(' ')} did not answer ${LOOKUP}`);
  return ms;
}

export function measureStartup(runs: number): StartupResult | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'newsroom-startup-'));
  try {
    const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: REPO_ROOT, encoding: 'utf8' });
    if (build.status !== 0) return { error: `the build failed: ${(build.stderr || build.stdout).trim().split('\n').at(-1)}` };
    const env = { ...process.env, DB_FILE: join(dir, 'seeds.db'), CORPUS_DIR: join(REPO_ROOT, 'seeds'), DISCORD_TOKEN: '', LOG_LEVEL: 'warn' };
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const askArgs = ['run', '-s', 'ask', '--', LOOKUP];
    timed(npm, askArgs, env); // builds the index from the seeds: not counted
    const ask: number[] = [];
    const node: number[] = [];
    const direct: number[] = [];
    const tsx: number[] = [];
    // Interleaved, so a change in the machine's load touches them all alike.
    for (let i = 0; i < runs; i++) {
      node.push(timed(process.execPath, ['-e', '0'], env));
      ask.push(timed(npm, askArgs, env));
      direct.push(timed(process.execPath, ['dist/bundle/ask.js', LOOKUP], env));
      tsx.push(timed(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', LOOKUP], env));
    }
    return { askMs: percentile(ask, 50), nodeMs: percentile(node, 50), directMs: percentile(direct, 50), tsxMs: percentile(tsx, 50), runs };
  } catch (error) {
    return { error: (error as Error).message };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
