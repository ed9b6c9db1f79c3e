/**
 * How every entry point ends: expected problems (bad configuration, usage, an index file that is
 * not ours or is damaged, a missing corpus folder, Discord unreachable or refusing the token)
 * print one line and exit 2; anything else is a bug and prints its stack. Either way the
 * configured secrets are redacted from what is printed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../config.js';
import { CorpusDirError } from '../corpus/errors.js';
import { damagedIndexMessage, IndexOpenError, isDamagedIndexError } from '../index/database.js';
import { LeaseLostError } from '../index/leases.js';
import { stderrLog } from '../log.js';
import { IngestBusyError, RemovalRefusedError } from '../pipeline/errors.js';
import { UsageError } from './args.js';
import { CODE_ROOT, PROJECT_ROOT } from '../paths.js';

const ONE_LINE_ERRORS = [ConfigError, UsageError, IndexOpenError, IngestBusyError, RemovalRefusedError, LeaseLostError, CorpusDirError];

/** Network failures that mean "cannot reach the server", wherever they sit in the cause chain. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let e: unknown = error; e !== undefined && e !== null && chain.length < 8; e = (e as { cause?: unknown }).cause) chain.push(e);
  return chain;
}

/** The one line for a problem the user can fix, or null for a bug. */
export function expectedProblem(error: unknown, env: NodeJS.ProcessEnv = process.env): string | null {
  if (ONE_LINE_ERRORS.some((kind) => error instanceof kind)) return (error as Error).message;
  if (isDamagedIndexError(error)) return damagedIndexMessage(error as Error);
  const network = causes(error)
    .map((e) => (e as { code?: unknown }).code)
    .find((code): code is string => typeof code === 'string' && UNREACHABLE.has(code));
  if (network !== undefined) return `cannot reach Discord at ${env.DISCORD_API_BASE || 'https://discord.com/api'} (${network}): check DISCORD_API_BASE and the network`;
  const status = (error as { status?: unknown }).status;
  const code = (error as { code?: unknown }).code;
  if (status === 401 || code === 'TokenInvalid') return 'DISCORD_TOKEN: Discord refused the token (401 Unauthorized); copy it again from the Developer Portal → Bot → Reset Token';
  if (typeof status === 'number' && (error as Error).name?.startsWith('DiscordAPIError')) {
    return `Discord refused the request (${status}): ${(error as Error).message.split('\n')[0]}`;
  }
  return null;
}

/**
 * A compiled entry point run after a source changed would answer with the old code: say so, once.
 * (npm start and start:sharded rebuild by themselves; scripts/build.mjs holds the one check.)
 */
async function warnIfBuildStale(): Promise<void> {
  const script = join(PROJECT_ROOT, 'scripts/build.mjs');
  // From source under tsx there is no build to be stale; a deployed dist/ may come without the build script.
  if (CODE_ROOT === PROJECT_ROOT || !existsSync(script)) return;
  const { staleSource } = (await import(pathToFileURL(script).href)) as { staleSource(root: string): string | null };
  const changed = staleSource(PROJECT_ROOT);
  if (changed !== null) stderrLog.warn(`dist/ is older than ${changed}: run npm run build (this process runs the code built before)`);
}

export function runMain(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(warnIfBuildStale)
    .then(main)
    .then((code) => {
      if (typeof code === 'number') process.exitCode = code;
    })
    .catch((error: unknown) => {
      // Through the one logger, which redacts the configured secrets from every line.
      const line = expectedProblem(error);
      if (line !== null) {
        stderrLog.error(line);
        process.exitCode = 2;
        return;
      }
      stderrLog.error((error as Error).stack ?? String(error));
      process.exitCode = 1;
    });
}
