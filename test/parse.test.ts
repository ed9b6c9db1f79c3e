import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle, ArticleFormatError } from '../src/corpus/parse.js';
import { sliceByCodePoints } from '../src/text/offsets.js';
import { SEEDS_DIR } from './helpers/index.js';

function seed(name: string) {
  const file = `${name}.txt`;
  return parseArticle({ file, text: readFileSync(join(SEEDS_DIR, file), 'utf8'), contextYear: 2024 });
}

describe('parseArticle on the seed articles', () => {
  it('000: title line, single-newline paragraphs, a mid-article sub-heading, publisher citing an agency, a weekday resolved', () => {
    const a = seed('000_e8018e16b81195cd');
    expect(a.title).toBe('Relying on DPRK demonstrates Russia’s weakness and isolation, - Stano');
    expect(a.publisher).toBe('Censor.NET');
    expect(a.cites).toEqual(['Interfax-Ukraine']);
    expect(a.paragraphs.find((p) => p.text === 'DPRK military in Russia')?.kind).toBe('heading');
    expect(a.paragraphs).toHaveLength(19);
    // Latest past date is 17 October; "on Monday" is the Monday after it (2024-10-21), inferred.
    expect(a.date).toMatchObject({ iso: '2024-10-21', inferred: true });
    expect(a.date.basis).toContain('on Monday');
  });

  it('001: curly single quotes with apostrophes stay in one paragraph; "According to Ukrinform, this was stated by" cites Ukrinform with no publisher', () => {
    const a = seed('001_1be755a8a575e7b4');
    expect(a.publisher).toBeNull();
    expect(a.cites).toEqual(['Ukrinform']);
    expect(a.paragraphs[7]!.text.startsWith('‘First of all, let’s be clear')).toBe(true);
    expect(a.date).toMatchObject({ iso: '2024-10-23', inferred: true });
  });

  it('002: blank-line paragraphs, a quoted outlet name as the cited source, the inferred date of the briefing', () => {
    const a = seed('002_852c7ea92689125f');
    expect(a.title).toBe("NATO Secretary General Mark Rutte confirmed Russia's use of North Korean soldiers in the war against Ukraine.");
    expect(a.publisher).toBe('Censor.NET');
    expect(a.cites).toEqual(['European Pravda']);
    expect(a.date).toMatchObject({ iso: '2024-10-28', inferred: true });
    // "would be used … on 27-28 October" is a future date and does not move the publication date.
    expect(a.paragraphs).toHaveLength(22);
  });

  it('003: a leading "date YYYY-MM-DD" marker is the stated date and is not part of the title', () => {
    const a = seed('003_546e318d620879e9');
    expect(a.date).toEqual({ iso: '2024-10-16', inferred: false, basis: 'stated in the file' });
    expect(a.title).toBe("NATO has no information that North Korea's military is involved in Russia's war against Ukraine.");
    expect(sliceByCodePoints(a.source, a.paragraphs[0]!.span)).toBe(a.title);
    expect(a.cites).toEqual(['Ukrinform']);
    expect(a.paragraphs.find((p) => p.text === 'What was the background?')?.kind).toBe('heading');
  });

  it('004: a section label before the title, web chrome dropped, sources cited for comments and by an agency', () => {
    const a = seed('004_052bf8636d0ccf43');
    expect(a.section).toBe('EU and the world');
    expect(a.title).toBe('NATO holds ‘active consultations’ over North Korean military presence in Russia');
    const texts = a.paragraphs.map((p) => p.text);
    for (const chrome of ['Leave a Reply', 'Related Articles', 'Back to top button']) expect(texts).not.toContain(chrome);
    expect(texts.some((t) => t.startsWith('See also') || t.startsWith('Your email address'))).toBe(false);
    expect(a.cites).toEqual(['Voice of America', 'Reuters']);
    // "We will remind that on October 22" is a past date despite the "will".
    expect(a.date).toMatchObject({ iso: '2024-10-22', inferred: true });
  });

  it('every paragraph and sentence span gives back exactly its text from the source', () => {
    for (const name of ['000_e8018e16b81195cd', '001_1be755a8a575e7b4', '002_852c7ea92689125f', '003_546e318d620879e9', '004_052bf8636d0ccf43']) {
      const a = seed(name);
      for (const p of a.paragraphs) expect(sliceByCodePoints(a.source, p.span)).toBe(p.text);
      for (const s of a.sentences) expect(sliceByCodePoints(a.source, s.span)).toBe(s.text);
    }
  });
});

