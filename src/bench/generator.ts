/**
 * A deterministic synthetic news corpus for benchmarks, shaped like the
 * scraped seeds: titles (some under a section label), `date YYYY-MM-DD`
 * markers on some files and dates to infer on others, several speakers per
 * article with transliteration variants of their names, quotes in every style
 * the parser meets (“curly”, "straight", ‘single’ with apostrophes inside,
 * «guillemets», a missing opening mark, a quote paragraph after "X said:"),
 * reported speech, figures in digits and words, background paragraphs
 * repeated across articles, and web chrome lines.
 *
 * Article i depends only on (seed, i): a corpus of 50 is the first 50 of 100,000.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { between, chance, int, pick, rngFor, ZipfList, type Rng } from './prng.js';
import {
  ADVERBS,
  buildVocabulary,
  CONNECTIVES,
  FIRST_NAMES,
  FOREIGN_MEDIA,
  gerundOf,
  MONTH_NAMES,
  NUMBER_WORDS,
  ORGANISATIONS,
  pastOf,
  pluralOf,
  PUBLISHERS,
  SECTIONS,
  thirdPersonOf,
  transliterationVariants,
  WEEKDAY_NAMES,
  WESTERN_SURNAMES,
  type Vocabulary,
} from './vocabulary.js';

export const DEFAULT_SEED = 20241028;
/** Bumped whenever the generated text changes, so a reused work folder is regenerated. */
export const GENERATOR_VERSION = 3;
/** Articles are dated over these two years (day numbers since 1970). */
const FIRST_DAY = Date.UTC(2023, 0, 1) / 86_400_000;
const DAYS = 731;
const BACKGROUND_POOL = 400;
const PEOPLE = 1500;

const FEMALE_FIRST_NAMES = new Set(['Victoria', 'Olena', 'Iryna', 'Yuliia', 'Nataliia', 'Oksana', 'Tetiana', 'Halyna', 'Kateryna', 'Liudmyla', 'Kaja', 'Fara', 'Ursula', 'Giorgia', 'Annalena', 'Mette', 'Margus']);

export interface BenchPerson {
  first: string;
  surname: string;
  canonical: string;
  /** Other spellings of the full name found in articles (transliteration variants). */
  variants: string[];
  role: string;
  female: boolean;
}

const ROLE_TEMPLATES = [
  'Defence Minister', 'Foreign Minister', 'Prime Minister', 'spokesperson for the Ministry of Foreign Affairs', 'representative of the EU External Action Service',
  'head of the Defence Intelligence of Ukraine', 'NATO Secretary General', 'Commander of the Air Force', 'head of the {P} Regional Military Administration',
  'mayor of {P}', 'governor of the {P} region', 'Permanent Representative to the UN', 'Acting Permanent Representative of Ukraine to International Organisations in Vienna',
  'military analyst', 'spokesman for the General Staff', 'Commander-in-Chief', 'Deputy Head of the Presidential Office', 'Energy Minister', 'Prosecutor General',
  'Ombudsman', 'member of parliament', 'adviser to the head of the Presidential Office', 'US Defense Secretary', 'EU foreign policy chief',
  'chairman of the parliamentary committee on national security', 'spokeswoman for the Alliance', 'head of the Center for Countering Disinformation',
  'commander of the {P} operational group', 'spokesman for the Southern Defence Forces', 'Minister of Internal Affairs', 'head of the National Police',
];

/** Everyone who speaks in the corpus: the first are quoted often, the tail rarely. */
export function benchPeople(seed: number, vocab = buildVocabulary(seed)): BenchPerson[] {
  const rng = rngFor(seed, 2);
  const people: BenchPerson[] = [];
  const seen = new Set<string>();
  while (people.length < PEOPLE) {
    const western = chance(rng, 0.2);
    const first = pick(rng, FIRST_NAMES);
    const surname = western ? pick(rng, WESTERN_SURNAMES) : vocab.surnames[int(rng, vocab.surnames.length)]!;
    const canonical = `${first} ${surname}`;
    if (seen.has(canonical)) continue;
    seen.add(canonical);
    const variants = western ? [] : [...transliterationVariants(surname).map((s) => `${first} ${s}`), ...transliterationVariants(first).slice(0, 1).map((f) => `${f} ${surname}`)];
    const role = pick(rng, ROLE_TEMPLATES).replace('{P}', vocab.places[int(rng, 60)]!);
    people.push({ first, surname, canonical, variants: variants.slice(0, 3), role, female: FEMALE_FIRST_NAMES.has(first) });
  }
  return people;
}

