/**
 * Issue 13's examples on the five seed articles, each with the answer a
 * reporter should get: plain-word queries, related words, a person's timeline,
 * figures compared like with like, and /check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, type LookupName } from '../src/answers/index.js';
import { comparableFigure } from '../src/answers/analysis.js';
import type { Answer, AnswerItem } from '../src/answers/types.js';
import { parseFigures } from '../src/extract/figures.js';
import { renderText } from '../src/render/text.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex();
});
afterAll(() => index.cleanup());

const ask = (command: LookupName, query: string): Answer => answer(index.ctx, { command, query });
const section = (a: Answer, title: string) => a.sections.find((s) => s.title === title);
const items = (a: Answer): AnswerItem[] => a.sections.flatMap((s) => s.items);
const text = (a: Answer) => JSON.stringify(a);

describe('queries in plain words', () => {
  it('/claims how many soldiers: question words are not required; the troop figures are listed', () => {
    const a = ask('claims', 'how many soldiers');
    expect(a.empty).toBe(false);
    const figures = renderText({ ...a, sections: [section(a, 'Figures differ')!] });
    for (const figure of ['several thousand soldiers', 'ten thousand North Korean troops', 'nearly 11,000 soldiers', 'at least 3,000 North Korean soldiers', 'about 12,000 North Korean military personnel']) {
      expect(figures).toContain(figure);
    }
  });

  it('/claims casualties finds "killed or wounded" (002) and "significant losses" (004)', () => {
    const a = ask('claims', 'casualties');
    const found = items(a);
    expect(found.some((i) => /killed or wounded/.test(i.excerpt) && i.citations[0]!.file.startsWith('002_'))).toBe(true);
    expect(found.some((i) => /significant losses/.test(i.excerpt))).toBe(true);
  });

  it('/claims deserters finds the soldiers who escaped (WordNet: deserter ~ desert ~ flee ~ escape), below exact matches', () => {
    const a = ask('claims', 'deserters');
    expect(items(a)[0]!.excerpt).toMatch(/eighteen North Korean soldiers had already escaped/);
    expect(a.summary).toMatch(/related: .*escape/);
  });

  it('/claims South Korea intelligence: South Korea is one term (newsroom synonyms), and what South Korea knew comes first', () => {
    const a = ask('claims', 'South Korea intelligence');
    expect(a.empty).toBe(false);
    expect(items(a)[0]!.excerpt).toMatch(/South Korean delegation/);
  });

  it('words that never meet in one sentence: the sentences holding most of them, and the answer says it relaxed the query', () => {
    const a = ask('claims', 'Pokrovsk Austin');
    expect(a.empty).toBe(false);
    expect(a.summary).toMatch(/^No sentence holds all of pokrovsk \+ austin: showing the sentences that hold most of them/);
    const excerpts = items(a).map((i) => i.excerpt).join('\n');
    expect(excerpts).toMatch(/Pokrovsk/);
    expect(excerpts).toMatch(/Austin|United States/);
  });

  it('/claims trooops runs the one clear correction and says "Showing results for troops"', () => {
    const a = ask('claims', 'trooops');
    expect(a.empty).toBe(false);
    expect(a.summary).toMatch(/^Showing results for troops\./);
    expect(section(a, 'Figures differ')).toBeDefined();
  });
});

describe('/timeline of a person', () => {
  it('/timeline Rutte: his statements in order, cannot confirm (16 Oct) then confirms (28 Oct), the change marked', () => {
    const a = ask('timeline', 'Rutte');
    expect(a.title).toBe('Timeline: Mark Rutte');
    const list = section(a, 'In date order')!.items;
    expect(list.every((i) => i.speaker === 'Mark Rutte')).toBe(true);
    const cannot = list.findIndex((i) => i.stance === 'cannot confirm');
    const confirms = list.findIndex((i) => i.stance === 'confirms');
    expect(cannot).toBeGreaterThanOrEqual(0);
    expect(confirms).toBeGreaterThan(cannot);
    expect(list[cannot]!.citations[0]!.date).toBe('2024-10-16');
    expect(list[confirms]!.eventDate ?? list[confirms]!.citations[0]!.date).toBe('2024-10-28');
    expect(list[confirms]!.remark).toMatch(/picture changed: cannot confirm → confirms/);
    expect(renderText(a)).toMatch(/Position changed: Mark Rutte went from "cannot confirm"/);
  });

  it('a topic that is not a person is still searched as words', () => {
    expect(ask('timeline', 'North Korean troops').title).toBe('Timeline: North Korean troops');
  });
});

describe('figures compared like with like', () => {
  it('a figure knows what it counts, whose, and what it is about', () => {
    const read = (sentence: string) => {
      const figure = parseFigures(sentence)[0]!;
      return comparableFigure(sentence, figure, index.ctx.synonyms);
    };
    expect(read('North Korea has sent 12,000 troops to Russia')).toMatchObject({ counts: 'troops', whose: 'dprk', aspect: 'present' });
    expect(read('More than 600 Russian troops have been killed or wounded in the war')).toMatchObject({ counts: 'troops', whose: 'russia', aspect: 'lost' });
    expect(read('eighteen North Korean soldiers had already escaped from the Russian army')).toMatchObject({ counts: 'troops', whose: 'dprk', aspect: 'escaped' });
    expect(read('several thousand soldiers from the DPRK are being trained in Russia')).toMatchObject({ counts: 'troops', whose: 'dprk', aspect: 'present' });
  });

  it('years, ordinals and money are never troop counts; money and durations are not compared at all', () => {
    expect(parseFigures('In 2024 the 11th brigade moved')).toEqual([]);
    const money = parseFigures('The US sent $1.3 billion in aid')[0]!;
    expect(comparableFigure('The US sent $1.3 billion in aid', money, index.ctx.synonyms)).toBeNull();
    const years = parseFigures('The war has lasted two years')[0]!;
    expect(comparableFigure('The war has lasted two years', years, index.ctx.synonyms)).toBeNull();
  });

  it('"Figures differ" never puts Russian losses or deserters with deployed North Korean troops', () => {
    const troops = ask('claims', 'troops');
    const figures = renderText({ ...troops, sections: [section(troops, 'Figures differ')!] });
    expect(figures).not.toMatch(/600 Russian troops/);
    expect(figures).not.toMatch(/eighteen North Korean soldiers/);
    expect(figures).toMatch(/Three thousand North Korean troops/);
  });

  it('/timeline Kursk does not report 3,000 North Korean troops → 600 Russian troops as a change', () => {
    expect(text(ask('timeline', 'Kursk'))).not.toMatch(/picture changed: [^"]*→ More than 600 Russian troops/);
  });
});

describe('/check', () => {
  const claim = 'North Korea has sent 12,000 troops to Russia';

  it('shows the matching 12,000 figure, the different figures with their speakers, and no Russian casualties there', () => {
    const a = ask('check', claim);
    const matches = section(a, 'Matches the figure')!.items;
    expect(matches[0]!.excerpt).toMatch(/about 12,000 North Korean military personnel/);
    const different = section(a, 'Different figures')!.items;
    const bySpeaker = new Map(different.map((i) => [i.speaker, i.figures!.map((f) => f.text).join('; ')]));
    expect(bySpeaker.get('Victoria Kuvshynnykova')).toMatch(/Three thousand/);
    expect(bySpeaker.get('Reuters')).toMatch(/3,000/);
    expect(bySpeaker.get('Volodymyr Zelenskyy')).toMatch(/ten thousand/);
    expect(bySpeaker.get('Kyrylo Budanov')).toMatch(/11,000/);
    expect(JSON.stringify(different)).not.toMatch(/600 Russian troops|killed or wounded|eighteen/);
    expect(a.summary).toMatch(/^1 gives the same figure; \d+ sources give a different figure; .*the earliest 2024-10-\d\d/);
  });

  it('lays out who confirms, cannot confirm and denies, and gives no verdict of its own', () => {
    const a = ask('check', claim);
    expect(section(a, 'Confirms')!.items.map((i) => i.speaker)).toContain('Mark Rutte');
    expect(section(a, 'Cannot confirm')!.items.map((i) => i.speaker)).toEqual(expect.arrayContaining(['Mark Rutte', 'Lloyd Austin']));
    expect(section(a, 'Denies')!.items.map((i) => i.speaker)).toContain('Andrii Kovalenko');
    // Its own words (title, summary, headings) weigh nothing: the evidence is laid out, never judged.
    const own = [a.title, a.summary, ...a.sections.map((s) => s.title)].join(' ');
    expect(own).not.toMatch(/\b(true|false|correct|wrong|misleading)\b/i);
    expect(a.summary).toMatch(/no verdict/);
  });

  it('reads people in any spelling and puts their statements first', () => {
    const a = ask('check', 'Rute said NATO cannot confirm North Korean soldiers are in Russia');
    expect(section(a, 'The claim, as read')!.lines![0]).toBe('Who: Mark Rutte');
    expect(section(a, 'Cannot confirm')!.items[0]!.speaker).toBe('Mark Rutte');
  });

  it('an empty or unreadable claim gets a clear message', () => {
    for (const nothing of ['', '   ', '?!', 'is it the']) {
      const a = ask('check', nothing);
      expect(a.empty).toBe(true);
      expect(a.notes.join(' ')).toMatch(/Nothing to check/);
    }
  });
});
