/**
 * The people and organisations of one article, and how a speaker phrase
 * resolves to one of them: names by transliteration-aware matching ("Stano"
 * → "Peter Stano", "Kuvshinnikova" → "Victoria Kuvshynnykova"), roles by the
 * titles and appositions the article introduced ("the NATO Secretary General"),
 * pronouns by recency and gender, "the company" by the organisation nearby.
 */
import { genderOfFullName, genderOfGivenName, isListedGivenName } from './firstNames.js';
import { isGenerational, NAME_PARTICLES, PARTY_WORDS } from './lexicon.js';
import { NATIONALITY_WORDS } from './places.js';
import { foldName, sameNameToken, spellingKey } from './translit.js';
import type { SpeakerRule } from './rules.js';
import { memoized } from '../text/memo.js';
import { isPersonalOrganisationName, isTitleWord, KIN_NOUNS, personalOrganisationName, type SpeakerPhrase } from './speakers.js';


export interface Entity {
  id: number;
  /** Display name: the fullest form the article used. */
  name: string;
  type: 'person' | 'organisation';
  roles: string[];
  /** Surface forms seen ("Kuvshinnikova", "Victoria Kuvshynnykova"). */
  variants: string[];
  gender: 'm' | 'f' | null;
  /** Order of the last statement attributed to it; -1 when it never spoke. */
  spokeAt: number;
  /** Where it last spoke (paragraph × 1e6 + offset), comparable with PersonMention.order; -1 when it never spoke. */
  spokePlace: number;
}

/** A person named in the text before the phrase being resolved (nearest first). */
export interface PersonMention {
  /** The full name (a surname alone is given the full name the article used earlier). */
  name: string;
  gender: 'm' | 'f' | null;
  /** Paragraphs back from the phrase: 0 in the same paragraph. */
  distance: number;
  /** Position (paragraph × 1e6 + offset). */
  order: number;
  subject: boolean;
  possessive: boolean;
  asker: boolean;
}

/** Who a phrase resolved to: a registered entity, or an unnamed speaker described by `text`. */
export interface Resolution {
  entity: Entity | null;
  /** Speaker text for unnamed speakers ("officials", "the owner"); null when the statement is unattributed. */
  text: string | null;
  type: 'person' | 'organisation' | null;
  /** The named rule that chose it (rules.ts). */
  rule: SpeakerRule;
  /** What the rule looked at, for `npm run explain`: "he → subject of ¶3 'Robert Kline'". */
  via?: string;
}

/** Lazy look-ups in the article text, supplied by the extractor (they run only when a phrase needs them). */
export interface TextLookups {
  /** A fuller name ending in `surname` written earlier: "Linda Okafor" for "Okafor". */
  fullNameFor(surname: string): string | null;
  /** Every distinct full name written before the phrase whose first word is `given` ("Bernice Pardy" for "Bernice"). */
  fullNamesFirstNamed(given: string): string[];
  /** The one full name the article wrote with this nickname in quotes ('Augustus "Big Gus" Thibodeaux Jr.'), or null. */
  fullNameByNickname(nickname: string): string | null;
  /** Every distinct full name written before the phrase with `word` between its first and last words ("Lucía Ferrer Quintana" for "Ferrer"). */
  fullNamesWithInnerWord(word: string): string[];
  /** An organisation named in full before the phrase that the short `name` stands for ("Karranga" → "Karranga Resources", "AP", "the Fed"). */
  organisationNamed(name: string): string | null;
  /** A full name anywhere in the article ends with `surname` (headlines name people the body introduces later). */
  surnameInArticle(surname: string): boolean;
  /** Every distinct full name ending in `surname` written before the phrase. */
  fullNamesFor(surname: string, quotedToo?: boolean): string[];
  /** People named before the phrase, nearest first, outside quotes and reported clauses (read lazily: a pronoun often needs only the nearest). */
  mentionsBefore(): Iterable<PersonMention>;
  /** A sentence of the phrase's paragraph, after the last named subject, opens with a person described but not named ("Her husband shook his head."). */
  describedSubjectSince(order: number, gender?: 'm' | 'f' | null): boolean;
  /** "A Western diplomat in Kyiv …" written within the last paragraphs: someone unnamed the text introduced with `head`. */
  introducedUnnamed(head: string): boolean;
  /** `place` (paragraph × 1e6 + offset) is in the phrase's paragraph or the one before. */
  recentlySpoke(place: number): boolean;
  /**
   * When the statement just before the phrase (this paragraph or the one before) is a question: the person it
   * addresses by name ("…, Dr. Whitfield?"), or null when it names none. Undefined when it is no question.
   */
  questionAddressee(): string | null | undefined;
  /**
   * A given name of `gender` written inside a quote after `place` (paragraph × 1e6 + offset) and before the
   * phrase, other than `except`'s own: the first found, or null.
   */
  quotedNameSince(place: number, gender: 'm' | 'f', except: string): string | null;
  /** Capitalised words of the statement being attributed ("Kelvin was clipped": its speaker is not Kelvin). */
  wordsOfOwnStatement(): ReadonlySet<string>;
  /** The person named before the phrase with role word `head` ("Mayor Lorraine Okafor-Brandt" for "mayor") sharing most of `words`, nearest among equals. */
  personTitled(head: string, words: string[]): { name: string; shared: number } | null;
  /** An organisation named earlier that a bare "the company"/"the airline" can refer to; `related` when its name fits the noun. */
  organisationBefore(head: string): { name: string; related: boolean; place: number } | null;
}

const ROLE_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'for', 'at', 'on', 'and', "'s", 's', 'its', 'his', 'her', 'their']);
const LEADING_THE = /^(?:the|The)\s+/;
const CORPORATE_SUFFIX = /\s+(?:inc|ltd|llc|plc|corp|co|group|ag|sa|gmbh)\.?$/i;

/**
 * A role without the person it serves: "a spokesperson for Health Minister Deborah Whitcombe" is a spokesperson,
 * not a minister ("the minister said" is Whitcombe). Only where a person's name ends the role.
 */
function withoutPrincipal(role: string): string {
  const m = /\s+(?:for|to)\s+((?:\p{Lu}[\p{L}.'’-]*\s+)*\p{Lu}[\p{L}'’-]+)$/u.exec(role);
  if (m === null) return role;
  const words = m[1]!.split(/\s+/);
  const named = words.some((w, k) => k < words.length - 1 && genderOfGivenName(w) !== null);
  return named ? role.slice(0, m.index) : role;
}

/** Content words of a role phrase, spokes- words folded: "the NATO Secretary General" → nato, secretary, general. */
export function roleWords(text: string): string[] {
  // A possessor is not the role: "the mayor's budget chief" is a chief, not a mayor.
  return foldName(text.replace(/^.*['’]s\s+/u, '').replace(/['’]s\b/g, ''))
    .split(' ')
    .filter((w) => w !== '' && !ROLE_STOPWORDS.has(w))
    .map((w) => (w.startsWith('spokes') ? 'spokes' : w));
}

function orgKey(name: string): string {
  return foldName(name.replace(LEADING_THE, '').replace(CORPORATE_SUFFIX, ''));
}

/** The abbreviations that stand for an organisation: its initials, and an acronym ending its name ("RCMP" for "Nova Scotia RCMP"). */
export function abbreviationsOf(name: string): string[] {
  const last = name.split(/\s+/).at(-1)!;
  const out = name.includes(' ') && /^\p{Lu}{2,6}$/u.test(last) ? [acronymOf(name), last] : [acronymOf(name)];
  // "U.S. Immigration and Customs Enforcement" is "ICE": a country written before an agency's name is not in its initials.
  const national = /^(?:the\s+)?(?:U\.S\.|US|U\.K\.|UK)\s+(.+\s.+)$/u.exec(name);
  if (national !== null) out.push(acronymOf(national[1]!));
  // "ISED" for "Innovation, Science and Economic Development Canada": Canada's departments leave the country out.
  const canadian = /^(.+\s.+)\s+Canada$/u.exec(name);
  if (canadian !== null && name.includes(',')) out.push(acronymOf(canadian[1]!));
  return out;
}

/** The last words of an organisation's name that may stand for it, two words at least: "Red Cross" of "Canadian Red Cross". */
export function nameTails(name: string): string[] {
  const words = name.replace(LEADING_THE, '').split(' ');
  const tails: string[] = [];
  for (let k = 1; k < words.length - 1; k++) if (/^\p{Lu}/u.test(words[k]!)) tails.push(words.slice(k).join(' '));
  return tails;
}

/** "FAA" for "Federal Aviation Administration", "US" for "United States": the capitals of a name's words, small words left out. */
export function acronymOf(name: string): string {
  return name
    .replace(LEADING_THE, '')
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:of|for|the|and|on)$/i.test(w))
    .map((w) => w[0])
    .join('');
}

