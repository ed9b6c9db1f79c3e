/** Loading the attribution fixtures and running the extractor on them (shared by tests and scripts). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArticle } from '../../src/corpus/parse.js';
import type { EvalCase, GoldStatement } from '../../src/extract/evaluate.js';
import { extractStatements } from '../../src/extract/extract.js';
import type { Extraction, ExtractionInput } from '../../src/extract/types.js';

export const FIXTURES_DIR = resolve(import.meta.dirname, '../fixtures/attribution');
export const SEEDS_DIR = resolve(import.meta.dirname, '../../seeds');

export interface SeedArticle {
  file: string;
  persons: string[];
  statements: GoldStatement[];
}

export interface GeneralPassage {
  id: string;
  style: string;
  date: string;
  persons: string[];
  paragraphs: string[];
  statements: GoldStatement[];
  traps?: string[];
}

export interface LoadedCase {
  id: string;
  input: ExtractionInput;
  gold: GoldStatement[];
  persons: string[];
  paragraphs: string[];
}

export function seedArticles(): SeedArticle[] {
  return (JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'seeds.json'), 'utf8')) as { articles: SeedArticle[] }).articles;
}

export function generalPassages(): GeneralPassage[] {
  return (JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'general.json'), 'utf8')) as { passages: GeneralPassage[] }).passages;
}

/** Seeds parsed by the corpus parser, as ingest does (year context 2024). */
export function seedCases(): LoadedCase[] {
  return seedArticles().map((a) => {
    const text = readFileSync(resolve(SEEDS_DIR, a.file), 'utf8');
    const parsed = parseArticle({ file: a.file, text, contextYear: 2024 });
    return {
      id: a.file,
      input: { source: parsed.source, paragraphs: parsed.paragraphs, sentences: parsed.sentences, date: parsed.date.iso },
      gold: a.statements,
      persons: a.persons,
      paragraphs: parsed.paragraphs.map((p) => p.text),
    };
  });
}

/** General passages: headline and paragraphs separated by blank lines, parsed like a corpus file, dated by the fixture. */
export function generalCases(): LoadedCase[] {
  return generalPassages().map(passageCase);
}

/** A passage as a corpus file: its paragraphs separated by blank lines, parsed, dated by the fixture. */
function passageCase(p: GeneralPassage): LoadedCase {
  const text = `${p.paragraphs.join('\n\n')}\n`;
  const parsed = parseArticle({ file: `${p.id}.txt`, text, contextYear: Number(p.date.slice(0, 4)) });
  return {
    id: p.id,
    input: { source: parsed.source, paragraphs: parsed.paragraphs, sentences: parsed.sentences, date: p.date },
    gold: p.statements,
    persons: p.persons,
    paragraphs: p.paragraphs,
  };
}

export function runCases(cases: LoadedCase[]): { evalCases: EvalCase[]; extractions: Map<string, Extraction> } {
  const extractions = new Map<string, Extraction>();
  const evalCases = cases.map((c) => {
    const extraction = extractStatements(c.input);
    extractions.set(c.id, extraction);
    return { id: c.id, source: c.input.source, gold: c.gold, predicted: extraction.statements };
  });
  return { evalCases, extractions };
}

/** Held-out passages (written after development on the other two sets). */
export function holdoutCases(): LoadedCase[] {
  const passages = (JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'holdout.json'), 'utf8')) as { passages: GeneralPassage[] }).passages;
  return passages.map(passageCase);
}