/** Samplers shared by every article of one corpus. */
interface Corpus {
  seed: number;
  vocab: Vocabulary;
  people: BenchPerson[];
  person: ZipfList<BenchPerson>;
  noun: ZipfList<string>;
  verb: ZipfList<string>;
  adjective: ZipfList<string>;
  place: ZipfList<string>;
  rare: ZipfList<string>;
  background: ZipfList<number>;
}

const corpora = new Map<number, Corpus>();

function corpusFor(seed: number): Corpus {
  let c = corpora.get(seed);
  if (!c) {
    const vocab = buildVocabulary(seed);
    const people = benchPeople(seed, vocab);
    c = {
      seed,
      vocab,
      people,
      person: new ZipfList(people, 1.05, 2),
      noun: new ZipfList(vocab.nouns, 1.0, 1),
      verb: new ZipfList(vocab.verbs.slice(5), 1.0, 2),
      adjective: new ZipfList(vocab.adjectives, 1.0, 1),
      place: new ZipfList(vocab.places, 1.1, 3),
      rare: new ZipfList(vocab.rareWords, 1.1, 5),
      background: new ZipfList(
        Array.from({ length: BACKGROUND_POOL }, (_, i) => i),
        1.0,
        3,
      ),
    };
    corpora.set(seed, c);
  }
  return c;
}

