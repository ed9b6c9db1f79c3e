/** Composing a digest from plain data, and splitting it into channel messages within Discord's limits. */
import { describe, expect, it } from 'vitest';
import type { StatementView } from '../src/answers/analysis.js';
import type { Citation } from '../src/answers/types.js';
import { composeDigest, digestItemKeys, type Digest, type DigestData } from '../src/digest/compose.js';
import { SECTION_KINDS } from '../src/digest/config.js';
import { DIGEST_DESCRIPTION_BUDGET, digestHeading, digestLineText, payloadProblems, renderDigestParts, renderDigestText } from '../src/digest/render.js';
import type { NewArticle } from '../src/digest/store.js';
import { escapeForDiscord } from '../src/render/escape.js';

function citation(file: string, paragraph: number, overrides: Partial<Citation> = {}): Citation {
  return { file, url: null, title: `Title of ${file}`, publisher: 'Censor.NET', cites: [], date: '2024-10-21', dateInferred: false, paragraph, span: { start: 0, end: 10 }, ...overrides };
}

function article(file: string, lead: string, overrides: Partial<Citation> = {}): NewArticle {
  return { id: Number(file.slice(0, 3)), file, hash: `hash-${file}`, ingestedAt: '2026-01-02T00:00:00.000Z', lead: { text: lead, citation: citation(file, 1, overrides) } };
}

let nextId = 1;
function statement(file: string, speaker: string, personId: number, content: string, extra: Partial<StatementView> = {}): StatementView {
  const id = nextId++;
  return {
    id,
    articleId: Number(file.slice(0, 3)),
    file,
    speaker,
    personId,
    kind: 'direct',
    stance: 'asserts',
    cue: 'said',
    content,
    quoted: true,
    figures: [],
    eventDate: null,
    fingerprint: content.toLowerCase(),
    day: 20_000,
    citation: citation(file, 2 + (id % 5)),
    ...extra,
  };
}

const WINDOW = { tick: '2026-01-02T05:00:00.000Z', start: '2026-01-01T05:00:00.000Z', timeZone: 'Europe/Kyiv', sections: SECTION_KINDS };

function sampleData(): DigestData {
  const old = statement('000_old.txt', 'Mark Rutte', 1, 'We have no evidence that North Korean troops are fighting.', {
    stance: 'cannot-confirm',
    citation: citation('000_old.txt', 3, { date: '2024-10-16' }),
    figures: [],
  });
  const oldFigure = statement('000_old.txt', 'Ukrainian intelligence', 2, 'About 10,000 soldiers are being trained.', {
    figures: [{ text: '10,000 soldiers', min: 10_000, max: 10_000, qualifier: 'about', counted: 'soldiers' }],
    citation: citation('000_old.txt', 4, { date: '2024-10-16' }),
  });
  const confirms = statement('002_new.txt', 'Mark Rutte', 1, 'I can confirm that North Korean troops have been sent to Russia.', {
    stance: 'confirms',
    citation: citation('002_new.txt', 1, { date: '2024-10-28' }),
  });
  const newFigure = statement('002_new.txt', 'Mark Rutte', 1, 'Some 12,000 soldiers have been sent.', {
    figures: [{ text: '12,000 soldiers', min: 12_000, max: 12_000, qualifier: 'some', counted: 'soldiers' }],
    citation: citation('002_new.txt', 2, { date: '2024-10-28' }),
  });
  const minor = statement('002_new.txt', 'A spokesperson', 3, 'We are monitoring the situation.', { citation: citation('002_new.txt', 5) });
  return {
    articles: [article('002_new.txt', 'NATO Secretary General Mark Rutte confirmed *the* use of <@123> North Korean soldiers.', { date: '2024-10-28' })],
    newStatements: [confirms, newFigure, minor],
    allStatements: [old, oldFigure, confirms, newFigure, minor],
    people: new Map([
      [1, { name: 'Mark Rutte', statements: 9 }],
      [2, { name: 'Ukrainian intelligence', statements: 4 }],
      [3, { name: 'A spokesperson', statements: 1 }],
    ]),
  };
}

