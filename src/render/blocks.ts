/**
 * An Answer laid out as a sequence of blocks, each a unit that is never split
 * (an item with its citations stays whole). Discord pages and terminal text
 * are both made from these blocks, so they show the same thing.
 */
import type { Answer, AnswerItem } from '../answers/types.js';
import { CitationNumbers, formatCitation, formatCitationLinked, formatDate } from './citation.js';

export interface Block {
  kind: 'summary' | 'heading' | 'line' | 'item' | 'note';
  /** Plain text (terminal). */
  plain: string;
  /** Discord markdown; article text escaped. */
  discord: string;
}

/** Formats article text for Discord (escape) or keeps it as is (terminal). */
type Escape = (text: string) => string;

function itemHeader(item: AnswerItem, index: number): string {
  const parts: string[] = [];
  if (item.speaker !== undefined) parts.push(item.speaker ?? 'unattributed');
  if (item.stance) parts.push(item.stance);
  if (item.kind && item.kind !== 'body' && item.stance) parts.push(item.kind);
  if (item.eventDate) parts.push(`event ${item.eventDate}`);
  else if (item.speaker !== undefined && item.citations[0]) parts.push(formatDate(item.citations[0].date, item.citations[0].dateInferred));
  if (item.figures && item.figures.length > 0) parts.push(`figures: ${item.figures.map((f) => f.text).join('; ')}`);
  return `${index}. ${parts.join(' · ')}`.trimEnd();
}

function itemBlock(item: AnswerItem, index: number, numbers: CitationNumbers, escape: Escape, discord: boolean): string {
  const header = itemHeader(item, index);
  const quote = discord ? `> ${escape(item.excerpt).replace(/\n/g, '\n> ')}` : `   “${item.excerpt}”`;
  const citations = item.citations.map((c) => (discord ? formatCitationLinked(numbers.numberOf(c), c, escape) : `   ${formatCitation(numbers.numberOf(c), c)}`));
  const remark = item.remark ? [discord ? `*${escape(item.remark)}*` : `   (${item.remark})`] : [];
  const head = discord ? `**${escape(header)}**` : header;
  return [head, quote, ...citations, ...remark].join('\n');
}

/** The answer's blocks; `escape` makes article text safe for Discord. */
export function answerBlocks(answer: Answer, escape: Escape): Block[] {
  const numbers = new CitationNumbers();
  const discordNumbers = new CitationNumbers();
  const blocks: Block[] = [];
  const push = (kind: Block['kind'], plain: string, discordText: string) => blocks.push({ kind, plain, discord: discordText });
  if (answer.empty && answer.query !== '') {
    const nothing = `Nothing in the articles on file matches “${answer.query.trim()}”.`;
    push('note', nothing, escape(nothing));
  }
  if (answer.summary) push('summary', answer.summary, `*${escape(answer.summary)}*`);
  let itemIndex = 0;
  for (const section of answer.sections) {
    if (section.items.length === 0 && (section.lines ?? []).length === 0) continue;
    push('heading', section.title, `__**${escape(section.title)}**__`);
    for (const line of section.lines ?? []) push('line', line, escape(line));
    for (const item of section.items) {
      itemIndex++;
      push('item', itemBlock(item, itemIndex, numbers, (t) => t, false), itemBlock(item, itemIndex, discordNumbers, escape, true));
    }
  }
  for (const note of answer.notes) push('note', note, `*${escape(note)}*`);
  if (answer.suggestions.length > 0) {
    const plain = `Try: ${answer.suggestions.join(' · ')}`;
    push('note', plain, `Try: ${answer.suggestions.map((s) => `\`${s.replace(/`/g, "'")}\``).join(' · ')}`);
  }
  return blocks;
}
