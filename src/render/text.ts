/** An Answer as terminal text: the same blocks as Discord, unpaged, unescaped. */
import type { Answer } from '../answers/types.js';
import { answerBlocks } from './blocks.js';
import { escapeForTerminal } from './escape.js';

export function renderText(answer: Answer): string {
  const blocks = answerBlocks(answer, (t) => t);
  const lines = [answer.title, ...blocks.map((b) => (b.kind === 'heading' ? `\n${b.plain}` : b.plain))];
  return escapeForTerminal(`${lines.join('\n')}\n`);
}
