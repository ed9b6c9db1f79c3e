/**
 * Seeded randomness for the benchmark corpus: sfc32 (small, fast, good enough
 * for text generation), one independent stream per (seed, purpose, index), so
 * article i is the same whatever N is, and Zipf-distributed ranks.
 */

export type Rng = () => number;

/** splitmix32: spreads a seed into well-mixed 32-bit words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A [0, 1) generator for the stream (seed, stream, index). */
export function rngFor(seed: number, stream: number, index = 0): Rng {
  const mix = splitmix32((seed * 0x27d4eb2d) ^ (stream * 0x165667b1) ^ Math.imul(index + 1, 0x9e3779b1));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next: Rng = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

export function int(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** An integer in [lo, hi]. */
export function between(rng: Rng, lo: number, hi: number): number {
  return lo + int(rng, hi - lo + 1);
}

export function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[int(rng, list.length)]!;
}

export function chance(rng: Rng, p: number): boolean {
  return rng() < p;
}

/**
 * Ranks 0..n-1 with P(r) ∝ 1 / (r + 1 + q)^s: a Zipf–Mandelbrot law, so the
 * first items of a list are common and the tail is rare.
 */
export class Zipf {
  private readonly cumulative: Float64Array;

  constructor(
    readonly n: number,
    s = 1.0,
    q = 1.0,
  ) {
    this.cumulative = new Float64Array(n);
    let total = 0;
    for (let r = 0; r < n; r++) {
      total += 1 / Math.pow(r + 1 + q, s);
      this.cumulative[r] = total;
    }
    for (let r = 0; r < n; r++) this.cumulative[r]! /= total;
  }

  sample(rng: Rng): number {
    const u = rng();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Picks from `list` with Zipf weights by position (earlier = more common). */
export class ZipfList<T> {
  private readonly zipf: Zipf;

  constructor(
    readonly items: readonly T[],
    s = 1.0,
    q = 1.0,
  ) {
    this.zipf = new Zipf(items.length, s, q);
  }

  sample(rng: Rng): T {
    return this.items[this.zipf.sample(rng)]!;
  }
}
