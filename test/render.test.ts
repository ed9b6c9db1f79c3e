import { describe, expect, it } from 'vitest';
import type { Answer, AnswerItem, Citation } from '../src/answers/types.js';
import { decodePageRef, encodePageRef, pagingKey, renderDiscordPages } from '../src/render/discord.js';
import { escapeForDiscord } from '../src/render/escape.js';
import { DISCORD_LIMITS } from '../src/render/limits.js';
import { CITATIONS_SHOWN, formatCitation, formatCitationLinked } from '../src/render/citation.js';
import { cutText, isWellFormed, shorten } from '../src/text/cut.js';
import { renderText } from '../src/render/text.js';
import { answerBlocks } from '../src/render/blocks.js';

const citation = (n: number, overrides: Partial<Citation> = {}): Citation => ({
  file: `00${n}_article.txt`,
  url: null,
  title: `Title number ${n} with some words`,
  publisher: 'Censor.NET',
  cites: ['Interfax-Ukraine'],
  date: '2024-10-21',
  dateInferred: true,
  paragraph: n,
  span: { start: n * 10, end: n * 10 + 5 },
  ...overrides,
});

function answerWith(items: AnswerItem[], title = 'Claims: troops'): Answer {
  return { command: 'claims', query: 'troops', title, sections: [{ title: 'Matching sentences', items }], notes: [], suggestions: [], empty: items.length === 0 };
}

/** Every limit Discord documents, checked on one payload. */
function assertWithinLimits(payload: ReturnType<typeof renderDiscordPages>[number]) {
  expect(payload.allowed_mentions).toEqual({ parse: [] });
  expect(payload.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
  let total = 0;
  for (const e of payload.embeds) {
    expect((e.title ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
    expect((e.description ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
    expect((e.footer?.text ?? '').length).toBeLessThanOrEqual(DISCORD_LIMITS.embedFooter);
    total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
  }
  expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const row of payload.components) for (const b of row.components) expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
}

describe('citations', () => {
  it('read [n] Title — Publisher (citing X), date, ¶k · file, with ≈ for inferred dates', () => {
    expect(formatCitation(3, citation(4))).toBe('[3] Title number 4 with some words — Censor.NET (citing Interfax-Ukraine), ≈2024-10-21, ¶4 · 004_article.txt');
    expect(formatCitation(1, citation(0, { publisher: null, cites: [], date: null }))).toBe('[1] Title number 0 with some words — publisher not stated, date unknown, title · 000_article.txt');
  });
});

describe('Discord rendering', () => {
  it('escapes markdown and neutralises mentions in quoted text', () => {
    const hostile = 'Hey @everyone and @here, <@123456789012345678> <@&42> **bold** `code` [link](http://x) > quote';
    const out = escapeForDiscord(hostile);
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@&|\*\*bold\*\*|`code`/);
    expect(out.replace(/\\|\u200b/g, '')).toBe(hostile);
  });

  it('pages a long answer without splitting any item or its citations, every page within limits', () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ excerpt: `Sentence ${i} `.repeat(40), citations: [citation(i + 1), citation(i + 2)] }));
    const pages = renderDiscordPages(answerWith(items), { key: 'q:troops' });
    expect(pages.length).toBeGreaterThan(3);

    for (let i = 0; i < 40; i++) {
      const description = pages.find((p) => p.embeds[0]!.description!.includes(`Sentence ${i} Sentence ${i}`))!.embeds[0]!.description!;
      // The item's excerpt and both of its citations are on the same page.
      const item = description.split(`**${i + 1}.**`)[1]!.split('\n\n')[0]!;
      expect(item).toContain(`Sentence ${i}`);
      expect(item.split('\n').filter((l) => l.startsWith('\\[')).length).toBe(2);
    }
    pages.forEach(assertWithinLimits);
    expect(pages[0]!.embeds[0]!.footer!.text).toMatch(/^Page 1\/\d+/);
  });

  it('paging buttons carry the command, page and query, and decode back', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ excerpt: 'word '.repeat(200) + i, citations: [citation(i)] }));
    const pages = renderDiscordPages(answerWith(items), { key: pagingKey('troops').key });
    const [previous, next] = pages[0]!.components[0]!.components;
    expect(previous!.disabled).toBe(true);
    expect(decodePageRef(next!.custom_id)).toEqual({ command: 'claims', page: 1, key: 'q:troops' });
    expect(decodePageRef(encodePageRef({ command: 'who', page: 2, key: 'q:Rutte' }))).toEqual({ command: 'who', page: 2, key: 'q:Rutte' });
  });

  it('a query too long for a custom_id is carried by a saved key', () => {
    const long = 'north korean troops '.repeat(20);
    const { key, mustSave } = pagingKey(long);
    expect(mustSave).toBe(true);
    expect(encodePageRef({ command: 'timeline', page: 9999, key }).length).toBeLessThanOrEqual(100);
  });

  it('a single enormous item is shortened with a marker, keeping its citations', () => {
    const pages = renderDiscordPages(answerWith([{ excerpt: 'x'.repeat(10_000), citations: [citation(1)] }]), { key: 'q:x' });
    expect(pages).toHaveLength(1);
    expect(pages[0]!.embeds[0]!.description).toContain('excerpt shortened');
    expect(pages[0]!.embeds[0]!.description).toContain('001\\_article.txt');
    assertWithinLimits(pages[0]!);
  });

  it('the private option sets the ephemeral flag; an empty answer still renders', () => {
    const [page] = renderDiscordPages(answerWith([]), { key: 'q:x', ephemeral: true });
    expect(page!.flags).toBe(64);
    expect(page!.embeds[0]!.description).toBe('Nothing in the articles on file matches “troops”.');
  });
});

