/**
 * Answers are plain data: what was found, verbatim, with the citations that
 * let anyone check it. One renderer turns an Answer into Discord payloads and
 * terminal text, so the two can never drift apart.
 */
import type { Span } from '../text/offsets.js';
import type { LookupName } from './registry.js';

/** Every lookup in the registry, and /digest (its own module: it pages its previews too). */
export type CommandName = LookupName | 'digest';

export interface Citation {
  /** The article's key: its canonical URL when it has one, else its path in the corpus (#n when one file holds several articles). */
  file: string;
  /** The article's URL, for a link back to the original. */
  url: string | null;
  title: string;
  publisher: string | null;
  cites: string[];
  /** ISO date, or null when unknown. */
  date: string | null;
  dateInferred: boolean;
  /** ¶k of the article (0 = title). */
  paragraph: number;
  /** Where the excerpt stands in the source file, in code points. */
  span: Span;
}

export interface FigureView {
  text: string;
  min: number;
  max: number;
  qualifier: string;
  counted: string | null;
}

/** One finding: a verbatim excerpt and every article that carries it. */
export interface AnswerItem {
  /** Verbatim from the source at citations[0].span. */
  excerpt: string;
  /** The first is the excerpt's own; the others carry the same passage (perhaps in slightly different words). */
  citations: Citation[];
  speaker?: string | null;
  stance?: string;
  kind?: string;
  cue?: string | null;
  figures?: FigureView[];
  /** When the statement was made or the event happened, if the text says. */
  eventDate?: string | null;
  /** A short remark about this item ("wording differs slightly in [2]"). */
  remark?: string;
}

/** A figure someone gave, with where to check it. render/ turns it into "3,000 soldiers — Reuters, ≈2024-10-22 (file ¶3)". */
export interface FigureRef {
  figureText: string;
  speaker: string | null;
  /** When it was given: the statement's event date, else its article's date. */
  date: string | null;
  dateInferred: boolean;
  citation: Citation;
}

/** Figures that differ for one comparable thing ("north korean troops, deployed or in training"). */
export interface FigureGroup {
  counted: string;
  entries: FigureRef[];
}

/** One side of a position change: the stance, when, and where. */
export interface StanceRef {
  stance: string;
  date: string | null;
  dateInferred: boolean;
  citation: Citation;
}

/** A speaker whose position changed (cannot confirm → confirms). */
export interface PositionChangeRef {
  speaker: string;
  from: StanceRef;
  to: StanceRef;
}

export interface AnswerSection {
  title: string;
  items: AnswerItem[];
  /** Lines shown before the items (e.g. an article's metadata), plain text that cites nothing. */
  lines?: string[];
  /** Figures that differ, as references: render/ writes them out. */
  figureGroups?: FigureGroup[];
}

export interface Answer {
  command: CommandName;
  query: string;
  title: string;
  /** One line under the title: counts, how the ranking works, what was searched. */
  summary?: string;
  sections: AnswerSection[];
  /** Notes that apply to the whole answer ("only the first 12 words were used"). */
  notes: string[];
  /** Positions that changed, shown with the notes (render/ writes them out). */
  changes?: PositionChangeRef[];
  /** What to try when nothing (or little) matched. */
  suggestions: string[];
  /** True when nothing matched. */
  empty: boolean;
}

export interface AskRequest {
  command: LookupName;
  query: string;
}
