/** Control characters kept from acting on a terminal or a log line. */
/** C0 and C1 control characters other than the newline and tab our own layout uses. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal: control characters from articles (an escape sequence that recolours or
 * clears the screen, a carriage return that overwrites a line) shown as visible \u001b-style
 * codes instead of being acted on.
 */
export function escapeForTerminal(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A file name for a log line: quoted as JSON when it holds anything that could forge or break the line. */
export function quoteFileName(file: string): string {
  return /[\u0000-\u001f\u007f-\u009f"\\\u2028\u2029]|^\s|\s$/.test(file) ? JSON.stringify(file) : file;
}
