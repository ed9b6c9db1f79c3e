import { describe, expect, it } from 'vitest';
import { canonicalOf, findPeople, mergePeople } from '../../src/extract/people.js';
import type { SpeakerMention } from '../../src/extract/types.js';

const person = (name: string, variants: string[] = [], roles: string[] = []): SpeakerMention => ({ name, type: 'person', roles, variants: [name, ...variants] });
const org = (name: string): SpeakerMention => ({ name, type: 'organisation', roles: [], variants: [name] });

describe('mergePeople', () => {
  const people = mergePeople([
    person('Victoria Kuvshynnykova', ['Kuvshinnikova', 'Kuvshynnikova'], ['Acting Permanent Representative of Ukraine to International Organisations in Vienna']),
    person('Victoria Kuvshinnikova'),
    person('Volodymyr Zelenskyy', [], ['Ukrainian President']),
    person('Volodymyr Zelenskyy'),
    person('Volodymyr Zelensky'),
    person('Zelenskiy'),
    person('Mark Rutte', [], ['NATO Secretary General']),
    person('Mark Rutte'),
    person('Andrii Kovalenko'),
    person('Oleksandr Kovalenko'),
    org('the Washington Post'),
    org('Washington Post'),
    org('Federal Aviation Administration'),
    org('FAA'),
  ]);
  const named = (name: string) => people.find((p) => p.canonical === name);

  it('merges transliteration variants and picks the most frequent full form', () => {
    expect(named('Victoria Kuvshynnykova')?.aliases).toEqual(expect.arrayContaining(['Kuvshinnikova', 'Kuvshynnikova', 'Victoria Kuvshinnikova']));
    expect(named('Volodymyr Zelenskyy')?.aliases).toEqual(expect.arrayContaining(['Volodymyr Zelensky', 'Zelenskiy']));
    expect(people.filter((p) => /Zelensk/.test(p.canonical))).toHaveLength(1);
  });

  it('keeps people apart who share only a surname', () => {
    expect(named('Andrii Kovalenko')).toBeDefined();
    expect(named('Oleksandr Kovalenko')).toBeDefined();
  });

  it('merges organisations by name and acronym', () => {
    expect(people.filter((p) => /Washington Post/.test(p.canonical))).toHaveLength(1);
    expect(named('Federal Aviation Administration')?.aliases).toContain('FAA');
  });

  it('finds people by variant, surname, typo and role', () => {
    for (const [query, expected] of [
      ['Zelensky', 'Volodymyr Zelenskyy'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
      ['Rute', 'Mark Rutte'],
      ['kuvshinikova', 'Victoria Kuvshynnykova'],
      ['Kuvshynnikova', 'Victoria Kuvshynnykova'],
      ['Secretary General', 'Mark Rutte'],
      ['Rutte', 'Mark Rutte'],
    ] as const) {
      expect(findPeople(query, people)[0]?.person.canonical, query).toBe(expected);
    }
    expect(findPeople('Kovalenko', people).map((m) => m.person.canonical)).toEqual(expect.arrayContaining(['Andrii Kovalenko', 'Oleksandr Kovalenko']));
    expect(findPeople('nobody at all', people)).toEqual([]);
  });

  it('resolves a name to its record, or null when ambiguous or unknown', () => {
    expect(canonicalOf('Zelensky', people)?.canonical).toBe('Volodymyr Zelenskyy');
    expect(canonicalOf('the Washington Post', people)?.canonical).toBe('Washington Post');
    expect(canonicalOf('Kovalenko', people)).toBeNull();
    expect(canonicalOf('Jane Doe', people)).toBeNull();
  });

  // Speed is measured by npm run bench, not asserted here: this checks that a large input completes and stays apart.
  it('merges 50,000 mentions of 30,000 similar names without collapsing them', () => {
    const first = ['Anna', 'Boris', 'Carla', 'Dmytro', 'Elena', 'Fedir', 'Galina', 'Ivan', 'Jana', 'Kyrylo'];
    const last = ['Kovalenko', 'Shevchenko', 'Bondarenko', 'Tkachenko', 'Kravchenko', 'Oliynyk', 'Shevchuk', 'Polishchuk', 'Lysenko', 'Marchenko'];
    const mentions: SpeakerMention[] = [];
    for (let i = 0; i < 50_000; i++) {
      const f = first[i % first.length]!;
      const l = last[Math.floor(i / 10) % last.length]!;
      const suffix = Math.floor(i / 100) % 300; // 30,000 distinct people
      mentions.push(person(`${f} ${l}${String.fromCharCode(97 + (suffix % 26))}${String.fromCharCode(97 + Math.floor(suffix / 26))}`, [], ['official']));
    }
    const merged = mergePeople(mentions);
    expect(merged.length).toBeGreaterThan(1000);
  });
});
