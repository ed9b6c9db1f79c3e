/** The answers on the five seed articles: what a reporter asks, and what a fact-checker must get back. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, type LookupName } from '../src/answers/index.js';
import type { Answer, AnswerItem } from '../src/answers/types.js';
import { CSV_COLUMNS, csvHeader, csvLine, toClaimReview, toExportRecord } from '../src/answers/export.js';
import { iterateExportRows } from '../src/index/statements.js';
import { nameChoices, articleChoices } from '../src/answers/autocomplete.js';
import { sliceByCodePoints } from '../src/text/offsets.js';
import { renderText } from '../src/render/text.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex();
});
afterAll(() => index.cleanup());

const ask = (command: LookupName, query: string) => answer(index.ctx, { command, query });
const items = (a: Answer): AnswerItem[] => a.sections.flatMap((s) => s.items);
const files = (item: AnswerItem) => item.citations.map((c) => c.file).sort();

function assertVerbatim(a: Answer): void {
  for (const item of items(a)) {
    for (const citation of item.citations.slice(0, 1)) {
      const source = readFileSync(join(index.corpusDir, citation.file), 'utf8');
      expect(sliceByCodePoints(source, citation.span)).toBe(item.excerpt);
    }
  }
}

describe('/who', () => {
  it('Kuvshinnikova: three spellings are one person, with roles and every statement of seed 001', () => {
    for (const spelling of ['Kuvshinnikova', 'Kuvshynnykova', 'Kuvshynnikova', 'kuvshinikova', 'Victoria Kuvshynnykova']) {
      const a = ask('who', spelling);
      expect(a.title).toBe('Victoria Kuvshynnykova');
      expect(items(a).length).toBe(8);
      expect(a.summary).toMatch(/Acting Permanent Representative of Ukraine to International Organisations in Vienna/);
      expect(a.summary).toMatch(/Kuvshinnikova/);
    }
    const a = ask('who', 'Kuvshinnikova');
    expect(items(a).every((i) => i.citations[0]!.file === '001_1be755a8a575e7b4.txt')).toBe(true);
    expect(items(a).map((i) => i.excerpt).join(' ')).toMatch(/2-3 thousand people/);
    assertVerbatim(a);
  });

  it('Zelensky finds Volodymyr Zelenskyy across four articles, in date order, repeats merged', () => {
    const a = ask('who', 'Zelensky');
    expect(a.title).toBe('Volodymyr Zelenskyy');
    const list = items(a);
    expect(new Set(list.flatMap(files))).toEqual(new Set(['000_e8018e16b81195cd.txt', '002_852c7ea92689125f.txt', '003_546e318d620879e9.txt', '004_052bf8636d0ccf43.txt']));
    const tenThousand = list.filter((i) => /ten thousand North Korean/.test(i.excerpt));
    expect(tenThousand).toHaveLength(1);
    expect(files(tenThousand[0]!)).toEqual(['000_e8018e16b81195cd.txt', '002_852c7ea92689125f.txt']);
    const dates = list.map((i) => i.eventDate ?? i.citations[0]!.date ?? '');
    expect([...dates].sort()).toEqual(dates);
    assertVerbatim(a);
  });

  it('Rutte: could not confirm (16 Oct) then confirmed (28 Oct), and the answer says his position changed', () => {
    const a = ask('who', 'Rutte');
    expect(a.title).toBe('Mark Rutte');
    expect(a.summary).toMatch(/NATO Secretary General/);
    const stances = items(a).map((i) => i.stance);
    expect(stances).toContain('cannot confirm');
    expect(stances).toContain('confirms');
    expect(stances.indexOf('cannot confirm')).toBeLessThan(stances.indexOf('confirms'));
    expect(renderText(a)).toMatch(/Position changed: Mark Rutte went from "cannot confirm" \(2024-10-16.*to "confirms" \(2024-10-28/);
    // "the NATO Secretary General said" and "he added" resolve to him.
    expect(items(a).some((i) => i.excerpt.startsWith('Today, I can confirm'))).toBe(true);
    assertVerbatim(a);
  });

  it('a small typo or a role still finds the person; an unknown name says so and suggests the nearest', () => {
    expect(ask('who', 'Rute').title).toBe('Mark Rutte');
    expect(ask('who', 'Budanov').title).toBe('Kyrylo Budanov');
    const unknown = ask('who', 'Putinn');
    expect(unknown.empty).toBe(true);
    expect(unknown.suggestions.join(' ')).toMatch(/putin/i);
  });

  it('autocomplete offers people from the index, at most 25, within Discord limits', () => {
    const choices = nameChoices(index.ctx, 'kuv');
    expect(choices[0]!.value).toBe('Victoria Kuvshynnykova');
    const all = nameChoices(index.ctx, '');
    expect(all.length).toBeGreaterThan(5);
    expect(all.length).toBeLessThanOrEqual(25);
    for (const c of [...all, ...articleChoices(index.ctx, '')]) {
      expect(c.name.length).toBeLessThanOrEqual(100);
      expect(c.value.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('/claims', () => {
  it('troops: statements grouped by stance, unattributed reports apart, and the competing troop figures', () => {
    const a = ask('claims', 'troops');
    const titles = a.sections.map((s) => s.title);
    expect(titles[0]).toBe('Figures differ');
    expect(titles).toEqual(expect.arrayContaining(['Confirms', 'Cannot confirm', 'Denies', 'Asserts', 'Unattributed reports']));
    const figures = renderText(a);
    for (const expected of [
      /ten thousand North Korean (troops|soldiers) — Volodymyr Zelenskyy, 2024-10-17/,
      /nearly 11,000 soldiers — Kyrylo Budanov/,
      /at least 3,000 North Korean soldiers — Reuters/,
      /Three thousand North Korean troops — Victoria Kuvshynnykova/,
      /about 12,000 North Korean military personnel/,
    ]) expect(figures).toMatch(expected);
    // Zelenskyy's figure is repeated in two articles but listed once.
    expect(figures.match(/Volodymyr Zelenskyy, 2024-10-17/g)).toHaveLength(1);
    const denies = a.sections.find((s) => s.title === 'Denies')!.items;
    expect(denies[0]!.speaker).toBe('Andrii Kovalenko');
    expect(files(denies[0]!)).toHaveLength(3);
    const cannot = a.sections.find((s) => s.title === 'Cannot confirm')!.items;
    expect(cannot.map((i) => i.speaker)).toContain('Lloyd Austin');
    assertVerbatim(a);
  });

  it('a misspelt word with one clear correction runs the corrected query and says so', () => {
    const a = ask('claims', 'trops');
    expect(a.empty).toBe(false);
    expect(a.summary).toMatch(/^Showing results for troops\./);
  });

  it('nothing found: says so plainly and suggests the nearest words in the index', () => {
    // "trops" alone would be corrected; with a word nothing on file resembles, the query stays as typed.
    const a = ask('claims', 'trops qqqxzv');
    expect(a.empty).toBe(true);
    expect(a.suggestions).toContain('/claims troops');
  });
});

describe('/timeline', () => {
  it('dated statements in order, marking where the picture changed', () => {
    const a = ask('timeline', 'North Korean troops');
    const list = a.sections.find((s) => s.title === 'In date order')!.items;
    expect(list.length).toBeGreaterThan(5);
    expect(list.some((i) => /picture changed: cannot confirm → confirms/.test(i.remark ?? ''))).toBe(true);
    assertVerbatim(a);
  });
});

describe('/source', () => {
  it('shows the metadata and numbered paragraphs; the inferred date says why', () => {
    const a = ask('source', '000_e8018e16b81195cd.txt');
    expect(a.sections[0]!.lines).toEqual(
      expect.arrayContaining(['Publisher: Censor.NET (citing Interfax-Ukraine)', expect.stringMatching(/^Date: ≈2024-10-21 \(inferred: .*on Monday/)]),
    );
    expect(a.sections[1]!.items).toHaveLength(19);
    assertVerbatim(a);
    expect(ask('source', 'no-such-file').suggestions.length).toBeGreaterThan(0);
  });
});

describe('export', () => {
  const rows = () => [...iterateExportRows(index.db)];

  it('jsonl: one statement a row with spans that give back the text', () => {
    const records = rows().map(toExportRecord);
    expect(records.length).toBeGreaterThan(40);
    for (const r of records) {
      const source = readFileSync(join(index.corpusDir, r.article), 'utf8');
      expect(sliceByCodePoints(source, r.contentSpan)).toBe(r.content);
      if (r.cueSpan && r.cue) expect(sliceByCodePoints(source, r.cueSpan)).toBe(r.cue);
      expect(['direct', 'indirect', 'according-to', 'unattributed']).toContain(r.kind);
      // speaker: the words in the text at speakerSpan; person: who they resolve to.
      if (r.speakerSpan && r.speaker) expect(sliceByCodePoints(source, r.speakerSpan)).toBe(r.speaker);
    }
    expect(records.filter((r) => r.person === 'Victoria Kuvshynnykova').length).toBeGreaterThanOrEqual(8);
    expect(records.some((r) => r.person === 'Peter Stano' && r.speaker === 'he' && r.speakerRule === 'pronoun-speaker')).toBe(true);
  });

  it('csv: a header and quoted cells that round-trip commas and quotes', () => {
    const lines = [csvHeader(), ...rows().map((r) => csvLine(toExportRecord(r)))];
    expect(lines[0]).toBe('article,kind,speaker,person,speakerSpan,cue,cueSpan,content,contentSpan,stance,figures,eventDate,rule,speakerRule');
    expect(lines.some((l) => l.includes('"Russia plans to create at least five motorised rifle regiments'))).toBe(true);
  });

  it('csv: every cell a spreadsheet would run as a formula is guarded, unless the whole cell is a number', () => {
    const record = toExportRecord(rows()[0]!);
    const cellOf = (content: string) => csvLine({ ...record, content }).split(',').slice(CSV_COLUMNS.indexOf('content')).join(',');
    for (const hostile of ['=1+1', '+1+1', '-2+3+cmd|\' /C calc\'!A0', '-1-1', '@SUM(A1)', '\tx', '\r=1', ' =1+1', '＝1+1', '-2e3+cmd', '+1.5-1']) {
      expect(cellOf(hostile).replace(/^"/, ''), hostile).toMatch(/^'/);
    }
    for (const number of ['-2', '+3', '-1.5', '3.25', '1e5', '-2.5E-3']) expect(cellOf(number).startsWith(`${number},`), number).toBe(true);
  });

  it('claimreview: schema.org JSON-LD with author and appearance, and no rating', () => {
    const reviews = rows().map(toClaimReview);
    const rutte = reviews.find((r) => JSON.stringify(r).includes('Today, I can confirm'))!;
    expect(rutte).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      itemReviewed: { '@type': 'Claim', author: { '@type': 'Person', name: 'Mark Rutte' }, appearance: { '@type': 'NewsArticle', publisher: { name: 'Censor.NET' } } },
    });
    expect(JSON.stringify(reviews)).not.toMatch(/reviewRating/);
  });
});