function cap(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

function dayToDate(day: number): Date {
  return new Date(day * 86_400_000);
}

function isoOf(day: number): string {
  return dayToDate(day).toISOString().slice(0, 10);
}

function formatNumber(n: number): string {
  return n.toLocaleString('en-US');
}

/** A speaker as one article names them: the spelling it uses and how it refers back. */
interface Cast {
  person: BenchPerson;
  /** Full name as this article spells it. */
  full: string;
  /** Surname as this article spells it. */
  surname: string;
  /** A second spelling used once later in the article, as in the seeds (Kuvshynnykova … Kuvshinnikova). */
  alternate: string | null;
  mentioned: boolean;
}

/** Text for one article: every choice drawn from its own random stream. */
class ArticleWriter {
  private readonly apostrophe: string;

  constructor(
    private readonly c: Corpus,
    private readonly rng: Rng,
  ) {
    this.apostrophe = chance(rng, 0.5) ? '’' : "'";
  }

  noun(): string {
    return chance(this.rng, 0.04) ? this.c.rare.sample(this.rng) : this.c.noun.sample(this.rng);
  }

  nounPlural(): string {
    return pluralOf(this.noun());
  }

  adjective(): string {
    return this.c.adjective.sample(this.rng);
  }

  place(): string {
    return this.c.place.sample(this.rng);
  }

  verbPast(): string {
    return pastOf(this.c.verb.sample(this.rng));
  }

  possessive(word: string): string {
    return `${word}${this.apostrophe}s`;
  }

  figure(): string {
    const r = this.rng;
    const qualifier = pick(r, ['', '', 'at least ', 'nearly ', 'about ', 'up to ', 'more than ', 'over ', 'almost ']);
    switch (int(r, 9)) {
      case 0:
        return `${qualifier}${formatNumber(between(r, 2, 120) * 100)}`;
      case 1:
        return `${qualifier}${formatNumber(between(r, 11, 999))}`;
      case 2: {
        const a = between(r, 1, 5);
        return `${a}-${a + between(r, 1, 3)} thousand`;
      }
      case 3:
        return `${qualifier}${pick(r, NUMBER_WORDS)}`;
      case 4:
        return `${pick(r, ['ten', 'several', 'two', 'three', 'five', 'tens of'])} thousand`;
      case 5:
        return `${formatNumber(between(r, 1, 9) * 1000)} to ${formatNumber(between(r, 10, 20) * 1000)}`;
      case 6:
        return `${qualifier}${between(r, 2, 95)}%`;
      case 7:
        return `${pick(r, ['$', '€', 'UAH '])}${between(r, 1, 9)}.${between(r, 1, 9)} ${pick(r, ['million', 'billion'])}`;
      default:
        return `${pick(r, ['dozens of', 'hundreds of', 'a few', 'several'])}`;
    }
  }

  /** A noun phrase: "the heavy losses", "Kherson's energy infrastructure", "11,000 soldiers". */
  nounPhrase(): string {
    const r = this.rng;
    switch (int(r, 6)) {
      case 0:
        return `the ${this.adjective()} ${this.noun()} of ${this.adjective()} ${this.nounPlural()}`;
      case 1:
        return `${this.possessive(this.place())} ${this.noun()}`;
      case 2:
        return `${this.figure()} ${this.nounPlural()}`;
      case 3:
        return `the ${this.noun()} of ${this.adjective()} ${this.nounPlural()}`;
      case 4:
        return `${this.adjective()} ${this.nounPlural()}`;
      default:
        return `the ${this.noun()}`;
    }
  }

  subject(): string {
    const r = this.rng;
    switch (int(r, 5)) {
      case 0:
        return pick(r, ORGANISATIONS);
      case 1:
        return `${this.place()}`;
      case 2:
        return `the ${this.adjective()} ${this.nounPlural()}`;
      default:
        return `the ${this.adjective()} ${this.noun()}`;
    }
  }

  prepositional(): string {
    const r = this.rng;
    switch (int(r, 7)) {
      case 0:
        return ` in ${this.place()}`;
      case 1:
        return ` near ${this.place()}`;
      case 2:
        return ` in the ${this.place()} region`;
      case 3:
        return ` during the ${this.noun()}`;
      case 4:
        return ` with ${this.figure()} ${this.nounPlural()}`;
      case 5:
        return ` since ${pick(r, MONTH_NAMES)}`;
      default:
        return ` ${pick(r, ['in', 'across', 'along', 'outside'])} ${this.place()} ${pick(r, ['district', 'community', 'region', 'direction'])}`;
    }
  }

  /** A clause without final punctuation: "the Russian army launched heavy strikes near Pokrovsk, as …". */
  clause(): string {
    const r = this.rng;
    const when = chance(r, 0.3) ? pick(r, [' last week', ' for the first time', ' over the past day', ' this month', ' in recent weeks', ' according to preliminary data', ' despite the difficult situation']) : '';
    const main = `${this.simpleClause()}${when}`;
    if (chance(r, 0.6)) return `${main}, ${pick(r, CONNECTIVES)} ${this.simpleClause()}`;
    if (chance(r, 0.3)) return `${main} and ${this.verbPast()} ${this.nounPhrase()}${this.prepositional()}`;
    return main;
  }

  simpleClause(): string {
    const r = this.rng;
    const adverb = chance(r, 0.15) ? `${pick(r, ADVERBS)} ` : '';
    switch (int(r, 6)) {
      case 0:
        return `${this.subject()} ${adverb}${this.verbPast()} ${this.nounPhrase()}${this.prepositional()}`;
      case 1:
        return `${this.subject()} has ${adverb}${this.verbPast()} ${this.nounPhrase()}${this.prepositional()}`;
      case 2:
        return `${this.subject()} will ${this.c.verb.sample(r)} ${this.nounPhrase()}${this.prepositional()}`;
      case 3:
        return `${this.subject()} is ${gerundOf(this.c.verb.sample(r))} ${this.nounPhrase()}${this.prepositional()}`;
      case 4:
        return `${this.subject()} ${thirdPersonOf(this.c.verb.sample(r))} ${this.nounPhrase()}${this.prepositional()}`;
      default:
        return `${this.nounPhrase()} ${pick(r, ['were', 'was', 'have been', 'had been'])} ${this.verbPast()}${this.prepositional()}`;
    }
  }

  sentence(): string {
    return `${cap(this.clause())}.`;
  }

  /** First-person sentences for quotes, with apostrophes in them. */
  quoteSentence(apostrophe: string): string {
    const r = this.rng;
    const poss = (w: string) => `${w}${apostrophe}s`;
    switch (int(r, 8)) {
      case 0:
        return `We ${this.c.verb.sample(r)} ${this.nounPhrase()}${this.prepositional()}.`;
      case 1:
        return `This is a ${this.adjective()} ${this.noun()} for ${this.place()}.`;
      case 2:
        return `I can${apostrophe}t confirm such ${this.nounPlural()}, but ${this.clause()}.`;
      case 3:
        return `${poss(this.place())} ${this.noun()} ${thirdPersonOf(this.c.verb.sample(r))} ${this.nounPhrase()}.`;
      case 4:
        return `Let${apostrophe}s be clear: ${this.clause()}.`;
      case 5:
        return `They ${this.verbPast()} ${this.figure()} ${this.nounPlural()}${this.prepositional()}.`;
      case 6:
        return `It${apostrophe}s ${this.adjective()} that ${this.clause()}.`;
      default:
        return `${cap(this.clause())}.`;
    }
  }

  quoteContent(apostrophe: string): string {
    const n = between(this.rng, 1, 2);
    return Array.from({ length: n }, () => this.quoteSentence(apostrophe)).join(' ');
  }

  /** How a speaker is introduced the first time and referred to afterwards. */
  ref(cast: Cast): string {
    const r = this.rng;
    if (!cast.mentioned) {
      cast.mentioned = true;
      return chance(r, 0.6) ? `${cast.person.role} ${cast.full}` : cast.full;
    }
    if (cast.alternate !== null && chance(r, 0.3)) {
      const alt = cast.alternate;
      cast.alternate = null;
      return alt;
    }
    switch (int(r, 4)) {
      case 0:
        return cast.person.female ? 'she' : 'he';
      case 1:
        return `the ${cast.person.role.replace(/^(the|a) /, '')}`;
      default:
        return cast.surname;
    }
  }

  speechVerb(): string {
    return pick(this.rng, ['said', 'said', 'said', 'stated', 'stressed', 'noted', 'added', 'explained', 'emphasised', 'told reporters', 'announced', 'warned', 'concluded', 'confirmed', 'denied', 'claimed']);
  }

  /** A quote paragraph in one of the styles the parser handles. */
  quoteParagraph(cast: Cast): string[] {
    const r = this.rng;
    const style = int(r, 7);
    const who = this.ref(cast);
    const verb = this.speechVerb();
    const comma = (content: string) => content.replace(/[.]$/, ',');
    switch (style) {
      case 0: {
        const content = this.quoteContent('’');
        return chance(r, 0.5) ? [`“${comma(content)}” ${who} ${verb}.`] : [`${cap(who)} ${verb}: “${content}”`];
      }
      case 1: {
        const content = this.quoteContent("'");
        return chance(r, 0.5) ? [`"${comma(content)}" ${who} ${verb}.`] : [`${cap(who)} ${verb}: "${content}"`];
      }
      case 2: {
        const content = this.quoteContent('’');
        return [`‘${comma(content)}’ ${who} ${verb}.`];
      }
      case 3: {
        const content = this.quoteContent('’');
        return [chance(r, 0.5) ? `«${comma(content)}» – ${verb.split(' ')[0]} ${who}.` : `«${comma(content)}», ${who} ${verb}.`];
      }
      case 4: {
        // The scraper lost the opening mark: only the closing one is left.
        const content = this.quoteContent("'");
        return [`${comma(content)}" ${who} ${verb}.`];
      }
      case 5: {
        const content = this.quoteContent(this.apostrophe);
        return [`Answering the question whether ${this.clause()}, ${who} ${verb}:`, `"${content}"`];
      }
      default: {
        const first = this.quoteSentence('’');
        const rest = this.quoteContent('’');
        return [`“${comma(first)}” ${who} ${verb}. “${rest}”`];
      }
    }
  }

  /** Reported speech: "X said that …", "According to X, …", "…, X said." */
  reportedParagraph(cast: Cast): string {
    const r = this.rng;
    switch (int(r, 7)) {
      case 0: {
        const intro = cast.mentioned ? this.ref(cast) : `${this.ref(cast)}, ${cast.person.role},`;
        return `${cap(intro.replace(new RegExp(`^${cast.person.role} `), ''))} ${pick(r, ['said', 'stated', 'noted', 'stressed', 'believes', 'recalled'])} that ${this.clause()}.`;
      }
      case 1:
        return `According to ${this.ref(cast)}, ${this.clause()}.`;
      case 2:
        return `${cap(this.clause())}, ${this.ref(cast)} ${pick(r, ['said', 'added', 'noted'])}.`;
      case 3:
        return `${cap(this.ref(cast))} also ${pick(r, ['believes', 'noted', 'added'])} that ${this.clause()}, because ${this.clause()}.`;
      case 4:
        return `${cap(this.ref(cast))} ${pick(r, ['reminded', 'recalled'])} that ${this.clause()}.`;
      case 5:
        return `${cap(this.ref(cast))} told ${pick(r, FOREIGN_MEDIA)} in an interview that ${this.clause()}.`;
      default:
        return `${cap(this.ref(cast))} ${pick(r, ['denied', 'confirmed'])} reports that ${this.clause()}.`;
    }
  }

  /** "Peter Stano … said this at a briefing in Brussels on Monday, Censor.NET reports citing Interfax-Ukraine." */
  attributionParagraph(cast: Cast, weekday: string | null): string {
    const r = this.rng;
    const publisher = pick(r, PUBLISHERS);
    const cited = pick(r, [...PUBLISHERS, ...FOREIGN_MEDIA].filter((p) => p !== publisher));
    const when = weekday ? ` on ${weekday}` : '';
    switch (int(r, 4)) {
      case 0:
        return `${cap(this.ref(cast))} said this at a briefing in ${this.place()}${when}, ${publisher} reports citing ${cited}.`;
      case 1:
        return `According to ${publisher}, this was stated by ${cast.full}, ${cast.person.role}, during a meeting of the ${this.adjective()} ${this.noun()} council${when}.`;
      case 2:
        return `This was reported by ${cast.person.role} ${cast.full} in comments for ${pick(r, FOREIGN_MEDIA)}${when}.`;
      default:
        return `${cap(this.ref(cast))} said this in an address${when}, ${publisher} reports with reference to ${cited}.`;
    }
  }

  title(cast: Cast[]): string {
    const r = this.rng;
    const lead = cast[0]!;
    switch (int(r, 5)) {
      case 0:
        return `${cap(this.clause())}, - ${lead.surname}`;
      case 1:
        return `${lead.surname}: ${this.clause()}`;
      case 2:
        return `${cap(this.clause())}: ${this.place()} ${lead.person.role}`;
      case 3:
        return `${pick(r, ORGANISATIONS).replace(/^the /, 'The ')} holds ‘${this.adjective()} ${this.nounPlural()}’ over ${this.adjective()} ${this.noun()} in ${this.place()}`;
      default:
        return cap(this.clause());
    }
  }
}

/** Background paragraph k of the shared pool: repeated across articles, sometimes lightly edited. */
function backgroundParagraph(c: Corpus, k: number): { text: string; speaker: string } {
  const rng = rngFor(c.seed, 3, k);
  const w = new ArticleWriter(c, rng);
  const speaker = c.people[int(rng, 200)]!;
  return { text: backgroundText(c, k, rng, w, speaker), speaker: speaker.canonical };
}

function backgroundText(c: Corpus, k: number, rng: Rng, w: ArticleWriter, speaker: BenchPerson): string {
  const cast: Cast = { person: speaker, full: speaker.canonical, surname: speaker.surname, alternate: null, mentioned: false };
  const month = pick(rng, MONTH_NAMES);
  switch (k % 5) {
    case 0:
      return `In early ${month}, ${w.ref(cast)} said that ${w.clause()}.`;
    case 1:
      return `Earlier, ${pick(rng, FOREIGN_MEDIA)} wrote that ${w.figure()} ${w.nounPlural()} ${w.verbPast()} ${w.nounPhrase()} and may be sent to the front in ${w.place()}.`;
    case 2:
      return `The head of ${pick(rng, ORGANISATIONS)}, ${speaker.canonical}, said that the information about ${w.nounPhrase()} was not true. ${w.sentence()}`;
    case 3:
      return `It was reported that ${w.figure()} ${w.nounPlural()} had already ${w.verbPast()} ${w.nounPhrase()}${w.prepositional()}. Later it became known that they had been ${w.verbPast()}.`;
    default:
      return `${cap(w.clause())}. ${w.sentence()}`;
  }
}

/** Small edits a rewrite desk makes to a background paragraph. */
function editBackground(text: string, rng: Rng): string {
  const roll = int(rng, 6);
  if (roll === 0) return `To recap, ${text[0]!.toLowerCase()}${text.slice(1)}`;
  if (roll === 1) return `We will remind that ${text[0]!.toLowerCase()}${text.slice(1)}`;
  if (roll === 2) return text.replace(/\bfront\b/, 'frontline').replace(/Defence/g, 'Defense');
  return text;
}

const CHROME = [
  'Leave a Reply',
  'Your email address will not be published. Required fields are marked *',
  'Related Articles',
  'Back to top button',
  'Share this',
  'Follow us on Telegram',
  'Advertisement',
];

export interface GeneratedArticle {
  file: string;
  text: string;
  /** The publication date the article was generated for. */
  date: string;
  /** How the date is given: a marker line, mentioned in the text (to infer), or not at all. */
  dating: 'marker' | 'inferred' | 'none';
  /** The cast's names as spelled here, then the speakers of background paragraphs (who may go unnamed in the text). */
  speakers: string[];
}

/** Article `index` of the corpus for `seed`. */
export function generateArticle(seed: number, index: number): GeneratedArticle {
  const c = corpusFor(seed);
  const rng = rngFor(seed, 4, index);
  const day = FIRST_DAY + int(rng, DAYS);
  const date = dayToDate(day);
  const w = new ArticleWriter(c, rng);

  const castSize = between(rng, 2, 4);
  const cast: Cast[] = [];
  while (cast.length < castSize) {
    const person = c.person.sample(rng);
    if (cast.some((x) => x.person === person)) continue;
    const variantRoll = rng();
    const spelled = person.variants.length > 0 && variantRoll < 0.3 ? pick(rng, person.variants) : person.canonical;
    const surname = spelled.slice(spelled.indexOf(' ') + 1);
    const alternate = person.variants.length > 0 && variantRoll > 0.9 ? pick(rng, person.variants).split(' ').at(-1)! : null;
    cast.push({ person, full: spelled, surname, alternate, mentioned: false });
  }

  const datingRoll = rng();
  const dating: GeneratedArticle['dating'] = datingRoll < 0.4 ? 'marker' : datingRoll < 0.95 ? 'inferred' : 'none';
  const weekday = dating === 'inferred' && chance(rng, 0.4) ? WEEKDAY_NAMES[date.getUTCDay()]! : null;

  const paragraphs: string[] = [];
  const lines: string[] = [];
  // The scrapers put a date marker first, then (sometimes) a section label, then the headline.
  const section = chance(rng, 0.1) ? pick(rng, SECTIONS) : null;
  const title = w.title(cast);
  if (dating === 'marker' && section === null && chance(rng, 0.5)) {
    lines.push(`${chance(rng, 0.3) ? ' ' : ''}date ${isoOf(day)} ${title}`);
  } else {
    if (dating === 'marker') lines.push(`date ${isoOf(day)}`);
    if (section !== null) lines.push(section);
    lines.push(title);
  }

  // Lead: what happened, who said it.
  paragraphs.push(chance(rng, 0.5) ? w.reportedParagraph(cast[0]!) : `${w.sentence()} ${w.sentence()}`);
  paragraphs.push(w.attributionParagraph(cast[0]!, weekday));
  if (dating === 'inferred') {
    const mentioned = dayToDate(day - int(rng, 2));
    const year = mentioned.getUTCFullYear() !== 2024 || chance(rng, 0.3) ? ` ${mentioned.getUTCFullYear()}` : '';
    const dm = chance(rng, 0.6) ? `${mentioned.getUTCDate()} ${MONTH_NAMES[mentioned.getUTCMonth()]}${year}` : `${MONTH_NAMES[mentioned.getUTCMonth()]} ${mentioned.getUTCDate()}${year ? `,${year}` : ''}`;
    paragraphs.push(`On ${dm}, ${w.clause()}.`);
  }
  const body = between(rng, 3, 5);
  for (let k = 0; k < body; k++) {
    const speaker = cast[k % cast.length]!;
    const roll = rng();
    if (roll < 0.45) paragraphs.push(...w.quoteParagraph(speaker));
    else if (roll < 0.8) paragraphs.push(w.reportedParagraph(speaker));
    else paragraphs.push(`${w.sentence()}${chance(rng, 0.5) ? ` ${w.sentence()}` : ''}`);
  }
  if (chance(rng, 0.3)) paragraphs.push(`Read also: ${cap(w.clause())}`);
  if (chance(rng, 0.4)) paragraphs.push(`${cap(w.adjective())} ${w.noun()} in ${w.place()}`);
  const backgrounds = between(rng, 1, 3);
  const backgroundSpeakers: string[] = [];
  const used = new Set<number>();
  for (let k = 0; k < backgrounds; k++) {
    const b = c.background.sample(rng);
    if (used.has(b)) continue;
    used.add(b);
    const background = backgroundParagraph(c, b);
    backgroundSpeakers.push(background.speaker);
    paragraphs.push(editBackground(background.text, rng));
  }
  if (chance(rng, 0.5)) paragraphs.push(w.sentence());
  if (chance(rng, 0.35)) {
    paragraphs.push(`See also  ${cap(w.clause())}`);
    const from = int(rng, 3);
    paragraphs.push(...CHROME.slice(from, from + between(rng, 2, 4)));
  }

  const spaced = chance(rng, 0.5);
  const wrap = chance(rng, 0.05);
  const bodyLines = paragraphs.map((p) => (wrap ? hardWrap(p) : p));
  const text = [...lines, ...(spaced ? [''] : []), bodyLines.join(spaced ? '\n\n' : '\n')].join('\n');
  const hash = rngFor(seed, 5, index);
  const suffix = Array.from({ length: 4 }, () => Math.floor(hash() * 65536).toString(16).padStart(4, '0')).join('');
  return {
    file: `${String(index).padStart(6, '0')}_${suffix}.txt`,
    text: `${text}\n`,
    date: isoOf(day),
    dating,
    speakers: [...cast.map((x) => x.full), ...backgroundSpeakers],
  };
}

/** Breaks a paragraph at ~76 columns where the next word starts lower-case (the parser re-joins those). */
function hardWrap(paragraph: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line.length > 76 && /^\p{Ll}/u.test(word) && !/[.!?:;"”’»)]$/u.test(line)) {
      out.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  out.push(line);
  return out.join('\n');
}

export interface WrittenCorpus {
  dir: string;
  articles: number;
  bytes: number;
  seconds: number;
}

/** Writes articles 0..n-1 as files into `dir`. */
export function writeCorpus(dir: string, n: number, seed = DEFAULT_SEED, onProgress?: (done: number) => void): WrittenCorpus {
  const started = performance.now();
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const article = generateArticle(seed, i);
    const data = Buffer.from(article.text, 'utf8');
    writeFileSync(join(dir, article.file), data);
    bytes += data.length;
    if (onProgress && i % 5000 === 4999) onProgress(i + 1);
  }
  return { dir, articles: n, bytes, seconds: (performance.now() - started) / 1000 };
}

/**
 * Everyone articles 0..n-1 quote, as generated people (canonical name and every spelling the corpus may
 * use for them): the people the index should hold, no more, no fewer.
 */
export function corpusSpeakers(n: number, seed = DEFAULT_SEED): { canonical: string; spellings: string[] }[] {
  const bySpelling = new Map<string, BenchPerson>();
  for (const person of corpusPeople(seed)) for (const spelling of [person.canonical, ...person.variants]) bySpelling.set(spelling, person);
  const quoted = new Set<BenchPerson>();
  for (let i = 0; i < n; i++) {
    const article = generateArticle(seed, i);
    // Only the cast the text names (a cast member may go unwritten); lines are hard-wrapped.
    const text = article.text.replace(/\s+/g, ' ');
    for (const name of article.speakers) if (text.includes(name)) quoted.add(bySpelling.get(name)!);
  }
  return [...quoted].map((p) => ({ canonical: p.canonical, spellings: [p.canonical, ...p.variants] }));
}

/** The generated speakers, for picking /who names. */
export function corpusPeople(seed = DEFAULT_SEED): BenchPerson[] {
  return corpusFor(seed).people;
}

/** Surface words the generator can emit (lower-case, letters only): the candidates for query terms. */
export function corpusWords(seed = DEFAULT_SEED): string[] {
  const v = corpusFor(seed).vocab;
  const all = [...v.nouns, ...v.nouns.map(pluralOf), ...v.adjectives, ...v.verbs.map(pastOf), ...v.places, ...v.surnames, ...v.rareWords];
  return [...new Set(all.map((w) => w.toLowerCase()).filter((w) => /^\p{L}+$/u.test(w)))];
}