/**
 * Bounds on what one look-up weighs, so that reading an article stays linear in its length: without them a
 * text naming thousands of people costs the square of its length (issue 16). No news article comes near them.
 * - `LOOKUP_WINDOW`: recent speakers, and people named before a pronoun (a referent 32 names back is no referent;
 *   on every fixture, seed and 1,500 bench articles 32 gives the same statements as 64, at half the cost);
 * - `SAME_NAME_WINDOW`: people, full names or role holders that share one key (a surname's spelling, a role
 *   word), newest first, and the most recently introduced people for spellings further apart.
 */
export const LOOKUP_WINDOW = 32;
export const SAME_NAME_WINDOW = 16;

/** A name in lower case without its generational suffixes: "Donald Trump Jr." → "donald trump". */
/** "jr" of "Harlan T. Beaumont Jr.", else null. */
function suffixOf(name: string): string | null {
  const found = name.split(' ').find((t) => isGenerational(t));
  return found === undefined ? null : found.toLowerCase().replace(/\.$/, '');
}

const withoutSuffixes = memoized((name: string) => name.split(' ').filter((t) => !isGenerational(t)).join(' ').toLowerCase());

/** The last `SAME_NAME_WINDOW` entries of a list, newest first. */
function newest<T>(list: readonly T[] | undefined): T[] {
  return list === undefined ? [] : list.slice(-SAME_NAME_WINDOW).reverse();
}

/** Distinct values under each key, in the order first added; read newest first, `SAME_NAME_WINDOW` at most. */
export class NewestByKey<T> {
  private readonly lists = new Map<string, T[]>();
  private readonly seen = new Map<string, Set<T>>();

  add(key: string, value: T): void {
    const seen = this.seen.get(key) ?? new Set<T>();
    if (seen.has(value)) return;
    this.seen.set(key, seen.add(value));
    const list = this.lists.get(key);
    if (list === undefined) this.lists.set(key, [value]);
    else list.push(value);
  }

  newest(key: string): T[] {
    return newest(this.lists.get(key));
  }
}

/** Entities in the order they last spoke, newest first: moving one to the front costs the same however many spoke. */
class SpeakingOrder {
  private readonly next = new Map<Entity, Entity | null>();
  private readonly prev = new Map<Entity, Entity | null>();
  private head: Entity | null = null;

  touch(entity: Entity): void {
    if (this.head === entity) return;
    if (this.next.has(entity)) {
      const before = this.prev.get(entity) ?? null;
      const after = this.next.get(entity) ?? null;
      if (before) this.next.set(before, after);
      if (after) this.prev.set(after, before);
    }
    this.next.set(entity, this.head);
    this.prev.set(entity, null);
    if (this.head) this.prev.set(this.head, entity);
    this.head = entity;
  }

  /** The newest speakers first, at most `LOOKUP_WINDOW` of them. */
  *recent(): Generator<Entity> {
    let at = this.head;
    for (let seen = 0; at !== null && seen < LOOKUP_WINDOW; seen++, at = this.next.get(at) ?? null) yield at;
  }
}

export class EntityRegistry {
  readonly entities: Entity[] = [];
  private order = 0;
  /** The most recent speaker of any kind, for "they"/"it". */
  private lastOrgLike: Resolution | null = null;
  /** Indexes over `entities`, so a look-up costs the same in the article's 10,000th statement as in its first. */
  private readonly personsByWordKey = new Map<string, Entity[]>();
  private readonly persons: Entity[] = [];
  private readonly organisationsByKey = new Map<string, Entity[]>();
  private readonly byRoleWord = new Map<string, Entity[]>();
  private readonly roleWordsOf = new Map<Entity, Set<string>>();
  private readonly speakers = { person: new SpeakingOrder(), organisation: new SpeakingOrder(), any: new SpeakingOrder() };

  constructor(private readonly lookups: TextLookups) {}

  /** Marks `resolution` as the speaker of the next statement, for recency. */
  /**
   * "St. Agnes Health said in a statement …": the statement is the organisation's, so a later "the
   * statement said" is too, whoever was quoted from it since. The first issuer of each kind of document wins.
   */
  issued(document: string, resolution: Resolution): void {
    const kind = documentKind(document);
    if (resolution.entity !== null && !this.issuers.has(kind)) this.issuers.set(kind, resolution.entity);
  }

  private readonly issuers = new Map<string, Entity>();

  /** The unnamed role holder who spoke last, if the last statement was theirs ("A spokesperson for the department said …"). */
  private lastUnnamed: { text: string; words: Set<string>; place: number; order: number } | null = null;

  /** Where a person the engine could not name spoke last ("The younger Sawchuk said", "A former engineer said"), with the gender the phrase told. */
  private unresolvedPerson: { place: number; gender: 'm' | 'f' | null } | null = null;

  /** A person spoke whom the phrase did not let the engine name: a later "he said" may be them, so it must not skip back past them. */
  spokeUnnamed(place: number, gender: 'm' | 'f' | null): void {
    this.unresolvedPerson = { place, gender };
  }

  /** The text tells a person's gender where the given-name lists did not know the name (a census guess, or none). */
  genderFromText(entity: Entity, gender: 'm' | 'f'): void {
    if (entity.gender === gender || genderOfGivenName(entity.name.split(' ')[0]!) !== null) return;
    entity.gender = gender;
  }

  spoke(resolution: Resolution, place: number): void {
    if (resolution.entity === null && resolution.type === 'person') this.spokeUnnamed(place, null);
    this.order++;
    this.lastUnnamed = resolution.rule === 'role-unnamed' && resolution.text !== null ? { text: resolution.text, words: new Set(roleWords(resolution.text)), place, order: this.order } : null;
    if (resolution.entity) {
      resolution.entity.spokeAt = this.order;
      resolution.entity.spokePlace = place;
      this.speakers[resolution.entity.type].touch(resolution.entity);
      this.speakers.any.touch(resolution.entity);
      this.earliest.clear();
    }
    // "it said" refers to an organisation, never to a plural group ("officials", "mine workers").
    if (resolution.type === 'organisation' && resolution.entity) this.lastOrgLike = resolution;
  }

  person(name: string, surface: string, roles: string[], gender: 'm' | 'f' | null): Entity {
    const tokens = name.split(/\s+/);
    // "Mr Tan" is never the article's Ms Tan Su-Lin: a title's gender keeps apart people sharing a name word.
    let entity = this.findPerson(tokens, gender);
    if (entity === null && tokens.length === 1) {
      const fuller = this.lookups.fullNameFor(name);
      if (fuller !== null) {
        entity = this.findPerson(fuller.split(/\s+/));
        if (entity === null) return this.add(fuller, 'person', roles, gender, [surface, fuller]);
      }
    }
    if (entity === null) {
      // "Glenn Fairweather", after "His father, Glenn R. Fairweather, 61, chaired …": the name as first written, initials kept.
      const initialled = tokens.length >= 2 ? this.lookups.fullNamesFor(tokens.at(-1)!).find((f) => withoutInitials(f) === name && f !== name) : undefined;
      return initialled === undefined ? this.add(name, 'person', roles, gender, [surface]) : this.add(initialled, 'person', roles, gender, [surface, initialled]);
    }
    // A fuller name replaces a surname-only entry ("Stano" from the headline, then "Peter Stano").
    if (tokens.length > entity.name.split(/\s+/).length) this.rename(entity, name);
    this.enrich(entity, roles, gender, surface);
    if (tokens.length > 1 && !entity.variants.includes(name)) entity.variants.push(name);
    return entity;
  }

