/**
 * Reading a speaker phrase: the words that name who spoke, before or after a
 * cue ("Ukrainian President Volodymyr Zelenskyy", "The head of the Center for
 * Countering Disinformation, Andrii Kovalenko", "the NATO Secretary General",
 * "he", "officials", "A Department for Environment spokesman", "available
 * information"). No resolution here: that needs the article (entities.ts).
 */
import { MONTHS, WEEKDAYS } from '../text/calendar.js';
import {
  isArabicArticleName,
  GENERATIONAL_SUFFIXES,
  GROUP_NOUNS,
  KNOWN_ORGS,
  NAME_PARTICLES,
  NEW_PERSON_NOUNS,
  NON_AGENT_NOUNS,
  ORG_NAME_WORDS,
  ORG_PRONOUNS,
  ORG_ROLE_NOUNS,
  PERSON_PRONOUNS,
  PERSON_ROLE_NOUNS,
  PERSON_TITLE_WORDS,
  PUBLISHER_PRONOUNS,
  FINITE_VERBS,
  FOCUS_ADVERBS,
  INTRO_WORDS,
  PORTFOLIO_NOUNS,
  PORTFOLIO_WORDS,
  PARTY_WORDS,
  POSTNOMINAL_LETTERS,
  SEEN_BY,
} from './lexicon.js';
import { NATIONALITY_WORDS, PLACE_WORDS, STATE_ABBREVIATIONS } from './places.js';
import { genderOfGivenName, isKnownGivenName, isListedGivenName } from './firstNames.js';
import { isPersonNoun, isSingularPersonNoun } from './personNouns.js';
import type { Token } from './tokens.js';

export type PhraseKind =
  | 'name' // a proper name: person or organisation
  | 'pronoun' // he, she, it, they
  | 'role' // a person described by role: "the NATO Secretary General", "a senior aide"
  | 'org-role' // an organisation described: "the company", "the state fire marshal's office"
  | 'new-person' // someone new, unnamed: "The owner", "One library user"
  | 'group' // "officials", "Latvian officials", "three sources familiar with …"
  | 'media' // "the media": an unattributed report
  | 'non-agent'; // "available information", "court documents"

export interface SpeakerPhrase {
  kind: PhraseKind;
  type: 'person' | 'organisation' | null;
  /** Proper name as written, titles removed ("Mark Rutte", "Washington Post"); for org-spokesman phrases the organisation. */
  name: string | null;
  /** Role phrases, determiners removed: "NATO Secretary General", "head of the Center for Countering Disinformation". */
  roles: string[];
  /** Head noun of a role/group/org description, lower-case. */
  head: string | null;
  /** Determiner: 'definite' (the, his, its…), 'indefinite' (a, an, one), or null. */
  determiner: 'definite' | 'indefinite' | null;
  /** Only a determiner and the head ("the company", "the spokesman"): refers back. */
  bare: boolean;
  gender: 'm' | 'f' | null;
  /** The phrase text without a leading determiner, for unnamed speakers ("Latvian officials"). */
  text: string;
  /** UTF-16 span of the whole phrase in the paragraph. */
  start: number;
  end: number;
  /** Span of the name (or the phrase when unnamed). */
  nameStart: number;
  nameEnd: number;
  /** "X's figures", "a news release from X": the organisation behind a non-agent source. */
  source: string | null;
  /** "his campaign": the noun belongs to the person a possessive pronoun refers to (its gender in `gender`). */
  possessive?: boolean;
  /** "the elder Sawchuk", "the younger Trudeau": which of a father and son sharing the surname. */
  seniority?: 'elder' | 'younger';
  /** "a spokeswoman for Inspector General Brigitte Oyelaran-Dufresne": the speaker speaks for a person the phrase names. */
  forPerson?: boolean;
}

/** What a person has that speaks for them in their name: "the Bramlett campaign", "the Trudeau government". */
export const PERSONAL_ORGANISATIONS: ReadonlySet<string> = new Set(['campaign', 'administration', 'government']);

/** The name news writing gives what a person has: "the Bramlett campaign", but "Okonjo-Lefebvre’s office". */
export function personalOrganisationName(owner: string, head: string): string {
  return head === 'office' ? `${owner}’s office` : `${owner} ${head}`;
}
/** A name made by personalOrganisationName ("Holloway campaign", "Dhaliwal’s office"): its owner's surname alone is the person, never it. */
export function isPersonalOrganisationName(name: string): boolean {
  const last = name.split(' ').at(-1)!;
  return (PERSONAL_ORGANISATIONS.has(last) && /^\p{Lu}/u.test(name)) || /['’]s office$/u.test(name);
}
/** Titles of courtesy, which name a person, not an office ("Mr. de Grandpré’s office" is his). */
const PERSONAL_HONORIFICS: ReadonlySet<string> = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'sir', 'dame', 'lady', 'lord']);
/** Possessive pronouns before such a noun, with the owner's gender: "his campaign". */
export const POSSESSIVE_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([['his', 'm'], ['her', 'f'], ['their', null]]);
/** Nouns for someone who speaks for, works for or belongs to the person named after "for"/"to"/"of". */
const AGENT_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'lawyer', 'attorney', 'counsel', 'representative', 'assistant', 'wife', 'husband', 'son', 'daughter', 'mother', 'father', 'brother', 'sister', 'friend', 'widow', 'widower', 'partner']);

/**
 * "spokesperson for Premier …", "a lawyer for Sen. …", "the son of …": the index of the agent noun when the name
 * at `nameFrom` is the object of "for"/"to"/"of" after one (titles between allowed); -1 otherwise.
 */
function speaksForNamed(tokens: Token[], from: number, nameFrom: number): number {
  let k = nameFrom - 1;
  // Back over the title, "of" inside it too: "for Secretary of State Margaret Osei".
  const titleWordAt = (j: number) => j >= from && isTitleWord(tokens[j]!.low) && tokens[j]!.cap;
  let titles = 0;
  for (; k >= from && (tokens[k]!.text === '.' || titleWordAt(k) || (tokens[k]!.low === 'of' && titleWordAt(k - 1) && titleWordAt(k + 1))); k--) if (titleWordAt(k)) titles++;
  // "for Nova Scotia Premier Angus MacQuarrie", "for Ontario's Premier …": the place of the title before it.
  if (titles > 0 && !/^(?:for|to|of)$/.test(tokens[k]?.low ?? '')) {
    let j = k;
    // "of former St. Anselm Parish Council Chairman Raymond Castellano Sr.": "former" and a longer place or body too.
    // "for federal Natural Resources Minister …": which government's, in lower case, too.
    while (j >= from && k - j < 7 && (tokens[j]!.cap || tokens[j]!.low === "'s" || tokens[j]!.text === '.' || /^(?:former|late|then|ex|federal|provincial|state|acting|interim|deputy)$/.test(tokens[j]!.low))) j--;
    if (j >= from + 1 && /^(?:for|to|of)$/.test(tokens[j]!.low) && AGENT_NOUNS.has(tokens[j - 1]!.low)) k = j;
  }
  // "for league commissioner Aisha Bello-Grant", "for the province's health minister …": a role in lower case, and
  // a word or two saying whose, before the name.
  if (titles === 0 && k >= from && !tokens[k]!.cap && (isTitleWord(tokens[k]!.low) || PERSON_ROLE_NOUNS.has(tokens[k]!.low))) {
    let j = k - 1;
    while (j >= from && k - j <= 3 && tokens[j]!.kind === 'word' && !tokens[j]!.cap && !/^(?:for|to|of)$/.test(tokens[j]!.low)) j--;
    if (j >= from + 1 && /^(?:for|to|of)$/.test(tokens[j]!.low) && AGENT_NOUNS.has(tokens[j - 1]!.low)) return j - 1;
  }
  if (k < from + 1 || !/^(?:for|to|of)$/.test(tokens[k]!.low) || !AGENT_NOUNS.has(tokens[k - 1]!.low)) return -1;
  // A person's name for sure: a title before it or a given name opening it ("a spokesman for Ashford Rovers" is a club's).
  const titled = k < nameFrom - 1;
  return titled || genderOfGivenName(tokens[nameFrom]!.text) !== null ? k - 1 : -1;
}

const SPEAKING_FOR_GROUPS = new Set(['representatives', 'officials', 'spokespeople', 'spokespersons', 'spokesmen', 'spokeswomen']);

export const SENIORITY: ReadonlyMap<string, 'elder' | 'younger'> = new Map([['elder', 'elder'], ['older', 'elder'], ['younger', 'younger']]);
const REFLEXIVES: ReadonlyMap<string, 'm' | 'f' | null> = new Map([['himself', 'm'], ['herself', 'f'], ['themselves', null], ['itself', null]]);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your']);
const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'some']);
const PREPOSITIONS = new Set(['of', 'for', 'to', 'at', 'in', 'on', 'from', 'with', 'by', 'under', 'within', 'over']);
/** Connectors inside organisation names: "Center for Countering Disinformation", "Ministry of Defense of Ukraine". */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'de', 'on', '&']);
/** Titles strong enough to make one following capitalised word a name: "Governor Marsh", "Sgt. Gomez". */

const STRONG_TITLES = new Set([
  'hon', 'mk', 'td', 'shri', 'smt', 'shrimati', 'datuk', 'dato', 'datin', 'alhaji', 'alhaja',
  'president', 'minister', 'secretary', 'chancellor', 'governor', 'mayor', 'senator', 'sen', 'rep', 'ambassador',
  'gen', 'col', 'sgt', 'lt', 'capt', 'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'cllr', 'sheriff', 'judge', 'justice',
  'prince', 'princess', 'king', 'queen', 'pope', 'sir', 'dame', 'lord', 'lady', 'brigadier', 'colonel', 'major',
  'lieutenant', 'sergeant', 'captain', 'admiral', 'general', 'commissioner', 'spokesman', 'spokeswoman',
  'spokesperson', 'coach', 'principal', 'owner', 'councillor', 'councilman', 'councilwoman', 'detective', 'inspector',
  'premier', 'chairman', 'chairwoman', 'officer', 'director', 'analyst', 'meteorologist', 'founder', 'son', 'daughter',
  // Police ranks and councillors as British, Irish and Australian copy abbreviates them; clergy.
  'supt', 'insp', 'det', 'const', 'cpl', 'dci', 'dsi', 'cr', 'venerable', 'ven', 'rev', 'reverend', 'rabbi', 'imam', 'pastor', 'bishop', 'archbishop',
  'nana', 'togbe',
  // US legislators' titles: "Congressman Lindgren", "Assemblywoman Ortiz".
  'congressman', 'congresswoman', 'assemblyman', 'assemblywoman', 'assemblymember', 'alderman', 'alderwoman', 'councilmember',
  'sheikh', 'sheikha', 'emir', 'aunty', 'auntie',
  // British police ranks as copy abbreviates them: "DS Fenwick", "PC Keane".
  'ds', 'dc', 'pc', 'pcso',
]);
/** Letters after a name that are not part of it: "Richard Howe KC". */
const POSTNOMINALS: ReadonlySet<string> = new Set([...POSTNOMINAL_LETTERS, ...GENERATIONAL_SUFFIXES]);

