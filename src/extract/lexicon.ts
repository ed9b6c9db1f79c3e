/**
 * Word lists the attribution rules rely on. Closed-class and news-register
 * vocabulary only: no people, so nothing here needs updating when new names
 * appear in the corpus. All entries lower-case.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s+/));

/** What a reporting verb form does to the statement around it. */
export interface CueInfo {
  lemma: string;
  /** The verb itself carries a stance ("confirmed", "denied"). */
  stance?: 'confirms' | 'denies';
  /** Takes a hearer before the content: "told reporters that …". */
  recipient?: boolean;
  /** Also a common plural noun ("reports", "claims", "notes"): only a cue when a clause or quote follows. */
  nounLike?: boolean;
  /** Needs a that-clause, colon or quote to report speech ("believes", "called", "remembers"). */
  needsClause?: boolean;
  /** -ing form continuing the previous subject: ", adding that …". */
  participle?: boolean;
  /** Takes an object as readily as a clause ("added more troops", "noted the date"): before its content only "that", a colon or a quote. */
  objectFirst?: boolean;
}

/** Forms of a verb: base, -s, past (= participle), -ing. */
function forms(lemma: string, third: string, past: string, ing: string, info: Omit<CueInfo, 'lemma' | 'participle'> = {}): [string, CueInfo][] {
  return [
    [lemma, { lemma, ...info }],
    [third, { lemma, ...info }],
    [past, { lemma, ...info }],
    [ing, { lemma, ...info, participle: true }],
  ];
}

