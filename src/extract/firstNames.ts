/**
 * Given names that mark a person's gender in news English, so "she said" is
 * never resolved to a man named just before. Only names that are
 * overwhelmingly of one gender across English-language news are listed;
 * ambiguous ones (Jordan, Kim, Alex, Taylor, Jean, Robin, Leslie, Dana, …)
 * are left out on purpose: an unknown gender rules nobody out.
 */
import { createRequire } from 'node:module';
import { memoized } from '../text/memo.js';

const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

const FEMALE_NAMES = words(`
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
  kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
  amy shirley angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel catherine carolyn
  janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn judith megan
  cheryl andrea hannah martha jacqueline gloria teresa ann sara madison frances kathryn janice jean abigail alice
  judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte
  marie kayla alexis lori hillary hilary chelsea ivanka melania michelle nancy elizabeth kellyanne huma donna
  debbie tammy kirsten tulsi kamala nikki condoleezza sarah theresa nicola ruth harriet yvette angela priti liz
  anneliese jacinda justine chrystia catherine melanie francoise françoise marine segolene ségolène angela ursula
  annalena kaja ingrid margrethe olena oksana iryna yulia tetiana svitlana natalia natalya nataliya olga tatiana
  lyudmila ludmila galina irina maria elena yelena anastasia marina valentina alla larisa viktoria victoriya
  fatima aisha ayesha mariam maryam leila layla noor zainab priya anjali sunita indira meera deepika aarti
  mei ling ying xiaoling yuko yoko keiko haruka sakura ji-yeon min-ji seo-yeon
  sophie chloe lucy amelia ella jessica ellie holly bethany georgia imogen eleanor rosie phoebe zoe zoë freya
  isla poppy molly gemma kirsty siobhan aoife niamh sinead sinéad mairead caoimhe bridget colleen maureen eileen
  claire clare louise fiona alison alyson morag shona ailsa eilidh
  mireille genevieve geneviève isabelle nathalie sylvie valerie valérie sandrine chantal josee josée
  carmen lucia lucía rosa pilar beatriz marta alejandra gabriela mariana valeria daniela camila fernanda
  giulia francesca chiara elena alessandra federica silvia paola
  ingrid astrid sigrid karin birgit ulrike petra sabine monika claudia
  rita wanda barbara agnieszka katarzyna malgorzata małgorzata joanna magdalena
  ava mia harper evelyn abigail ella scarlett aria chloe penelope layla riley nora lily eleanor hazel aurora
  violet stella natalie zoey leah audrey savannah brooklyn bella claire skylar lucy paisley everly caroline
  nova genesis emilia kennedy maya willow kinsley naomi aaliyah elena ariana allison gabriella alice madelyn
  cora ruby eva serenity autumn adeline hailey gianna valentina isla eliana quinn nevaeh ivy sadie piper lydia
  alexa josephine emery julia delilah arianna vivian kaylee sophie brielle madeline peyton rylee clara hadley
  melanie mackenzie reagan adalynn liliana aubree jade katherine isabelle natalia raelynn maria athena ximena
  arya leilani taylor faith rose kylie alexandra mary margaret lyla ashley amaya eliza brianna bailey andrea
  khloe jasmine melody iris isabel norah annabelle valeria emerson adalyn ryleigh eden emersyn anastasia kayla
  alyssa juliana charlie esther ariel cecilia valerie alina molly reese aliyah lilly parker finley morgan
  sydney jordyn eloise trinity daisy kimberly lauren genevieve sara arabella harmony elise remi teagan
  alexis london sloane laila lucia diana juliette sienna elliana londyn ayla callie gracie josie amara jocelyn
  daniela everleigh mya rachel summer alana brooke alaina mckenzie catalina amira daniella mariah rebecca
  stephany stacey tracy tracey wendy yvonne gwen gwendolyn gail gayle joy kathy cathy kate katie kathie becky
  peggy sally sue suzanne susanne jill jane janet joanne jo-ann joann lynn lynne marcia marsha noreen
`);

