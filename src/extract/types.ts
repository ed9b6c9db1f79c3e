/**
 * The attribution engine's contract: who said what, how, with which figures,
 * stance and date. All spans are Unicode code points into the article source.
 */
import type { ArticleParagraph, ArticleSentence } from '../corpus/types.js';
import type { Span } from '../text/offsets.js';
import type { AttributionRule, SpeakerRule } from './rules.js';

export type { ArticleParagraph, ArticleSentence, Span };

export interface ExtractionInput {
  source: string;
  paragraphs: ArticleParagraph[];
  sentences: ArticleSentence[];
  /** Article publication date, ISO YYYY-MM-DD, maybe inferred; null when unknown. */
  date: string | null;
}

export interface Extraction {
  statements: Statement[];
  mentions: SpeakerMention[];
  /**
   * Where reading for statements stopped, as a code-point offset into the article, when the text is denser in
   * paragraphs or attributions than news (the allowances in frames.ts); null when it was read whole.
   */
  readUpTo: number | null;
  /** Set only by the pipeline's guard when the extractor threw on the article: the error, in one line. */
  failure?: string;
}

export type StatementKind = 'direct' | 'indirect' | 'according-to' | 'unattributed';
export type Stance = 'asserts' | 'confirms' | 'denies' | 'cannot-confirm';
export type FigureQualifier = 'exact' | 'about' | 'at-least' | 'up-to' | 'nearly' | 'more-than' | 'several' | 'range';

export interface Figure {
  text: string;
  span: Span;
  min: number;
  max: number;
  qualifier: FigureQualifier;
  /** The thing counted: normalised lower-case head noun phrase, e.g. "north korean soldiers"; null when none follows. */
  counted: string | null;
}

export interface Statement {
  kind: StatementKind;
  /** Resolved name as the article introduced it; null for unattributed (and for non-agent sources like "available information"). */
  speaker: string | null;
  speakerType: 'person' | 'organisation' | null;
  /** The words at speakerSpan: "he", "the NATO Secretary General", "Kuvshinnikova", "available information". */
  speakerMention: string | null;
  speakerSpan: Span | null;
  /** Reporting verb or phrase as written: "said", "according to", "was stated by". */
  cue: string | null;
  cueSpan: Span | null;
  /** Exactly the source text at contentSpan. */
  content: string;
  contentSpan: Span;
  /** ¶ of the paragraph holding the content start. */
  paragraphIndex: number;
  stance: Stance;
  figures: Figure[];
  /** ISO date the statement was made, or of the event it reports; null if none. */
  eventDate: string | null;
  /** 'day' for a dated day, 'month' for "in early October" (eventDate is then the 1st); null with no date. */
  eventDatePrecision: 'day' | 'month' | null;
  /** Content is a direct quote (the words inside the marks). */
  quoted: boolean;
  /** The attribution rule that found it (src/extract/rules.ts). */
  rule: AttributionRule;
  /** The rule that chose the speaker, and what it looked at ("he → last speaker: Peter Stano"). */
  speakerRule: SpeakerRule;
  speakerVia: string | null;
}

export interface SpeakerMention {
  name: string;
  type: 'person' | 'organisation';
  /** "NATO Secretary General", "Acting Permanent Representative of Ukraine to International Organisations in Vienna". */
  roles: string[];
  /** Surface forms seen in this article: "Kuvshinnikova", "Kuvshynnykova". */
  variants: string[];
}

export interface PersonRecord {
  canonical: string;
  type: 'person' | 'organisation';
  /** Full names, surnames, spelling variants, roles. */
  aliases: string[];
  roles: string[];
}