/** Reporting verbs by surface form. */
export const CUES: ReadonlyMap<string, CueInfo> = new Map<string, CueInfo>([
  ...forms('say', 'says', 'said', 'saying'),
  ...forms('tell', 'tells', 'told', 'telling', { recipient: true }),
  ...forms('state', 'states', 'stated', 'stating', { nounLike: true }),
  ...forms('stress', 'stresses', 'stressed', 'stressing'),
  ...forms('note', 'notes', 'noted', 'noting', { nounLike: true, objectFirst: true }),
  ...forms('recall', 'recalls', 'recalled', 'recalling', { objectFirst: true }),
  ...forms('add', 'adds', 'added', 'adding', { objectFirst: true }),
  ...forms('believe', 'believes', 'believed', 'believing', { needsClause: true }),
  ...forms('write', 'writes', 'wrote', 'writing'),
  ...forms('announce', 'announces', 'announced', 'announcing'),
  ...forms('confirm', 'confirms', 'confirmed', 'confirming', { stance: 'confirms' }),
  ...forms('explain', 'explains', 'explained', 'explaining'),
  ...forms('conclude', 'concludes', 'concluded', 'concluding'),
  ...forms('remind', 'reminds', 'reminded', 'reminding'),
  ...forms('warn', 'warns', 'warned', 'warning'),
  ...forms('insist', 'insists', 'insisted', 'insisting'),
  ...forms('report', 'reports', 'reported', 'reporting', { nounLike: true }),
  ...forms('inform', 'informs', 'informed', 'informing', { recipient: true }),
  ...forms('claim', 'claims', 'claimed', 'claiming', { nounLike: true }),
  ...forms('argue', 'argues', 'argued', 'arguing'),
  ...forms('emphasize', 'emphasizes', 'emphasized', 'emphasizing'),
  ...forms('emphasise', 'emphasises', 'emphasised', 'emphasising'),
  ...forms('admit', 'admits', 'admitted', 'admitting'),
  ...forms('deny', 'denies', 'denied', 'denying', { stance: 'denies' }),
  ...forms('suggest', 'suggests', 'suggested', 'suggesting'),
  ...forms('reveal', 'reveals', 'revealed', 'revealing'),
  ...forms('acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'),
  ...forms('estimate', 'estimates', 'estimated', 'estimating', { nounLike: true }),
  ...forms('urge', 'urges', 'urged', 'urging'),
  ...forms('call', 'calls', 'called', 'calling', { needsClause: true, nounLike: true }),
  ...forms('testify', 'testifies', 'testified', 'testifying'),
  ...forms('assert', 'asserts', 'asserted', 'asserting'),
  ...forms('declare', 'declares', 'declared', 'declaring'),
  ...forms('observe', 'observes', 'observed', 'observing'),
  ...forms('predict', 'predicts', 'predicted', 'predicting'),
  ...forms('caution', 'cautions', 'cautioned', 'cautioning'),
  ...forms('contend', 'contends', 'contended', 'contending'),
  ...forms('maintain', 'maintains', 'maintained', 'maintaining', { needsClause: true }),
  ...forms('remark', 'remarks', 'remarked', 'remarking', { nounLike: true }),
  ...forms('comment', 'comments', 'commented', 'commenting', { needsClause: true, nounLike: true }),
  ...forms('mention', 'mentions', 'mentioned', 'mentioning', { needsClause: true }),
  ...forms('disclose', 'discloses', 'disclosed', 'disclosing'),
  ...forms('allege', 'alleges', 'alleged', 'alleging'),
  ...forms('complain', 'complains', 'complained', 'complaining'),
  ...forms('concede', 'concedes', 'conceded', 'conceding'),
  ...forms('assure', 'assures', 'assured', 'assuring', { recipient: true }),
  ...forms('promise', 'promises', 'promised', 'promising', { needsClause: true }),
  ...forms('vow', 'vows', 'vowed', 'vowing', { needsClause: true }),
  ...forms('indicate', 'indicates', 'indicated', 'indicating', { needsClause: true }),
  ...forms('reply', 'replies', 'replied', 'replying'),
  ...forms('answer', 'answers', 'answered', 'answering', { needsClause: true }),
  // "\"Who decided she gets a pass?\" Simms-Whitfield asked", "asked: \"…?\"": a question in the asker's words (frames.ts
  // reads no "asked whether …", which asserts nothing, nor "asked him to resign", a request).
  ...forms('ask', 'asks', 'asked', 'asking', { recipient: true, needsClause: true }),
  ...forms('shout', 'shouts', 'shouted', 'shouting', { needsClause: true }),
  ...forms('respond', 'responds', 'responded', 'responding', { needsClause: true }),
  ...forms('tweet', 'tweets', 'tweeted', 'tweeting', { nounLike: true }),
  ...forms('remember', 'remembers', 'remembered', 'remembering', { needsClause: true }),
  ...forms('point', 'points', 'pointed', 'pointing', { needsClause: true, nounLike: true }),
  // "shot back that …", "fired back:": only with "back" (frames.ts), and a clause after it.
  ...forms('shoot', 'shoots', 'shot', 'shooting', { needsClause: true }),
  ...forms('fire', 'fires', 'fired', 'firing', { needsClause: true }),
  ...forms('stress', 'stresses', 'stressed', 'stressing'),
  ...forms('dispute', 'disputes', 'disputed', 'disputing', { stance: 'denies', needsClause: true }),
  ...forms('reject', 'rejects', 'rejected', 'rejecting', { stance: 'denies', needsClause: true }),
  ...forms('counter', 'counters', 'countered', 'countering'),
  ...forms('retort', 'retorts', 'retorted', 'retorting'),
  ...forms('quip', 'quips', 'quipped', 'quipping'),
  ...forms('joke', 'jokes', 'joked', 'joking', { needsClause: true }),
  ...forms('boast', 'boasts', 'boasted', 'boasting', { needsClause: true }),
  ...forms('recount', 'recounts', 'recounted', 'recounting', { needsClause: true }),
  ...forms('lament', 'laments', 'lamented', 'lamenting', { needsClause: true }),
  ...forms('pledge', 'pledges', 'pledged', 'pledging', { needsClause: true }),
  ...forms('agree', 'agrees', 'agreed', 'agreeing', { needsClause: true }),
  ...forms('demand', 'demands', 'demanded', 'demanding', { needsClause: true, nounLike: true }),
  // Documents report too: "the survey found that …", "the figures showed that …".
  ...forms('find', 'finds', 'found', 'finding', { needsClause: true }),
  ...forms('show', 'shows', 'showed', 'showing', { needsClause: true }),
]);

