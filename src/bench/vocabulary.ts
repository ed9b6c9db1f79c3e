/**
 * Words for the benchmark corpus. Real English news vocabulary by part of
 * speech, ordered roughly from common to rare (the generator draws positions
 * with Zipf weights), plus synthesised proper nouns — places, surnames,
 * organisations — that make the long tail of rare terms real corpora have.
 */
import { rngFor, int, pick, type Rng } from './prng.js';

const words = (text: string): string[] => text.trim().split(/\s+/);

export const NOUNS = words(`
war troops military forces government country region security support attack city army president minister
people soldiers weapons information front report statement situation territory border side talks meeting
sanctions aid units assistance cooperation defence operation strike strikes drones missiles intelligence
officials community agreement decision conflict escalation peace ceasefire negotiations alliance partners
state regime personnel equipment losses position positions control offensive counteroffensive brigade battalion
air infrastructure energy power plant grid village villages residents civilians children hospital school
building buildings damage fire shelling artillery tanks vehicles ammunition shells supplies logistics
economy budget funding package loan bank market prices inflation exports imports grain ports ships fleet
parliament law bill vote election elections party opposition coalition court case investigation prosecutor
crime crimes evidence witnesses prisoners exchange hostages deportation occupation occupiers collaborators
policy strategy plan plans proposal initiative summit conference briefing interview address speech comments
media journalists channel footage video photos sources analysts experts observers mission delegation
embassy ambassador envoy consulate visa citizens refugees migrants population census region district
oblast community settlement frontline trenches fortifications mines minefields bridge railway road highway
airport airfield base bases depot warehouse headquarters command commander staff general officers recruits
mobilisation conscription draft reserve volunteers contract service training exercises drills readiness
technology systems radar satellite communications network internet cyberattack hackers disinformation
propaganda narrative narratives campaign influence threat threats risk risks danger warning warnings
response reaction condemnation concern concerns pressure demands conditions terms guarantees obligations
treaty charter resolution resolutions council assembly commission committee agency service ministry office
department administration authorities leadership leaders official spokesperson spokeswoman spokesman
representative representatives chairman head chief deputy adviser advisers secretary director governor mayor
gas oil pipeline nuclear reactor radiation inspectors monitoring safety accident emergency rescue rescuers
rubble victims casualties wounded dead bodies funeral memorial anniversary ceremony celebration holiday
weather winter summer spring autumn heating electricity blackout outages generators water shortage
food harvest farmers fields land property housing reconstruction recovery investment investors companies
industry production factory factories plants output supply chain contracts deliveries shipment shipments
batch batches howitzers launchers interceptors jets aircraft helicopters fighters pilots sailors marines
navy coast shore island river dam reservoir lake forest steppe hills mountains valley coastline waters
history memory culture language church religion identity nation independence sovereignty freedom democracy
rights justice accountability responsibility tribunal sentence verdict trial detention arrest suspect
suspects charges corruption scandal resignation appointment dismissal reform reforms accession membership
integration enlargement candidate candidates status roadmap timeline deadline schedule progress results
data figures numbers estimates statistics percent share growth decline increase decrease rate level
quality capacity capability capabilities potential advantage superiority dominance balance parity gap
shortage shortages surplus stocks reserves production output efficiency cost costs price value
`);

