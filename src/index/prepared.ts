/**
 * What the index stores about one article, computed before the write (pipeline/prepare.ts):
 * the writers' input, defined here so the index never imports the pipeline that feeds it.
 */
import type { ParsedArticle } from '../corpus/types.js';
import type { SpeakerMention, Statement } from '../extract/types.js';

export interface PreparedStatement extends Statement {
  fingerprint: string;
}

/**
 * An article with everything the index stores about it, computed. The source text is left
 * behind: the index keeps paragraphs and sentences, and a prepared article crosses threads.
 */
export interface PreparedArticle extends Omit<ParsedArticle, 'source'> {
  /** One per sentence, in order: normalised wording shared by repeats across articles. */
  sentenceFingerprints: string[];
  statements: PreparedStatement[];
  mentions: SpeakerMention[];
  /** Where reading for statements stopped in a text denser than news (code points), or null: see Extraction. */
  readUpTo: number | null;
  /** The extractor's error when it failed on this article (indexed as text, without statements), else null. */
  extractionFailure: string | null;
}
