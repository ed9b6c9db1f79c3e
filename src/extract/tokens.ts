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

const UPPER_START = /^\p{Lu}/u;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
const DIGIT = /\p{N}/u;

function isLetter(code: number, ch: string): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return LETTER_OR_MARK.test(ch);
}
function isDigit(code: number, ch: string): boolean {
  if (code < 128) return code >= 48 && code <= 57;
  return DIGIT.test(ch);
}
function isSpaceCode(code: number, ch: string): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true;
  return code > 127 && /\s/u.test(ch);
}

/** The character (a whole code point) at `i`. */
function charAt(text: string, i: number): string {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i]!;
}

/**
 * Token kinds, read by hand for speed (this runs on every paragraph of every article):
 *   numbers with inner separators and a glued suffix: 11,000  5.2bn  11th  3:40
 *   words: a letter, then letters/digits, with ' ’ - . & allowed between two word characters
 *   runs that read as one mark: "--", "...", "…"; any other single character.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const ch = charAt(text, i);
    if (isSpaceCode(code, ch)) {
      i += ch.length;
      continue;
    }
    const start = i;
    if (isDigit(code, ch)) {
      i += ch.length;
      for (;;) {
        while (i < n && isDigit(text.charCodeAt(i), charAt(text, i))) i += charAt(text, i).length;
        const sep = text.charCodeAt(i);
        if ((sep === 44 || sep === 46 || sep === 58) && i + 1 < n && isDigit(text.charCodeAt(i + 1), charAt(text, i + 1))) {
          i++;
          continue;
        }
        break;
      }
      while (i < n && isLetter(text.charCodeAt(i), charAt(text, i))) i += charAt(text, i).length;
      tokens.push(make(text.slice(start, i), start, 'num'));
      continue;
    }
    if (isLetter(code, ch)) {
      i += ch.length;
      while (i < n) {
        const c = text.charCodeAt(i);
        const cc = charAt(text, i);
        if (isLetter(c, cc) || isDigit(c, cc)) {
          i += cc.length;
          continue;
        }
        // ' ’ - . & join two word characters: "let’s", "Yong-hyun", "Censor.NET", "AT&T".
        if ((c === 39 || c === 0x2019 || c === 45 || c === 46 || c === 38) && i + 1 < n) {
          const next = text.charCodeAt(i + 1);
          const nextCh = charAt(text, i + 1);
          if (isLetter(next, nextCh) || isDigit(next, nextCh)) {
            i++;
            continue;
          }
        }
        break;
      }
      const raw = text.slice(start, i);
      const len = raw.length;
      // A possessive 's is its own token: "Russia's" → "Russia" + "'s".
      if (len > 3 && raw.charCodeAt(len - 1) === 115 && (raw[len - 2] === "'" || raw[len - 2] === '’')) {
        tokens.push(make(raw.slice(0, len - 2), start, 'word'));
        tokens.push(make(raw.slice(len - 2), start + len - 2, 'word'));
      } else {
        tokens.push(make(raw, start, 'word'));
      }
      continue;
    }
    if ((code === 45 && text.charCodeAt(i + 1) === 45) || (code === 46 && text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46)) {
      while (i < n && text.charCodeAt(i) === code) i++;
      tokens.push(make(text.slice(start, i), start, 'punct'));
      continue;
    }
    i += ch.length;
    tokens.push(make(ch, start, 'punct'));
  }
  return tokens;
}

const ELIDED_PARTICLE_NAME = /^(?:d|l|dell|dall|degli|dei)['’]\p{Lu}\p{Ll}/u;

function make(text: string, start: number, kind: TokenKind): Token {
  const lower = text.toLowerCase();
  const first = text.charCodeAt(0);
  // ASCII fast paths; the Unicode test only for other letters.
  // "d’Entremont", "l'Heureux", "dell'Orto": a surname behind an elided particle is capitalised as a name is.
  const cap = kind === 'word' && ((first >= 65 && first <= 90) || (first > 127 && UPPER_START.test(text)) || ((first === 100 || first === 108) && ELIDED_PARTICLE_NAME.test(text)));
  return { start, end: start + text.length, text, low: lower.includes('’') ? lower.replace(/’/g, "'") : lower, kind, cap };
}