const MALE_NAMES = words(`
  james robert john michael david william richard joseph thomas charles christopher daniel matthew anthony mark
  donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
  nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
  jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy
  christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse bryan billy joe
  bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
  philip phillip louis barack bernie mitch chuck marco ted rand jeb mike tim newt rudy reince sean kellyanne
  bill hillary boris jeremy keir rishi nigel dominic tony gordon david theresa liam
  vladimir volodymyr dmytro dmitry dmitri sergei sergey serhiy oleksandr olexander andriy andrii mykola mykhailo
  mikhail ivan igor ihor yuri yuriy yury oleg oleh petro pyotr viktor victor vitali vitaliy vasyl vasily
  kyrylo kirill denys denis maksym maxim roman ruslan taras bohdan bogdan arseniy arseny anatoliy anatoly
  lloyd antony rex jens emmanuel olaf friedrich markus rishi justin pierre jean-yves francois françois
  mohammed muhammad mohammad ahmed ahmad ali omar hassan hussein mahmoud khalid abdullah ibrahim youssef yusuf
  mustafa tariq imran nawaz recep tayyip
  raj rahul amit sanjay vijay narendra rajesh suresh arvind anil sunil manmohan
  wei jun hao jian xi li-wei hiroshi takeshi kenji shinzo fumio yoshihide jae-in yoon suk-yeol yong-hyun
  jong-un min-ho
  oliver harry george charlie jacob alfie freddie archie theo leo oscar arthur henry finley toby joshua
  alastair alistair angus hamish callum euan ewan fraser ross duncan gavin craig stuart iain ian graeme
  declan ciaran cian padraig seamus sean eoin niall conor liam brendan
  jean-luc luc andre andré francois philippe stephane stéphane nicolas yves michel alain jacques gerard gérard
  carlos luis miguel jorge pedro javier alejandro fernando ricardo manuel rafael andres andrés pablo diego
  giuseppe giovanni marco matteo luca alessandro andrea lorenzo francesco sergio mario
  hans klaus jurgen jürgen wolfgang helmut gerhard dieter uwe horst heinz
  jan piotr pawel paweł krzysztof tomasz andrzej marek wojciech
  liam noah oliver elijah lucas levi mateo asher ezra hudson luca grayson sebastian jackson carter wyatt
  owen theodore caleb isaiah julian hunter landon eli maverick everett colton jaxon cooper jameson nolan
  lincoln easton silas miles axel josiah adrian bennett ryder emmett declan waylon ezekiel beau brooks
  brady cole colin connor cody travis troy trevor todd chad brad bradley shane shawn dustin derek derrick
  darren dale glenn glen curtis craig clint clinton marvin melvin leroy lamar malik tyrone darnell
  reginald rodney jerome maurice cedric andre terrence terence
`);

