/**
 * Fault injection for the REST side, written so a test reads as a scenario:
 *
 *   standin.faults.next({ route: /callback/, status: 429, retryAfter: 0.3 });
 *   standin.faults.next({ route: '/channels/', status: 502, times: 2 });
 *   standin.faults.next({ route: /@original/, delayMs: 800 });           // slow, then normal
 *   standin.faults.next({ route: /callback/, status: 500, phase: 'after' }); // applied, then "failed"
 *
 * Also builds Discord's rate-limit headers, which every response carries.
 */
import { createHash } from 'node:crypto';

export interface RestFaultSpec {
  /** Matched against the path below /api/v10 (RegExp.test, or substring for strings). Default: any. */
  route?: RegExp | string;
  /** Only requests with this HTTP method (case-insensitive). */
  method?: string;
  /** Response status to inject. Omit with `delayMs` for a pure delay. */
  status?: number;
  /** Seconds, for 429. Default 1. */
  retryAfter?: number;
  /** Global (true) or per-route (false, default) rate limit, for 429. */
  global?: boolean;
  /** X-RateLimit-Scope for 429: "user" (default), "global" (when global) or "shared". */
  scope?: 'user' | 'global' | 'shared';
  /** Wait this long before answering (with the injected status, or normally without one). */
  delayMs?: number;
  /** How many matching requests this fault applies to. Default 1. */
  times?: number;
  /**
   * "before" (default): the request never reaches the stand-in's logic.
   * "after": the request takes effect, then the client is told it failed — the case where a
   * retry meets "already acknowledged" or creates a duplicate message.
   */
  phase?: 'before' | 'after';
  /** Replace the default error body (JSON) for the injected status. */
  body?: unknown;
}

export interface FaultHit {
  time: number;
  method: string;
  path: string;
  status?: number;
  delayMs?: number;
  phase: 'before' | 'after';
}

export interface ArmedFault {
  readonly spec: Readonly<RestFaultSpec>;
  /** Matching requests still to be affected. */
  readonly remaining: number;
  readonly hits: readonly FaultHit[];
}

class Fault implements ArmedFault {
  remaining: number;
  hits: FaultHit[] = [];
  constructor(readonly spec: RestFaultSpec) {
    this.remaining = spec.times ?? 1;
  }
  matches(method: string, path: string): boolean {
    if (this.remaining <= 0) return false;
    if (this.spec.method && this.spec.method.toUpperCase() !== method.toUpperCase()) return false;
    const route = this.spec.route;
    if (route === undefined) return true;
    if (typeof route === 'string') return path.includes(route);
    route.lastIndex = 0; // a /g regex would otherwise remember where it stopped
    return route.test(path);
  }
}

export class FaultInjector {
  #armed: Fault[] = [];
  readonly hits: FaultHit[] = [];

  /** Arms a fault for the next matching request(s). Faults are consumed in the order armed. */
  next(spec: RestFaultSpec): ArmedFault {
    if (spec.status === undefined && spec.delayMs === undefined) {
      throw new Error('faults.next: give a status, a delayMs, or both');
    }
    const fault = new Fault(spec);
    this.#armed.push(fault);
    return fault;
  }

  /** Faults that have not been used up. */
  pending(): ArmedFault[] {
    return this.#armed.filter((fault) => fault.remaining > 0);
  }

  clear(): void {
    this.#armed = [];
  }

  /** Consumes one use of the first fault matching this request, if any. */
  take(method: string, path: string): { spec: RestFaultSpec; record(hit: FaultHit): void } | undefined {
    const fault = this.#armed.find((candidate) => candidate.matches(method, path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    return {
      spec: fault.spec,
      record: (hit) => {
        fault.hits.push(hit);
        this.hits.push(hit);
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// Rate-limit headers
// ---------------------------------------------------------------------------------------------

/** Generous numbers so discord.js never has to pre-emptively wait on a healthy route. */
const NORMAL_LIMIT = 50;

/** An opaque per-route bucket id, like Discord's X-RateLimit-Bucket. */
export function bucketFor(routeTemplate: string): string {
  return createHash('sha1').update(routeTemplate).digest('hex').slice(0, 32);
}

/** Headers on a successful response (one request spent out of a fresh window). */
export function normalRateLimitHeaders(routeTemplate: string): Record<string, string> {
  const resetAfter = 1;
  return {
    'x-ratelimit-limit': String(NORMAL_LIMIT),
    'x-ratelimit-remaining': String(NORMAL_LIMIT - 1),
    'x-ratelimit-reset': ((Date.now() + resetAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': resetAfter.toFixed(3),
    'x-ratelimit-bucket': bucketFor(routeTemplate),
  };
}

export interface TooManyRequests {
  headers: Record<string, string>;
  body: { message: string; retry_after: number; global: boolean; code?: number };
}

/** Discord's 429: JSON body plus Retry-After and the X-RateLimit-* family. */
export function tooManyRequests(
  routeTemplate: string,
  retryAfter: number,
  global: boolean,
  scope: 'user' | 'global' | 'shared' | undefined,
  headerStyle: 'exact' | 'ceil',
): TooManyRequests {
  const retryHeader = headerStyle === 'ceil' ? String(Math.ceil(retryAfter)) : String(retryAfter);
  const headers: Record<string, string> = {
    'retry-after': retryHeader,
    'x-ratelimit-limit': String(NORMAL_LIMIT),
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
    'x-ratelimit-reset-after': retryAfter.toFixed(3),
    'x-ratelimit-bucket': bucketFor(routeTemplate),
    'x-ratelimit-scope': scope ?? (global ? 'global' : 'user'),
  };
  if (global) headers['x-ratelimit-global'] = 'true';
  return {
    headers,
    body: { message: 'You are being rate limited.', retry_after: retryAfter, global },
  };
}
