/**
 * The entry points as real processes, given what an operator gets wrong: every expected problem
 * is one line and exit 2, never a stack trace, and never a secret, whatever error text the
 * problem comes with.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, statSync, writeFileSync, writeSync, closeSync, copyFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempIndex, type TempIndex } from './helpers/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.red-team-secret-token-0123456789';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(script: string, args: string[], env: Record<string, string>, stdin = ''): Promise<Run> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise((done) => child.on('exit', (code) => done({ code, stdout, stderr })));
}

/** One line on stderr, exit 2, no stack, no secret. */
function expectOneLine(result: Run, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines.at(-1)).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const part of [TOKEN, ...TOKEN.split('.')]) expect(result.stderr + result.stdout).not.toContain(part);
}

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex();
  index.db.close();
});
afterAll(() => index.cleanup());

const base = () => ({ DB_FILE: index.dbFile, CORPUS_DIR: index.corpusDir });

describe('configuration problems: one line, exit 2', () => {
  it('DB_FILE a folder', async () => {
    const dir = join(index.dir, 'folder.db');
    mkdirSync(dir, { recursive: true });
    for (const script of ['src/cli/ask.ts', 'src/cli/ingest.ts', 'src/cli/export.ts']) {
      expectOneLine(await run(script, script.endsWith('export.ts') ? ['--format', 'csv'] : ['/who Rutte'], { ...base(), DB_FILE: dir }), /folder\.db is a folder, not an index file/);
    }
  }, 60_000);

  it('CORPUS_DIR missing, a file, or not a folder', async () => {
    const missing = join(index.dir, 'no-such-folder');
    const file = join(index.dir, 'a-file');
    writeFileSync(file, 'x');
    const fresh = join(index.dir, 'fresh.db');
    expectOneLine(await run('src/cli/ingest.ts', [], { ...base(), DB_FILE: fresh, CORPUS_DIR: missing }), /corpus folder .*no-such-folder does not exist: set CORPUS_DIR/);
    expectOneLine(await run('src/cli/ingest.ts', [], { ...base(), DB_FILE: fresh, CORPUS_DIR: file }), /corpus folder .*a-file is not a folder/);
    expectOneLine(await run('src/cli/start.ts', [], { ...base(), CORPUS_DIR: missing }), /corpus folder .*does not exist/);
  }, 60_000);

  it('SYNONYMS_FILE missing', async () => {
    expectOneLine(await run('src/cli/ask.ts', ['/claims troops'], { ...base(), SYNONYMS_FILE: join(index.dir, 'nope.txt') }), /^SYNONYMS_FILE: cannot read .*nope\.txt \(ENOENT\)/);
  }, 60_000);

  it('an empty corpus folder refuses to wipe the index (exit 2) unless --allow-removals', async () => {
    const empty = join(index.dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const copy = join(index.dir, 'copy.db');
    copyFileSync(index.dbFile, copy);
    expectOneLine(await run('src/cli/ingest.ts', [], { ...base(), DB_FILE: copy, CORPUS_DIR: empty }), /refusing to remove 5 of the 5 indexed articles.*--allow-removals/);
    const allowed = await run('src/cli/ingest.ts', ['--allow-removals'], { ...base(), DB_FILE: copy, CORPUS_DIR: empty });
    expect(allowed.stderr).toMatch(/5 removed/);
  }, 60_000);
});

describe('a database damaged in the middle', () => {
  it('is reported by ask, ingest and start in one line with the way to rebuild, exit 2', async () => {
    const damaged = join(index.dir, 'damaged.db');
    copyFileSync(index.dbFile, damaged);
    const size = statSync(damaged).size;
    const fd = openSync(damaged, 'r+');
    writeSync(fd, Buffer.alloc(8192, 0xab), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
    closeSync(fd);
    const hint = /damaged\.db is damaged .*mv .*damaged\.db .*damaged\.db\.bad && npm run ingest/;
    expectOneLine(await run('src/cli/ask.ts', ['/claims troops'], { ...base(), DB_FILE: damaged }), hint);
    expectOneLine(await run('src/cli/ingest.ts', [], { ...base(), DB_FILE: damaged }), hint);
    expectOneLine(await run('src/cli/start.ts', [], { ...base(), DB_FILE: damaged }, '/who Rutte\n'), hint);
  }, 60_000);
});

describe('Discord unreachable or refusing the token', () => {
  let echo: Server;
  let echoBase = '';
  beforeAll(async () => {
    // A server that refuses every request with 401 and echoes the Authorization header back in the body.
    echo = createServer((req, res) => {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: `401: Unauthorized (${req.headers.authorization ?? ''}) parts ${(req.headers.authorization ?? '').split('.').join(' ')}`, code: 0 }));
    });
    await new Promise<void>((done) => echo.listen(0, '127.0.0.1', done));
    echoBase = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/api`;
  });
  afterAll(() => new Promise<void>((done) => echo.close(() => done())));

  it('deploy-commands with a refused token: one line, the token nowhere, even when the API echoes it', async () => {
    expectOneLine(await run('src/cli/deploy-commands.ts', [], { ...base(), DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: echoBase }), /^DISCORD_TOKEN: Discord refused the token/);
  }, 60_000);

  it('DISCORD_API_BASE unreachable: one line naming it', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((done) => closed.close(() => done()));
    expectOneLine(
      await run('src/cli/deploy-commands.ts', [], { ...base(), DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `http://127.0.0.1:${port}/api` }),
      /^cannot reach Discord at http:\/\/127\.0\.0\.1:\d+\/api \(ECONNREFUSED\): check DISCORD_API_BASE/,
    );
    expectOneLine(
      await run('src/cli/start.ts', [], { ...base(), DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: `http://127.0.0.1:${port}/api` }),
      /^cannot reach Discord at .* \(ECONNREFUSED\)/,
    );
  }, 60_000);
});
