/**
 * The citation line, the same in Discord and the terminal: [n] Title — Publisher (citing X), date, ¶k · key,
 * where the key is the article's URL or its file. In Discord an article with a URL links its title
 * to the original instead of spelling the URL out.
 */
import type { Citation, FigureRef, PositionChangeRef, StanceRef } from '../answers/types.js';
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

function afterTitle(c: Citation): string {
  const citesShown = c.cites.length > CITES_SHOWN ? [...c.cites.slice(0, CITES_SHOWN), `${c.cites.length - CITES_SHOWN} more`] : c.cites;
  const cites = c.cites.length > 0 ? ` (citing ${citesShown.join(', ')})` : '';
  const where = c.paragraph === 0 ? 'title' : `¶${c.paragraph}`;
  return ` — ${publisherOf(c)}${cites}, ${formatDate(c.date, c.dateInferred)}, ${where}`;
}

export function formatCitation(n: number, c: Citation): string {
  return `[${n}] ${shorten(c.title, CITATION_TITLE_MAX)}${afterTitle(c)} · ${c.file}`;
}

function publisherOf(c: Citation): string {
  return c.publisher ?? 'publisher not stated';
}

/** An article named by its title, publisher and date: "NATO holds … — Censor.NET, 2024-10-16". */
export function formatSource(c: Citation): string {
  return `${shorten(c.title, CITATION_TITLE_MAX)} — ${publisherOf(c)}, ${formatDate(c.date, c.dateInferred)}`;
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
  return `${escape(`[${n}] `)}[${escape(shorten(c.title, CITATION_TITLE_MAX))}](${target})${escape(`${afterTitle(c)}${key}`)}`;
}

/**
 * The citation lines under one excerpt: the first CITATIONS_SHOWN (each written by `format`), then how
 * many more articles carry the same passage (written by `note`), so a passage repeated in 80 articles
 * is one readable block, not 80 lines cut off by a message limit.
 */
export function citationLines(citations: readonly Citation[], numbers: CitationNumbers, format: (n: number, c: Citation) => string, note: (text: string) => string): string[] {
  const shown = citations.slice(0, CITATIONS_SHOWN).map((c) => format(numbers.numberOf(c), c));
  const hidden = citations.slice(CITATIONS_SHOWN);
  if (hidden.length === 0) return shown;
  const articles = new Set(hidden.map((c) => c.file)).size;
  return [...shown, note(`+ ${articles} more article${articles === 1 ? '' : 's'} with the same passage`)];
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

/** Who gave something and when: "Reuters, ≈2024-10-22". */
export function formatAttribution(speaker: string | null, date: string | null, dateInferred: boolean): string {
  return `${speaker ?? 'unattributed'}, ${formatDate(date, dateInferred)}`;
}

/** The short reference to a paragraph (the long one is formatCitation): "004_052bf8636d0ccf43.txt ¶3". */
export function formatShortRef(c: Citation): string {
  return `${c.file} ¶${c.paragraph}`;
}

/** "3,000 soldiers — Reuters, ≈2024-10-22", and "(file ¶3)" after it unless the citation is shown on its own. */
export function formatFigureRef(e: FigureRef, withRef = true): string {
  return `${e.figureText} — ${formatAttribution(e.speaker, e.date, e.dateInferred)}${withRef ? ` (${formatShortRef(e.citation)})` : ''}`;
}

function stanceLabel(stance: string): string {
  return stance.replace('-', ' ');
}

function formatStanceRef(s: StanceRef, withRef: boolean): string {
  return `"${stanceLabel(s.stance)}" (${formatDate(s.date, s.dateInferred)}${withRef ? `, ${formatShortRef(s.citation)}` : ''})`;
}

/** A position change, long (a note, with references) or short (a heading whose citations follow). */
export function formatPositionChange(c: PositionChangeRef, form: 'long' | 'short'): string {
  if (form === 'short') return `${c.speaker}: ${stanceLabel(c.from.stance)} (${formatDate(c.from.date, c.from.dateInferred)}) → ${stanceLabel(c.to.stance)} (${formatDate(c.to.date, c.to.dateInferred)})`;
  return `Position changed: ${c.speaker} went from ${formatStanceRef(c.from, true)} to ${formatStanceRef(c.to, true)}.`;
}

/** The head of a statement: "Mark Rutte · confirms · indirect · 2024-10-28 · figures: 600 troops". */
export function formatStatementHead(h: { speaker: string | null; stance?: string; kind?: string; date: string | null; dateInferred: boolean; eventDate?: boolean; figures?: string[] }): string {
  const parts = [h.speaker ?? 'unattributed'];
  if (h.stance) parts.push(h.stance);
  if (h.kind && h.kind !== 'body' && h.stance) parts.push(h.kind);
  if (h.date !== null) parts.push(h.eventDate ? `event ${h.date}` : formatDate(h.date, h.dateInferred));
  else parts.push(formatDate(null, false));
  if (h.figures && h.figures.length > 0) parts.push(`figures: ${h.figures.join('; ')}`);
  return parts.join(' · ');
}
