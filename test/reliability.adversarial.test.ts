/**
 * Adversarial article text: every text up to the size limit is prepared in time linear in its
 * size. The budget is generous (a quadratic step takes minutes on these sizes, a linear one
 * well under a second), so it fails only on a super-linear step, never on a busy machine.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { formatSummary, ingestCorpus, partlyReadReason } from '../src/pipeline/ingest.js';
import { parseArticle } from '../src/corpus/parse.js';
import { extractionPieces, guardedExtraction, prepareArticle, withFingerprints, EXTRACTION_PIECE } from '../src/pipeline/prepare.js';
import { GUARDED_BYTES } from '../src/pipeline/preparePool.js';
import { articleAttributionsAllowed, articleParagraphsAllowed, cuesAllowed } from '../src/extract/frames.js';
import { CUES } from '../src/extract/lexicon.js';
import { tokenize } from '../src/extract/tokens.js';
import { loadNewsSet, newsSets } from '../src/cli/fixtureSets.js';
import { sliceByCodePoints } from '../src/text/offsets.js';
import { tempIndex, type TempIndex } from './helpers/index.js';
import { GROWING_CASTS, growingCastText, REPEATED_UNITS as UNITS } from '../src/bench/adversarial.js';

/** Bytes of generated text per case, and the time allowed for it (≈ 80 s per MB, for a machine shared by other work: linear is ≤ 15, quadratic takes minutes). */
const BYTES = 256 * 1024;
const BUDGET_MS = 20_000;

function prepareTimed(body: string): number {
  const text = `Headline of the article\n\n${body}\n`;
  const started = performance.now();
  prepareArticle(parseArticle({ file: 'adversarial.txt', text, contextYear: 2024 }));
  return performance.now() - started;
}

