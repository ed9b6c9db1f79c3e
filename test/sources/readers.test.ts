/** Readers per format, chosen by content; a page gives the same statements as the story saved as text. */
import { describe, expect, it } from 'vitest';
import { documentsOf } from '../../src/corpus/documents.js';
import { parseArticle } from '../../src/corpus/parse.js';
import { prepareArticle, prepareDocument } from '../../src/pipeline/prepare.js';
import { parseFeedItems } from '../../src/sources/feed.js';
import { readDocuments, readerFor } from '../../src/sources/readers.js';
import { ReadError } from '../../src/sources/types.js';
import { fixture } from './server.js';

const BASE = 'https://wire.example';

describe('choosing a reader by content', () => {
  it('reads the content, not only the name', () => {
    expect(readerFor('<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>', 'export.dat').format).toBe('feed');
    expect(readerFor('{"version":"https://jsonfeed.org/version/1.1","items":[]}', 'feed', 'application/json').format).toBe('feed');
    expect(readerFor('<!DOCTYPE html><html><body></body></html>', 'page.txt').format).toBe('html');
    expect(readerFor('# Title\n\nBody text.', 'note.md').format).toBe('markdown');
    expect(readerFor('{"title":"a","body":"b"}\n{"title":"c","body":"d"}\n', 'cms.ndjson').format).toBe('json');
    // A seed-like text file stays text, even when it mentions tags.
    expect(readerFor('Headline\n\nHe said <b> is bold.\n', 'a.txt').format).toBe('text');
  });

  it('leaves plain text exactly as it was', () => {
    const text = 'EU and the world\n\nHeadline here\n\nBody paragraph.\n';
    expect(readDocuments(text, 'x.txt')).toEqual([{ title: null, url: null, published: null, byline: null, publisher: null, text }]);
  });
});

describe('HTML pages', () => {
  it('keeps the three-paragraph story and drops navigation, cookie banner, sidebar, share bar, related links and comments', () => {
    const [doc] = readDocuments(fixture('story-page.html'), `${BASE}/x`);
    expect(doc).toMatchObject({
      title: 'Port authority confirms grain shipments resumed at Odesa',
      url: 'https://harbour-wire.example/news/odesa-grain-resumed',
      published: '2024-10-22',
      byline: 'Iryna Kovalchuk',
      publisher: 'Harbour Wire',
    });
    const paragraphs = doc!.text.trim().split('\n\n');
    expect(paragraphs).toHaveLength(4);
    expect(doc!.text).not.toMatch(/cookies|Most read|Share on|Related stories|comments|seadog77|Leave a comment|All rights reserved|Tags:/i);
  });

  it('gives the same statements as the same story saved as text', () => {
    const [page] = readDocuments(fixture('story-page.html'), `${BASE}/x`);
    const fromPage = prepareDocument({ key: page!.url!, hash: 'h', document: page! }, 2024);
    const fromText = prepareArticle(parseArticle({ file: 'story-saved.txt', text: fixture('story-saved.txt') }));
    if (!fromPage.ok) throw new Error(fromPage.reason);
    const view = (statements: typeof fromText.statements) => statements.map((s) => ({ kind: s.kind, speaker: s.speaker, stance: s.stance, content: s.content, cue: s.cue, figures: s.figures.map((f) => f.text) }));
    expect(fromText.statements.length).toBeGreaterThanOrEqual(2);
    expect(view(fromPage.article.statements)).toEqual(view(fromText.statements));
    expect(fromPage.article.paragraphs.map((p) => p.text)).toEqual(fromText.paragraphs.map((p) => p.text));
    expect({ title: fromPage.article.title, date: fromPage.article.date.iso, publisher: fromPage.article.publisher, url: fromPage.article.url }).toEqual({
      title: fromText.title,
      date: fromText.date.iso,
      publisher: fromText.publisher,
      url: fromText.url,
    });
  });

  it('ignores a canonical link to the home page (a CMS default), keeping the page its own identity', () => {
    const html = fixture('story-page.html').replace('https://harbour-wire.example/news/odesa-grain-resumed', 'https://harbour-wire.example/');
    expect(readDocuments(html, `${BASE}/news/42`)[0]!.url).toBe(`${BASE}/news/42`);
  });

  it('refuses a page with no article in it', () => {
    expect(() => readDocuments('<html><body><nav><a href="/">Home</a></nav></body></html>', `${BASE}/empty`)).toThrow(ReadError);
  });
});

