import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roleWords } from '../../src/extract/entities.js';
import { canonicalOf, findPeople, mergePeople, roleScore } from '../../src/extract/people.js';
import { foldName, softToken } from '../../src/extract/translit.js';
import { editDistance } from '../../src/text/similarity.js';
import type { PersonRecord } from '../../src/extract/types.js';
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

  it('finds through its token index exactly what scoring every person finds', () => {
    const names = ['Victoria Kuvshynnykova', 'Mark Rutte', 'Andrii Kovalenko', 'Oleksandr Kovalenko', 'Pekka Lytvynelyn', 'Antony Ostrovskyi', 'Antony Borrell'];
    const roles = ['NATO Secretary General', 'Head of the National Police', 'head of the Helsinki Regional Military Administration', 'Commander-in-Chief'];
    const crowd = mergePeople(names.flatMap((n, i) => [person(n, [], [roles[i % roles.length]!]), person(n.split(' ').at(-1)!)]));
    const words = [...names, ...roles].flatMap((n) => n.split(' '));
    const typo = (word: string, at: number, letter: string) => word.slice(0, at % (word.length + 1)) + letter + word.slice((at % (word.length + 1)) + 1);
    const query = fc.array(fc.tuple(fc.constantFrom(...words), fc.nat(12), fc.constantFrom('', 'a', 'y', 'i')), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([w, at, letter]) => (letter === '' ? w : typo(w, at, letter))).join(' '));
    fc.assert(fc.property(query, (q) => {
      expect(findPeople(q, crowd, 50)).toEqual(scoreEveryone(q, crowd));
    }), { numRuns: 300 });
  });
});

/** The plain rule findPeople implements, applied to every person and every name token (the test's oracle). */
function scoreEveryone(query: string, people: PersonRecord[]): { person: PersonRecord; score: number }[] {
  const soft = (name: string) => foldName(name).split(' ').filter(Boolean).map(softToken);
  const orgKey = (name: string) => foldName(name).replace(/^(?:the)\s+/, '').replace(/\s+(?:inc|ltd|llc|plc|corp|co|group|ag|sa|gmbh)$/, '');
  const similarity = (a: string, b: string) => {
    const longest = Math.max(a.length, b.length);
    const sim = longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
    return sim >= 0.7 - 1e-9 ? sim : 0;
  };
  const q = soft(query);
  const qRoles = roleWords(query);
  const scored: { person: PersonRecord; score: number }[] = [];
  for (const person of people) {
    const names = [person.canonical, ...person.aliases].filter((n) => !person.roles.includes(n));
    const keys = names.map((n) => (person.type === 'organisation' ? orgKey(n) : foldName(n)));
    let best = keys.includes(foldName(query)) || keys.includes(orgKey(query)) ? 1 : 0;
    if (best < 1) {
      for (const tokens of names.map(soft)) {
        if (tokens.length === 0 || q.length === 0) continue;
        const total = q.reduce((sum, qt) => sum + Math.max(0, ...tokens.map((t, k) => similarity(qt, t) * (q.length === 1 ? (k === tokens.length - 1 ? 0.95 : 0.75) : 1))), 0);
        const unmatched = q.length > 1 && q.some((qt) => tokens.every((t) => similarity(qt, t) === 0));
        best = Math.max(best, (q.length > 1 ? total / q.length : total) * (unmatched ? 0.5 : 1) * (q.length > 1 && q.length < tokens.length ? 0.95 : 1));
      }
      if (qRoles.length > 0) best = Math.max(best, roleScore(qRoles, new Set(person.roles.flatMap(roleWords))));
    }
    if (best >= 0.6) scored.push({ person, score: Math.round(best * 1000) / 1000 });
  }
  return scored.sort((a, b) => b.score - a.score || a.person.canonical.localeCompare(b.person.canonical));
}
