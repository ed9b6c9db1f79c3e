/**
 * Stance of a statement toward the claim it reports: asserts (default),
 * confirms, denies, cannot-confirm. The first signal in reading order wins
 * ("I can't confirm …, but …" is cannot-confirm; "confirmed X, but Washington
 * does not yet have clear information about Y" confirms). A signal inside a
 * conditional clause ("If reports … are confirmed") or after a concessive
 * ", though …" (which reports someone else's position) does not count.
 */
import type { Stance } from './types.js';

// One alternative per signal; the group that matched names the stance. Order matters
// where two start at the same place: the negated forms come before the bare verb.
const SIGNALS = new RegExp(
  [
    // cannot-confirm: "can't confirm", "cannot confirm", "could not yet confirm", "unable to verify"
    String.raw`(?<cannot>\b(?:can(?:not|'t|’t| not)|could(?:n't|n’t| not)|unable to|not (?:yet )?(?:been )?able to|not in a position to|(?:declined|refused) to)\s+(?:yet\s+)?(?:independently\s+|officially\s+)?(?:confirm|verify|corroborate)\w*` +
      // "has not yet confirmed", "did not confirm", "have not confirmed" (also the glued typo "confirmedthat")
      String.raw`|\b(?:has|have|had|did|does|do|is|was|were|are)(?:n't|n’t| not)\s+(?:yet\s+)?(?:been\s+)?(?:independently\s+|officially\s+)?(?:confirm|verif)\w*` +
      String.raw`|\bnot\s+(?:yet\s+)?(?:been\s+)?confirmed\w*` +
      // "declined to comment", "refused to say whether", "would not say": a refusal to speak
      String.raw`|\b(?:declin|refus)(?:e|es|ed|ing)\s+to\s+(?:comment|say|discuss|elaborate|specify|disclose|release|share|answer|respond|provide|identify|name|reveal|speculate|confirm|detail|explain|address)\b` +
      String.raw`|\bwould(?:n't|n’t| not)\s+(?:say|comment|discuss|elaborate|speculate)\b` +
      // "no information", "no clear information", "does not yet have clear information"
      String.raw`|\bno\s+(?:\w+\s+)?(?:information|confirmation|evidence)\b` +
      String.raw`|\b(?:does|do|did|has|have)(?:n't|n’t| not)\s+(?:yet\s+)?(?:have\s+)?(?:any\s+)?(?:\w+\s+)?(?:information|confirmation|evidence)\b)`,
    // denies
    String.raw`(?<denies>\b(?:is|was|are|were|be|been)(?:n't|n’t|\s+not)\s+true\b|\buntrue\b|\b(?:is|was|are|were)\s+(?:completely\s+|totally\s+)?false\b|\bden(?:y|ies|ied|ying)\b|\brefut(?:e|es|ed|ing)\b|\bnothing to do with\b|\bno truth\b|\bfake(?:\s+news)?\b)`,
    // confirms
    String.raw`(?<confirms>\bconfirm(?:s|ed|ing|ation)?\w*|\bverified\b)`,
  ].join('|'),
  'giu',
);

/** "did not deny", "does not deny": not a denial. */
const NEGATED_DENIAL = /\b(?:not|never|n't|n’t)\s+(?:\w+\s+)?$/i;
const CONDITIONAL = /\b(?:if|whether|unless|once|until|should)\b/i;
const CONCESSIVE = /,\s*(?:though|although|even though|while|whereas)\b/i;
const CLAUSE_START = /[.;:!?]|,\s*(?:but|and|so)\b|,/g;

function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  let start = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(before); m !== null; m = CLAUSE_START.exec(before)) start = m.index + m[0].length;
  return before.slice(start);
}

function sentenceBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! '));
  return before.slice(cut + 1);
}

export function detectStance(text: string): Stance {
  if (!/confirm|verif|corroborat|informat|evidence|true|false|den[yi]|refut|nothing to do|fake|declin|refus|would(?:n['’]t| not)/i.test(text)) return 'asserts';
  SIGNALS.lastIndex = 0;
  for (let m = SIGNALS.exec(text); m !== null; m = SIGNALS.exec(text)) {
    const groups = m.groups!;
    const stance: Stance = groups.cannot ? 'cannot-confirm' : groups.denies ? 'denies' : 'confirms';
    if (CONDITIONAL.test(clauseBefore(text, m.index))) continue;
    if (CONCESSIVE.test(sentenceBefore(text, m.index))) continue;
    if (stance === 'denies' && NEGATED_DENIAL.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
    return stance;
  }
  return 'asserts';
}
