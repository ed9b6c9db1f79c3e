/**
 * Which digest window is due at `now` — a pure function of the schedule, what
 * the ledger says was last handled, and when the configuration took effect.
 *
 * A window is named by its tick: the scheduled instant it is posted for. It
 * covers the articles ingested after the previous posted window's tick (or, for
 * a guild's first digest, after the schedule's previous tick) up to its own.
 * However many ticks were missed while the bot was down, only the latest is
 * due, and its window reaches back to the last one posted: catch-up posts once.
 */
import { nextOccurrence, occurrencesBetween, previousOccurrence, type Schedule } from './schedule.js';

export interface WindowState {
  /** Tick of the newest window the ledger knows for this guild (posted, pending or superseded), ms. */
  lastTick: number | null;
  /** Tick of the newest window actually posted, ms: where the next window's content starts. */
  lastPostedTick: number | null;
  /** When the configuration (schedule, time zone) last changed: ticks before it are never due, ms. */
  activeSince: number;
  /**
   * When nothing was ever posted but windows were composed (and superseded):
   * the oldest one's start, so its content is not skipped. Undefined when the ledger is empty.
   */
  firstStart?: number | null;
}

export interface DueWindow {
  /** The tick this window is posted for, ms. */
  tick: number;
  /** Content after this instant (exclusive), ms; null = from the beginning. */
  start: number | null;
  /** How many scheduled ticks this one window stands for (1 when on time; more after downtime). */
  ticksCovered: number;
}

/** The window due at `now`, or null when the latest tick was already handled (or none has come yet). */
export function dueWindow(schedule: Schedule, state: WindowState, now: number): DueWindow | null {
  const tick = previousOccurrence(schedule, now);
  if (tick === null) return null;
  const floor = Math.max(state.lastTick ?? -Infinity, state.activeSince - 1);
  if (tick <= floor) return null;
  let start: number | null;
  if (state.lastPostedTick !== null) start = state.lastPostedTick;
  else if (state.firstStart !== undefined) start = state.firstStart;
  else {
    // A guild's first digest reaches back to the tick before the first one due since it was configured.
    const firstDue = nextOccurrence(schedule, floor) ?? tick;
    start = previousOccurrence(schedule, firstDue - 1);
  }
  return { tick, start, ticksCovered: countTicks(schedule, floor, tick) };
}

/** Ticks in (after, upTo], counted up to a cap (only shown to editors: "covers 3 scheduled digests"). */
function countTicks(schedule: Schedule, after: number, upTo: number, cap = 1000): number {
  if (!Number.isFinite(after)) return 1;
  return Math.max(1, occurrencesBetween(schedule, after, upTo, cap).length);
}

/** When the scheduler should look again after `now` (the next tick), or null if the schedule never fires again. */
export function nextTick(schedule: Schedule, now: number): number | null {
  return nextOccurrence(schedule, now);
}
