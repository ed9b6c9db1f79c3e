/**
 * Article text shown in Discord must never format or ping: markdown is
 * escaped, and mentions get a zero-width space so they stay visible text.
 * (allowed_mentions with an empty parse list is the second lock on that door.)
 */
const ZERO_WIDTH_SPACE = '\u200b';

/** Escapes Discord markdown and neutralises @everyone, @here and <@…>, <@&…>, <#…> mentions. */
export function escapeForDiscord(text: string): string {
  return text
    .replace(/[\\*_~`|>#\-[\]()]/g, (c) => `\\${c}`)
    .replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`)
    .replace(/<([@#])/g, `<${ZERO_WIDTH_SPACE}$1`)
    .replace(/https?:\/\//gi, (scheme) => `${scheme.slice(0, -2)}${ZERO_WIDTH_SPACE}//`);
}

/** Shortening lives with the cutting it relies on (text/cut.ts); re-exported for the renderers. */
export { shorten } from '../text/cut.js';

/** Terminal and log text lives in text/controls.ts (the corpus layer quotes file names too). */
export { escapeForTerminal, quoteFileName } from '../text/controls.js';
