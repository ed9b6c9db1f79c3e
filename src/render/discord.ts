/**
 * An Answer as Discord message payloads (the raw API shape discord.js sends):
 * one embed a page, pages cut between blocks so no item or citation is split,
 * Previous/Next buttons whose custom_id carries the query, no mentions parsed.
 */
import { createHash } from 'node:crypto';
import type { Answer, CommandName } from '../answers/types.js';
import { answerBlocks, type Block } from './blocks.js';
import { escapeForDiscord, shorten } from './escape.js';
import { DISCORD_LIMITS, EPHEMERAL_FLAG } from './limits.js';
import { cutText } from '../text/cut.js';

export interface ApiEmbed {
  title?: string;
  description?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}

export interface ApiButton {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface ApiActionRow {
  type: 1;
  components: ApiButton[];
}

/** A message body as Discord's API takes it. */
export interface MessagePayload {
  content?: string;
  embeds: ApiEmbed[];
  components: ApiActionRow[];
  allowed_mentions: { parse: [] };
  flags?: number;
}

const COLOR_FOUND = 0x2b6cb0;
const COLOR_EMPTY = 0x718096;
/** Room left in the description for the page's blocks; the rest of 4096 absorbs separators. */
const DESCRIPTION_BUDGET = DISCORD_LIMITS.embedDescription - 96;
/** Longest query carried in a custom_id verbatim; longer ones are saved and carried by key. */
export const INLINE_QUERY_MAX = 70;

/** What a Previous/Next button needs to rebuild its page after a restart. */
export interface PageRef {
  /** The command whose answer is paged (the router checks it still exists). */
  command: string;
  page: number;
  /** `q:<query>` inline, or `h:<hash>` for a query saved in the index. */
  key: string;
}

export function pagingKey(query: string): { key: string; mustSave: boolean } {
  if (query.length <= INLINE_QUERY_MAX) return { key: `q:${query}`, mustSave: false };
  return { key: `h:${createHash('sha256').update(query).digest('base64url').slice(0, 22)}`, mustSave: true };
}

export function encodePageRef(ref: PageRef): string {
  return `page:${ref.command}:${ref.page}:${ref.key}`;
}

export function decodePageRef(customId: string): PageRef | null {
  const m = /^page:([a-z][a-z0-9_-]{0,31}):(\d{1,4}):([qh]:.*)$/s.exec(customId);
  if (!m) return null;
  return { command: m[1]!, page: Number(m[2]), key: m[3]! };
}

/** Splits blocks into pages that each fit the description budget; a heading moves with the item after it. */
function paginate(blocks: { kind: Block['kind']; text: string }[]): string[][] {
  const pages: string[][] = [];
  let current: { kind: Block['kind']; text: string }[] = [];
  let size = 0;
  for (const raw of blocks) {
    const block = { kind: raw.kind, text: raw.text.length > DESCRIPTION_BUDGET ? shortenBlock(raw.text) : raw.text };
    if (current.length > 0 && size + block.text.length + 2 > DESCRIPTION_BUDGET) {
      // A page never ends on a heading: it starts the next page, with its item.
      const carried = current.at(-1)!.kind === 'heading' && current.length > 1 ? [current.pop()!] : [];
      pages.push(current.map((b) => b.text));
      current = carried;
      size = carried.reduce((n, b) => n + b.text.length + 2, 0);
    }
    current.push(block);
    size += block.text.length + 2;
  }
  if (current.length > 0) pages.push(current.map((b) => b.text));
  return pages;
}

/**
 * A single block longer than a page: only possible for a huge paragraph.
 * Its quoted lines are shortened, with a marker, so its citations still fit whole.
 */
function shortenBlock(block: string): string {
  const lines = block.split('\n');
  const quoteLines = lines.filter((l) => l.startsWith('> '));
  const others = lines.filter((l) => !l.startsWith('> ')).join('\n').length;
  // A shortened passage leaves room on its page for the section heading and citations.
  const room = Math.max(200, Math.min(2000, DESCRIPTION_BUDGET - others - 60));
  const quote = shorten(quoteLines.join('\n'), room);
  const out: string[] = [];
  let placed = false;
  for (const line of lines) {
    if (!line.startsWith('> ')) out.push(line);
    else if (!placed) {
      out.push(quote, '*(excerpt shortened to fit Discord; the citation gives the full passage)*');
      placed = true;
    }
  }
  return cutText(out.join('\n'), DESCRIPTION_BUDGET);
}

export interface RenderOptions {
  /** Key for paging buttons (see pagingKey); null: no buttons (a read-only process cannot save a long query for them). */
  key: string | null;
  ephemeral?: boolean;
}

/** Every page of the answer, each a complete message payload within Discord's limits. */
export function renderDiscordPages(answer: Answer, options: RenderOptions): MessagePayload[] {
  const blocks = answerBlocks(answer, escapeForDiscord).map((b) => ({ kind: b.kind, text: b.discord }));
  if (blocks.length === 0) blocks.push({ kind: 'note', text: 'Nothing matched.' });
  const pages = paginate(blocks);
  const title = shorten(escapeForDiscord(answer.title), DISCORD_LIMITS.embedTitle);
  return pages.map((page, i) => {
    const footer = `${pages.length > 1 ? `Page ${i + 1}/${pages.length} · ` : ''}Verbatim excerpts; ≈ marks an inferred date`;
    const payload: MessagePayload = {
      embeds: [{ title, description: page.join('\n\n'), color: answer.empty ? COLOR_EMPTY : COLOR_FOUND, footer: { text: footer } }],
      components: pages.length > 1 && options.key !== null ? [pagingRow(answer.command, i, pages.length, options.key)] : [],
      allowed_mentions: { parse: [] },
    };
    if (options.ephemeral) payload.flags = EPHEMERAL_FLAG;
    return payload;
  });
}

function pagingRow(command: CommandName, page: number, pageCount: number, key: string): ApiActionRow {
  const button = (label: string, target: number, disabled: boolean): ApiButton => ({
    type: 2,
    style: 2,
    label,
    // Discord requires distinct custom_ids in a message; the target pages always differ.
    custom_id: cutText(encodePageRef({ command, page: target, key }), DISCORD_LIMITS.customId),
    disabled,
  });
  const previous = button('◀ Previous', Math.max(0, page - 1), page === 0);
  const next = button('Next ▶', Math.min(pageCount - 1, page + 1), page === pageCount - 1);
  return { type: 1, components: [previous, next] };
}

/** Page `page` of the answer, clamped to the pages there are. */
export function renderDiscordPage(answer: Answer, page: number, options: RenderOptions): MessagePayload {
  const pages = renderDiscordPages(answer, options);
  return pages[Math.min(Math.max(page, 0), pages.length - 1)]!;
}
