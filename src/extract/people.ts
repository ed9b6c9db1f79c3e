/**
 * People (and organisations) across articles: merging the speaker mentions of
 * every article into one record per person, and finding a person from what a
 * reporter types. Spelling variants are folded by transliteration rules
 * (translit.ts), not a list: Kuvshynnykova / Kuvshinnikova / Kuvshynnikova,
 * Zelenskyy / Zelensky. Candidates are blocked by a consonant key of the
 * surname, so merging stays near-linear (50,000 mentions in well under a second).
 */
import { acronymOf, roleWords } from './entities.js';
import { isGenerational } from './lexicon.js';
import { memoized } from '../text/memo.js';
import { byCodeUnits } from '../text/search.js';
import { editDistance } from '../text/similarity.js';
import { foldName, skeleton, softToken, toleratedEdits } from './translit.js';
import type { PersonRecord, SpeakerMention } from './types.js';

const LEADING_THE = /^(?:the)\s+/;
const CORPORATE_SUFFIX = /\s+(?:inc|ltd|llc|plc|corp|co|group|ag|sa|gmbh)$/;
const ACRONYM = /^[\p{Lu}.]{2,6}$/u;

/** One distinct (type, name) with everything the mentions said about it. */
interface Aggregate {
  name: string;
  type: PersonRecord['type'];
  count: number;
  /** Role → how many mentions gave it. */
  roles: Map<string, number>;
  variants: Set<string>;
  /** Soft tokens of the name without a generational suffix (persons), or the normalised name (organisations). */
  tokens: string[];
  /** "jr", "sr", "iii" …, or "" — never merged with a different one (Jr. is not his father). */
  suffix: string;
  key: string;
  parent: number;
}

/** Soft forms are computed once per distinct word: names repeat across thousands of mentions. */
const softWord = memoized(softToken, 100_000);

function softTokens(name: string): string[] {
  return foldName(name)
    .split(' ')
    .filter(Boolean)
    .map(softWord);
}

function orgKey(name: string): string {
  return foldName(name).replace(LEADING_THE, '').replace(CORPORATE_SUFFIX, '');
}


/** Same soft surname, or within the edits its length tolerates. */
function sameSoft(a: string, b: string): boolean {
  if (a === b) return true;
  const max = toleratedEdits(Math.min(a.length, b.length));
  return max > 0 && a[0] === b[0] && editDistance(a, b, max) <= max;
}

/** First names agree: same (soft), an initial of the other, or one side has none. */
function compatibleFirst(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return true;
  const fa = a[0]!;
  const fb = b[0]!;
  if (fa.length === 1 || fb.length === 1) return fa[0] === fb[0];
  return sameSoft(fa, fb);
}

/** A name's soft tokens and generational suffix, as the merge compares them. */
function nameParts(type: PersonRecord['type'], name: string): { tokens: string[]; suffix: string } {
  if (type === 'organisation') return { tokens: [orgKey(name)], suffix: '' };
  // The suffix is read from the words as written: softening folds "III" into "i".
  const words = name.split(/\s+/);
  const suffix = words.length > 2 && isGenerational(words.at(-1)!) ? words.at(-1)!.toLowerCase().replace(/\.$/, '') : '';
  return { tokens: softTokens(suffix === '' ? name : words.slice(0, -1).join(' ')), suffix };
}

/** Persons are blocked by their surname's consonant skeleton, organisations by normalised name. */
function blockKey(type: PersonRecord['type'], tokens: string[]): string {
  return type === 'person' ? `p:${skeleton(tokens.at(-1) ?? '')}` : `o:${tokens[0]}`;
}

/** The acronym an organisation's name is ("F.A.A." → FAA) or stands for ("Federal Aviation Administration" → FAA); null if neither. */
function acronymKey(type: PersonRecord['type'], name: string): string | null {
  if (type !== 'organisation') return null;
  if (ACRONYM.test(name)) return name.replace(/\./g, '');
  const acronym = acronymOf(name);
  return acronym.length < 2 ? null : acronym;
}

