/**
 * The people and organisations of one article, and how a speaker phrase
 * resolves to one of them: names by transliteration-aware matching ("Stano"
 * → "Peter Stano", "Kuvshinnikova" → "Victoria Kuvshynnykova"), roles by the
 * titles and appositions the article introduced ("the NATO Secretary General"),
 * pronouns by recency and gender, "the company" by the organisation nearby.
 */
import { foldName, sameNameToken } from './translit.js';
import type { SpeakerPhrase } from './speakers.js';

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
}

/** Who a phrase resolved to: a registered entity, or an unnamed speaker described by `text`. */
export interface Resolution {
  entity: Entity | null;
  /** Speaker text for unnamed speakers ("officials", "the owner"); null when the statement is unattributed. */
  text: string | null;
  type: 'person' | 'organisation' | null;
}

/** Lazy look-ups in the article text, supplied by the extractor (they run only when a phrase needs them). */
export interface TextLookups {
  /** A fuller name ending in `surname` written earlier: "Linda Okafor" for "Okafor". */
  fullNameFor(surname: string): string | null;
  /**
   * A person named earlier, with gender when the text tells it: in the current paragraph only
   * (`sameParagraph`), or in the paragraphs before, the subject of a sentence first.
   */
  personBefore(gender: 'm' | 'f' | null, exclude: (name: string) => boolean, sameParagraph: boolean): { name: string; gender: 'm' | 'f' | null } | null;
  /** An organisation named earlier that a bare "the company"/"the airline" can refer to; `related` when its name fits the noun. */
  organisationBefore(head: string): { name: string; related: boolean } | null;
}

const ROLE_STOPWORDS = new Set(['the', 'a', 'an', 'of', 'to', 'in', 'for', 'at', 'on', 'and', "'s", 's', 'its', 'his', 'her', 'their']);
const LEADING_THE = /^(?:the|The)\s+/;
const CORPORATE_SUFFIX = /\s+(?:inc|ltd|llc|plc|corp|co|group|ag|sa|gmbh)\.?$/i;