/** Words skipped between the subject and the cue: "has also previously said". */
export const PRE_CUE_SKIP = set(`
  has have had also previously recently earlier later then again repeatedly once already further publicly first
  himself herself itself themselves reportedly initially subsequently now today yesterday tonight just since long
  separately similarly likewise elsewhere meanwhile however additionally also, not never did does do will would
`);

/** Heads of adverbial phrases that can sit between a cue and its content: "said on Monday that". */
export const ADVERBIAL_PREPOSITIONS = set('on in at during after before via through over while from amid under to with for by');

/** Nouns naming the occasion of speech: "said in a statement", "told reporters at a briefing". */
export const OCCASION_WORDS = set(`
  statement interview email e-mail briefing conference news video post message letter speech address meeting session
  hearing call phone telephone television tv radio podcast broadcast remarks comments comment tweet x twitter facebook
  telegram website blog op-ed column press release report filing court documents note cross-examination testimony
  appearance rally summit visit talks trip forum
`);

export { MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS } from '../text/calendar.js';

/** Words for when: skipped around cues, never names. */
export const TIME_WORDS = set(`
  monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow morning afternoon evening
  night week weekend month year earlier later recently previously overnight
  january february march april may june july august september october november december
`);

/** First words of a sentence-initial adverbial ("On 17 October,", "Earlier,", "To recap,"): never part of a subject. */
export const INTRO_WORDS = set(`
  on in at during after before earlier later subsequently meanwhile recently previously today yesterday also however
  moreover furthermore additionally separately elsewhere then now since for following speaking answering asked
  responding commenting addressing writing to as when while despite last this that nevertheless still yet thus
  therefore so and but instead similarly likewise notably finally first second third again once overall indeed
  under amid with without by from through within ahead over until in particular specifically according
  just shortly soon afterwards afterward back there here thereafter tomorrow tonight already eventually
`);

/** Auxiliaries and copulas: a comma-separated chunk holding one (outside a who/which clause) is a clause, not an apposition. */
export const FINITE_VERBS = set(`
  is are was were has have had will would can could may might must should shall do does did am
  isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't mustn't shouldn't doesn't didn't
`);

/** Boundaries of a subject phrase, walking back from the cue. */
/** Adverbs that stress who spoke without naming anyone, never part of a name: "Even the Reserve Bank said …". */
export const FOCUS_ADVERBS = set('even only also');
/** Words opening a subordinate clause before the main one: "When Harwell was asked …, she said", "When X asked: "…?", Y said". */
export const SUBORDINATORS = set('when after as before while once since although though because until if');
export const CLAUSE_BOUNDARY_WORDS = set('that which whereas because although though if unless whether');
/** Conjunctions that start a new clause when they follow a comma or open the sentence. */
export const CLAUSE_CONJUNCTIONS = set('and but or while as so yet');

export const PERSON_PRONOUNS: ReadonlyMap<string, 'm' | 'f' | null> = new Map([
  ['he', 'm'],
  ['she', 'f'],
]);
export const ORG_PRONOUNS = set('it they');
/** The publisher's own voice ("We will remind that …"): never a speaker outside quotes. */
export const PUBLISHER_PRONOUNS = set('we i you us one');