describe('feeds', () => {
  const rss = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire</title>
<item><title>First</title><link>${BASE}/1</link><guid>g1</guid><pubDate>Tue, 22 Oct 2024 10:00:00 GMT</pubDate><author>desk@wire.example (Desk)</author>
<content:encoded><![CDATA[<p>One paragraph, the minister said.</p><p>Another.</p>]]></content:encoded></item>
<item><title>Second</title><link>${BASE}/2</link><pubDate>Wed, 23 Oct 2024 10:00:00 GMT</pubDate><description>Summary only.</description></item></channel></rss>`;

  it('reads RSS 2.0 items with their links, dates, authors and content', () => {
    const feed = parseFeedItems(rss, null);
    expect(feed.title).toBe('Wire');
    expect(feed.items.map((i) => [i.id, i.url, i.published, i.title])).toEqual([
      ['g1', `${BASE}/1`, '2024-10-22', 'First'],
      [`${BASE}/2`, `${BASE}/2`, '2024-10-23', 'Second'],
    ]);
    expect(feed.items[0]!.text).toBe('First\n\nOne paragraph, the minister said.\n\nAnother.\n');
  });

  it('reads Atom and JSON Feed', () => {
    const atom = parseFeedItems(`<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><title>X</title><id>urn:x</id><link rel="alternate" href="${BASE}/x"/><published>2024-10-24T12:00:00Z</published><author><name>Bob</name></author><content type="html">&lt;p&gt;Body.&lt;/p&gt;</content></entry></feed>`, null);
    expect(atom.items[0]).toMatchObject({ id: 'urn:x', url: `${BASE}/x`, title: 'X', published: '2024-10-24', byline: 'Bob', publisher: 'A' });
    const json = parseFeedItems(JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'J', items: [{ id: '1', url: `${BASE}/j`, title: 'T', content_text: 'Para one.\n\nPara two.', date_published: '2024-10-25T01:00:00+03:00', authors: [{ name: 'Z' }] }] }), null);
    expect(json.items[0]).toMatchObject({ url: `${BASE}/j`, published: '2024-10-25', byline: 'Z', text: 'T\n\nPara one.\n\nPara two.\n' });
  });

  it('reads a feed with broken entities instead of refusing it', () => {
    const broken = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &nbsp;&amp; Co</title><item><title>Tom & Jerry&nbsp;return &copy;</title><link>${BASE}/t</link></item><item><title>Next</title><link>${BASE}/n</link></item></channel></rss>`;
    const feed = parseFeedItems(broken, null);
    expect(feed.items.map((i) => i.url)).toEqual([`${BASE}/t`, `${BASE}/n`]);
    expect(feed.items[0]!.title).toMatch(/^Tom & Jerry/);
  });

  it('a feed file in the corpus holds several articles, each known by its URL', () => {
    const found = documentsOf('wire.xml', rss, 'filehash');
    if (!found.ok) throw new Error(found.reason);
    expect(found.documents.map((d) => d.key)).toEqual([`${BASE}/1`, `${BASE}/2`]);
  });
});

describe('Markdown and exports', () => {
  it('reads Markdown with front matter, inline markup as plain words', () => {
    const [doc] = readDocuments('---\ntitle: Budget passed\ndate: 2024-12-01\nauthor: Ann Lee\n---\n# Ignored heading\n\nThe **budget** was [passed](https://x.example), the speaker said.\n\n- item one\n', 'b.md');
    expect(doc).toMatchObject({ title: 'Budget passed', published: '2024-12-01', byline: 'Ann Lee' });
    expect(doc!.text).toBe('Budget passed\n\nThe budget was passed, the speaker said.\n\nitem one\n');
  });

  it('reads NDJSON and JSON exports; articles without a URL are file#n', () => {
    const ndjson = [
      JSON.stringify({ title: 'A', url: `${BASE}/a`, published: '2024-10-01T08:00:00Z', author: 'X', publisher: 'P', body: '<p>Alpha one.</p><p>Alpha two.</p>' }),
      JSON.stringify({ title: 'B', body: 'Beta.' }),
      JSON.stringify({ title: 'C', body: 'Gamma.' }),
    ].join('\n');
    const found = documentsOf('cms.ndjson', ndjson, 'h');
    if (!found.ok) throw new Error(found.reason);
    expect(found.documents.map((d) => d.key)).toEqual([`${BASE}/a`, 'cms.ndjson#2', 'cms.ndjson#3']);
    expect(found.documents[0]!.document).toMatchObject({ published: '2024-10-01', byline: 'X', publisher: 'P', text: 'A\n\nAlpha one.\n\nAlpha two.\n' });
    const json = documentsOf('cms.json', JSON.stringify({ articles: [{ title: 'A', body: 'x' }, { title: '', body: 'y' }] }), 'h');
    expect(json).toEqual({ ok: false, reason: 'article 2: title: expected a non-empty title' });
  });
});
