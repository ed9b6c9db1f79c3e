/**
 * A local news site for the live-source tests: node:http on 127.0.0.1 (a random port), serving
 * fixture feeds and pages, and every failure a real site produces. It records each request.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

export const FIXTURES = resolve(import.meta.dirname, '../fixtures/live');
export const fixture = (name: string) => readFileSync(resolve(FIXTURES, name), 'utf8');

export interface NewsSite {
  base: string;
  requests: { path: string; headers: IncomingMessage['headers'] }[];
  /** Serve the feeds as changed (a new ETag) from now on. */
  bumpFeeds(): void;
  close(): Promise<void>;
}

/** Windows-1251 bytes of a Ukrainian story (the encoder Node lacks, done by table for Cyrillic). */
export function windows1251(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c >= 0x410 && c <= 0x44f) bytes.push(c - 0x410 + 0xc0);
    else if (c === 0x456) bytes.push(0xb3); // і
    else if (c === 0x406) bytes.push(0xb2); // І
    else if (c === 0x457) bytes.push(0xbf); // ї
    else if (c === 0x454) bytes.push(0xba); // є
    else if (c === 0x491) bytes.push(0xb4); // ґ
    else if (c === 0x2019) bytes.push(0x92); // ’
    else if (c === 0xab) bytes.push(0xab); // «
    else if (c === 0xbb) bytes.push(0xbb); // »
    else if (c === 0x2014) bytes.push(0x97); // —
    else throw new Error(`no Windows-1251 byte for ${ch}`);
  }
  return Buffer.from(bytes);
}

export const CYRILLIC_STORY = {
  title: 'Уряд схвалив нову програму відбудови мостів',
  paragraphs: [
    'Кабінет міністрів у вівторок схвалив програму відбудови сорока мостів у Харківській області, повідомляє Укрінформ.',
    '«Перші мости відкриють для руху вже навесні», — сказав міністр розвитку громад Олексій Кулеба.',
    'За його словами, на програму виділять два мільярди гривень.',
  ],
};

function cyrillicPage(): Buffer {
  const html = `<!doctype html><html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><title>${CYRILLIC_STORY.title}</title>
<meta property="article:published_time" content="2024-11-05T10:00:00+02:00"></head><body><nav><a href="/">Головна</a> <a href="/news">Новини</a></nav>
<article><h1>${CYRILLIC_STORY.title}</h1>${CYRILLIC_STORY.paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article></body></html>`;
  return windows1251(html);
}