const SPOKES = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'official', 'source', 'spokespeople']);
const FEMALE = new Set(['she', 'spokeswoman', 'chairwoman', 'councilwoman', 'businesswoman', 'mrs', 'ms', 'queen', 'princess', 'dame', 'lady', 'mother', 'daughter', 'wife', 'sister', 'woman', 'girl', 'grandmother', 'aunt', 'niece', 'actress', 'congresswoman']);
/** The gender a person noun or title gives ("mother", "spokesman"), or null. */
export function genderOfWord(low: string): 'm' | 'f' | null {
  return FEMALE.has(low) ? 'f' : MALE.has(low) ? 'm' : null;
}
const MALE = new Set(['he', 'spokesman', 'chairman', 'councilman', 'businessman', 'mr', 'king', 'prince', 'sir', 'lord', 'father', 'son', 'husband', 'brother', 'man', 'boy', 'grandfather', 'uncle', 'nephew', 'congressman']);
/** Where a speaker phrase stops in a longer stretch: "Reuters agency with reference to an American official". */
const PHRASE_CUTS = new Set(['citing', 'quoting']);

const ALL_CAPS = /^[\p{Lu}\d&.+-]{2,}$/u;


/** Lower-case words written before a name that describe the person: "resident", "mother of two", "co-chair". */
function isDescriptor(t: Token): boolean {
  if (t.cap || t.kind !== 'word') return NEW_PERSON_NOUNS.has(t.low);
  return NEW_PERSON_NOUNS.has(t.low) || NUMBER_WORDS.has(t.low) || t.low.split('-').some((w) => isTitleWord(w) || NEW_PERSON_NOUNS.has(w));
}
const NUMBER_WORDS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']);

/** "a spokesperson for X", "an aide to X", "a lawyer for X": someone speaking on another's behalf. */
function speaksForSomeone(tokens: Token[], part: Part): boolean {
  for (let i = part.from; i < part.to - 1; i++) {
    if (ON_BEHALF.has(stripDot(tokens[i]!.low)) && /^(?:for|to)$/.test(tokens[i + 1]!.low)) return true;
  }
  return false;
}
const ON_BEHALF = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'aide', 'adviser', 'advisor', 'lawyer', 'attorney', 'counsel', 'representative', 'secretary', 'assistant', 'solicitor', 'barrister']);

/** The name span of tokens [from, to). */
function spanOf(tokens: Token[], from: number, to: number): { nameStart: number; nameEnd: number } {
  return { nameStart: tokens[from]!.start, nameEnd: tokens[to - 1]!.end };
}

/** "sgt." → "sgt": abbreviations compare without their dot. */
function stripDot(word: string): string {
  return word.endsWith('.') ? word.slice(0, -1) : word;
}

function isAcronym(t: Token): boolean {
  return t.kind === 'word' && ALL_CAPS.test(t.text) && /\p{Lu}.*\p{Lu}/u.test(t.text);
}
function isTitleWord(low: string): boolean {
  const word = stripDot(low);
  if (PERSON_TITLE_WORDS.has(word) || PERSON_ROLE_NOUNS.has(word)) return true;
  // "Commander-in-Chief", "vice-chair": a hyphenated title holds a title word.
  return word.includes('-') && word.split('-').some((part) => PERSON_TITLE_WORDS.has(part) && part.length > 2);
}
function isOrgWord(low: string): boolean {
  return ORG_NAME_WORDS.has(low) || KNOWN_ORGS.has(low);
}
function isPlaceWord(low: string): boolean {
  return PLACE_WORDS.has(low) || NATIONALITY_WORDS.has(low);
}

/** A token that can be part of a personal name: capitalised and not a title, organisation or place word. */
function isPersonNameToken(t: Token, next: Token | undefined): boolean {
  if (t.kind !== 'word') return false;
  if (NAME_PARTICLES.has(t.text)) return next !== undefined && (next.cap || NAME_PARTICLES.has(next.text)); // "bin", "van", "de la" in lower case join a name
  if (isArabicArticleName(t.text)) return true; // "al-Rashidi"
  if (!t.cap) return false;
  if (t.low === "'s") return false;
  // "One, a retired fisherman, told …": a word standing for someone the sentence describes, not a name.
  if (STAND_IN_WORDS.has(t.low)) return false;
  if (isTitleWord(t.low) || isOrgWord(t.low) || isPlaceWord(t.low) || GROUP_NOUNS.has(t.low) || PORTFOLIO_NOUNS.has(t.low)) return false;
  if (next?.text === '.' && next.start === t.end && STATE_ABBREVIATIONS.has(t.low)) return false; // "Erie, Pa."
  // Initials like "JJ" are part of a name only before another name word.
  if (isAcronym(t)) return t.text.length <= 3 && next !== undefined && next.cap && !isAcronym(next);
  return true;
}

/** Quantifiers and pronouns that stand for people described around them: "One, a retired fisherman,", "Another, who …". */
const STAND_IN_WORDS: ReadonlySet<string> = new Set(['one', 'another', 'some', 'many', 'several', 'both', 'neither', 'each', 'others', 'most', 'few', 'all', 'nobody', 'everyone', 'everybody', 'someone', 'somebody', 'anyone', 'anybody']);

interface Part {
  from: number;
  to: number;
}

function splitParts(tokens: Token[], from: number, to: number): Part[] {
  const parts: Part[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    if (tokens[i]!.text === ',' && !insidePortfolioList(tokens, start, i)) {
      parts.push({ from: start, to: i });
      start = i + 1;
    }
  }
  parts.push({ from: start, to });
  return parts.filter((p) => p.to > p.from);
}

/** The comma at `comma` is inside the name that ends the part begun at `start` ("data from Immigration, Refugees and Citizenship Canada"). */
export function insidePortfolioList(tokens: Token[], start: number, comma: number): boolean {
  let s = comma;
  while (s > start && (tokens[s - 1]!.cap || (tokens[s - 1]!.text === ',' && s - 1 > start) || /^(?:and|&|of|for|the)$/.test(tokens[s - 1]!.low))) s--;
  while (s < comma && !tokens[s]!.cap) s++;
  return s < comma && isPortfolioList(tokens, s, comma);
}

/**
 * The comma at `comma` continues a list of portfolios ("X, Y and Z") that ends the name opened at `start`: the name
 * opens with an organisation word and "of"/"for" ("Department for Environment, Food and Rural Affairs"), ends with
 * "Canada" as federal departments' names do ("Immigration, Refugees and Citizenship Canada"), or its initials are an
 * acronym the article uses.
 */
export function isPortfolioList(tokens: Token[], start: number, comma: number, acronyms: ReadonlySet<string> = NO_ACRONYMS): boolean {
  if (tokens[comma]?.text !== ',' || tokens[comma + 1]?.cap !== true) return false;
  let m = comma + 1;
  let sawAnd = false;
  while (m < tokens.length && (tokens[m]!.cap || (tokens[m]!.text === ',' && tokens[m + 1]?.cap) || (/^(?:and|&|of|for|the)$/.test(tokens[m]!.low) && tokens[m + 1]?.cap) || (tokens[m]!.low === 'and' && tokens[m + 1]?.low === 'the' && tokens[m + 2]?.cap))) {
    if (tokens[m]!.low === 'and' || tokens[m]!.low === '&') sawAnd = true;
    m++;
  }
  if (!sawAnd) return false;
  if (tokens[start]!.low === 'the') start++;
  if (ORG_NAME_WORDS.has(tokens[start]!.low) && /^(?:of|for)$/.test(tokens[start + 1]?.low ?? '')) return true;
  if (tokens[m - 1]!.text === 'Canada') return true;
  const initials = tokens.slice(start, m).filter((t) => t.cap).map((t) => t.text[0]).join('');
  return initials.length >= 3 && acronyms.has(initials);
}

export const NO_ACRONYMS: ReadonlySet<string> = new Set();

/**
 * The possessive at `k` is inside an office's name: a title before it and one organisation word ending the name after it
 * ("Prosecutor's Office", "Sheriff's Office", "Attorney General's Office"; not "Japan's Ministry of Finance").
 */
export function isOwnedOffice(tokens: Token[], k: number): boolean {
  const owner = tokens[k - 1];
  const word = tokens[k + 1];
  const after = tokens[k + 2];
  if (owner === undefined || word === undefined || !owner.cap || !word.cap || !isOrgWord(word.low)) return false;
  if (after !== undefined && (after.cap || (/^(?:of|for)$/.test(after.low) && tokens[k + 3]?.cap === true))) return false;
  return isTitleWord(owner.low) || PERSON_ROLE_NOUNS.has(owner.low);
}

/** Relative clauses, participle phrases and ages in apposition say something about the speaker but do not name them. */
function isAsideClause(tokens: Token[], part: Part): boolean {
  const first = tokens[part.from]!;
  if (['who', 'which', 'whose', 'where', 'when', 'whom', 'while'].includes(first.low)) return true;
  if (first.kind === 'num' && part.to - part.from <= 2) return true; // ", 46," an age
  if (!first.cap && /(?:ing|ed)$/.test(first.low) && !PERSON_ROLE_NOUNS.has(first.low)) return true;
  return false;
}

/** A part that opens the sentence as an adverbial: "On 17 October", "Earlier", "To recap". */
export function isIntroPart(tokens: Token[], part: Part): boolean {
  const first = tokens[part.from]!;
  if (INTRO_WORDS.has(first.low) && !(first.low === 'that' && part.to - part.from > 1 && tokens[part.from + 1]!.cap)) return true;
  // "17 October", "2024": a date opening the sentence (but not an age: "81-year-old Joan Maher").
  if (first.kind === 'num') return tokens[part.from + 1]?.text !== '-';
  return false;
}

/** A chunk holding a finite verb outside a relative clause reads as a clause, not a noun phrase. */
export function hasFiniteVerb(tokens: Token[], part: Part): boolean {
  for (let i = part.from; i < part.to; i++) {
    const low = tokens[i]!.low;
    if (low === 'who' || low === 'whose' || low === 'whom' || low === 'which' || low === 'that') return false;
    if (FINITE_VERBS.has(low)) return true;
  }
  return false;
}

/**
 * Parses tokens [from, to) as a speaker phrase, or returns null when they
 * cannot name a speaker. Comma-separated appositions are combined: a name
 * part gives the name, role parts give roles.
 */
/** "Calgary-based", "Texas-owned", "London-listed": a place made a modifier, written before a name but no part of it ("Rolls-Royce" is). */
export function isPlaceModifier(word: string): boolean {
  return PLACE_MODIFIER.test(word);
}