  organisation(name: string, surface: string, roles: string[]): Entity {
    const key = orgKey(name);
    const acronym = /^[\p{Lu}.]{2,6}$/u.test(name) ? name.replace(/\./g, '') : null;
    const known = (k: string) => this.organisationsByKey.get(k) ?? [];
    const entity =
      known(`key:${key}`).find((e) => orgKey(e.name) === key) ??
      // "FAA" finds the organisations spelled out to it; "Federal Aviation Administration" finds one called "FAA".
      [...(acronym === null ? [] : known(`acronym:${acronym}`)), ...abbreviationsOf(name).flatMap((a) => known(`spelled:${a}`))]
        .sort((a, b) => a.id - b.id)
        .find((e) => (acronym !== null && abbreviationsOf(e.name).includes(acronym)) || (/^[\p{Lu}.]{2,6}$/u.test(e.name) && abbreviationsOf(name).includes(e.name.replace(/\./g, ''))));
    // "the Red Cross", after "the Canadian Red Cross" spoke: the fuller name that ends with it.
    const fuller = entity ?? (name.includes(' ') ? known(`tail:${key}`).at(-1) : undefined);
    if (fuller !== undefined && fuller !== entity) {
      this.enrich(fuller, roles, null, surface);
      return fuller;
    }
    if (entity === undefined) return this.add(name.replace(LEADING_THE, ''), 'organisation', roles, null, [surface]);
    // Prefer the spelled-out name over an acronym.
    if (acronym === null && /^[\p{Lu}.]{2,6}$/u.test(entity.name)) this.rename(entity, name.replace(LEADING_THE, ''));
    this.enrich(entity, roles, null, surface);
    return entity;
  }

  /**
   * "De Luca" looks like a title ("De Telegraaf"), "Church" like an institution, but each ends the full name of a
   * person the article named before ("Marco De Luca", "Gerald T. Church"): it is that person.
   */
  private endsPersonNamed(name: string): boolean {
    const words = name.split(/\s+/);
    return this.lookups.fullNamesFor(words.at(-1)!).some((full) => full.toLowerCase().endsWith(` ${name.toLowerCase()}`));
  }

  /** "Jordan later posted …", after "Jordan Whitlock": a given name spelled like a country, the first name of a person of the article. */
  private opensPersonNamed(name: string): boolean {
    return !name.includes(' ') && isListedGivenName(name) && this.lookups.fullNamesFirstNamed(name).length > 0;
  }

  /** Resolves a parsed phrase; null when it cannot be a speaker here (e.g. "it" with nothing to refer to). */
  resolve(phrase: SpeakerPhrase, surface: string): Resolution | null {
    switch (phrase.kind) {
      case 'name':
        if (phrase.type === 'person' || (phrase.determiner === null && (this.endsPersonNamed(phrase.name!) || this.opensPersonNamed(phrase.name!)))) return this.personByName({ ...phrase, type: 'person' }, surface);
        // "A Raghunathan spokesman": someone speaking for a person of the article, not that person, nor an organisation of that name.
        if (phrase.head?.startsWith('spokes') === true && !phrase.name!.includes(' ') && this.isPersonOfArticle(phrase.name!)) return { entity: null, text: `${phrase.name} ${phrase.head}`, type: 'person', rule: 'role-unnamed' };
        return this.organisationByName(phrase.name!, surface, phrase.roles, 'name');
      case 'pronoun':
        return this.pronoun(phrase);
      case 'role':
        // "Cardinal said", after "Raymond Cardinal Jr.": a surname spelled like a title.
        return this.asSurname(phrase, surface) ?? this.role(phrase, surface);
      case 'org-role':
        return this.orgRole(phrase, surface);
      case 'group':
        // "Banks said": a one-word "group" that is the surname of someone the article named in full is that person.
        return this.asSurname(phrase, surface) ?? this.institution(phrase, surface) ?? { entity: null, text: phrase.text, type: 'organisation', rule: 'group' };
      case 'new-person':
        return { entity: null, text: phrase.text, type: 'person', rule: 'new-person' };
      case 'media':
        return { entity: null, text: null, type: null, rule: 'none' };
      case 'non-agent':
        // "A report released last month by the center": a common noun refers back to the organisation it fits, or names nobody.
        if (phrase.source && /^[\p{Ll}\s-]+$/u.test(phrase.source)) {
          const fitting = this.fittingOrganisation(phrase.source.split(/\s+/).at(-1)!, surface);
          return fitting?.entity ? { ...fitting, rule: 'document', via: `${phrase.text} → ${fitting.entity.name}` } : { entity: null, text: phrase.text, type: 'organisation', rule: 'group' };
        }
        if (phrase.source) return this.organisationByName(phrase.source, phrase.source, [], 'document');
        // "the statement said": a statement is issued by whoever spoke just before, not by an organisation nearby.
        if (phrase.determiner === 'definite' && !phrase.text.includes(' ') && phrase.head !== null && ISSUED_BY_SPEAKER.has(phrase.head)) {
          const issuer = this.issuers.get(documentKind(phrase.head));
          if (issuer) return this.named(issuer, 'document', `${phrase.text} → issued by ${issuer.name}, who spoke "in a ${phrase.head}" before`);
          const last = this.speakers.any.recent().next().value;
          return last && this.lookups.recentlySpoke(last.spokePlace) ? this.named(last, 'document', `${phrase.text} → issued by the last speaker, ${last.name}`) : { entity: null, text: null, type: null, rule: 'none' };
        }
        // "The survey found …": the organisation that the article named with it, nearby.
        if (phrase.determiner === 'definite' && !phrase.text.includes(' ') && phrase.head !== null) {
          const issuer = this.lookups.organisationBefore(phrase.head);
          if (issuer !== null && (issuer.related || !NOT_ISSUED_BY_PLACES.has(phrase.head) || !PLACE_LIKE_ORGANISATION.test(issuer.name)) && this.lookups.recentlySpoke(issuer.place)) return this.named(this.organisation(issuer.name, issuer.name, []), 'document', `${phrase.text} → ${issuer.name}, named with it`);
        }
        return { entity: null, text: null, type: null, rule: 'none' };
    }
  }

  /**
   * An organisation by the name the phrase gives, or by the full name given earlier that it stands for: "A SleepWell
   * spokesperson" is SleepWell Labs, "the Red Cross" the Canadian Red Cross, "the AP's count" The Associated Press's.
   */
  private organisationByName(name: string, surface: string, roles: string[], rule: SpeakerRule): Resolution {
    const full = this.lookups.organisationNamed(name);
    if (full !== null) return this.named(this.organisation(full, surface, roles), rule, `${surface} → ${full}`);
    return this.named(this.organisation(name, surface, roles), rule);
  }

  /** One capitalised word read as a role or a group that ends a full name the article gave ("Banks", "Cardinal"): that person. */
  private asSurname(phrase: SpeakerPhrase, surface: string): Resolution | null {
    if (!/^\p{Lu}\S*$/u.test(phrase.text) || this.lookups.fullNamesFor(phrase.text).length === 0) return null;
    return this.personByName({ ...phrase, kind: 'name', type: 'person', name: phrase.text, roles: [] }, surface);
  }

  /** The best entity for a role description over the whole article (headlines resolve after the body). */
  resolveRoleLate(phrase: SpeakerPhrase): Entity | null {
    return this.byRole(phrase) ?? this.earliestSpeaker(phrase.type ?? 'person');
  }

  /** Of the entities of `type` that spoke, the one whose last statement came first (a headline's speaker, read late). */
  earliestSpeaker(type: Entity['type']): Entity | null {
    if (!this.earliest.has(type)) {
      let best: Entity | null = null;
      for (const e of this.entities) if (e.type === type && e.spokeAt > 0 && (best === null || e.spokeAt < best.spokeAt)) best = e;
      this.earliest.set(type, best);
    }
    return this.earliest.get(type)!;
  }

  /** `earliestSpeaker` by type, valid until someone speaks again. */
  private readonly earliest = new Map<Entity['type'], Entity | null>();

  /** A headline name resolved after the body: "Stano" → the article's "Peter Stano". */
  resolveNameLate(name: string): Entity | null {
    return this.findPerson(name.split(/\s+/));
  }

  private named(entity: Entity, rule: SpeakerRule, via?: string): Resolution {
    return { entity, text: entity.name, type: entity.type, rule, ...(via === undefined ? {} : { via }) };
  }

  private add(name: string, type: Entity['type'], roles: string[], gender: Entity['gender'], variants: string[]): Entity {
    const entity: Entity = { id: this.entities.length, name, type, roles: [], variants: [...new Set(variants)], gender: gender ?? (type === 'person' ? genderOfFullName(name) : null), spokeAt: -1, spokePlace: -1 };
    this.entities.push(entity);
    if (type === 'person') this.persons.push(entity);
    this.indexName(entity);
    this.addRoles(entity, roles);
    return entity;
  }

  /** A fuller or spelled-out name replaces the one shown; the entity stays findable by both. */
  private rename(entity: Entity, name: string): void {
    entity.name = name;
    this.indexName(entity);
  }

