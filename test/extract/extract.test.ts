import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/extract/extract.js';
import { mergePeople } from '../../src/extract/people.js';
import type { Statement } from '../../src/extract/types.js';
import { seedCases } from './fixtures.js';
import { body, inputFromText } from './helpers.js';

const run = (text: string, date: string | null = '2024-10-28') => extractStatements(inputFromText(text, date)).statements;
const find = (statements: Statement[], content: string) => statements.find((s) => s.content.includes(content));
const seeds = new Map(seedCases().map((c) => [c.id.slice(0, 3), extractStatements(c.input)]));
const seed = (n: string) => seeds.get(n)!;

describe('direct quotes', () => {
  it('reads “…”, "…", ‘…’ and «…» with their speakers', () => {
    const statements = run(
      body(
        '“We will not wait,” said Jane Doe, a senior analyst at Y.',
        '"We are ready," Smith told reporters.',
        '‘Russia’s actions should not go unpunished,’ Kuvshinnikova concluded.',
        '«Our position has not changed,» Popescu told journalists in Chisinau.',
      ),
    );
    expect(statements.map((s) => [s.kind, s.speaker, s.content, s.cue, s.quoted])).toEqual([
      ['direct', 'Jane Doe', 'We will not wait', 'said', true],
      ['direct', 'Smith', 'We are ready', 'told', true],
      ['direct', 'Kuvshinnikova', 'Russia’s actions should not go unpunished', 'concluded', true],
      ['direct', 'Popescu', 'Our position has not changed', 'told', true],
    ]);
  });

  it('starts a quote whose opening mark is missing at the paragraph start (seeds 000 and 002)', () => {
    const rutte = find(seed('002').statements, 'Today, I can confirm')!;
    expect(rutte).toMatchObject({ kind: 'direct', speaker: 'Mark Rutte', speakerMention: 'the NATO Secretary General', stance: 'confirms', quoted: true });
    expect(rutte.content.startsWith('Today, I can confirm that North Korean military personnel')).toBe(true);
    expect(rutte.content.endsWith("it is a dangerous expansion of Russia's war")).toBe(true);
    const stano = find(seed('000').statements, 'If the reports about the transfer')!;
    expect(stano).toMatchObject({ kind: 'direct', speaker: 'Peter Stano', speakerMention: 'he' });
  });

  it('keeps apostrophes inside single-quoted quotes (seed 001)', () => {
    const s = find(seed('001').statements, 'First of all, let’s be clear')!;
    expect(s.content.endsWith('and the provision of military training')).toBe(true);
    expect(s.speaker).toBe('Victoria Kuvshynnykova');
  });

  it('takes a colon-introduced quote from the next paragraph (seed 003) or the same one', () => {
    const statements = seed('003').statements;
    expect(find(statements, "I can't confirm such reports")).toMatchObject({ speaker: 'Mark Rutte', kind: 'direct', stance: 'cannot-confirm', cue: 'said' });
    expect(find(statements, 'We see an increasing alliance')).toMatchObject({ speaker: 'Volodymyr Zelenskyy', kind: 'direct' });
  });

  it('splits an interrupted quote and keeps both halves with the speaker', () => {
    const statements = run(body('"We had them," Redick said, "and we gave it away. That\'s on me."'));
    expect(statements.map((s) => [s.speaker, s.content])).toEqual([
      ['Redick', 'We had them'],
      ['Redick', "and we gave it away. That's on me."],
    ]);
  });

  it('attributes a multi-paragraph quote closed only in its last paragraph', () => {
    const statements = run(body('"I remember the copier," Okafor said.', '"Now the kids carry phones. The job has not changed.', '"That part never gets old."'));
    expect(statements.map((s) => [s.speaker, s.kind])).toEqual([
      ['Okafor', 'direct'],
      ['Okafor', 'direct'],
      ['Okafor', 'direct'],
    ]);
  });

  it('reads partial quotes as part of reported speech', () => {
    const s = find(seed('004').statements, 'significant escalation')!;
    expect(s).toMatchObject({ kind: 'according-to', speaker: 'Fara Dahlallah', quoted: false });
    expect(s.content).toContain('it would mean a “significant escalation” of North Korea’s support for Russia');
    const stano = find(seed('000').statements, 'by doing so')!;
    expect(stano.content.endsWith('but also thinking about using their soldiers."')).toBe(true);
  });
});