/**
 * Where a speaker mention's name takes part in the merge: its block (names merge only within
 * one), and for organisations the acronym that can join it to another block: '=FAA' for the
 * acronym itself, 'FAA' for a name it stands for. Names sharing neither never affect each
 * other's records, so a change to some names needs only the blocks reachable from theirs merged
 * again (index/peopleTable.ts). Null for a name the merge skips (blank).
 */
export function mergeKeysOf(type: PersonRecord['type'], name: string): { block: string; acronym: string | null } | null {
  const trimmed = name.trim();
  if (trimmed === '') return null;
  const acronym = acronymKey(type, trimmed);
  return { block: blockKey(type, nameParts(type, trimmed).tokens), acronym: acronym !== null && ACRONYM.test(trimmed) ? `=${acronym}` : acronym };
}

/**
 * Everything the mentions of one name said, summed over the articles: what the merge reads. A sum
 * does not depend on the order the articles came in, and is kept up to date by adding and
 * subtracting the mentions of the articles that change (index/peopleTable.ts).
 */
export interface NameTally {
  name: string;
  type: PersonRecord['type'];
  mentions: number;
  /** Role → how many mentions gave it. */
  roles: Map<string, number>;
  /** Spelling as written → how many mentions saw it. */
  variants: Map<string, number>;
}

export const tallyId = (type: PersonRecord['type'], name: string) => `${type}\u0000${name}`;

/**
 * Adds the mentions to the tallies (`sign` −1 takes them away; a tally left with no mention
 * goes). Names and words are trimmed; blank names are not tallied.
 */
export function tallyMentions(mentions: SpeakerMention[], tallies = new Map<string, NameTally>(), sign: 1 | -1 = 1): Map<string, NameTally> {
  const bump = (counts: Map<string, number>, words: string[]) => {
    for (const word of new Set(words.map((w) => w.trim()).filter((w) => w !== ''))) {
      const n = (counts.get(word) ?? 0) + sign;
      if (n === 0) counts.delete(word);
      else counts.set(word, n);
    }
  };
  for (const m of mentions) {
    const name = m.name.trim();
    if (name === '') continue;
    const id = tallyId(m.type, name);
    let tally = tallies.get(id);
    if (tally === undefined) tallies.set(id, (tally = { name, type: m.type, mentions: 0, roles: new Map(), variants: new Map() }));
    tally.mentions += sign;
    bump(tally.roles, m.roles);
    bump(tally.variants, m.variants);
    if (tally.mentions === 0) tallies.delete(id);
  }
  return tallies;
}

/** Merges mentions within and across articles into people and organisations. */
export function mergePeople(mentions: SpeakerMention[]): PersonRecord[] {
  return mergeNames([...tallyMentions(mentions).values()]);
}

