/**
 * Order of two strings by UTF-16 code units: the same order on every machine (not the locale's), and that of the
 * dates it compares in ISO form ("2024-10-14"), without loading a collator (localeCompare's first call costs a
 * process that answers one question about 8 ms).
 */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How many leading `items` satisfy `isBefore`, found by bisection: `items` are in text order and `isBefore`
 * holds for a prefix of them (people before a position, quotes ending before it, tokens starting before it).
 */
export function partitionPoint<T>(items: readonly T[], isBefore: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isBefore(items[middle]!)) low = middle + 1;
    else high = middle;
  }
  return low;
}