describe('reported speech', () => {
  it('reads the common patterns', () => {
    const statements = run(
      body(
        'The mayor said that the budget was balanced.',
        'The plan will cost $12 million, the council said on Monday.',
        'Prices will rise, said Tamas Varga, a senior analyst at PVM.',
        'According to officials, the bridge will reopen in May.',
        'The road is closed, according to the police.',
        'Smith told reporters the talks had failed.',
      ),
      '2024-10-28',
    );
    expect(statements.map((s) => [s.kind, s.speaker, s.content])).toEqual([
      ['indirect', 'mayor', 'the budget was balanced'],
      ['indirect', 'council', 'The plan will cost $12 million'],
      ['indirect', 'Tamas Varga', 'Prices will rise'],
      ['according-to', 'officials', 'the bridge will reopen in May'],
      ['according-to', 'police', 'The road is closed'],
      ['indirect', 'Smith', 'the talks had failed'],
    ]);
    expect(statements[1]!.eventDate).toBe('2024-10-28');
  });

  it('reads passives and unattributed reports', () => {
    const statements = seed('000').statements;
    expect(find(statements, 'eighteen North Korean soldiers')).toMatchObject({ kind: 'unattributed', speaker: null, cue: 'was reported' });
    expect(find(statements, 'they had been detained')).toMatchObject({ kind: 'unattributed', speaker: null, cue: 'became known' });
    expect(find(statements, 'special Buryat battalion')).toMatchObject({ kind: 'unattributed', speaker: null, eventDate: '2024-10-15' });
    const dahlallah = find(seed('004').statements, 'NATO allies have confirmed information')!;
    expect(dahlallah).toMatchObject({ speaker: 'Fara Dahlallah', cue: 'was reported by', stance: 'confirms', speakerType: 'person' });
  });

  it('gives a statement the speaker named in the next paragraph (seed 000) and the date of "said this" (seed 002)', () => {
    const stano = find(seed('000').statements, "If reports about the participation of DPRK soldiers in Russia's war")!;
    expect(stano).toMatchObject({ speaker: 'Peter Stano', cue: 'said', eventDate: '2024-10-21', stance: 'asserts', paragraphIndex: 1 });
    const rutte = find(seed('002').statements, "Russia's use of North Korean soldiers")!;
    expect(rutte).toMatchObject({ speaker: 'Mark Rutte', stance: 'confirms', eventDate: '2024-10-28', paragraphIndex: 0 });
  });

  it('does not take the publisher attribution for a statement', () => {
    for (const [, extraction] of seeds) {
      expect(extraction.statements.some((s) => /Censor\.NET|Interfax|Ukrinform|European Pravda/.test(s.speaker ?? ''))).toBe(false);
      expect(extraction.statements.some((s) => /Censor\.NET reports/.test(s.content))).toBe(false);
    }
  });

  it('ignores what only looks like a statement', () => {
    const statements = run(
      body(
        'That said, not everything has changed.',
        'The bakery is said to be the oldest on Main Street, and the so-called "Rossi loaf" sells out.',
        'Needless to say, the line is long.',
        'A statement released Tuesday by the association congratulated the family.',
        'Customers were told to expect free cannoli.',
        'He declined to say how many planes had been grounded.',
        'We will remind that the war began in 2022.',
      ),
    );
    expect(statements).toEqual([]);
  });
});

