/** Small synthetic articles for tests that need volume (the benchmark has the realistic generator). */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PLACES = ['Lviv', 'Odesa', 'Kharkiv', 'Dnipro', 'Poltava', 'Sumy', 'Chernihiv', 'Vinnytsia'];

/** Writes `count` plain articles (about harbours and bridges, never about troops) into `dir`. */
export function writeSyntheticArticles(dir: string, count: number, prefix = 'syn'): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const place = PLACES[i % PLACES.length]!;
    const body = Array.from(
      { length: 12 },
      (_, p) => `The harbour master in ${place} said on ${(p % 27) + 1} March 2023 that bridge ${i}-${p} would reopen after repairs costing ${p + 2},000 hryvnias. "We expect traffic to return within ${p + 1} weeks," the city council added.`,
    ).join('\n\n');
    writeFileSync(join(dir, `${prefix}_${String(i).padStart(5, '0')}.txt`), `Bridge ${i} reopens in ${place}\n\n${body}\n`);
  }
}