function rss(base: string, items: { title: string; path: string; date: string }[], title = 'Harbour Wire'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title><link>${base}/</link><description>Shipping news</description>
${items.map((i) => `<item><title>${i.title}</title><link>${base}${i.path}</link><guid>${base}${i.path}</guid><pubDate>${i.date}</pubDate><dc:creator>Desk</dc:creator><description>${i.title}.</description></item>`).join('\n')}
</channel></rss>`;
}

/** The feed whose items exercise every failure: its story page is the only one that can be indexed. */
export const RSS_ITEMS = [
  { title: 'Port authority confirms grain shipments resumed at Odesa', path: '/story', date: 'Tue, 22 Oct 2024 06:15:00 GMT' },
  { title: 'Missing page', path: '/missing', date: 'Tue, 22 Oct 2024 07:00:00 GMT' },
  { title: 'Server error', path: '/error', date: 'Tue, 22 Oct 2024 07:10:00 GMT' },
  { title: 'Moved three times', path: '/redirect/3', date: 'Tue, 22 Oct 2024 07:20:00 GMT' },
  { title: 'Going round in circles', path: '/loop/a', date: 'Tue, 22 Oct 2024 07:30:00 GMT' },
  { title: 'A very large page', path: '/huge', date: 'Tue, 22 Oct 2024 07:40:00 GMT' },
  { title: 'A very slow page', path: '/slow', date: 'Tue, 22 Oct 2024 07:50:00 GMT' },
  { title: 'Bridges programme', path: '/cp1251', date: 'Tue, 05 Nov 2024 08:00:00 GMT' },
];

const ATOM_STORY = `<!doctype html><html><head><title>Ferry service to Chornomorsk restored</title>
<meta property="article:published_time" content="2024-10-24"></head><body><article><h1>Ferry service to Chornomorsk restored</h1>
<p>The ferry line between Chornomorsk and Batumi restarted on Thursday after repairs to the terminal, the operator said in a statement.</p>
<p>“Passengers can book crossings again from next week,” said Taras Hnatiuk, the operator’s director, adding that freight would follow in November.</p>
</article></body></html>`;

export async function startNewsSite(): Promise<NewsSite> {
  const requests: NewsSite['requests'] = [];
  let feedVersion = 1;
  let base = '';
  const story = fixture('story-page.html');
  const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}) => {
    let bytes = typeof body === 'string' ? Buffer.from(body) : body;
    const accept = String(req.headers['accept-encoding'] ?? '');
    const extra: Record<string, string> = {};
    // The story comes gzip-compressed, the Atom feed brotli-compressed: both decoders are exercised.
    if (headers['x-compress'] === 'gzip' && accept.includes('gzip')) { bytes = gzipSync(bytes); extra['content-encoding'] = 'gzip'; }
    if (headers['x-compress'] === 'br' && accept.includes('br')) { bytes = brotliCompressSync(bytes); extra['content-encoding'] = 'br'; }
    delete headers['x-compress'];
    res.writeHead(status, { 'content-type': type, 'content-length': String(bytes.length), ...headers, ...extra });
    res.end(bytes);
  };
  const feed = (req: IncomingMessage, res: ServerResponse, type: string, body: () => string, compress?: string) => {
    const etag = `"feed-v${feedVersion}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag });
      return res.end();
    }
    send(req, res, 200, type, body(), { etag, 'last-modified': 'Tue, 22 Oct 2024 10:00:00 GMT', ...(compress ? { 'x-compress': compress } : {}) });
  };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, headers: req.headers });
    const redirect = /^\/redirect\/(\d+)$/.exec(path);
    if (path === '/rss.xml') return feed(req, res, 'application/rss+xml; charset=utf-8', () => rss(base, RSS_ITEMS));
    if (path === '/atom.xml')
      return feed(req, res, 'application/atom+xml', () => `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Desk</title><id>urn:coastal</id><updated>2024-10-24T12:00:00Z</updated>
<entry><title>Ferry service to Chornomorsk restored</title><id>urn:coastal:ferry</id><link rel="alternate" href="${base}/ferry"/><published>2024-10-24T12:00:00Z</published><author><name>Coastal Desk</name></author></entry></feed>`, 'br');
    if (path === '/feed.json')
      return feed(req, res, 'application/feed+json', () => JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'Story JSON', items: [{ id: 'story', url: `${base}/story`, title: 'Port authority confirms grain shipments resumed at Odesa', date_published: '2024-10-22T06:15:00Z' }] }));
    if (path === '/broken.xml')
      return feed(req, res, 'text/xml', () => `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire &nbsp;&amp; Co</title><item><title>Ferry&nbsp;service restored &copy; Coastal</title><link>${base}/ferry</link><guid>ferry</guid><pubDate>Thu, 24 Oct 2024 12:00:00 GMT</pubDate></item></channel></rss>`);
    if (path === '/story') return send(req, res, 200, 'text/html; charset=utf-8', story, { 'x-compress': 'gzip' });
    if (path === '/ferry') return send(req, res, 200, 'text/html; charset=utf-8', ATOM_STORY);
    if (path === '/missing') return send(req, res, 404, 'text/html', '<h1>Not found</h1>');
    if (path === '/error') return send(req, res, 500, 'text/html', '<h1>Internal error</h1>');
    if (redirect) {
      const n = Number(redirect[1]);
      res.writeHead(302, { location: n > 1 ? `/redirect/${n - 1}` : '/ferry' });
      return res.end();
    }
    if (path === '/loop/a' || path === '/loop/b') {
      res.writeHead(301, { location: path === '/loop/a' ? '/loop/b' : '/loop/a' });
      return res.end();
    }
    if (path === '/to-private') {
      res.writeHead(302, { location: `http://127.0.0.2:${(server.address() as AddressInfo).port}/story` });
      return res.end();
    }
    if (path === '/huge') {
      // 10 MB of page, streamed without a length, as a misbehaving CMS might.
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = Buffer.alloc(64 * 1024, '<p>padding padding padding padding</p>\n');
      let sent = 0;
      const write = () => {
        while (sent < 10 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
        res.end();
      };
      res.on('error', () => {});
      return write();
    }
    if (path === '/slow') {
      const timer = setTimeout(() => send(req, res, 200, 'text/html', story), 30_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (path === '/cp1251') return send(req, res, 200, 'text/html; charset=windows-1251', cyrillicPage());
    if (path === '/latin1') return send(req, res, 200, 'text/html; charset=ISO-8859-1', Buffer.from('<html><head><title>Caf\u00e9</title></head><body><article><h1>Caf\u00e9 reopens</h1><p>Ren\u00e9 Dupr\u00e9 said the caf\u00e9 on the quay would reopen in M\u00e4rz, according to the owners, who thanked the neighbours for their patience.</p></article></body></html>', 'latin1'));
    if (path === '/export.ndjson')
      return send(req, res, 200, 'application/x-ndjson', [
        JSON.stringify({ title: 'Harbour dues cut for grain ships', url: 'https://cms.example/dues', published: '2024-10-25', author: 'Desk', publisher: 'Harbour Wire', body: '<p>The port authority said on Friday that harbour dues for grain ships would be cut by a fifth until the end of the year.</p>' }),
        JSON.stringify({ title: 'Pilot shortage eases', body: 'The pilots’ association said that twelve new pilots had been licensed since September.' }),
      ].join('\n'));
    if (path === '/image.png') return send(req, res, 200, 'image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    send(req, res, 404, 'text/plain', 'no such fixture');
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    base,
    requests,
    bumpFeeds: () => void feedVersion++,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