describe('terminal rendering', () => {
  it('shows the same items unescaped and unpaged', () => {
    const text = renderText(answerWith([{ excerpt: 'Troops **moved**.', citations: [citation(1)] }]));
    expect(text).toContain('“Troops **moved**.”');
    expect(text).toContain('[1] Title number 1 with some words — Censor.NET (citing Interfax-Ukraine), ≈2024-10-21, ¶1 · 001_article.txt');
  });
});

describe('round two: what a red team broke', () => {
  const EMOJI = '😀';
  /** Every string in a payload is well-formed UTF-16: no emoji cut in half. */
  const wellFormed = (payload: unknown) => expect(JSON.stringify(payload, (_k, v) => (typeof v === 'string' && !isWellFormed(v) ? `ILL-FORMED:${JSON.stringify(v.slice(-4))}` : v))).not.toContain('ILL-FORMED');

  it('shortening never cuts a character in half, at any length, for emoji, flags and accents', () => {
    for (const unit of [EMOJI, '🇺🇦', '👨‍👩‍👧', 'é', 'e\u0301', 'a😀']) {
      for (let max = 1; max < 40; max++) {
        const text = unit.repeat(50);
        const cut = shorten(text, max);
        expect(isWellFormed(cut), `${unit} at ${max}`).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(isWellFormed(cutText(text, max))).toBe(true);
      }
    }
  });

  it('Discord pages, titles, buttons and digests of emoji-only text are well-formed', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({ excerpt: EMOJI.repeat(3000 + i), citations: [citation(i + 1, { title: EMOJI.repeat(500) })] }));
    const pages = renderDiscordPages(answerWith(items, EMOJI.repeat(300)), { key: pagingKey(EMOJI.repeat(60)).key });
    pages.forEach(wellFormed);
    pages.forEach(assertWithinLimits);
  });

  it('a passage repeated in 80 articles: a bounded list of citations with the count of the rest, never cut mid-line', () => {
    const citations = Array.from({ length: 80 }, (_, i) => citation(i + 1));
    const answer: Answer = { ...answerWith([]), empty: false, sections: [{ title: 'Asserts', items: [{ excerpt: 'Troops moved.', citations }] }] };
    const pages = renderDiscordPages(answer, { key: 'q:troops' });
    expect(pages).toHaveLength(1);
    const description = pages[0]!.embeds[0]!.description!;
    expect(description).toContain('Asserts');
    const lines = description.split('\n');
    expect(lines.filter((l) => l.startsWith('\\['))).toHaveLength(CITATIONS_SHOWN);
    expect(lines.at(-1)).toBe('+ 72 more articles with the same passage');
    for (const line of lines.filter((l) => l.startsWith('\\['))) expect(line).toMatch(/· 0\d+\\_article\.txt$/);
    expect(renderText(answer)).toContain('+ 72 more articles with the same passage');
  });

  it('a page never ends on a heading: the heading moves to the page of its first item', () => {
    const long = (i: number) => ({ excerpt: `word${i} `.repeat(420), citations: [citation(i + 1)] });
    const answer: Answer = { ...answerWith([]), empty: false, sections: [{ title: 'Confirms', items: [long(1)] }, { title: 'Denies', items: [long(2)] }, { title: 'Asserts', items: [long(3)] }] };
    for (const page of renderDiscordPages(answer, { key: 'q:troops' })) {
      const blocks = page.embeds[0]!.description!.split('\n\n');
      expect(blocks.at(-1)).not.toMatch(/^__\*\*/);
    }
  });

  it('a 4.5 MB title is bounded in every citation', () => {
    const line = formatCitation(1, citation(1, { title: 'Headline '.repeat(500_000) }));
    expect(line.length).toBeLessThan(400);
    expect(line).toMatch(/… — Censor\.NET/);
  });

  it('links are neutralised wherever the scheme appears, even glued to a word', () => {
    for (const text of ['x_https://evil.example', '1https://evil.example', 'aHTTP://evil.example', 'see:https://evil.example', 'é https://evil.example']) {
      expect(escapeForDiscord(text), text).not.toMatch(/https?:\/\//i);
    }
  });
});