// Only these endings: "Hye-jin" and "Mei-ling" are given names, not places made modifiers.
const PLACE_MODIFIER = /^\p{Lu}[\p{L}.'’]*-(?:based|owned|listed|headquartered|born|bred|raised|registered|run|backed|funded|led|made|area)$/u;

export function parseSpeakerPhrase(text: string, tokens: Token[], from: number, to: number): SpeakerPhrase | null {
  // "Toronto-based Northwave said": the place the speaker is based in is not part of its name.
  if (to - from >= 2 && isPlaceModifier(tokens[from]!.text) && tokens[from + 1]!.cap) from++;
  // "Several viewers who watched the debate at a pub": a restrictive relative clause says which, not who else; the
  // phrase still spans it (a name inside it is part of the description, not someone else named).
  let relativeEnd = -1;
  let qualified = false;
  // Cut "Reuters agency with reference to an American official", "X citing Y".
  for (let i = from; i < to; i++) {
    const low = tokens[i]!.low;
    // "the Brazilian coach rebuilding Tayside Thistle": what a participle after a role does names no speaker.
    // An object follows ("rebuilding Tayside Thistle", "leading the protest"): "housing" in "shadow housing secretary" is a portfolio.
    const objectNext = tokens[i + 1] !== undefined && (tokens[i + 1]!.cap || DEFINITE.has(tokens[i + 1]!.low) || INDEFINITE.has(tokens[i + 1]!.low));
    const participle = i > from && !tokens[i]!.cap && low.length > 5 && low.endsWith('ing') && objectNext && !isTitleWord(low) && !PORTFOLIO_NOUNS.has(low) && (PERSON_ROLE_NOUNS.has(tokens[i - 1]!.low) || isTitleWord(tokens[i - 1]!.low));
    // "a source familiar with the matter", "a person close to the talks", "an official briefed on the plan": which source.
    const next = tokens[i + 1]?.low;
    const sourceQualifier = i > from + 1 && ((low === 'familiar' && next === 'with') || (low === 'close' && next === 'to') || (low === 'briefed' && next === 'on') || (low === 'with' && (next === 'knowledge' || next === 'direct')));
    const describesWhich = ((low === 'who' || low === 'whose') && i > from && tokens[i - 1]!.text !== ',') || participle || sourceQualifier;
    if (PHRASE_CUTS.has(low) || describesWhich || (low === 'with' && tokens[i + 1]?.low === 'reference' && tokens[i + 2]?.low === 'to')) {
      if (describesWhich) relativeEnd = to;
      qualified = sourceQualifier;
      to = i;
      break;
    }
  }
  const phrase = parsePhraseParts(text, tokens, from, to);
  if (phrase === null || relativeEnd === -1) return phrase;
  let end = relativeEnd;
  while (end > to && /^[,.;:]$/.test(tokens[end - 1]!.text)) end--;
  // An unnamed source keeps what says which it is: "source familiar with the matter", not "source".
  if (qualified && phrase.name === null) {
    const described = text.slice(phrase.nameStart, tokens[end - 1]!.end).replace(/^(?:an?|the|one|some)\s+/i, '');
    return { ...phrase, end: tokens[end - 1]!.end, nameEnd: tokens[end - 1]!.end, text: described, roles: phrase.roles.length > 0 ? [described] : [] };
  }
  return { ...phrase, end: tokens[end - 1]!.end };
}

function parsePhraseParts(text: string, tokens: Token[], from: number, to: number): SpeakerPhrase | null {
  while (to > from && /^[,.;:]$/.test(tokens[to - 1]!.text) && !(tokens[to - 1]!.text === '.' && to - 2 >= from && /^(?:jr|sr)$/.test(tokens[to - 2]!.low))) to--;
  while (from < to && tokens[from]!.text === ',') from++;
  if (to <= from) return null;

  const parts = splitParts(tokens, from, to).filter((p, k) => k === 0 || !isAsideClause(tokens, p));
  if (parts.length === 0) return null;
  // Appositions up to the first part that is an adverbial ("during a meeting of …") or no speaker at all.
  const kept: PartReading[] = [];
  for (const [k, p] of parts.entries()) {
    if (k > 0 && isIntroPart(tokens, p)) break;
    const r = readPart(text, tokens, p);
    if (r === null) {
      // "One of the chains, Maple Basket Foods,": a description no list knows, then the name in apposition.
      if (k === 0 && parts.length > 1) continue;
      if (kept.length === 0) return null;
      break;
    }
    kept.push(r);
    if (kept.length === 3) break;
  }
  if (kept.length === 0) return null;
  // "A spokesperson for Premier Linda van Rijn, Tomás Ribeiro": the named spokesperson speaks, not the principal.
  const onBehalf = kept.length > 1 && speaksForSomeone(tokens, kept[0]!.part);
  // "Member of Parliament for St James Central, Marlene Grant": a name after "for"/"of" in a title is a place or a
  // portfolio, not the speaker, when another part names a person.
  const persons = kept.filter((r) => r.kind === 'name' && r.type === 'person');
  const people = persons.length > 1 ? persons.filter((r) => !afterTitlePreposition(tokens, r)) : persons;
  // "Ukraine's state grid operator, Ukrenergo": a description by its owner, then the name of the one described.
  const apposed = kept.length > 1 && describedByOwner(tokens, kept[0]!) ? kept.slice(1).find((r) => r.kind === 'name') : undefined;
  const apposedName = apposed ?? (onBehalf ? people.find((r) => r !== kept[0]) : undefined) ?? people[0] ?? kept.find((r) => r.kind === 'name');
  // "the wife of the Republican nominee, Richard T Bramwell,": a name of the other gender than the description names
  // the one the description is of, not the one it describes.
  const nameGender = apposedName === undefined ? null : (apposedName.gender ?? (apposedName.name === null ? null : genderOfGivenName(apposedName.name.split(' ')[0]!)));
  // The description's own head tells its gender ("wife"), not a title inside it ("Mr Keogh's solicitor, Ms Garvey").
  const head = kept[0]!.head === null ? undefined : stripDot(kept[0]!.head);
  const describedGender = head === undefined ? null : genderOfWord(head);
  const otherGender = apposedName !== undefined && apposedName !== kept[0] && kept[0]!.kind !== 'name' && describedGender !== null && nameGender !== null && nameGender !== describedGender;
  const named = otherGender ? undefined : apposedName;
  // "Whitlock's husband, Tom,": a first name given by a kin apposition carries the family's surname ("Tom Whitlock").
  const family = named !== undefined && named !== kept[0] && named.type === 'person' && named.name !== null && !named.name.includes(' ') ? familySurname(tokens, kept[0]!) : null;
  const main = family !== null ? { ...named!, name: `${named!.name} ${family}`, text: `${named!.name} ${family}` } : named ?? kept[0]!;
  const roles = kept.flatMap((r) => r.roles);
  const first = tokens[from]!;
  const lastReading = kept.at(-1)!;
  const last = tokens[(lastReading.usedTo ?? lastReading.part.to) - 1]!;
  // The speaker's own title tells the gender first: "Mr Keogh's solicitor, Ms Garvey" is a woman.
  const gender = main.gender ?? kept.map((r) => r.gender).find((g) => g !== null) ?? null;
  return {
    kind: main.kind,
    type: main.type,
    name: main.name,
    roles: [...new Set(roles)],
    head: main.head,
    determiner: main.determiner,
    bare: main.bare && kept.length === 1,
    gender,
    text: main.text,
    start: first.start,
    end: last.end,
    nameStart: main.nameStart,
    nameEnd: main.nameEnd,
    source: main.source,
    ...(main.seniority ? { seniority: main.seniority } : {}),
    ...(main.possessive ? { possessive: true } : {}),
    ...(main.forPerson ? { forPerson: true } : {}),
  };
}

/** "Democrats", "officials": a plural noun after a title is not a name ("Mr. Harris", "Dr. Williams" are). */
function isPluralNoun(low: string): boolean {
  return low.endsWith('s') && (GROUP_NOUNS.has(low) || isPersonNoun(low) || isPersonNoun(low.slice(0, -1)));
}

const CALENDAR_WORDS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS]);

/** Possessive determiners: "His eldest son" opens a description, never a name. */
export const POSSESSIVE_WORDS: ReadonlySet<string> = new Set(['his', 'her', 'their', 'its', 'our', 'my', 'your']);
// Words that open a time, not a name: "Minutes after the debate …", "Last week she called me and said".
const OPENS_A_TIME: ReadonlySet<string> = new Set(['seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years', 'moments', 'decades', 'last', 'next']);

/** Kin who share a surname, as news writing assumes: "Whitlock's husband, Tom" is Tom Whitlock. */
const SAME_SURNAME_KIN = new Set(['husband', 'wife', 'son', 'daughter', 'brother', 'sister', 'father', 'mother']);

/** Every noun that introduces someone by a family tie to another person ("his daughter, Madison Hatcher"). */
export const KIN_NOUNS: ReadonlySet<string> = new Set([...SAME_SURNAME_KIN, 'widow', 'widower', 'stepson', 'stepdaughter', 'niece', 'nephew', 'grandson', 'granddaughter']);

/** The surname of the possessor in "Whitlock's husband" / "Karen Whitlock’s son", when the part is exactly that. */
function familySurname(tokens: Token[], r: PartReading): string | null {
  const { from, to } = r.part;
  const s = tokens.slice(from, to).findIndex((t) => t.low === "'s");
  if (s < 1 || from + s + 2 !== to || !SAME_SURNAME_KIN.has(tokens[to - 1]!.low)) return null;
  const owner = tokens[from + s - 1]!;
  if (!owner.cap || !isPersonNameToken(owner, undefined) || isTitleWord(owner.low)) return null;
  // "van der Berg's mother, Anneke": the surname with its particles.
  let k = from + s - 1;
  while (k > from && NAME_PARTICLES.has(tokens[k - 1]!.text)) k--;
  return tokens.slice(k, from + s).map((t) => t.text).join(' ');
}

/** The reading's name follows "for"/"of" (a saint's "St" passed over): the object of a title, "Member for St James Central". */
function afterTitlePreposition(tokens: Token[], r: PartReading): boolean {
  let k = r.part.from;
  while (k < r.part.to && tokens[k]!.start < r.nameStart) k++;
  while (k > r.part.from && (/^(?:st|saint)$/.test(tokens[k - 1]!.low) || tokens[k - 1]!.text === '.')) k--;
  return k > r.part.from && /^(?:for|of)$/.test(tokens[k - 1]!.low);
}

/** "Bryn Celyn's operator": a reading whose name owns the head noun after it, so the name is not the one described. */
function describedByOwner(tokens: Token[], r: PartReading): boolean {
  if (r.kind !== 'name' || r.head === null) return false;
  for (let k = r.part.from; k < r.part.to; k++) if (tokens[k]!.low === "'s") return true;
  return false;
}

/** One reading of a part of the phrase: the phrase's fields but its overall span, plus where the reading stops. */
interface PartReading extends Omit<SpeakerPhrase, 'start' | 'end'> {
  part: Part;
  /** Token index after the words this reading uses (a name may be followed by unrelated words). */
  usedTo?: number;
}

function slice(text: string, tokens: Token[], from: number, to: number): string {
  return to > from ? text.slice(tokens[from]!.start, tokens[to - 1]!.end) : '';
}

function genderOf(tokens: Token[], from: number, to: number): 'm' | 'f' | null {
  for (let i = from; i < to; i++) {
    const low = stripDot(tokens[i]!.low);
    if (FEMALE.has(low)) return 'f';
    if (MALE.has(low)) return 'm';
  }
  return null;
}

/** Organisation nouns that stand for the organisation named next to them: "Reuters agency" is Reuters. */
const SAME_AS_NAME = new Set(['agency', 'newspaper', 'paper', 'outlet', 'broadcaster', 'channel', 'network', 'publication', 'magazine', 'website', 'site', 'company', 'firm', 'automaker', 'carmaker', 'airline', 'carrier', 'daily', 'group', 'operator', 'utility']);

