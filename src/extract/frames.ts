/**
 * Attribution frames in one paragraph: for each reporting verb outside the
 * quotes, who is its subject and where its content is.
 *
 *   head:      SUBJECT [adverbs] CUE [hearer] [when/where] (that|:|,) CONTENT
 *   tail:      CONTENT, SUBJECT CUE [hearer] [when].    "…," he said.
 *   inverted:  CONTENT, CUE SUBJECT[, apposition].       "…," said Jane Doe, an analyst at Y.
 *   passive:   this was stated by SUBJECT               (content: the sentence or paragraph before)
 *   back-ref:  SUBJECT said this at a briefing …        (content: the sentence or paragraph before)
 *   impersonal: It was reported that CONTENT / it became known that CONTENT
 *   according: According to SOURCE, CONTENT / CONTENT, according to SOURCE.
 *
 * Positions are UTF-16 indices into the paragraph text.
 */
import {
  ADVERBIAL_PREPOSITIONS,
  CLAUSE_BOUNDARY_WORDS,
  SUBORDINATORS,
  PERSON_TITLE_WORDS,
  CLAUSE_CONJUNCTIONS,
  CUES,
  FINITE_VERBS,
  IMPERSONAL_REPORT,
  NAME_PARTICLES,
  OCCASION_WORDS,
  PRE_CUE_SKIP,
  TIME_WORDS,
  type CueInfo,
} from './lexicon.js';
import type { PreparedParagraph, Range } from './paragraph.js';
import { isExcluded } from './paragraph.js';
import { hasFiniteVerb, insidePortfolioList, introductoryPhraseEnd, isIntroPart, isPersonNameToken, isTitleWord, parseSpeakerPhrase as parsePhrase, POSSESSIVE_WORDS, type SpeakerPhrase } from './speakers.js';
import type { AttributionRule } from './rules.js';
import type { Token } from './tokens.js';
import { partitionPoint } from '../text/search.js';

export type HitType = 'frame' | 'impersonal' | 'according' | 'backref' | 'colon-intro';

export interface Hit {
  type: HitType;
  /** The named rule that found it (rules.ts). */
  rule: AttributionRule;
  unit: number;
  phrase: SpeakerPhrase | null;
  cue: Range | null;
  cueInfo: CueInfo | null;
  /** "has not yet confirmed": the cue is negated. */
  negated: boolean;
  /** Content range; null for back-references and colon introductions (the content is elsewhere). */
  content: Range | null;
  quoted: boolean;
  /** The quote region used as content, -1 when none. */
  quoteIndex: number;
  /** Text around the cue outside the content (subject to cue, or subject to unit end), searched first for dates. */
  frame: Range;
  /** Text before the subject in the unit ("On 17 October, "), searched next for dates. */
  intro: Range | null;
}

const BE_FORMS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);
const MODALS = new Set(['will', 'would', 'could', 'can', 'may', 'might', 'should', 'must', 'shall', "'ll", 'to']);
const NEGATIONS = new Set(['not', "n't", 'never', 'no']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'this', 'these', 'those', 'such', 'no', 'any', 'some', 'earlier', 'recent', 'latest', "'s"]);
const BACKREF_OBJECTS = new Set(['this', 'so', 'these', 'it']);
const BACKREF_SUBJECTS = new Set(['this', 'it', 'that', 'these', 'which']);
const BACKREF_LEMMAS = new Set(['say', 'state', 'report', 'write', 'announce', 'tell', 'confirm', 'stress', 'note', 'declare', 'add', 'explain']);
const RECIPIENT_WORDS = new Set(['reporters', 'journalists', 'jurors', 'lawmakers', 'legislators', 'parliament', 'congress', 'him', 'her', 'them', 'me', 'us', 'investigators', 'officials', 'residents', 'students', 'supporters', 'viewers', 'listeners', 'readers', 'colleagues', 'delegates', 'senators', 'mps', 'police', 'prosecutors', 'council', 'councillors', 'court', 'parliamentarians', 'members', 'voters', 'fans', 'staff', 'employees', 'workers', 'mourners', 'worshippers', 'congregants', 'parents', 'pupils', 'shareholders', 'investors', 'analysts', 'guests', 'attendees', 'the', 'a', 'an']);
const FINAL_PUNCT = new Set(['.', '!', '?', '…', '...']);
const DASHES = new Set(['—', '–', '--', '-']);
const ASIDE_ADVERBS = new Set(['however', 'though', 'too', 'also', 'meanwhile', 'moreover', 'instead', 'again', 'nonetheless', 'nevertheless']);
const LONE_ADVERBS = new Set(['also', 'again', 'publicly', 'previously', 'repeatedly', 'separately', 'recently', 'earlier', 'later', 'further', 'then', 'now', 'today', 'yesterday', 'tonight', 'privately', 'once', 'first', 'initially', 'subsequently']);
const DATE_LEADS = new Set(['on', 'last', 'this', 'next', 'early', 'late', 'earlier', 'later']);

interface Unit {
  index: number;
  from: number;
  to: number;
}

/** Every frame in the paragraph, in text order. */
/**
 * Attributions read in a paragraph (or a piece of a long one) of `length` characters. Prose never holds one
 * per 40 characters over a paragraph ("“Yes,” he said. “No,” she said." is 4 in 31); text that does is a
 * list, a table or an attack, and reading every one of its cues would cost several times the time per MB that
 * news does. The rest of such a paragraph is indexed as text, without statements.
 */
export function attributionsAllowed(length: number): number {
  return 4 + Math.floor(length / 40);
}

/**
 * Attributions read in a whole article, by the point `charsRead` characters into its text. The densest news in
 * the fixtures (Q&As, reaction round-ups, trap-packed features) yields one per 100 characters over a few
 * thousand; a long debate transcript about one per 200. The first 300 cover any article of ordinary length
 * whole, the densest up to about 60,000 characters (10,000 words). Past that rate the text is a list or an
 * attack, and every attribution read in it costs what one in news costs: once an article first exceeds this, its
 * later paragraphs are indexed as text without statements (extract.ts), and the ingest says so (readUpTo), so that
 * the worst text costs a bounded time per MB (issue 16) instead of news's cost times its density.
 */
export function articleAttributionsAllowed(charsRead: number): number {
  return 300 + Math.floor(charsRead / 200);
}

/**
 * Paragraphs read for attributions in a whole article, by the point `charsRead` characters into its text. News
 * paragraphs run 60 characters and more on average (the fixtures' tersest article: 66; a transcript of short
 * turns about 30); a text of thousands of three-character lines is not prose, and each paragraph costs the
 * extractor a fixed ~10 µs whatever it holds. Past this rate the later paragraphs are indexed as text without
 * statements, so that such a text costs a bounded time per MB (issue 16).
 */
export function articleParagraphsAllowed(charsRead: number): number {
  return 1_000 + Math.floor(charsRead / 30);
}

/**
 * Reporting words read in one paragraph. Each costs a walk back to its subject and a parse of it; the fixtures'
 * densest paragraph holds 2.1 more than one per 40 characters (five in 117 characters). A text of nothing but
 * "said said said …" holds one per 5, and "the company said." one per 18: each is read for the first of them only.
 */
export function cuesAllowed(length: number): number {
  return 8 + Math.floor(length / 40);
}

export function findFrames(p: PreparedParagraph): Hit[] {
  const hits: Hit[] = [];
  const allowed = attributionsAllowed(p.text.length);
  let cuesLeft = cuesAllowed(p.text.length);
  for (const [index, u] of p.units.entries()) {
    if (hits.length >= allowed || cuesLeft <= 0) break;
    const unit: Unit = { index, from: u.from, to: u.to };
    const unitHits: Hit[] = [];
    const impersonal = findImpersonal(p, unit);
    if (impersonal) unitHits.push(impersonal);
    for (let c = unit.from; c < unit.to && hits.length + unitHits.length < allowed && cuesLeft > 0; c++) {
      const t = p.tokens[c]!;
      if (t.kind !== 'word' || p.quoteOf[c] !== -1 || !CUES.has(t.low)) continue;
      cuesLeft--;
      const covering = unitHits.findIndex((h) => covers(h, t.start));
      const second = covering !== -1 && unitHits[covering]!.rule === 'participle' ? secondWithSubject(p, unit, c) : null;
      if (second !== null) {
        // "…, with Okafor calling for tariffs and Holloway warning that …": the first report ends before the second subject.
        const first = unitHits[covering]!;
        if (first.content) unitHits[covering] = { ...first, content: { start: first.content.start, end: p.tokens[second - 2]!.end } };
      } else if (covering !== -1 && !isOuterTail(p, unit, c, unitHits, covering)) continue;
      if (isExcluded(p, t.start)) continue;
      for (const hit of cueFrames(p, unit, c)) if (!isAnonymityRequest(p, hit)) unitHits.push(hit);
    }
    if (unitHits.length === 0) {
      const according = findAccordingTo(p, unit);
      if (according) unitHits.push(according);
    }
    hits.push(...unitHits);
  }
  return hits;
}

/**
 * "Alberta has now confirmed 312 cases, the province's chief medical officer said Monday": a reporting verb
 * inside a head clause's content whose own frame is a tail taking the sentence from its start is the outer
 * attribution; the head clause is what that speaker reported. Replaces the covering hit when so.
 */
function isOuterTail(p: PreparedParagraph, unit: Unit, c: number, unitHits: Hit[], covering: number): boolean {
  const inner = unitHits[covering]!;
  if (inner.rule !== 'head-clause' || inner.quoted || inner.phrase === null || p.tokens[c - 1]?.text === ',') return false;
  // "warned that …": a that-clause is the head verb's own report, whatever follows it.
  if (inner.content === null || /\bthat\s*$/i.test(p.text.slice(Math.max(0, inner.content.start - 6), inner.content.start))) return false;
  // The tail's speaker is set off by a comma within a subject's reach before the verb: without one, no frame is read
  // (a text of "the company said." repeated would otherwise read every verb twice).
  let comma = c - 1;
  while (comma > unit.from && c - comma <= 46 && p.tokens[comma]!.text !== ',' && p.tokens[comma]!.start >= inner.content.start) comma--;
  if (p.tokens[comma]?.text !== ',' || p.tokens[comma]!.start < inner.content.start) return false;
  const [hit] = cueFrames(p, unit, c);
  if (hit === undefined || (hit.rule !== 'tail' && hit.rule !== 'parenthetical') || hit.content === null || hit.phrase === null || hit.content.start > inner.phrase.start) return false;
  // The tail's speaker stands inside the head clause's content, right before its verb.
  if (hit.phrase.start < inner.content.start || hit.cue === null || hit.cue.start - hit.phrase.end > 1) return false;
  // Set off by a comma (", the province's chief medical officer said"), not a relative clause ("the numbers some polls suggested").
  if (!/,\s*$/.test(p.text.slice(Math.max(0, hit.phrase.start - 3), hit.phrase.start))) return false;
  unitHits.splice(covering, 1);
  return true;
}

const GENERIC_OPENERS: ReadonlySet<string> = new Set(['when', 'whenever', 'if', 'unless']);

/**
 * "…, who asked that his name not be used because …, said": asking not to be named says nothing; its clause must not
 * swallow the report that follows.
 */
