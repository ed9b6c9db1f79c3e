/**
 * Offsets in this project are Unicode code points into the decoded source file,
 * so that a citation can be checked with any tool that counts characters, not
 * UTF-16 units. JavaScript strings index by UTF-16 unit; these helpers convert.
 */

/** A half-open range [start, end) in code points of the source file. */
export interface Span {
  start: number;
  end: number;
}

/** True when the string has no astral characters, so UTF-16 and code-point offsets agree. */
export function isBmpOnly(text: string): boolean {
  return !/[\uD800-\uDFFF]/.test(text);
}

/**
 * Returns a function mapping a UTF-16 index of `text` to its code-point index.
 * Linear to build, O(1) per lookup; the identity when the text is BMP-only.
 */
/** The mapping of text without astral characters, where both indexes agree: one function shared by all. */
const SAME_INDEX = (i: number): number => i;

export function utf16ToCodePointMapper(text: string): (utf16Index: number) => number {
  if (isBmpOnly(text)) return SAME_INDEX;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const code = text.charCodeAt(i);
    const isHighSurrogate = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length;
    if (isHighSurrogate) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        map[i + 1] = cp; // the low half points at the same character
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i] ?? cp;
}

/** The inverse: code-point index → UTF-16 index. */
export function codePointToUtf16Mapper(text: string): (codePointIndex: number) => number {
  if (isBmpOnly(text)) return SAME_INDEX;
  const positions: number[] = [];
  for (let i = 0; i < text.length; i++) {
    positions.push(i);
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  positions.push(text.length);
  return (cp) => positions[cp] ?? text.length;
}

/** The text of `source` at a code-point span; what every citation must equal. */
export function sliceByCodePoints(source: string, span: Span): string {
  const toUtf16 = codePointToUtf16Mapper(source);
  return source.slice(toUtf16(span.start), toUtf16(span.end));
}

/** Length of a string in code points. */
export function codePointLength(text: string): number {
  if (isBmpOnly(text)) return text.length;
  let n = 0;
  for (const _ of text) n++;
  return n;
}