  private indexName(entity: Entity): void {
    const push = (map: Map<string, Entity[]>, key: string) => {
      const list = map.get(key) ?? [];
      if (list.at(-1) !== entity) list.push(entity);
      map.set(key, list);
    };
    if (entity.type === 'person') {
      for (const word of entity.name.split(/\s+/)) if (word !== '') push(this.personsByWordKey, spellingKey(word));
      return;
    }
    push(this.organisationsByKey, `key:${orgKey(entity.name)}`);
    for (const abbreviation of abbreviationsOf(entity.name)) push(this.organisationsByKey, `acronym:${abbreviation}`);
    for (const tail of nameTails(entity.name)) push(this.organisationsByKey, `tail:${orgKey(tail)}`);
    if (/^[\p{Lu}.]{2,6}$/u.test(entity.name)) push(this.organisationsByKey, `spelled:${entity.name.replace(/\./g, '')}`);
  }

  /** A role the text gives the entity ("the minister" of a headline read late). */
  addRoles(entity: Entity, roles: string[]): void {
    for (const role of roles) {
      if (entity.roles.includes(role)) continue;
      entity.roles.push(role);
      const own = this.roleWordsOf.get(entity) ?? new Set<string>();
      this.roleWordsOf.set(entity, own);
      for (const word of roleWords(withoutPrincipal(role))) {
        if (own.has(word)) continue;
        own.add(word);
        const list = this.byRoleWord.get(word) ?? [];
        if (list.at(-1) !== entity) list.push(entity);
        this.byRoleWord.set(word, list);
      }
    }
  }

  private enrich(entity: Entity, roles: string[], gender: Entity['gender'], surface: string): void {
    this.addRoles(entity, roles);
    if (gender !== null && entity.gender === null) entity.gender = gender;
    if (surface !== '' && !entity.variants.includes(surface)) entity.variants.push(surface);
  }

  /**
   * A person entity with the same surname (spelling-tolerant), a compatible first name (equal, or an
   * initial of it) and the same generational suffix: "Donald Trump Jr." is never "Donald Trump".
   */
  private findPerson(tokens: string[], gender: 'm' | 'f' | null = null): Entity | null {
    const query = namePartsOf(tokens.join(' '));
    let best: Entity | null = null;
    for (const e of this.personCandidates(query.surname, tokens.at(-1) ?? '')) {
      if (gender !== null && e.gender !== null && e.gender !== gender) continue;
      const known = this.partsOf(e);
      const surnameMatch = sameNameToken(known.surname, query.surname) || (query.first === null && known.all.some((t) => sameNameToken(t, query.surname)));
      if (tokens.length > 1 && e.name.endsWith(` ${tokens.join(' ')}`)) return e; // "Ortiz de la Vega" of "Catalina Ortiz de la Vega"
      if (!surnameMatch) continue;
      if (query.first !== null && known.first !== null && query.suffix !== known.suffix) continue;
      const a = query.first;
      const b = known.first;
      const firstOk = a === null || b === null || sameNameToken(a, b) || (a[0] === b[0] && (a.replace('.', '').length <= 1 || b.replace('.', '').length <= 1));
      if (!firstOk) continue;
      if (best === null || e.spokeAt > best.spokeAt) best = e;
    }
    return best;
  }

  /** An entity's name parts, worked out once per name it carries. */
  private partsOf(e: Entity): ReturnType<typeof nameParts> {
    const cached = this.nameParts.get(e);
    if (cached !== undefined && cached.name === e.name) return cached.parts;
    const parts = namePartsOf(e.name);
    this.nameParts.set(e, { name: e.name, parts });
    return parts;
  }

  private readonly nameParts = new Map<Entity, { name: string; parts: ReturnType<typeof nameParts> }>();

  /**
   * The people a name can be: those with a name word of the surname's (or last word's) spelling key,
   * and the most recently added, whose spelling may differ more; in the order the article introduced them.
   */
  private personCandidates(surname: string, last: string): readonly Entity[] {
    if (this.persons.length <= SAME_NAME_WINDOW) return this.persons;
    const found = new Set<Entity>([...newest(this.personsByWordKey.get(spellingKey(surname))), ...newest(this.personsByWordKey.get(spellingKey(last))), ...newest(this.persons)]);
    return [...found].sort((a, b) => a.id - b.id);
  }

