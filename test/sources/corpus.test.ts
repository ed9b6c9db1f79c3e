/** A corpus folder holding every format: one file may hold many articles; re-ingests are idempotent and track items. */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { askLine } from '../../src/app.js';
import { articleByFile } from '../../src/index/queries.js';
import { tempIndex, type TempIndex } from '../helpers/index.js';
import { FIXTURES } from './server.js';

let index: TempIndex;
afterEach(() => index?.cleanup());

const feed = (items: string[]) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>${items
  .map((id) => `<item><title>Item ${id}</title><link>https://wire.example/${id}</link><pubDate>Tue, 22 Oct 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Minister Anna Koval said that item ${id} was confirmed.&lt;/p&gt;</description></item>`)
  .join('')}</channel></rss>`;

describe('a corpus of every format', () => {
  it('indexes pages, Markdown, feeds and exports beside the text files; a second run changes nothing; an item dropped from a feed is dropped', async () => {
    index = await tempIndex();
    copyFileSync(join(FIXTURES, 'story-page.html'), join(index.corpusDir, 'story.html'));
    writeFileSync(join(index.corpusDir, 'note.md'), '---\ntitle: Ferry talks resume\ndate: 2024-10-25\n---\n\nThe operator said on Friday that talks with the port had resumed.\n');
    writeFileSync(join(index.corpusDir, 'wire.xml'), feed(['a', 'b', 'c']));
    writeFileSync(join(index.corpusDir, 'cms.ndjson'), `${JSON.stringify({ title: 'Export one', body: 'The council said that the bridge would reopen in spring.' })}\n${JSON.stringify({ title: 'Export two', body: 'The mayor said that the ferry would run daily.' })}\n`);
    const first = await index.ingest();
    expect(first).toMatchObject({ added: 1 + 1 + 3 + 2, updated: 0, removed: 0, skipped: [] });
    expect(articleByFile(index.db, 'https://harbour-wire.example/news/odesa-grain-resumed')).toMatchObject({ publisher: 'Harbour Wire', date: '2024-10-22' });
    expect(articleByFile(index.db, 'note.md')).toMatchObject({ title: 'Ferry talks resume', date: '2024-10-25', dateInferred: false });
    expect(articleByFile(index.db, 'cms.ndjson#2')?.title).toBe('Export two');
    expect(articleByFile(index.db, 'https://wire.example/b')?.title).toBe('Item b');

    const second = await index.ingest();
    expect(second).toMatchObject({ added: 0, updated: 0, removed: 0, unchanged: 5 + 7 });

    writeFileSync(join(index.corpusDir, 'wire.xml'), feed(['a', 'c']));
    const third = await index.ingest();
    expect(third).toMatchObject({ added: 0, updated: 0, removed: 1 });
    expect(articleByFile(index.db, 'https://wire.example/b')).toBeNull();

    const who = askLine(index.ctx, '/who Anna Koval');
    if ('usage' in who) throw new Error(who.usage);
    expect(who.text).toContain('· https://wire.example/a');
  });
});
