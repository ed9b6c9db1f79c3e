import { describe, expect, it } from 'vitest';
import { findDates, firstDate } from '../../src/extract/dates.js';

describe('event dates', () => {
  const article = '2024-10-21'; // a Monday
  it.each([
    ['On October 17, Zelenskyy said', '2024-10-17', 'day'],
    ['On 17 October, Zelenskyy said', '2024-10-17', 'day'],
    ['on October 22, the President announced', '2024-10-22', 'day'],
    ['on 27-28 October', '2024-10-27', 'day'],
    ['said this at a briefing in Brussels on Monday', '2024-10-21', 'day'],
    ['said on Tuesday', '2024-10-15', 'day'],
    ['in early October, the minister said', '2024-10-01', 'month'],
    ['Today, I can confirm', '2024-10-21', 'day'],
    ['yesterday', '2024-10-20', 'day'],
    ['date 2024-10-16', '2024-10-16', 'day'],
    ['Oct. 24, 2023', '2023-10-24', 'day'],
  ] as const)('%s → %s', (text, iso, precision) => {
    expect(firstDate(text, article)).toMatchObject({ iso, precision });
  });

  it('takes the nearer year across a new year', () => {
    expect(firstDate('on December 28', '2025-01-03')?.iso).toBe('2024-12-28');
    expect(firstDate('on 3 January', '2024-12-30')?.iso).toBe('2025-01-03');
  });

  it('never reads the modal "may" or the verb "march" as months', () => {
    expect(findDates('the first units may arrive; protesters march on', article)).toEqual([]);
  });

  it('resolves only stated years without an article date', () => {
    expect(firstDate('on Monday', null)).toBeNull();
    expect(firstDate('On 17 October', null)).toBeNull();
    expect(firstDate('on 17 October 2024', null)?.iso).toBe('2024-10-17');
  });
});
