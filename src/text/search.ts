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