/** Titles and role words that precede or stand for a person's name. */
export const PERSON_TITLE_WORDS = set(`
  president prime minister secretary general chancellor governor mayor senator sen rep representative ambassador
  director chief head spokesman spokeswoman spokesperson commander gen col sgt lt capt dr prof mr mrs ms mx cllr
  sheriff judge justice officer coun const det insp supt cpl chairman chairwoman chair chairperson ceo cfo coo cto coach analyst meteorologist
  prince princess king queen pope sir dame lord lady brigadier colonel major lieutenant sergeant captain admiral
  deputy acting vice permanent speaker leader member executive financial operating principal administrator attorney
  lawyer economist professor envoy official defense defence foreign energy transportation interior finance health
  councillor councilman councilwoman council senior assistant associate pastor rabbi bishop archbishop imam cardinal
  detective inspector superintendent constable trooper agent founder owner manager premier mp mep mla mpp mna msp rapporteur
  commissioner marshal counsel solicitor barrister researcher scientist hydrologist cardiologist physician doctor
  nurse teacher author editor correspondent reporter columnist adviser advisor aide strategist diplomat
  minister-president president-elect secretary-general vice-president deputy-head general-secretary
  cabinet communities emeritus state foreign-affairs affairs intelligence military army navy air force first
  lance private corporal fire police chief-executive host anchor father sister brother
  recorder pundit parent clerk treasurer assessor comptroller registrar supervisor alderman ald reeve assemblyman
  assemblywoman delegate trustee selectman magistrate bailiff warden chaplain reverend rev imam surgeon paramedic
  firefighter ranger pilot skipper striker midfielder defender goalkeeper quarterback pitcher commentator presenter
  broadcaster columnist critic historian lecturer engineer architect designer artist singer actor actress novelist
  poet playwright producer chef farmer fisherman boss headteacher headmaster headmistress mediator negotiator
  campaigner activist organiser organizer volunteer veteran coroner examiner auditor investigator geologist
  biologist physicist chemist astronomer epidemiologist virologist psychologist psychiatrist pharmacist dentist
  economist strategist pollster consultant entrepreneur investor banker trader broker accountant developer
  former ex late democrat republican libertarian incumbent challenger candidate nominee gov lt congressman congresswoman
  moderator interviewer shadow backbencher frontbencher whip ombudsman ombudswoman ombudsperson
  td collector shri smt shrimati datuk dato datin seri alhaji alhaja mk hon nana togbe cr venerable ven dci dsi
  councilmember councilperson alderperson alderwoman selectwoman assemblymember freeholder legislator
  sheikh sheikha emir aunty auntie uncle ds dc pc pcso garda
`);

/**
 * Portfolios written capitalised inside a title ("Deputy Minister of Industry and Trade Tran Quoc Hung", "Senior
 * Minister of State for Manpower Lim Hui Ling"): never part of the name that follows.
 */
export const PORTFOLIO_NOUNS = set(`
  trade industry operations assessment manpower development infrastructure transport education labour labor
  agriculture environment tourism culture housing immigration employment commerce planning science technology
  innovation fisheries forestry mines revenue customs welfare youth sports communications information digital economy
  budget relations resources works lands veterans consumer justice elections corrections
`);

/** Title words that name a portfolio or a service, never a person on their own ("Health Minister", "Air Force"). */
export const PORTFOLIO_WORDS = set(`
  health energy transportation interior finance defense defence foreign cabinet communities state affairs
  foreign-affairs intelligence military army navy air force fire police first financial operating
`);

/** Nouns that refer back to a person already named: "the NATO Secretary General", "the European diplomat". */
export const PERSON_ROLE_NOUNS = set(`
  spokesman spokeswoman spokesperson official diplomat minister secretary general president representative envoy
  ambassador chief head director commander leader chancellor premier mayor governor senator lawmaker legislator
  analyst expert professor lawyer attorney judge prosecutor officer chairman chairwoman chair executive ceo founder
  coach manager principal teacher doctor researcher scientist economist adviser advisor aide clerk sheriff captain
  colonel sergeant lieutenant admiral marshal inspector detective councillor councilor politician candidate nominee
  activist campaigner negotiator meteorologist hydrologist cardiologist physician author barrister solicitor counsel
  commissioner rapporteur deputy mp mep king queen prince princess pope bishop pastor administrator strategist
  chairperson superintendent constable coroner examiner paramedic ranger warden curator auditor investigator
  headteacher headmaster headmistress chaplain boss pundit commentator recorder treasurer registrar supervisor
  trustee delegate magistrate surgeon pilot skipper captain striker manager geologist biologist physicist chemist
  astronomer epidemiologist virologist psychologist psychiatrist historian lecturer engineer architect consultant
  broadcaster presenter columnist critic mediator
`);

