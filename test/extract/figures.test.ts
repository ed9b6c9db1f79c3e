import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../src/extract/figures.js';

const read = (text: string) => parseFigures(text).map((f) => ({ text: f.text, min: f.min, max: f.max, qualifier: f.qualifier, counted: f.counted }));

describe('parseFigures', () => {
  it.each([
    ['nearly 11,000 soldiers from North Korea', 'nearly 11,000 soldiers', 11000, 11000, 'nearly', 'soldiers'],
    ['ten thousand North Korean soldiers for the war', 'ten thousand North Korean soldiers', 10000, 10000, 'exact', 'north korean soldiers'],
    ['each of which will consist of 2-3 thousand people.', '2-3 thousand people', 2000, 3000, 'range', 'people'],
    ['a strength of 2,000 to 3,000 people, including', '2,000 to 3,000 people', 2000, 3000, 'range', 'people'],
    ['at least five motorised rifle regiments with', 'at least five motorised rifle regiments', 5, 5, 'at-least', 'motorised rifle regiments'],
    ['about 12,000 North Korean military personnel are training', 'about 12,000 North Korean military personnel', 12000, 12000, 'about', 'north korean military personnel'],
    ['up to 6,000 people.', 'up to 6,000 people', 0, 6000, 'up-to', 'people'],
    ['More than 600 Russian troops have been killed', 'More than 600 Russian troops', 600, 600, 'more-than', 'russian troops'],
    ['several thousand soldiers from the DPRK', 'several thousand soldiers', 3000, 9000, 'several', 'soldiers'],
    ['eighteen North Korean soldiers had escaped', 'eighteen North Korean soldiers', 18, 18, 'exact', 'north korean soldiers'],
    ['between 400 and 500 firefighters, supported', 'between 400 and 500 firefighters', 400, 500, 'range', 'firefighters'],
    ['at least a dozen homes had been destroyed', 'at least a dozen homes', 12, 12, 'at-least', 'homes'],
    ['as many as 40,000 homes remained at risk', 'as many as 40,000 homes', 0, 40000, 'up-to', 'homes'],
    ['some 5,000 residents', 'some 5,000 residents', 5000, 5000, 'about', 'residents'],
    ['hundreds of voter registration forms', 'hundreds of voter registration forms', 200, 999, 'several', 'voter registration forms'],
  ])('%s', (text, figure, min, max, qualifier, counted) => {
    expect(read(text)[0]).toEqual({ text: figure, min, max, qualifier, counted });
  });

  it('reads several figures in one passage', () => {
    const figures = read('including 500 officers and three generals of the DPRK Army General Staff');
    expect(figures.map((f) => [f.text, f.counted])).toEqual([
      ['500 officers', 'officers'],
      ['three generals', 'generals'],
    ]);
  });

  it('reads money and percentages with their units', () => {
    expect(read('revenue of $1.3 billion, up 14 percent, and £5.2bn or 0.9%').map((f) => [f.text, f.min, f.counted])).toEqual([
      ['$1.3 billion', 1.3e9, 'dollars'],
      ['14 percent', 14, 'percent'],
      ['£5.2bn', 5.2e9, 'pounds'],
      ['0.9%', 0.9, 'percent'],
    ]);
  });

  it.each([
    'On October 17, On 17 October, on 27-28 October, as early as 1 November, Oct. 24, 2024',
    'the 11th separate airborne assault brigade and the 127th Motorized Rifle Division',
    'at about 3:40 a.m. and at 11 p.m. by 1015 GMT',
    'A 27-year-old man hit the go-ahead 3-pointer as they won 121-118 on Friday',
    'in 2019, by mid-2025, the 2019 budget',
    'no one was hurt; one of them said',
    'Doyle, 74, was the last keeper',
  ])('does not count dates, ordinals, times, ages, scores or years: %s', (text) => {
    expect(read(text)).toEqual([]);
  });

  it('gives code-point spans shifted by the offset', () => {
    const text = '😀 about 12,000 troops';
    const [figure] = parseFigures(text, 100);
    expect(figure!.span).toEqual({ start: 102, end: 100 + [...text].length });
    expect([...text].slice(2).join('')).toBe(figure!.text);
  });
});
