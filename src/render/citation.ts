/**
 * The citation line, the same in Discord and the terminal: [n] Title — Publisher (citing X), date, ¶k · key,
 * where the key is the article's URL or its file. In Discord an article with a URL links its title
 * to the original instead of spelling the URL out.
 */
import type { Citation } from '../answers/types.js';

export function formatDate(date: string | null, inferred: boolean): string {
  if (date === null) return 'date unknown';
  return inferred ? `≈${date}` : date;
}

function afterTitle(c: Citation): string {
  const publisher = c.publisher ?? 'publisher not stated';
  const cites = c.cites.length > 0 ? ` (citing ${c.cites.join(', ')})` : '';
  const where = c.paragraph === 0 ? 'title' : `¶${c.paragraph}`;
  return ` — ${publisher}${cites}, ${formatDate(c.date, c.dateInferred)}, ${where}`;
}

export function formatCitation(n: number, c: Citation): string {
  return `[${n}] ${c.title}${afterTitle(c)} · ${c.file}`;
}

/** A URL safe inside a markdown link: http(s) only, and nothing that could close the link early. */
export function linkTarget(url: string | null): string | null {
  if (url === null || !/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url).href.replace(/[()<>\s]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  } catch {
    return null;
  }
}

/** The citation line for Discord: text escaped, and the title a link to the original when the article has a URL. */
export function formatCitationLinked(n: number, c: Citation, escape: (text: string) => string): string {
  const target = linkTarget(c.url);
  if (target === null) return escape(formatCitation(n, c));
  const key = c.file === c.url ? '' : ` · ${c.file}`;
  return `${escape(`[${n}] `)}[${escape(c.title)}](${target})${escape(`${afterTitle(c)}${key}`)}`;
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
