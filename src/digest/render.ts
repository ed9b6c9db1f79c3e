/**
 * A Digest as channel messages: each item a block that is never split (its
 * heading, excerpts and citation lines together), blocks packed into as few
 * messages as fit Discord's limits, a section heading kept with its first item.
 * And the same blocks as terminal text.
 */
import { CitationNumbers, formatCitation, formatCitationLinked } from '../render/citation.js';
import type { MessagePayload } from '../render/discord.js';
import { escapeForDiscord, shorten } from '../render/escape.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import type { Digest, DigestItem } from './compose.js';
import type { DigestPart } from './store.js';

type Escape = (text: string) => string;

export interface DigestBlock {
  kind: 'summary' | 'heading' | 'item' | 'note';
  discord: string;
  plain: string;
  /** Ledger key of the item a block shows. */
  itemKey?: string;
}

const COLOR = 0x2f855a;
/** Room for a message's blocks in one embed description (the rest of 4096 absorbs separators). */
export const DIGEST_DESCRIPTION_BUDGET = DISCORD_LIMITS.embedDescription - 96;
const FOOTER = 'Verbatim excerpts; ≈ marks an inferred date';

function itemText(item: DigestItem, index: number, numbers: CitationNumbers, escape: Escape, discord: boolean, lineMax: number): string {
  const ref = (line: DigestItem['lines'][number]) => (line.citation ? ` [${numbers.numberOf(line.citation)}]` : '');
  const head = discord ? `**${index}. ${escape(item.heading)}**` : `${index}. ${item.heading}`;
  const lines = item.lines.map((line) => {
    const text = shorten(line.text, lineMax);
    if (line.style === 'quote') return discord ? `> ${escape(text).replace(/\n/g, '\n> ')}${ref(line)}` : `   “${text}”${ref(line)}`;
    return discord ? `• ${escape(text)}${ref(line)}` : `   • ${text}${ref(line)}`;
  });
  const byNumber = new Map<number, (typeof item.citations)[number]>();
  for (const c of item.citations) {
    const n = numbers.numberOf(c);
    if (!byNumber.has(n)) byNumber.set(n, c);
  }
  const citations = [...byNumber]
    .sort(([a], [b]) => a - b)
    .map(([n, c]) => (discord ? formatCitationLinked(n, c, escape) : `   ${formatCitation(n, c)}`));
  return [head, ...lines, ...citations].join('\n');
}

/**
 * One item's block, within `budget`: if its excerpts make it too long they are
 * shortened (never its citations), so the item still travels whole.
 */
function fittedItem(item: DigestItem, index: number, numbers: CitationNumbers, escape: Escape, discord: boolean, budget: number): string {
  let lineMax = 100_000;
  let text = itemText(item, index, numbers, escape, discord, lineMax);
  while (text.length > budget && lineMax > 40) {
    lineMax = Math.floor(Math.min(lineMax, Math.max(...item.lines.map((l) => l.text.length))) / 2);
    text = itemText(item, index, numbers, escape, discord, lineMax);
  }
  return text.length > budget ? shorten(text, budget) : text;
}

/** The digest's blocks, in order: summary, then per section a heading and its items, then notes. */
export function digestBlocks(digest: Digest, budget = DIGEST_DESCRIPTION_BUDGET): DigestBlock[] {
  const discordNumbers = new CitationNumbers();
  const plainNumbers = new CitationNumbers();
  const blocks: DigestBlock[] = [{ kind: 'summary', discord: `*${escapeForDiscord(digest.summary)}*`, plain: digest.summary }];
  let index = 0;
  for (const section of digest.sections) {
    blocks.push({ kind: 'heading', discord: `__**${escapeForDiscord(section.title)}**__`, plain: section.title });
    for (const item of section.items) {
      index++;
      blocks.push({
        kind: 'item',
        discord: fittedItem(item, index, discordNumbers, escapeForDiscord, true, budget),
        plain: fittedItem(item, index, plainNumbers, (t) => t, false, Number.MAX_SAFE_INTEGER),
        itemKey: item.key,
      });
    }
    if (section.omitted > 0) {
      const note = `${section.omitted} more left out of this section to keep the digest short.`;
      blocks.push({ kind: 'note', discord: `*${escapeForDiscord(note)}*`, plain: note });
    }
  }
  return blocks;
}