/** Singular nouns whose plural is not "+s". */
export const IRREGULAR_PLURALS: Record<string, string> = {
  country: 'countries', city: 'cities', army: 'armies', party: 'parties', policy: 'policies', authority: 'authorities',
  strategy: 'strategies', economy: 'economies', enemy: 'enemies', ally: 'allies', agency: 'agencies', supply: 'supplies',
  facility: 'facilities', capability: 'capabilities', community: 'communities', territory: 'territories', history: 'histories',
  battery: 'batteries', delivery: 'deliveries', emergency: 'emergencies', embassy: 'embassies', ministry: 'ministries',
  secretary: 'secretaries', body: 'bodies', property: 'properties', industry: 'industries', factory: 'factories', company: 'companies',
  crisis: 'crises', analysis: 'analyses', man: 'men', woman: 'women', child: 'children', person: 'people', defence: 'defences',
  chief: 'chiefs', staff: 'staff', personnel: 'personnel', equipment: 'equipment', information: 'information', aid: 'aid',
  intelligence: 'intelligence', infrastructure: 'infrastructure', ammunition: 'ammunition', evidence: 'evidence', media: 'media',
  logistics: 'logistics', data: 'data', news: 'news', peace: 'peace', safety: 'safety', security: 'security', freedom: 'freedom',
  democracy: 'democracies', accountability: 'accountability', responsibility: 'responsibilities', justice: 'justice',
  sovereignty: 'sovereignty', independence: 'independence', identity: 'identities', reconstruction: 'reconstruction',
  recovery: 'recovery', mobilisation: 'mobilisation', conscription: 'conscription', readiness: 'readiness', propaganda: 'propaganda',
  disinformation: 'disinformation', radiation: 'radiation', weather: 'weather', winter: 'winters', electricity: 'electricity',
  water: 'water', food: 'food', land: 'land', housing: 'housing', investment: 'investments', industry_: 'industries',
  production: 'production', output: 'output', efficiency: 'efficiency', quality: 'quality', capacity: 'capacities', potential: 'potential',
  superiority: 'superiority', dominance: 'dominance', parity: 'parity', culture: 'cultures', language: 'languages', religion: 'religions',
  church: 'churches', detention: 'detention', corruption: 'corruption', membership: 'memberships', integration: 'integration',
  enlargement: 'enlargement', progress: 'progress', growth: 'growth', decline: 'declines', shelling: 'shelling', gas: 'gas', oil: 'oil',
};

/** Regular verbs (base form); past and third person are derived. */
export const VERBS = words(`
say confirm report announce state deny stress note add warn explain call claim believe expect plan continue
support provide send deliver deploy attack destroy damage shoot launch strike hit capture seize liberate
occupy defend hold repel advance retreat withdraw train prepare recruit mobilise equip supply transfer
receive approve adopt sign ratify reject consider discuss negotiate agree refuse demand urge insist
condemn criticise welcome praise thank promise pledge allocate increase reduce cut raise boost strengthen
weaken undermine violate threaten accuse blame investigate detain arrest charge sentence release exchange
evacuate rescue restore repair rebuild protect monitor record document verify publish reveal disclose
intercept detect track target use employ involve include remain become seem appear show indicate suggest
mean require need want try hope intend aim seek fail manage succeed cause lead result affect help allow
prevent stop block impose lift extend suspend resume cancel postpone schedule host visit meet travel
return arrive leave enter cross reach move shift change turn open close start finish complete end face
suffer lose gain win kill wound injure displace flee shelter relocate summon expel recall appoint dismiss
replace resign elect vote pass veto amend draft submit present propose recommend conclude emphasise
highlight underline mention recall remind acknowledge admit concede assess estimate calculate count number
`);

export const IRREGULAR_PAST: Record<string, string> = {
  say: 'said', send: 'sent', shoot: 'shot', strike: 'struck', hit: 'hit', hold: 'held', withdraw: 'withdrew',
  lead: 'led', become: 'became', mean: 'meant', seek: 'sought', cut: 'cut', meet: 'met', leave: 'left', lose: 'lost',
  win: 'won', flee: 'fled', show: 'showed', begin: 'began', take: 'took', give: 'gave', make: 'made', see: 'saw',
  draft: 'drafted', set: 'set', run: 'ran', bring: 'brought', keep: 'kept', tell: 'told', think: 'thought',
};

export const ADJECTIVES = words(`
military Russian Ukrainian new international significant major current further possible national foreign
European American western eastern southern northern occupied temporarily serious heavy massive large small
strategic political economic financial humanitarian civilian nuclear ballistic long-range air regional local
official senior former previous recent latest next final full total direct joint additional important key
critical difficult dangerous illegal criminal aggressive hostile reliable effective successful decisive
concrete clear strong weak stable unstable active ongoing growing increasing declining rapid gradual slow
legal constitutional parliamentary presidential diplomatic defensive offensive tactical operational logistical
technical modern advanced old outdated domestic global multilateral bilateral allied partner neighbouring
coastal frontline rear border rural urban industrial agricultural energy critical secure unsafe damaged
destroyed wounded missing captured released detained displaced evacuated independent sovereign democratic
authoritarian corrupt transparent public private special separate airborne motorised mechanised armoured
naval maritime territorial permanent acting interim deputy chief general annual monthly weekly daily
`);

