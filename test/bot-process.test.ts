/**
 * The entry points as real processes against the stand-in: `npm start` (served
 * until SIGTERM, then exit 0), `npm run start:sharded` (the ShardingManager,
 * one ingest, signals passed on), `npm run deploy-commands`, and the one-line
 * exit 2 for configuration problems. The token must never reach the output.
 */
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempIndex, type TempIndex } from './helpers/index.js';
import type { DiscordStandIn } from './standin/index.js';
import { GUILD_ID, TOKEN, eventually, newStandIn, registerCommands } from './bot-harness.js';

const ROOT = resolve(import.meta.dirname, '..');

interface Cli {
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): void;
}

function runCli(script: string, args: string[], env: Record<string, string>): Cli {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  running.push(child);
  return { stdout: () => stdout, stderr: () => stderr, exited, kill: (signal) => void child.kill(signal) };
}

let standin: DiscordStandIn;
let index: TempIndex;
const running: ReturnType<typeof spawn>[] = [];

function env(extra: Record<string, string> = {}): Record<string, string> {
  return { DISCORD_TOKEN: TOKEN, DISCORD_API_BASE: standin.urls.restBase, DB_FILE: index.dbFile, CORPUS_DIR: index.corpusDir, ...extra };
}

beforeAll(async () => {
  standin = newStandIn();
  await standin.start();
  await registerCommands(standin);
  // The processes build the index themselves; this one only lends its folders.
  index = await tempIndex({ ingest: false });
  index.db.close();
});

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  standin.assertClean();
  standin.clearRecords();
});

afterAll(async () => {
  await standin.stop();
  index.cleanup();
});

async function answersClaims(): Promise<void> {
  const response = await standin.sendCommand({ name: 'claims', options: { topic: 'troops' } }).response();
  expect(response.type).toBe(4);
  expect((response.data?.embeds as unknown[]).length).toBeGreaterThan(0);
  expect(response.data?.allowed_mentions).toEqual({ parse: [] });
}

describe('npm start', () => {
  it('ingests, serves over the gateway, and exits 0 on SIGTERM without ever printing the token', async () => {
    const identified = standin.identifies.length;
    const bot = runCli('src/cli/start.ts', [], env());
    await standin.waitFor((s) => s.identifies.length > identified, 20_000);
    await eventually(() => bot.stderr().includes('"bot started"'), 20_000);
    await answersClaims();
    bot.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('"msg":"stopped"');
    expect(bot.stderr() + bot.stdout()).not.toContain(TOKEN);
  });

  it('reports a token Discord refuses in one line and exits 2', async () => {
    const bad = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OQ.GhJkLm.not-the-right-token-at-all';
    const bot = runCli('src/cli/start.ts', [], env({ DISCORD_TOKEN: bad }));
    expect(await bot.exited).toBe(2);
    expect(bot.stderr().trim().split('\n').at(-1)).toMatch(/^DISCORD_TOKEN: Discord refused the token/);
    expect(bot.stderr()).not.toContain(bad);
  });
});

describe('npm run start:sharded', () => {
  it('ingests once in the manager, runs the shard, and passes SIGTERM on for a clean exit 0', async () => {
    const identified = standin.identifies.length;
    const manager = runCli('src/cli/sharded.ts', ['--shards', '1', '--spawn-delay', '0'], env());
    await standin.waitFor((s) => s.identifies.length > identified, 30_000).catch((e: unknown) => {
      throw new Error(`${String(e)}\n${manager.stderr()}`);
    });
    expect(standin.identifies.at(-1)?.shard).toEqual([0, 1]);
    await answersClaims();
    manager.kill('SIGTERM');
    expect(await manager.exited).toBe(0);
    expect(manager.stderr().match(/^ingest: /gm)).toHaveLength(1);
    expect(manager.stderr()).toContain('"msg":"stopped"');
    expect(manager.stderr()).not.toContain(TOKEN);
  });
});

describe('npm run deploy-commands', () => {
  it('registers the commands for the guild, fetching the application id with the token', async () => {
    const deploy = runCli('src/cli/deploy-commands.ts', [], env({ DISCORD_GUILD_ID: GUILD_ID }));
    expect(await deploy.exited).toBe(0);
    expect(deploy.stdout()).toMatch(/^Registered \d+ commands for server 300000000000000001: .*\/claims/);
    expect(standin.commands(GUILD_ID).map((c) => c.name)).toEqual(expect.arrayContaining(['claims', 'who', 'source', 'timeline', 'help']));
  });

  it('needs DISCORD_TOKEN: one line, exit 2', async () => {
    const deploy = runCli('src/cli/deploy-commands.ts', [], env({ DISCORD_TOKEN: '' }));
    expect(await deploy.exited).toBe(2);
    expect(deploy.stderr().trim()).toBe('DISCORD_TOKEN: required to register commands (the bot token from the Developer Portal → Bot)');
  });
});