const ANONYMITY_REQUEST = /^(?:that\s+)?(?:his|her|their|its)\s+(?:full\s+|last\s+)?names?\s+(?:not\s+be|be\s+withheld|be\s+kept)|^(?:not\s+to\s+be\s+(?:named|identified)|for\s+anonymity)\b/i;

function isAnonymityRequest(p: PreparedParagraph, hit: Hit): boolean {
  return hit.content !== null && hit.cue !== null && /^ask/i.test(p.text.slice(hit.cue.start, hit.cue.end)) && ANONYMITY_REQUEST.test(p.text.slice(hit.content.start, hit.content.end));
}

function covers(hit: Hit, pos: number): boolean {
  return (hit.content !== null && pos >= hit.content.start && pos < hit.content.end) || (hit.phrase !== null && pos >= hit.phrase.start && pos < hit.phrase.end);
}

/** The speaker phrase of tokens [from, to), parsed once per paragraph. */
function phraseAt(p: PreparedParagraph, from: number, to: number): SpeakerPhrase | null {
  const key = from * 65_536 + to;
  p.phraseCache ??= new Map();
  let phrase = p.phraseCache.get(key);
  if (phrase === undefined) {
    phrase = parsePhrase(p.text, p.tokens, from, to);
    p.phraseCache.set(key, phrase);
  }
  return phrase;
}

/** Analyses the cue at token `c`; returns its frames (two when ", adding that …" or an interrupted quote follows). */
function cueFrames(p: PreparedParagraph, u: Unit, c: number): Hit[] {
  const { tokens } = p;
  const t = tokens[c]!;
  const info = CUES.get(t.low)!;
  if (t.cap && p.kind === 'body' && c !== u.from) return [];
  const prev = tokens[c - 1];
  const next = tokens[c + 1];
  if (prev && c > u.from) {
    if (prev.low === 'to') return []; // "declined to say", "Needless to say"
    if (t.low === 'said' && prev.low === 'that' && c - 1 === u.from && next?.text === ',') return []; // "That said,"
    // "secretary of state", "a letter of note": after "of" a cue word is a noun.
    if (prev.low === 'of' || DETERMINERS.has(prev.low) || prev.kind === 'num' || /^(?:two|three|four|five|six|seven|eight|nine|ten|several|many|few)$/.test(prev.low)) return []; // a noun: "the reports", "five states"
  }
  if (info.participle) return participleFrame(p, u, c, info);

  // Passive: "this was stated by X"; "is said to be", "were told to" are not reports.
  let k = c - 1;
  while (k > u.from && (tokens[k]!.low === 'also' || tokens[k]!.low === 'first' || tokens[k]!.low === 'previously' || tokens[k]!.low === 'widely')) k--;
  if (k >= u.from && BE_FORMS.has(tokens[k]!.low) && p.quoteOf[k] === -1) return passiveFrame(p, u, c, k);
  // Cheap rejections before any parsing: a plural noun ("the reports", "five states") or a verb
  // that needs a clause ("believes", "called") with nothing of the kind after it.
  // Right after a closing mark ("«…,» – claimed X", "\"…\" noted X") the verb attributes the quote, whatever follows it.
  const afterQuoteDash = prev !== undefined && DASHES.has(prev.text) && c - 2 >= u.from && p.markOf[c - 2] === 2;
  // "Holloway, asked whether he would …, said", "when asked if": the subject was asked, and asked nothing.
  if (info.lemma === 'ask' && prev !== undefined && p.markOf[c - 1] !== 2 && (prev.text === ',' || ASKED_OF.has(prev.low))) return [];
  // "When Pemberton-Ashe asked whether …, Kowalchuk said …": the question sets the scene for the answer.
  if (info.lemma === 'ask' && SUBORDINATORS.has(tokens[u.from]!.low) && !tokens.slice(u.from, c).some((t) => t.text === ',')) return [];
  // After a quote and its speaker ("\"Who decided?\" Simms-Whitfield asked.", "\"…,\" she joked.") the verb attributes the quote too.
  if ((info.nounLike || info.needsClause) && !clauseFollows(p, u, c, info) && !(c > u.from && p.markOf[c - 1] === 2) && !afterQuoteDash && !(info.needsClause && quoteThenSubject(p, u, c))) return [];

  // Nothing before the cue but a comma or a closing quote: "…," said Jane Doe.
  // "«…,» – warned Prosecutor General X": a dash may stand between the closing mark and the cue.
  if (c === u.from || p.markOf[c - 1] === 2 || afterQuoteDash || (prev?.text === ',' && looksInverted(p, u, c))) return invertedFrame(p, u, c, info);
  const found = subjectBefore(p, u, c);
  // "Calloway could not confirm that …": a modal is no report, except the non-committal answer it makes with "not confirm".
  if (found === null || found.empty || (found.modal && !(found.negated && info.lemma === 'confirm'))) return [];
  const subject = found;
  if (subject.negated && info.lemma !== 'confirm') return [];
  // "When a son tells you his father cannot lose, he is not reporting": a condition in the present tense is what anyone
  // might say, not what someone said.
  if (GENERIC_OPENERS.has(tokens[subject.phraseFrom]!.low) && /s$/.test(tokens[c]!.low) && !/ss$/.test(tokens[c]!.low)) return [];
  // "The prose, which de la Vega wrote first in English": the relative pronoun is the verb's object; nothing said follows.
  const objectRelative = /^(?:which|whom)$/.test(tokens[subject.regionFrom - 1]?.low ?? '') && subject.phraseFrom === subject.regionFrom;
  if (objectRelative && next?.low !== 'that' && next?.text !== ':' && p.markOf[c + 1] !== 1) return [];
  // "Answering the question whether the Rada stresses …": a verb inside a question reports nothing.
  if (subject.phraseFrom === subject.regionFrom && /^(?:whether|if)$/.test(tokens[subject.regionFrom - 1]?.low ?? '')) return [];

  let r = c + 1;
  if (info.lemma === 'point') {
    if (next?.low !== 'out') return [];
    r++;
  }
  if (info.lemma === 'shoot' || info.lemma === 'fire') {
    if (next?.low !== 'back') return [];
    r++;
  }
  if (info.recipient) {
    r = skipRecipient(p, u, r);
    // "told CKWP radio host Gail Sorensen that …": a longer recipient, words only, up to a near "that".
    if (tokens[r]?.low !== 'that') {
      for (let k = r; k < u.to && k < r + 8 && tokens[k]!.kind === 'word' && p.quoteOf[k] === -1; k++) {
        if (tokens[k + 1]?.low === 'that') {
          r = k + 1;
          break;
        }
      }
    }
  }
  // Back-reference: "Peter Stano … said this at a briefing in Brussels on Monday".
  if (tokens[r] && BACKREF_OBJECTS.has(tokens[r]!.low) && BACKREF_LEMMAS.has(info.lemma) && subject.plausible) {
    const after = skipAdverbials(p, u, r + 1);
    const end = after >= u.to || (after === u.to - 1 && FINAL_PUNCT.has(tokens[after]!.text)) || isExcluded(p, tokens[after]!.start) || tokens[after]!.text === ',';
    if (end) {
      const phrase = subject.phrase;
      const intro = subject.regionFrom < subject.phraseFrom ? { start: tokens[subject.regionFrom]!.start, end: phrase.start } : null;
      return [{ type: 'backref', rule: 'backref', unit: u.index, phrase, cue: { start: t.start, end: t.end }, cueInfo: info, negated: subject.negated, content: null, quoted: false, quoteIndex: -1, frame: { start: phrase.start, end: unitEnd(p, u) }, intro }];
    }
  }
  // "called on the province to reopen talks", "called for an inquiry": what follows is the call, not an adverbial ("on Monday").
  const call = info.lemma === 'call' && (tokens[c + 1]?.low === 'for' || (tokens[c + 1]?.low === 'on' && !TIME_WORDS.has(tokens[c + 2]?.low ?? '')));
  if (!call) r = skipAdverbials(p, u, r);
  const s = tokens[r];
  const atEnd = r >= u.to || (r === u.to - 1 && FINAL_PUNCT.has(s!.text)) || isExcluded(p, s!.start);
  const phrase = subject.phrase;
  const frame = { start: phrase.start, end: atEnd || r >= u.to ? unitEnd(p, u) : s!.start };
  const intro = subject.regionFrom < subject.phraseFrom ? { start: tokens[subject.regionFrom]!.start, end: phrase.start } : null;
  const base = { unit: u.index, phrase, cue: { start: t.start, end: t.end }, cueInfo: info, negated: subject.negated, frame, intro };

  // Tail: the content came first.
  const tailNext = s?.text === ',' ? tokens[r + 1] : undefined;
  const participle = tailNext && CUES.get(tailNext.low)?.participle === true;
  const manner = tailNext && !participle && tailNext.kind === 'word' && /ing$/.test(tailNext.low) && p.quoteOf[r + 1] === -1;
  const afterQuote = subject.phraseFrom > u.from && (p.markOf[subject.phraseFrom - 1] === 2 || (tokens[subject.phraseFrom - 1]!.text === ',' && p.markOf[subject.phraseFrom - 2] === 2));
  const interrupted = afterQuote && (s?.text === ',' || s?.text === ':') && p.markOf[r + 1] === 1;
  // After a quote, the attribution is the whole clause: `"…," X told reporters at the agency's headquarters.`
  const tailAfterQuote = afterQuote && s?.low !== 'that' && s?.text !== ':' && p.markOf[r] !== 1;
  // ", without evidence, that …": a short aside between the cue and its clause.
  const asideThat = s?.text === ',' ? asideBeforeThat(p, u, r) : -1;
  // A parenthetical attribution: "The catch is down by half, she says, and fuel costs have doubled."
  // 'Asked whether …, Dumervil said, "We'd want …"': a quote right after the comma is what the subject said.
  const parenthetical = s?.text === ',' && asideThat === -1 && subject.afterComma && !interrupted && tokens[r + 1]?.low !== 'that' && p.markOf[r + 1] !== 1;
  // "What do the polls say?", "What did he tell you?": a question asks what was said, and says nothing.
  if (atEnd && tokens.slice(Math.max(u.from, Math.min(subject.regionFrom, subject.phraseFrom) - 1), c).some((k) => /^(?:do|does|did)$/.test(k.low))) return [];
  if (atEnd || participle || manner || interrupted || tailAfterQuote || parenthetical) {
    let before = contentBefore(p, u, subject.phraseFrom);
    // "In a pilot with 40 clinics, the company said, clinicians reported …": the claim is after the attribution.
    const introOnly = { from: u.from, to: subject.phraseFrom - 1 };
    if (parenthetical && introOnly.to > introOnly.from && isIntroPart(tokens, introOnly) && !hasFiniteVerb(tokens, introOnly)) {
      const after = clampContent(p, u, tokens[r + 1]!.start);
      before = after ? { content: after, quoted: false, quoteIndex: -1 } : null;
    }
    // `used the word "remove," Lyle said, "He was …"`: a one-word quote is a word mentioned, not what was said.
    // The quote after the attribution is then the statement, as if the attribution opened it.
    const mentioned = before?.content != null && before.quoted && interrupted && isTooShortForAClause(p, partitionPoint(p.tokens, (t) => t.start < before.content!.start), before.content.end, 1);
    if (before === null) return [];
    const rule: AttributionRule = before.quoted ? 'tail-quote' : parenthetical && !atEnd ? 'parenthetical' : 'tail';
    const hits: Hit[] = mentioned ? [] : [{ ...base, type: 'frame', rule, ...before, frame: { start: phrase.start, end: unitEnd(p, u) } }];
    if (participle) {
      const second = participleContent(p, u, r + 1);
      if (second) hits.push({ ...base, type: 'frame', rule: 'participle', cue: { start: tailNext.start, end: tailNext.end }, cueInfo: CUES.get(tailNext.low)!, content: second, quoted: false, quoteIndex: -1 });
    }
    if (interrupted) {
      const q = p.quoteOf[r + 1]!;
      hits.push({ ...base, type: 'frame', rule: mentioned ? 'head-quote' : 'interrupted-quote', ...quoteContent(p, q) });
    }
    return hits;
  }
  if (!subject.plausible) return [];

  let from = r;
  // A question is reported only in the asker's own words ("asked: "…?""): "asked whether the bureau had been
  // pressured" asserts nothing, and the statements' stances (asserts, confirms, denies, cannot confirm) have no
  // place for it; "asked the court to …" and "asked that …" are requests.
  if (info.lemma === 'ask' && !(s?.text === ':' || (s !== undefined && p.markOf[r] === 1) || (s?.text === ',' && p.markOf[r + 1] === 1))) return [];
  // "declared victory", "claimed responsibility": an idiom with an object, not a claim reported.
  if (IDIOM_OBJECTS.has(s?.low ?? '') && (info.lemma === 'claim' || info.lemma === 'declare')) return [];
  if (asideThat !== -1) {
    from = asideThat;
  } else if (s?.text === ',' && tokens[r + 1]?.low === 'that') {
    // "informs, that, according to …"
    from = r + 2;
    if (tokens[from]?.text === ',') from++;
  } else if (s?.low === 'that') {
    // "confirmed that in an email, writing …", "confirmed that in testimony earlier in the evening.": "that" is what
    // was confirmed, and only where and how follow it.
    const opensAdverbial = ADVERBIAL_PREPOSITIONS.has(tokens[r + 1]?.low ?? '') || DATE_LEADS.has(tokens[r + 1]?.low ?? '');
    const where = opensAdverbial ? adverbialPhraseEnd(p, u, r + 1) : r + 1;
    const participleNext = tokens[where]?.text === ',' && CUES.get(tokens[where + 1]?.low ?? '')?.participle === true;
    if (where > r + 1 && (where >= u.to || participleNext || FINAL_PUNCT.has(tokens[where]!.text))) return [];
    // "said that was not true", "said that would be a mistake": "that" is the clause's subject, not its opener.
    from = DEMONSTRATIVE_THAT_VERBS.has(tokens[r + 1]?.low ?? '') ? r : r + 1;
    if (tokens[from]?.text === ',') from++;
  } else if (s?.text === ':') {
    from = r + 1;
    if (from >= u.to) {
      return u.index === p.units.length - 1 ? [{ ...base, type: 'colon-intro', rule: 'colon-intro', content: null, quoted: false, quoteIndex: -1 }] : [];
    }
  } else if (s?.text === ',' && p.markOf[r + 1] === 1) {
    from = r + 1;
  } else if (s && p.markOf[r] === 1) {
    from = r;
  } else if (info.objectFirst) {
    return []; // "Ukrenergo added the soldiers", "X noted the date": an object, not what was said
  } else if ((info.lemma === 'find' || info.lemma === 'show') && s?.cap === true && sharesFollow(p, u, c)) {
    // "found Villanueva-Hart at 46 percent": the finding is what follows the verb.
    from = r;
  } else if (info.needsClause) {
    if (info.lemma !== 'call') return [];
    // "called it "a grown-up win"", "called for an inquiry"
    for (let j = r; j < Math.min(u.to, r + 5); j++) {
      if (p.markOf[j] === 1) return [{ ...base, type: 'frame', rule: 'head-quote', ...quoteContent(p, p.quoteOf[j]!) }];
    }
    if (s?.low !== 'for' && s?.low !== 'on') return [];
    // "called on the province to reopen talks": the call is "the province to reopen talks".
    if (s.low === 'on') {
      if (TIME_WORDS.has(tokens[r + 1]?.low ?? '') || tokens[r + 1]?.kind === 'num') return []; // "called on Monday"
      from = r + 1;
    } else {
      // "called for an independent inquiry": the call is "an independent inquiry".
      from = r + 1;
    }
  } else if (info.nounLike) {
    return [];
  }
  if (from >= u.to) return [];
  // A quote that fills the rest of the sentence is a direct quote.
  if (p.markOf[from] === 1) {
    const q = p.quoteOf[from]!;
    const close = closeMarkToken(p, q);
    if (close === -1 || close >= u.to - 1 || (close === u.to - 2 && FINAL_PUNCT.has(tokens[u.to - 1]!.text))) return [{ ...base, type: 'frame', rule: 'head-quote', ...quoteContent(p, q) }];
  }
  const content = clampContent(p, u, tokens[from]!.start);
  if (content === null) return [];
  // "The campaign denied that account.", "I have said it a hundred times": a word or two is an object, not a clause said.
  if (isTooShortForAClause(p, from, content.end)) return [];
  // "X said A, but two sources said B": A ends where the second attribution begins.
  const second = coordinatedAttribution(p, u, from);
  if (second !== -1) content.end = Math.max(content.start, trimBack(p.text, content.start, tokens[second]!.start));
  // "could not confirm whether the bidders had been the lowest": what was not confirmed, without "whether".
  if (info.lemma === 'confirm' && /^(?:whether|if)$/.test(tokens[from]!.low) && from + 1 < u.to) content.start = tokens[from + 1]!.start;
  const hits: Hit[] = [{ ...base, type: 'frame', rule: info.lemma === 'call' ? 'call-for' : 'head-clause', content, quoted: false, quoteIndex: -1 }];
  // "… had been reimbursed, saying the office was …" / "… acknowledged A but said B": the same subject says more.
  const more = secondReport(p, u, from, content.end);
  if (more !== null) {
    content.end = Math.max(content.start, trimBack(p.text, content.start, tokens[more.joint]!.start));
    hits.push({ ...base, type: 'frame', rule: 'second-report', cue: { start: tokens[more.cue]!.start, end: tokens[more.cue]!.end }, cueInfo: CUES.get(tokens[more.cue]!.low)!, ...more.said });
    // "acknowledged the sampling issue but said …", "replied the same afternoon, writing that …": before the second
    // report stands an object or an adverbial, not a clause, unless "that" opened it.
    const clause = tokens[from - 1]?.low === 'that' || isClauseLike(tokens, from, more.joint);
    if (!clause) return hits.slice(1);
  }
  return content.end > content.start ? hits : hits.slice(1);
}