  /**
   * A person named by name. Full names (first name, initials, surname, suffix) must agree with the
   * entity they join: never different first names, never Jr. with no Jr. A surname alone takes the
   * full name the article used before; when two people of the article carry it, the speaker is left
   * unclear unless one of them was already called by the bare surname.
   */
  private personByName(phrase: SpeakerPhrase, surface: string): Resolution {
    const name = phrase.name!;
    const tokens = name.split(/\s+/);
    const surname = tokens.filter((t) => !isGenerational(t)).at(-1) ?? name;
    // Full names written before that extend this one: "Tom Lockwood" for "Lockwood", "Christopher van der Berg" for "van der Berg".
    const ending = ` ${withoutSuffixes(name)}`;
    // "Beaumont Jr." is never Harlan T. Beaumont Sr.: a suffix written with the surname keeps only the full names with it.
    const suffix = suffixOf(name);
    const fuller = this.lookups.fullNamesFor(surname, true).filter((f) => f !== name && withoutSuffixes(f).endsWith(ending) && (suffix === null || suffixOf(f) === suffix));
    // "Doug Jr.", after "Douglas R. Pruett Jr.": a short first name with the suffix, of the one person of the article
    // whose first name it shortens and who carries that suffix.
    if (tokens.length === 2 && suffix !== null && fuller.length === 0 && surname.length >= 3) {
      const shortened = this.persons.filter((e) => suffixOf(e.name) === suffix && e.name.split(' ').length > 2 && e.name.startsWith(surname) && e.name.split(' ')[0] !== surname);
      if (shortened.length === 1) return this.named(this.person(shortened[0]!.name, surface, phrase.roles, phrase.gender), 'first-name-earlier', `${surface} → ${shortened[0]!.name}`);
    }
    const surnameOnly = tokens.length === 1 || NAME_PARTICLES.has(tokens[0]!.toLowerCase()) || fuller.length > 0;
    // "Big Gus said", after 'Augustus "Big Gus" Thibodeaux Jr.': the nickname of the one person written with it.
    if (tokens.length >= 2 && fuller.length === 0 && this.findPerson(tokens) === null) {
      const nicknamed = this.lookups.fullNameByNickname(name);
      if (nicknamed !== null) return this.named(this.person(nicknamed, surface, phrase.roles, phrase.gender), 'first-name-earlier', `${surface} → ${nicknamed}, the nickname written in its name`);
    }
    if (!surnameOnly) return this.orgByLeadingWords(name, surface, phrase) ?? this.named(this.person(name, surface, phrase.roles, phrase.gender), 'name');
    // "Karranga said": a one-word name that opens an organisation's name given earlier is that organisation.
    if (tokens.length === 1 && fuller.length === 0) {
      const org = this.lookups.organisationNamed(name);
      // Not "the Whitcomb campaign": "Whitcomb said" is the candidate, even before her full name is read.
      if (org !== null && !isPersonalOrganisationName(org)) return this.named(this.organisation(org, surface, []), 'name', `${surface} → ${org}`);
      // "Bernice said", after "Bernice and Cyril Pardy": the one person of the article with that first name; two of them, unclear.
      // "Sir Geoffrey", "Dame Judi": these titles go with the first name.
      // "Her husband, Ray,": a kin noun goes with the first name too.
      if (phrase.roles.length === 0 || phrase.roles.every((r) => FIRST_NAME_TITLES.test(r) || KIN_NOUNS.has(r.toLowerCase()))) {
        const firstNamed = this.lookups.fullNamesFirstNamed(name);
        if (firstNamed.length > 1) return { entity: null, text: null, type: null, rule: 'first-name-ambiguous', via: `${surface}: ${firstNamed.join(' / ')}` };
        if (firstNamed.length === 1) return this.named(this.person(firstNamed[0]!, surface, [], phrase.gender), 'first-name-earlier', `${surface} → ${firstNamed[0]}`);
      }
      // "Mr Tan said", after "Manpower Minister Tan Wei Ming": a family name written first, as Chinese, Korean and
      // Vietnamese names are, called by title. Not a given name ("Mr Thomas" is never Thomas Green).
      if (phrase.roles.length > 0 && genderOfGivenName(name) === null && !phrase.roles.every((r) => FIRST_NAME_TITLES.test(r))) {
        const familyFirst = this.lookups.fullNamesFirstNamed(name).filter((f) => this.fitsGender(f, phrase.gender));
        if (familyFirst.length > 1) return { entity: null, text: null, type: null, rule: 'surname-ambiguous', via: `${surface}: ${familyFirst.join(' / ')}` };
        if (familyFirst.length === 1) return this.named(this.person(familyFirst[0]!, surface, phrase.roles, phrase.gender), 'surname-earlier', `${surface} → ${familyFirst[0]} (family name first)`);
      }
      // "Ferrer said", after "Lucía Ferrer Quintana": a surname written inside the full name, of one person of the article only.
      const inner = this.lookups.fullNamesWithInnerWord(name).filter((f) => phrase.gender === null || (genderOfFullName(f) ?? phrase.gender) === phrase.gender);
      if (inner.length > 1) return { entity: null, text: null, type: null, rule: 'surname-ambiguous', via: `${surface}: ${inner.join(' / ')}` };
      if (inner.length === 1) return this.named(this.person(inner[0]!, surface, phrase.roles, phrase.gender), 'surname-earlier', `${surface} → ${inner[0]}`);
    }
    const people = [...new Map(fuller.map((f) => [foldName(f), f])).values()];
    // A title's gender ("Mr", "Ms") tells two people of one surname apart.
    const byGender = people.filter((f) => this.fitsGender(f, phrase.gender));
    // "the elder Sawchuk", "the younger Trudeau": of a father and a son the suffixes tell apart, the one meant.
    const fitting = phrase.seniority !== undefined && byGender.length > 1 ? bySeniority(byGender, phrase.seniority) : byGender;
    // '"Kelvin was clipped," Boateng said': of two Boatengs, the one the statement calls by his first name is not its speaker.
    const own = fitting.length > 1 ? this.lookups.wordsOfOwnStatement() : null;
    const notNamedInIt = own === null ? fitting : fitting.filter((f) => !own.has(f.split(' ')[0]!));
    if (fitting.length > 1 && notNamedInIt.length === 1) return this.named(this.person(notNamedInIt[0]!, surface, phrase.roles, phrase.gender), 'surname-earlier', `${surface} → ${notNamedInIt[0]} (the statement names the other by first name)`);
    // "Hatcher said", after "Sen. Lyle Hatcher" and "his daughter, Madison Hatcher": the relative introduced as kin is not the bare surname.
    // Not when the relative spoke last: "Her husband, Mike DeLuca, said …. "…," DeLuca said" continues him.
    const principals = fitting.length > 1 ? fitting.filter((f) => !this.introducedAsKin(f)) : fitting;
    const lastSpeaker = this.speakers.any.recent().next().value;
    const kinSpokeLast = principals.length === 1 && lastSpeaker !== undefined && fitting.some((f) => f !== principals[0] && this.isEntity(f, lastSpeaker));
    if (fitting.length > 1 && principals.length === 1 && !kinSpokeLast && phrase.roles.length === 0) return this.named(this.person(principals[0]!, surface, phrase.roles, phrase.gender), 'surname-principal', `${surface} → ${principals[0]} (${fitting.filter((f) => f !== principals[0]).join(' / ')} introduced as kin)`);
    if (fitting.length > 1) return { entity: null, text: null, type: null, rule: 'surname-ambiguous', via: `${surface}: ${fitting.join(' / ')}` };
    if (fitting.length === 1) return this.named(this.person(fitting[0]!, surface, phrase.roles, phrase.gender), 'surname-earlier', `${surface} → ${fitting[0]}`);
    // "Mr Fenwick" when the article's only Fenwick is Gloria: someone of that surname the article has not named in full.
    if (people.length > 0) return { entity: null, text: null, type: null, rule: 'surname-ambiguous', via: `${surface}: no ${phrase.gender === 'f' ? 'woman' : 'man'} among ${people.join(' / ')}` };
    // One capitalised word that no full name of the article ends with, and no title marks as a person
    // ("Suspilne reported", "Energoatom said"): an organisation, never a person of that name.
    if (tokens.length === 1 && phrase.gender === null && phrase.roles.length === 0 && this.findPerson(tokens) === null && !this.lookups.surnameInArticle(name)) {
      return this.named(this.organisation(name, surface, []), 'name', `${surface}: one word no person of the article is called`);
    }
    const entity = this.person(name, surface, phrase.roles, phrase.gender);
    return this.named(entity, entity.name === name ? 'name' : 'surname-earlier', entity.name === name ? undefined : `${surface} → ${entity.name}`);
  }

  /**
   * "Prairie Hollow said", after "Prairie Hollow Railroad": the first words of an organisation's name the article gave,
   * when they open with no given name and no title or pronoun marks a person ("Grace Mensah" is never the Grace Mensah Foundation).
   */
  private orgByLeadingWords(name: string, surface: string, phrase: SpeakerPhrase): Resolution | null {
    if (phrase.roles.length > 0 || phrase.gender !== null || genderOfGivenName(name.split(/\s+/)[0]!) !== null || this.findPerson(name.split(/\s+/)) !== null) return null;
    const org = this.lookups.organisationNamed(name);
    // Only a name the organisation's opens with ("Southern Defence Forces Oleksii Starmer" is no organisation "Oleksii Starmer" stands for).
    return org === null || !org.startsWith(`${name} `) || isPersonalOrganisationName(org) ? null : this.named(this.organisation(org, surface, []), 'name', `${surface} → ${org}`);
  }

  /** How many different people this paragraph names, in full, after `place` and before the phrase. */
  private peopleSince(place: number): number {
    const names = new Set<string>();
    for (const m of this.lookups.mentionsBefore()) {
      if (m.distance > 0 || m.order <= place) break;
      if (!m.possessive && !m.asker && m.name.includes(' ')) names.add(m.name);
    }
    return names.size;
  }

