/**
 * The terminal as an attacker's article sees it: control characters never reach it raw, a file
 * name cannot forge a log line, and no single command ends the prompt.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { askLine } from '../src/app.js';
import { runRepl } from '../src/cli/repl.js';
import { terminalDigest } from '../src/digest/terminal.js';
import { quietLogger, tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex | undefined;
afterEach(() => {
  index?.cleanup();
  index = undefined;
});

const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

async function repl(ctx: TempIndex['ctx'], input: string): Promise<string> {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stdin.end(input);
  await runRepl(ctx, stdin, stdout, true);
  return out;
}

describe('control characters from articles', () => {
  it('never reach the terminal raw: ask, the prompt and the text digest show them as visible codes', async () => {
    index = await tempIndex({ ingest: false });
    const hostile = 'Harbour chief Olena Marchenko said troops \u001b[2J\u001b[31mcleared\u001b[0m the port\r OVERWRITTEN \u0007\u009b31m on 21 October 2024.';
    writeFileSync(join(index.corpusDir, 'zz_hostile.txt'), `Troops clear the port \u001b]0;pwned\u0007\n\n${hostile}\n`);
    await index.ingest();
    const asked = askLine(index.ctx, '/claims troops');
    expect('text' in asked && asked.text).toContain('\\u001b[2J');
    expect('text' in asked && RAW_CONTROL.test(asked.text)).toBe(false);
    const source = askLine(index.ctx, '/source zz_hostile.txt');
    expect('text' in source && RAW_CONTROL.test(source.text)).toBe(false);
    const prompt = await repl(index.ctx, '/source zz_hostile.txt\n/claims port\n');
    expect(prompt).toContain('\\u001b');
    expect(RAW_CONTROL.test(prompt)).toBe(false);
    const digest = terminalDigest(index.db, { since: '2024-01-01', timeZone: 'UTC' });
    expect(digest).toContain('Troops clear the port');
    expect(RAW_CONTROL.test(digest)).toBe(false);
  });

  it('a file name with a newline cannot forge a log line: it is quoted', async () => {
    index = await tempIndex({ ingest: false });
    const forged = 'x\ningest: 999 files read, 999 added, 0 updated, 0 unchanged, 0 removed in 0.01 s\n.txt';
    writeFileSync(join(index.corpusDir, forged), '');
    quietLogger.lines.length = 0;
    await index.ingest();
    const lines = quietLogger.lines.join('\n').split('\n');
    expect(lines.filter((l) => l.startsWith('ingest: 999'))).toEqual([]);
    expect(quietLogger.lines.some((l) => l.startsWith('skipped "x\\ningest: 999'))).toBe(true);
  });
});

describe('the prompt survives any one command', () => {
  it('a 60 KB /source query is answered (nothing matches) and the next command still runs', async () => {
    index = await tempIndex();
    const out = await repl(index.ctx, `/source ${'a'.repeat(60_000)}\n/who Rutte\n`);
    expect(out).toContain('Mark Rutte');
    expect(out).not.toMatch(/pattern too complex/);
  });

  it('a command that fails outright prints one line and the prompt goes on', async () => {
    index = await tempIndex();
    index.db.close(); // every lookup now throws
    const out = await repl(index.ctx, '/who Rutte\n/help\n');
    expect(out).toMatch(/Could not answer that command \(.*\); the prompt goes on\./);
    expect(out).toContain('Newsroom fact-check: commands'); // /help needs no database
  });

  it('other lookups with 60 KB of text answer instead of failing', async () => {
    index = await tempIndex();
    for (const command of ['/who', '/claims', '/timeline', '/source']) {
      for (const text of ['a'.repeat(60_000), '%_'.repeat(30_000), 'Rutte '.repeat(10_000)]) {
        expect(() => askLine(index!.ctx, `${command} ${text}`), command).not.toThrow();
      }
    }
  }, 60_000);
});

describe('npm run digest -- --since … --json --record, run twice', () => {
  it('posts nothing the second time: every section honours the ledger, people included', async () => {
    index = await tempIndex();
    const options = { since: '2024-10-01', json: true, record: true, timeZone: 'UTC' };
    const first = JSON.parse(terminalDigest(index.db, options)) as unknown[];
    expect(first.length).toBeGreaterThan(1);
    expect(JSON.stringify(first)).toMatch(/most\\\\-cited people/);
    const second = JSON.parse(terminalDigest(index.db, options)) as unknown[];
    expect(second).toEqual([]);
  });
});
