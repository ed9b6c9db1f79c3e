/**
 * A function of one string, remembered for the strings it has seen (names, words and keys repeat within
 * and across articles). The memory is bounded: past `limit` entries it starts again empty, so an article
 * of a million distinct words cannot grow it without end.
 */
export function memoized<T>(compute: (key: string) => T, limit = 50_000): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) {
      if (seen.size >= limit) seen.clear();
      value = compute(key);
      seen.set(key, value);
    }
    return value as T;
  };
}