/** Merges the tallies of every name into people and organisations (in any order: they are sorted here). */
export function mergeNames(tallies: NameTally[]): PersonRecord[] {
  const aggregates: Aggregate[] = [...tallies]
    .sort((a, b) => byCodeUnits(a.type, b.type) || byCodeUnits(a.name, b.name))
    .map((t, index) => {
      const { tokens, suffix } = nameParts(t.type, t.name);
      const variants = new Set([...t.variants.keys()].sort(byCodeUnits));
      return { name: t.name, type: t.type, count: t.mentions, roles: t.roles, variants, tokens, suffix, key: blockKey(t.type, tokens), parent: index };
    });

  const find = (i: number): number => {
    while (aggregates[i]!.parent !== i) {
      aggregates[i]!.parent = aggregates[aggregates[i]!.parent]!.parent;
      i = aggregates[i]!.parent;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    const a = find(i);
    const b = find(j);
    if (a !== b) aggregates[b]!.parent = a;
  };

  // Block by key: persons by their surname's consonant skeleton, organisations by normalised name.
  const blocks = new Map<string, number[]>();
  for (const [i, a] of aggregates.entries()) {
    const list = blocks.get(a.key);
    if (list) list.push(i);
    else blocks.set(a.key, [i]);
  }
  for (const [key, members] of blocks) {
    if (key.startsWith('o:')) {
      for (const i of members.slice(1)) union(members[0]!, i);
      continue;
    }
    // Surnames that are the same name (spelling-tolerant), compared once per distinct spelling.
    const bySurname = new Map<string, number[]>();
    for (const i of members) {
      const surname = aggregates[i]!.tokens.at(-1) ?? '';
      const list = bySurname.get(surname);
      if (list) list.push(i);
      else bySurname.set(surname, [i]);
    }
    const surnames = [...bySurname.keys()];
    const surnameGroup = new Map<string, string>(surnames.map((x) => [x, x]));
    const rootOf = (x: string): string => (surnameGroup.get(x) === x ? x : rootOf(surnameGroup.get(x)!));
    for (let x = 0; x < surnames.length; x++) {
      for (let y = x + 1; y < surnames.length; y++) {
        if (sameSoft(surnames[x]!, surnames[y]!)) surnameGroup.set(rootOf(surnames[y]!), rootOf(surnames[x]!));
      }
    }
    const groups = new Map<string, number[]>();
    for (const [surname, list] of bySurname) {
      const root = rootOf(surname);
      const group = groups.get(root);
      if (group) group.push(...list);
      else groups.set(root, [...list]);
    }
    for (const group of groups.values()) mergeSurnameGroup(group);
  }

  /**
   * Within one surname: full names with the same first name (spelling-tolerant) and the same suffix merge;
   * an initial joins the one full first name it fits, never two (so "J. Smith" cannot join John to Jane);
   * a surname alone joins a single full-name cluster.
   */
  function mergeSurnameGroup(group: number[]): void {
    const byFirst = new Map<string, number[]>();
    const single: number[] = [];
    for (const i of group) {
      const tokens = aggregates[i]!.tokens;
      if (tokens.length <= 1) {
        single.push(i);
        continue;
      }
      const first = `${tokens[0]!}\u0000${aggregates[i]!.suffix}`;
      const list = byFirst.get(first);
      if (list) list.push(i);
      else byFirst.set(first, [i]);
    }
    for (const list of byFirst.values()) for (const i of list.slice(1)) union(list[0]!, i);
    const firsts = [...byFirst.keys()].map((k) => ({ key: k, first: k.split('\u0000')[0]!, suffix: k.split('\u0000')[1]! }));
    const full = firsts.filter((f) => f.first.length > 1);
    for (let x = 0; x < full.length; x++) {
      for (let y = x + 1; y < full.length; y++) {
        if (full[x]!.suffix === full[y]!.suffix && sameSoft(full[x]!.first, full[y]!.first)) union(byFirst.get(full[x]!.key)![0]!, byFirst.get(full[y]!.key)![0]!);
      }
    }
    for (const initial of firsts.filter((f) => f.first.length === 1)) {
      const fits = new Set(full.filter((f) => f.suffix === initial.suffix && f.first[0] === initial.first).map((f) => find(byFirst.get(f.key)![0]!)));
      if (fits.size === 1) union([...fits][0]!, byFirst.get(initial.key)![0]!);
    }
    const clusters = new Set([...byFirst.values()].map((list) => find(list[0]!)));
    for (const i of single) {
      if (clusters.size === 1) union([...clusters][0]!, i);
      else if (clusters.size === 0 && single[0] !== i) union(single[0]!, i);
    }
  }

  // Acronyms: "FAA" with "Federal Aviation Administration" when exactly one organisation fits.
  const byAcronym = new Map<string, Set<number>>();
  for (const [i, a] of aggregates.entries()) {
    if (a.type !== 'organisation' || ACRONYM.test(a.name)) continue;
    const acronym = acronymKey(a.type, a.name);
    if (acronym === null) continue;
    const set = byAcronym.get(acronym) ?? new Set();
    set.add(find(i));
    byAcronym.set(acronym, set);
  }
  for (const [i, a] of aggregates.entries()) {
    if (a.type !== 'organisation' || !ACRONYM.test(a.name)) continue;
    const roots = byAcronym.get(acronymKey(a.type, a.name)!);
    if (roots?.size === 1) union([...roots][0]!, i);
  }

  const clusters = new Map<number, Aggregate[]>();
  for (const [i, a] of aggregates.entries()) {
    const root = find(i);
    const list = clusters.get(root);
    if (list) list.push(a);
    else clusters.set(root, [a]);
  }
  return [...clusters.values()].map(toRecord);
}

/**
 * The most frequent full form names the record; ties go to the longest, then to one introduced with a title.
 * Roles come most given first (ties in alphabetical order).
 */
function toRecord(members: Aggregate[]): PersonRecord {
  const type = members[0]!.type;
  const candidates = members.filter((m) => type === 'organisation' || m.tokens.length > 1);
  const pool = candidates.length > 0 ? candidates : members;
  pool.sort((a, b) => b.count - a.count || b.name.length - a.name.length || b.roles.size - a.roles.size || a.name.localeCompare(b.name));
  const canonical = type === 'organisation' ? pool[0]!.name.replace(/^the\s+/, '') : pool[0]!.name;
  const aliases = new Set<string>();
  const roles = new Map<string, number>();
  for (const m of members) {
    aliases.add(m.name);
    for (const v of m.variants) aliases.add(v);
    for (const [r, n] of m.roles) roles.set(r, (roles.get(r) ?? 0) + n);
    if (type === 'person') {
      const words = m.name.split(/\s+/);
      // The surname alone is an alias (not for "Kim Yong-hyun", whose hyphenated last word is a given name).
      if (words.length > 1 && !words.at(-1)!.includes('-')) aliases.add(words.at(-1)!);
    }
  }
  for (const m of members) if (type === 'organisation') aliases.add(m.name.replace(/^the\s+/, ''));
  aliases.delete(canonical);
  const byUse = [...roles].sort(([a, n], [b, m]) => m - n || a.localeCompare(b) || byCodeUnits(a, b)).map(([r]) => r);
  return { canonical, type, aliases: [...aliases], roles: byUse };
}

// ---- look-ups -----------------------------------------------------------------

interface IndexedPerson {
  person: PersonRecord;
  /** Folded names and aliases. */
  names: string[];
  /** Soft tokens of each name. */
  tokens: string[][];
  /** Content words of the roles. */
  roleWords: Set<string>;
}

interface PeopleIndex {
  byFolded: Map<string, IndexedPerson[]>;
  bySkeleton: Map<string, IndexedPerson[]>;
  /** Soft name token → the people whose names hold it. */
  byToken: Map<string, IndexedPerson[]>;
  /** The distinct soft name tokens by length: a query token is compared with each once, not once per person. */
  tokensByLength: Map<number, string[]>;
  /** Role word → the people who hold a role with it. */
  byRoleWord: Map<string, IndexedPerson[]>;
}

const indexes = new WeakMap<PersonRecord[], PeopleIndex>();

function indexOf(people: PersonRecord[]): PeopleIndex {
  let index = indexes.get(people);
  if (index) return index;
  const byFolded = new Map<string, IndexedPerson[]>();
  const bySkeleton = new Map<string, IndexedPerson[]>();
  const byToken = new Map<string, IndexedPerson[]>();
  const byRoleWord = new Map<string, IndexedPerson[]>();
  const push = (map: Map<string, IndexedPerson[]>, key: string, entry: IndexedPerson) => {
    const list = map.get(key);
    if (!list) map.set(key, [entry]);
    else if (list.at(-1) !== entry) list.push(entry);
  };
  for (const person of people) {
    const names = namesOf(person);
    const folded = names.map((n) => foldedName(person.type, n));
    const entry: IndexedPerson = {
      person,
      names: folded,
      tokens: names.map(softTokens),
      roleWords: new Set(person.roles.flatMap(roleWords)),
    };
    for (const f of folded) push(byFolded, f, entry);
    for (const t of entry.tokens) {
      for (const tok of t) {
        push(bySkeleton, skeleton(tok), entry);
        push(byToken, tok, entry);
      }
    }
    for (const w of entry.roleWords) push(byRoleWord, w, entry);
  }
  const tokensByLength = new Map<number, string[]>();
  for (const token of byToken.keys()) {
    const list = tokensByLength.get(token.length);
    if (list) list.push(token);
    else tokensByLength.set(token.length, [token]);
  }
  index = { byFolded, bySkeleton, byToken, tokensByLength, byRoleWord };
  indexes.set(people, index);
  return index;
}

/** The names a record is found by: its canonical name and aliases, not its roles. */
function namesOf(person: PersonRecord): string[] {
  return [person.canonical, ...person.aliases].filter((n) => !person.roles.includes(n));
}

function foldedName(type: PersonRecord['type'], name: string): string {
  return type === 'organisation' ? orgKey(name) : foldName(name);
}

/**
 * The keys canonicalOf finds a record under ('f:' a folded name, 's:' the skeleton of a name
 * token), and below, the keys it looks a name up under. A record sharing no key with a name is
 * never that name's answer, so when some records change, only the names sharing their keys can
 * resolve differently (index/people.ts).
 */
export function recordLookupKeys(person: PersonRecord): string[] {
  const keys = new Set<string>();
  for (const name of namesOf(person)) {
    keys.add(`f:${foldedName(person.type, name)}`);
    for (const token of softTokens(name)) keys.add(`s:${skeleton(token)}`);
  }
  return [...keys];
}

export function nameLookupKeys(name: string): string[] {
  const keys = new Set([`f:${foldName(name)}`, `f:${orgKey(name)}`]);
  const last = softTokens(name).at(-1);
  if (last !== undefined) keys.add(`s:${skeleton(last)}`);
  return [...keys];
}

/** The record a name belongs to: an exact name or alias, else the one person whose surname fits; null otherwise. */
export function canonicalOf(name: string, people: PersonRecord[]): PersonRecord | null {
  const index = indexOf(people);
  const folded = foldName(name);
  const exact = index.byFolded.get(folded) ?? index.byFolded.get(orgKey(name));
  if (exact && exact.length > 0) {
    const distinct = new Set(exact.map((e) => e.person));
    return distinct.size === 1 ? exact[0]!.person : null; // "Kovalenko" with two Kovalenkos: ambiguous
  }
  const tokens = softTokens(name);
  if (tokens.length === 0) return null;
  const candidates = (index.bySkeleton.get(skeleton(tokens.at(-1)!)) ?? []).filter(
    (e) => e.person.type === 'person' && e.tokens.some((t) => t.length > 0 && sameSoft(t.at(-1)!, tokens.at(-1)!) && compatibleFirst(t, tokens)),
  );
  const unique = [...new Set(candidates.map((c) => c.person))];
  return unique.length === 1 ? unique[0]! : null;
}

/**
 * People matching what a reporter typed: any name or variant, a surname alone, a small typo
 * ("Rute", "kuvshinikova"), or role words ("Secretary General"). Best first, scores 0..1.
 */
export function findPeople(query: string, people: PersonRecord[], limit = 5): { person: PersonRecord; score: number }[] {
  const index = indexOf(people);
  const folded = foldName(query);
  if (folded === '') return [];
  const qTokens = softTokens(query);
  const qRoleWords = roleWords(query);
  const exact = new Set([...(index.byFolded.get(folded) ?? []), ...(index.byFolded.get(orgKey(query)) ?? [])]);
  // Only people sharing a similar name token or a role word can score: the rest score 0. Each query
  // token is compared with the distinct name tokens once (a five-word role against every person's
  // every token was 56 ms at 100,000 articles).
  const similar = qTokens.map((q) => similarTokens(q, index.tokensByLength));
  const candidates = new Set<IndexedPerson>(exact);
  for (const matches of similar) for (const token of matches.keys()) for (const e of index.byToken.get(token) ?? []) candidates.add(e);
  for (const w of qRoleWords) for (const e of index.byRoleWord.get(w) ?? []) candidates.add(e);
  const scored: { person: PersonRecord; score: number }[] = [];
  for (const entry of candidates) {
    let best = 0;
    if (exact.has(entry)) best = 1;
    else {
      for (const tokens of entry.tokens) best = Math.max(best, nameScore(similar, tokens));
      if (qRoleWords.length > 0 && entry.roleWords.size > 0) best = Math.max(best, roleScore(qRoleWords, entry.roleWords));
    }
    if (best >= 0.6) scored.push({ person: entry.person, score: Math.round(best * 1000) / 1000 });
  }
  scored.sort((a, b) => b.score - a.score || a.person.canonical.localeCompare(b.person.canonical));
  return scored.slice(0, limit);
}

const MIN_TOKEN_SIMILARITY = 0.7;

/**
 * How well role words fit the roles a person holds: 0 when none is shared, else 0.5–0.8 by the share of the
 * query's words held, a word naming the institution ("NATO", "Pentagon") counting twice a role noun ("chief").
 */
export function roleScore(query: string[], held: ReadonlySet<string>): number {
  const weight = (w: string) => (GENERIC_ROLE_WORDS.has(w) ? 1 : 2);
  const total = query.reduce((n, w) => n + weight(w), 0);
  const shared = query.filter((w) => held.has(w)).reduce((n, w) => n + weight(w), 0);
  // "fire chief" is not the Pentagon chief: when the query names an institution, one of its words must be held.
  const specific = query.filter((w) => weight(w) === 2);
  if (specific.length > 0 && !specific.some((w) => held.has(w))) return 0;
  return shared > 0 ? 0.5 + 0.3 * (shared / total) : 0;
}

/** Role nouns any institution has: they tell less than the institution's name. */
const GENERIC_ROLE_WORDS = new Set(['chief', 'head', 'leader', 'spokes', 'spokesman', 'spokeswoman', 'spokesperson', 'official', 'minister', 'secretary', 'general', 'director', 'president', 'chair', 'chairman', 'chairwoman', 'representative', 'envoy', 'ambassador', 'commander', 'deputy', 'acting', 'senior', 'former']);

/** The name tokens at least MIN_TOKEN_SIMILARITY like `query`, with their similarity; only lengths the bound allows are read. */
function similarTokens(query: string, tokensByLength: Map<number, string[]>): Map<string, number> {
  const found = new Map<string, number>();
  for (const [length, tokens] of tokensByLength) {
    if (Math.abs(length - query.length) > Math.floor((1 - MIN_TOKEN_SIMILARITY) * Math.max(length, query.length) + 1e-9)) continue;
    for (const token of tokens) {
      const sim = similarityAtLeast(query, token, MIN_TOKEN_SIMILARITY);
      if (sim > 0) found.set(token, sim);
    }
  }
  return found;
}

/** How well query tokens fit a name's tokens: each query token against its best name token; a surname counts most. */
function nameScore(query: Map<string, number>[], name: string[]): number {
  if (name.length === 0 || query.length === 0) return 0;
  let total = 0;
  for (const similar of query) {
    let best = 0;
    for (const [k, t] of name.entries()) {
      let sim = similar.get(t) ?? 0;
      // A surname alone is a strong match; a first name alone a weaker one.
      if (query.length === 1) sim *= k === name.length - 1 ? 0.95 : 0.75;
      best = Math.max(best, sim);
    }
    total += best;
  }
  // A query word that fits no part of the name ("Un" of "Kim Jong Un" against "Kim Yong-hyun") halves the score.
  const unmatched = query.length > 1 && query.some((similar) => name.every((t) => !similar.has(t)));
  const coverage = (query.length > 1 ? total / query.length : total) * (unmatched ? 0.5 : 1);
  return coverage * (query.length > 1 && query.length < name.length ? 0.95 : 1);
}

/**
 * The similarity of two soft tokens, 1 − distance / longest, when it is at least `min`, else 0;
 * found with the edit-distance bound the threshold implies (d ≤ (1 − min)·longest), so most pairs
 * are rejected by their lengths or after a row or two of the distance table.
 */
function similarityAtLeast(a: string, b: string, min: number): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  const max = Math.floor((1 - min) * longest + 1e-9);
  if (Math.abs(a.length - b.length) > max) return 0;
  const d = editDistance(a, b, max);
  if (d > max) return 0;
  const sim = 1 - d / longest;
  return sim < min ? 0 : sim;
}