/** Person nouns that introduce someone new rather than refer back: "The owner, who asked not to be named". */
export const NEW_PERSON_NOUNS = set(`
  owner resident witness neighbour neighbor user customer victim son daughter wife husband mother father brother
  sister friend passenger driver survivor student parent worker employee local villager shopkeeper farmer fan man
  woman boy girl child patient client claimant defendant plaintiff voter volunteer organiser organizer relative
  tourist visitor pilot soldier veteran refugee keeper
`);

/** Plural nouns for groups that speak: "officials said", "police say", "Latvian officials". */
export const GROUP_NOUNS = set(`
  officials authorities police sources analysts experts residents witnesses investigators researchers scientists
  lawmakers legislators diplomats officers prosecutors activists critics observers protesters organisers organizers
  parents teachers headteachers doctors nurses workers employees people media allies forces rebels militants troops
  groups unions leaders ministers members campaigners economists traders insiders aides advisers advisors
  negotiators engineers farmers students voters locals villagers survivors relatives families neighbours neighbors
  users customers fans monitors crews rescuers firefighters staff managers executives spokespeople representatives
  agencies governments countries states partners officers regulators economists inspectors prosecutors authorities
  planners commentators pollsters strategists observers intelligence services industry advocates supporters
  opponents mediators companies firms banks airlines ministries parties lenders insurers retailers carmakers
  automakers manufacturers broadcasters newspapers outlets hospitals schools universities councils negotiators
  prosecutors defenders scientists geologists astronomers doctors physicians clinicians economists bankers
  traders investors landlords tenants farmers fishermen shoppers drivers passengers commuters patients
`);

/** Nouns that name an organisation when used as a definite description: "the company", "the agency". */
export const ORG_ROLE_NOUNS = set(`
  company firm agency airline carrier ministry department council government administration authority group union
  alliance organisation organization party bank army military office committee commission court tribunal newspaper
  paper outlet broadcaster channel network association federation institute university hospital school club team
  league board mission bloc movement service embassy city county district utility manufacturer automaker carmaker
  retailer operator developer regulator watchdog exchange fund bureau publication magazine website site insurer
  lender charity foundation trust coalition campaign business store bakery restaurant plant factory startup
  brigade regiment battalion unit command
`);

/** Words for things, not agents: "according to available information", "customs data showed". */
export const NON_AGENT_NOUNS = set(`
  information data documents document records record report reports estimates estimate figures figure study studies
  research survey poll polls analysis statistics findings evidence footage images video videos photos intelligence
  calculations projections forecast forecasts filings filing release releases statement statements letter letters
  papers paper assessment assessments census results tally count numbers column editorial editorials
  memo memorandum minutes transcript
`);

/** "a memo obtained by the Post": who saw, obtained or quoted a document did not issue it. */
export const SEEN_BY = set('reviewed obtained seen viewed leaked cited quoted');

/** The legal form that ends a company's name ("Inc.", "Ltd", "GmbH"): what comes before it is the name it goes by. */
export const LEGAL_FORMS = set('inc incorporated ltd limited llc llp plc corp co sa ag nv gmbh bv asa oyj ab sab kk bhd pte pty srl sarl sas spa ulc');