export const ADVERBS = words(`
also already still now currently previously recently earlier later again reportedly allegedly officially
publicly openly repeatedly immediately gradually significantly seriously heavily largely partly fully
nearly almost approximately roughly reportedly effectively actively directly jointly separately finally
`);

export const CONNECTIVES = words(`
because although while since after before as when unless whereas
`);

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const NUMBER_WORDS = words(`two three four five six seven eight nine ten eleven twelve fifteen eighteen twenty thirty forty fifty hundred`);

export const REAL_PLACES = words(`
Ukraine Russia Kyiv Moscow Kharkiv Odesa Donetsk Luhansk Zaporizhzhia Kherson Mykolaiv Dnipro Lviv Sumy Chernihiv
Poltava Kursk Belgorod Bryansk Crimea Sevastopol Pokrovsk Bakhmut Avdiivka Vuhledar Kupiansk Toretsk Chasiv-Yar
Brussels Washington London Paris Berlin Warsaw Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Prague
Bratislava Budapest Bucharest Chisinau Sofia Ankara Tehran Beijing Pyongyang Seoul Tokyo Minsk Tbilisi Baku
Geneva Vienna Rome Madrid Lisbon Dublin Amsterdam Hague Ottawa Canberra Wellington Delhi Istanbul Jeddah
`);

export const ORGANISATIONS = [
  'NATO', 'the Pentagon', 'the Kremlin', 'the General Staff', 'the Ministry of Defence', 'the Ministry of Foreign Affairs',
  'the State Emergency Service', 'the European Commission', 'the UN Security Council', 'the IAEA', 'the OSCE',
  'the Security Service of Ukraine', 'the Defence Intelligence of Ukraine', 'the Air Force', 'the Navy', 'the National Police',
  'the Prosecutor General’s Office', 'the Verkhovna Rada', 'the European Parliament', 'the White House', 'the State Department',
  'the Council of Europe', 'the International Criminal Court', 'the Red Cross', 'the World Bank', 'the IMF', 'Ukrenergo',
  'Naftogaz', 'Energoatom', 'the Coordination Headquarters', 'the Center for Countering Disinformation', 'the Border Guard Service',
];

export const PUBLISHERS = [
  'Censor.NET', 'Ukrinform', 'Interfax-Ukraine', 'European Pravda', 'RBC-Ukraine', 'Suspilne', 'ArmyInform', 'Kyiv Independent',
  'Ukrainska Pravda', 'Hromadske', 'LIGA.net', 'NV', 'Espreso', 'UNIAN', 'Focus', 'Zerkalo Nedeli',
];

export const FOREIGN_MEDIA = [
  'Reuters', 'Voice of America', 'The Guardian', 'the Washington Post', 'the New York Times', 'Bloomberg', 'the BBC', 'CNN',
  'Politico', 'the Financial Times', 'Le Monde', 'Der Spiegel', 'Associated Press', 'Yonhap', 'the Wall Street Journal', 'Axios',
];

export const SECTIONS = ['EU and the world', 'Politics', 'War', 'Economy', 'Society', 'Frontline', 'World news', 'Analytics'];

export const FIRST_NAMES = words(`
Volodymyr Andrii Kyrylo Oleksandr Victoria Olena Iryna Mykhailo Dmytro Yuliia Serhii Oleksii Rustem Denys Ihor
Taras Bohdan Yurii Vitalii Maksym Nataliia Oksana Tetiana Halyna Kateryna Liudmyla Petro Vasyl Roman Ruslan
Peter Mark Lloyd Josep Kaja Antony Matthew Jake John Fara Ursula Charles Emmanuel Olaf Keir Giorgia Donald
Jens Annalena Radoslaw Gabrielius Edgars Margus Alexander Pekka Ulf Mette Petr Robert Viktor Klaus Jongkook
`);