/** Tokens [from, to) hold a verb: a finite one ("was", "would"), or a past tense after the first word ("the layoffs ended"). */
function isClauseLike(tokens: Token[], from: number, to: number): boolean {
  return hasFiniteVerb(tokens, { from, to }) || tokens.slice(from + 1, to).some((t) => t.kind === 'word' && !t.cap && /[^e]ed$/.test(t.low));
}

/** Reporting verbs that take a clause without "that": "saying the office was …", "adding the plan would …". */
const CLAUSE_TAKING_LEMMAS = new Set(['say', 'add', 'tell', 'write', 'note', 'argue', 'insist', 'warn', 'claim', 'explain', 'state', 'reply', 'respond', 'acknowledge', 'admit', 'concede', 'predict', 'suggest', 'stress', 'maintain', 'contend', 'assert', 'estimate', 'report']);

/** How far into a reported clause a second attribution is looked for, in tokens (a long sentence is about 60). */
const REPORT_REACH = 120;

/**
 * A second report by the same subject inside a reported clause: ", saying …" (a participle cue after a comma) or
 * "… but said …" / "… and added …" (a joined finite cue with no subject of its own). The joint, the cue and what it reports.
 */
function secondReport(p: PreparedParagraph, u: Unit, from: number, end: number): { joint: number; cue: number; said: Pick<Hit, 'content' | 'quoted' | 'quoteIndex'> } | null {
  const { tokens } = p;
  // Read at most REPORT_REACH tokens: a second report belongs to the sentence, and a run-on text stays linear.
  for (let k = from + 3; k < u.to - 1 && k < from + REPORT_REACH && tokens[k]!.start < end; k++) {
    if (p.quoteOf[k] !== -1) continue;
    const t = tokens[k]!;
    const info = CUES.get(tokens[k + 1]!.low);
    if (info === undefined || p.quoteOf[k + 1] !== -1) continue;
    const participleJoint = t.text === ',' && info.participle === true && !info.objectFirst;
    // "and said", "but added" (not "should … and tell someone where …": a base form is no report).
    // After a comma only with its own "that" (", and denied that the government had let it drift").
    const finiteJoint = (t.low === 'but' || t.low === 'and') && !info.participle && !info.nounLike && !info.needsClause && (tokens[k - 1]?.text !== ',' || tokens[k + 2]?.low === 'that') && tokens[k + 1]!.low !== info.lemma;
    // "… and called for Thiessen to release "every relevant fact"": a call joined to what was said is its own statement.
    const callJoint = (t.low === 'and' || t.low === 'but') && info.lemma === 'call' && !info.participle && tokens[k + 2]?.low === 'for';
    if (callJoint) {
      const content = clampContent(p, u, tokens[k + 3]?.start ?? tokens[k + 2]!.end);
      if (content === null || isTooShortForAClause(p, k + 3, content.end, 1)) return null;
      return { joint: k, cue: k + 1, said: { content, quoted: false, quoteIndex: -1 } };
    }
    if (!participleJoint && !finiteJoint) continue;
    let r = k + 2;
    if (info.recipient) r = skipRecipient(p, u, r);
    if (tokens[r]?.text === ':') r++;
    if (r < u.to && p.markOf[r] === 1) return { joint: k, cue: k + 1, said: quoteContent(p, p.quoteOf[r]!) };
    const thatClause = tokens[r]?.low === 'that';
    if (thatClause) r++;
    if (r >= u.to) return null;
    const content = clampContent(p, u, tokens[r]!.start);
    if (content === null || isTooShortForAClause(p, r, content.end)) return null;
    // "denying a report in a Texas newspaper", "urged the public not to rush": an object, not a clause said.
    if (!thatClause && (!CLAUSE_TAKING_LEMMAS.has(info.lemma) || !isClauseLike(tokens, r, partitionPoint(tokens, (t) => t.start < content.end)))) return null;
    return { joint: k, cue: k + 1, said: { content, quoted: false, quoteIndex: -1 } };
  }
  return null;
}

/** "a former pipeline executive whose father": the index of a relative pronoun after the part's first words; -1 when none. */
function relativeInside(tokens: Token[], part: { from: number; to: number }): number {
  for (let k = part.from + 2; k < part.to; k++) if (/^(?:who|whose)$/.test(tokens[k]!.low)) return k;
  return -1;
}