describe('parseArticle on other shapes', () => {
  it('"Related: …" and "Related Article: …" links between paragraphs are chrome, not claims; a sentence about related matters is not', () => {
    const text = 'Poll shows Ohio race tightening\n\nThe race is tied, the poll found.\n\nRelated Article: Holloway\'s business record, explained\n\nRelated: How we track the polls — our methodology, explained\n\nRelated issues, she said, would wait until November.\n';
    const texts = parseArticle({ file: 'related.txt', text, contextYear: 2016 }).paragraphs.map((p) => p.text);
    expect(texts.some((t) => t.startsWith('Related Article') || t.startsWith('Related: How'))).toBe(false);
    expect(texts).toContain('Related issues, she said, would wait until November.');
  });


  it('front matter overrides what is inferred, and offsets still index the whole file', () => {
    const text = '---\ntitle: Stated title\npublisher: The Daily Example\nurl: https://example.org/a\ndate: 2023-05-02\n---\nA headline\n\nOn 17 October, Jane Roe said things.\n';
    const a = parseArticle({ file: 'fm.txt', text });
    expect(a).toMatchObject({ title: 'Stated title', publisher: 'The Daily Example', url: 'https://example.org/a', date: { iso: '2023-05-02', inferred: false } });
    for (const s of a.sentences) expect(sliceByCodePoints(text, s.span)).toBe(s.text);
  });

  it('rejects bad front matter with a message naming the field', () => {
    expect(() => parseArticle({ file: 'x.txt', text: '---\ndate: 17/10/2024\n---\nTitle\n' })).toThrow(ArticleFormatError);
    expect(() => parseArticle({ file: 'x.txt', text: '---\ndate: 17/10/2024\n---\nTitle\n' })).toThrow(/front matter date: expected a date as YYYY-MM-DD/);
    expect(() => parseArticle({ file: 'x.txt', text: '---\nauthor: Me\n---\nTitle\n' })).toThrow(/unknown key\(s\) author/);
  });

  it('front matter url: http or https only, and bounded', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<script>x</script>', 'file:///etc/passwd', 'ftp://example.org/a', 'vbscript:msgbox', `https://example.org/${'a'.repeat(3000)}`]) {
      expect(() => parseArticle({ file: 'x.txt', text: `---\nurl: ${url}\n---\nTitle\n` }), url).toThrow(/front matter url: expected/);
    }
    expect(parseArticle({ file: 'x.txt', text: '---\nurl: http://example.org/a?b=1\n---\nTitle\n' }).url).toBe('http://example.org/a?b=1');
  });

  it('says "date unknown" when there is nothing to go on, and never guesses a year', () => {
    expect(parseArticle({ file: 'a.txt', text: 'Title\nNo dates here at all.' }).date).toMatchObject({ iso: null, inferred: true });
    expect(parseArticle({ file: 'b.txt', text: 'Title\nOn 3 March, X said so.', contextYear: null }).date.iso).toBeNull();
    expect(parseArticle({ file: 'c.txt', text: 'Title\nOn 3 March 2021, X said so.' }).date).toMatchObject({ iso: '2021-03-03', inferred: true });
  });

  it('reads a date line in figures when day and month cannot be mixed up, and leaves "03/05/2025" unknown', () => {
    const date = (line: string) => parseArticle({ file: 'n.txt', text: `Title\nCourts\n${line}\n\nA clerk said the hearing was adjourned.` }).date;
    expect(date('28/05/2025')).toMatchObject({ iso: '2025-05-28', inferred: false });
    expect(date('Updated 12/31/2024 9:14 pm ET').iso).toBe('2024-12-31');
    expect(date('03/05/2025').iso).toBeNull();
    // The weekday tells which: 2 October 2024 was a Wednesday, 10 February 2024 a Saturday.
    expect(date('Posted: Wed, 10/02/2024 - 8:15am').iso).toBe('2024-10-02');
    expect(date('Sat, 10/02/2024').iso).toBe('2024-02-10');
    // A wire page's line with a relative "updated" is still a date line, not a date to infer from a year in the text.
    expect(date('October 23, 2017 / 3:14 PM / Updated 2 hours ago')).toMatchObject({ iso: '2017-10-23', inferred: false });
    expect(date('Posted on June 3, 2015 by Harbour Weekly staff')).toMatchObject({ iso: '2015-06-03', inferred: false });
    expect(date('31/02/2025').iso).toBeNull();
    // A two-digit year, read as POSIX reads one.
    expect(date('Posted 10/28/16 7:45 AM')).toMatchObject({ iso: '2016-10-28', inferred: false });
    expect(date('28.10.98').iso).toBe('1998-10-28');
    expect(date('03/05/16').iso).toBeNull();
    // A time zone tells the order: EDT is American (month first), BST British (day first); marked ≈ with that reason.
    expect(date('Posted: 10/03/2016 06:12 PM EDT')).toMatchObject({ iso: '2016-10-03', inferred: true, basis: expect.stringContaining('by its time zone') });
    expect(date('Published 10/03/2016 18:12 BST').iso).toBe('2016-03-10');
    // Year first with slashes.
    expect(date('Date: 2016/10/03')).toMatchObject({ iso: '2016-10-03', inferred: false });
  });

  it('takes the publication, not the update, from a date line that gives both', () => {
    const date = (line: string) => parseArticle({ file: 'u.txt', text: `Council passes the budget after a long night\n\n${line}\n\nThe mayor said the budget would pass.` }).date.iso;
    expect(date('Updated: Oct. 4, 2016 9:10 a.m. | Published: Oct. 3, 2016')).toBe('2016-10-03');
    expect(date('Updated 9:10 a.m. Oct. 4, 2016, published Oct. 3, 2016')).toBe('2016-10-03');
    expect(date('Published October 3, 2016 Updated October 4, 2016')).toBe('2016-10-03');
    // Only an update given: that is the date there is.
    expect(date('Updated 11:45 a.m. ET, Tue October 4, 2016')).toBe('2016-10-04');
  });

  it('reads date lines with the month in capitals, the date written twice, or a byline and an outlet on the same line', () => {
    const date = (line: string) => parseArticle({ file: 'n.txt', text: `Title\nCourts\n${line}\n\nA clerk said the hearing was adjourned.` }).date;
    expect(date('09:15, 4 MAR 2021 | UPDATED 10:02, 4 MAR 2021')).toMatchObject({ iso: '2021-03-04', inferred: false });
    expect(date('Posted Thu 2 Sep 2021 at 6:05am, updated Thu 2 Sep 2021 at 8:40am')).toMatchObject({ iso: '2021-09-02', inferred: false });
    expect(date('Jo Park · Northern Shore Radio · Posted: Aug 9, 2020 7:10 AM ET | Last Updated: Aug 9, 2020')).toMatchObject({ iso: '2020-08-09', inferred: false });
    // "04/06/2022" reads either way: British spelling and pounds read it day first, marked ≈ with the reason; no clue, no date.
    const article = (line: string, body: string) => parseArticle({ file: 'n.txt', text: `Title\nBusiness\n${line}\n\n${body}` }).date;
    expect(article('04/06/2022 - 10:15 | Sunil Kotecha, Business Reporter', 'The shop’s turnover rose to £2m, the family’s programme of expansion in the city centre continues.')).toMatchObject({ iso: '2022-06-04', inferred: true, basis: expect.stringContaining('day first') });
    expect(article('04/06/2022', 'Sales rose 5 percent to $2 million at the downtown center, the company’s favorite store.')).toMatchObject({ iso: '2022-04-06', inferred: true });
    expect(article('04/06/2022', 'Sales rose at the store.').iso).toBeNull();
    // A sentence with bars in it is not a date line.
    expect(date('The talks | held on May 3, 2021 in Paris | ended without a deal').inferred).toBe(true);
  });

  it('a date line above the headline ("Politics | Wed Jul 27, 2016 | 11:41pm EDT") gives the date and the section, and is no headline', () => {
    const parse = (first: string) => parseArticle({ file: 'n.txt', text: `${first}\n\nNominee clinches the nomination\n\nPHILADELPHIA - She became the nominee on Wednesday.` });
    expect(parse('Politics | Wed Jul 27, 2016 | 11:41pm EDT')).toMatchObject({ title: 'Nominee clinches the nomination', section: 'Politics', date: { iso: '2016-07-27', inferred: false, basis: 'stated in the date line' } });
    expect(parse('Wed Jul 27, 2016')).toMatchObject({ title: 'Nominee clinches the nomination', date: { iso: '2016-07-27', inferred: false } });
    // A headline that mentions a date is still the headline.
    expect(parse('Election day: Nov. 8, 2016 is here').title).toBe('Election day: Nov. 8, 2016 is here');
  });

  it('counts offsets in code points when the text has astral characters (emoji)', () => {
    const text = 'Headline 🚀 here\n\nThe 🛰️ satellite said “hello”. Then it left.';
    const a = parseArticle({ file: 'e.txt', text });
    const last = a.sentences.at(-1)!;
    expect(last.text).toBe('Then it left.');
    expect([...text].slice(last.span.start, last.span.end).join('')).toBe('Then it left.');
  });

  it('joins hard-wrapped lines of one paragraph but keeps one-line paragraphs apart', () => {
    const text = 'Title\n\nThe minister said the plan\nwould be ready next week.\nA second paragraph starts here.';
    const a = parseArticle({ file: 'w.txt', text });
    expect(a.paragraphs.map((p) => p.text)).toEqual(['Title', 'The minister said the plan\nwould be ready next week.', 'A second paragraph starts here.']);
  });
});
