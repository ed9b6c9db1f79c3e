/**
 * People as a fact-checker needs them, on a real index: one person is one entry, a surname two people
 * share is answered with both, a role nobody holds says so, and the export says who was resolved and by
 * which rule.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toExportRecord } from '../src/answers/export.js';
import { answer } from '../src/answers/index.js';
import { mergePeople } from '../src/extract/people.js';
import { iterateExportRows } from '../src/index/statements.js';
import { tempIndex, type TempIndex } from './helpers/index.js';

const ARTICLES: Record<string, string> = {
  'courier_2016-10-12_clinton-ohio.txt': [
    'Clintons campaign in Ohio as race tightens',
    'October 12, 2016',
    'Hillary Clinton told supporters in Columbus on Tuesday that the election would be decided "by who shows up".',
    'Former President Bill Clinton said at a union hall in Toledo that the state had "always been close".',
    '"We are not taking a single vote for granted," Hillary Clinton said.',
  ].join('\n\n'),
  'ledger_2016-10-14_trump-jr.txt': [
    'Trump Jr. rallies students in Pennsylvania',
    'Donald Trump Jr. told students in State College that his father would "bring the jobs back".',
    'Donald Trump said in a statement that his son had "done a tremendous job".',
    'Donald Trump Jr. said the campaign would keep coming back to the state.',
  ].join('\n\n'),
};

let index: TempIndex;
beforeAll(async () => {
  index = await tempIndex({ ingest: false });
  for (const [file, text] of Object.entries(ARTICLES)) writeFileSync(join(index.corpusDir, file), `${text}\n`);
  await index.ingest();
});
afterAll(() => index.cleanup());

const ask = (query: string) => answer(index.ctx, { command: 'who', query });

describe('/who when a name or role fits several people', () => {
  it('a surname two people share lists both, most-cited first, with counts, and picks neither', () => {
    const a = ask('Clinton');
    expect(a.title).toBe('“Clinton” fits 2 people');
    const lines = a.sections.flatMap((s) => s.lines ?? []);
    expect(lines[0]).toMatch(/^Hillary Clinton: 2 statements/);
    expect(lines[1]).toMatch(/^Bill Clinton: 1 statement/);
    expect(a.suggestions).toEqual(['/who Hillary Clinton', '/who Bill Clinton']);
  });

  it('a full name answers that person only', () => {
    expect(ask('Bill Clinton').title).toBe('Bill Clinton');
  });

  it('a role nobody on file holds says so', () => {
    expect(ask('fire chief').summary ?? '').toMatch(/No one on file holds a role matching “fire chief”/);
    expect(ask('NATO chief').title).toBe('Mark Rutte');
  });
});

describe('one person is one entry', () => {
  it('a son with Jr. is never merged into his father', () => {
    expect(ask('Donald Trump Jr.').title).toBe('Donald Trump Jr.');
    expect(ask('Donald Trump').title).toBe('Donald Trump');
  });

  it('never merges different first names, nor through an initial that fits two', () => {
    const people = mergePeople([
      { name: 'John Smith', type: 'person', roles: [], variants: [] },
      { name: 'Jane Smith', type: 'person', roles: [], variants: [] },
      { name: 'J. Smith', type: 'person', roles: [], variants: [] },
      { name: 'Charles E. Schumer', type: 'person', roles: [], variants: [] },
      { name: 'Charles Schumer', type: 'person', roles: [], variants: [] },
      { name: 'Victoria Kuvshynnykova', type: 'person', roles: [], variants: [] },
      { name: 'Victoria Kuvshinnikova', type: 'person', roles: [], variants: [] },
      { name: 'Theodore R. Banks III', type: 'person', roles: [], variants: [] },
      { name: 'Theodore R. Banks', type: 'person', roles: [], variants: [] },
      { name: 'Theodore Banks III', type: 'person', roles: [], variants: [] },
    ]);
    const names = people.map((p) => p.canonical).sort();
    expect(names.filter((n) => n.endsWith('Smith'))).toEqual(['J. Smith', 'Jane Smith', 'John Smith']);
    expect(names.filter((n) => /Schumer/.test(n))).toHaveLength(1);
    expect(names.filter((n) => /Kuvsh/.test(n))).toHaveLength(1);
    // III is read as written (softening would fold it into "i"): the son's two spellings are one entry, the father another.
    expect(names.filter((n) => /Banks/.test(n)).sort()).toEqual(['Theodore R. Banks', 'Theodore R. Banks III']);
  });
});

describe('the export says who was resolved and how', () => {
  it('speaker is the words in the text, person the resolved canonical name, with the rules', () => {
    const records = [...iterateExportRows(index.db)].map(toExportRecord).filter((r) => r.article.startsWith('courier'));
    const quote = records.find((r) => r.content.startsWith('We are not taking'))!;
    expect(quote).toMatchObject({ speaker: 'Hillary Clinton', person: 'Hillary Clinton', rule: 'tail-quote', speakerRule: 'name' });
    for (const r of records) {
      expect(typeof r.rule).toBe('string');
      expect(typeof r.speakerRule).toBe('string');
    }
  });
});
