/**
 * Name keys that survive transliteration: Kuvshynnykova / Kuvshinnikova /
 * Kuvshynnikova, Zelenskyy / Zelensky / Zelenskiy, Budanov / Budanow.
 * Rules, not a list of known names: the letters Slavic, Arabic and Korean
 * names are romanised with differently (y/i/j, doubled consonants, kh/h, w/v)
 * are folded together.
 */
import { memoized } from '../text/memo.js';
import { editDistance } from '../text/similarity.js';

/** Lower case, accents and apostrophes removed, other marks as spaces ("Kuvshynnykova's" → "kuvshynnykovas"); remembered per string. */
export const foldName = memoized(foldUncached);

function foldUncached(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .replace(/[’']/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Applied in order to one folded token: digraphs first, then single letters.
const SOFT_RULES: [RegExp, string][] = [
  [/shch/g, 'sc'],
  [/kh/g, 'h'],
  [/tch/g, 'ch'], // Lytvynych / Lytvynytch
  [/zh/g, 'j'], // Zaluzhnyi / Zalujnyi: ж
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/q/g, 'k'],
  [/x/g, 'ks'],
  [/w/g, 'v'],
  [/tz/g, 'ts'],
  [/(?:iy|yi|ii|yy|ij|iej|ei(?=$))/g, 'i'], // Zelenskiy, Zelenskyy, Andrii → i
  [/[yj](?=[aeiou])/g, 'i'], // Yong / Iong, Yuliia / Iuliia
  [/y/g, 'i'],
  [/j/g, 'i'],
  [/(.)\1+/g, '$1'], // doubled letters: Kuvshynnykova / Kuvshinikova
];

/** A spelling-tolerant form of one name token: "kuvshynnykova" → "kuvshinikova". */
export function softToken(token: string): string {
  let t = token;
  for (const [pattern, replacement] of SOFT_RULES) t = t.replace(pattern, replacement);
  return t;
}

/** A coarse key for blocking candidates: first letter and consonants. "kuvshinikova" → "kvshnkv". */
export function skeleton(soft: string): string {
  if (soft === '') return '';
  // g and h block together (Serhiy / Sergiy, Hnatyuk / Gnatyuk); whether they are one name is the edit distance's call.
  return (soft[0]! + soft.slice(1).replace(/[aeiou]/g, '')).replace(/g/g, 'h');
}

/** A name word's blocking key: spelling variants of one name (Kuvshynnykova / Kuvshinnikova) share it (first letter and consonants). */
export const spellingKey = memoized((word: string) => skeleton(softOf(word)));

/** Edits tolerated between two soft tokens of this length: none for short names, one per ~6 letters. */
export function toleratedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 9) return 1;
  return 2;
}

/** Soft forms of name tokens, computed once each (names repeat within and across articles). */
const softOf = memoized((token: string) => softToken(foldName(token)));

/** True when two name tokens are the same name in different romanisations or with a small typo. */
export function sameNameToken(a: string, b: string): boolean {
  const sa = softOf(a);
  const sb = softOf(b);
  if (sa === sb) return true;
  // "Wierzbicki" and "Wierzbicka", "Ivanov" and "Ivanova": a Slavic surname's masculine and feminine forms are two people.
  const ga = slavicSurnameGender(a);
  if (ga !== null && slavicSurnameGender(b) === (ga === 'm' ? 'f' : 'm')) return false;
  const max = toleratedEdits(Math.min(sa.length, sb.length));
  return max > 0 && sa[0] === sb[0] && editDistance(sa, sb, max) <= max;
}

/** The gender a Slavic surname's ending marks (-ski/-ska, -cki/-cka, -ov/-ova, -ev/-eva), else null. */
function slavicSurnameGender(word: string): 'm' | 'f' | null {
  const low = foldName(word);
  if (/(?:sk|ck|dzk)i$|(?:ov|ev)$/.test(low)) return 'm';
  if (/(?:sk|ck|dzk)a$|(?:ova|eva)$/.test(low)) return 'f';
  return null;
}
