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

export function build() {
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
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const ifStale = process.argv.includes('--if-stale');
  const stale = staleSource();
  if (ifStale && stale === null) process.exit(0);
  if (ifStale) process.stderr.write(`build: ${stale} changed since the last build; compiling…\n`);
  process.exitCode = build();
}
