/** Reads slash commands line by line (a prompt on a terminal, or piped) and prints each answer. */
import { createInterface } from 'node:readline';
import type { AnswerContext } from '../answers/index.js';
import { askLine } from '../app.js';

export async function runRepl(ctx: AnswerContext, input: NodeJS.ReadableStream, output: NodeJS.WritableStream, interactive: boolean): Promise<void> {
  const lines = createInterface({ input, terminal: false });
  const prompt = () => {
    if (interactive) output.write('newsroom> ');
  };
  if (interactive) output.write('Type a command such as /claims troops or /who Rutte (/help for all, Ctrl-D to quit).\n');
  prompt();
  for await (const line of lines) {
    if (line.trim() !== '') output.write(answerLine(ctx, line));
    prompt();
  }
}

/** One command's answer, or one line saying it failed: no single command ends the prompt. */
function answerLine(ctx: AnswerContext, line: string): string {
  try {
    const result = askLine(ctx, line);
    return 'usage' in result ? `${result.usage}\n` : `${result.text}\n`;
  } catch (error) {
    return `Could not answer that command (${(error as Error).message.split('\n')[0]}); the prompt goes on.\n`;
  }
}