/** 'f' or 'm' when the given name marks a gender, else null. */
export function genderOfGivenName(name: string): 'm' | 'f' | null {
  const low = name.toLowerCase().replace(/[.’']/g, '');
  const f = FEMALE_NAMES.has(low);
  const m = MALE_NAMES.has(low);
  if (f === m) {
    // "Louis-Philippe", "Marie-Claude": a compound given name the lists do not hold has its first name's gender.
    // A first name worn by both sexes across languages ("Jean-Marie" is a man in French) leaves it open.
    const compound = !f ? compoundGivenName(name) : null;
    return compound !== null && !SHARED_NAMES.has(compound[0]!.toLowerCase()) ? genderOfGivenName(compound[0]!) : null;
  }
  return f ? 'f' : 'm';
}

/**
 * Given names whose gender differs between countries or is shared (Andrea is a man in Italy, Jan in
 * Poland, Yuri in Russia; Jordan, Kim, Alex anywhere): the census list below never decides them.
 */
const SHARED_NAMES = words(`
  jordan kim alex alexis taylor jean robin leslie lesley dana casey morgan jamie sam chris pat terry kelly lynn
  shannon tracy tracey sasha andrea nicola simone michele daniele yuri nikita mandeep jan jesse jessie avery riley
  quinn reese skyler skylar charlie frankie billie toni kris lee drew cameron blair carey kerry kendall kennedy
  peyton rowan sage sidney sydney parker emerson hayden harper marion evelyn jody jodie jackie kai eden ariel angel
  dominique claude camille noor ali maxime valery gabriele jaime jade luca rene renee rené remy rémy sascha
  kiran amal nour rana hanan ayan shay shea devon devin dale glenn sandy mickey ricky bobbie georgie stevie
  tony terri teri jo joey kit lou val bernie mel ray rae morgan logan tatum ashton addison aubrey
`);

/** The census list of `gender-detection-from-name` (about 32,500 English-language given names), loaded on first use. */
let census: ReadonlyMap<string, string> | null = null;

function censusGender(low: string): 'm' | 'f' | null {
  census ??= createRequire(import.meta.url)('gender-detection-from-name/names/en.js') as ReadonlyMap<string, string>;
  const gender = census.get(low);
  return gender === 'male' ? 'm' : gender === 'female' ? 'f' : null;
}

/**
 * The gender a person's full name marks, from its first word: this file's lists first, then the census
 * list for names they do not hold ("Dwight Keeping", "Anita Rao-Desmond"), never for a shared name. The
 * census list also holds words such as "Chief", "North" or "Paris", so it is read only for the first word
 * of a name of two words or more, never for one word standing alone ("Clinton" may be a surname).
 */
export const genderOfFullName = memoized(fullNameGender);

function fullNameGender(name: string): 'm' | 'f' | null {
  const parts = name.split(/\s+/).filter((w) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(w));
  const first = parts[0] ?? '';
  if (parts.length >= 2 && FAMILY_NAMES_WRITTEN_FIRST.has(first.toLowerCase())) return givenNamesGender(parts.slice(1));
  // Sikh names: "Kaur" after the given name is a woman's ("Amrit Kaur Bains"), "Singh" before a surname a man's; the
  // given names themselves are mostly worn by both.
  const after = parts.slice(1).map((w) => w.toLowerCase());
  if (after.includes('kaur')) return 'f';
  if (after.length >= 2 && after[0] === 'singh') return 'm';
  const listed = genderOfGivenName(first);
  if (listed !== null || parts.length < 2) return listed;
  const low = foldAccents(first.toLowerCase().replace(/[.’']/g, ''));
  if (low.length < 2 || SHARED_NAMES.has(low) || FEMALE_NAMES.has(low) || MALE_NAMES.has(low)) return null;
  return censusGender(low);
}

/**
 * Common Korean, Chinese and Vietnamese family names, written before the given names ("Park Ji-yeon", "Nguyen Thi
 * Lan"): the first word of such a name says nothing of its bearer's gender (the census list reads "Park" as a man's).
 */
const FAMILY_NAMES_WRITTEN_FIRST = words(`
  park kim lee choi jung jeong kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song yoo hong jeon ko moon
  yang son bae baek heo nam wang zhang liu chen huang zhao zhou xu sun zhu guo lin luo gao zheng xie tang feng
  nguyen tran pham hoang huynh phan vu vo dang bui ngo duong ly trinh dinh
`);

/**
 * The gender the given names after a family name mark: Vietnamese "Thi" a woman's, "Van" a man's; a hyphenated
 * Korean given name ("Ji-yeon") or one given name as the lists know it; else unknown.
 */
function givenNamesGender(given: string[]): 'm' | 'f' | null {
  const second = given[0]!.toLowerCase();
  if (second === 'thi') return 'f';
  if (second === 'van') return 'm';
  return given.length === 1 ? genderOfGivenName(given[0]!) : null;
}

/** A word this file's lists know as a given name (not the census list, which also holds "Paris" and "Lake"). */
/** "Louis-Philippe", "Anne-Marie": two given names the lists hold, joined by a hyphen (not "Taylor-Johnson"); else null. */
function compoundGivenName(word: string): string[] | null {
  if (!word.includes('-')) return null;
  const parts = word.split('-');
  return parts.length === 2 && parts.every((part) => /^\p{Lu}\p{Ll}+$/u.test(part) && isListedGivenName(part)) ? parts : null;
}

export function isListedGivenName(word: string): boolean {
  if (compoundGivenName(word) !== null) return true;
  const low = foldAccents(word.toLowerCase().replace(/[.’']/g, ''));
  return FEMALE_NAMES.has(low) || MALE_NAMES.has(low) || SHARED_NAMES.has(low);
}

/** A word the lists or the census list know as a given name (either gender, shared ones included). */
export function isKnownGivenName(word: string): boolean {
  return isListedGivenName(word) || censusGender(foldAccents(word.toLowerCase().replace(/[.’']/g, ''))) !== null;
}

/** "Inés" → "ines", "Émilie" → "emilie": the census list is written without accents. */
function foldAccents(word: string): string {
  return word.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
