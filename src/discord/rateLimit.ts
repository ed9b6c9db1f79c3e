/**
 * Per-user token bucket, in memory: RATE_LIMIT_PER_MINUTE requests may come in
 * a burst, then one more each 60/N seconds. A shard or process restart forgets
 * the buckets, which only ever errs on the side of answering.
 */
export interface RateDecision {
  allowed: boolean;
  /** When not allowed: how long until one request will be. */
  retryAfterMs: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/** Buckets are pruned once the map grows past this; full buckets carry no information. */
const PRUNE_ABOVE = 10_000;

export class TokenBucketLimiter {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  readonly #clock: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(perMinute: number, clock: () => number = Date.now) {
    this.#capacity = perMinute;
    this.#refillPerMs = perMinute / 60_000;
    this.#clock = clock;
  }

  take(key: string): RateDecision {
    const now = this.#clock();
    const bucket = this.#refilled(key, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true, retryAfterMs: 0 };
    }
    return { allowed: false, retryAfterMs: Math.ceil((1 - bucket.tokens) / this.#refillPerMs) };
  }

  #refilled(key: string, now: number): Bucket {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= PRUNE_ABOVE) this.#prune(now);
      bucket = { tokens: this.#capacity, updatedAt: now };
      this.#buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.updatedAt);
    bucket.tokens = Math.min(this.#capacity, bucket.tokens + elapsed * this.#refillPerMs);
    bucket.updatedAt = now;
    return bucket;
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.#refillPerMs >= this.#capacity) this.#buckets.delete(key);
    }
  }
}