/** Reads one comma-free part. */
function readPart(text: string, tokens: Token[], part: Part): PartReading | null {
  let { from, to } = part;
  // "Pruitt himself": the reflexive only stresses who, and tells a person's gender.
  const reflexive = to - from > 1 ? REFLEXIVES.get(tokens[to - 1]!.low) : undefined;
  if (reflexive !== undefined) to--;
  // "Ahenakew J.", "Howe KC": the letters after a name are not part of it.
  // Not a role: "One Liberal MP", "the Labour MP" (a party or a title before the letters, or a determiner opening the phrase).
  for (;;) {
    const letters = tokens[to - 1]?.text === '.' ? to - 2 : to - 1;
    const before = tokens[letters - 1];
    if (letters <= from || !isPostnominal(tokens[letters]!) || before === undefined || !before.cap || PARTY_WORDS.has(before.low) || isTitleWord(before.low)) break;
    if (STAND_IN_WORDS.has(tokens[from]!.low) || /^(?:the|a|an)$/.test(tokens[from]!.low)) break;
    to = letters;
  }
  const firstLow = tokens[from]!.low;
  const base = { part, roles: [] as string[], head: null as string | null, bare: false, source: null as string | null, gender: reflexive ?? genderOf(tokens, from, to) };

  // "You’ve said …", "I’d say …": a pronoun with its verb contracted on; no one the article names.
  if (to - from === 1 && /^(?:i|you|we|they|he|she|it)['’](?:ve|re|ll|d|m|s)$/.test(firstLow)) return null;
  // "some in his campaign say", "many of the protesters said": a share of a group, never the group's organisation.
  if (to - from >= 3 && STAND_IN_WORDS.has(firstLow) && /^(?:in|of|at|inside|within|among|around|close)$/.test(tokens[from + 1]!.low)) {
    const one = firstLow === 'one' || firstLow === 'another' || firstLow === 'someone';
    return { ...base, kind: one ? 'new-person' : 'group', type: one ? 'person' : 'organisation', name: null, roles: one ? [slice(text, tokens, from, to)] : [], head: firstLow, determiner: null, text: slice(text, tokens, from, to), ...spanOf(tokens, from, to) };
  }
  // "One, a retired fisherman, told …": someone new, described by what follows.
  // Capitalised only: "no relation, both said —" is an aside, and the sentence's subject speaks.
  if (to - from === 1 && STAND_IN_WORDS.has(firstLow) && tokens[from]!.cap) {
    return { ...base, kind: 'new-person', type: 'person', name: null, roles: [], head: firstLow, determiner: null, text: tokens[from]!.text, ...spanOf(tokens, from, to) };
  }
  // Pronouns.
  if (to - from === 1) {
    if (PERSON_PRONOUNS.has(firstLow) || ORG_PRONOUNS.has(firstLow)) {
      const type = PERSON_PRONOUNS.has(firstLow) ? 'person' : 'organisation';
      return { ...base, kind: 'pronoun', type, name: null, determiner: null, text: tokens[from]!.text, ...spanOf(tokens, from, to), head: firstLow };
    }
  }
  // "I've said that to Gail": the one speaking, never a name.
  if (tokens.slice(from, to).some((t) => /^I['’](?:ve|m|d|ll)$/.test(t.text))) return null;
  // "His eldest son …", "Minutes after the debate …": a possessive or a span of time opening a sentence, never a name.
  if (to - from === 1 && (POSSESSIVE_WORDS.has(firstLow) || OPENS_A_TIME.has(firstLow))) return null;
  // "We will remind that …": the publisher's voice (but "US" is a country).
  if (PUBLISHER_PRONOUNS.has(firstLow) && firstLow !== 'one' && (tokens[from]!.text !== tokens[from]!.text.toUpperCase() || tokens[from]!.text === 'I')) return null;

  // "Representatives of the Israel Dairy Board", "officials from Harlow County": unnamed people speaking for a
  // named organisation are that organisation.
  if (SPEAKING_FOR_GROUPS.has(firstLow) && /^(?:of|from|at|for)$/.test(tokens[from + 1]?.low ?? '') && from + 2 < to) {
    const org = readPart(text, tokens, { ...part, from: from + 2 });
    if (org !== null && org.kind === 'name' && org.type === 'organisation') return { ...org, roles: [...org.roles, firstLow] };
  }
  // "the German said", "the Australian added": in sport and world news a nationality after a lower-case "the" is a
  // person described by it ("The Australian" with a capital is a newspaper).
  if (to - from === 2 && firstLow === 'the' && tokens[from]!.text === 'the' && tokens[from + 1]!.cap && NATIONALITY_WORDS.has(tokens[from + 1]!.low)) {
    const low = tokens[from + 1]!.low;
    return { ...base, kind: 'role', type: 'person', name: null, roles: [low], head: low, determiner: 'definite', bare: true, text: slice(text, tokens, from + 1, to), ...spanOf(tokens, from, to) };
  }
  // "in Erie, Pa., who said …": a state written after a town is a place.
  if (STATE_ABBREVIATIONS.has(firstLow) && tokens[from + 1]?.text === '.' && tokens[from + 1]!.start === tokens[from]!.end && to - from <= 2) return null;
  // "Even the Reserve Bank", "Only the minister": a focus adverb is not part of who spoke.
  if (FOCUS_ADVERBS.has(firstLow) && from + 1 < to) return readPart(text, tokens, { ...part, from: from + 1 });

  // "al-Baghdadi said", "Al-Rashidi added": a surname with its article, alone, is a person's.
  if (to - from === 1 && isArabicArticleName(tokens[from]!.text.replace(/^A/, 'a').replace(/^E/, 'e'))) {
    return { ...base, kind: 'name', type: 'person', name: tokens[from]!.text, determiner: null, text: tokens[from]!.text, ...spanOf(tokens, from, to) };
  }
  // Determiner.
  let determiner: PartReading['determiner'] = null;
  if (DEFINITE.has(firstLow) && from + 1 < to) {
    determiner = 'definite';
    from++;
  } else if (INDEFINITE.has(firstLow) && from + 1 < to) {
    determiner = 'indefinite';
    from++;
  }
  const bodyText = slice(text, tokens, from, to);

  // "the 54-year-old", "the 23-year-old man": someone the article gave that age ("Tom Barrett, 54,"), looked up by it.
  if (determiner === 'definite' && tokens[from]!.kind === 'num' && tokens[from + 1]?.text === '-' && tokens[from + 2]?.low === 'year-old' && (to === from + 3 || (to === from + 4 && isPersonNoun(tokens[from + 3]!.low)))) {
    return { ...base, kind: 'role', type: 'person', name: null, roles: [bodyText], head: `age:${Number(tokens[from]!.text)}`, determiner, bare: false, text: bodyText, ...spanOf(tokens, part.from, to) };
  }

  // "Ontario's Ministry of Northern Development and Mines": the owner's name before an institution's is not part of it.
  if (tokens[from]!.cap && tokens[from + 1]?.low === "'s" && tokens[from + 2]?.cap && from + 3 < to && capitalisedRun(tokens, from + 2, to)?.from === from + 2 && tokens.slice(from + 2, to).some((t) => isOrgWord(t.low))) {
    return readPart(text, tokens, { ...part, from: from + 2 });
  }
  // "The province's Department of Economic Development and Jobs", "the city's Department of Transportation": so too an
  // owner described ("the province") before an institution's name.
  if (determiner === 'definite' && tokens[from]!.kind === 'word' && !tokens[from]!.cap && tokens[from + 1]?.low === "'s" && tokens[from + 2]?.cap && from + 3 < to && capitalisedRun(tokens, from + 2, to)?.from === from + 2 && tokens.slice(from + 2, to).some((t) => isOrgWord(t.low))) {
    return readPart(text, tokens, { ...part, from: from + 2 });
  }
  // "The Celtic Music Interpretive Centre in Judique": where an organisation is does not name it.
  const located = locatedAt(tokens, from, to);
  if (located !== -1) return readPart(text, tokens, { ...part, to: located });

  // "the elder Sawchuk", "the younger Trudeau": a surname, and which generation of it.
  const seniority = determiner === 'definite' ? SENIORITY.get(tokens[from]!.low) : undefined;
  // A surname spelled like a plural noun is still one after "the younger": "the younger Banks".
  if (seniority !== undefined && from + 1 < to && tokens.slice(from + 1, to).every((t, k, all) => isPersonNameToken(t, all[k + 1]) || (t.cap && GROUP_NOUNS.has(t.low) && to - from === 2))) {
    const name = slice(text, tokens, from + 1, to);
    return { ...base, kind: 'name', type: 'person', name, determiner, text: name, seniority, nameStart: tokens[from + 1]!.start, nameEnd: tokens[to - 1]!.end };
  }

  // "de Montigny said", "van der Berg said": a surname opening with its particle in lower case, named in full before.
  if (determiner === null && NAME_PARTICLES.has(tokens[from]!.text) && to - from >= 2 && to - from <= 4 && tokens[to - 1]!.cap && tokens.slice(from, to).every((t, k, all) => isPersonNameToken(t, all[k + 1]))) {
    return { ...base, kind: 'name', type: 'person', name: bodyText, determiner, text: bodyText, ...spanOf(tokens, from, to) };
  }

  // 1. A personal name, anchored on a title ("spokeswoman Fara Dahlallah u comments …") or ending the part.
  const person = findPersonName(tokens, from, to);
  // "The Canadian Red Cross": "the" before a run of capitalised words with no title opens an institution's name, not a person's.
  const institution = person !== null && determiner === 'definite' && tokens.slice(from, person.nameEnd).every((t) => t.cap) && !hasRoleWord(slice(text, tokens, from, person.from));
  // "A spokesperson for Premier Linda van Rijn", "the wife of Sen. Joe Baird": the one named is whom the speaker
  // speaks for or belongs to; the speaker is someone the phrase does not name.
  const agentOf = person !== null && !institution ? speaksForNamed(tokens, from, person.from) : -1;
  if (agentOf !== -1) {
    return { ...base, kind: 'role', type: 'person', name: null, roles: [bodyText], head: tokens[agentOf]!.low, determiner, bare: false, text: bodyText, forPerson: true, ...spanOf(tokens, from, to) };
  }
  // "An emergency physician at Humber Heights": a name after "at"/"from"/"in" is where the described person works or
  // lives, not the person (an employer is not its employee); with no given name opening it.
  const whereNamed = person !== null && !institution && person.from > from && /^(?:at|from|in|with)$/.test(tokens[person.from - 1]!.low) && genderOfGivenName(tokens[person.from]!.text) === null;
  if (whereNamed) {
    const headAt = findHead(tokens, from, person.from - 1);
    const head = headAt === -1 ? null : tokens[headAt]!.low;
    return { ...base, kind: 'new-person', type: 'person', name: null, roles: [bodyText], head, determiner, text: bodyText, ...spanOf(tokens, from, to) };
  }
  if (person !== null && !institution) {
    const roleText = slice(text, tokens, from, person.from).replace(/\s*['’]s$/, '').trim();
    const after = person.to < to ? slice(text, tokens, person.to, to) : '';
    const role = (roleText !== '' && /^(?:of|at|for|from)\b/.test(after) ? `${roleText} ${after}` : roleText).replace(/\s+(?:who|which|whose)\b.*$/u, '');
    const roleSuffix = /^(?:of|at|for|from)\b/.test(after);
    return {
      ...base,
      usedTo: roleSuffix ? to : person.to,
      kind: 'name',
      type: 'person',
      name: person.name,
      roles: role !== '' && hasRoleWord(role) ? [role] : [],
      determiner,
      text: person.name,
      nameStart: tokens[person.from]!.start,
      nameEnd: tokens[person.nameEnd - 1]!.end,
    };
  }

  // "Neighbours on Clonminch Road", "Residents of Kanata": a group opening the sentence, where it is from after it.
  if (tokens[from]!.cap && GROUP_NOUNS.has(tokens[from]!.low) && /^(?:on|in|at|of|from|near|along|around|outside)$/.test(tokens[from + 1]?.text ?? '')) {
    return { ...base, kind: 'group', type: 'organisation', name: null, head: tokens[from]!.low, determiner, text: bodyText, ...spanOf(tokens, from, to) };
  }

  // 2. All capitalised: a role title ("NATO Secretary General"), a group ("Police"), or an organisation.
  const run = capitalisedRun(tokens, from, to);
  if (run !== null && run.from === from && run.to === to) {
    const words = tokens.slice(from, to);
    const last = stripDot(words.at(-1)!.low);
    // "NATO Secretary General", "Mayor", "President of Ukraine", "Permanent Representative of …"
    // A run of title words up to a role noun followed by "of": "President of Ukraine", "Acting Permanent Representative of …".
    const titleLead = words.findIndex((t) => PERSON_ROLE_NOUNS.has(t.low));
    const titleOf = titleLead !== -1 && words.slice(0, titleLead).every((t) => isTitleWord(t.low)) && words[titleLead + 1]?.low === 'of';
    // A portfolio word ends a ministry's or an organisation's name, never a person's title: "St. Agnes Health", "Air Force".
    // Not "the Colorado Republican": a party word ends no person's name.
    const surnameLike = to - from >= 2 && followsGivenName(tokens, to - 1) && !PARTY_WORDS.has(last); // "Mary Bishop"
    if (!surnameLike && (PERSON_ROLE_NOUNS.has(last) || (isTitleWord(last) && !isOrgWord(last) && !PORTFOLIO_WORDS.has(last)) || titleOf)) {
      const head = titleLead !== -1 ? words[titleLead]!.low : last;
      return { ...base, kind: 'role', type: 'person', name: null, roles: [bodyText], head, determiner, bare: to - from === 1, text: bodyText, ...spanOf(tokens, from, to) };
    }
    // "Officials said", "Colleagues said": a plural noun for people opening the sentence is a group, never a name.
    if (to - from === 1 && (GROUP_NOUNS.has(last) || (isPluralNoun(last) && !isKnownGivenName(words[0]!.text)))) {
      return { ...base, kind: 'group', type: 'organisation', name: null, head: last, determiner, text: bodyText, ...spanOf(tokens, from, to) };
    }
    // "Der Spiegel", "Le Monde", "El País": an article of another language opens a title, not a person's name.
    const foreignArticle = to - from >= 2 && /^(?:le|la|les|der|die|das|el|il|lo|het|de|los|las)$/.test(words[0]!.low) && words[0]!.cap;
    // "Jordan Whitlock", "Georgia Okafor", "Chad Brown": a given name spelled like a country opens a person's name.
    // Not "Vienna Dmytro Zaharchyuk", "Washington Radoslaw Zelenarko": a place written before a full name.
    const placeGiven = to - from >= 2 && to - from <= 3 && isPlaceWord(words[0]!.low) && isListedGivenName(words[0]!.text) && !isKnownGivenName(words[1]!.text) && words.slice(1).every((t, k) => isPersonNameToken(t, words[k + 2]));
    const orgLikeWords = placeGiven ? words.slice(1) : words;
    const orgLike = foreignArticle || orgLikeWords.some((t) => isOrgWord(t.low) || isAcronym(t) || isPlaceWord(t.low)) || (determiner === 'definite' && to - from > 0) || to - from > 4;
    // "Tyra Banks": a plural noun after a given name is a surname.
    const groupSurname = to - from >= 2 && GROUP_NOUNS.has(last) && followsGivenName(tokens, to - 1);
    if (!orgLike && (placeGiven || words.every((t, k) => isPersonNameToken(t, words[k + 1]) || (groupSurname && k === words.length - 1)))) {
      return { ...base, kind: 'name', type: 'person', name: bodyText, determiner, text: bodyText, ...spanOf(tokens, from, to) };
    }
    return { ...base, kind: 'name', type: 'organisation', name: stripDot(bodyText), determiner, text: bodyText, ...spanOf(tokens, from, to) };
  }

  // 3. A description by its head noun: group, non-agent source, role, newcomer, organisation.
  const headAt = findHead(tokens, from, to);
  if (headAt === -1) return unknownNoun(text, tokens, part, from, to, determiner, base);
  const head = tokens[headAt]!.low;
  const orgBefore = capitalisedRun(tokens, from, headAt);
  const span = spanOf(tokens, from, to);
  if (head === 'media' && headAt === from && to - from === 1 && (determiner !== null || from === part.from)) {
    return { ...base, kind: 'media', type: null, name: null, determiner, text: bodyText, ...span, head };
  }
  if (GROUP_NOUNS.has(head)) {
    // "Manitoba Wildfire Service officials": the organisation named before the group speaks through them.
    if (orgBefore !== null && orgBefore.from === from && orgBefore.to === headAt && headAt === to - 1) {
      const words = tokens.slice(from, headAt);
      // One capitalised word opening a sentence ("Independent analysts said") is no organisation's name.
      const named = words.length >= 2 || isAcronym(words[0]!);
      if (named && words.some((w) => isOrgWord(w.low) || isAcronym(w)) && !words.every((w) => isPlaceWord(w.low) || isAcronym(w))) {
        const orgName = slice(text, tokens, from, headAt);
        return { ...base, kind: 'name', type: 'organisation', name: orgName, roles: [head], head, determiner, text: orgName, ...spanOf(tokens, from, headAt) };
      }
    }
    return { ...base, kind: 'group', type: 'organisation', name: null, determiner, text: determiner === 'definite' ? bodyText : slice(text, tokens, part.from, to), ...span, head };
  }
  if (NON_AGENT_NOUNS.has(head)) {
    // "The Environment Agency's own figures", "a news release from the Riverside Police Department".
    const possessor = orgBefore !== null && tokens[orgBefore.to]?.low === "'s" ? slice(text, tokens, orgBefore.from, orgBefore.to) : null;
    // "a statement from the secretary of state's office": whoever issued it is the source.
    let fromText: string | null = null;
    for (let k = headAt + 1; k < to; k++) {
      if (tokens[k]!.low === 'from' || tokens[k]!.low === 'by') {
        let f = k + 1;
        if (DEFINITE.has(tokens[f]?.low ?? '') || INDEFINITE.has(tokens[f]?.low ?? '')) f++;
        // "a survey by the Pacific Rim Civic Institute released in May": the issuer is the capitalised name.
        // "by the polling firm Sondages Boréal": a description before the name is not part of it.
        let g = f;
        // "the Phoenix-based firm Copper State Insights": "X-based" describes too.
        const describes = (t: Token) => t.kind === 'word' && (!t.cap || isPlaceModifier(t.text)) && !PREPOSITIONS.has(t.low);
        // "by Montreal firm Sondages Boréal": a place before the noun for what the issuer is describes it too.
        const placeBeforeKind = (k: number) => tokens[k]!.cap && tokens[k + 1] !== undefined && !tokens[k + 1]!.cap && ORG_ROLE_NOUNS.has(tokens[k + 1]!.low) && tokens[k + 2]?.cap === true;
        while (g < to && g < f + 3 && (describes(tokens[g]!) || placeBeforeKind(g))) g++;
        const run = g < to ? capitalisedRun(tokens, g, to) : null;
        if (run !== null && run.from === g) {
          // "a statement from Smith's office": the office issued it, named as "Smith's office" is when it speaks.
          const possessed = /^['’]s$/.test(tokens[run.to]?.low ?? '');
          const owned = possessed && tokens[run.to + 1]?.low === 'office' && run.to + 2 === to;
          // "a memo from Richard T. Bramwell's chief pollster": a person of the possessor's issued it, never the possessor.
          const byTheirPerson = possessed && !owned && tokens.slice(run.to + 1, Math.min(to, run.to + 4)).some((t) => PERSON_ROLE_NOUNS.has(stripDot(t.low)));
          // "commissioned by the Florida Senate Democratic campaign arm": a name run into a description is not cut to its capitals.
          const runsOn = !possessed && tokens[run.to]?.kind === 'word' && !tokens[run.to]!.cap && ORG_ROLE_NOUNS.has(tokens[run.to]!.low);
          // "from the Premier’s Council on Hospital Capacity": a name that goes on past the possessive is one name.
          const onward = possessed && !owned && tokens[run.to + 1]?.cap === true ? capitalisedRun(tokens, run.to + 1, to) : null;
          const end = onward !== null && onward.from === run.to + 1 ? onward.to : owned ? run.to + 2 : run.to;
          fromText = byTheirPerson || runsOn ? null : slice(text, tokens, g, end);
        }
        // "a report from administration presented at the start of the meeting": the issuer's words, not what was done with the report.
        else if (f < to && tokens[f]!.cap) fromText = slice(text, tokens, f, to);
        else if (f < to) {
          let e = f;
          while (e < to && e < f + 4 && tokens[e]!.kind === 'word' && !PREPOSITIONS.has(tokens[e]!.low) && !/^(?:that|which|who|presented|released|published|issued|prepared|tabled|filed)$/.test(tokens[e]!.low)) e++;
          fromText = e > f ? slice(text, tokens, f, e) : null;
        }
        // "an Office of Management and Budget memo reviewed by Capitol Dispatch": who saw a document did not issue it.
        // "county procurement records reviewed by the Rundown": nor did it, when the document names no issuer.
        if (SEEN_BY.has(tokens[k - 1]!.low)) fromText = null;
        break;
      }
    }
    // "A Pew Research Center survey", "an OMB memo" (but "Court documents" opening a sentence names no court).
    const adjacent = orgBefore !== null && orgBefore.to === headAt && orgBefore.from === from && (orgBefore.to - orgBefore.from >= 2 || isAcronym(tokens[from]!)) ? slice(text, tokens, orgBefore.from, orgBefore.to) : null;
    const source = possessor ?? fromText ?? adjacent;
    return { ...base, kind: 'non-agent', type: source ? 'organisation' : null, name: source, determiner, text: bodyText, ...span, head, source };
  }
  let orgEnd = orgBefore?.to ?? -1;
  while (orgBefore !== null && orgEnd < headAt && ORG_ROLE_NOUNS.has(tokens[orgEnd]!.low)) orgEnd++;
  // An unnamed official or source is someone of that organisation, shown as written: "a senior State Department
  // official", "an official at the Department of Telecommunications" speak as themselves, not as the organisation.
  const speaksAsOrganisation = SPOKES.has(head) && !(determiner === 'indefinite' && (head === 'official' || head === 'source'));
  if (speaksAsOrganisation && orgBefore !== null && orgEnd >= headAt - 1 && tokens[orgBefore.to]?.low !== "'s") {
    // "A Department for Environment spokesman", "a Kremlin spokesman", "a Trump campaign spokeswoman": the organisation speaks.
    const orgName = slice(text, tokens, orgBefore.from, orgEnd);
    return { ...base, kind: 'name', type: 'organisation', name: orgName, roles: [head], head, determiner, text: orgName, ...spanOf(tokens, orgBefore.from, orgEnd) };
  }
  if (speaksAsOrganisation && determiner === 'indefinite' && /^(?:for|at|of)$/.test(tokens[headAt + 1]?.low ?? '')) {
    // "a spokesperson for Japan's Ministry of Finance": an organisation speaks (a person's spokesperson stays a role).
    let f = headAt + 2;
    if (tokens[f]?.low === 'the') f++;
    let k = f;
    while (k < to && tokens[k]!.cap) k++;
    // "Japan's Ministry of Finance": the ministry; but "the Bergen County Prosecutor's Office" is one name (one organisation word after "'s").
    const ownedOffice = tokens[k]?.low === "'s" && isOwnedOffice(tokens, k);
    const orgFrom = tokens[k]?.low === "'s" && !ownedOffice ? k + 1 : f;
    // The name right after "for" ("WTMJ-TV in Milwaukee" is WTMJ-TV, not Milwaukee): up to the first plain lower-case word.
    let stop = orgFrom;
    while (stop < to && (tokens[stop]!.cap || tokens[stop]!.kind !== 'word' || NAME_CONNECTORS.has(tokens[stop]!.low) || (ownedOffice && stop === k))) stop++;
    const org = capitalisedRun(tokens, orgFrom, stop);
    if (org !== null && org.from === orgFrom) {
      const words = tokens.slice(org.from, org.to);
      const personLike = genderOfGivenName(words[0]!.text) !== null || (words.length <= 3 && words.every((w, n) => isPersonNameToken(w, words[n + 1])) && words.length === 1);
      // "WTMJ-TV", "CBS-owned": a hyphenated call sign or acronym is an organisation's.
      const callSign = words.length === 1 && /^\p{Lu}{2,}(?:-\p{Lu}+)+$/u.test(words[0]!.text);
      if (callSign || words.some((w) => isOrgWord(w.low) || isAcronym(w)) || (words.length >= 2 && !personLike)) {
        const orgName = slice(text, tokens, org.from, org.to);
        return { ...base, kind: 'name', type: 'organisation', name: orgName, roles: [head], head, determiner, text: orgName, ...spanOf(tokens, org.from, org.to) };
      }
    }
  }
  const onlyModifiers = isPlainDescription(tokens, from, headAt);
  if (PERSON_ROLE_NOUNS.has(head)) {
    return { ...base, kind: 'role', type: 'person', name: null, roles: [bodyText.replace(/\s+(?:who|which|whose)\b.*$/u, '')], head, determiner, bare: onlyModifiers && headAt === to - 1, text: bodyText, ...span };
  }
  if (NEW_PERSON_NOUNS.has(head)) {
    return { ...base, kind: 'new-person', type: 'person', name: null, roles: [bodyText], head, determiner, text: bodyText, ...span };
  }
  if (ORG_ROLE_NOUNS.has(head)) {
    // "Reuters agency", "the OSCE mission", "the aviation website The Air Current".
    const runAfter = headAt + 1 < to && tokens[headAt + 1]!.cap ? capitalisedRun(tokens, headAt + 1, to) : null;
    // "The Frankfurter Abendblatt's editorial board": the possessor speaks; but "Ahlberg's campaign" is the
    // Ahlberg campaign, whose spokespeople are not the candidate.
    if (orgBefore !== null && tokens[orgBefore.to]?.low === "'s" && orgBefore.to < headAt) {
      const possessor = slice(text, tokens, orgBefore.from, orgBefore.to);
      // "Dhaliwal's office said": a person's office speaks for them, and is not them; it is named as written.
      // Not an office holder's ("the Nevada Secretary of State's office" is that office's, named by its title).
      // An honorific is no office: "Mr. de Grandpré’s office" is his.
      const office = head === 'office' && headAt === to - 1 && !tokens.slice(orgBefore.from, orgBefore.to).some((t) => isOrgWord(t.low) || isAcronym(t) || (isTitleWord(t.low) && !PERSONAL_HONORIFICS.has(stripDot(t.low))));
      // "Italy's foreign ministry", "Russia's economy ministry": a country's institution speaks, named as written, not the country.
      const placeOwned = headAt === to - 1 && tokens.slice(orgBefore.from, orgBefore.to).every((t) => isPlaceWord(t.low) || t.text === '.');
      // "Premier’s council calls for …": an office holder's body named by the title alone is that body, not the title.
      // "the Iowa Secretary of State's office": an office holder's office named by the title, as written.
      const titleOwned = headAt === to - 1 && (tokens.slice(orgBefore.from, orgBefore.to).every((t) => isTitleWord(t.low) && !PERSONAL_HONORIFICS.has(stripDot(t.low))) || (head === 'office' && tokens.slice(orgBefore.from, orgBefore.to).some((t) => t.cap && isTitleWord(t.low) && !PERSONAL_HONORIFICS.has(stripDot(t.low))) && !tokens.slice(orgBefore.from, orgBefore.to).some((t) => genderOfGivenName(t.text) !== null)));
      // "Speaker Curtis Vandermolen's office": a titled person's office, as written too (it is not the person).
      const titledPersonsOffice = head === 'office' && headAt === to - 1 && tokens.slice(orgBefore.from, orgBefore.to).some((t) => genderOfGivenName(t.text) !== null);
      const asWritten = office || placeOwned || titleOwned || titledPersonsOffice;
      const name = asWritten ? slice(text, tokens, orgBefore.from, headAt + 1) : PERSONAL_ORGANISATIONS.has(head) && headAt === to - 1 ? personalOrganisationName(possessor, head) : possessor;
      return { ...base, kind: 'name', type: 'organisation', name, roles: [head], head, determiner, text: name, ...spanOf(tokens, orgBefore.from, asWritten ? headAt + 1 : orgBefore.to) };
    }
    // "the Holloway campaign", "the Trudeau government": a person's name before what a person has names that
    // organisation (two campaigns in one race are two speakers), unlike a place or a party ("the Ontario government").
    if (PERSONAL_ORGANISATIONS.has(head) && determiner === 'definite' && headAt === to - 1 && orgBefore !== null && orgBefore.from === from && orgBefore.to === headAt) {
      const words = tokens.slice(from, headAt);
      if (words.every((t, k) => isPersonNameToken(t, words[k + 1] ?? tokens[headAt]) && !PARTY_WORDS.has(t.low) && !NATIONALITY_WORDS.has(t.low))) {
        const name = personalOrganisationName(slice(text, tokens, from, headAt), head);
        return { ...base, kind: 'name', type: 'organisation', name, roles: [head], head, determiner, text: name, ...spanOf(tokens, from, to) };
      }
    }
    // "the Toronto company", "the Bundesliga club", "the Ottawa-based firm": after "the", words with no organisation
    // word in them describe the one meant ("the company", of Toronto); they do not name it.
    // "a St. Louis firm", "a Toronto company": with "a" too, only where the organisation is.
    const describing = determiner !== null && orgBefore !== null && orgBefore.to === headAt && orgBefore.from === from && !tokens.slice(orgBefore.from, orgBefore.to).some((t) => isOrgWord(t.low) || isAcronym(t));
    if (orgBefore !== null && orgBefore.to === headAt && !describing) {
      const name = SAME_AS_NAME.has(head) ? slice(text, tokens, orgBefore.from, orgBefore.to) : slice(text, tokens, orgBefore.from, headAt + 1);
      return { ...base, kind: 'name', type: 'organisation', name, roles: [head], head, determiner, text: name, ...spanOf(tokens, orgBefore.from, SAME_AS_NAME.has(head) ? orgBefore.to : headAt + 1) };
    }
    if (runAfter !== null && runAfter.from === headAt + 1) {
      const name = slice(text, tokens, runAfter.from, runAfter.to);
      return { ...base, kind: 'name', type: 'organisation', name, roles: [head], head, determiner, text: name, ...spanOf(tokens, runAfter.from, runAfter.to) };
    }
    // Only "the company", "the agency" refer back; "the health ministry" names one. "his campaign": whose, for later.
    const possessive = POSSESSIVE_PRONOUNS.get(tokens[part.from]!.low);
    // "his campaign", "her office": what the person the pronoun refers to has speaks for them.
    if (possessive !== undefined && (PERSONAL_ORGANISATIONS.has(head) || head === 'office')) return { ...base, gender: possessive, kind: 'org-role', type: 'organisation', name: null, head, determiner, bare: headAt === from && headAt === to - 1, text: bodyText, ...span, possessive: true };
    return { ...base, kind: 'org-role', type: 'organisation', name: null, head, determiner, bare: (headAt === from || describing) && headAt === to - 1, text: bodyText, ...span };
  }
  return null;
}

/** Nouns WordNet also files under people that news uses for institutions: "the force said". */
const INSTITUTION_NOUNS = new Set(['force', 'family', 'board', 'council', 'committee', 'club', 'team', 'band', 'crew', 'firm']);

/** Where " in/at Place" follows an organisation's capitalised name to the end of the part; -1 when it does not. */
function locatedAt(tokens: Token[], from: number, to: number): number {
  for (let k = from + 1; k < to - 1; k++) {
    if (!/^(?:in|at)$/.test(tokens[k]!.low)) continue;
    const org = tokens.slice(from, k).filter((t) => t.cap);
    const place = tokens.slice(k + 1, to);
    if (org.length >= 2 && org.length === k - from && org.some((t) => isOrgWord(t.low)) && place.every((t) => t.cap || t.text === ',')) return k;
    return -1;
  }
  return -1;
}

/**
 * "The festival said", "the family said": a noun none of the word lists knows, after a determiner. A noun for a
 * person (WordNet's) is someone unnamed; any other is an institution described, which may resolve to the one
 * the article named ("Festival Scènes du Plateau") and otherwise stays as the text words it.
 */
function unknownNoun(text: string, tokens: Token[], part: Part, from: number, to: number, determiner: PartReading['determiner'], base: Omit<PartReading, 'kind' | 'type' | 'name' | 'determiner' | 'text' | 'nameStart' | 'nameEnd'>): PartReading | null {
  const described = personDescribedBy(text, tokens, part, from, to, determiner, base);
  if (described !== null) return described;
  const last = tokens[to - 1];
  if (last === undefined || last.cap || last.kind !== 'word' || !/^\p{Ll}[\p{Ll}-]*$/u.test(last.text)) return null;
  // "the thing he said was …": a relative clause without "that"; the pronoun speaks, not "the thing".
  if (PERSON_PRONOUNS.has(last.low) && to - from >= 2) {
    return { ...base, kind: 'pronoun', type: 'person', name: null, determiner: null, head: last.low, text: last.text, ...spanOf(tokens, to - 1, to) };
  }
  const bodyText = slice(text, tokens, from, to);
  const span = spanOf(tokens, part.from, to);
  // "historians say", "Several Republican appropriators said": people in the plural speak as a group.
  if (to - from <= 4 && /s$/.test(last.low) && isPersonNoun(last.low) && !isSingularPersonNoun(last.low) && tokens.slice(from, to - 1).every((t) => t.kind === 'word' || t.kind === 'num')) {
    return { ...base, kind: 'group', type: 'organisation', name: null, determiner, head: last.low, text: slice(text, tokens, part.from, to), ...span };
  }
  if (determiner === null || to - from > 3 || !isPlainDescription(tokens, from, to - 1)) return null;
  // "the force" (a police force), "the festival": institutions.
  if (isPersonNoun(last.low) && !INSTITUTION_NOUNS.has(last.low)) {
    // "the rabbi", "the former congressman": a definite description refers back to someone the article named with it.
    if (determiner === 'definite') return { ...base, kind: 'role', type: 'person', name: null, roles: [bodyText], head: last.low, determiner, bare: isPlainDescription(tokens, from, to - 1), text: bodyText, ...span };
    return { ...base, kind: 'new-person', type: 'person', name: null, roles: [bodyText], head: last.low, determiner, text: bodyText, ...span };
  }
  return { ...base, kind: 'org-role', type: 'organisation', name: null, head: last.low, determiner, bare: to - from === 1, text: bodyText, ...span };
}

/**
 * "A registered nurse in the emergency department", "a firefighter who has been on the fire since it started",
 * "the teacher at Lakeview": a noun for a person (WordNet's), then where they work or who they are. Someone
 * unnamed (or, after "the", someone the article described so), shown as the text words it up to the relative clause.
 */
function personDescribedBy(text: string, tokens: Token[], part: Part, from: number, to: number, determiner: PartReading['determiner'], base: Omit<PartReading, 'kind' | 'type' | 'name' | 'determiner' | 'text' | 'nameStart' | 'nameEnd'>): PartReading | null {
  if (determiner === null) return null;
  let cut = from + 1;
  while (cut < to && cut - from <= 3 && !PREPOSITIONS.has(tokens[cut]!.low) && !RELATIVE_PERSON.has(tokens[cut]!.low)) cut++;
  if (cut >= to || cut - from > 3) return null;
  const head = tokens[cut - 1]!;
  if (head.cap || head.kind !== 'word' || !isPersonNoun(head.low) || INSTITUTION_NOUNS.has(head.low) || !isPlainDescription(tokens, from, cut - 1)) return null;
  // Where or who, within the part: "in the emergency department", "who spoke on condition of anonymity".
  if (!tokens.slice(cut, to).every((t) => t.kind !== 'punct' || t.text === '-' || t.text === '.')) return null;
  const bodyText = slice(text, tokens, from, to).replace(/\s+(?:who|whose)\b.*$/u, '');
  const span = spanOf(tokens, part.from, to);
  const kind = determiner === 'definite' ? 'role' : 'new-person';
  return { ...base, kind, type: 'person', name: null, roles: [bodyText], head: head.low, determiner, bare: false, text: bodyText, ...span };
}

const RELATIVE_PERSON = new Set(['who', 'whose']);

/** Words that open a sentence's introductory place or time ("Back in Athens,", "On Monday,", "Inside,", "Later that day,"). */
const INTRODUCTORY_OPENERS = new Set(['in', 'on', 'at', 'back', 'after', 'before', 'later', 'earlier', 'outside', 'inside', 'during', 'since', 'across', 'near', 'meanwhile', 'afterward', 'afterwards', 'there', 'here', 'last', 'this', 'that', 'by', 'from', 'over', 'until']);

/**
 * Where the clause after an opening place or time begins ("In one exchange from February, a deputy …": after the
 * comma), when the clause at `from` opens with one: a capitalised opener word, then no quote mark before a comma
 * within eight tokens (before `to`); -1 otherwise.
 */
export function introductoryPhraseEnd(tokens: Token[], from: number, to: number): number {
  const first = tokens[from];
  if (first === undefined || !first.cap || !INTRODUCTORY_OPENERS.has(first.low)) return -1;
  for (let k = from + 1; k < to && k - from <= 8; k++) {
    const t = tokens[k]!;
    if (t.text === ',') return k + 1;
    if (/["“”‘’«»]/u.test(t.text)) return -1;
  }
  return -1;
}

/** Only lower-case adjectives or nationality words before the head: "the European diplomat", "the company". */
function isPlainDescription(tokens: Token[], from: number, headAt: number): boolean {
  for (let i = from; i < headAt; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'word' || t.low === "'s") return false;
    if (t.cap && !NATIONALITY_WORDS.has(t.low)) return false;
  }
  return true;
}

function hasRoleWord(text: string): boolean {
  return text.split(/\s+/).some((w) => {
    const low = stripDot(w.toLowerCase().replace(/['’]s$/, ''));
    return isTitleWord(low) || PERSON_ROLE_NOUNS.has(low);
  });
}

/**
 * The head noun of a description: the first role/group/org/non-agent noun,
 * looking no further than a preposition that is not inside a name. Capitalised
 * words count only as role titles ("Permanent Representative") or as a group
 * noun opening the phrase ("Police", "Residents").
 */
function findHead(tokens: Token[], from: number, to: number): number {
  let head = -1;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (PREPOSITIONS.has(t.low) && i > from) {
      const insideName = tokens[i - 1]!.cap && (tokens[i + 1]?.cap || (tokens[i + 1]?.low === 'the' && tokens[i + 2]?.cap));
      if (!insideName) break;
      continue;
    }
    if (t.kind !== 'word') continue;
    if (tokens[i + 1]?.low === "'s") continue; // "marshal's office": a possessor, not the head
    const low = stripDot(t.low);
    if (t.cap) {
      const opening = i === from && (GROUP_NOUNS.has(low) || NEW_PERSON_NOUNS.has(low) || NON_AGENT_NOUNS.has(low));
      const title = PERSON_ROLE_NOUNS.has(low) && !isInsideOrgName(tokens, i, to);
      // After the head, a capitalised word starts a name: "site PowerOutage.us".
      if (!opening && !title) {
        if (head !== -1 && !tokens[i - 1]!.cap) break;
        continue;
      }
    }
    const known = GROUP_NOUNS.has(low) || NON_AGENT_NOUNS.has(low) || PERSON_ROLE_NOUNS.has(low) || NEW_PERSON_NOUNS.has(low) || ORG_ROLE_NOUNS.has(low) || low === 'media';
    if (known) head = i; // modifiers come first: the last known noun is the head ("court documents", "Local media")
  }
  return head;
}

/** True when the capitalised word at `i` continues into an organisation name ("Department for Environment"). */
function isInsideOrgName(tokens: Token[], i: number, to: number): boolean {
  for (let j = i + 1; j < to && j <= i + 4; j++) {
    const t = tokens[j]!;
    if (NAME_CONNECTORS.has(t.low)) continue;
    if (!t.cap) return false;
    if (isOrgWord(t.low)) return true;
  }
  return false;
}

/** The longest capitalised run (with name connectors inside) within [from, to), or null. */
function capitalisedRun(tokens: Token[], from: number, to: number): Part | null {
  let best: Part | null = null;
  let i = from;
  // "de la Garza", "van der Berg": lower-case particles before a capitalised word are part of the name.
  const afterParticles = (k: number) => {
    let m = k;
    while (m < to && m < k + 3 && NAME_PARTICLES.has(tokens[m]!.text)) m++;
    return m > k && m < to && tokens[m]!.cap ? m : -1;
  };
  while (i < to) {
    if (!(tokens[i]!.cap || (tokens[i]!.kind === 'num' && best !== null) || (i === from && afterParticles(i) !== -1))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < to) {
      const t = tokens[j]!;
      if (t.cap || (t.kind === 'num' && tokens[j - 1]!.cap)) j++;
      else if (tokens[j - 1]!.cap && afterParticles(j) !== -1) j = afterParticles(j);
      else if (t.kind === 'punct' && (t.text === '.' || t.text === '+') && tokens[j - 1]!.end === t.start) j++;
      // Not "on Wednesday", "in October": a connector before a day or a month ends the name.
      else if (NAME_CONNECTORS.has(t.low) && j + 1 < to && (tokens[j + 1]!.cap || (tokens[j + 1]!.low === 'the' && tokens[j + 2]?.cap)) && !CALENDAR_WORDS.has(tokens[j + 1]!.low)) j++;
      // "Kasumi Motor Workers' Union", "Ballincurra Patients’ Forum": a plural possessive inside the name.
      else if (/^['’]$/.test(t.text) && t.start === tokens[j - 1]!.end && /s$/.test(tokens[j - 1]!.text) && tokens[j - 1]!.cap && tokens[j + 1]?.cap === true && j + 1 < to) j++;
      else if (t.text === ',' && isPortfolioList(tokens, i, j)) j++;
      // "Bergen County Prosecutor's Office": a possessive before the organisation word that ends the name.
      else if (/^['’]s$/.test(t.low) && j + 1 < to && isOwnedOffice(tokens, j)) j++;
      else break;
    }
    // Trailing dots belong to abbreviations only ("Inc."), which the caller trims anyway.
    while (j > i + 1 && tokens[j - 1]!.kind === 'punct') j--;
    if (best === null || j - i >= best.to - best.from) best = { from: i, to: j };
    i = j;
  }
  return best;
}

/**
 * A personal name in [from, to): the run right after the last title word
 * ("NATO Secretary General Mark Rutte", "spokeswoman Fara Dahlallah u comments"),
 * else a run ending the part whose words are name words ("… of Ukraine Kyrylo Budanov").
 */
function findPersonName(tokens: Token[], from: number, to: number): { name: string; from: number; to: number; nameEnd: number } | null {
  // Anchored on a title word.
  for (let i = to - 2; i >= from; i--) {
    const t = tokens[i]!;
    let anchor = i;
    if (t.text === '.' && i > from && isTitleWord(tokens[i - 1]!.low)) anchor = i - 1; // "Sgt." "Dr."
    else if (t.kind !== 'word' || !isTitleWord(t.low)) continue;
    // "Raymond Cardinal Jr.", "Mary Bishop": a title word right after a given name is a surname.
    if (t.cap && followsGivenName(tokens, i)) continue;
    if (t.kind === 'word' && isInsideOrgName(tokens, i, to) && tokens[i]!.cap) continue;
    const start = i + 1;
    const { end, nameEnd } = readNameRun(tokens, start, to);
    const length = nameEnd - start;
    const strong = STRONG_TITLES.has(stripDot(tokens[anchor]!.low));
    // One name word after a strong title ("Mr Fenwick"), or right after a capitalised title ("Chief Weathers", "Coach Ruiz").
    // Only a title for a person ("Chief", "Coach", "Sheriff"), never a portfolio ("Health Policy") or an organisation's name running on.
    const low = stripDot(tokens[anchor]!.low);
    const capitalTitle = tokens[anchor]!.cap && anchor === start - 1 && (PERSON_ROLE_NOUNS.has(low) || STRONG_TITLES.has(low)) && !PORTFOLIO_WORDS.has(low) && !isOrgWord(tokens[start]!.low) && !(/^(?:of|for|and)$/.test(tokens[start + 1]?.low ?? '') && tokens[start + 2]?.cap === true);
    if (length >= 2 || (length === 1 && ((strong && !isPluralNoun(tokens[start]!.low)) || capitalTitle))) {
      if (tokens[start]?.text === "'s") continue;
      // "Mr Keogh's solicitor": the name owns the one described; it is not the reading of this part.
      if (tokens[nameEnd]?.low === "'s" && nameEnd + 1 < to) continue;
      return { name: nameText(tokens, start, nameEnd), from: start, to: end, nameEnd };
    }
  }
  // A name opening the part, then where they are from: "Maria Delgado of the Street Justice Project".
  {
    let k = from;
    // "Dale R. Fortier of Manchester": a middle initial's dot inside the name.
    while (k < to && (isPersonNameToken(tokens[k]!, tokens[k + 1]) || (tokens[k]!.text === '.' && k > from && /^\p{Lu}$/u.test(tokens[k - 1]!.text)))) k++;
    if (k - from >= 2 && k < to && /^(?:of|from|at|with)$/.test(tokens[k]!.low)) return { name: nameText(tokens, from, k), from, to, nameEnd: k };
  }
  // A run of name words ending the part: "Andrii Kovalenko", "… of Ukraine Kyrylo Budanov", "81-year-old Joan Maher".
  let end = to;
  const suffixDot = (k: number) => tokens[k]!.text === '.' && k > from && GENERATIONAL_SUFFIXES.has(stripDot(tokens[k - 1]!.low));
  while (end > from && (POSTNOMINALS.has(stripDot(tokens[end - 1]!.low)) || tokens[end - 1]!.text === '.') && !GENERATIONAL_SUFFIXES.has(stripDot(tokens[end - 1]!.low)) && !suffixDot(end - 1)) end--;
  let suffixFrom = end;
  while (suffixFrom > from && (GENERATIONAL_SUFFIXES.has(stripDot(tokens[suffixFrom - 1]!.low)) || (tokens[suffixFrom - 1]!.text === '.' && GENERATIONAL_SUFFIXES.has(stripDot(tokens[suffixFrom - 2]?.low ?? ''))))) suffixFrom--;
  let start = nameStartBefore(tokens, from, suffixFrom);
  if (start === suffixFrom) end = suffixFrom;
  // "… Center for Countering Disinformation Andrii Kovalenko": capitalised words run on from an organisation's
  // name into the person's; a known given name inside the run marks where the person's name begins.
  const given = tokens.slice(start + 1, suffixFrom - 1).findIndex((t) => genderOfGivenName(t.text) !== null);
  if (given !== -1 && start > from && genderOfGivenName(tokens[start]!.text) === null) start = start + 1 + given;
  const length = tokens.slice(start, end).filter((t) => t.text !== '.' && !NAME_PARTICLES.has(t.low)).length;
  if (length === 0) return null;
  // A single capitalised word alone is left to the caller, which can tell "Stano" from "Kremlin".
  if (start === from) return length >= 2 ? { name: nameText(tokens, start, end), from: start, to, nameEnd: end } : null;
  const before = tokens[start - 1]!;
  // "chairman of the parliamentary committee on national security Viktor Kozakovov": a role phrase, then the name.
  // "Center for Countering Disinformation", "head of the Red Cross": an organisation's name, not a person's.
  const continuesOrg = (/^(?:for|of|and|on)$/.test(before.low) && tokens[start - 2]?.cap === true) || before.low === 'the';
  const afterRole = length >= 2 && (length <= 3 || given !== -1) && !continuesOrg && tokens.slice(from, start).some((t) => isTitleWord(t.low));
  const nameContext = afterRole || (start - 1 === from && isLeadingDescriptor(tokens, from)) || isTitleWord(before.low) || isPlaceWord(before.low) || isOrgWord(before.low) || isAcronym(before) || before.kind === 'num' || /-old$/.test(before.low) || isDescriptor(before) || (!before.cap && (isPersonNoun(before.low) || isPersonNoun(before.low.replace(/-/g, ''))));
  if (!nameContext) return null;
  if (length === 1 && !STRONG_TITLES.has(stripDot(before.low))) return null;
  return { name: nameText(tokens, start, end), from: start, to, nameEnd: end };
}

/**
 * How many tokens at `k` continue a personal name: a name word (1), a middle initial with its dot
 * ("E ." → 2), a particle chain before a name word ("de la Vega": "de" → 1), a generational suffix
 * ("Jr ." → 2, "III" → 1); 0 when the name stops here.
 */
/**
 * "Witness Tremaine Oduya", "Goaltender Jonas Aaltonen-Berg", "Homeowners Jessica and Mark Lindahl": a
 * capitalised noun for a person, opening a run of name words, describes the person and is not their first
 * name. A noun of the engine's own lists (new-person nouns, role nouns) is dropped before any name word;
 * any other noun for a person (WordNet's) only before a known given name, since "Dean", "Guy" or "Hope"
 * may be first names. Never before an initial ("Dean A. Smith") and never a known given name itself.
 */
export function isLeadingDescriptor(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  if (t === undefined || next === undefined || t.kind !== 'word' || !t.cap || next.kind !== 'word' || !next.cap) return false;
  if (/^\p{Lu}$/u.test(next.text) || genderOfGivenName(t.text) !== null) return false;
  const singular = t.low.endsWith('s') ? t.low.slice(0, -1) : t.low;
  if (NEW_PERSON_NOUNS.has(t.low) || NEW_PERSON_NOUNS.has(singular) || PERSON_ROLE_NOUNS.has(t.low) || PERSON_ROLE_NOUNS.has(singular)) return true;
  // Two-letter nouns ("Pa", "Ma") are given names far more often than descriptors: "Pa Nhia Yang".
  if (!isPersonNoun(t.low) || GIVEN_NAME_NOUNS.has(t.low) || t.text.length <= 2) return false;
  // Before a known given name, or before a first name and a surname ("Goaltender Jonas Aaltonen-Berg").
  return genderOfGivenName(next.text) !== null || (tokens[k + 2]?.cap === true && tokens[k + 2]!.kind === 'word');
}

/** Nouns for people that are also given names in English-language news ("Dean Phillips", "Hunter Biden"). */
const GIVEN_NAME_NOUNS = new Set('dean guy hope earl duke major judge bishop chase page tanner sage deacon carter cooper hunter mason parker porter walker fisher baker taylor turner ward marshal prince king bill will mark grant noble rich butler shepherd knight chance angel baron amir'.split(' '));

/** The word at `k` is capitalised and comes right after a middle initial ("T." in "Gerald T. Church"): a surname, whatever else it spells. */
export function followsGivenName(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  const next = tokens[k + 1];
  return prev !== undefined && prev.cap && prev.kind === 'word' && (isKnownGivenName(prev.text) || HYPHENATED_GIVEN_NAME.test(prev.text)) && tokens[k]!.cap && (next?.cap !== true || GENERATIONAL_SUFFIXES.has(stripDot(next.low)));
}

/** "Hye-jin", "Mei-ling", "Jae-won": a Korean or Chinese given name romanised in two syllables, whatever lists know. */
const HYPHENATED_GIVEN_NAME = /^\p{Lu}\p{Ll}{1,4}-\p{Ll}{2,5}$/u;

export function followsInitial(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  return t !== undefined && t.kind === 'word' && t.cap && tokens[k - 1]?.text === '.' && /^\p{Lu}$/u.test(tokens[k - 2]?.text ?? '') && tokens[k - 2]!.end === tokens[k - 1]!.start;
}

function nameStep(tokens: Token[], k: number, to: number, started: boolean): number {
  const t = tokens[k];
  if (t === undefined || k >= to || t.kind !== 'word') return 0;
  const dot = tokens[k + 1]?.text === '.' && tokens[k + 1]!.start === t.end && k + 1 < to;
  if (started && GENERATIONAL_SUFFIXES.has(stripDot(t.low))) return dot ? 2 : 1;
  // An initial before more of the name: "P. R. Subramanian" (the second initial is not a surname after the first).
  // ... or before a particle: "Cornelius J. de Vries III".
  if (/^\p{Lu}$/u.test(t.text) && dot && (tokens[k + 2]?.cap || NAME_PARTICLES.has(tokens[k + 2]?.text ?? ''))) return 2;
  // After a first name or an initial, a surname spelled like a group noun still belongs: "Theodore R. Banks III";
  // after an initial, one spelled like an organisation or place word too: "Gerald T. Church", "Mary K. Bank".
  if (started && t.cap && GROUP_NOUNS.has(t.low) && !isTitleWord(t.low)) return 1;
  if (started && followsInitial(tokens, k) && !isTitleWord(t.low) && tokens[k + 1]?.cap !== true) return 1;
  // After a given name, a surname spelled like a title: "Raymond Cardinal Jr.", "Mary Bishop".
  if (started && isTitleWord(t.low) && !PORTFOLIO_WORDS.has(t.low) && followsGivenName(tokens, k)) return 1;
  // ... or like a place: "Rep. Jim Jordan", "Mary Lake".
  if (started && isPlaceWord(t.low) && followsGivenName(tokens, k)) return 1;
  // "spokesman Jordan Abiodun": a place word opening a name right after a title, followed by a name word.
  if (!started && t.cap && isPlaceWord(t.low) && tokens[k + 1]?.cap && isPersonNameToken(tokens[k + 1]!, tokens[k + 2]) && !isPlaceWord(tokens[k + 1]!.low)) return 1;
  if (NAME_PARTICLES.has(t.low) && (started || t.text === t.low)) {
    let j = k;
    while (j < to && NAME_PARTICLES.has(tokens[j]!.low)) j++;
    return j > k && j < to && tokens[j]!.cap && isPersonNameToken(tokens[j]!, tokens[j + 1]) ? 1 : 0;
  }
  return isPersonNameToken(t, tokens[k + 1]) ? 1 : 0;
}

/** "KC", "J" after a name: post-nominal letters, written in capitals. */
export function isPostnominal(t: Token): boolean {
  return t.kind === 'word' && t.text === t.text.toUpperCase() && POSTNOMINAL_LETTERS.has(t.low);
}

/** The person-name words from `start`, and post-nominals after them ("Richard Howe KC"). */
function readNameRun(tokens: Token[], start: number, to: number): { end: number; nameEnd: number } {
  let k = start;
  for (let step = nameStep(tokens, k, to, false); step > 0; step = nameStep(tokens, k, to, true)) k += step;
  const nameEnd = k;
  let end = k;
  while (end < to && POSTNOMINALS.has(stripDot(tokens[end]!.low))) end++;
  return { end, nameEnd };
}

function nameText(tokens: Token[], start: number, nameEnd: number): string {
  let out = tokens[start]!.text;
  for (let k = start + 1; k < nameEnd; k++) out += tokens[k]!.text === '.' ? '.' : ` ${tokens[k]!.text}`;
  return out;
}

/** Where a name ending at `end` starts, walking back over name words, initials and particles. */
function nameStartBefore(tokens: Token[], from: number, end: number): number {
  let start = end;
  for (;;) {
    const t = tokens[start - 1];
    if (start <= from || t === undefined) break;
    // "R." of "Theodore R. Banks", "J.P." of "J.P. Thibault", "St." of "Ryan St. Amand".
    if (t.text === '.' && start - 2 >= from && /^(?:\p{Lu}(?:\.\p{Lu})*|St|Ste)$/u.test(tokens[start - 2]!.text) && tokens[start - 2]!.end === t.start && start < end) start -= 2;
    else if (NAME_PARTICLES.has(t.low) && start < end) start--;
    else if (start - 1 === from && start < end && isLeadingDescriptor(tokens, start - 1)) break; // "Resident Gloria Mendes"
    else if (isPersonNameToken(t, tokens[start])) start--;
    else break;
  }
  while (start < end && (NAME_PARTICLES.has(tokens[start]!.low) && tokens[start]!.text === tokens[start]!.low)) start++;
  return start;
}


export { isAcronym, isPersonNameToken, isTitleWord, isOrgWord, isPlaceWord };
