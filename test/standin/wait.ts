/**
 * Event-driven waiting: re-check a condition whenever the stand-in's state changes, instead of
 * polling on a timer (fast and deterministic), with a deadline that fails with a useful message.
 */
import type { EventEmitter } from 'node:events';

/**
 * Resolves with the first truthy value `probe` returns, re-probing on every `change` event of
 * `emitter`. Rejects after `timeoutMs` with `describe()` in the message, or as soon as `probe`
 * throws (a probe throws to say "this can no longer happen").
 */
export function waitUntil<T>(
  emitter: EventEmitter,
  probe: () => T | undefined | null | false,
  timeoutMs: number,
  describe: () => string,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      emitter.off('change', check);
      outcome();
    };
    const check = (): void => {
      try {
        const value = probe();
        if (value) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error(`Timed out after ${timeoutMs} ms: ${describe()}`)));
    }, timeoutMs);
    emitter.on('change', check);
    check();
  });
}