/** Content words of a role phrase, spokes- words folded: "the NATO Secretary General" → nato, secretary, general. */
export function roleWords(text: string): string[] {
  return foldName(text.replace(/['’]s\b/g, ''))
    .split(' ')
    .filter((w) => w !== '' && !ROLE_STOPWORDS.has(w))
    .map((w) => (w.startsWith('spokes') ? 'spokes' : w));
}

function orgKey(name: string): string {
  return foldName(name.replace(LEADING_THE, '').replace(CORPORATE_SUFFIX, ''));
}

/** "FAA" for "Federal Aviation Administration", "US" for "United States". */
function acronymOf(name: string): string {
  return name
    .replace(LEADING_THE, '')
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w) && !/^(?:of|for|the|and|on)$/i.test(w))
    .map((w) => w[0])
    .join('');
}

export class EntityRegistry {
  readonly entities: Entity[] = [];
  private order = 0;
  /** The most recent speaker of any kind, for "they"/"it". */
  private lastOrgLike: Resolution | null = null;

  constructor(private readonly lookups: TextLookups) {}

  /** Marks `resolution` as the speaker of the next statement, for recency. */
  spoke(resolution: Resolution): void {
    this.order++;
    if (resolution.entity) resolution.entity.spokeAt = this.order;
    if (resolution.type === 'organisation' && (resolution.entity || resolution.text)) this.lastOrgLike = resolution;
  }

  person(name: string, surface: string, roles: string[], gender: 'm' | 'f' | null): Entity {
    const tokens = name.split(/\s+/);
    let entity = this.findPerson(tokens);
    if (entity === null && tokens.length === 1) {
      const fuller = this.lookups.fullNameFor(name);
      if (fuller !== null) {
        entity = this.findPerson(fuller.split(/\s+/));
        if (entity === null) return this.add(fuller, 'person', roles, gender, [surface, fuller]);
      }
    }
    if (entity === null) return this.add(name, 'person', roles, gender, [surface]);
    // A fuller name replaces a surname-only entry ("Stano" from the headline, then "Peter Stano").
    if (tokens.length > entity.name.split(/\s+/).length) entity.name = name;
    this.enrich(entity, roles, gender, surface);
    if (tokens.length > 1 && !entity.variants.includes(name)) entity.variants.push(name);
    return entity;
  }

  organisation(name: string, surface: string, roles: string[]): Entity {
    const key = orgKey(name);
    const acronym = /^[\p{Lu}.]{2,6}$/u.test(name) ? name.replace(/\./g, '') : null;
    const entity =
      this.entities.find((e) => e.type === 'organisation' && orgKey(e.name) === key) ??
      this.entities.find((e) => e.type === 'organisation' && ((acronym !== null && acronymOf(e.name) === acronym) || (/^[\p{Lu}.]{2,6}$/u.test(e.name) && acronymOf(name) === e.name.replace(/\./g, ''))));
    if (entity === undefined) return this.add(name.replace(LEADING_THE, ''), 'organisation', roles, null, [surface]);
    // Prefer the spelled-out name over an acronym.
    if (acronym === null && /^[\p{Lu}.]{2,6}$/u.test(entity.name)) entity.name = name.replace(LEADING_THE, '');
    this.enrich(entity, roles, null, surface);
    return entity;
  }

  /** Resolves a parsed phrase; null when it cannot be a speaker here (e.g. "it" with nothing to refer to). */
  resolve(phrase: SpeakerPhrase, surface: string): Resolution | null {
    switch (phrase.kind) {
      case 'name':
        if (phrase.type === 'person') return this.named(this.person(phrase.name!, surface, phrase.roles, phrase.gender));
        return this.named(this.organisation(phrase.name!, surface, phrase.roles));
      case 'pronoun':
        return this.pronoun(phrase);
      case 'role':
        return this.role(phrase, surface);
      case 'org-role':
        return this.orgRole(phrase, surface);
      case 'group':
        return { entity: null, text: phrase.text, type: 'organisation' };
      case 'new-person':
        return { entity: null, text: phrase.text, type: 'person' };
      case 'media':
        return { entity: null, text: null, type: null };
      case 'non-agent':
        return phrase.source ? this.named(this.organisation(phrase.source, phrase.source, [])) : { entity: null, text: null, type: null };
    }
  }

  /** The best entity for a role description over the whole article (headlines resolve after the body). */
  resolveRoleLate(phrase: SpeakerPhrase): Entity | null {
    const match = this.byRole(phrase);
    if (match) return match;
    const spoken = this.entities.filter((e) => e.spokeAt > 0 && e.type === (phrase.type ?? 'person'));
    spoken.sort((a, b) => a.spokeAt - b.spokeAt);
    return spoken[0] ?? null;
  }

  /** A headline name resolved after the body: "Stano" → the article's "Peter Stano". */
  resolveNameLate(name: string): Entity | null {
    return this.findPerson(name.split(/\s+/));
  }

  private named(entity: Entity): Resolution {
    return { entity, text: entity.name, type: entity.type };
  }

  private add(name: string, type: Entity['type'], roles: string[], gender: Entity['gender'], variants: string[]): Entity {
    const entity: Entity = { id: this.entities.length, name, type, roles: [...new Set(roles)], variants: [...new Set(variants)], gender, spokeAt: -1 };
    this.entities.push(entity);
    return entity;
  }

  private enrich(entity: Entity, roles: string[], gender: Entity['gender'], surface: string): void {
    for (const role of roles) if (!entity.roles.includes(role)) entity.roles.push(role);
    if (gender !== null && entity.gender === null) entity.gender = gender;
    if (surface !== '' && !entity.variants.includes(surface)) entity.variants.push(surface);
  }

  /** A person entity with the same surname (spelling-tolerant) and a compatible first name. */
  private findPerson(tokens: string[]): Entity | null {
    const surname = tokens.at(-1)!;
    const first = tokens.length > 1 ? tokens[0]! : null;
    let best: Entity | null = null;
    for (const e of this.entities) {
      if (e.type !== 'person') continue;
      const eTokens = e.name.split(/\s+/);
      const eFirst = eTokens.length > 1 ? eTokens[0]! : null;
      const surnameMatch = sameNameToken(eTokens.at(-1)!, surname) || (first === null && eTokens.some((t) => sameNameToken(t, surname)));
      if (!surnameMatch) continue;
      const firstOk = first === null || eFirst === null || sameNameToken(first, eFirst) || first[0] === eFirst[0] && (first.length <= 2 || eFirst.length <= 2);
      if (!firstOk) continue;
      if (best === null || e.spokeAt > best.spokeAt) best = e;
    }
    return best;
  }

  /**
   * he/she: a person named earlier in the same paragraph ("City Attorney Robert Kline welcomed the
   * ruling. "…," he said."), else the last person who spoke, else a person named before (the
   * subject of a sentence first). Gender, once known, rules candidates out.
   */
  private pronoun(phrase: SpeakerPhrase): Resolution | null {
    if (phrase.type === 'organisation') return this.lastOrgLike;
    const gender = phrase.gender;
    const otherGender = new Set(this.entities.filter((e) => e.type === 'person' && e.gender !== null && gender !== null && e.gender !== gender).map((e) => foldName(e.name)));
    const excluded = (name: string) => otherGender.has(foldName(name)) || [...otherGender].some((o) => sameNameToken(o.split(' ').at(-1)!, name.split(' ').at(-1)!));
    let entity: Entity | null = null;
    const near = this.lookups.personBefore(gender, excluded, true);
    if (near) entity = this.person(near.name, near.name, [], near.gender);
    if (entity === null) {
      const candidates = this.entities.filter((e) => e.type === 'person' && e.spokeAt > 0 && (gender === null || e.gender === null || e.gender === gender));
      candidates.sort((a, b) => b.spokeAt - a.spokeAt);
      entity = candidates[0] ?? null;
    }
    if (entity === null) {
      const found = this.lookups.personBefore(gender, excluded, false);
      if (found) entity = this.person(found.name, found.name, [], found.gender);
    }
    if (entity === null) return null;
    if (gender !== null && entity.gender === null) entity.gender = gender;
    return this.named(entity);
  }

  /** Role matching: the head noun must be among the entity's role words; more shared words win. */
  private byRole(phrase: SpeakerPhrase): Entity | null {
    const words = roleWords(phrase.text);
    const head = phrase.head?.startsWith('spokes') ? 'spokes' : phrase.head;
    let best: Entity | null = null;
    let bestScore = 0;
    for (const e of this.entities) {
      const own = new Set(e.roles.flatMap(roleWords));
      if (head !== null && !own.has(head)) continue;
      const shared = words.filter((w) => own.has(w)).length;
      const score = shared / Math.max(1, words.length) + (e.spokeAt > 0 ? e.spokeAt * 1e-6 : 0);
      if (score > bestScore) {
        best = e;
        bestScore = score;
      }
    }
    return bestScore >= 0.3 ? best : null;
  }

  private role(phrase: SpeakerPhrase, surface: string): Resolution {
    const matched = this.byRole(phrase);
    if (matched) {
      this.enrich(matched, [phrase.text], phrase.gender, '');
      return this.named(matched);
    }
    const spokes = phrase.head?.startsWith('spokes') === true;
    // "a spokesperson" with no organisation named: the organisation last heard from.
    if (spokes && this.lastOrgLike?.entity) return this.lastOrgLike;
    // "the European diplomat": a definite plain description refers back to the last person who spoke.
    if (phrase.determiner === 'definite' && phrase.bare) {
      const last = this.lastSpeaker('person', phrase.gender);
      if (last) {
        this.enrich(last, [phrase.text], phrase.gender, '');
        return this.named(last);
      }
    }
    void surface;
    return { entity: null, text: phrase.text, type: 'person' };
  }

  private orgRole(phrase: SpeakerPhrase, surface: string): Resolution {
    if (phrase.bare && phrase.determiner === 'definite' && phrase.head !== null) {
      // "the airline": an organisation that spoke and fits the noun, then one named nearby that fits,
      // then the last organisation that spoke, then any named nearby.
      const head = phrase.head;
      const spoken = this.entities.filter((e) => e.type === 'organisation' && e.spokeAt > 0).sort((a, b) => b.spokeAt - a.spokeAt);
      const related = spoken.find((e) => isRelatedOrg(e.name, e.roles, head));
      if (related) return this.named(related);
      const found = this.lookups.organisationBefore(head);
      if (found !== null && found.related) return this.named(this.organisation(found.name, surface, [head]));
      if (spoken[0]) return this.named(spoken[0]);
      if (found !== null) return this.named(this.organisation(found.name, surface, [head]));
    }
    return { entity: null, text: phrase.text, type: 'organisation' };
  }

  private lastSpeaker(type: Entity['type'], gender: Entity['gender']): Entity | null {
    let best: Entity | null = null;
    for (const e of this.entities) {
      if (e.type !== type || e.spokeAt <= 0) continue;
      if (gender !== null && e.gender !== null && e.gender !== gender) continue;
      if (best === null || e.spokeAt > best.spokeAt) best = e;
    }
    return best;
  }
}

/** Words in an organisation's name that fit a generic noun: "Skyward Airlines" is an airline, "Northwind Energy Inc." a company. */
const RELATED: Readonly<Record<string, RegExp>> = {
  airline: /\b(?:air|airlines?|airways)\b/i,
  carrier: /\b(?:air|airlines?|airways)\b/i,
  company: /\b(?:inc|ltd|llc|plc|corp|co|company|corporation|group|holdings|energy|motors|industries|automaker|carmaker|firm|labs|technologies|systems|foods|brands|pharmaceuticals|airlines)\b/i,
  firm: /\b(?:inc|ltd|llc|plc|corp|co|company|corporation|group|holdings|partners|firm)\b/i,
  agency: /\b(?:agency|administration|service|bureau|commission|authority|office)\b/i,
  ministry: /\b(?:ministry|department)\b/i,
  department: /\b(?:department|ministry)\b/i,
  council: /\b(?:council)\b/i,
  government: /\b(?:government|cabinet|administration)\b/i,
  union: /\b(?:union|federation)\b/i,
  newspaper: /\b(?:post|times|journal|guardian|telegraph|herald|tribune|gazette|echo|chronicle|news)\b/i,
  automaker: /\b(?:motors|auto|automaker|cars?)\b/i,
};

export function isRelatedOrg(name: string, roles: string[], head: string): boolean {
  if (roles.includes(head)) return true;
  const pattern = RELATED[head];
  return pattern !== undefined ? pattern.test(name) : new RegExp(`\\b${head}`, 'i').test(name);
}
