/**
 * An Answer laid out as a sequence of blocks, each a unit that is never split
 * (an item with its citations stays whole). Discord pages and terminal text
 * are both made from these blocks, so they show the same thing.
 */
import type { Answer, AnswerItem } from '../answers/types.js';
import { citationLines, CitationNumbers, formatCitation, formatCitationLinked, formatFigureRef, formatPositionChange, formatStatementHead } from './citation.js';
import { shorten } from '../text/cut.js';
import { DISCORD_LIMITS } from './limits.js';

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
  // Paragraphs and plain sentences carry no statement: their citation says it all.
  if (item.speaker === undefined) return `${index}.`;
  const c = item.citations[0];
  return `${index}. ${formatStatementHead({
    speaker: item.speaker,
    stance: item.stance,
    kind: item.kind,
    date: item.eventDate ?? c?.date ?? null,
    dateInferred: item.eventDate ? false : (c?.dateInferred ?? false),
    eventDate: Boolean(item.eventDate),
    figures: item.figures?.map((f) => f.text),
  })}`;
}

function itemBlock(item: AnswerItem, index: number, numbers: CitationNumbers, escape: Escape, discord: boolean): string {
  const header = itemHeader(item, index);
  // Discord never shows more of an excerpt than one embed holds: a 4.5 MB one-line article is cut before it is escaped.
  const quote = discord ? `> ${escape(shorten(item.excerpt, DISCORD_LIMITS.embedDescription)).replace(/\n/g, '\n> ')}` : `   “${item.excerpt}”`;
  const citations = discord
    ? citationLines(item.citations, numbers, (n, c) => formatCitationLinked(n, c, escape), escape)
    : citationLines(item.citations, numbers, (n, c) => `   ${formatCitation(n, c)}`, (note) => `   ${note}`);
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
    if (section.items.length === 0 && (section.lines ?? []).length === 0 && (section.figureGroups ?? []).length === 0) continue;
    push('heading', section.title, `__**${escape(section.title)}**__`);
    for (const line of section.lines ?? []) push('line', line, escape(line));
    for (const group of section.figureGroups ?? []) {
      for (const line of [`${group.counted}:`, ...group.entries.map((e) => `• ${formatFigureRef(e)}`)]) push('line', line, escape(line));
    }
    for (const item of section.items) {
      itemIndex++;
      push('item', itemBlock(item, itemIndex, numbers, (t) => t, false), itemBlock(item, itemIndex, discordNumbers, escape, true));
    }
  }
  for (const note of [...(answer.changes ?? []).map((c) => formatPositionChange(c, 'long')), ...answer.notes]) push('note', note, `*${escape(note)}*`);
  if (answer.suggestions.length > 0) {
    const plain = `Try: ${answer.suggestions.join(' · ')}`;
    push('note', plain, `Try: ${answer.suggestions.map((s) => `\`${s.replace(/`/g, "'")}\``).join(' · ')}`);
  }
  return blocks;
}
