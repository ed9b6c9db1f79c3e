/**
 * The lookups behind every front end: a command and its text in, an Answer out.
 */
import { answerClaims } from './claims.js';
import type { AnswerContext } from './context.js';
import { answerHelp } from './help.js';
import { answerSource } from './source.js';
import type { Answer, AskRequest, CommandName } from './types.js';
import { answerTimeline } from './timeline.js';
import { answerWho } from './who.js';

export type { AnswerContext } from './context.js';

export const LOOKUP_COMMANDS: CommandName[] = ['claims', 'who', 'timeline', 'source', 'help'];

/** A terminal line like "/claims troops" or "who: Rutte" → a request, or a usage message. */
export function parseCommandLine(line: string): AskRequest | { usage: string } {
  const m = /^\s*\/?([a-z]+)\b[:\s]*(.*)$/is.exec(line);
  const usage = `Commands: ${LOOKUP_COMMANDS.map((c) => `/${c}`).join(' ')} — e.g. /claims troops, /who Rutte`;
  if (!m) return { usage };
  const command = m[1]!.toLowerCase() as CommandName;
  if (!LOOKUP_COMMANDS.includes(command)) return { usage: `Unknown command "/${m[1]}". ${usage}` };
  // Discord-style "topic:troops" option names are accepted and dropped.
  const query = m[2]!.replace(/^(topic|name|article)\s*:\s*/i, '').trim();
  return { command, query };
}

export function answer(ctx: AnswerContext, request: AskRequest): Answer {
  switch (request.command) {
    case 'claims':
      return answerClaims(ctx, request.query);
    case 'who':
      return answerWho(ctx, request.query);
    case 'timeline':
      return answerTimeline(ctx, request.query);
    case 'source':
      return answerSource(ctx, request.query);
    case 'help':
    case 'digest':
      return answerHelp();
  }
}
