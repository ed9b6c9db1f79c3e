/**
 * How every entry point ends: expected problems (bad configuration, usage, a
 * file that is not our index) print one line and exit 2; anything else is a bug
 * and prints its stack.
 */
import { ConfigError } from '../config.js';
import { IndexOpenError } from '../index/database.js';
import { IngestBusyError } from '../pipeline/ingest.js';
import { UsageError } from './args.js';

export function runMain(main: () => Promise<number | void> | number | void): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      if (typeof code === 'number') process.exitCode = code;
    })
    .catch((error: unknown) => {
      if (error instanceof ConfigError || error instanceof UsageError || error instanceof IndexOpenError || error instanceof IngestBusyError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exitCode = 1;
    });
}