/** Capitalised words that end (or are) an organisation's name. */
export const ORG_NAME_WORDS = set(`
  sa ag nv spa gmbh bv asa oyj sab kk bhd pte pty srl sarl sas
  county health post times journal guardian telegraph independent herald tribune gazette echo chronicle news press agency service
  services ministry department council commission committee office administration association federation alliance
  union organisation organization institute university college school hospital bank fund group party court police
  army navy forces force corps guard company corporation inc ltd llc plc corp co airlines airways energy motors
  media network broadcasting channel radio television tv foundation society center centre directorate staff
  authority board bureau parliament congress senate assembly government cabinet kremlin pentagon treasury mission
  embassy observatory program programme project initiative coalition club team league church reserve exchange
  secretariat command brigade battalion division regiment district station trust partnership commonwealth
  republic federation alliance union nations house street hall court agency reuters interfax ukrinform tass ria
  xinhua yonhap kyodo afp ap bloomberg cnn bbc nbc cbs abc npr politico axios nato osce opec eu un who imf
  railways railway police department bureau labs lab brands foods technologies technology systems solutions partners
  capital holdings industries pharmaceuticals pharma therapeutics ventures studios networks software robotics
  logistics resources mining oil gas petroleum electric power telecom communications entertainment games insurance
  bancorp financial securities investments motors automotive aerospace airlines airways express shipping
  enterprises manufacturing chemicals steel semiconductor semiconductors microsystems dynamics analytics
  consulting associates llp federation forum fund foundation trust institute clinic hospital university
  courier observer mirror mail globe dispatch ledger sentinel examiner inquirer courant bulletin spectator
  monitor review standard campaign rada headquarters duma knesset bundestag seimas sejm verkhovna
  railroad railroads resort resorts hotel hotels casino airport airline fc afc midstream mobility utilities utility
  hydro cooperative co-op brewery brewing museum gallery library orchestra opera ballet theatre theater festival
  laboratories laboratory biosciences diagnostics healthcare electronics aviation pipelines nation tribe iwi
`);

/** Single words that are organisations on their own (news agencies, institutions known by one name). */
export const KNOWN_ORGS = set(`
  reuters interfax ukrinform tass ria xinhua yonhap kyodo afp ap bloomberg cnn bbc nbc cbs abc npr politico axios
  kremlin pentagon treasury nato osce opec opec+ eu un who imf unicef unhcr europol interpol frontex amnesty
  greenpeace oxfam hamas hezbollah taliban wagner gazprom naftogaz ukrenergo rosatom iaea fbi cia nsa sbu gur
  washington moscow kyiv beijing london paris berlin brussels tokyo seoul pyongyang tehran ankara warsaw
`);

/** Generational suffixes, part of a name: "Donald Trump Jr." is not his father. */
export const GENERATIONAL_SUFFIXES = set('jr sr ii iii iv');

/**
 * Letters after a name that are not part of it: honours, offices, degrees ("Richard Howe KC", "Brendan Smith TD"),
 * and a judge's style in Commonwealth reports ("Ahenakew J." is Justice Ahenakew; "Wagner CJ", "Rowe JA").
 */
export const POSTNOMINAL_LETTERS = set(`
  kc qc sc mp mep msp mla mpp mha td obe mbe cbe kbe dbe frs phd md esq
  j cj ja jj acj cjc
`);

/** "Jr.", "III": a generational suffix (any case, with or without its dot). */
export function isGenerational(word: string): boolean {
  // The longest suffix is "iii." (four characters): most words are rejected without a copy.
  return word.length <= 4 && GENERATIONAL_SUFFIXES.has(word.toLowerCase().replace(/\.$/, ''));
}

/** A surname with a lower-case Arabic article: "al-Rashidi", "el-Sayed", "bin-Talal". */
export const ARABIC_ARTICLE_NAME = /^(?:al|el|ad|ash|as|at|az|bin|ibn|abu|abd)-\p{Lu}/u;

/** "al-Rashidi", "bin-Salman": the pattern tried only where a hyphen can make it match (it runs on every token). */
export function isArabicArticleName(text: string): boolean {
  return text.includes('-') && ARABIC_ARTICLE_NAME.test(text);
}

/** Lower-case particles inside personal names: "Abdulaziz bin Salman", "Ursula von der Leyen". */
export const NAME_PARTICLES = set('bin bint ibn al el de del della der den di da du la le van von ter ten dos das st ap ab');

/** Verbs of proposition that make "It is/was X that" an unattributed report. */
export const IMPERSONAL_REPORT = set('reported said stated claimed announced understood believed known alleged rumoured rumored thought learned learnt');

/** Political parties by the word news writing uses for them ("the Republican nominee", "the Liberal government"). */
export const PARTY_WORDS: ReadonlySet<string> = new Set(['republican', 'democratic', 'democrat', 'gop', 'conservative', 'liberal', 'labour', 'labor', 'tory', 'ndp', 'green', 'libertarian', 'independent', 'socialist', 'progressive']);
