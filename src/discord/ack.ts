/**
 * Acknowledging within Discord's 3 s. The answer is started at once; if it is
 * ready within `deferAfterMs` it is sent as the first response, otherwise the
 * interaction is deferred and the answer edited in when it comes. This only
 * works if the event loop is free while the answer is being computed, which
 * is why lookups run in worker threads (lookups.ts); a handler that must block
 * declares ack: 'defer' and is deferred before it starts.
 */
import type { MessagePayload } from '../render/discord.js';
import type { TrackedResponder } from './respond.js';

/** Default threshold: half the window, leaving room for a slow network on the defer itself. */
export const DEFAULT_DEFER_AFTER_MS = 1500;

export interface AckPolicy {
  /** ≤ 0: always defer first. */
  deferAfterMs: number;
  mode: 'auto' | 'defer';
}

/** How a kind of interaction is first answered, deferred, and edited later. */
export interface AckSteps {
  answerNow(body: MessagePayload): Promise<unknown>;
  defer(): Promise<unknown>;
  editLater(body: MessagePayload): Promise<unknown>;
}

export function commandSteps(responder: TrackedResponder, ephemeral: boolean): AckSteps {
  return {
    answerNow: (body) => responder.reply(body),
    defer: () => responder.defer(ephemeral),
    editLater: (body) => responder.editOriginal(body),
  };
}

/** A Previous/Next click replaces the message it is on. */
export function buttonSteps(responder: TrackedResponder): AckSteps {
  return {
    answerNow: (body) => responder.update(body),
    defer: () => responder.deferUpdate(),
    editLater: (body) => responder.editOriginal(body),
  };
}

export async function answerInTime(work: () => Promise<MessagePayload>, steps: AckSteps, policy: AckPolicy): Promise<void> {
  if (policy.mode === 'defer' || policy.deferAfterMs <= 0) {
    await steps.defer();
    await steps.editLater(await work());
    return;
  }
  const answer = work();
  const ready = await settledWithin(answer, policy.deferAfterMs);
  if (ready) {
    await steps.answerNow(await answer);
    return;
  }
  await steps.defer();
  await steps.editLater(await answer);
}

/** True when `promise` settles (either way) within `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