  /**
   * he/she, resolved only to an antecedent that agrees (a person, of the pronoun's gender where the text
   * tells it), in this order:
   * 1. the subject of a sentence earlier in the same paragraph ("Robert Kline welcomed the ruling. "…," he said.");
   * 2. the last agreeing speaker, when no other agreeing person has been introduced since;
   * 3. the article's only agreeing person.
   * Possessors ("Clinton's running mate"), askers ("moderator Lester Holt asked"), names inside quotes and
   * inside reported clauses are never antecedents. Anything else is left unclear: a wrong speaker is worse
   * than none.
   */
  private pronoun(phrase: SpeakerPhrase): Resolution | null {
    if (phrase.type === 'organisation') {
      if (this.lastOrgLike === null) return null;
      // "House Speaker Carlton Beasley and Senate leader Warren Gaskins issued a joint statement … They said": people
      // named in this paragraph since the organisation last spoke are whom "they" means, not the organisation.
      if (phrase.text.toLowerCase() === 'they' && this.peopleSince(this.lastOrgLike.entity?.spokePlace ?? 0) >= 2) return { entity: null, text: null, type: null, rule: 'none', via: `${phrase.text}: people named since ${this.lastOrgLike.entity?.name} spoke` };
      return { ...this.lastOrgLike, rule: 'it-organisation' };
    }
    const gender = phrase.gender;
    const genders = new Map<string, 'm' | 'f' | null>();
    const genderOf = (m: PersonMention): 'm' | 'f' | null => {
      if (m.gender !== null) return m.gender;
      if (!genders.has(m.name)) genders.set(m.name, this.mentionGender(m.name));
      return genders.get(m.name)!;
    };
    const agrees = (m: PersonMention) => gender === null || genderOf(m) === null || genderOf(m) === gender;
    // Agreeing antecedents, nearest first, read only as far as each step below needs.
    const candidates: PersonMention[] = [];
    const mentions = this.lookups.mentionsBefore()[Symbol.iterator]();
    const readWhile = (more: (m: PersonMention) => boolean): void => {
      for (let last = candidates.at(-1); last === undefined || more(last); last = candidates.at(-1)) {
        const next = mentions.next();
        if (next.done) return;
        if (agrees(next.value) && !next.value.possessive && !next.value.asker) candidates.push(next.value);
      }
    };
    const resolved = (name: string, g: 'm' | 'f' | null, rule: SpeakerRule, via: string): Resolution => {
      // A surname antecedent ("When Harwell was asked …, she said") is read as a name would be, with the
      // pronoun's gender: one of two Harwells, or unclear when the gender cannot tell them apart.
      // "Beaumont Jr." too: a surname with its suffix is read as a surname.
      if (!withoutSuffixes(name).includes(' ') || NAME_PARTICLES.has(name.split(' ')[0]!.toLowerCase())) {
        const byName = this.personByName({ kind: 'name', type: 'person', name, text: name, gender: g ?? gender, roles: [], determiner: null, head: null, bare: false, source: null, start: 0, end: 0, nameStart: 0, nameEnd: 0 }, name);
        if (byName.rule === 'surname-ambiguous') return { ...byName, via: `${phrase.text} → ${name}, ${byName.via ?? 'a surname two people share'}` };
        if (byName.entity?.type === 'person') return this.named(byName.entity, rule, via + (byName.entity.name === name ? '' : ` → ${byName.entity.name}`));
      }
      const entity = this.person(name, name, [], g);
      if (gender !== null && entity.gender === null) entity.gender = gender;
      return this.named(entity, rule, via);
    };
    readWhile((m) => m.distance === 0 && !m.subject);
    const here = candidates.find((m) => m.distance === 0 && m.subject);
    // Right after a question ("… ever discussed a price, Dr. Whitfield?" the senator asked), "he said" is the one asked:
    // the person the question names, or unclear; never a speaker from before the question.
    const addressee = here ? undefined : this.lookups.questionAddressee();
    if (addressee !== undefined) {
      const asked = addressee === null ? null : this.personByName({ kind: 'name', type: 'person', name: addressee, text: addressee, gender, roles: [], determiner: null, head: null, bare: false, source: null, start: 0, end: 0, nameStart: 0, nameEnd: 0 }, addressee);
      if (asked?.entity?.type === 'person' && (gender === null || asked.entity.gender === null || asked.entity.gender === gender)) return this.named(asked.entity, 'pronoun-addressee', `${phrase.text} → the person the question before it asked: ${asked.entity.name}`);
      return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: answers a question that names nobody it fits` };
    }
    const describedAfter = (order: number) => this.lookups.describedSubjectSince(order, gender);
    if (here && describedAfter(here.order)) return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: a person described but not named since ${here.name}` };
    if (here) return resolved(here.name, genderOf(here), 'pronoun-subject', `${phrase.text} → subject before it in the paragraph: ${here.name}`);
    const last = this.lastSpeaker('person', gender);
    const unnamed = this.unresolvedPerson;
    if (unnamed !== null && (last === null || unnamed.place > last.spokePlace) && (gender === null || unnamed.gender === null || unnamed.gender === gender) && this.lookups.recentlySpoke(unnamed.place)) {
      return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: the last to speak was someone not named${last ? `, after ${last.name}` : ''}` };
    }
    if (last) {
      readWhile((m) => m.order > last.spokePlace);
      const since = candidates.filter((m) => m.order > last.spokePlace && !this.surelyEntity(m.name, last));
      if (since.length === 0 && describedAfter(last.spokePlace)) return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: a person described but not named since ${last.name} spoke` };
      // A quote since then named someone else of that gender ("When Mireille's barometer drops, …," he says. ¶ She says …): unclear.
      const quoted = since.length === 0 && gender !== null ? this.lookups.quotedNameSince(last.spokePlace, gender, last.name) : null;
      if (quoted) return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: last speaker ${last.name}, but a quote since names ${quoted}` };
      if (since.length === 0) return this.named(last, 'pronoun-speaker', `${phrase.text} → last speaker: ${last.name}`);
      return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: last speaker ${last.name}, but ${[...new Set(since.map((m) => m.name))].join(', ')} named since` };
    }
    readWhile(() => true);
    const distinct = [...new Set(candidates.map((m) => foldName(m.name)))];
    const sure = candidates.filter((m) => gender !== null && genderOf(m) === gender);
    if (distinct.length === 1 && (sure.length > 0 || gender === null)) {
      return resolved(candidates[0]!.name, genderOf(candidates[0]!), 'pronoun-principal', `${phrase.text} → the only ${gender === 'f' ? 'woman' : gender === 'm' ? 'man' : 'person'} named before: ${candidates[0]!.name}`);
    }
    return { entity: null, text: null, type: null, rule: 'pronoun-unclear', via: `${phrase.text}: ${distinct.length === 0 ? 'no agreeing person before it' : `candidates ${[...new Set(candidates.map((m) => m.name))].join(', ')}`}` };
  }

  /** A full name whose gender (by its given name, else its entity's) does not contradict `gender`; any name when `gender` is null. */
  private fitsGender(full: string, gender: 'm' | 'f' | null): boolean {
    return gender === null || (genderOfFullName(full) ?? this.entityFor(full)?.gender ?? gender) === gender;
  }

  /** A person other than `last` is named (outside statements) after `last` last spoke. */
  private someoneElseNamedSince(last: Entity): boolean {
    for (const m of this.lookups.mentionsBefore()) {
      if (m.order <= last.spokePlace) return false;
      if (!this.isEntity(m.name, last)) return true;
    }
    return false;
  }

  /** The gender a mention tells: a surname two people of different genders share ("Harwell") tells none. */
  private mentionGender(name: string): 'm' | 'f' | null {
    if (!name.includes(' ')) {
      const genders = new Set(this.lookups.fullNamesFor(name).map((full) => genderOfFullName(full) ?? this.entityFor(full)?.gender ?? null));
      if (genders.size > 1) return null;
    }
    return this.entityFor(name)?.gender ?? null;
  }

  /** A person the article introduced by a family tie ("his daughter, Madison Hatcher"): called by first or full name after. */
  private introducedAsKin(name: string): boolean {
    const entity = this.entityFor(name);
    return entity !== null && entity.roles.some((role) => role.toLowerCase().split(/[^\p{L}]+/u).some((word) => KIN_NOUNS.has(word)));
  }

  private entityFor(name: string): Entity | null {
    return this.findPerson(name.split(/\s+/));
  }

  private isEntity(name: string, entity: Entity): boolean {
    return this.entityFor(name) === entity || foldName(name) === foldName(entity.name);
  }

  /** As isEntity, but a surname two full names of the article end in ("Mr Marlowe", with Daniel and Owen Marlowe) is nobody for sure. */
  private surelyEntity(name: string, entity: Entity): boolean {
    if (!name.includes(' ') && new Set(this.lookups.fullNamesFor(name).map(withoutInitials)).size > 1) return false;
    return this.isEntity(name, entity);
  }

  /** Role matching: the head noun must be among the entity's role words; more shared words win. */
  private byRole(phrase: SpeakerPhrase): Entity | null {
    const words = roleWords(phrase.text);
    const head = phrase.head?.startsWith('spokes') ? 'spokes' : phrase.head;
    let best: Entity | null = null;
    let bestScore = 0;
    // Only entities sharing a word with the phrase can reach the threshold; the newest SAME_NAME_WINDOW of each word.
    const candidates = this.entities.length <= SAME_NAME_WINDOW ? this.entities : [...new Set<Entity>(head !== null ? newest(this.byRoleWord.get(head)) : words.flatMap((w) => newest(this.byRoleWord.get(w))))].sort((a, b) => a.id - b.id);
    for (const e of candidates) {
      const own = this.roleWordsOf.get(e) ?? new Set<string>();
      if (head !== null && !own.has(head)) continue;
      // "the coach added" is a person, never the club that a coach's description named ("head coach of Tayside Thistle").
      if (phrase.type === 'person' && e.type !== 'person' && head !== 'spokes') continue;
      // "the Republican nominee" is never the one the article called "the Democratic nominee": a side word of the
      // phrase (a party, a nationality) that the entity's description answers with another side word.
      if (words.some((w) => isSideWord(w) && !own.has(w)) && [...own].some((w) => isSideWord(w) && !words.includes(w))) continue;
      const shared = words.filter((w) => own.has(w)).length;
      const score = shared / Math.max(1, words.length) + (e.spokeAt > 0 ? e.spokeAt * 1e-6 : 0);
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return bestScore >= 0.3 ? best : null;
  }

  /** A name the article gives a person: one of its words is a given name, a person of the article carries it, or a full name ends with it. */
  private isPersonOfArticle(name: string): boolean {
    const words = name.split(/\s+/);
    return words.some((w) => genderOfGivenName(w) !== null) || this.findPerson(words) !== null || this.lookups.fullNamesFor(words.at(-1)!).length > 0;
  }

  private role(phrase: SpeakerPhrase, surface: string): Resolution {
    const spokesperson = phrase.head?.startsWith('spokes') === true;
    // "A spokesperson for the department": an indefinite description brings in someone new, never a person
    // named before with that role; a spokesperson speaks for the organisation, when the text tells which.
    if (phrase.determiner === 'indefinite') {
      // "A spokesperson for the department", "a league spokesperson": the noun says which organisation.
      const forOrg = spokesperson ? (/\bfor\s+the\s+(\p{Ll}+)$/u.exec(phrase.text) ?? /^(\p{Ll}+)\s+spokes\p{Ll}+$/u.exec(phrase.text)) : null;
      const org = forOrg ? this.orgRole({ ...phrase, kind: 'org-role', type: 'organisation', head: forOrg[1]!, bare: true, determiner: 'definite', text: forOrg[1]! }, surface) : null;
      if (org?.entity) return { ...org, rule: 'spokesperson-organisation', via: `${surface} → ${org.entity.name}` };
      // "A spokeswoman for Voltrek", "a spokesperson for the federal Department of Finance": the organisation named,
      // never a person of the article ("a spokesman for Johnson" speaks for Johnson, and is not Johnson).
      const named = spokesperson ? /\b(?:for|of|at)\s+(?:the\s+)?(?:federal\s+|state\s+|provincial\s+)?(\p{Lu}[\p{L}.&'’-]*(?:\s+(?:of|for|and|the|&|\p{Lu}[\p{L}.&'’-]*))*)$/u.exec(phrase.text) : null;
      // "A spokeswoman for the Premier": an office holder's spokesperson, not an organisation called "Premier".
      if (named !== null && phrase.forPerson !== true && !this.isPersonOfArticle(named[1]!) && !named[1]!.split(/\s+/).every((w) => isTitleWord(w.toLowerCase()))) {
        const byName = this.organisationByName(named[1]!, surface, [], 'spokesperson-organisation');
        return { ...byName, via: `${surface} → ${byName.text}` };
      }
      // "A spokesperson said", right after an organisation spoke: that organisation's.
      // Not when the phrase names whom the spokesperson speaks for ("A spokeswoman for Nakashima-Reed").
      if (spokesperson && forOrg === null && named === null && this.lastOrgLike?.entity && this.lookups.recentlySpoke(this.lastOrgLike.entity.spokePlace)) return { ...this.lastOrgLike, rule: 'spokesperson-organisation' };
      return { entity: null, text: phrase.text, type: 'person', rule: 'role-unnamed' };
    }
    // "… the spokesperson added", right after an unnamed spokesperson spoke: the same unnamed person.
    const head = phrase.head === null ? null : spokesperson ? 'spokes' : phrase.head;
    const unnamed = this.lastUnnamed;
    if (phrase.determiner === 'definite' && phrase.bare && head !== null && unnamed !== null && unnamed.words.has(head) && this.lookups.recentlySpoke(unnamed.place)) {
      return { entity: null, text: unnamed.text, type: 'person', rule: 'role-unnamed', via: `${surface} → the ${unnamed.text} who spoke just before` };
    }
    // "the mayor": a speaker the article gave that role, or a person it named with that title ("Mayor Lorraine
    // Okafor-Brandt"); the one sharing more of the description's words wins ("the Nova Scotia premier").
    const matched = this.byRole(phrase);
    const words = roleWords(phrase.text);
    const titled = phrase.determiner === 'definite' && phrase.head !== null && !spokesperson ? this.lookups.personTitled(phrase.head, words) : null;
    const matchedShares = matched ? words.filter((w) => this.roleWordsOf.get(matched)?.has(w)).length : 0;
    if (matched && (titled === null || matchedShares >= titled.shared)) {
      this.enrich(matched, [phrase.text], phrase.gender, '');
      return this.named(matched, 'role-match');
    }
    // "a spokesperson" with no organisation named: the organisation that spoke in this paragraph or the one before.
    if (spokesperson && this.lastOrgLike?.entity && this.lookups.recentlySpoke(this.lastOrgLike.entity.spokePlace)) return { ...this.lastOrgLike, rule: 'spokesperson-organisation' };
    if (titled !== null) {
      const entity = this.person(titled.name, titled.name, [phrase.text], null);
      if (phrase.gender === null || entity.gender === null || entity.gender === phrase.gender) return this.named(entity, 'role-title', `${surface} → ${titled.name}, named with that title`);
    }
    // "the European diplomat": a definite description that describes rather than names an office refers back to
    // the last person who spoke, unless someone the engine could not name spoke since ("a senior party leader …
    // the leader said"). An office ("the author", "the minister") is never guessed from who spoke last.
    if (phrase.determiner === 'definite' && phrase.bare && phrase.head !== null && DESCRIPTIVE_HEADS.has(phrase.head)) {
      const last = this.lastSpeaker('person', phrase.gender);
      const unnamedSince = this.unresolvedPerson !== null && last !== null && this.unresolvedPerson.place > last.spokePlace;
      // As for "he said": nobody else named since the last speaker ("… Meera Joshi, another leader, … the leader said");
      // and no one unnamed brought in with that noun ("A Western diplomat in Kyiv …": "the diplomat" is that one).
      if (last && !unnamedSince && !this.someoneElseNamedSince(last) && !this.lookups.introducedUnnamed(phrase.head)) {
        this.enrich(last, [phrase.text], phrase.gender, '');
        return this.named(last, 'role-last-speaker');
      }
    }
    return { entity: null, text: phrase.text, type: 'person', rule: 'role-unnamed' };
  }

  /** "police said", "Police say": the police service the article named ("Cobalt Valley Regional Police Service"), if one fits. */
  private institution(phrase: SpeakerPhrase, surface: string): Resolution | null {
    if (phrase.head === null || !INSTITUTIONAL_GROUPS.has(phrase.head) || phrase.text.toLowerCase() !== phrase.head || phrase.determiner === 'indefinite') return null;
    return this.fittingOrganisation(phrase.head, surface);
  }

  /**
   * The organisation a noun stands for ("the airline", "police"): of an organisation that spoke and fits the noun
   * and one named nearby that fits, the nearer ("Immigration Canada said … Environment Canada issued a warning.
   * The weather agency said"); null when none fits.
   */
  private fittingOrganisation(head: string, surface: string): Resolution | null {
    const spoke = [...this.speakers.organisation.recent()].find((e) => isRelatedOrg(e.name, e.roles, head));
    const found = this.lookups.organisationBefore(head);
    if (found !== null && found.related && (spoke === undefined || found.place > spoke.spokePlace)) return this.named(this.organisation(found.name, surface, [head]), 'org-role', `${surface} → ${found.name}, named before`);
    return spoke ? this.named(spoke, 'org-role', `${surface} → ${spoke.name}, which spoke before`) : null;
  }

  private orgRole(phrase: SpeakerPhrase, surface: string): Resolution {
    // "his campaign": the campaign of the person "his" refers to, named as news writing names it ("the Bramlett campaign").
    if (phrase.possessive && phrase.head !== null) {
      const owner = this.pronoun({ ...phrase, kind: 'pronoun', type: 'person', text: phrase.gender === 'f' ? 'her' : phrase.gender === 'm' ? 'his' : 'their' });
      if (owner?.entity?.type === 'person') {
        const surname = nameParts(owner.entity.name.split(/\s+/)).surname;
        return this.named(this.organisation(personalOrganisationName(surname, phrase.head), surface, [phrase.head]), 'org-role', `${surface} → ${owner.entity.name}'s ${phrase.head}`);
      }
      return { entity: null, text: phrase.text, type: 'organisation', rule: 'group' };
    }
    // "the airline", "the weather agency" (plain words before the noun only): the organisation that fits the noun.
    const plain = phrase.head !== null && (phrase.bare || (/^[\p{Ll}\s-]+$/u.test(phrase.text) && phrase.text.endsWith(` ${phrase.head}`)));
    if (plain && phrase.determiner === 'definite') {
      const fitting = this.fittingOrganisation(phrase.head!, surface);
      if (fitting) return fitting;
      // Nothing named nearby fits the noun: leave "the company" as the text says rather than guess which.
    }
    return { entity: null, text: phrase.text, type: 'organisation', rule: 'group' };
  }

  /** The newest speaker of `type` that agrees with `gender`, among the last LOOKUP_WINDOW speakers of that type. */
  private lastSpeaker(type: Entity['type'], gender: Entity['gender']): Entity | null {
    for (const e of this.speakers[type].recent()) if (gender === null || e.gender === null || e.gender === gender) return e;
    return null;
  }
}

