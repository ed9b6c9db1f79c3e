/**
 * Short messages the bot writes itself (errors, rate limits, bad options), in
 * the same raw payload shape the renderer produces: never any mentions.
 */
import type { MessagePayload } from '../render/discord.js';
import { EPHEMERAL_FLAG, DISCORD_LIMITS } from '../render/limits.js';
import { cutText } from '../text/cut.js';

export function notice(text: string, options: { ephemeral?: boolean } = { ephemeral: true }): MessagePayload {
  const body: MessagePayload = { content: cutText(text, DISCORD_LIMITS.content), embeds: [], components: [], allowed_mentions: { parse: [] } };
  if (options.ephemeral ?? true) body.flags = EPHEMERAL_FLAG;
  return body;
}

export const failureNotice = (errorId: string) =>
  notice(`Sorry, something went wrong answering that. If it keeps happening, tell the team this error id: \`${errorId}\`.`);

export const rateLimitNotice = (retryAfterMs: number) =>
  notice(`You're asking faster than I can keep up — please try again in ${Math.max(1, Math.ceil(retryAfterMs / 1000))} s.`);

export const invalidOptionNotice = (problem: string) => notice(`That didn't work: ${problem}`);

export const shuttingDownNotice = () => notice('The bot is restarting; please try again in a moment.');

export const unknownCommandNotice = (name: string) => notice(`I don't know the command /${name} (it may have been removed). Try /help.`);

export const readOnlyNotice = () =>
  notice('This bot answers from a read-only copy of the index, so it cannot change it here: ask its operators to make this change on the writer (for sources: npm run sources). Lookups work as usual.');

export const expiredPageNotice = () => notice('This answer can no longer be paged (its query is gone); please run the command again.');

/** Edits cannot change whether a message is ephemeral; the flag is fixed by the first response. */
export function withoutFlags(body: MessagePayload): MessagePayload {
  const { flags: _flags, ...rest } = body;
  return rest;
}