/** Real-world surnames that appear in the seeds and similar news. */
export const WESTERN_SURNAMES = words(`
Stano Rutte Austin Borrell Kallas Blinken Miller Sullivan Kirby Dahlallah Leyen Michel Macron Scholz Starmer
Meloni Trump Stoltenberg Baerbock Sikorski Landsbergis Rinkevics Tsahkna Stubb Kristersson Frederiksen Fiala
Fico Orban Nauseda Hwang Kim Lee Yoon Guterres Grossi Tusk Duda Sandu Erdogan Harris Biden Cameron Lammy
`);

/** Slavic surname pieces; combined they give thousands of rare surnames with transliteration variants. */
const SURNAME_ROOTS = words(`
Kovalen Shevch Bond Tkach Kraven Melnych Oliyn Savch Rud Moroz Lysen Marchen Kuvshyn Zelen Budan Umer Sybih
Stef Podol Yerm Syrsk Zaluzh Kulyb Shmyh Klym Vereshch Danil Reznik Fedor Hrynch Yakov Pavlen Ostap Bilous
Chernyh Lytvyn Hnatyuk Kozak Voron Demch Kravchuk Prokop Zakharch Yatsen Tymoshch Poroshen Kuchm Sadov Kudryts
Kharch Zhuk Sobol Pylyp Yurch Nazar Oleksiy Horb Dovzh Panas Serh Ivash Mykhail Kyryl Ostrov Shch Khmel
`);
const SURNAME_ENDINGS = words(`ko uk enko yy ov ova ych yuk ets iak nykova skyi ska ovych yshyn ak ukh yn ina`);

const PLACE_STARTS = words(`Novo Staro Velyka Mala Zolo Kras Bilo Cherno Pry Zapo Myko Olek Hor Lys Vol Dnip Sum Pol Kup Izy Khar Ser Ber Tor`);
const PLACE_MIDDLES = words(`hrad pil ri ly sel vod lan mar rich bor dar kov lin tav zir hor myr slav pid dol`);
const PLACE_ENDS = words(`ka ske ivka ove ne yn ets ivsk iv yany ytsia ovo sk ianka`);

function capitalise(w: string): string {
  return w[0]!.toUpperCase() + w.slice(1);
}

