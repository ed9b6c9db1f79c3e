/**
 * The labelled news sets under test/fixtures/news/<set>/ (article files plus gold.json), read and
 * parsed the way ingest reads a corpus folder: the year context is the corpus's, never the gold's.
 * Used by `npm run evaluate`, `npm run explain` and the quality tests.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../paths.js';
import { corpusYear } from '../pipeline/ingest.js';
import { parseArticle, statedYear } from '../corpus/parse.js';
import type { ParsedArticle } from '../corpus/types.js';
import type { EvalCase, GoldStatement } from '../extract/evaluate.js';
import { extractStatements } from '../extract/extract.js';

export const NEWS_FIXTURES_DIR = resolve(PROJECT_ROOT, 'test/fixtures/news');

export interface GoldPerson {
  name: string;
  gender?: 'm' | 'f' | null;
  mentions?: string[];
}

export interface GoldArticle {
  file: string;
  outlet: string | null;
  style: string;
  published: string | null;
  publishedBasis: 'text' | 'filename' | 'none';
  persons: GoldPerson[];
  organisations?: string[];
  statements: (GoldStatement & { rule?: string })[];
}

export interface NewsCase {
  set: string;
  gold: GoldArticle;
  article: ParsedArticle;
}

/** A held-out set (heldout, heldout-2, …) is scored only when named, so tuning never sees it. */
export function isHeldOut(set: string): boolean {
  return set.startsWith('heldout');
}

/** Names of the sets present: dev-a, dev-b, heldout, … (a folder without its gold.json yet is still being written). */
export function newsSets(): string[] {
  return readdirSync(NEWS_FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(resolve(NEWS_FIXTURES_DIR, d.name, 'gold.json')))
    .map((d) => d.name)
    .sort();
}

export function loadNewsSet(set: string): NewsCase[] {
  const dir = resolve(NEWS_FIXTURES_DIR, set);
  const { articles } = JSON.parse(readFileSync(resolve(dir, 'gold.json'), 'utf8')) as { articles: GoldArticle[] };
  const texts = articles.map((a) => readFileSync(resolve(dir, a.file), 'utf8'));
  const contextYear = corpusYear(texts.map((t, i) => statedYear(t, articles[i]!.file)));
  return articles.map((gold, i) => ({ set, gold, article: parseArticle({ file: gold.file, text: texts[i]!, contextYear }) }));
}

/** Every case of the sets, extracted: what the evaluation and the tests score. */
export function evalCases(cases: NewsCase[]): EvalCase[] {
  return cases.map(({ gold, article }) => {
    const extraction = extractStatements({ source: article.source, paragraphs: article.paragraphs, sentences: article.sentences, date: article.date.iso });
    return { id: `${gold.file}`, source: article.source, gold: gold.statements, predicted: extraction.statements, resolved: new Set(extraction.mentions.map((m) => m.name)) };
  });
}