/** Index of ", but"/", while"/"; " opening a second clause whose own subject and reporting verb follow; -1 when none. */
function coordinatedAttribution(p: PreparedParagraph, u: Unit, from: number): number {
  const { tokens } = p;
  for (let i = from; i < u.to - 2 && i < from + REPORT_REACH; i++) {
    const t = tokens[i]!;
    const joint = (t.text === ',' && /^(?:but|while|whereas|and)$/.test(tokens[i + 1]!.low)) || t.text === ';';
    if (!joint || p.quoteOf[i] !== -1) continue;
    const start = t.text === ';' ? i + 1 : i + 2;
    // A reporting verb within a short subject's reach, in the past or present tense.
    for (let k = start + 1; k < u.to && k <= start + 8; k++) {
      const info = CUES.get(tokens[k]!.low);
      if (p.quoteOf[k] !== -1 || tokens[k]!.text === ',') break;
      if (!info || info.participle || info.needsClause) continue;
      const phrase = phraseAt(p, start, k);
      if (phrase !== null && phrase.kind !== 'non-agent' && !(phrase.kind === 'pronoun' && phrase.type !== 'person')) return i;
      break;
    }
  }
  return -1;
}

interface Subject {
  phrase: SpeakerPhrase;
  phraseFrom: number;
  regionFrom: number;
  negated: boolean;
  modal: boolean;
  /** Nothing before the cue in this clause: the inverted order "…," said X. */
  empty: boolean;
  /** The subject follows a comma or a closing quote mark, so content may precede it. */
  afterComma: boolean;
  /** The phrase can name a speaker of a head frame (not a bare clause fragment). */
  plausible: boolean;
}

/** Words opening a clause of time before its subject ("after the lender warned"); also prepositions, hence the comma test. */
const SUBORDINATORS_OF_TIME = new Set(['after', 'before', 'when', 'since', 'until', 'once']);

/** The comma part holding token `k` opens with "asked", "pressed" or a like participle after a comma: ", asked whether …,". */
function openedByAskedAside(tokens: Token[], from: number, k: number): boolean {
  let j = k - 1;
  while (j > from && tokens[j]!.text !== ',' && k - j <= 12) j--;
  // ", asked whether …,", and ", who asked that his name not be used,".
  const opener = tokens[j + 1]?.low === 'who' ? j + 2 : j + 1;
  return tokens[j]?.text === ',' && ASKED_ASIDES.has(tokens[opener]?.low ?? '');
}

/** The comma part holding token `k` (within 20 tokens) opens with ", who" or ", whose", or is an apposition holding one. */
function openedByRelativeAside(tokens: Token[], from: number, k: number): boolean {
  let j = k - 1;
  while (j > from && tokens[j]!.text !== ',' && k - j <= 20) j--;
  if (tokens[j]?.text !== ',') return false;
  const opener = tokens[j + 1]?.low === 'and' ? j + 2 : j + 1;
  if (/^(?:who|whose)$/.test(tokens[opener]?.low ?? '')) return true;
  // ", a paramedic student in Barrie who asked that …": the relative clause of an apposition after the subject.
  if (!/^(?:a|an|the)$/.test(tokens[opener]?.low ?? '')) return false;
  for (let w = opener + 1; w < k; w++) if (/^(?:who|whose)$/.test(tokens[w]!.low)) return true;
  return false;
}

const ASKED_ASIDES = new Set(['asked', 'pressed', 'questioned', 'challenged', 'quizzed', 'interviewed', 'reached']);

function hasCommaBetween(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.text === ',') return true;
  return false;
}