/** Synthesised place names (villages, districts): "Novohradivka", "Zolopilske". */
export function synthPlaces(rng: Rng, count: number): string[] {
  const seen = new Set<string>(REAL_PLACES);
  const out: string[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const middle = int(rng, 3) === 0 ? '' : pick(rng, PLACE_MIDDLES);
    const name = capitalise(`${pick(rng, PLACE_STARTS)}${middle}${pick(rng, PLACE_ENDS)}`.toLowerCase());
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/** Synthesised Slavic surnames: "Kuvshynnykova", "Lysenko", "Tkachuk". */
export function synthSurnames(rng: Rng, count: number): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const root = pick(rng, SURNAME_ROOTS);
    const extra = int(rng, 4) === 0 ? pick(rng, ['an', 'el', 'ov', 'in', 'ar', 'yt']) : '';
    const name = `${root}${extra}${pick(rng, SURNAME_ENDINGS)}`;
    if (!seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/** Rare technical and compound words: "counter-battery", "anti-drone", "reconnaissance-strike". */
export function synthRareWords(rng: Rng, count: number): string[] {
  const prefixes = words(`counter anti pre post semi quasi pro inter trans sub super multi`);
  const roots = words(`battery drone sabotage reconnaissance electronic radar logistic offensive sanction legislative
    humanitarian regional territorial maritime industrial financial strategic hypersonic amphibious partisan volunteer`);
  const tails = words(`ism ist ization ology craft ware zone line point group hub`);
  const seen = new Set<string>();
  const out: string[] = [];
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const kind = int(rng, 3);
    const root = pick(rng, roots).replace(/ic$|al$/, '');
    const word = kind === 0 ? `${pick(rng, prefixes)}-${pick(rng, roots)}` : kind === 1 ? `${root}${pick(rng, tails)}` : `${pick(rng, prefixes)}${root}${pick(rng, tails)}`;
    if (!seen.has(word)) {
      seen.add(word);
      out.push(word);
    }
  }
  return out;
}

export function pluralOf(noun: string): string {
  const irregular = IRREGULAR_PLURALS[noun];
  if (irregular) return irregular;
  if (/s$/.test(noun)) return noun;
  if (/(ch|sh|x)$/.test(noun)) return `${noun}es`;
  if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
  return `${noun}s`;
}

export function pastOf(verb: string): string {
  const irregular = IRREGULAR_PAST[verb];
  if (irregular) return irregular;
  if (/e$/.test(verb)) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (/^(stop|plan|ban|drop)$/.test(verb)) return `${verb}${verb.at(-1)}ed`;
  return `${verb}ed`;
}

export function thirdPersonOf(verb: string): string {
  if (/(s|sh|ch|x|o)$/.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

export function gerundOf(verb: string): string {
  if (/ie$/.test(verb)) return `${verb.slice(0, -2)}ying`;
  if (/[^e]e$/.test(verb) && verb !== 'see') return `${verb.slice(0, -1)}ing`;
  if (/^(stop|plan|ban|drop|hit|cut|win|run|set)$/.test(verb)) return `${verb}${verb.at(-1)}ing`;
  return `${verb}ing`;
}

/**
 * Transliteration variants of a Ukrainian name as different outlets spell it:
 * Zelenskyy / Zelensky / Zelenskiy, Kuvshynnykova / Kuvshinnikova, Andrii / Andriy.
 */
export function transliterationVariants(name: string): string[] {
  const rules: [RegExp, string][] = [
    [/yy$/, 'y'],
    [/yy$/, 'iy'],
    [/skyi$/, 'sky'],
    [/skyi$/, 'skiy'],
    [/ii$/, 'iy'],
    [/ii/, 'i'],
    [/y(?=[^aeiouy])/g, 'i'],
    [/kh/g, 'h'],
    [/Kh/g, 'H'],
    [/(?<![sczkSCZK])h(?=[aeiouy])/g, 'g'], // Hnatyuk / Gnatyuk; never inside sh, ch, zh, kh
    [/iu/g, 'yu'],
    [/ia$/, 'iya'],
    [/ts/g, 'tz'],
    [/nn/g, 'n'],
    [/yi/g, 'iy'],
    [/zh/g, 'j'],
    [/ch$/, 'tch'],
  ];
  const out: string[] = [];
  for (const [pattern, replacement] of rules) {
    const variant = name.replace(pattern, replacement);
    if (variant !== name && !out.includes(variant)) out.push(variant);
  }
  // Two rules at once, as real transliterations often differ in several letters.
  if (out.length >= 2) {
    const both = out[0]!.replace(/y(?=[^aeiouy])/g, 'i');
    if (both !== name && !out.includes(both)) out.push(both);
  }
  return out;
}

/** A one-edit typo of `word` (a swapped, dropped or doubled letter), deterministic in `salt`. */
export function typoOf(word: string, salt: number): string {
  if (word.length < 4) return `${word}${word.at(-1)}`;
  const at = 1 + (salt % (word.length - 2));
  switch (salt % 3) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + word[at] + word.slice(at);
  }
}

/** The vocabulary the generator draws from, built once per seed. */
export interface Vocabulary {
  nouns: string[];
  verbs: string[];
  adjectives: string[];
  adverbs: string[];
  places: string[];
  surnames: string[];
  rareWords: string[];
}

export function buildVocabulary(seed: number): Vocabulary {
  const rng = rngFor(seed, 1);
  const places = [...REAL_PLACES, ...synthPlaces(rng, 4000)];
  return {
    nouns: [...new Set(NOUNS)],
    verbs: [...new Set(VERBS)],
    adjectives: [...new Set(ADJECTIVES)],
    adverbs: [...new Set(ADVERBS)],
    places,
    surnames: synthSurnames(rng, 2500),
    rareWords: synthRareWords(rng, 1500),
  };
}
