/**
 * Cutting text to a length limit without breaking a character: never between the halves of a
 * surrogate pair (an emoji cut in half is ill-formed UTF-16, which Discord refuses or shows as
 * �), and where possible not inside a grapheme (a flag, a family emoji, a letter with its accent).
 */
// Made on first use: building a segmenter loads ICU's break rules (about 15 ms), which a process that never cuts text skips.
let graphemes: Intl.Segmenter | null = null;
/** How far back from the limit a grapheme boundary is looked for; beyond it, a code-point boundary does. */
const GRAPHEME_WINDOW = 64;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The largest index ≤ `max` at which `text` may be cut: a grapheme boundary near it, else a code-point boundary. */
export function cutIndex(text: string, max: number): number {
  if (text.length <= max) return text.length;
  if (max <= 0) return 0;
  const from = Math.max(0, max - GRAPHEME_WINDOW);
  // Segment a little past the limit, so the grapheme that straddles it is seen whole.
  const window = text.slice(from, Math.min(text.length, max + GRAPHEME_WINDOW));
  let best = -1;
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { index } of graphemes.segment(window)) {
    if (index === 0 && from > 0) continue; // the window's start is not known to be a boundary
    if (from + index > max) break;
    best = from + index;
  }
  if (best > 0) return best;
  // No grapheme boundary near the limit (a very long cluster): at least keep surrogate pairs whole.
  let cut = max;
  if (isLowSurrogate(text.charCodeAt(cut)) && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return cut;
}

/** `text` cut to at most `max` UTF-16 units at a character boundary. */
export function cutText(text: string, max: number): string {
  return text.slice(0, cutIndex(text, max));
}

/** Shortens text to `max` characters at a word boundary (a character one at worst), marking the cut with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = cutText(text, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

/** No unpaired surrogate (String.prototype.isWellFormed, which the ES2022 typings lack). */
export function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}
