import { describe, expect, it } from 'vitest';
import { detectStance } from '../../src/extract/stance.js';

describe('detectStance', () => {
  it.each([
    ['Today, I can confirm that North Korean military personnel have been sent to Russia', 'confirms'],
    ['NATO allies have confirmed information about the deployment', 'confirms'],
    ["I can't confirm such reports, but obviously they are a cause for concern.", 'cannot-confirm'],
    ['But at this stage, we cannot confirm the reports you are referring to.', 'cannot-confirm'],
    ['the United States has not yet confirmed that North Korea is sending troops', 'cannot-confirm'],
    ['the United States has not yet confirmedthat North Korea has sent troops to Russia', 'cannot-confirm'],
    ["NATO has no information that North Korea's military is involved", 'cannot-confirm'],
    ['Washington does not yet have clear information about their specific tasks', 'cannot-confirm'],
    ['they could not yet confirm the origin of the attack', 'cannot-confirm'],
    ["the information about Russia's alleged preparation of soldiers is not true", 'denies'],
    ['the information about the preparation of DPRK soldiers was not true', 'denies'],
    ['The Kremlin denied any involvement', 'denies'],
    ['Russia has nothing to do with this', 'denies'],
    ["Russia's use of North Korean soldiers in the war against Ukraine", 'asserts'],
    ['Russia does not receive this support for free.', 'asserts'],
  ] as const)('%s → %s', (text, stance) => {
    expect(detectStance(text)).toBe(stance);
  });

  it('does not read a conditional as a confirmation', () => {
    expect(detectStance("If reports about the participation of DPRK soldiers in Russia's war against Ukraine are confirmed, it will indicate that Moscow is not interested")).toBe('asserts');
    expect(detectStance('If the reports about the transfer of soldiers are confirmed, this will mean another level of escalation')).toBe('asserts');
  });

  it('takes the first signal, and ignores a concession about someone else', () => {
    expect(detectStance('confirmed the existence of evidence, but Washington does not yet have clear information about their tasks')).toBe('confirms');
    expect(detectStance('at least a dozen homes had been destroyed, though officials did not confirm the figure')).toBe('asserts');
    expect(detectStance('he did not deny the report')).toBe('asserts');
  });
});