/** Walks back from the cue over adverbs to the subject phrase, and from there to the clause start. */
function subjectBefore(p: PreparedParagraph, u: Unit, c: number): Subject | { empty: true; modal: false; negated: false } | null {
  const { tokens } = p;
  let i = c - 1;
  let negated = false;
  let modal = false;
  let dashAside = false;
  while (i >= u.from && p.quoteOf[i] === -1) {
    const tok = tokens[i]!;
    const low = tok.low;
    if (NEGATIONS.has(low)) {
      negated = true;
      i--;
    } else if (MODALS.has(low)) {
      modal = true;
      i--;
    } else if (PRE_CUE_SKIP.has(low)) {
      i--;
    } else if (TIME_WORDS.has(low) && i > u.from) {
      i -= DATE_LEADS.has(tokens[i - 1]!.low) ? 2 : 1;
    } else if (tok.text === ')') {
      let j = i - 1;
      while (j >= u.from && tokens[j]!.text !== '(') j--;
      if (j < u.from) break;
      i = j - 1;
    } else if (DASHES.has(tok.text) && isSpaced(p, i)) {
      // "State Rep. Dennis Holloway of Valdosta — no relation to the congressman — said": an aside between dashes.
      let j = i - 1;
      while (j > u.from && i - j <= 12 && !(DASHES.has(tokens[j]!.text) && isSpaced(p, j)) && p.quoteOf[j] === -1) j--;
      if (j <= u.from || !DASHES.has(tokens[j]!.text) || i - j > 12 || tokens[j - 1]!.kind !== 'word') break;
      i = j - 1;
      dashAside = true;
    } else break;
  }
  const phraseTo = i + 1;
  if (phraseTo <= u.from || p.quoteOf[phraseTo - 1] !== -1) return { empty: true, modal: false, negated: false };

  // Back to the clause start: sentence start, a quote, a clause word, a colon or dash.
  let b = phraseTo;
  let passedAskedAside = false;
  while (b > u.from) {
    const tok = tokens[b - 1]!;
    if (p.quoteOf[b - 1] !== -1) break;
    // "Sen. Patricia Lund (R-Ohio), a member of …, said": a short parenthesis inside the subject is passed over.
    if (tok.text === ')') {
      let open = b - 2;
      while (open > u.from && tokens[open]!.text !== '(' && tokens[open]!.text !== ')' && b - 1 - open <= 8) open--;
      if (open >= u.from && tokens[open]!.text === '(' && b - 1 - open <= 8) {
        b = open;
        continue;
      }
    }
    if (tok.kind === 'punct' && (tok.text === ';' || tok.text === ':' || tok.text === '(' || /["“”«»]/u.test(tok.text))) break;
    if (tok.kind === 'punct' && DASHES.has(tok.text) && isSpaced(p, b - 1)) break;
    // "appointed to that office by …": after a preposition, "that" points at a noun; it opens no clause.
    // ", which bargains on behalf of …, said": a relative clause after a comma is an aside about the subject before it.
    const demonstrative = tok.low === 'that' && b - 2 >= u.from && (ADVERBIAL_PREPOSITIONS.has(tokens[b - 2]!.low) || tokens[b - 2]!.low === 'of');
    const relativeAside = tok.low === 'which' && b - 2 >= u.from && tokens[b - 2]!.text === ',' && tokens[phraseTo - 1]!.text === ',';
    // "Holloway, asked at an event whether he would release the records, said": a question put to the subject, set off by commas.
    // "A former property manager, who spoke on condition of anonymity because she signed …, said": so too a relative aside's own clauses.
    const askedAside = CLAUSE_BOUNDARY_WORDS.has(tok.low) && tokens[phraseTo - 1]!.text === ',' && (openedByAskedAside(tokens, u.from, b - 1) || openedByRelativeAside(tokens, u.from, b - 1));
    if (CLAUSE_BOUNDARY_WORDS.has(tok.low) && !demonstrative && !relativeAside && !askedAside) break;
    if (askedAside) passedAskedAside = true;
    // "its shares fell sharply after the lender warned that …": a subordinate clause's own subject, when no comma sets
    // the clause off and the verb reports a that-clause (not "before the commission announces the schedule").
    if (SUBORDINATORS_OF_TIME.has(tok.low) && b - 1 > u.from && tokens[c + 1]?.low === 'that' && !hasCommaBetween(tokens, b, phraseTo)) break;
    // ", and who asked not to be named, said": a second relative clause about the subject opens no clause of its own.
    const relativeAfterAnd = tok.low === 'and' && /^(?:who|whose)$/.test(tokens[b]?.low ?? '') && b < phraseTo;
    if (CLAUSE_CONJUNCTIONS.has(tok.low) && (b - 1 === u.from || tokens[b - 2]!.text === ',') && !relativeAfterAnd) break;
    if (tok.start < p.datelineEnd) break;
    if (phraseTo - b > 45) break;
    b--;
  }
  if (b >= phraseTo) return null;

  // "He praised Stumpf and said …": the subject of joined verbs is the clause's first noun phrase, not the object before "and".
  if ((tokens[phraseTo - 1]!.low === 'and' || tokens[phraseTo - 1]!.low === 'but') && phraseTo - 1 > b) {
    // "Inside, state Rep. Marisela Quintanilla-Ortega … introduced X and told", "In one exchange from February, a deputy
    // campaign manager, Simone Achterberg, describes … and writes": an opening place or time is not the subject.
    const intro = introductoryPhraseEnd(tokens, b, phraseTo - 1);
    const b0 = b;
    if (intro !== -1) b = intro;
    let v = b;
    // "Liberal health critic Anand Ramkissoon, whose caucus …, praised X and said": title words inside the name phrase.
    const inSubject = (k: number) => tokens[k]!.cap || tokens[k]!.text === '.' || NAME_PARTICLES.has(tokens[k]!.text) || /^(?:the|a|an|he|she|they|it)$/.test(tokens[k]!.low) || (isTitleWord(tokens[k]!.low) && tokens.slice(k + 1, phraseTo - 1).some((t) => t.cap));
    while (v < phraseTo - 1 && inSubject(v)) v++;
    // "His eldest son, Richard Bramwell Jr, warmed up the crowd and told …": a possessive description, then the name in
    // apposition; a possessive alone ("His") is nobody's name.
    if (POSSESSIVE_WORDS.has(tokens[b]!.low)) {
      v = apposedNameEnd(tokens, b, phraseTo - 1);
      if (v === -1) return null;
    } else if (/^(?:a|an|the)$/.test(tokens[b]!.low) && tokens[b]!.text === tokens[b]!.low && apposedNameEnd(tokens, b, phraseTo - 1) !== -1) {
      // "a deputy campaign manager, Simone Achterberg, describes … and writes": a description, then the name.
      v = apposedNameEnd(tokens, b, phraseTo - 1);
    } else if (v > b && tokens[v]?.low === "'s") {
      // "Doucette's wife, Claudette Doucette, answered the door and said": the possessor is not the subject.
      const apposed = apposedNameEnd(tokens, v, phraseTo - 1);
      if (apposed === -1) return null;
      v = apposed;
    }
    if (v === b || v >= phraseTo - 1) return null;
    // Only a name or a pronoun opening the clause is its subject for sure ("The current forces … and added" is not).
    if (!tokens.slice(b, v).some((t) => (t.cap && !/^(?:the|a|an)$/i.test(t.text)) || /^(?:he|she|they)$/i.test(t.text))) return null;
    const first = phraseAt(p, b, v);
    if (first === null || first.kind === 'non-agent') return null;
    return { phrase: first, phraseFrom: b, regionFrom: b0, negated, modal, empty: false, afterComma: false, plausible: true };
  }
  // "… his adviser, Khalid al-Rashidi, who told the paper that …": the relative pronoun's antecedent is the subject.
  if (tokens[phraseTo - 1]!.low === 'who' && tokens[phraseTo - 2]?.text === ',' && phraseTo - 2 > b) {
    const before = splitTopLevel(tokens, b, phraseTo - 2);
    const near = before.at(-1)!;
    const named = (part: { from: number; to: number } | undefined) => {
      if (part === undefined || part.to <= part.from || hasFiniteVerb(tokens, part)) return null;
      const phrase = phraseAt(p, part.from, part.to);
      return phrase !== null && phrase.kind === 'name' && phrase.type === 'person' ? phrase : null;
    };
    // The nearest part, or a name before the appositions that describe it: "Jane Doe, a lawyer for the family,
    // who said …", "said Tanya Whitfield, 52, a dental hygienist in Erie, Pa., who said …".
    // "a student at the University of Nevada, Reno, who said …": the state or city after a place is nobody.
    const placeAfterPlace = before.length >= 2 && isStateOfTown(tokens, before.at(-2)!, near);
    let phrase = placeAfterPlace ? null : named(near);
    if (phrase !== null) phrase = withDescribedFamilyName(p, phrase, before.at(-2), near);
    for (let k = before.length - 2; phrase === null && k >= 0 && k >= before.length - 5; k--) {
      const part = before[k]!;
      const name = { from: part.from, to: part.to };
      while (name.from < name.to && !tokens[name.from]!.cap) name.from++; // "said Tanya Whitfield": the name after the cue
      if (isBareName(tokens, name)) phrase = named(name);
      else if (hasFiniteVerb(tokens, part)) break;
    }
    if (phrase === null) return null;
    return { phrase, phraseFrom: tokens.findIndex((t) => t.start === phrase.start), regionFrom: b, negated, modal, empty: false, afterComma: true, plausible: true };
  }
  // Comma-separated parts: the last one is the subject, with an apposition when the cue follows a comma (or a dash
  // aside: "Imran Qureshi, 67, a retired bus driver – no relation – said" reads as if a comma closed the apposition).
  const split = splitTopLevel(tokens, b, phraseTo);
  const parts = dashAside && split.length >= 2 && tokens[phraseTo - 1]!.text !== ',' ? [...split, { from: phraseTo, to: phraseTo }] : split;
  const last = parts.at(-1)!;
  let phraseFrom = last.from;
  if (last.to === last.from || tokens[phraseTo - 1]!.text === ',') {
    const a = parts.at(-2);
    if (!a || a.to === a.from) return null;
    phraseFrom = a.from;
    const before = parts.at(-3);
    const aAside = /^(?:who|which|whose)$/.test(tokens[a.from]!.low) || (!tokens[a.from]!.cap && /(?:ing|ed)$/.test(tokens[a.from]!.low));
    if (before && before.to > before.from && !isIntroPart(tokens, before) && !hasFiniteVerb(tokens, before) && before.to - before.from <= 15) {
      phraseFrom = before.from;
      // "Rep. Tom Van Dyke, R-Joplin, who handled the bill, said": a party-and-place tag after the name is passed over.
      const named = parts.at(-4);
      if (isPartyTag(tokens, before) && named !== undefined && isBareNameOrTitled(tokens, named)) phraseFrom = named.from;
      // "Rick Santangelo, president of the teachers' association, the largest union, said": two appositions; the name opens the first part.
      // "Russell Odom, 67, a retired machinist in Saginaw, Mich., said": ages and places between are passed over.
      // "Voltrek, based in Portland, Oregon, said": a participle's aside and its place; the one-word name before them speaks.
      const participleAside = !tokens[before.from]!.cap && /ed$/.test(tokens[before.from]!.low);
      // "Gail Pettibone, 58, a retired postal worker from Florissant, Missouri, who watched …, said": the part before the
      // relative clause is the state of a town in the apposition; the subject is the name that opens it.
      const town = parts.at(-4);
      if (aAside && town !== undefined && isStateOfTown(tokens, town, before)) {
        for (let k = parts.length - 5; k >= 0 && k >= parts.length - 8; k--) {
          const part = parts[k]!;
          if (isBareName(tokens, part)) {
            phraseFrom = part.from;
            break;
          }
          if (!isAgeOrPlace(tokens, part) && !/^(?:a|an|the)$/.test(tokens[part.from]!.low)) break;
        }
      }
      for (let k = parts.length - 4; k >= 0 && k >= parts.length - 6 && !tokens[before.from]!.cap; k--) {
        const part = parts[k]!;
        if (isBareName(tokens, part) || (participleAside && k === 0 && part.to - part.from === 1 && tokens[part.from]!.cap)) {
          phraseFrom = part.from;
          break;
        }
        if (!isAgeOrPlace(tokens, part)) break;
      }
    } else if (before && isAgeOrPlace(tokens, before) && parts.length >= 4 && isBareName(tokens, parts.at(-4)!)) {
      // "Imran Qureshi, 67, a retired bus driver, said": the name before an age.
      phraseFrom = parts.at(-4)!.from;
    } else if (before && tokens[a.from]!.low === 'and' && /^(?:who|whose)$/.test(tokens[a.from + 1]?.low ?? '') && relativeInside(tokens, before) !== -1) {
      // "A firefighter who has been on the fire since it started, and who asked not to be named, said": two relative
      // clauses about the subject; it is the words before the first.
      const who = relativeInside(tokens, before);
      const first = hasFiniteVerb(tokens, { from: before.from, to: who }) ? null : phraseAt(p, before.from, who);
      if (first === null || first.kind === 'non-agent') return null;
      return { phrase: first, phraseFrom: before.from, regionFrom: b, negated, modal, empty: false, afterComma: true, plausible: true };
    } else if (aAside) {
      return null;
    }
    // "Ahenakew, whose father, Harold Ahenakew, led the opposition, said …": a relative clause is an aside;
    // the subject is the part before it.
    const relative = parts.findIndex((part) => part.to > part.from && /^(?:who|whose|which)$/.test(tokens[part.from]!.low));
    const headAt = relative - 1;
    const head = parts[headAt];
    if (relative > 0 && head !== undefined && phraseFrom >= parts[relative]!.from && head.to > head.from && !hasFiniteVerb(tokens, head) && head.to - head.from <= 8) {
      const first = phraseAt(p, head.from, head.to);
      if (first !== null && first.kind !== 'non-agent') {
        const phrase = withDescribedFamilyName(p, first, parts[headAt - 1], head);
        return { phrase, phraseFrom: phrase === first ? head.from : parts[headAt - 1]!.from, regionFrom: b, negated, modal, empty: false, afterComma: true, plausible: true };
      }
    }
    // "Haldane, a former pipeline executive whose father, Richard Haldane Sr., served …, said": the relative clause opens
    // inside the apposition; the subject is the name and the apposition up to it, never a name inside the clause.
    const inner = parts.length >= 3 && parts[0]!.to - parts[0]!.from <= 5 ? relativeInside(tokens, parts[1]!) : -1;
    if (inner !== -1 && phraseFrom > parts[1]!.from) {
      const first = phraseAt(p, parts[0]!.from, inner);
      if (first !== null && first.kind === 'name') return { phrase: first, phraseFrom: parts[0]!.from, regionFrom: b, negated, modal, empty: false, afterComma: false, plausible: true };
    }
  }
  let phrase = phraseAt(p, phraseFrom, phraseTo);
  if (phrase === null) return null;
  const at = parts.findIndex((part) => part.from === phraseFrom);
  if (at > 0 && !isIntroPart(tokens, parts[at - 1]!)) {
    const fuller = withDescribedFamilyName(p, phrase, parts[at - 1], { from: phraseFrom, to: phraseTo });
    if (fuller !== phrase) [phrase, phraseFrom] = [fuller, parts[at - 1]!.from];
  }
  const afterComma = phraseFrom > u.from && (tokens[phraseFrom - 1]!.text === ',' || p.markOf[phraseFrom - 1] === 2);
  // A head-frame subject has no clause material before it in its own part ("A fire destroyed …" is content, not a subject);
  // the question in an "asked whether …" aside is not the subject's.
  let subjectEnd = phraseTo;
  for (let k = phraseFrom; passedAskedAside && k < phraseTo; k++) {
    if (tokens[k]!.text === ',') subjectEnd = Math.min(subjectEnd, k);
  }
  const plausible = !hasFiniteVerb(tokens, { from: phraseFrom, to: subjectEnd });
  return { phrase, phraseFrom, regionFrom: b, negated, modal, empty: false, afterComma, plausible };
}

/** "His eldest son, Richard Bramwell Jr,": the end of the name set off by commas after a short description, or -1. */
function apposedNameEnd(tokens: Token[], from: number, to: number): number {
  let comma = from + 1;
  while (comma < to && comma - from <= 4 && tokens[comma]!.kind === 'word' && !tokens[comma]!.cap) comma++;
  if (tokens[comma]?.text !== ',') return -1;
  let end = comma + 1;
  while (end < to && (tokens[end]!.cap || tokens[end]!.text === '.' || NAME_PARTICLES.has(tokens[end]!.text))) end++;
  return end > comma + 2 && tokens[end]?.text === ',' ? end : -1;
}

/**
 * "Mrs Lindqvist’s daughter, Anna, who …": a first name alone after the description that gives its family name is the
 * person the two parts name together (Anna Lindqvist); otherwise the first name's phrase as it was.
 */
function withDescribedFamilyName(p: PreparedParagraph, phrase: SpeakerPhrase, description: { from: number; to: number } | undefined, name: { from: number; to: number }): SpeakerPhrase {
  if (phrase.kind !== 'name' || phrase.name === null || phrase.name.includes(' ') || description === undefined || description.to <= description.from) return phrase;
  if (hasFiniteVerb(p.tokens, description)) return phrase;
  const whole = phraseAt(p, description.from, name.to);
  return whole !== null && whole.kind === 'name' && whole.type === 'person' && whole.name !== null && whole.name.startsWith(`${phrase.name} `) ? whole : phrase;
}

/** ", 67," or ", Mich.,": an age or a place between a name and its description. */
function isAgeOrPlace(tokens: Token[], part: { from: number; to: number }): boolean {
  const first = tokens[part.from];
  if (first === undefined || part.to - part.from > 3) return false;
  return (first.kind === 'num' && part.to - part.from <= 2) || (first.cap && tokens.slice(part.from, part.to).every((t) => t.cap || t.text === '.'));
}

/** "… from Florissant", "Missouri": a place after a place preposition ending one part, and the next part a place name alone. */
function isStateOfTown(tokens: Token[], town: { from: number; to: number }, state: { from: number; to: number }): boolean {
  const last = tokens[town.to - 1];
  const preposition = tokens[town.to - 2];
  return last !== undefined && last.cap && preposition !== undefined && /^(?:from|in|of|near|outside)$/.test(preposition.low) && town.to - 2 >= town.from && isAgeOrPlace(tokens, state) && tokens[state.from]!.kind !== 'num';
}

/** "R-Joplin", "D-North Las Vegas", "R-Ohio": a US party letter and a place, written after a legislator's name. */
function isPartyTag(tokens: Token[], part: { from: number; to: number }): boolean {
  const first = tokens[part.from];
  return first !== undefined && part.to - part.from <= 4 && /^[RDI]-\p{Lu}/u.test(first.text) && tokens.slice(part.from + 1, part.to).every((t) => t.cap || t.text === '.');
}

/** A part that ends in a person's name, with or without titles before it: "Rep. Tom Van Dyke", "State Sen. Arturo Q. Balderas". */
function isBareNameOrTitled(tokens: Token[], part: { from: number; to: number }): boolean {
  let from = part.from;
  // A list's bullet, titles and "State" before the name: "• State Sen. Arturo Q. Balderas".
  while (from < part.to && (tokens[from]!.kind === 'punct' || isTitleWord(tokens[from]!.low) || tokens[from]!.low === 'state')) from++;
  const words = tokens.slice(from, part.to).filter((t) => t.text !== '.');
  return words.length >= 2 && words.length <= 5 && words.every((t, k) => t.cap || (NAME_PARTICLES.has(t.text) && k < words.length - 1));
}

/** A part that is only a person's name (two to four name words): "Rick Santangelo". */
function isBareName(tokens: Token[], part: { from: number; to: number }): boolean {
  const length = part.to - part.from;
  if (length < 2 || length > 4) return false;
  for (let i = part.from; i < part.to; i++) if (!isPersonNameToken(tokens[i]!, tokens[i + 1])) return false;
  return true;
}

function splitTopLevel(tokens: Token[], from: number, to: number): { from: number; to: number }[] {
  const parts: { from: number; to: number }[] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const text = tokens[i]!.text;
    if (text === '(') depth++;
    else if (text === ')') depth = Math.max(0, depth - 1);
    else if (text === ',' && depth === 0 && !insidePortfolioList(tokens, start, i)) {
      parts.push({ from: start, to: i });
      start = i + 1;
    }
  }
  parts.push({ from: start, to });
  return parts;
}

function isSpaced(p: PreparedParagraph, i: number): boolean {
  const t = p.tokens[i]!;
  return /\s/.test(p.text[t.start - 1] ?? ' ') || /\s/.test(p.text[t.end] ?? ' ');
}

/** "told reporters", "told the tribunal", "told Reuters", "told Channel 7". */
function skipRecipient(p: PreparedParagraph, u: Unit, r: number): number {
  const { tokens } = p;
  const t = tokens[r];
  if (t !== undefined && r < u.to && p.markOf[r] === 1) {
    // "told "Meet the Press"": a programme heard it.
    const end = programmeTitleEnd(p, r);
    return end === -1 ? r : end;
  }
  if (!t || r >= u.to || p.quoteOf[r] !== -1 || t.low === 'that' || t.kind === 'punct') return r;
  if (t.cap) {
    let j = r;
    while (j < u.to && (tokens[j]!.cap || (tokens[j]!.kind === 'num' && j > r))) j++;
    // "told CNN's "State of the Union"": the outlet's programme is the hearer.
    if (/^['’]s$/u.test(tokens[j]?.low ?? '') && p.markOf[j + 1] === 1) {
      const end = programmeTitleEnd(p, j + 1);
      if (end !== -1) return end;
    }
    return j;
  }
  if (t.low === 'the' || t.low === 'a' || t.low === 'an') {
    let j = r + 1;
    // "told the court he had …", "told the inquest the lorry …": the hearer ends where the clause's subject begins.
    while (j < u.to && j <= r + 3 && tokens[j]!.kind === 'word' && tokens[j]!.low !== 'that' && !QUESTION_OPENERS.has(tokens[j]!.low) && !ADVERBIAL_PREPOSITIONS.has(tokens[j]!.low) && !(j > r + 1 && CLAUSE_SUBJECT_OPENERS.has(tokens[j]!.low))) j++;
    return j;
  }
  return RECIPIENT_WORDS.has(t.low) ? r + 1 : r;
}

/** A verb right after "that": no clause opens with its verb, so "that" is the subject ("said that was not true"). */
const DEMONSTRATIVE_THAT_VERBS: ReadonlySet<string> = new Set([...FINITE_VERBS, "'s", 'seemed', 'sounded', 'made', 'meant']);

/** A closing quote mark, then a few words (a name, a pronoun, a description) right before the cue at the clause's end. */
function quoteThenSubject(p: PreparedParagraph, u: Unit, c: number): boolean {
  const { tokens } = p;
  const ends = c + 1 >= u.to || FINAL_PUNCT.has(tokens[c + 1]!.text);
  if (!ends) return false;
  for (let k = c - 1; k >= u.from && k >= c - 6; k--) {
    if (p.markOf[k] === 2) return k < c - 1;
    if (tokens[k]!.kind !== 'word' && tokens[k]!.text !== '.' && tokens[k]!.text !== ',') return false;
  }
  return false;
}

/** Words that open a reported question: "asked whether …", "asked if …". */
const QUESTION_OPENERS: ReadonlySet<string> = new Set(['whether', 'if']);
/** Words before "asked" that make its subject the one asked: "when asked", "was asked", "being asked". */
const ASKED_OF: ReadonlySet<string> = new Set(['when', 'if', 'after', 'once', 'before', 'being', 'been', 'was', 'were', 'is', 'are', 'be', 'get', 'got', 'gets']);

/** Words that open the reported clause's subject right after a hearer: "told the court he …", "told the jury the …". */
const CLAUSE_SUBJECT_OPENERS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'there']);

/** Skips "on Monday", "in a statement", "at a briefing in Brussels", "Tuesday", ", however,". */
function skipAdverbials(p: PreparedParagraph, u: Unit, r: number): number {
  const { tokens } = p;
  for (let guard = 0; guard < 6 && r < u.to; guard++) {
    const t = tokens[r]!;
    if (p.quoteOf[r] !== -1) break;
    if (t.text === ',' && ASIDE_ADVERBS.has(tokens[r + 1]?.low ?? '') && tokens[r + 2]?.text === ',') {
      r += 3;
      continue;
    }
    if (TIME_WORDS.has(t.low) || LONE_ADVERBS.has(t.low)) {
      r++;
      continue;
    }
    if (DATE_LEADS.has(t.low) || ADVERBIAL_PREPOSITIONS.has(t.low)) {
      const end = adverbialPhraseEnd(p, u, r);
      if (end > r) {
        r = end;
        continue;
      }
    }
    break;
  }
  return r;
}

/** End of a when/where/how phrase starting at `r` ("on 28 October", "in a video posted online"), or `r` when none. */
function adverbialPhraseEnd(p: PreparedParagraph, u: Unit, r: number): number {
  const { tokens } = p;
  let j = r + 1;
  let informative = false;
  while (j < u.to && j - r <= 8) {
    const t = tokens[j]!;
    // "on ABC's "This Week"", "on "Fox News Sunday"": a programme's title in quote marks is where, not what was said.
    if (p.quoteOf[j] !== -1 && p.markOf[j] === 1) {
      const end = programmeTitleEnd(p, j);
      if (end === -1) break;
      j = end;
      informative = true;
      break;
    }
    if (p.quoteOf[j] !== -1 || t.low === 'that') break;
    // "ABC's", "CNN's": an outlet's possessive before its programme.
    if (/^['’]s$/u.test(t.low) && tokens[j - 1]!.cap && tokens[j + 1] !== undefined && p.markOf[j + 1] === 1) {
      j++;
      continue;
    }
    if (t.kind === 'punct' && t.text !== '.' && t.text !== "'s") break;
    if (t.kind === 'word' && (OCCASION_WORDS.has(t.low) || TIME_WORDS.has(t.low) || t.cap)) informative = true;
    if (t.kind === 'num') informative = true;
    j++;
    // A phrase ends at its occasion/time/place word unless a short tail follows ("in a video posted online").
    if (informative && (TIME_WORDS.has(t.low) || t.kind === 'num' || t.cap)) {
      const programmeNext = /^['’]s$/u.test(tokens[j]?.low ?? '') && p.markOf[j + 1] === 1;
      if (!(tokens[j]?.cap || tokens[j]?.kind === 'num' || TIME_WORDS.has(tokens[j]?.low ?? '') || programmeNext)) break;
    }
    if (informative && OCCASION_WORDS.has(t.low) && !OCCASION_WORDS.has(tokens[j]?.low ?? '')) {
      // "in a video posted online", "at a briefing in Brussels": allow a short tail up to the clause end.
      let k = j;
      while (k < u.to && k - j < 4 && tokens[k]!.kind === 'word' && tokens[k]!.low !== 'that' && p.quoteOf[k] === -1) k++;
      const stop = tokens[k];
      if (k > j && (k >= u.to || stop?.text === ',' || stop?.low === 'that' || FINAL_PUNCT.has(stop?.text ?? '') || stop?.text === ':')) j = k;
      break;
    }
  }
  if (!informative) return r;
  return j;
}

/**
 * End (after the closing mark) of a programme's title in quote marks opening at `open` ("This Week", "State of the
 * Union", "Meet the Press"): at most six words, every one capitalised but the small words of a title; -1 otherwise.
 */
function programmeTitleEnd(p: PreparedParagraph, open: number): number {
  const { tokens } = p;
  const region = p.quoteOf[open];
  let close = open + 1;
  while (close < tokens.length && p.quoteOf[close] === region && p.markOf[close] !== 2) close++;
  if (close >= tokens.length || p.markOf[close] !== 2) return -1;
  const words = tokens.slice(open + 1, close);
  const titleCase = words.length >= 1 && words.length <= 6 && words[0]!.cap && words.every((w) => w.cap || TITLE_SMALL_WORDS.has(w.low));
  return titleCase ? close + 1 : -1;
}

/** Small words left in lower case inside a title ("State of the Union", "Meet the Press"). */
const TITLE_SMALL_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'at', 'for', 'to', 'with']);

/** Content ending the unit from `start`: sentence-final punctuation outside quotes and publisher tails are left out. */
function clampContent(p: PreparedParagraph, u: Unit, start: number): Range | null {
  let end = unitEnd(p, u);
  for (const ex of p.excluded) if (ex.start >= start && ex.start < end) end = ex.start;
  end = trimBack(p.text, start, end);
  return end > start ? { start, end } : null;
}

/** End of the unit's text. */
function unitEnd(p: PreparedParagraph, u: Unit): number {
  return p.tokens[u.to - 1]!.end;
}

/** Trims spaces, a trailing comma, and sentence-final punctuation that is not inside a quote. */
function trimBack(text: string, start: number, end: number): number {
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  // A period inside a closing quote mark stays: `…their soldiers."` ends with the mark, not the period.
  while (end > start && /[.!?…]/u.test(text[end - 1]!)) end--;
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  return end;
}

/** At most `most` words (two by default): no clause of reported speech. */
function isTooShortForAClause(p: PreparedParagraph, from: number, end: number, most = 2): boolean {
  let words = 0;
  for (let k = from; k < p.tokens.length && p.tokens[k]!.start < end; k++) if (p.tokens[k]!.kind === 'word' && ++words > most) return false;
  return true;
}

/** Objects that make "claimed"/"declared" an idiom: "declared victory", "claimed responsibility". */
const IDIOM_OBJECTS = new Set(['victory', 'credit', 'responsibility', 'success', 'bankruptcy', 'war', 'independence', 'defeat']);

/** Content before the subject of a tail or inverted frame: the quote just before it, or the clause from the unit start. */
function contentBefore(p: PreparedParagraph, u: Unit, subjectFrom: number): Pick<Hit, 'content' | 'quoted' | 'quoteIndex'> | null {
  const { tokens } = p;
  let k = subjectFrom - 1;
  if (k >= u.from && DASHES.has(tokens[k]!.text) && p.quoteOf[k] === -1) k--; // "«…,» – warned X"
  if (k >= u.from && tokens[k]!.text === ',' && p.quoteOf[k] === -1) k--;
  if (k < u.from) return null;
  if (p.markOf[k] === 2) return quoteContent(p, p.quoteOf[k]!);
  let startTok = u.from;
  while (startTok < k && tokens[startTok]!.start < p.datelineEnd) startTok++;
  const start = tokens[startTok]!.start;
  const end = trimBack(p.text, start, tokens[k]!.end);
  if (end <= start) return null;
  return { content: { start, end }, quoted: false, quoteIndex: -1 };
}

/** The words inside quote `q`, a trailing comma left out (it stands for the period the attribution replaced). */
export function quoteContent(p: PreparedParagraph, q: number): Pick<Hit, 'content' | 'quoted' | 'quoteIndex'> {
  const r = p.quotes[q]!;
  let start = r.innerStart;
  let end = r.innerEnd;
  while (start < end && /\s/u.test(p.text[start]!)) start++;
  while (end > start && /[\s,]/u.test(p.text[end - 1]!)) end--;
  return { content: { start, end }, quoted: true, quoteIndex: q };
}

function closeMarkToken(p: PreparedParagraph, q: number): number {
  for (let i = 0; i < p.tokens.length; i++) if (p.quoteOf[i] === q && p.markOf[i] === 2) return i;
  return -1;
}

const PAST_MAIN_VERBS = new Set(['issued', 'released', 'posted', 'published', 'sent', 'went', 'wrote', 'put', 'took', 'gave', 'made', 'responded', 'reacted', 'hit', 'struck', 'doubled', 'pushed', 'broke', 'spoke', 'appeared', 'shared', 'tweeted', 'replied', 'followed']);

/**
 * "X issued a statement on Tuesday saying …", "X went further, saying …": a participle cue after an
 * occasion noun or a comma reports what the clause's subject said.
 */
function participleFrame(p: PreparedParagraph, u: Unit, c: number, info: CueInfo): Hit[] {
  const { tokens } = p;
  // ", asking the court to order …" is a request, ", asking whether …" a question: only a quote is reported.
  if (info.lemma === 'ask' && p.markOf[skipRecipient(p, u, c + 1)] !== 1) return [];
  // "…, with Okafor calling for tariffs and Holloway warning that …": the second subject, a name.
  const second = secondWithSubject(p, u, c);
  if (second !== null) return ownSubjectFrame(p, u, c, info, second, (own) => own.kind === 'name');
  let k = c - 1;
  // Back over "on Tuesday", "in Ottawa", "late on Monday" to an occasion noun or a comma.
  while (k > u.from && k > c - 6 && !OCCASION_WORDS.has(tokens[k]!.low) && tokens[k]!.text !== ',' && p.quoteOf[k] === -1) k--;
  if (k <= u.from || (tokens[k]!.text !== ',' && !OCCASION_WORDS.has(tokens[k]!.low))) return [];
  // ", each insisting …", ", some saying …": the participle has a subject of its own, not the clause's.
  if (OWN_SUBJECT_WORDS.has(tokens[c - 1]!.low)) return [];
  // ", with several member states arguing that …": the subject is the one "with" introduces.
  if (tokens[k]!.text === ',' && tokens[k + 1]?.low === 'with' && c - (k + 2) >= 1) return ownSubjectFrame(p, u, c, info, k + 2, (own) => own.kind !== 'non-agent' && own.kind !== 'media');
  // The clause's subject: from the unit start (after a dateline and an opening adverbial) to its main verb.
  let b = u.from;
  while (b < k && tokens[b]!.start < p.datelineEnd) b++;
  const firstComma = tokens.findIndex((t, i) => i >= b && i < k && t.text === ',');
  if (firstComma !== -1 && isIntroPart(tokens, { from: b, to: firstComma })) b = firstComma + 1;
  let v = b + 1;
  while (v < k && !(tokens[v]!.kind === 'word' && !tokens[v]!.cap && isMainVerb(tokens[v]!.low))) v++;
  if (v >= k) return [];
  let to = v;
  // "Jordan Whitlock later posted …": an adverb before the main verb is not part of the subject.
  while (to > b && (tokens[to - 1]!.text === ',' || LONE_ADVERBS.has(tokens[to - 1]!.low))) to--;
  const phrase = phraseAt(p, b, to);
  if (phrase === null || phrase.kind === 'non-agent' || phrase.kind === 'media') return [];
  const said = participleSaid(p, u, c);
  if (said === null || said.content === null) return [];
  const intro = b > u.from ? { start: tokens[u.from]!.start, end: tokens[b]!.start } : null;
  return [{ type: 'frame', rule: 'participle', unit: u.index, phrase, cue: { start: tokens[c]!.start, end: tokens[c]!.end }, cueInfo: info, negated: false, ...said, frame: { start: phrase.start, end: said.content.start }, intro }];
}

/**
 * The clause's main verb before a participle cue: "issued", a cue ("said"), a form of "be" or "have"
 * ("Hollings was more cautious, saying …"), or a regular past tense ("Erdoğan hosted the envoys, telling …").
 */
function isMainVerb(low: string): boolean {
  if (PAST_MAIN_VERBS.has(low) || MAIN_AUXILIARIES.has(low)) return true;
  if (CUES.has(low)) return !CUES.get(low)!.participle;
  return low.length > 4 && /[^e]ed$|[^e]eed$|[aiou]ed$/.test(low);
}

const OWN_SUBJECT_WORDS = new Set(['each', 'some', 'many', 'all', 'both', 'others', 'most', 'several', 'few', 'one']);

const MAIN_AUXILIARIES = new Set(['was', 'were', 'is', 'are', 'has', 'had', 'have']);

/** ", adding that …" / ", writing: "…"": what the participle reports, the quote's own words when a quote follows. */
function participleSaid(p: PreparedParagraph, u: Unit, c: number): Pick<Hit, 'content' | 'quoted' | 'quoteIndex'> | null {
  let from = c + 1;
  if (p.tokens[from]?.text === ':') from++;
  if (from < u.to && p.markOf[from] === 1) return quoteContent(p, p.quoteOf[from]!);
  const content = participleContent(p, u, c);
  return content === null ? null : { content, quoted: false, quoteIndex: -1 };
}

/** ", adding that …" / ", noting that …": the second content, with the same speaker. */
/** A participle at `c` whose own subject runs from `from` up to it (a "with" clause's), when `speaks` accepts that subject. */
function ownSubjectFrame(p: PreparedParagraph, u: Unit, c: number, info: CueInfo, from: number, speaks: (own: SpeakerPhrase) => boolean): Hit[] {
  const own = phraseAt(p, from, c);
  const content = own === null || !speaks(own) ? null : participleContent(p, u, c);
  if (own === null || content === null) return [];
  const cue = { start: p.tokens[c]!.start, end: p.tokens[c]!.end };
  return [{ type: 'frame', rule: 'participle', unit: u.index, phrase: own, cue, cueInfo: info, negated: false, content, quoted: false, quoteIndex: -1, frame: { start: own.start, end: content.start }, intro: null }];
}

/**
 * "…, with Okafor calling for tariffs and Holloway warning that …": the start of a second subject of a "with"
 * clause ("Holloway"), a name joined by "and" right before the participle at `c`; null otherwise.
 */
function secondWithSubject(p: PreparedParagraph, u: Unit, c: number): number | null {
  const { tokens } = p;
  let j = c - 1;
  while (j > u.from && j >= c - 4 && tokens[j]!.cap && p.quoteOf[j] === -1) j--;
  if (j === c - 1 || tokens[j]!.low !== 'and') return null;
  for (let w = j - 1; w > u.from; w--) if (tokens[w]!.low === 'with' && tokens[w - 1]!.text === ',') return j + 1;
  return null;
}

function participleContent(p: PreparedParagraph, u: Unit, c: number): Range | null {
  let from = c + 1;
  // ", telling supporters that …", ", assuring reporters that …": the hearer is not what was said.
  if (CUES.get(p.tokens[c]!.low)?.recipient) {
    let that = false;
    for (let k = from; k < u.to && k < from + 8 && p.tokens[k]!.kind === 'word' && p.quoteOf[k] === -1; k++) {
      if (p.tokens[k + 1]?.low === 'that') {
        from = k + 1;
        that = true;
        break;
      }
    }
    // ", telling the council the transfer would …": without "that", the hearer ends where the clause's subject begins.
    if (!that) from = skipRecipient(p, u, from);
  }
  if (p.tokens[from]?.low === 'that') from++;
  if (from >= u.to) return null;
  return clampContent(p, u, p.tokens[from]!.start);
}

/** A that-clause, colon, quote, comma or sentence end soon after the cue (or "called for/on"). */
function clauseFollows(p: PreparedParagraph, u: Unit, c: number, info: CueInfo): boolean {
  const { tokens } = p;
  // "A poll … found Villanueva-Hart at 46 percent and Mayhew at 45": a finding given as shares, with no "that".
  if ((info.lemma === 'find' || info.lemma === 'show') && c + 1 < u.to && tokens[c + 1]!.cap && sharesFollow(p, u, c)) return true;
  const limit = Math.min(u.to, c + 8);
  for (let k = c + 1; k < limit; k++) {
    const t = tokens[k]!;
    if (t.low === 'that' || t.text === ':' || p.markOf[k] === 1) return true;
    if (info.lemma === 'call' && k === c + 1 && (t.low === 'for' || t.low === 'on')) return true;
    if (info.nounLike && !info.needsClause && (t.text === ',' || FINAL_PUNCT.has(t.text)) && k <= c + 4) return true;
    if (FINAL_PUNCT.has(t.text)) return info.nounLike === true && !info.needsClause;
  }
  return c + 1 >= u.to && info.nounLike === true && !info.needsClause;
}

/** A share or a lead in the rest of the clause: "46 percent", "58% to 31%", "ahead by five points". */
function sharesFollow(p: PreparedParagraph, u: Unit, c: number): boolean {
  for (let k = c + 1; k < u.to && k <= c + 12; k++) {
    const low = p.tokens[k]!.low;
    if (low === '%' || low === 'percent' || low === 'cent' || low === 'points' || low === 'percentage') return true;
    if (p.tokens[k]!.text.endsWith('%')) return true;
  }
  return false;
}

/** For ", without evidence, that …" at `r`: the token after "that"; -1 when the comma opens no such aside. */
function asideBeforeThat(p: PreparedParagraph, u: Unit, r: number): number {
  for (let k = r + 1; k < u.to && k <= r + 5; k++) {
    const t = p.tokens[k]!;
    if (p.quoteOf[k] !== -1) return -1;
    if (t.text === ',') return p.tokens[k + 1]?.low === 'that' ? k + 2 : -1;
  }
  return -1;
}

/** Reporting verbs whose object is always the hearer: never "…," told Jane Doe. */
const NEVER_INVERTED: ReadonlySet<string> = new Set(['tell', 'inform', 'assure', 'remind', 'notify']);

/** After "…, said": a speaker phrase running to the end of the clause (not "that …" or an object). */
function looksInverted(p: PreparedParagraph, u: Unit, c: number): boolean {
  const { tokens } = p;
  let to = c + 1;
  while (to < u.to && p.quoteOf[to] === -1 && !FINAL_PUNCT.has(tokens[to]!.text) && tokens[to]!.text !== ':' && tokens[to]!.low !== 'that' && !isExcluded(p, tokens[to]!.start)) to++;
  if (to === c + 1 || to - c > 20) return false;
  // The speaker phrase runs to the end of the sentence: not "that …", not a quote, not an object.
  const stop = tokens[to];
  if (stop && !FINAL_PUNCT.has(stop.text) && !isExcluded(p, stop.start)) return false;
  if (CUES.get(tokens[c]!.low)?.needsClause) return false;
  // '"…," the lawyer, Darnell Pryce, told Judge Marcia Lindgren': whom one tells is the hearer; news never writes "told Smith" for "Smith told".
  if (NEVER_INVERTED.has(CUES.get(tokens[c]!.low)?.lemma ?? '')) return false;
  // It starts like a name or a description: "said Jane Doe", "said the representative", "said owner Anthony Rossi".
  const next = tokens[c + 1]!;
  const opens = next.cap || /^(?:the|a|an|his|her|its|their|one|he|she)$/.test(next.low) || PERSON_TITLE_WORDS.has(next.low);
  if (!opens || BACKREF_OBJECTS.has(next.low) || ADVERBIAL_PREPOSITIONS.has(next.low) || TIME_WORDS.has(next.low)) return false;
  const phrase = phraseAt(p, c + 1, to);
  if (phrase === null || phrase.kind === 'non-agent' || phrase.kind === 'pronoun') return false;
  // "Jane Doe, an analyst at Y, said the plan would fail": a clause follows the cue, and what precedes
  // the comma names a speaker, so it is a head frame with an apposition, not an inverted one.
  if (hasFiniteVerb(tokens, { from: c + 1, to })) return false;
  const before = phraseAt(p, u.from, c - 1);
  return !(before !== null && (before.kind === 'name' || before.kind === 'role' || before.kind === 'new-person') && !hasFiniteVerb(tokens, { from: u.from, to: c - 1 }));
}

/** "…," said Jane Doe, a senior analyst at Y. — the subject follows the cue. */
function invertedFrame(p: PreparedParagraph, u: Unit, c: number, info: CueInfo): Hit[] {
  const { tokens } = p;
  const t = tokens[c]!;
  let to = c + 1;
  while (to < u.to && p.quoteOf[to] === -1 && tokens[to]!.text !== ';' && tokens[to]!.text !== ':' && !isExcluded(p, tokens[to]!.start)) to++;
  const followQuote = to < u.to && p.markOf[to] === 1 ? p.quoteOf[to]! : -1;
  let npTo = to;
  while (npTo > c + 1 && (FINAL_PUNCT.has(tokens[npTo - 1]!.text) || tokens[npTo - 1]!.text === ',')) npTo--;
  if (npTo <= c + 1) return [];
  const phrase = phraseAt(p, c + 1, npTo);
  if (phrase === null || phrase.kind === 'non-agent') return [];
  if (c === u.from) return []; // nothing before it
  const before = contentBefore(p, u, c);
  if (before === null) return [];
  const base = { unit: u.index, phrase, cue: { start: t.start, end: t.end }, cueInfo: info, negated: false, frame: { start: t.start, end: unitEnd(p, u) }, intro: null };
  const hits: Hit[] = [{ ...base, type: 'frame', rule: 'inverted', ...before }];
  if (followQuote !== -1) hits.push({ ...base, type: 'frame', rule: 'interrupted-quote', ...quoteContent(p, followQuote) });
  return hits;
}

/** "this was stated by X", "This was reported by Alliance spokeswoman Fara Dahlallah". */
function passiveFrame(p: PreparedParagraph, u: Unit, c: number, be: number): Hit[] {
  const { tokens } = p;
  const next = tokens[c + 1];
  if (next?.low !== 'by') return [];
  let s = be - 1;
  while (s >= u.from && (tokens[s]!.low === 'has' || tokens[s]!.low === 'have' || tokens[s]!.low === 'had' || tokens[s]!.low === 'also')) s--;
  if (s < u.from || !BACKREF_SUBJECTS.has(tokens[s]!.low)) return [];
  let to = c + 2;
  while (to < u.to && p.quoteOf[to] === -1 && !FINAL_PUNCT.has(tokens[to]!.text) && !isExcluded(p, tokens[to]!.start)) to++;
  const phrase = phraseAt(p, c + 2, to);
  if (phrase === null) return [];
  return [
    {
      type: 'backref',
      rule: 'passive',
      unit: u.index,
      phrase,
      cue: { start: tokens[be]!.start, end: next.end },
      cueInfo: CUES.get(tokens[c]!.low)!,
      negated: false,
      content: null,
      quoted: false,
      quoteIndex: -1,
      frame: { start: tokens[s]!.start, end: unitEnd(p, u) },
      intro: null,
    },
  ];
}

/** "It was reported that …", "Later it became known that …", "It is understood that …": reports without a speaker. */
function findImpersonal(p: PreparedParagraph, u: Unit): Hit | null {
  const { tokens } = p;
  for (let i = u.from; i < u.to - 3; i++) {
    if (tokens[i]!.low !== 'it' || p.quoteOf[i] !== -1) continue;
    let j = i + 1;
    while (j < u.to && j - i <= 4 && /^(?:was|is|has|had|have|been|became|become|becomes|also|later|already|widely|now|being)$/.test(tokens[j]!.low)) j++;
    if (j === i + 1 || j >= u.to) continue;
    const verb = tokens[j]!.low;
    const becameKnown = verb === 'known' && /^becom|^became/.test(tokens[j - 1]!.low);
    if (!(IMPERSONAL_REPORT.has(verb) || becameKnown) || tokens[j + 1]?.low !== 'that') continue;
    const content = clampContent(p, u, tokens[j + 2]?.start ?? tokens[j + 1]!.end);
    if (content === null) return null;
    return {
      type: 'impersonal',
      rule: 'impersonal',
      unit: u.index,
      phrase: null,
      cue: { start: tokens[i + 1]!.start, end: tokens[j]!.end },
      cueInfo: null,
      negated: false,
      content,
      quoted: false,
      quoteIndex: -1,
      frame: { start: tokens[u.from]!.start, end: content.start },
      intro: null,
    };
  }
  return null;
}

/** "According to X, CONTENT" and "CONTENT, according to X." */
function findAccordingTo(p: PreparedParagraph, u: Unit): Hit | null {
  const { tokens } = p;
  for (let a = u.from; a < u.to - 2; a++) {
    if (tokens[a]!.low !== 'according' || tokens[a + 1]!.low !== 'to' || p.quoteOf[a] !== -1 || isExcluded(p, tokens[a]!.start)) continue;
    let npTo = a + 2;
    while (npTo < u.to && (tokens[npTo]!.text !== ',' || insidePortfolioList(tokens, a + 2, npTo)) && p.quoteOf[npTo] === -1 && (!FINAL_PUNCT.has(tokens[npTo]!.text) || isInitialsDot(tokens, npTo, u.to))) npTo++;
    // "…, according to data from Immigration, Refugees and Citizenship Canada.": after the comma, names to the end of
    // the sentence continue the source, not a claim.
    if (a > u.from && tokens[npTo]?.text === ',' && namesToEnd(p, npTo + 1, u.to)) npTo = FINAL_PUNCT.has(tokens[u.to - 1]!.text) ? u.to - 1 : u.to;
    const phrase = phraseAt(p, a + 2, npTo);
    if (phrase === null) return null;
    const cue = { start: tokens[a]!.start, end: tokens[a + 1]!.end };
    const base = { type: 'according' as const, rule: 'according-to' as const, unit: u.index, phrase, cue, cueInfo: null, negated: false, quoted: false, quoteIndex: -1, intro: null };
    const endsUnit = npTo >= u.to || (npTo === u.to - 1 && FINAL_PUNCT.has(tokens[npTo]!.text));
    const leading = a === u.from || tokens.slice(u.from, a).every((t, k) => k === 0 ? isIntroWord(t) : true) && tokens[a - 1]?.text === ',' && a - u.from <= 4;
    // "Prices rose 5.8 per cent, according to Statistics Canada, outpacing …" / "…, according to X, an ad-tracking
    // firm.": after the comma comes a participle or the source's apposition, so the claim is before.
    const next = tokens[npTo + 1];
    const asideAfter = !leading && a - u.from > 4 && next !== undefined && !next.cap && (/ing$/.test(next.low) || /^(?:a|an)$/.test(next.low));
    if (!endsUnit && !asideAfter && (leading || tokens[npTo]?.text === ',')) {
      // "According to J.P. Thibault, a telecom analyst at Harbourfront Securities, regulators …": the source's apposition is not the claim.
      const from = (leading ? appositionEnd(p, npTo + 1, u.to) : null) ?? npTo + 1;
      if (from >= u.to) return null;
      if (p.markOf[from] === 1) return { ...base, ...quoteContent(p, p.quoteOf[from]!), frame: { start: cue.start, end: phrase.end } };
      const content = clampContent(p, u, tokens[from]!.start);
      return content ? { ...base, content, frame: { start: cue.start, end: phrase.end } } : null;
    }
    if (a > u.from) {
      const before = contentBefore(p, u, a);
      if (before === null) return null;
      return { ...base, ...before, frame: { start: cue.start, end: unitEnd(p, u) } };
    }
    return null;
  }
  return null;
}

/**
 * After "According to NAME,": the token after an apposition describing the source ("a telecom analyst at
 * Harbourfront Securities,", "the city's chief economist,"), or null when what follows is not one.
 */
function appositionEnd(p: PreparedParagraph, from: number, to: number): number | null {
  const { tokens } = p;
  if (!/^(?:a|an|the)$/.test(tokens[from]?.text ?? '')) return null;
  for (let k = from + 1; k < to && k <= from + 14; k++) {
    const t = tokens[k]!;
    // An auxiliary or a reporting verb makes a clause of it: no apposition ("a telecom analyst at X,") holds one.
    if (p.quoteOf[k] !== -1 || FINAL_PUNCT.has(t.text) || (!t.cap && (FINITE_VERBS.has(t.low) || CUES.has(t.low)))) return null;
    if (t.text === ',') return k + 1 < to ? k + 1 : null;
  }
  return null;
}

/** Tokens `from`…`to` are capitalised names, commas and connectors only, up to the sentence's end. */
function namesToEnd(p: PreparedParagraph, from: number, to: number): boolean {
  const { tokens } = p;
  let names = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (p.quoteOf[k] !== -1) return false;
    if (t.cap) names++;
    else if (!(t.text === ',' || /^(?:and|&|of|for|the)$/.test(t.low) || (k === to - 1 && FINAL_PUNCT.has(t.text)))) return false;
  }
  return names > 0;
}

/** The dot of an initial inside a name that goes on: "the U.S. Drought Monitor", "Ben S. Bernanke". */
function isInitialsDot(tokens: Token[], k: number, to: number): boolean {
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return tokens[k]!.text === '.' && before !== undefined && before.end === tokens[k]!.start && /^(?:\p{Lu}|(?:\p{L}\.)+\p{L})$/u.test(before.text) && k + 1 < to && after !== undefined && after.cap;
}

function isIntroWord(t: Token): boolean {
  return /^(?:earlier|later|meanwhile|however|also|previously|recently|but|and|so|then|now|yet)$/i.test(t.text);
}