describe('adversarial text is prepared in linear time', () => {
  it('long runs of one character, word, name, date, quote mark or apostrophe, alone or mixed, stay within budget', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...UNITS), { minLength: 1, maxLength: 3 }), (units) => {
        const run = units.join('');
        const body = run.repeat(Math.ceil(BYTES / Buffer.byteLength(run)));
        const ms = prepareTimed(body);
        expect(ms, `${JSON.stringify(units)} took ${ms.toFixed(0)} ms for ${BYTES} bytes`).toBeLessThan(BUDGET_MS);
      }),
      { numRuns: 6, seed: 16 },
    );
    // And each kind alone, so that none is left to chance.
    for (const unit of UNITS) {
      const ms = prepareTimed(unit.repeat(Math.ceil(BYTES / Buffer.byteLength(unit))));
      expect(ms, `${JSON.stringify(unit)} took ${ms.toFixed(0)} ms for ${BYTES} bytes`).toBeLessThan(BUDGET_MS);
    }
  }, 240_000);

  it('a text naming a new person, organisation or role holder in every sentence stays within budget (look-ups must not grow with the cast)', () => {
    // Before the entity look-ups were indexed and bounded, 256 KB of "Name Name said …" took over three minutes.
    for (const kind of Object.keys(GROWING_CASTS)) {
      const ms = prepareTimed(growingCastText(kind, BYTES));
      expect(ms, `${kind} took ${ms.toFixed(0)} ms for ${BYTES} bytes`).toBeLessThan(BUDGET_MS);
    }
  }, 240_000);

  it('the cost per byte does not grow with the length of a growing cast (linear, not quadratic)', () => {
    // CPU time of 64 KB against 256 KB of the same kind: linear work gives about 4×, quadratic 16×.
    const cpu = (body: string) => {
      const started = process.cpuUsage();
      prepareTimed(body);
      const used = process.cpuUsage(started);
      return used.user + used.system;
    };
    for (const kind of ['a new person per sentence', 'one surname, new first names', 'new people, then a pronoun']) {
      cpu(growingCastText(kind, 16 * 1024)); // warm up
      const small = cpu(growingCastText(kind, 64 * 1024));
      const large = cpu(growingCastText(kind, 256 * 1024));
      expect(large / small, `${kind}: 256 KB took ${(large / small).toFixed(1)}× the CPU of 64 KB`).toBeLessThan(8);
    }
  }, 240_000);

  it('an article denser in attributions than prose is read for them up to its allowance; a long transcript is read whole', () => {
    // 4,000 one-line turns of 25 characters: one attribution per 25 characters, four times the densest news.
    const dense = Array.from({ length: 4000 }, (_, k) => `Ann Lee${k % 10} said "yes."`).join('\n\n');
    const attack = prepareArticle(parseArticle({ file: 'dense.txt', text: `Headline\n\n${dense}\n`, contextYear: 2024 }));
    const chars = dense.length;
    expect(attack.statements.length).toBeGreaterThan(articleAttributionsAllowed(0));
    expect(attack.statements.length).toBeLessThanOrEqual(articleAttributionsAllowed(chars) + 4);
    // A long debate story: 600 quoted turns of about 150 characters, every one a statement, none dropped.
    const turns = Array.from({ length: 600 }, (_, k) => `“We will come back to the budget in a moment, because the figures you gave tonight are not the office’s figures ${k},” ${k % 2 === 0 ? 'Holt' : 'Ward'} said.`);
    const story = `Debate night\n\nLester Holt and Anna Ward met on Tuesday.\n\n${turns.join('\n\n')}\n`;
    const transcript = prepareArticle(parseArticle({ file: 'debate.txt', text: story, contextYear: 2024 }));
    expect(transcript.statements.length).toBe(600);
  });

  it('a text of thousands of tiny paragraphs is read for attributions up to its paragraph allowance', () => {
    // 100,000 one-letter paragraphs with a real attribution in every 500th: ten times as many paragraphs per MB as any news.
    const paragraphs = Array.from({ length: 100_000 }, (_, k) => (k % 500 === 0 ? `Ann Lee${k} said "yes."` : 'a'));
    const body = paragraphs.join('\n\n');
    const text = `Headline\n\n${body}\n`;
    const parsed = parseArticle({ file: 'tiny.txt', text, contextYear: 2024 });
    const prepared = prepareArticle(parsed);
    const allowed = articleParagraphsAllowed([...text].length);
    expect(prepared.statements.length).toBeGreaterThanOrEqual(articleParagraphsAllowed(0) / 500);
    expect(prepared.statements.length).toBeLessThan(100_000 / 500 / 2);
    expect(Math.max(...prepared.statements.map((s) => s.paragraphIndex))).toBeLessThanOrEqual(allowed);
    // The article is still parsed whole: the paragraphs past the allowance are indexed as text without statements.
    expect(parsed.paragraphs.length).toBeGreaterThanOrEqual(100_000);
  });

  it('no news article or paragraph in the fixtures comes near the paragraph and reporting-word allowances', () => {
    // The allowances bound the cost of text that is not prose; on news they must never bind.
    for (const set of newsSets()) {
      for (const { gold, article } of loadNewsSet(set)) {
        const chars = article.paragraphs.at(-1)?.span.end ?? 0;
        expect(article.paragraphs.length, `${set}/${gold.file}`).toBeLessThan(articleParagraphsAllowed(chars) / 2);
        for (const p of article.paragraphs) {
          const cues = tokenize(p.text).filter((t) => t.kind === 'word' && CUES.has(t.low)).length;
          expect(cues, `${set}/${gold.file} ¶${p.index}`).toBeLessThanOrEqual(cuesAllowed(p.text.length) - 4);
        }
      }
    }
  });

  it('an over-long paragraph is read in pieces that cover it exactly, each within the bound', () => {
    const text = `Title\n\n${'Abc said that troops moved on 23 October and '.repeat(400)}\n`;
    const article = parseArticle({ file: 'long.txt', text });
    const pieces = extractionPieces(article.paragraphs, article.sentences);
    const long = article.paragraphs.find((p) => p.index === 1)!;
    const own = pieces.paragraphs.filter((_, k) => pieces.paragraphOf[k] === 1);
    expect(own.length).toBeGreaterThan(1);
    expect(own[0]!.span.start).toBe(long.span.start);
    expect(own.at(-1)!.span.end).toBe(long.span.end);
    for (const [k, piece] of own.entries()) {
      if (k > 0) expect(piece.span.start).toBe(own[k - 1]!.span.end);
      expect(piece.span.end - piece.span.start).toBeLessThanOrEqual(EXTRACTION_PIECE + 100);
      expect(piece.text).toBe(sliceByCodePoints(text, piece.span));
    }
    // Statements found in pieces still cite the paragraph they come from, verbatim.
    const prepared = prepareArticle(article);
    for (const s of prepared.statements) {
      expect(s.content).toBe(sliceByCodePoints(text, s.contentSpan));
      expect(article.paragraphs.some((p) => p.index === s.paragraphIndex && p.span.start <= s.contentSpan.start && s.contentSpan.end <= p.span.end)).toBe(true);
    }
  });
});

