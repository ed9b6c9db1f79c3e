import { describe, expect, it } from 'vitest';
import { findQuotes } from '../../src/extract/quotes.js';

const inner = (text: string) => findQuotes(text).map((r) => text.slice(r.innerStart, r.innerEnd));

describe('findQuotes', () => {
  it('finds curly, straight, single and guillemet quotes', () => {
    expect(inner('“A b c,” she said.')).toEqual(['A b c,']);
    expect(inner('"A b c," she said.')).toEqual(['A b c,']);
    expect(inner("'A b c,' she said.")).toEqual(['A b c,']);
    expect(inner('«A b c,» she said.')).toEqual(['A b c,']);
  });

  it('keeps apostrophes inside single-quoted quotes', () => {
    const text = '‘First of all, let’s be clear, Russia’s actions are illegal,’ Kuvshinnikova added.';
    expect(inner(text)).toEqual(['First of all, let’s be clear, Russia’s actions are illegal,']);
    expect(inner("'We're having a child's party,' he said.")).toEqual(["We're having a child's party,"]);
  });

  it('does not open a quote at a plural possessive', () => {
    expect(findQuotes('Parents’ groups say the problem is getting worse.')).toEqual([]);
  });

  it('starts a quote at the paragraph when its opening mark is missing', () => {
    const text = 'Today, I can confirm it... This is a dangerous expansion of the war," the NATO Secretary General said.';
    const [region] = findQuotes(text);
    expect(region).toMatchObject({ open: -1, innerStart: 0, dangling: true });
    expect(text.slice(region!.innerStart, region!.innerEnd)).toBe('Today, I can confirm it... This is a dangerous expansion of the war,');
  });

  it('runs an unclosed quote to the paragraph end (multi-paragraph quotes)', () => {
    const [region] = findQuotes('"Now the kids carry more computing power. But the job has not changed.');
    expect(region).toMatchObject({ open: 0, close: -1 });
  });

  it('treats single quotes inside double quotes as nested', () => {
    expect(inner(`"He told me, 'Get rid of these before anyone sees them,'" Denise Harlan told jurors.`)).toEqual([
      "He told me, 'Get rid of these before anyone sees them,'",
    ]);
  });

  it('reads partial quotes inside reported speech', () => {
    expect(inner('it would mean a “significant escalation” of North Korea’s support')).toEqual(['significant escalation']);
    expect(inner('because it is "not only bringing in military aid, but also soldiers."')).toEqual(['not only bringing in military aid, but also soldiers.']);
  });
});