describe('speakers', () => {
  it('resolves pronouns and role nouns to the people the article introduced', () => {
    const s000 = seed('000').statements;
    expect(find(s000, 'It also signals that Russia')).toMatchObject({ speaker: 'Peter Stano', speakerMention: 'the European diplomat' });
    const s001 = seed('001').statements;
    expect(find(s001, 'The first DPRK military units')).toMatchObject({ speaker: 'Victoria Kuvshynnykova', speakerMention: 'the representative of Ukraine to the OSCE' });
    expect(find(s001, 'intensification of cooperation')).toMatchObject({ speaker: 'Victoria Kuvshynnykova', speakerMention: 'She' });
    expect(find(s001, 'Russia wants to engage military')).toMatchObject({ speaker: 'Victoria Kuvshynnykova', speakerMention: 'Ukraine’s OSCE representative' });
  });

  it('types organisations and reads titles and appositions', () => {
    const s002 = seed('002').statements;
    expect(find(s002, 'several thousand soldiers')).toMatchObject({ speaker: 'Washington Post', speakerType: 'organisation' });
    expect(find(s002, 'the DPRK military had arrived')).toMatchObject({ speaker: 'Pentagon', speakerType: 'organisation', stance: 'confirms' });
    expect(find(s002, 'pay for the participation')).toMatchObject({ speaker: 'Jongkook Hwang', speakerType: 'person' });
    const s004 = seed('004').statements;
    expect(find(s004, 'at least 3,000 North Korean soldiers')).toMatchObject({ speaker: 'Reuters', speakerType: 'organisation' });
    expect(find(s004, 'South Korea may consider')).toMatchObject({ speaker: 'South Korean media', speakerType: 'organisation' });
    const kovalenko = seed('000').mentions.find((m) => m.name === 'Andrii Kovalenko')!;
    expect(kovalenko.roles).toContain('head of the Center for Countering Disinformation');
  });

  it('records the three spellings of Kuvshynnykova as variants of one person', () => {
    const mention = seed('001').mentions.find((m) => m.name === 'Victoria Kuvshynnykova')!;
    expect(mention.variants).toEqual(expect.arrayContaining(['Kuvshinnikova', 'Kuvshynnykova', 'Kuvshynnikova']));
    expect(mention.roles).toContain('Acting Permanent Representative of Ukraine to International Organisations in Vienna');
  });
});

describe('what the demo needs from the seeds', () => {
  const all = [...seeds.values()].flatMap((e) => e.statements);
  const people = mergePeople([...seeds.values()].flatMap((e) => e.mentions));

  it('merges each person across articles', () => {
    const zelenskyy = people.filter((p) => p.canonical === 'Volodymyr Zelenskyy');
    expect(zelenskyy).toHaveLength(1);
    const articles = [...seeds.entries()].filter(([, e]) => e.statements.some((s) => s.speaker === 'Volodymyr Zelenskyy')).map(([k]) => k);
    expect(articles).toEqual(['000', '002', '003', '004']);
    expect(people.filter((p) => p.canonical === 'Mark Rutte')).toHaveLength(1);
    expect(all.filter((s) => s.speaker === 'Victoria Kuvshynnykova')).toHaveLength(8);
  });

  it('shows Rutte moving from cannot-confirm (003) to confirms (002)', () => {
    expect(seed('003').statements.filter((s) => s.speaker === 'Mark Rutte').map((s) => s.stance)).toContain('cannot-confirm');
    expect(seed('002').statements.filter((s) => s.speaker === 'Mark Rutte').map((s) => s.stance)).toContain('confirms');
  });

  it('gives the troop counts each source stated', () => {
    const figure = (speaker: string | null, counted: string) =>
      all.filter((s) => s.speaker === speaker).flatMap((s) => s.figures).filter((f) => f.counted === counted).map((f) => [f.text, f.min, f.max, f.qualifier]);
    expect(figure('Kyrylo Budanov', 'soldiers')).toContainEqual(['nearly 11,000 soldiers', 11000, 11000, 'nearly']);
    expect(figure('Volodymyr Zelenskyy', 'north korean soldiers')).toContainEqual(['ten thousand North Korean soldiers', 10000, 10000, 'exact']);
    expect(figure('Volodymyr Zelenskyy', 'north korean troops')).toContainEqual(['ten thousand North Korean troops', 10000, 10000, 'exact']);
    expect(figure('Volodymyr Zelenskyy', 'people')).toContainEqual(['up to 6,000 people', 0, 6000, 'up-to']);
    expect(figure('Victoria Kuvshynnykova', 'people')).toContainEqual(['2-3 thousand people', 2000, 3000, 'range']);
    expect(figure(null, 'north korean military personnel')).toContainEqual(['about 12,000 North Korean military personnel', 12000, 12000, 'about']);
    expect(figure('Reuters', 'north korean soldiers')).toContainEqual(['at least 3,000 North Korean soldiers', 3000, 3000, 'at-least']);
  });

  it('reads the denial and the non-confirmation', () => {
    expect(all.filter((s) => s.speaker === 'Andrii Kovalenko').map((s) => s.stance)).toEqual(['denies', 'denies', 'denies']);
    expect(all.filter((s) => s.speaker === 'Lloyd Austin').map((s) => s.stance)).toEqual(['cannot-confirm', 'cannot-confirm', 'confirms']);
  });

  it('does not count unit numbers or dates as figures', () => {
    const texts = all.flatMap((s) => s.figures.map((f) => f.text));
    expect(texts.some((t) => /11th|127th|October|November|27-28/.test(t))).toBe(false);
  });
});