describe('per-file preparation time limit', () => {
  let index: TempIndex | undefined;
  afterEach(() => {
    index?.cleanup();
    index = undefined;
  });

  it('a large file not prepared in time is skipped with a reason; the rest of the ingest goes on', async () => {
    index = await tempIndex({ ingest: false });
    writeFileSync(join(index.corpusDir, 'huge.txt'), `Huge\n\n${'Mark Rutte said that troops moved. '.repeat(Math.ceil((GUARDED_BYTES * 2) / 35))}\n`);
    const skipped: string[] = [];
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 5 * 1024 * 1024, threads: 0, prepareTimeoutMs: 50, onSkip: (file, reason) => skipped.push(`${file}: ${reason}`) });
    expect(skipped).toEqual([expect.stringMatching(/^huge\.txt: not prepared within the 0\.05 s limit \(PREPARE_TIMEOUT_SECONDS\); skipped$/)]);
    expect(summary.added).toBe(5);
  }, 60_000);

  it('with preparing threads too: large files are guarded, in order, and the others prepared as usual', async () => {
    index = await tempIndex({ ingest: false });
    const big = `Huge\n\n${'Mark Rutte said that troops moved. '.repeat(Math.ceil((GUARDED_BYTES * 2) / 35))}\n`;
    writeFileSync(join(index.corpusDir, '000_huge.txt'), big);
    writeFileSync(join(index.corpusDir, 'zzz_huge.txt'), big.replace('Huge', 'Huge too'));
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 5 * 1024 * 1024, threads: 2, prepareTimeoutMs: 50 });
    expect(summary.skipped.map((s) => s.file)).toEqual(['000_huge.txt', 'zzz_huge.txt']);
    expect(summary.skipped.every((s) => /not prepared within the 0\.05 s limit/.test(s.reason))).toBe(true);
    expect(summary.added).toBe(5);
  }, 60_000);

  it('an article read for statements only in part is indexed whole and named, with where reading stopped', async () => {
    index = await tempIndex({ ingest: false });
    const lines = Array.from({ length: 30_000 }, (_, k) => (k % 500 === 0 ? `Ann Lee${k} said "yes."` : 'a')).join('\n\n');
    writeFileSync(join(index.corpusDir, 'lines.txt'), `Lines\n\n${lines}\n`);
    const partly: string[] = [];
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 5 * 1024 * 1024, threads: 0, onPartlyRead: (file, reason) => partly.push(`${file}: ${reason}`) });
    expect(summary.added).toBe(6);
    expect(partly).toEqual([expect.stringMatching(/^lines\.txt: read for statements up to character \d+ of \d+ \(\d+ %\): denser in paragraphs or attributions than news; the rest is indexed as text$/)]);
    expect(summary.partlyRead.map((p) => p.file)).toEqual(['lines.txt']);
    expect(formatSummary(summary)).toMatch(/, 1 read for statements in part in /);
    // Indexed whole: the last line is found as text.
    const last = index.db.prepare("SELECT count(*) AS n FROM paragraphs p JOIN articles a ON a.id = p.article_id WHERE a.key = 'lines.txt'").get() as { n: number };
    expect(last.n).toBeGreaterThanOrEqual(30_000);
  }, 60_000);

  it('an article the extractor fails on is indexed as text without statements, and named with the error', () => {
    const article = parseArticle({ file: 'trips.txt', text: 'Title\n\nMark Rutte said that the troops had moved to the border on Monday.\n' });
    const extraction = guardedExtraction(article, () => {
      throw new TypeError("Cannot read properties of undefined (reading 'cap')");
    });
    expect(extraction).toMatchObject({ statements: [], mentions: [], readUpTo: 0 });
    const prepared = withFingerprints(article, extraction);
    expect(prepared.sentences.length).toBe(article.sentences.length);
    expect(partlyReadReason(prepared)).toBe("not read for statements: the extractor failed on it (TypeError: Cannot read properties of undefined (reading 'cap')), a bug to report; the text is indexed");
    // Without a failure, the real extractor's statements, and no reason.
    const fine = prepareArticle(article);
    expect(fine.statements.length).toBeGreaterThan(0);
    expect(partlyReadReason(fine)).toBeNull();
  });

  it('a large file prepared in time is indexed as on the writing thread', async () => {
    index = await tempIndex({ ingest: false, seeds: false });
    writeFileSync(join(index.corpusDir, 'large.txt'), `Large\n\n${'Mark Rutte said that troops moved. '.repeat(Math.ceil((GUARDED_BYTES + 1000) / 35))}\n`);
    const summary = await ingestCorpus(index.db, { corpusDir: index.corpusDir, maxBytes: 5 * 1024 * 1024, threads: 0 });
    expect(summary.added).toBe(1);
    expect(summary.skipped).toEqual([]);
  }, 60_000);
});
