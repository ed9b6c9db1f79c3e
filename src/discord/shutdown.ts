/** Cleanup to run once at shutdown, last registered first (like nested try/finally). */
import type { ShutdownHook } from './command.js';
import type { BotLog } from './log.js';

export class ShutdownHooks {
  readonly #hooks: ShutdownHook[] = [];
  #ran = false;

  add(hook: ShutdownHook): void {
    if (this.#ran) throw new Error('the bot is already shutting down');
    this.#hooks.push(hook);
  }

  /** Runs every hook; one that fails is logged and does not stop the others. */
  async runAll(log: BotLog): Promise<void> {
    this.#ran = true;
    for (const hook of this.#hooks.splice(0).reverse()) {
      try {
        await hook();
      } catch (error) {
        log.error('shutdown hook failed', { error });
      }
    }
  }
}

/** Stops the bot on SIGINT/SIGTERM; returns a function that removes the handlers. */
export function stopOnSignals(stop: (reason: string) => unknown): () => void {
  const onSignal = (signal: NodeJS.Signals) => void stop(signal);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}