describe('what is rendered is bounded by what is shown', () => {
  it('a 4.5 MB excerpt is cut before it is escaped for Discord: the page holds a shortened quote and its citation', () => {
    const huge = 'troops moved along the river '.repeat(160_000);
    let escaped = 0;
    const counting = (text: string) => {
      escaped += text.length;
      return escapeForDiscord(text);
    };
    answerBlocks(answerWith([{ excerpt: huge, citations: [citation(1)] }]), counting);
    expect(escaped).toBeLessThan(20_000);
    const [page] = renderDiscordPages(answerWith([{ excerpt: huge, citations: [citation(1)] }]), { key: 'q:troops' });
    assertWithinLimits(page!);
    expect(page!.embeds[0]!.description).toContain('excerpt shortened to fit Discord');
    expect(page!.embeds[0]!.description).toContain('001\\_article.txt');
  });
});

describe('links back to the original', () => {
  it('links the title in Discord, escapes it, and keeps the URL from closing the link early', () => {
    const c = { ...citation(1), title: 'Title [with] *marks*', cites: [], dateInferred: false, url: 'https://wire.example/a(b)c', file: 'https://wire.example/a(b)c' };
    expect(formatCitationLinked(1, c, escapeForDiscord)).toBe('\\[1\\] [Title \\[with\\] \\*marks\\*](https://wire.example/a%28b%29c) — Censor.NET, 2024\\-10\\-21, ¶1');
    expect(formatCitation(1, c)).toBe('[1] Title [with] *marks* — Censor.NET, 2024-10-21, ¶1 · https://wire.example/a(b)c');
  });

  it('does not link what is not http(s), and names a file key beside the link', () => {
    expect(formatCitationLinked(1, { ...citation(1), url: 'javascript:alert(1)' }, escapeForDiscord)).not.toContain('](');
    expect(formatCitationLinked(1, { ...citation(1), url: 'https://wire.example/x' }, escapeForDiscord)).toMatch(/\]\(https:\/\/wire\.example\/x\) — .* · 001\\_article\.txt$/);
  });
});
