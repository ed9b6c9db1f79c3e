/**
 * Answer processes beyond one machine: DB_READONLY=1 processes that never write, and snapshots
 * (`npm run snapshot`, SQLite's online backup) published while an ingest writes.
 *
 * - Processes (tsx, as the tests run the sources): a read-only REPL on the file an ingest process is
 *   writing answers every line throughout; snapshots taken during that ingest are each consistent
 *   (whole batches of articles, quick_check ok) and a read-only process answers from each.
 * - A read-only process refuses every write: the entry points that write say so in one line (exit 2),
 *   a missing or older index is refused without being created or migrated, and SQLite itself refuses
 *   a write on the connection.
 * - The bot on a read-only index (real discord.js against the stand-in, lookups in worker threads)
 *   answers lookups as the writer's bot does, refuses /sources and /digest changes with a notice, runs
 *   no digest schedule or polling, and shows no paging buttons for a query too long to save.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { askPayload, openIndex } from '../src/app.js';
import { latestSchemaVersion, quickCheck } from '../src/index/database.js';
import { BATCH_ARTICLES } from '../src/pipeline/ingest.js';
import { writeCorpus } from '../src/bench/generator.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import { CHANNEL_ID, useBotSuite } from './bot-harness.js';

const ROOT = resolve(import.meta.dirname, '..');
const SEED_ARTICLES = 5;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(script: string, args: string[], env: Record<string, string>): ChildProcess & { out: () => string; err: () => string; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolveRun) => child.on('exit', (code) => resolveRun({ code, stdout, stderr })));
  return Object.assign(child, { out: () => stdout, err: () => stderr, done });
}

function run(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  const child = start(script, args, env);
  child.stdin!.end();
  return child.done;
}

function expectOneLine(result: Run, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}

const countArticles = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return { articles: db.prepare('SELECT count(*) FROM articles').pluck().get() as number, check: quickCheck(db) };
  } finally {
    db.close();
  }
};

const ANSWER = /^Mark Rutte\nRoles: NATO Secretary General/m;

describe('a read-only process answers while an ingest process writes and publishes snapshots', () => {
  let index: TempIndex;
  beforeAll(async () => {
    index = await tempIndex();
    index.db.close();
  });
  afterAll(() => index.cleanup());

  it('every line is answered during the ingest; every snapshot is whole batches, checks ok, and answers', async () => {
    const added = 2 * BATCH_ARTICLES;
    writeCorpus(index.corpusDir, added);
    const published = join(index.dir, 'published', 'newsroom.db');
    const readOnly = { DB_READONLY: '1', CORPUS_DIR: index.corpusDir };
    const first = await run('src/cli/snapshot.ts', ['--db', index.dbFile, '--out', published], {});
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^snapshot: .* → .*newsroom\.db \(.*, schema \d+, 5 articles\) in [\d.]+ s\n$/);

    // A long-lived answer process on the very file being written (WAL: it reads while the ingest commits).
    const reader = start('src/cli/start.ts', [], { ...readOnly, DB_FILE: index.dbFile });
    const ingest = start('src/cli/ingest.ts', ['--db', index.dbFile, '--corpus', index.corpusDir], {});
    ingest.stdin!.end();
    let ingesting = true;
    void ingest.done.then(() => (ingesting = false));

    let asked = 0;
    const snapshots: number[] = [];
    let duringIngest = 0;
    while (ingesting || snapshots.length === 0) {
      reader.stdin!.write('/who Mark Rutte\n');
      asked++;
      const startedDuringIngest = ingesting;
      const snapshot = await run('src/cli/snapshot.ts', ['--db', index.dbFile, '--out', published], {});
      expect(snapshot.code, snapshot.stderr).toBe(0);
      const { articles, check } = countArticles(published);
      expect(check).toBe('ok');
      // The copy is one transaction's view: the seeds plus whole batches of the ingest, never part of one.
      expect((articles - SEED_ARTICLES) % BATCH_ARTICLES).toBe(0);
      snapshots.push(articles);
      if (startedDuringIngest) duringIngest++;
      const answered = await run('src/cli/ask.ts', ['/who Mark Rutte'], { ...readOnly, DB_FILE: published });
      expect(answered.code, answered.stderr).toBe(0);
      expect(answered.stdout).toMatch(ANSWER);
    }
    const ingested = await ingest.done;
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(duringIngest).toBeGreaterThan(0);
    expect(snapshots).toEqual([...snapshots].sort((a, b) => a - b));

    // The same process, still open, reads what the ingest committed: the generated corpus has other Ruttes.
    reader.stdin!.end('/who Rutte\n');
    const served = await reader.done;
    expect(served.code, served.stderr).toBe(0);
    expect(served.stdout.match(new RegExp(ANSWER.source, 'gm'))).toHaveLength(asked);
    expect(served.stdout).toMatch(/“Rutte” fits \d+ people/);
    expect(served.stdout).not.toContain('Could not answer');

    // The last snapshot, published after the ingest, holds everything, and a new answer process finds the new articles.
    const last = await run('src/cli/snapshot.ts', ['--db', index.dbFile, '--out', published], {});
    expect(last.code, last.stderr).toBe(0);
    expect(countArticles(published).articles).toBe(SEED_ARTICLES + added);
    const before = statSync(published).mtimeMs;
    const fresh = await run('src/cli/ask.ts', ['/claims troops'], { ...readOnly, DB_FILE: published });
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stdout).toMatch(/\.txt/);
    expect(statSync(published).mtimeMs).toBe(before);
    expect(existsSync(`${published}-wal`)).toBe(false);
  }, 240_000);
});

describe('a read-only process refuses writes', () => {
  let index: TempIndex;
  beforeAll(async () => {
    index = await tempIndex();
    index.db.close();
  });
  afterAll(() => index.cleanup());

  const readOnly = () => ({ DB_READONLY: '1', DB_FILE: index.dbFile, CORPUS_DIR: index.corpusDir });

  it('the entry points that write say so in one line, exit 2, and leave the index as it was', async () => {
    const before = statSync(index.dbFile).mtimeMs;
    for (const [script, args, what] of [
      ['src/cli/ingest.ts', [], 'npm run ingest'],
      ['src/cli/sources.ts', ['add', 'https://example.org/feed.xml'], 'npm run sources -- add'],
      ['src/cli/digest.ts', ['--record'], 'npm run digest -- --record'],
    ] as const) {
      expectOneLine(await run(script, [...args], readOnly()), new RegExp(`^DB_READONLY=1: ${what.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')} writes the index, and this process only answers; run it on the writer`));
    }
    const listed = await run('src/cli/sources.ts', ['list'], readOnly());
    expect(listed.code, listed.stderr).toBe(0);
    expect(statSync(index.dbFile).mtimeMs).toBe(before);
  }, 120_000);

  it('a missing index is refused, not built; an older one is refused, not migrated', async () => {
    const missing = join(index.dir, 'replica', 'missing.db');
    expectOneLine(await run('src/cli/ask.ts', ['/who Rutte'], { ...readOnly(), DB_FILE: missing }), /^no index at .*missing\.db: build it with npm run ingest, or put a snapshot of one there \(npm run snapshot\)$/);
    expect(existsSync(missing)).toBe(false);
    expect(existsSync(join(index.dir, 'replica'))).toBe(false);

    const older = join(index.dir, 'older.db');
    copyFileSync(index.dbFile, older);
    const db = new Database(older);
    db.pragma(`user_version = ${latestSchemaVersion() - 1}`);
    db.close();
    for (const script of ['src/cli/ask.ts', 'src/cli/start.ts']) {
      expectOneLine(
        await run(script, ['/who Rutte'], { ...readOnly(), DB_FILE: older }),
        new RegExp(`older\\.db has schema version ${latestSchemaVersion() - 1}, older than this code's ${latestSchemaVersion()}: upgrade it with npm run ingest where the index is written`),
      );
    }
    const after = new Database(older, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(latestSchemaVersion() - 1);
    after.close();
  }, 120_000);

  it('SQLite itself refuses a write on a read-only connection', () => {
    const db = openIndex(index.dbFile, { readonly: true });
    try {
      expect(() => db.prepare('DELETE FROM articles').run()).toThrow(expect.objectContaining({ code: 'SQLITE_READONLY' }));
    } finally {
      db.close();
    }
  });
});

describe('the bot on a read-only index', () => {
  const suite = useBotSuite();
  const MANAGE_GUILD = 0x20n;
  const VIEW_AND_SEND = 0x400n | 0x800n;
  let readOnlyDb: ReturnType<typeof openIndex>;
  beforeAll(() => {
    readOnlyDb = openIndex(suite.index.dbFile, { readonly: true });
  });
  afterEach(() => {
    expect(suite.index.db.prepare('SELECT count(*) FROM digest_configs').pluck().get()).toBe(0);
  });
  afterAll(() => readOnlyDb.close());

  const readOnlyBot = () => suite.bot({ db: openIndex(suite.index.dbFile, { readonly: true }), env: { DB_READONLY: '1' }, workers: true });

  it('answers lookups in its worker threads exactly as the writer would', async () => {
    const { logger } = await readOnlyBot();
    const reply = await suite.standin.sendCommand({ name: 'who', options: { name: 'Rutte' } }).final();
    expect(reply).toEqual(expect.objectContaining({ embeds: askPayload(suite.ctx, { command: 'who', query: 'Rutte' }).embeds }));
    const started = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line.msg === 'bot started');
    expect(started).toMatchObject({ readonly: true });
    expect(logger.lines.join('\n')).not.toMatch(/digest scheduler|poller/i);
  });

  it('refuses /digest set and /sources add with a notice, and writes nothing', async () => {
    await readOnlyBot();
    const changes: { name: string; subcommand: string; options: Record<string, string> }[] = [
      { name: 'digest', subcommand: 'set', options: { channel: CHANNEL_ID, schedule: '0 7 * * *' } },
      { name: 'sources', subcommand: 'add', options: { url: 'https://example.org/feed.xml' } },
    ];
    for (const command of changes) {
      const reply = await suite.standin.sendCommand({ ...command, memberPermissions: MANAGE_GUILD | VIEW_AND_SEND }).final();
      expect(reply?.flags).toBe(EPHEMERAL_FLAG);
      expect(String(reply?.content)).toMatch(/read-only copy of the index, so it cannot change it here/);
    }
    expect(suite.index.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('a query too long to carry in a button is answered without buttons, since it cannot be saved', () => {
    const ctx = { ...suite.ctx, db: readOnlyDb };
    const query = 'North Korea has sent 12,000 troops to Russia, and they are training in the Kursk region according to reports';
    const payload = askPayload(ctx, { command: 'check', query });
    const writerPayload = askPayload(suite.ctx, { command: 'check', query });
    expect(writerPayload.components).not.toEqual([]);
    expect(payload.components).toEqual([]);
    expect(payload.embeds).toEqual(writerPayload.embeds);
  });
});