/** Packs blocks into pages of at most `budget` characters (joined by blank lines); a heading never ends a page. */
export function packBlocks(blocks: DigestBlock[], budget = DIGEST_DESCRIPTION_BUDGET): DigestBlock[][] {
  const pages: DigestBlock[][] = [];
  let current: DigestBlock[] = [];
  let size = 0;
  const sizeOf = (page: DigestBlock[]) => page.reduce((n, b) => n + b.discord.length, 0) + Math.max(0, page.length - 1) * 2;
  for (const block of blocks) {
    const extra = (current.length > 0 ? 2 : 0) + block.discord.length;
    if (current.length > 0 && size + extra > budget) {
      // Carry trailing headings over so each stays with its first item.
      const carried: DigestBlock[] = [];
      while (current.length > 1 && current.at(-1)!.kind === 'heading') carried.unshift(current.pop()!);
      pages.push(current);
      current = carried;
      size = sizeOf(current);
    }
    size += (current.length > 0 ? 2 : 0) + block.discord.length;
    current.push(block);
  }
  if (current.length > 0) pages.push(current);
  return pages;
}

/** The channel messages of a digest, each with the item keys it carries. Empty digests: one line, or none. */
export function renderDigestParts(digest: Digest, options: { whenEmpty: 'line' | 'skip'; budget?: number } = { whenEmpty: 'line' }): DigestPart[] {
  if (digest.empty) {
    if (options.whenEmpty === 'skip') return [];
    return [{ payload: { content: escapeForDiscord(digest.emptyLine), embeds: [], components: [], allowed_mentions: { parse: [] } }, itemKeys: [] }];
  }
  const budget = options.budget ?? DIGEST_DESCRIPTION_BUDGET;
  const pages = packBlocks(digestBlocks(digest, budget), budget);
  const title = shorten(escapeForDiscord(digest.title), DISCORD_LIMITS.embedTitle);
  return pages.map((page, i) => {
    const footer = pages.length > 1 ? `Part ${i + 1}/${pages.length} · ${FOOTER}` : FOOTER;
    const payload: MessagePayload = {
      embeds: [
        {
          title: i === 0 ? title : shorten(`${title} (continued)`, DISCORD_LIMITS.embedTitle),
          description: page.map((b) => b.discord).join('\n\n'),
          color: COLOR,
          footer: { text: footer },
        },
      ],
      components: [],
      allowed_mentions: { parse: [] },
    };
    return { payload, itemKeys: page.flatMap((b) => (b.itemKey ? [b.itemKey] : [])) };
  });
}

/** The digest as terminal text: the same blocks, unescaped, unpaged. */
export function renderDigestText(digest: Digest): string {
  if (digest.empty) return `${digest.emptyLine}\n`;
  const lines = [digest.title];
  for (const b of digestBlocks(digest)) lines.push(b.kind === 'heading' ? `\n${b.plain}` : b.plain);
  return `${lines.join('\n')}\n`;
}

/** Checks a payload against Discord's message limits; the problems found (empty when it fits). */
export function payloadProblems(payload: MessagePayload): string[] {
  const problems: string[] = [];
  if ((payload.content ?? '').length > DISCORD_LIMITS.content) problems.push(`content is ${payload.content!.length} > ${DISCORD_LIMITS.content}`);
  if (payload.embeds.length > DISCORD_LIMITS.embedsPerMessage) problems.push('too many embeds');
  let total = 0;
  for (const e of payload.embeds) {
    const title = e.title?.length ?? 0;
    const description = e.description?.length ?? 0;
    const footer = e.footer?.text.length ?? 0;
    if (title > DISCORD_LIMITS.embedTitle) problems.push(`embed title ${title} > ${DISCORD_LIMITS.embedTitle}`);
    if (description > DISCORD_LIMITS.embedDescription) problems.push(`embed description ${description} > ${DISCORD_LIMITS.embedDescription}`);
    if (footer > DISCORD_LIMITS.embedFooter) problems.push(`embed footer ${footer} > ${DISCORD_LIMITS.embedFooter}`);
    total += title + description + footer + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  }
  if (total > DISCORD_LIMITS.embedTotal) problems.push(`embeds total ${total} > ${DISCORD_LIMITS.embedTotal}`);
  if ((payload.content ?? '') === '' && payload.embeds.length === 0) problems.push('empty message');
  return problems;
}