/** Generation a name's suffix tells: Sr. before a name with none, before Jr. or II, before III. */
function generation(name: string): number {
  const suffix = nameParts(name.split(/\s+/)).suffix;
  return suffix === null ? 0 : suffix === 'sr' ? -1 : suffix === 'iv' ? 3 : suffix === 'iii' ? 2 : 1;
}

/** The one oldest (or youngest) of `names` by their suffixes; all of them when two share that generation. */
function bySeniority(names: string[], seniority: 'elder' | 'younger'): string[] {
  const pick = seniority === 'elder' ? Math.min(...names.map(generation)) : Math.max(...names.map(generation));
  const chosen = names.filter((n) => generation(n) === pick);
  return chosen.length === 1 ? chosen : names;
}

/** Plural group nouns that stand for one institution when the article names it: "police said" is the police service's. */
const INSTITUTIONAL_GROUPS = new Set(['police']);

/** Honorifics written before a first name, not a surname. */
const FIRST_NAME_TITLES = /^(?:sir|dame|lord|lady)$/i;

/** Heads that describe rather than name an office: "the European diplomat" may be the spokesman who spoke last; "the minister" is not the critic. */
// Not "the candidate", "the nominee", "the challenger": a race has several, and the last to speak may be a pundit.
const DESCRIPTIVE_HEADS = new Set(['diplomat', 'official', 'politician', 'lawmaker', 'legislator', 'leader', 'expert', 'figure', 'veteran', 'statesman', 'stateswoman']);

