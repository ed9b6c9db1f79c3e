/**
 * A Digest as channel messages: each item a block that is never split (its
 * heading, excerpts and citation lines together), blocks packed into as few
 * messages as fit Discord's limits, a section heading kept with its first item.
 * And the same blocks as terminal text.
 */
import type { Citation } from '../answers/types.js';
import { citationLines, CitationNumbers, formatCitation, formatCitationLinked, formatFigureRef, formatPositionChange, formatSource, formatStatementHead } from '../render/citation.js';
import type { MessagePayload } from '../render/discord.js';
import { escapeForDiscord, escapeForTerminal, shorten } from '../render/escape.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import type { Digest, DigestHead, DigestItem, DigestLine } from './compose.js';
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

/** An item's heading, written out from its head (the same formats as every answer: render/citation.ts). */
export function digestHeading(head: DigestHead): string {
  switch (head.kind) {
    case 'article':
      return `${formatSource(head.citation)}${head.via ? ` · via ${head.via}` : ''}`;
    case 'statement':
      return formatStatementHead({ speaker: head.speaker, stance: head.stance, kind: head.statementKind, date: head.date, dateInferred: head.dateInferred, figures: head.figures });
    case 'figures':
      return `${head.counted}: figures differ`;
    case 'position':
      return formatPositionChange(head.change, 'short');
  }
}

/** A line's text, before escaping and shortening; its citation is numbered separately. */
export function digestLineText(line: DigestLine): string {
  return line.style === 'figure' ? formatFigureRef(line.figure, false) : line.text;
}

function lineCitation(line: DigestLine): Citation | undefined {
  return line.style === 'quote' ? line.citation : line.style === 'figure' ? line.figure.citation : undefined;
}

function itemText(item: DigestItem, index: number, numbers: CitationNumbers, escape: Escape, discord: boolean, lineMax: number): string {
  const ref = (line: DigestLine) => {
    const citation = lineCitation(line);
    return citation ? ` [${numbers.numberOf(citation)}]` : '';
  };
  const heading = digestHeading(item.head);
  const head = discord ? `**${index}. ${escape(heading)}**` : `${index}. ${heading}`;
  const lines = item.lines.map((line) => {
    const text = shorten(digestLineText(line), lineMax);
    if (line.style === 'quote') return discord ? `> ${escape(text).replace(/\n/g, '\n> ')}${ref(line)}` : `   “${text}”${ref(line)}`;
    return discord ? `• ${escape(text)}${ref(line)}` : `   • ${text}${ref(line)}`;
  });
  const byNumber = new Map<number, (typeof item.citations)[number]>();
  for (const c of item.citations) {
    const n = numbers.numberOf(c);
    if (!byNumber.has(n)) byNumber.set(n, c);
  }
  const unique = [...byNumber].sort(([a], [b]) => a - b).map(([, c]) => c);
  const citations = discord
    ? citationLines(unique, numbers, (n, c) => formatCitationLinked(n, c, escape), escape)
    : citationLines(unique, numbers, (n, c) => `   ${formatCitation(n, c)}`, (note) => `   ${note}`);
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
    lineMax = Math.floor(Math.min(lineMax, Math.max(...item.lines.map((l) => digestLineText(l).length))) / 2);
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

/**
 * The first `max` pages, the last ending with a note that counts the items left
 * out, by section, and points to /digest preview (items are dropped from the
 * end of the last page until the note fits). Items left out are not in any
 * part's keys, so the ledger still holds them as new for the next digest.
 */
function capPages(digest: Digest, pages: DigestBlock[][], max: number, budget: number): DigestBlock[][] {
  if (pages.length <= max) return pages;
  const kept = pages.slice(0, max).map((page) => [...page]);
  const left = pages.slice(max).flat().filter((b) => b.kind === 'item');
  const last = kept[max - 1]!;
  const sizeOf = (page: DigestBlock[]) => page.reduce((n, b) => n + b.discord.length + 2, 0);
  const sectionOf = new Map(digest.sections.flatMap((section) => section.items.map((item) => [item.key, section.title] as const)));
  const note = (): DigestBlock => {
    const bySection = new Map<string, number>();
    for (const b of left) bySection.set(sectionOf.get(b.itemKey!) ?? '', (bySection.get(sectionOf.get(b.itemKey!) ?? '') ?? 0) + 1);
    const counts = [...bySection].map(([title, n]) => `${title}: ${n}`).join('; ');
    const text = `${left.length} more item${left.length === 1 ? '' : 's'} left out to keep this digest to ${max} message${max === 1 ? '' : 's'} (${counts}). /digest preview shows them all; they stay new for the next digest.`;
    return { kind: 'note', discord: `*${escapeForDiscord(text)}*`, plain: text };
  };
  while (last.length > 1 && sizeOf(last) + note().discord.length > budget) {
    const dropped = last.pop()!;
    if (dropped.kind === 'item') left.unshift(dropped);
  }
  while (last.length > 1 && last.at(-1)!.kind === 'heading') last.pop();
  last.push(note());
  return kept;
}

/** The channel messages of a digest, each with the item keys it carries. Empty digests: one line, or none. */
export function renderDigestParts(digest: Digest, options: { whenEmpty: 'line' | 'skip'; budget?: number; maxMessages?: number | undefined } = { whenEmpty: 'line' }): DigestPart[] {
  if (digest.empty) {
    if (options.whenEmpty === 'skip') return [];
    return [{ payload: { content: escapeForDiscord(digest.emptyLine), embeds: [], components: [], allowed_mentions: { parse: [] } }, itemKeys: [] }];
  }
  const budget = options.budget ?? DIGEST_DESCRIPTION_BUDGET;
  const pages = capPages(digest, packBlocks(digestBlocks(digest, budget), budget), options.maxMessages ?? Number.POSITIVE_INFINITY, budget);
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
    // The first message counts the items left out ("and 7 more"): they, and the repeats merged into
    // shown items, are recorded with it, so no later digest offers them again.
    const omitted = i === 0 ? digest.sections.flatMap((s) => s.coveredKeys) : [];
    return { payload, itemKeys: [...page.flatMap((b) => (b.itemKey ? [b.itemKey] : [])), ...omitted] };
  });
}

/** The digest as terminal text: the same blocks, unescaped, unpaged. */
export function renderDigestText(digest: Digest): string {
  if (digest.empty) return `${digest.emptyLine}\n`;
  const lines = [digest.title];
  for (const b of digestBlocks(digest)) lines.push(b.kind === 'heading' ? `\n${b.plain}` : b.plain);
  return escapeForTerminal(`${lines.join('\n')}\n`);
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
