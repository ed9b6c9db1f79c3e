/** The citation line, the same in Discord and the terminal: [n] Title — Publisher (citing X), date, ¶k · file */
import type { Citation } from '../answers/types.js';
import { shorten } from './escape.js';

export function formatDate(date: string | null, inferred: boolean): string {
  if (date === null) return 'date unknown';
  return inferred ? `≈${date}` : date;
}

/** A citation line stays one line whatever the article: its title and list of cited sources are bounded. */
export const CITATION_TITLE_MAX = 200;
const CITES_SHOWN = 4;
/** Citations shown under one excerpt; the rest are counted ("+ 72 more articles"). */
export const CITATIONS_SHOWN = 8;

export function formatCitation(n: number, c: Citation): string {
  const publisher = c.publisher ?? 'publisher not stated';
  const citesShown = c.cites.length > CITES_SHOWN ? [...c.cites.slice(0, CITES_SHOWN), `${c.cites.length - CITES_SHOWN} more`] : c.cites;
  const cites = c.cites.length > 0 ? ` (citing ${citesShown.join(', ')})` : '';
  const where = c.paragraph === 0 ? 'title' : `¶${c.paragraph}`;
  return `[${n}] ${shorten(c.title, CITATION_TITLE_MAX)} — ${publisher}${cites}, ${formatDate(c.date, c.dateInferred)}, ${where} · ${c.file}`;
}

/**
 * The citation lines under one excerpt: the first CITATIONS_SHOWN, then how many more articles
 * carry the same passage, so a passage repeated in 80 articles is one readable block, not 80
 * lines cut off by a message limit.
 */
export function citationLines(citations: readonly Citation[], numbers: CitationNumbers, line: (formatted: string) => string): string[] {
  const shown = citations.slice(0, CITATIONS_SHOWN).map((c) => line(formatCitation(numbers.numberOf(c), c)));
  const hidden = citations.slice(CITATIONS_SHOWN);
  if (hidden.length === 0) return shown;
  const articles = new Set(hidden.map((c) => c.file)).size;
  return [...shown, line(`+ ${articles} more article${articles === 1 ? '' : 's'} with the same passage`)];
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
