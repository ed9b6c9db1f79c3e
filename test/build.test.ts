/**
 * The compiled entry points: every npm script that runs the product runs dist/ with plain node
 * (tsx is for development and the tests), dist/ is current after a build, and a compiled lookup
 * answers exactly as the sources do, from any working directory (migrations, synonyms and
 * commands are found from the project root, not the cwd). `npm run ask` runs the bundle of
 * dist/bundle/ (scripts/build.mjs): it must answer as the modules do and build a missing index.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { askLine } from '../src/app.js';
import { GUARDED_BYTES } from '../src/pipeline/preparePool.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
/** Development tools that stay on tsx: the bench drives the Discord stand-in, which is test code. */
const FROM_SOURCE = new Set(['bench', 'test', 'typecheck']);

let index: TempIndex;
beforeAll(async () => {
  // npm install builds (prepare); here only when a source changed since.
  const build = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: ROOT, encoding: 'utf8' });
  expect(build.status, build.stderr + build.stdout).toBe(0);
  index = await tempIndex();
}, 300_000);
afterAll(() => index?.cleanup());

describe('compiled entry points', () => {
  it('every product script runs a compiled module with node; the build runs on install and before npm start', () => {
    for (const [name, command] of Object.entries(scripts)) {
      if (FROM_SOURCE.has(name) || /build\.mjs/.test(command)) continue;
      const match = /^node (dist\/\S+\.js)$/.exec(command);
      expect(match, `${name}: ${command}`).not.toBeNull();
      expect(existsSync(join(ROOT, match![1]!)), `${name}: ${match![1]} not built`).toBe(true);
    }
    expect(scripts.prepare).toBe('node scripts/build.mjs');
    expect(scripts.prestart).toBe('node scripts/build.mjs --if-stale');
    expect(scripts['prestart:sharded']).toBe('node scripts/build.mjs --if-stale');
    expect(readFileSync(join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\/dist\/$/m);
  });

  it.each(['dist/src/cli/ask.js', 'dist/bundle/ask.js'])('a compiled ask (%s) answers as the sources do, from another working directory, without tsx', (entry) => {
    const cwd = mkdtempSync(join(tmpdir(), 'newsroom-cwd-'));
    try {
      const run = spawnSync(process.execPath, [join(ROOT, entry), '--db', index.dbFile, '/who Rutte'], {
        cwd,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', DB_READONLY: '1' },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const expected = askLine(index.ctx, '/who Rutte');
      expect('text' in expected && run.stdout).toBe('text' in expected ? expected.text : null);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });

  it('the bundled ask builds a missing index, a file large enough for its own worker thread included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-bundle-'));
    try {
      const corpus = join(dir, 'corpus');
      mkdirSync(corpus);
      for (const file of readdirSync(index.corpusDir)) writeFileSync(join(corpus, file), readFileSync(join(index.corpusDir, file)));
      // Past GUARDED_BYTES, the ingest prepares the file on a worker started from dist/bundle/prepareWorker.js.
      const seed = readFileSync(join(index.corpusDir, readdirSync(index.corpusDir)[0]!), 'utf8');
      writeFileSync(join(corpus, 'long-read.txt'), `A long read\n\n${seed.repeat(Math.ceil((GUARDED_BYTES + 1) / seed.length))}`);
      const run = spawnSync(process.execPath, [join(ROOT, 'dist/bundle/ask.js'), '--db', join(dir, 'fresh.db'), '/who Rutte'], {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', CORPUS_DIR: corpus },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/ingest: 6 files read, 6 added/);
      expect(run.stdout).toMatch(/^Mark Rutte\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a compiled ingest builds an index (its migrations found from the project root)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsroom-dist-'));
    try {
      const dbFile = join(dir, 'fresh.db');
      const run = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/ingest.js'), '--db', dbFile, '--corpus', index.corpusDir], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/ingest: 5 files read, 5 added/);
      const ask = spawnSync(process.execPath, [join(ROOT, 'dist/src/cli/ask.js'), '--db', dbFile, '/claims troops'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DB_READONLY: '1' } });
      expect(ask.status, ask.stderr).toBe(0);
      expect(ask.stdout).toMatch(/^Claims: troops\n/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
