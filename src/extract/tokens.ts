/**
 * A small tokenizer for one paragraph: words (with inner hyphens, dots and
 * apostrophes: "Kim Yong-hyun", "Censor.NET", "let’s"), numbers, punctuation.
 * A possessive "'s" / "’s" is split off so "Russia's" yields "Russia" + "'s".
 * Offsets are UTF-16 indices into the paragraph text.
 */

export type TokenKind = 'word' | 'num' | 'punct';

export interface Token {
  start: number;
  end: number;
  text: string;
  /** Lower-case text, curly apostrophe folded to straight. */
  low: string;
  kind: TokenKind;
  /** Starts with an upper-case letter. */
  cap: boolean;
}

// One alternative per token kind, tried in order:
//   1. numbers with inner separators and a glued suffix: 11,000  5.2bn  11th  3:40
//   2. words: a letter, then letters/digits, with ' ’ - . & allowed between two word characters
//   3. runs that read as one mark: "--", "...", "…"
//   4. any other single non-space character
const TOKEN = /(\p{N}+(?:[.,:]\p{N}+)*\p{L}*)|([\p{L}\p{M}](?:[\p{L}\p{M}\p{N}]|['’\-.&](?=[\p{L}\p{M}\p{N}]))*)|(--+|\.\.\.+|…)|(\S)/gu;
const POSSESSIVE = /^(.{2,})(['’]s)$/su;
const UPPER_START = /^\p{Lu}/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const start = m.index;
    const raw = m[0];
    if (m[1] !== undefined) {
      tokens.push(make(raw, start, 'num'));
    } else if (m[2] !== undefined) {
      const possessive = POSSESSIVE.exec(raw);
      if (possessive) {
        const base = possessive[1]!;
        tokens.push(make(base, start, 'word'));
        tokens.push(make(possessive[2]!, start + base.length, 'word'));
      } else {
        tokens.push(make(raw, start, 'word'));
      }
    } else {
      tokens.push(make(raw, start, 'punct'));
    }
  }
  return tokens;
}

function make(text: string, start: number, kind: TokenKind): Token {
  return {
    start,
    end: start + text.length,
    text,
    low: text.toLowerCase().replace(/’/g, "'"),
    kind,
    cap: kind === 'word' && UPPER_START.test(text),
  };
}

/** Index of the first token starting at or after `pos` (binary search). */
export function tokenAt(tokens: readonly Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
