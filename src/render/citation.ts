/** The citation line, the same in Discord and the terminal: [n] Title — Publisher (citing X), date, ¶k · file */
import type { Citation } from '../answers/types.js';

export function formatDate(date: string | null, inferred: boolean): string {
  if (date === null) return 'date unknown';
  return inferred ? `≈${date}` : date;
}

export function formatCitation(n: number, c: Citation): string {
  const publisher = c.publisher ?? 'publisher not stated';
  const cites = c.cites.length > 0 ? ` (citing ${c.cites.join(', ')})` : '';
  const where = c.paragraph === 0 ? 'title' : `¶${c.paragraph}`;
  return `[${n}] ${c.title} — ${publisher}${cites}, ${formatDate(c.date, c.dateInferred)}, ${where} · ${c.file}`;
}

/** Numbers citations across an answer: the same article paragraph keeps one number. */
export class CitationNumbers {
  private readonly numbers = new Map<string, number>();

  numberOf(c: Citation): number {
    const key = `${c.file}#${c.paragraph}`;
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(key, n);
    }
    return n;
  }
}
