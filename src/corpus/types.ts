import type { Span } from '../text/offsets.js';

/** A block of the article as the reader sees it. ¶0 is the title; body paragraphs count from 1. */
export interface ArticleParagraph {
  index: number;
  kind: 'title' | 'heading' | 'body';
  /** Verbatim source text (what `span` covers). */
  text: string;
  span: Span;
}

/** A sentence with its place in the article and its exact source span. */
export interface ArticleSentence {
  /** Position in the article, 0-based, in reading order. */
  index: number;
  paragraphIndex: number;
  text: string;
  span: Span;
}

/** What a publication date rests on: stated in the file, inferred from its text, or unknown. */
export interface ArticleDate {
  /** ISO YYYY-MM-DD, or null when there is nothing to go on. */
  iso: string | null;
  inferred: boolean;
  /** One line a reporter can check, e.g. "latest date mentioned: 28 October; year from the corpus (2024)". */
  basis: string;
}

/** An article as parsed from one corpus file: plain data, no I/O. */
export interface ParsedArticle {
  /**
   * The article's key, its identifier in citations: its canonical URL when it has one, else its
   * file name within the corpus (#n when the file holds several articles).
   */
  file: string;
  /** SHA-256 of the file's bytes (of the document's text and metadata when a file holds several). */
  hash: string;
  /** The decoded file text; every span indexes it in code points. */
  source: string;
  title: string;
  section: string | null;
  publisher: string | null;
  /** Sources the publisher cites for this article (agencies, outlets). */
  cites: string[];
  url: string | null;
  byline: string | null;
  date: ArticleDate;
  paragraphs: ArticleParagraph[];
  sentences: ArticleSentence[];
}