describe('composeDigest', () => {
  it('has the four sections, every item cited, new figures and changed positions found across old and new statements', () => {
    const digest = composeDigest(sampleData(), { ...WINDOW, topPeople: 1 });
    // Most important first (SECTION_IMPORTANCE), whatever order they were chosen in.
    expect(digest.sections.map((s) => s.kind)).toEqual(['figures', 'positions', 'people', 'articles']);
    for (const section of digest.sections) for (const item of section.items) expect(item.citations.length).toBeGreaterThan(0);
    const people = digest.sections.find((s) => s.kind === 'people')!;
    expect(people.items.map((i) => digestHeading(i.head).split(' · ')[0])).toEqual(['Mark Rutte', 'Mark Rutte']);
    expect(people.omitted).toBe(1);
    const figures = digest.sections.find((s) => s.kind === 'figures')!;
    expect(figures.items[0]!.lines.map(digestLineText)).toEqual(['10,000 soldiers — Ukrainian intelligence, 2024-10-16', '12,000 soldiers — Mark Rutte, 2024-10-28']);
    const positions = digest.sections.find((s) => s.kind === 'positions')!;
    expect(digestHeading(positions.items[0]!.head)).toBe('Mark Rutte: cannot confirm (2024-10-16) → confirms (2024-10-28)');
    expect(positions.items[0]!.citations.map((c) => c.file)).toEqual(['000_old.txt', '002_new.txt']);
    expect(digest.summary).toContain('since Thu 1 Jan 2026, 07:00 (Europe/Kyiv)');
  });

  it('leaves out what the guild was already shown, and only the configured sections', () => {
    const data = sampleData();
    const first = composeDigest(data, WINDOW);
    const again = composeDigest(data, { ...WINDOW, posted: new Set(digestItemKeys(first)) });
    expect(again.empty).toBe(true);
    expect(again.emptyLine).toBe('Nothing new since Thu 1 Jan 2026, 07:00 (Europe/Kyiv).');
    const onlyArticles = composeDigest(data, { ...WINDOW, sections: ['articles'] });
    expect(onlyArticles.sections.map((s) => s.kind)).toEqual(['articles']);
  });

  it('escapes article text for Discord and never pings', () => {
    const [part] = renderDigestParts(composeDigest(sampleData(), WINDOW));
    const description = part!.payload.embeds[0]!.description!;
    expect(description).toContain('\\*the\\*');
    expect(description).not.toMatch(/<@\d/);
    expect(part!.payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('renders an empty digest as one line, or as nothing', () => {
    const empty = composeDigest({ ...sampleData(), articles: [], newStatements: [] }, WINDOW);
    expect(renderDigestParts(empty, { whenEmpty: 'line' }).map((p) => p.payload.content)).toEqual([escapeForDiscord('Nothing new since Thu 1 Jan 2026, 07:00 (Europe/Kyiv).')]);
    expect(renderDigestParts(empty, { whenEmpty: 'skip' })).toEqual([]);
    expect(renderDigestText(empty)).toBe('Nothing new since Thu 1 Jan 2026, 07:00 (Europe/Kyiv).\n');
  });
});

describe('splitting a long digest', () => {
  function longDigest(): Digest {
    const articles: NewArticle[] = [];
    for (let i = 0; i < 60; i++) {
      const file = `${String(100 + i)}_article.txt`;
      const lead = i === 7 ? 'A very long lead paragraph. '.repeat(400) : `Lead paragraph ${i} ${'with some words '.repeat(i % 9)}`;
      articles.push(article(file, lead, { title: `${'Long title '.repeat(i % 4)}number ${i}`, cites: i % 3 === 0 ? ['Interfax-Ukraine', 'Reuters'] : [] }));
    }
    const statements = articles.map((a, i) =>
      statement(a.file, `Speaker ${i % 6}`, 10 + (i % 6), i === 11 ? 'An enormous quote, '.repeat(600) : `Statement ${i} ${'and more '.repeat(i % 20)}`),
    );
    return composeDigest(
      { articles, newStatements: statements, allStatements: statements, people: new Map(statements.map((s) => [s.personId!, { name: s.speaker!, statements: s.personId! }])) },
      { ...WINDOW, statementsPerPerson: 10, topPeople: 6 },
    );
  }

  it('splits into several messages, each within Discord limits, none cut mid-item', () => {
    const digest = longDigest();
    const parts = renderDigestParts(digest);
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) {
      expect(payloadProblems(part.payload)).toEqual([]);
      expect(part.payload.embeds[0]!.description!.length).toBeLessThanOrEqual(DIGEST_DESCRIPTION_BUDGET);
      expect(part.payload.allowed_mentions).toEqual({ parse: [] });
    }
    // Every item travels whole in exactly one message: its heading and all its citation lines together.
    const keys = parts.flatMap((p) => p.itemKeys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(digestItemKeys(digest).sort());
    let index = 0;
    for (const section of digest.sections) {
      for (const item of section.items) {
        index++;
        const holder = parts.find((p) => p.itemKeys.includes(item.key))!;
        const description = holder.payload.embeds[0]!.description!;
        expect(description).toContain(`**${index}. ${escapeForDiscord(digestHeading(item.head))}**`);
        expect(description).toContain(escapeForDiscord(`] ${item.citations[0]!.title} — `));
        expect(description).toContain(escapeForDiscord(`· ${item.citations[0]!.file}`));
      }
    }
    // A section heading never ends a message: it travels with its first item.
    for (const part of parts) expect(part.payload.embeds[0]!.description!.trimEnd()).not.toMatch(/__\*\*[^\n]*\*\*__$/);
    expect(parts.map((p) => p.payload.embeds[0]!.footer!.text)).toEqual(parts.map((_, i) => `Part ${i + 1}/${parts.length} · Verbatim excerpts; ≈ marks an inferred date`));
  });

  it('shortens an excerpt too long for a message but keeps its citation', () => {
    const parts = renderDigestParts(longDigest());
    const giant = parts.find((p) => p.payload.embeds[0]!.description!.includes('A very long lead paragraph'))!;
    expect(giant.payload.embeds[0]!.description!).toMatch(/A very long lead paragraph.*…/);
    expect(giant.payload.embeds[0]!.description!).toContain('107\\_article.txt');
  });
});