/** A statement and a news release are one kind of document: "said in a statement … the release said". */
function documentKind(document: string): string {
  return document === 'release' || document === 'statement' || document === 'statements' ? 'statement' : document;
}

/** Documents a speaker issues (as against research an organisation publishes). */
const ISSUED_BY_SPEAKER = new Set(['statement', 'statements', 'letter', 'release', 'memo', 'memorandum', 'note', 'filing']);

/** A personal name's parts: "Charles E. Schumer" → first Charles, surname Schumer; "Donald Trump Jr." → suffix jr. */
/** `nameParts` of a name's words, remembered (a pronoun weighs the same names again and again). Callers must not mutate the result. */
const namePartsOf = memoized((name: string) => nameParts(name.split(/\s+/)));

function nameParts(tokens: string[]): { first: string | null; surname: string; suffix: string | null; all: string[] } {
  const words = tokens.filter((t) => t !== '');
  const suffixes = words.filter((t) => isGenerational(t));
  const core = words.filter((t) => !isGenerational(t));
  const suffix = suffixes.length > 0 ? suffixes[0]!.toLowerCase().replace('.', '') : null;
  return { first: core.length > 1 ? core[0]! : null, surname: core.at(-1) ?? words.at(-1) ?? '', suffix, all: core };
}

/** Words in an organisation's name that fit a generic noun: "Skyward Airlines" is an airline, "Northwind Energy Inc." a company. */
const POLLSTER_WORDS = 'polls?|polling|pollsters?|research|opinion|surveys?|insights|analytics|institute|centre|center|university|college|associates|strategies';
const wordsPattern = (words: string) => new RegExp(`\\b(?:${words})\\b`, 'i');

const RELATED: Readonly<Record<string, RegExp>> = {
  airline: /\b(?:air|airlines?|airways|sky\w*|\w*jet)\b/i,
  carrier: /\b(?:air|airlines?|airways|sky\w*|\w*jet)\b/i,
  company: /\b(?:inc|ltd|llc|plc|corp|co|company|corporation|group|holdings|energy|power|hydro|motors|industries|automaker|carmaker|firm|labs|technologies|systems|robotics|software|networks|telecom|foods|brands|pharmaceuticals|pharma|biotech|airlines|mining|resources|oil|steel|logistics|media|semiconductors?)\b/i,
  utility: /\b(?:power|hydro|energy|electric|electricity|utilities|utility|gas|water)\b|power$/i,
  lender: /\b(?:bank|banks|bancorp|bancshares|lending|lenders?|credit|mortgage|building society|financial)\b/i,
  bank: /\b(?:bank|banks|bancorp|bancshares|banque|banca)\b/i,
  firm: /\b(?:inc|ltd|llc|plc|corp|co|company|corporation|group|holdings|partners|firm)\b/i,
  // Canada's federal departments and agencies are named "… Canada": "Health Canada", "Environment and Climate Change Canada".
  agency: /\b(?:agency|administration|service|bureau|commission|authority|office)\b|\S Canada$/i,
  ministry: /\b(?:ministry|department)\b/i,
  department: /\b(?:department|ministry|services)\b|\S Canada$/i,
  council: /\b(?:council)\b/i,
  county: /\bcounty\b/i,
  club: /\b(?:fc|sc|sv|afc|cf|ac|club|united|rovers|athletic|wanderers|albion|hotspur|rangers|celtic)\b/i,
  side: /\b(?:fc|sc|sv|afc|cf|ac|club|united|rovers|athletic|wanderers|albion|hotspur|rangers|celtic)\b/i,
  district: /\bdistrict\b/i,
  board: /\bboard\b/i,
  government: /\b(?:government|cabinet|administration)\b/i,
  union: /\b(?:union|federation|brotherhood|guild|teamsters|syndicat|workers|steelworkers|employees)\b/i,
  police: /\b(?:police|rcmp|constabulary|sheriff['’]?s?|gendarmerie|garda|sûreté|surete|opp)\b/i,
  force: /\b(?:police|rcmp|constabulary|force)\b/i,
  group: /\b(?:group|pac|coalition|alliance|committee|association|network|foundation|institute|society|league|campaign|movement|trust|fund|project|council|caucus|collective)\b/i,
  newspaper: /\b(?:post|times|journal|guardian|telegraph|herald|tribune|gazette|echo|chronicle|news|courier|observer|mirror|mail|globe|dispatch|ledger|sentinel|examiner|inquirer|courant|bulletin|spectator|monitor|review|standard|star|express|record|abendblatt|zeitung|monde|figaro|pravda)\b/i,
  automaker: /\b(?:motors|auto|automaker|cars?)\b/i,
  // Who runs polls and studies: pollsters, research centres, universities; surveys also statistics offices and associations.
  poll: wordsPattern(POLLSTER_WORDS),
  survey: wordsPattern(`${POLLSTER_WORDS}|statistics|bureau|federation|association|chamber`),
  study: /\b(?:university|college|institute|centre|center|school|laboratory|lab|hospital|research|foundation)\b/i,
};

/** Polls, surveys and studies are never issued by a place: "the poll" is not the electoral district the sentence names. */
const NOT_ISSUED_BY_PLACES: ReadonlySet<string> = new Set(['poll', 'survey', 'study']);
const PLACE_LIKE_ORGANISATION = /\b(?:district|county|riding|ward|township|province|state|city|borough|parish|constituency|region)$/i;

export function isRelatedOrg(name: string, roles: string[], head: string): boolean {
  if (roles.includes(head)) return true;
  const pattern = RELATED[head] ?? new RegExp(`\\b${head}`, 'i');
  return pattern.test(name) && !ofAnotherKind(name, pattern);
}

/**
 * A name whose last word says it is another kind of organisation: the "University and College Union" is a union,
 * not "the university"; the "Oxford University Press" is not one either. Not when a portfolio follows "of"/"for"
 * ("Department of Health" is a department).
 */
function ofAnotherKind(name: string, pattern: RegExp): boolean {
  const words = name.split(/\s+/);
  const kind = words.at(-1)!.replace(/['’]s$/u, '');
  if (words.length < 2 || !KIND_WORDS.has(kind.toLowerCase()) || words.some((w) => /^(?:of|for|on)$/i.test(w))) return false;
  return !pattern.test(kind);
}

/** Last words that make a name one kind of body whatever comes before ("… Police Service" stays the police's). */
const KIND_WORDS: ReadonlySet<string> = new Set(['union', 'federation', 'association', 'press', 'hospital', 'network', 'council', 'committee', 'party', 'foundation', 'institute', 'society', 'fund', 'league', 'alliance', 'coalition', 'club', 'college', 'school', 'court', 'caucus']);

/** A name without its middle initials: "Glenn R. Fairweather" → "Glenn Fairweather" (first and last words kept). */
function withoutInitials(name: string): string {
  const words = name.split(' ');
  return words.filter((w, k) => k === 0 || k === words.length - 1 || !/^\p{Lu}\.$/u.test(w)).join(' ');
}

/** Parties and nationalities: words that set apart two holders of one role ("the Republican nominee", "the Russian envoy"). */
function isSideWord(word: string): boolean {
  return PARTY_WORDS.has(word) || NATIONALITY_WORDS.has(word);
}
