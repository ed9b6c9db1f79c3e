/**
 * extractStatements: every sentence that reports what someone said, with who
 * said it, how, exactly what (verbatim span), figures, stance and date.
 *
 * Per paragraph, frames.ts finds the attribution frames; here they become
 * statements with article context: speakers resolved against the article's
 * people (entities.ts), back-references ("X said this at a briefing") given
 * the content before them, colon introductions ("Rutte said:") and
 * multi-paragraph quotes carried to the next paragraph, quotes without their
 * own attribution given the speaker of the paragraph or the one before,
 * headline attributions ("…, - Stano", "…: Ukraine's OSCE representative").
 */
import { MONTHS, WEEKDAYS } from '../text/calendar.js';
import { codePointToUtf16Mapper, utf16ToCodePointMapper } from '../text/offsets.js';
import { partitionPoint } from '../text/search.js';
import { memoized } from '../text/memo.js';
import { firstDate, type ResolvedDate } from './dates.js';
import { abbreviationsOf, EntityRegistry, isRelatedOrg, nameTails, LOOKUP_WINDOW, NewestByKey, type Entity, type PersonMention, type Resolution, type TextLookups } from './entities.js';
import { genderOfFullName, genderOfGivenName, isKnownGivenName } from './firstNames.js';
import type { AttributionRule, SpeakerRule } from './rules.js';
import { parseFigures } from './figures.js';
import { articleAttributionsAllowed, articleParagraphsAllowed, findFrames, quoteContent, type Hit } from './frames.js';
import { CUES, FINITE_VERBS, SUBORDINATORS, FOCUS_ADVERBS, GROUP_NOUNS, INTRO_WORDS, isArabicArticleName, isGenerational, KNOWN_ORGS, NAME_PARTICLES, LEGAL_FORMS, NEW_PERSON_NOUNS, ORG_NAME_WORDS, SEEN_BY, ORG_ROLE_NOUNS, PERSON_ROLE_NOUNS, PERSON_TITLE_WORDS, PORTFOLIO_NOUNS, PORTFOLIO_WORDS } from './lexicon.js';
import { prepareParagraph, type PreparedParagraph, type Range } from './paragraph.js';
import type { QuoteRegion } from './quotes.js';
import { NATIONALITY_WORDS, PLACE_WORDS } from './places.js';
import { splitSentences } from './sentences.js';
import { followsGivenName, followsInitial, genderOfWord, introductoryPhraseEnd, isLeadingDescriptor, isPersonNameToken, isOwnedOffice, isPlaceModifier, isPlaceWord, isPortfolioList, isPostnominal, isTitleWord, NAME_CONNECTORS, NO_ACRONYMS, parseSpeakerPhrase, PERSONAL_ORGANISATIONS, POSSESSIVE_PRONOUNS, SENIORITY, type SpeakerPhrase } from './speakers.js';
import { isPersonNoun as isAnyPersonNoun, isSingularPersonNoun } from './personNouns.js';
import { detectStance } from './stance.js';
import { tokenize, type Token } from './tokens.js';
import { sameNameToken as sameNameTokenLoose, spellingKey } from './translit.js';
import type { Extraction, ExtractionInput, SpeakerMention, Stance, Statement, StatementKind } from './types.js';

interface Para extends PreparedParagraph {
  /** Code point offset of the paragraph in the source. */
  cpStart: number;
  /** Paragraph-local UTF-16 index → code point offset within the paragraph. */
  toCp: (i: number) => number;
}

interface Place {
  para: number;
  start: number;
  end: number;
}

interface Draft {
  kind: StatementKind;
  rule: AttributionRule;
  resolution: Resolution | null;
  /** A headline speaker to resolve once the whole article is read. */
  deferred: SpeakerPhrase | null;
  phrase: Place | null;
  cue: Place | null;
  content: Place;
  quoted: boolean;
  cueStance: Stance | null;
  /** Where to look for the date, in order: the frame, the sentence intro, the content. */
  dateIn: Place[];
  /** Speaker taken from context (the paragraph before): a later attribution may correct it. */
  weak: boolean;
  quote: { para: number; index: number } | null;
  date: (ResolvedDate & { basis: 'frame' | 'content' | 'context' }) | null;
}

interface Pending {
  rule: AttributionRule;
  phrase: Place | null;
  resolution: Resolution | null;
  deferred: SpeakerPhrase | null;
  cue: Place | null;
  cueStance: Stance | null;
  dateIn: Place[];
}

export function extractStatements(input: ExtractionInput): Extraction {
  return new ArticleExtractor(input).run();
}

class ArticleExtractor {
  private readonly paras: Para[] = [];
  private readonly drafts: Draft[] = [];
  private readonly registry: EntityRegistry;
  private colonIntro: Pending | null = null;
  private chain: { resolution: Resolution | null; drafts: Draft[] } | null = null;
  /** Where the allowances stopped the reading (code points), or null when the article was read whole. */
  private readUpTo: number | null = null;

  constructor(private readonly input: ExtractionInput) {
    this.registry = new EntityRegistry(this.lookups());
  }

  run(): Extraction {
    const paragraphs = [...this.input.paragraphs].sort((a, b) => a.index - b.index);
    const sentencesBy = new Map<number, number[]>();
    for (const s of this.input.sentences) {
      const list = sentencesBy.get(s.paragraphIndex) ?? [];
      list.push(s.span.start);
      sentencesBy.set(s.paragraphIndex, list);
    }
    for (const paragraph of paragraphs) {
      if (this.paras.length >= articleParagraphsAllowed(paragraph.span.end)) {
        this.readUpTo = paragraph.span.start;
        break;
      }
      if (paragraph.text.trim() === '') continue;
      const toUtf16 = codePointToUtf16Mapper(paragraph.text);
      const cpStarts = sentencesBy.get(paragraph.index);
      const starts = cpStarts !== undefined && cpStarts.length > 0 ? cpStarts.map((cp) => toUtf16(Math.max(0, cp - paragraph.span.start))) : splitSentences(paragraph.text).map((r) => r.start);
      const prepared = prepareParagraph(paragraph.index, paragraph.kind, paragraph.text, starts.sort((a, b) => a - b));
      this.paras.push(Object.assign(prepared, { cpStart: paragraph.span.start, toCp: utf16ToCodePointMapper(paragraph.text) }) as Para);
    }
    // All paragraphs are tokenized first: a headline's look-ups read the body's names from the same tokens.
    for (let pi = 0; pi < this.paras.length; pi++) this.processParagraph(pi);
    return this.finish();
  }

  // ---- per paragraph -------------------------------------------------------

  private processParagraph(pi: number): void {
    const p = this.paras[pi]!;
    const before = this.drafts.length;
    // An article denser in attributions than any prose (a list, an attack) is read for them only until it first
    // exceeds its allowance: past that point it has shown itself to be no news, and the rest is indexed as text.
    if (this.readUpTo !== null) return;
    if (before >= articleAttributionsAllowed(p.cpStart + p.text.length)) {
      this.readUpTo = p.cpStart;
      return;
    }
    if (p.kind === 'body' && this.labelledTurn(pi)) return;
    const hits = findFrames(p);
    const headline = p.kind !== 'body';
    if (hits.length === 0 && p.kind === 'title') this.headlineAttribution(pi);

    for (const hit of hits) this.applyHit(pi, hit, headline);
    this.standaloneQuotes(pi, before);
    if (this.drafts.length === before && hits.length === 0 && p.quotes.length === 0) this.bareSpeakerLine(pi);
    // A colon introduction serves the paragraph right after it only.
    if (!hits.some((h) => h.type === 'colon-intro')) this.colonIntro = null;
  }

  private applyHit(pi: number, hit: Hit, headline: boolean): void {
    const p = this.paras[pi]!;
    const surface = hit.phrase ? p.text.slice(hit.phrase.nameStart, hit.phrase.nameEnd) : '';
    const dateIn = [placeIn(pi, hit.frame), ...(hit.intro ? [placeIn(pi, hit.intro)] : [])];
    this.cursor = { para: pi, pos: hit.phrase?.start ?? 0, skip: hit.content ? [hit.content] : [] };
    const phrase = hit.phrase === null ? null : withIntroGender(p.text, hit);
    // Who asks a question is not who answers it: the asker is no antecedent for the next "he said".
    const asks = hit.cueInfo?.lemma === 'ask';
    const subject = phrase !== null && !headline ? this.organisationOpening(p, hit, phrase) : null;
    const { resolution, deferred } = subject !== null
      ? this.resolvedAs(this.resolvePhrase(subject, p.text.slice(subject.nameStart, subject.nameEnd), headline), 'it-subject')
      : phrase ? this.resolvePhrase(phrase, surface, headline, !asks) : { resolution: null, deferred: null };
    const cueStance = stanceOfCue(hit);
    // "… said in a statement": remember who issued it, for a later "the statement said".
    if (hit.cue && resolution) {
      const issued = ISSUED_IN.exec(p.text.slice(hit.cue.end, hit.cue.end + 60));
      if (issued) this.registry.issued(issued[1]!.toLowerCase(), resolution);
    }

    if (hit.type === 'colon-intro') {
      this.colonIntro = { rule: 'colon-intro', phrase: hit.phrase ? placeIn(pi, { start: hit.phrase.start, end: hit.phrase.end }) : null, resolution, deferred, cue: hit.cue ? placeIn(pi, hit.cue) : null, cueStance, dateIn };
      return;
    }
    if (hit.type === 'backref') {
      this.backReference(pi, hit, resolution, deferred, dateIn);
      return;
    }
    let kind: StatementKind = hit.type === 'according' ? 'according-to' : hit.quoted ? 'direct' : 'indirect';
    if (hit.type === 'impersonal' || hit.phrase?.kind === 'media') kind = 'unattributed';
    // "Oluwaseun Adebayo … said she had registered": what the speaker says of themself tells their gender where the name
    // lists cannot (the census list reads many given names for the one sex most often given them in the US).
    // Only where the name is introduced in full, and no one else is named before it in the paragraph ("Thorvaldsen says he
    // owes …" is about another man).
    // The pronoun first: the paragraph's names are read only for the few statements that open with one.
    const selfPronoun = kind === 'indirect' && hit.content !== null && resolution?.entity?.type === 'person' ? /^(she|he)\s/u.exec(p.text.slice(hit.content.start, hit.content.start + 4)) : null;
    const introduced = selfPronoun !== null && hit.phrase?.kind === 'name' && hit.phrase.name?.includes(' ') === true && !this.namesOf(pi).some((c) => c.index < hit.phrase!.nameStart && !c.single);
    if (selfPronoun !== null && introduced) this.registry.genderFromText(resolution!.entity!, selfPronoun[1] === 'she' ? 'f' : 'm');
    // "said the layoffs were temporary and that every worker had been rehired": two things said, each its own statement.
    const parts = kind === 'indirect' ? splitAtAndThat(p, hit.content!) : [hit.content!];
    for (const content of parts) this.addHitDraft(pi, hit, content, kind, resolution, deferred, cueStance, dateIn);
    // An attribution closing a multi-paragraph quote names the speaker of the whole quote.
    if (this.chain && hit.quoteIndex !== -1 && p.quotes[hit.quoteIndex]!.open === 0 && resolution) {
      for (const d of this.chain.drafts) if (d.weak) d.resolution = resolution;
      this.chain = null;
    }
  }

  private addHitDraft(pi: number, hit: Hit, content: Range, kind: StatementKind, resolution: Resolution | null, deferred: SpeakerPhrase | null, cueStance: Stance | null, dateIn: Place[]): void {
    const draft: Draft = {
      kind,
      rule: hit.rule,
      resolution,
      deferred,
      phrase: hit.phrase && hit.type !== 'impersonal' && hit.phrase.kind !== 'media' ? placeIn(pi, { start: hit.phrase.start, end: hit.phrase.end }) : null,
      cue: hit.cue ? placeIn(pi, hit.cue) : null,
      content: placeIn(pi, content),
      quoted: hit.quoted,
      cueStance,
      dateIn: [...dateIn, placeIn(pi, content)],
      weak: false,
      quote: hit.quoteIndex !== -1 ? { para: pi, index: hit.quoteIndex } : null,
      date: null,
    };
    this.addDraft(draft);
  }

  /**
   * "The English Montreal School Board will not apply the law, it said Friday": an organisation named at the start of
   * the words reported before "it said" is what says them, as a phrase to resolve; else null.
   */
  private organisationOpening(p: PreparedParagraph, hit: Hit, phrase: SpeakerPhrase): SpeakerPhrase | null {
    if (phrase.kind !== 'pronoun' || phrase.text.toLowerCase() !== 'it' || hit.content === null || hit.content.end > phrase.start) return null;
    const opening = organisationCandidates(p.text.slice(hit.content.start, Math.min(hit.content.end, hit.content.start + 160)), '')[0];
    if (opening === undefined || p.text.slice(hit.content.start, hit.content.start + opening.index).trim().replace(/^the$/i, '') !== '') return null;
    const from = p.tokens.findIndex((t) => t.start >= hit.content!.start + opening.index);
    if (from === -1) return null;
    // The whole name, with what joins its words: "Central Bank of the Republic of Turkey".
    let to = from;
    const joins = (k: number) => NAME_CONNECTORS.has(p.tokens[k]!.low) && (p.tokens[k + 1]?.cap === true || (p.tokens[k + 1]?.low === 'the' && p.tokens[k + 2]?.cap === true));
    while (to < p.tokens.length && p.tokens[to]!.end <= hit.content.end && (p.tokens[to]!.cap || (p.tokens[to]!.text === '.' && to > from) || (to > from && joins(to)))) to++;
    const named = parseSpeakerPhrase(p.text, p.tokens, from, to);
    return named !== null && named.kind === 'name' && named.type === 'organisation' ? named : null;
  }

  private resolvedAs(found: { resolution: Resolution | null; deferred: SpeakerPhrase | null }, rule: SpeakerRule): { resolution: Resolution | null; deferred: SpeakerPhrase | null } {
    return found.resolution?.entity ? { ...found, resolution: { ...found.resolution, rule } } : found;
  }

  private resolvePhrase(phrase: SpeakerPhrase, surface: string, headline: boolean, speaks = true): { resolution: Resolution | null; deferred: SpeakerPhrase | null } {
    // Headlines name people before the body introduces them: resolve roles and pronouns at the end.
    // "Lindqvist tells Springfield crowd: …": a surname alone in a headline is the body's person of that name, named in full
    // only below it.
    const surnameAlone = phrase.kind === 'name' && phrase.type !== 'organisation' && phrase.name !== null && !/\s/.test(phrase.name) && !/^\p{Lu}+$/u.test(phrase.name);
    if (headline && (phrase.kind === 'role' || phrase.kind === 'pronoun' || surnameAlone)) return { resolution: null, deferred: phrase };
    const resolution = this.registry.resolve(phrase, surface);
    // Spoke where the phrase ends: a person named inside it ("Beaumont, … appointed by Gov. Richard Alden, said")
    // was not named after the speaker, and does not make a later "he said" unclear.
    const place = this.cursor.para * 1e6 + Math.max(this.cursor.pos, phrase.end);
    if (!speaks) return { resolution, deferred: null };
    if (resolution && (resolution.entity || resolution.text)) this.registry.spoke(resolution, place);
    // A pronoun left unclear is someone too: a later "he said" must not skip back past them to an earlier speaker.
    else if (resolution?.rule === 'surname-ambiguous' || resolution?.rule === 'first-name-ambiguous' || (resolution?.rule === 'pronoun-unclear' && phrase.type === 'person')) this.registry.spokeUnnamed(place, phrase.gender);
    return { resolution, deferred: null };
  }

  /** Content places of the drafts, as `para:start:end`: a set, so an article of thousands of statements is not searched for each. */
  private readonly draftPlaces = new Set<string>();

  /**
   * The drafts whose content lies in paragraph `para`, in order. A draft is added while its own
   * paragraph or the next is read, so all of them come after any draft of an earlier paragraph
   * than para - 1: the scan from the end stops there, and an article of thousands of paragraphs
   * is not searched whole for each.
   */
  private draftsIn(para: number): Draft[] {
    const found: Draft[] = [];
    for (let i = this.drafts.length - 1; i >= 0 && this.drafts[i]!.content.para >= para - 1; i--) {
      if (this.drafts[i]!.content.para === para) found.push(this.drafts[i]!);
    }
    return found.reverse();
  }

  private addDraft(draft: Draft): void {
    const place = `${draft.content.para}:${draft.content.start}:${draft.content.end}`;
    if (this.draftPlaces.has(place)) return;
    this.draftPlaces.add(place);
    this.drafts.push(draft);
    if (!draft.quoted) {
      const list = this.reportedIn.get(draft.content.para) ?? [];
      let at = list.length;
      while (at > 0 && list[at - 1]!.start > draft.content.start) at--;
      list.splice(at, 0, { start: draft.content.start, end: draft.content.end });
      this.reportedIn.set(draft.content.para, list);
    }
  }

  /** "Peter Stano … said this at a briefing", "this was stated by X": the content is the text before. */
  private backReference(pi: number, hit: Hit, resolution: Resolution | null, deferred: SpeakerPhrase | null, dateIn: Place[]): void {
    const p = this.paras[pi]!;
    let target: Place | null = null;
    if (hit.unit > 0) {
      const first = p.units[0]!;
      const last = p.units[hit.unit - 1]!;
      const start = Math.max(p.tokens[first.from]!.start, p.datelineEnd);
      target = { para: pi, start, end: trimEnd(p.text, start, p.tokens[last.to - 1]!.end) };
    } else if (pi > 0 && this.paras[pi - 1]!.kind !== 'heading') {
      const q = this.paras[pi - 1]!;
      target = { para: pi - 1, start: q.datelineEnd, end: trimEnd(q.text, q.datelineEnd, q.text.length) };
    }
    if (target === null || target.end <= target.start) return;
    const cue = hit.cue ? { para: pi, start: hit.cue.start, end: hit.cue.end } : null;
    const phrase = hit.phrase ? { para: pi, start: hit.phrase.start, end: hit.phrase.end } : null;
    const overlapping = this.draftsIn(target.para).filter((d) => d.content.start < target!.end && d.content.end > target!.start);
    const unnamed = (d: Draft) => d.resolution === null || (d.resolution.entity === null && d.resolution.text === null);
    const sameSpeaker = overlapping.length > 0 && overlapping.every((d) => unnamed(d) || (d.resolution!.entity !== null && d.resolution!.entity === resolution?.entity) || d.deferred !== null);
    if (overlapping.length > 0 && sameSpeaker) {
      // The statement was already read: this sentence adds its speaker and date ("He said this on 28 October").
      for (const d of overlapping) {
        if (d.resolution === null || d.resolution.entity === null) {
          d.resolution = resolution;
          d.deferred = deferred;
          d.phrase = phrase;
        }
        d.dateIn = [...dateIn, ...d.dateIn];
      }
      return;
    }
    // Someone else's words reported by this speaker ("NATO allies have confirmed … This was reported by X").
    for (const d of overlapping) {
      this.drafts.splice(this.drafts.indexOf(d), 1);
      this.draftPlaces.delete(`${d.content.para}:${d.content.start}:${d.content.end}`);
    }
    this.addDraft({
      kind: resolution === null && deferred === null ? 'unattributed' : 'indirect',
      rule: hit.rule,
      resolution,
      deferred,
      phrase,
      cue,
      content: target,
      quoted: false,
      cueStance: null,
      dateIn: [...dateIn, target],
      weak: false,
      quote: null,
      date: null,
    });
  }

  /** A draft reporting a question ('"…?" Callahan asked'): its cue is a form of "ask". */
  private isQuestion(d: Draft): boolean {
    if (d.cue === null) return false;
    const text = this.paras[d.cue.para]!.text.slice(d.cue.start, d.cue.end).toLowerCase();
    return CUES.get(text)?.lemma === 'ask';
  }

  /** Quotes with no attribution of their own take the speaker of their context. */
  private standaloneQuotes(pi: number, firstDraft: number): void {
    const p = this.paras[pi]!;
    const own = this.drafts.slice(firstDraft).filter((d) => d.content.para === pi);
    let nextChain: typeof this.chain = null;
    for (const [qi, region] of p.quotes.entries()) {
      if (region.dangling) continue;
      if (own.some((d) => d.quote?.index === qi && d.quote.para === pi)) {
        if (region.close === -1) nextChain = { resolution: own.find((d) => d.quote?.index === qi)!.resolution, drafts: [own.find((d) => d.quote?.index === qi)!] };
        continue;
      }
      const open = region.open === -1 ? region.innerStart : region.open;
      if (own.some((d) => d.content.start <= open && d.content.end > open)) continue;
      const afterAttributed = own.some((d) => d.content.start < open && (d.resolution !== null || d.deferred !== null));
      if (!this.isStandaloneQuote(p, qi, afterAttributed ? 1 : 3)) continue;
      const { content } = quoteContent(p, qi);
      const opensParagraph = open === 0;
      let resolution: Resolution | null = null;
      let deferred: SpeakerPhrase | null = null;
      let weak = false;
      let cue: Place | null = null;
      let cueStance: Stance | null = null;
      let dateIn: Place[] = [];
      let phrase: Place | null = null;
      let rule: AttributionRule = 'quote-unattributed';
      const earlier = own.filter((d) => d.content.start < open && d.content.para === pi).at(-1);
      // '"Will you serve in his administration?" Callahan asked. "I've got a day job."': the answer is not the asker's.
      const afterQuestion = earlier !== undefined && this.isQuestion(earlier);
      if (opensParagraph && this.colonIntro) {
        ({ resolution, deferred, cue, cueStance, dateIn, phrase, rule } = this.colonIntro);
        this.colonIntro = null;
      } else if (opensParagraph && this.chain) {
        resolution = this.chain.resolution;
        weak = true;
        rule = 'quote-chain';
      } else if (earlier && afterQuestion) {
        // Left unattributed: who answered is said (if at all) by what the engine does not read.
      } else if (earlier) {
        ({ resolution, deferred } = earlier);
        rule = 'quote-in-paragraph';
      } else if (opensParagraph && (resolution = this.speakerNamedAfter(pi)) !== null) {
        rule = 'quote-named-after';
      } else {
        const previous = this.draftsIn(pi - 1).at(-1);
        // An organisation does not say "I": a quote in the first person singular is not carried to one.
        const firstPerson = /\b(?:I|I'm|I’m|I've|I’ve|my|me|mine)\b/.test(content === null ? '' : p.text.slice(content.start, content.end));
        if (previous && !this.isQuestion(previous) && (previous.resolution?.entity || previous.resolution?.text) && !(firstPerson && previous.resolution.type === 'organisation') && !this.namesAnotherPerson(pi, open, previous.resolution)) {
          resolution = previous.resolution;
          weak = true;
          rule = 'quote-previous-paragraph';
        }
      }
      const draft: Draft = {
        kind: resolution || deferred ? 'direct' : 'unattributed',
        rule,
        resolution,
        deferred,
        phrase,
        cue,
        content: { para: pi, start: content!.start, end: content!.end },
        quoted: true,
        cueStance,
        dateIn: [...dateIn, { para: pi, start: content!.start, end: content!.end }],
        weak,
        quote: { para: pi, index: qi },
        date: null,
      };
      this.addDraft(draft);
      own.push(draft);
      if (opensParagraph && this.chain) this.chain.drafts.push(draft);
      if (region.close === -1) nextChain = { resolution, drafts: [...(opensParagraph && this.chain ? this.chain.drafts : []), draft] };
    }
    this.chain = nextChain;
  }

  /**
   * '"…" ¶ That was Mei-Ling Cheung, who waited …' / 'Those were the words of Tyrese Campbell-Ward, 17, …': the paragraph
   * after a standalone quote opens by naming its speaker.
   */
  private speakerNamedAfter(pi: number): Resolution | null {
    const next = this.paras[pi + 1];
    if (next === undefined || next.kind !== 'body') return null;
    const opening = NAMED_AFTER.exec(next.text);
    if (opening === null) return null;
    const named = this.peopleOf(pi + 1).find((c) => c.index === opening[0].length && !c.single);
    return named === undefined ? null : this.registry.resolve(namePhrase(named.name), named.name);
  }

  /** A quote that is a sentence of its own (or runs on to the next paragraph), not a phrase inside one. */
  private isStandaloneQuote(p: PreparedParagraph, qi: number, minWords: number): boolean {
    const region = p.quotes[qi]!;
    const inner = p.text.slice(region.innerStart, region.innerEnd);
    if ((inner.match(/[\p{L}\p{N}]+/gu) ?? []).length < minWords && region.close !== -1) return false;
    let openTok = -1;
    let closeTok = -1;
    for (let i = 0; i < p.tokens.length; i++) {
      if (p.quoteOf[i] !== qi) continue;
      if (p.markOf[i] === 1) openTok = i;
      if (p.markOf[i] === 2) closeTok = i;
    }
    if (openTok === -1) return false;
    const unit = p.units[p.unitOf[openTok]!]!;
    const startsUnit = openTok === unit.from || p.tokens[openTok - 1]?.text === ':';
    if (!startsUnit) return false;
    if (closeTok === -1) return true;
    const rest = p.tokens.slice(closeTok + 1, unit.to);
    return rest.every((t) => /^[.!?…]+$/u.test(t.text));
  }

  /** The word is a surname of someone the body names in full. */
  private namedInBody(word: string): boolean {
    if (this.bodySurnames === undefined) {
      this.bodySurnames = new NewestByKey();
      for (const [i, p] of this.paras.entries()) {
        if (p.kind !== 'body') continue;
        for (const c of this.namesOf(i)) {
          if (c.single) continue;
          const surname = lastNameToken(c.name);
          this.bodySurnames.add(spellingKey(surname), surname);
        }
      }
    }
    // Spelling variants share a key (as in `fullNamesFor`); the newest SAME_NAME_WINDOW of them are weighed.
    const key = spellingKey(word);
    if (this.bodySurnames.newest(key).some((surname) => sameNameTokenLoose(surname, word))) return true;
    // Names inside quotes count too ("Colin Pruitt is the type …"): they tell a surname from an organisation, though they never speak.
    return this.quotedNames().newest(key).some(({ name }) => sameNameTokenLoose(lastNameToken(name), word));
  }

  /** Surnames of the full names the body gives outside quotes, by spelling key, computed once. */
  private bodySurnames: NewestByKey<string> | undefined;

  /** Full names written inside the body's quotes, by the spelling key of their surname, with their paragraph; read once, when first needed. */
  private quotedNames(): NewestByKey<{ name: string; para: number }> {
    if (this.quotedFullNames === undefined) {
      this.quotedFullNames = new NewestByKey();
      for (const [i, p] of this.paras.entries()) {
        if (p.kind !== 'body' || p.quotes.length === 0) continue;
        for (const c of personCandidatesIn(tokensInsideQuotes(p))) if (!c.single) this.quotedFullNames.add(spellingKey(lastNameToken(c.name)), { name: c.name, para: i });
      }
    }
    return this.quotedFullNames;
  }

  private quotedFullNames: NewestByKey<{ name: string; para: number }> | undefined;

  /** "NATO Secretary General Mark Rutte, Censor.NET reports …" under a headline: the name is the headline's speaker. */
  private bareSpeakerLine(pi: number): void {
    if (pi === 0) return;
    const p = this.paras[pi]!;
    const prev = this.paras[pi - 1]!;
    if (prev.kind === 'heading' || this.draftsIn(pi - 1).length > 0) return;
    // Only "Name, Outlet reports …": a name line with a publisher tail, never a byline or a section label.
    if (p.excluded.length === 0) return;
    let end = p.text.length;
    for (const ex of p.excluded) end = Math.min(end, ex.start);
    const tokens = p.tokens.filter((t) => t.end <= end && !/^[.,]$/.test(t.text));
    if (tokens.length === 0 || tokens.length > 8) return;
    const phrase = parseSpeakerPhrase(p.text, p.tokens, 0, p.tokens.indexOf(tokens.at(-1)!) + 1);
    if (phrase === null || phrase.kind !== 'name' || phrase.type !== 'person') return;
    const surface = p.text.slice(phrase.nameStart, phrase.nameEnd);
    this.cursor = { para: pi, pos: phrase.start, skip: [] };
    const { resolution, deferred } = this.resolvePhrase(phrase, surface, false);
    const target = { para: pi - 1, start: prev.datelineEnd, end: trimEnd(prev.text, prev.datelineEnd, prev.text.length) };
    this.addDraft({
      kind: 'indirect',
      rule: 'bare-speaker-line',
      resolution,
      deferred,
      phrase: { para: pi, start: phrase.start, end: phrase.end },
      cue: null,
      content: target,
      quoted: false,
      cueStance: null,
      dateIn: [target],
      weak: false,
      quote: null,
      date: null,
    });
  }

  /** Headline attributions without a verb: "…, - Stano", "…: Ukraine's OSCE representative", "Police: …". */
  private headlineAttribution(pi: number): void {
    const p = this.paras[pi]!;
    const text = p.text;
    const all = p.tokens;
    const tryPhrase = (start: number, end: number, maxTokens: number): SpeakerPhrase | null => {
      const from = all.findIndex((t) => t.start >= start);
      let to = all.findIndex((t) => t.start >= end);
      if (to === -1) to = all.length;
      if (from === -1 || to - from === 0 || to - from > maxTokens) return null;
      const phrase = parseSpeakerPhrase(text, all, from, to);
      return phrase && (phrase.kind === 'name' || phrase.kind === 'role' || phrase.kind === 'group') ? phrase : null;
    };
    const make = (phrase: SpeakerPhrase, contentStart: number, contentEnd: number, rule: AttributionRule) => {
      let start = contentStart;
      let end = trimEnd(text, start, contentEnd);
      while (start < end && /\s/u.test(text[start]!)) start++;
      let quoted = false;
      if (/^["“«‘]/u.test(text.slice(start)) && /["”»’]$/u.test(text.slice(0, end))) {
        start++;
        end--;
        quoted = true;
      }
      if (end <= start) return;
      const surface = text.slice(phrase.nameStart, phrase.nameEnd);
      this.cursor = { para: pi, pos: phrase.start, skip: [] };
      const { resolution, deferred } = this.resolvePhrase(phrase, surface, true);
      this.addDraft({
        kind: quoted ? 'direct' : 'indirect',
        rule,
        resolution,
        deferred,
        phrase: { para: pi, start: phrase.start, end: phrase.end },
        cue: null,
        content: { para: pi, start, end },
        quoted,
        cueStance: null,
        dateIn: [{ para: pi, start, end }],
        weak: false,
        quote: null,
        date: null,
      });
    };
    const dash = /^(.*\S)\s*,?\s+[-–—]\s+([^-–—]{2,60})$/u.exec(text);
    if (dash) {
      const speakerStart = text.length - dash[2]!.length;
      const phrase = tryPhrase(speakerStart, text.length, 6);
      if (phrase) return make(phrase, 0, dash[1]!.length, 'headline-dash');
    }
    const suffix = /^(.{12,}?):\s+([^:]{2,60})$/u.exec(text);
    if (suffix) {
      const speakerStart = text.length - suffix[2]!.length;
      const phrase = tryPhrase(speakerStart, text.length, 6);
      if (phrase && phrase.kind !== 'group') return make(phrase, 0, suffix[1]!.length, 'headline-colon');
    }
    const prefix = /^([^:]{2,40}):\s+(.+)$/u.exec(text);
    if (prefix) {
      const phrase = tryPhrase(0, prefix[1]!.length, 4);
      // "Police: …", "Rutte: …" — but not a one-word section label ("Opinion:", "Reaction:"), nor a newsletter's
      // name in capitals that the body never names ("MORNING WHIP: …").
      const capitalsLabel = /^[\p{Lu}\s'’&-]+$/u.test(prefix[1]!) && phrase?.kind === 'name' && !this.namedInBody(phrase.text.split(/\s+/).at(-1)!) && !this.namedInBody(titleCaseCaps(phrase.text).split(/\s+/).at(-1)!);
      if (phrase && !capitalsLabel && (phrase.kind !== 'name' || phrase.text.includes(' ') || this.namedInBody(phrase.text))) return make(phrase, prefix[1]!.length + 1, text.length, 'headline-colon');
    }
  }

  // ---- transcripts and round-ups ---------------------------------------------

  /** A Q: was seen: later "A:" paragraphs are the interviewee's answers. */
  private transcript = false;
  private interviewee: Resolution | null | undefined = undefined;

  /**
   * "NAME: words", "A: words" (transcripts) and "Name, Outlet: "…"" (round-ups): the label names the
   * speaker of the whole paragraph. Questions (Q:, or a turn ending in "?") are not statements.
   * Returns true when the paragraph was a labelled turn (and so has no other frames).
   */
  /** Speaker labels already resolved to someone, by label. */
  private readonly labelResolutions = new Map<string, Resolution>();
  /** Labels of turns that asked something, or that the label calls a host: their turns may report others. */
  private readonly questioners = new Set<string>();
  /** Labels (full and surname) of the outlet's reporter in a two-way: their turns are narration. */
  private readonly narrators = new Set<string>();
  /** A host's or a questioner's turn has been seen under a name label: the article is a transcript of named turns. */
  private get transcriptLabels(): boolean {
    return this.questioners.size > 0;
  }

  private labelledTurn(pi: number): boolean {
    const p = this.paras[pi]!;
    const m = LABEL.exec(p.text);
    if (m === null) return false;
    const label = m[1]!;
    // A host's turn that reports someone else ("A spokesperson said the council …") is read by the frames;
    // an answer (A:) is the interviewee's own words, whoever it mentions.
    const answerTurn = /^A\.?$/i.test(label);
    // Only a host's or questioner's turn is read that way: an interviewee who relates what someone told them ("my
    // mother, Graciela, told me …") is still the one speaking.
    // The name without its role: "JEAN-LUC AMYOT (REPORTER)" and "SARAH THORSGAARD, BYLINE" are "jean-luc amyot", "sarah thorsgaard".
    const labelKey = label.replace(/\s*\(.*$/, '').replace(/,.*$/, '').trim().toLowerCase();
    const surnameKey = labelKey.split(/\s+/).at(-1)!;
    // The reporter's own turns ("THORSGAARD:" after "SARAH THORSGAARD, BYLINE:") tell the story: read like any
    // paragraph of narration, for the speech they report.
    if (NARRATOR_LABEL.test(label)) this.narrators.add(labelKey).add(surnameKey);
    if (this.narrators.has(labelKey)) {
      this.questioners.add(labelKey);
      return false;
    }
    const questioner = HOST_LABEL.test(label) || this.questioners.has(labelKey) || /\?["”’]?\s*$/u.test(p.text);
    if (/\?["”’]?\s*$/u.test(p.text)) this.questioners.add(labelKey);
    // A host labelled once by role ("ANDREA KOWALCZYK (HOST):") is the host under the surname label that follows ("KOWALCZYK:").
    if (HOST_LABEL.test(label)) this.questioners.add(labelKey).add(surnameKey);
    const interviewee = this.transcriptLabels && !questioner;
    if (!answerTurn && !/^Q\.?$/i.test(label) && !interviewee && findFrames(p).some((h) => h.phrase !== null && h.phrase.kind !== 'pronoun' && h.content !== null && h.content.start >= m[0].length)) return false;
    const restStart = m[0].length;
    if (/^Q\.?$/i.test(label)) {
      this.transcript = true;
      return true;
    }
    let resolution: Resolution | null;
    let rule: AttributionRule = 'speaker-label';
    if (/^A\.?$/i.test(label)) {
      if (!this.transcript) return false;
      resolution = this.intervieweeResolution();
    } else {
      const cut = label.search(/,|\s\(/);
      const nameText = titleCaseCaps(cut === -1 ? label : label.slice(0, cut)).replace(/\s+(?:again|too|also|later)$/i, (m) => ' '.repeat(m.length)).trimEnd();
      if (cut !== -1) rule = 'roundup';
      const tokens = tokenize(nameText);
      if (tokens.length === 0 || tokens.length > 6) return false;
      // A label is a name, nothing else: "Rutte noted:" is a colon introduction, not a label.
      if (tokens.some((t) => t.kind === 'word' && !t.cap && !NAME_PARTICLES.has(t.text) && !isArabicArticleName(t.text))) return false;
      // "WHAT THEY SAID:", "Filed Under:": words no name is made of.
      if (tokens.some((t) => t.kind === 'word' && isNotNameWord(t.text) && !isTitleWord(t.low))) return false;
      const phrase = parseSpeakerPhrase(nameText, tokens, 0, tokens.length);
      if (phrase === null || phrase.kind !== 'name' || phrase.type !== 'person') return false;
      // "TOP TALKER:", "BOTTOM LINE:": a newsletter's section label ends in a common noun, not a surname, and opens
      // with no given name.
      const words = phrase.name!.split(/\s+/);
      if (words.length >= 2 && genderOfGivenName(words[0]!) === null && isAnyPersonNoun(words.at(-1)!.toLowerCase()) && this.fullNamesFor(words.at(-1)!).length === 0) return false;
      // The cursor first: the names written before this turn are what a one-word label may stand for.
      this.cursor = { para: pi, pos: 0, skip: [] };
      const single = !phrase.name!.includes(' ');
      if (single && this.fullNamesFor(phrase.name!).length === 0) return false;
      // A transcript's label names the same person at every turn: "NAKAMURA:" stays Ellen S. Nakamura after her
      // answer names her father Hiroshi Nakamura.
      const key = nameText.toLowerCase();
      // "PRENTICE:" after "DOUGLAS J. PRENTICE:": the person an earlier full label named (the text's capitals are no name to look up).
      const byEarlierLabel = () => {
        const found = single ? [...this.labelResolutions.values()].filter((r) => r.entity?.type === 'person' && r.entity.name.toLowerCase().endsWith(` ${key}`)) : [];
        return found.length === 1 ? found[0]! : null;
      };
      resolution = this.labelResolutions.get(key) ?? byEarlierLabel() ?? this.registry.resolve(phrase, nameText.slice(phrase.nameStart, phrase.nameEnd));
      if (resolution?.entity) {
        this.labelResolutions.set(key, resolution);
        // A host's turn is addressed to the guest: the "he" of the next turns is never the host.
        if (!questioner) this.registry.spoke(resolution, pi * 1e6);
      }
    }
    let start = restStart;
    let end = trimEnd(p.text, start, p.text.length);
    if (p.text[end - 1] === '?' || /\?["”’]?$/u.test(p.text.trimEnd())) return true; // a question
    let quoted = false;
    if (/^["“«‘']/u.test(p.text.slice(start))) {
      start++;
      quoted = true;
      if (/["”»’']$/u.test(p.text.slice(0, end))) end--;
    }
    while (end > start && /[\s,]/u.test(p.text[end - 1]!)) end--;
    if (end <= start) return true;
    const content = { para: pi, start, end };
    this.addDraft({
      kind: 'direct',
      rule,
      resolution,
      deferred: null,
      phrase: { para: pi, start: 0, end: m[1]!.length },
      cue: null,
      content,
      quoted: quoted || rule === 'speaker-label',
      cueStance: null,
      dateIn: [content],
      weak: false,
      quote: null,
      date: null,
    });
    return true;
  }

  /** The person an interview is with: the one the title names, else the first the body names in full. */
  private intervieweeResolution(): Resolution | null {
    if (this.interviewee !== undefined) return this.interviewee;
    // Bylines name the interviewer: "By Ben Hargreaves".
    const inParagraphs = (indexes: number[]) => indexes.filter((i) => this.paras[i] !== undefined && !BYLINE.test(this.paras[i]!.text)).flatMap((i) => this.peopleOf(i).filter((c) => !c.single && !c.afterPreposition));
    // A name opening with a known given name first ("Jeannie Akulukjuk" over the title's "Grays Bay port").
    const pick = (people: PersonCandidate[]) => people.find((c) => isKnownGivenName(c.name.split(' ')[0]!)) ?? people.at(0);
    // The paragraph that introduces the questions names the one answering them ("Clerk Denise M. Fairweather spoke with the Lantern").
    const firstQuestion = this.paras.findIndex((p) => p !== undefined && /^Q\s*[:.]/.test(p.text));
    // Its subject only: "He spoke with the Review's Nora Quill" names the interviewer.
    const introduced = firstQuestion > 0 ? inParagraphs([firstQuestion - 1]).filter((c) => c.subject) : [];
    const named = pick(introduced) ?? pick(inParagraphs([...this.paras.keys()]));
    if (named === undefined) return (this.interviewee = null);
    const resolution = this.registry.resolve(namePhrase(named.name), named.name);
    this.interviewee = resolution ? { ...resolution, rule: 'name', via: `A: → the interviewee named in the title or first: ${named.name}` } : null;
    return this.interviewee;
  }

  // ---- lazy look-ups in the article text ------------------------------------

  /** Where the phrase being resolved sits, so look-ups read only the text before it. */
  private cursor: { para: number; pos: number; skip: Range[] } = { para: 0, pos: 0, skip: [] };

  /** Paragraph texts before the cursor, nearest first: the current paragraph cut at the cursor (quotes blanked), then up to six before. */
  /** The article's first body paragraph of some length (an outlet's name on a line of its own is not the lede). */
  private isLede(pi: number): boolean {
    this.ledeIndex ??= this.paras.findIndex((p) => p.kind === 'body' && countWords(p.text, LEDE_MIN_WORDS) >= LEDE_MIN_WORDS);
    return pi === this.ledeIndex;
  }

  private ledeIndex: number | undefined;

  private textsBefore(sameParagraphOnly: boolean): { text: string; para: Para }[] {
    const out: { text: string; para: Para }[] = [];
    const current = this.paras[this.cursor.para];
    if (current) out.push({ text: blankQuotes(current).slice(0, this.cursor.pos), para: current });
    if (sameParagraphOnly) return out;
    for (let i = this.cursor.para - 1; i >= 0 && i >= this.cursor.para - 6; i--) {
      const p = this.paras[i]!;
      out.push({ text: blankQuotes(p), para: p });
    }
    return out;
  }

  /** Names in each paragraph outside quotes, every one (`namesIn`), and those that count as people (`peopleIn`); once per paragraph. */
  private readonly namesIn = new Map<number, PersonCandidate[]>();
  private readonly peopleIn = new Map<number, PersonCandidate[]>();

  private namesOf(i: number): PersonCandidate[] {
    let found = this.namesIn.get(i);
    if (found === undefined) {
      found = personCandidatesIn(tokensOutsideQuotes(this.paras[i]!));
      this.namesIn.set(i, found);
      for (const c of found) if (c.kinOf !== undefined) this.withKinSurname(i, c, c.kinOf);
    }
    return found;
  }

  /**
   * "Sharon Dietz … Her husband, Ray, said": a given name introduced as a family member of "his"/"her" takes the
   * surname of the nearest full name before it of that gender (this paragraph, then up to three before).
   */
  private withKinSurname(i: number, kin: PersonCandidate, gender: 'm' | 'f'): void {
    if (kin.name.includes(' ') || !isKnownGivenName(kin.name)) return;
    for (let j = i; j >= 0 && j >= i - 3; j--) {
      // Not a name after a preposition unless its first word is a known given name: "a rig hand from Drayton Valley" names a town.
      const people = (this.namesIn.get(j) ?? this.namesOf(j)).filter((c) => !c.single && (!c.afterPreposition || genderOfGivenName(c.name.split(' ')[0]!) !== null) && c.name.includes(' ') && c.kinOf === undefined && (j < i || c.index < kin.index));
      for (let k = people.length - 1; k >= 0; k--) {
        const c = people[k]!;
        // A name whose gender no list knows agrees, as it does with a pronoun.
        const known = c.gender ?? genderOfFullName(c.name);
        if (known !== null && known !== gender) continue;
        // "skipper of the Bonnie Morven": a name after "the" is a boat's, a building's, a team's; never the possessor.
        if (/\b(?:the|a|an)\s+$/i.test(this.paras[j]!.text.slice(Math.max(0, c.index - 5), c.index))) continue;
        kin.name = `${kin.name} ${lastNameToken(c.name)}`;
        return;
      }
    }
  }

  private peopleOf(i: number): PersonCandidate[] {
    let found = this.peopleIn.get(i);
    if (found === undefined) {
      // A name after a preposition counts only with a known given name ("to Ruth Kavanagh", not "in New Carlisle").
      // The census list knows "Kelvin" as it knows "North" and "Lake": its word counts unless it opens place names.
      // Not "in Vienna Kyrylo Zakharchov": a place the census also holds, before a given name.
      found = this.namesOf(i).filter((c) => !c.afterPreposition || genderOfGivenName(c.name.split(' ')[0]!) !== null || (!c.single && censusPersonAfterPreposition(c.name)));
      this.peopleIn.set(i, found);
    }
    return found;
  }

  /** People named before the cursor: the current paragraph up to it, then up to six paragraphs before (full names only). */
  private peopleBefore(sameParagraph: boolean): PersonCandidate[][] {
    const out: PersonCandidate[][] = [];
    const last = sameParagraph ? this.cursor.para : Math.max(0, this.cursor.para - 6);
    for (let i = this.cursor.para; i >= last; i--) {
      if (!this.paras[i]) continue;
      const found = this.peopleOf(i).filter((c) => !c.single);
      out.push(i === this.cursor.para ? found.filter((c) => c.index < this.cursor.pos) : found);
    }
    return out;
  }

  /** Full names written anywhere before the cursor in the article, ending in `surname` (with `quotedToo`, inside quotes when none is outside). */
  private fullNamesFor(surname: string, quotedToo = false): string[] {
    this.indexNamesBeforeCursor();
    const key = spellingKey(surname);
    const names = new Set<string>();
    for (const name of this.fullNamesByKey.newest(key).reverse()) if (sameNameTokenLoose(lastNameToken(name), surname)) names.add(name);
    const current = this.paras[this.cursor.para];
    if (current) {
      for (const c of this.peopleJustBefore()) {
        if (!c.single && sameNameTokenLoose(lastNameToken(c.name), surname)) names.add(c.name);
      }
    }
    // None outside quotes: a full name quoted earlier ("Colin Pruitt is the type …", then "Pruitt himself insisted").
    if (names.size === 0 && quotedToo) {
      for (const { name, para } of this.quotedNames().newest(key)) if (para < this.cursor.para && sameNameTokenLoose(lastNameToken(name), surname)) names.add(name);
    }
    return [...names];
  }

  /**
   * The organisation, named before in full, that a shorter name stands for: its first word ("Karranga" for
   * "Karranga Resources"), its last words ("Red Cross" for "Canadian Red Cross"), its initials ("AP" for "The
   * Associated Press") or a short form news writing uses for it ("Fed").
   */
  private organisationNamed(name: string): string | null {
    const keys = new Set(shortNameKeys(name));
    if (keys.size === 0) return null;
    if (this.paras[this.cursor.para]) {
      // The last organisation of the paragraph before the cursor, other than `name`, under any of the keys.
      const byKey = this.organisationKeysOf(this.cursor.para);
      let found: { name: string; order: number } | null = null;
      for (const key of keys) {
        const list = byKey.get(key);
        if (list === undefined) continue;
        let j = partitionPoint(list, (o) => o.index < this.cursor.pos) - 1;
        if (j >= 0 && list[j]!.name === name) j = list[j]!.otherBefore;
        if (j >= 0 && (found === null || list[j]!.order > found.order)) found = list[j]!;
      }
      if (found) return found.name;
    }
    this.indexOrganisationsBeforeCursor();
    for (const key of keys) {
      const full = this.organisationsByShortName.get(key);
      if (full !== undefined && full !== name) return full;
    }
    return null;
  }

  /**
   * Full names (by surname key) and organisations (by first word) of the paragraphs before the cursor's,
   * indexed once each as the cursor moves on, so a look-up costs the same in the 200th paragraph as in the
   * 2nd: an article's preparation stays linear in its length.
   */
  private readonly organisationsIn = new Map<number, { name: string; index: number }[]>();

  private readonly organisationKeysIn = new Map<number, Map<string, OrganisationByKey[]>>();

  /**
   * The organisations of paragraph `i` under each key of `fullNameKeys`, in text order, built once per paragraph:
   * a paragraph naming thousands of organisations is not read whole for each short name.
   */
  private organisationKeysOf(i: number): Map<string, OrganisationByKey[]> {
    let byKey = this.organisationKeysIn.get(i);
    if (byKey === undefined) {
      byKey = new Map();
      for (const [order, c] of this.organisationsOf(i).entries()) {
        for (const key of new Set(fullNameKeys(c.name))) {
          const list = byKey.get(key) ?? [];
          const last = list.at(-1);
          const otherBefore = last === undefined ? -1 : last.name !== c.name ? list.length - 1 : last.otherBefore;
          list.push({ name: c.name, index: c.index, order, otherBefore });
          byKey.set(key, list);
        }
      }
      this.organisationKeysIn.set(i, byKey);
    }
    return byKey;
  }

  /** Organisations named in paragraph `i`, found once per paragraph. */
  private organisationsOf(i: number): { name: string; index: number }[] {
    let found = this.organisationsIn.get(i);
    if (found === undefined) {
      found = organisationCandidates(this.paras[i]!.text, '', this.acronymsUsed(), this.paras[i]!.tokens);
      this.organisationsIn.set(i, found);
    }
    return found;
  }

  private acronyms: ReadonlySet<string> | undefined;

  /** Acronyms the article uses ("ICE", "SEC"): a name whose initials they are is an organisation even with no word like "Agency". */
  private acronymsUsed(): ReadonlySet<string> {
    if (this.acronyms === undefined) {
      const found = new Set<string>();
      for (const p of this.paras) if (p !== undefined) for (const t of p.tokens) if (t.kind === 'word' && t.text.length >= 2 && t.text.length <= 6 && /^\p{Lu}+$/u.test(t.text)) found.add(t.text);
      this.acronyms = found;
    }
    return this.acronyms;
  }

  private readonly fullNamesByKey = new NewestByKey<string>();
  /** Full names by a title or role word written with them ("mayor" → "Lorraine Okafor-Brandt"), with all their role words, newest last. */
  private readonly namesByTitle = new NewestByKey<{ name: string; titles: string[] }>();

  /**
   * See `TextLookups.questionAddressee`: the last quote before the cursor (the one the phrase attributes
   * left out), in this paragraph or the one before; a question when its words end with "?".
   */
  private questionAddressee(): string | null | undefined {
    const skipped = (r: QuoteRegion) => this.cursor.skip.some((range) => r.innerStart < range.end && r.innerEnd > range.start);
    for (const pi of [this.cursor.para, this.cursor.para - 1]) {
      const para = this.paras[pi];
      if (para === undefined) continue;
      // The quotes before the cursor, by bisection (quotes are in text order); the phrase's own is skipped.
      const end = pi === this.cursor.para ? partitionPoint(para.quotes, (r) => r.innerEnd <= this.cursor.pos) : para.quotes.length;
      let k = end - 1;
      while (k >= 0 && skipped(para.quotes[k]!)) k--;
      const last = k >= 0 ? para.quotes[k] : undefined;
      if (last === undefined) continue;
      const text = para.text.slice(last.innerStart, last.innerEnd).trim();
      if (!text.endsWith('?')) return undefined;
      const named = VOCATIVE_END.exec(text) ?? VOCATIVE_START.exec(text);
      return named ? named[1]! : null;
    }
    return undefined;
  }

  /** See `TextLookups.quotedNameSince`; reads at most LOOKUP_WINDOW paragraphs back. */
  private wordsOfOwnStatement(): ReadonlySet<string> {
    const para = this.paras[this.cursor.para];
    const words = new Set<string>();
    if (para === undefined) return words;
    for (const r of this.cursor.skip) {
      for (let k = partitionPoint(para.tokens, (t) => t.start < r.start); k < para.tokens.length && para.tokens[k]!.start < r.end; k++) {
        if (para.tokens[k]!.cap) words.add(para.tokens[k]!.text);
      }
    }
    return words;
  }

  private quotedNameSince(place: number, gender: 'm' | 'f', except: string): string | null {
    const own = new Set(except.split(' '));
    const placePara = Math.floor(place / 1e6);
    const fromPara = Math.max(placePara, this.cursor.para - LOOKUP_WINDOW);
    // At most QUOTED_NAME_TOKENS tokens are read: beyond that, the last speaker is too far back to be "since".
    let budget = QUOTED_NAME_TOKENS;
    for (let pi = fromPara; pi <= this.cursor.para; pi++) {
      const para = this.paras[pi]!;
      for (let k = pi === placePara ? partitionPoint(para.tokens, (t) => t.start <= place % 1e6) : 0; k < para.tokens.length; k++) {
        if (--budget < 0) return null;
        const t = para.tokens[k]!;
        if (para.quoteOf[k] === -1 || !t.cap || t.kind !== 'word' || own.has(t.text)) continue;
        const at = pi * 1e6 + t.start;
        if (at <= place || (pi === this.cursor.para && t.start >= this.cursor.pos)) continue;
        if (this.cursor.skip.some((r) => pi === this.cursor.para && t.start >= r.start && t.start < r.end)) continue;
        if (genderOfFullName(`${t.text} X`) === gender) return t.text;
      }
    }
    return null;
  }

  /**
   * The people the cursor's paragraph names before the cursor, the nearest LOOKUP_WINDOW of them: full names
   * written earlier in the same paragraph; further back, a paragraph of thousands of names is not read whole
   * for each look-up.
   */
  private peopleJustBefore(): PersonCandidate[] {
    if (this.paras[this.cursor.para] === undefined) return [];
    const people = this.peopleOf(this.cursor.para);
    const end = countBefore(people, this.cursor.pos);
    return people.slice(Math.max(0, end - LOOKUP_WINDOW), end);
  }

  /** Full names by the spelling key of their first word. */
  private readonly namesByFirstName = new NewestByKey<string>();
  /** Full names by the spelling key of the name they go by ("who goes by Remy", "known as Migz"). */
  private readonly namesGoneBy = new NewestByKey<string>();

  /** Distinct full names written before the cursor whose first word is `given`. */
  private fullNamesFirstNamed(given: string): string[] {
    this.indexNamesBeforeCursor();
    const names = new Set<string>();
    const first = (name: string) => name.split(' ')[0]!;
    for (const name of this.namesByFirstName.newest(spellingKey(given))) if (first(name) === given) names.add(name);
    // "Ramesh Balasubramanian, …, who goes by Remy": the name a person goes by.
    for (const name of this.namesGoneBy.newest(spellingKey(given))) names.add(name);
    for (const c of this.peopleJustBefore()) if (!c.single && first(c.name) === given) names.add(c.name);
    // "Her husband, Ray, a retired pipefitter, said": the speaker's own name, given the family's surname where it stands
    // (found by bisection, as peopleJustBefore finds its names).
    const here = this.paras[this.cursor.para] === undefined ? undefined : this.peopleOf(this.cursor.para);
    // The cursor is at the name ("Ray, a retired pipefitter,") or at the phrase's start ("Her husband, Gene, said").
    for (let k = here === undefined ? 0 : countBefore(here, this.cursor.pos); here !== undefined && k < here.length && here[k]!.index <= this.cursor.pos + KIN_PHRASE_REACH; k++) {
      const kin = here[k]!;
      if (kin.kinOf !== undefined && first(kin.name) === given) names.add(kin.name);
    }
    // One person written with and without a middle initial is one person; so is "Morag" of "Her mother, Morag,"
    // beside "Morag Buchan" (a first name given alone by a kin apposition, then in full).
    const full = [...new Map([...names].map((n) => [`${first(n)} ${lastNameToken(n)}`, n])).values()];
    return full.length > 1 ? full.filter((n) => n.includes(' ')) : full;
  }

  /** Full names of three words or more by the spelling key of each inner word ("Ferrer" of "Lucía Ferrer Quintana"). */
  private readonly namesByInnerWord = new NewestByKey<string>();

  /**
   * Distinct full names written before the cursor with `word` inside them, neither first nor last: a first
   * surname of a Spanish or Portuguese double surname, a family name written before given names ("Koh" of
   * "Daniel Koh Wei Ming").
   */
  private fullNamesWithInnerWord(word: string): string[] {
    this.indexNamesBeforeCursor();
    const names = new Set<string>();
    for (const name of this.namesByInnerWord.newest(spellingKey(word))) if (innerNameWords(name).includes(word)) names.add(name);
    for (const c of this.peopleJustBefore()) if (!c.single && innerNameWords(c.name).includes(word)) names.add(c.name);
    return [...names];
  }

  /**
   * The full name written before the cursor with role word `head` that shares most of `words` (the
   * description's words: "the Nova Scotia premier" → nova, scotia, premier), the nearest among equals;
   * with how many of `words` it shares.
   */
  private personTitled(head: string, words: string[]): { name: string; shared: number } | null {
    this.indexNamesBeforeCursor();
    const candidates = [...this.namesByTitle.newest(head), ...this.peopleJustBefore().filter((c) => !c.single && c.titles.includes(head)).map((c) => ({ name: c.name, titles: c.titles }))];
    let best: { name: string; shared: number } | null = null;
    let tied = false;
    for (const c of candidates) {
      // "the former chairman" is not the one the article titled chairman without "former": that is the one in office.
      if (words.includes('former') && !c.titles.includes('former')) continue;
      const shared = words.filter((w) => c.titles.includes(w)).length;
      if (best !== null && shared === best.shared && lastNameToken(c.name) !== lastNameToken(best.name)) tied = true;
      else if (best !== null && shared > best.shared) tied = false;
      if (best === null || shared >= best.shared) best = { name: c.name, shared };
    }
    // Two people of the article carry the title equally ("the senator", with two senators): which one is a guess.
    return tied ? null : best;
  }
  /** The organisations named before the cursor's paragraph, by the keys of the short names that stand for them (see `fullNameKeys`). */
  private readonly organisationsByShortName = new Map<string, string>();
  private namesIndexedTo = 0;
  private organisationsIndexedTo = 0;

  private indexNamesBeforeCursor(): void {
    for (; this.namesIndexedTo < this.cursor.para && this.namesIndexedTo < this.paras.length; this.namesIndexedTo++) {
      // A headline with every word capitalised ("Petroluz Nears Sale of Pipeline Unit") names nobody by its capitals.
      const para = this.paras[this.namesIndexedTo]!;
      if (para.kind === 'title' && isTitleCase(para.text)) continue;
      for (const c of this.peopleOf(this.namesIndexedTo)) {
        if (c.single) continue;
        this.fullNamesByKey.add(spellingKey(lastNameToken(c.name)), c.name);
        const titled = { name: c.name, titles: c.titles };
        // "German Sofia Grünewald", later "the German": a nationality describes its person as a title does.
        // "Tom Barrett, 54,", later "the 54-year-old": an age describes its person too.
        for (const title of c.titles) if (isTitleWord(title) || PERSON_ROLE_NOUNS.has(title) || NATIONALITY_WORDS.has(title) || title.startsWith('age:')) this.namesByTitle.add(title, titled);
        this.namesByFirstName.add(spellingKey(c.name.split(' ')[0]!), c.name);
        const goesBy = GOES_BY.exec(para.text.slice(c.index + c.name.length, c.index + c.name.length + 160));
        if (goesBy !== null && goesBy[1] !== c.name.split(' ')[0]) this.namesGoneBy.add(spellingKey(goesBy[1]!), c.name);
        // 'Augustus "Big Gus" Thibodeaux Jr.': later "Big Gus said" is he.
        if (c.nickname !== undefined) this.namesGoneBy.add(nicknameKey(c.nickname), c.name);
        for (const inner of innerNameWords(c.name)) this.namesByInnerWord.add(spellingKey(inner), c.name);
      }
    }
  }

  private indexOrganisationsBeforeCursor(): void {
    for (; this.organisationsIndexedTo < this.cursor.para && this.organisationsIndexedTo < this.paras.length; this.organisationsIndexedTo++) {
      const text = this.paras[this.organisationsIndexedTo]!.text;
      for (const o of this.organisationsOf(this.organisationsIndexedTo)) {
        for (const key of fullNameKeys(o.name)) this.organisationsByShortName.set(key, o.name);
        // "Petróleo Luz SA, Brazil’s state-controlled oil producer known as Petroluz,": the name it goes by.
        const alias = KNOWN_AS.exec(text.slice(o.index + o.name.length, o.index + o.name.length + 140));
        if (alias !== null) this.organisationsByShortName.set(`first:${alias[1]!}`, o.name);
      }
    }
  }

  /** Inside a statement's own words (a reported clause or the cursor's own content): not an antecedent. */
  private insideStatement(para: number, index: number): boolean {
    if (para === this.cursor.para && this.cursor.skip.some((r) => index >= r.start && index < r.end)) return true;
    // Reported clauses of the paragraph, by start (bisection): a paragraph of thousands of statements is not read whole per name.
    const reported = this.reportedIn.get(para);
    if (reported === undefined) return false;
    const low = partitionPoint(reported, (r) => r.start <= index);
    // Clauses may nest; the few starting just before `index` are the only ones that can hold it.
    for (let k = low - 1; k >= 0 && k >= low - 8; k--) if (index < reported[k]!.end) return true;
    return false;
  }

  /** Spans of the reported (unquoted) statements of each paragraph, sorted by start. */
  private readonly reportedIn = new Map<number, Range[]>();

  /**
   * Person mentions before the cursor, nearest first: the current paragraph up to the cursor, then the
   * paragraphs before it up to the previous heading (at most six). A surname alone counts when the article
   * gave the full name earlier; names inside quotes and inside reported clauses are left out.
   */
  private *mentionsBefore(): Generator<PersonMention> {
    let given = 0;
    for (let i = this.cursor.para, distance = 0; i >= 0 && distance <= 6; i--, distance++) {
      const para = this.paras[i]!;
      if (i !== this.cursor.para && para.kind === 'heading') break;
      if (para.kind === 'title') continue;
      const people = this.peopleOf(i);
      // In the cursor's paragraph, only those before the cursor (found by bisection: a paragraph may name thousands).
      const last = i === this.cursor.para ? countBefore(people, this.cursor.pos) - 1 : people.length - 1;
      for (let k = last; k >= 0; k--) {
        const c = people[k]!;
        if (this.insideStatement(i, c.index)) continue;
        let name = c.name;
        if (c.single) {
          // A surname, else a first name, of one person named in full before: "Helena was less certain. She said …".
          const bySurname = this.fullNamesFor(c.name, true);
          const full = bySurname.length > 0 ? bySurname : this.fullNamesFirstNamed(c.name);
          // "The younger Boateng", of two Boatengs: a mention still, read as the bare surname (a pronoun after it is unclear).
          // Of two or more full names, not a subject either: still someone named, whom a later "he said" may mean.
          if (full.length === 0) continue;
          name = full.length === 1 ? full[0]! : c.name;
        }
        yield { name, gender: c.gender ?? genderOfFullName(name), distance, order: i * 1e6 + c.index, subject: c.subject, possessive: c.possessive, asker: c.asker };
        // A pronoun's referent is among the nearest people named; past LOOKUP_WINDOW of them, none is near enough to trust.
        if (++given >= LOOKUP_WINDOW) return;
      }
    }
  }

  /**
   * A sentence after `order` opens with a described person ("Her husband", "The owner", "A neighbour"): before the
   * cursor in its paragraph, any; in the two paragraphs before it, one whose noun has the pronoun's gender.
   */
  private describedSubjectSince(order: number, gender: 'm' | 'f' | null = null): boolean {
    // This paragraph and, for a speaker of an earlier one, the two before it: "Her mother was less certain …. ¶ "…," she said."
    for (let i = Math.max(Math.floor(order / 1e6), this.cursor.para - 2); i <= this.cursor.para; i++) {
      const p = this.paras[i]!;
      if (p.kind !== 'body' && i !== this.cursor.para) continue;
      for (const u of p.units) {
        const t = p.tokens[u.from];
        if (t === undefined || (i === this.cursor.para && t.start >= this.cursor.pos) || i * 1e6 + t.start <= order) continue;
        let k = u.from;
        const indefinite = /^(?:a|an|one|another)$/.test(p.tokens[k]!.low);
        if (/^(?:the|a|an|her|his|their|its|one|another)$/.test(p.tokens[k]!.low)) k++;
        // After "a", any noun for a person ("A nurse", "a retired machinist"); after "the", the nouns that refer back.
        const personNoun = (low: string) => isPersonNoun(low) || (indefinite && isAnyPersonNoun(low));
        while (k < u.to && k - u.from < 4 && !p.tokens[k]!.cap && p.tokens[k]!.kind === 'word' && !personNoun(p.tokens[k]!.low)) k++;
        if (k < u.to && personNoun(p.tokens[k]!.low) && k > u.from && p.quoteOf[k] === -1) {
          // Earlier paragraphs count only for a noun of the pronoun's gender ("Her mother" for "she"), or for someone
          // new brought in just before ("A nurse who has worked there for two decades … describes how it goes").
          const nounGender = genderOfWord(p.tokens[k]!.low);
          const broughtInJustBefore = indefinite && i === this.cursor.para - 1 && (nounGender === null || gender === null || nounGender === gender);
          if (i === this.cursor.para || (gender !== null && nounGender === gender) || broughtInJustBefore) return true;
        }
      }
    }
    return false;
  }

  /** A standalone quote's paragraph names a person (outside quotes, before it) other than `speaker`: it is not the previous speaker's. */
  private namesAnotherPerson(pi: number, before: number, speaker: Resolution | null): boolean {
    const entity = speaker?.entity;
    return this.peopleOf(pi).some((c) => c.index < before && (!c.single || this.fullNamesFor(c.name).length > 0) && (entity == null || entity.type !== 'person' || !sameNameTokenLoose(lastNameToken(c.name), lastNameToken(entity.name))));
  }

  private lookups(): TextLookups {
    return {
      fullNameFor: (surname) => {
        const all = this.fullNamesFor(surname);
        if (all.length > 1) {
          // Two people of the article share the surname: only the nearest full name within the window decides.
          for (const people of this.peopleBefore(false)) {
            const found = people.filter((c) => c.name.split(' ').length > 1 && c.name.endsWith(` ${surname}`)).at(-1);
            if (found) return found.name;
          }
        }
        return all.at(-1) ?? null;
      },
      fullNamesFor: (surname, quotedToo) => this.fullNamesFor(surname, quotedToo),
      fullNamesFirstNamed: (given) => this.fullNamesFirstNamed(given),
      fullNameByNickname: (nickname) => {
        this.indexNamesBeforeCursor();
        const names = [...new Set(this.namesGoneBy.newest(nicknameKey(nickname)))];
        return names.length === 1 ? names[0]! : null;
      },
      fullNamesWithInnerWord: (word) => this.fullNamesWithInnerWord(word),
      personTitled: (head, words) => this.personTitled(head, words),
      questionAddressee: () => this.questionAddressee(),
      quotedNameSince: (place, gender, except) => this.quotedNameSince(place, gender, except),
      wordsOfOwnStatement: () => this.wordsOfOwnStatement(),
      organisationNamed: (word) => this.organisationNamed(word),
      surnameInArticle: (surname) => this.namedInBody(surname),
      describedSubjectSince: (order, gender) => this.describedSubjectSince(order, gender),
      introducedUnnamed: (head) => {
        const introduced = new RegExp(`\\b(?:an?|one|another)\\s+(?:[\\p{L}-]+\\s+){0,3}${head}\\b`, 'iu');
        return this.textsBefore(false).some(({ text }) => introduced.test(text));
      },
      recentlySpoke: (place) => Math.floor(place / 1e6) >= this.cursor.para - 1,
      mentionsBefore: () => this.mentionsBefore(),
      organisationBefore: (head) => {
        // Nearby first: a related organisation in the window, else the nearest named one (marked unrelated).
        let nearest: { name: string; related: boolean; place: number } | null = null;
        for (const { text, para } of this.textsBefore(false)) {
          if (para.kind === 'title' && isTitleCase(para.text)) continue; // every word capitalised: no signal
          const body = text.slice(Math.min(para.datelineEnd, text.length));
          // "A … report, obtained by DBC News through …": the outlet that obtained a document did not issue it.
          const candidates = organisationCandidates(body, head).filter((o) => !obtainedBy(body, o.index));
          if (candidates.length === 0) continue;
          // "… reversed the ruling, unless the state wins a stay from the U.S. Supreme Court": an organisation after a
          // preposition of direction is a side in the story, not what "the court" that acts next refers to.
          const oblique = (o: { index: number }) => Number(AFTER_DIRECTION.test(body.slice(Math.max(0, o.index - 12), o.index)));
          candidates.sort((a, b) => Number(b.related) - Number(a.related) || oblique(a) - oblique(b) || b.index - a.index);
          const best = { name: candidates[0]!.name, related: candidates[0]!.related, place: this.paras.indexOf(para) * 1e6 + candidates[0]!.index };
          if (best.related) return best;
          nearest ??= best;
        }
        // Further back (bounded): "The Pinewood Unified School District board voted …" twenty paragraphs before "the district said".
        for (let i = this.cursor.para - 7; i >= 0 && i >= this.cursor.para - LOOKUP_WINDOW; i--) {
          const named = this.organisationsOf(i);
          for (let k = named.length - 1; k >= 0; k--) if (isRelatedOrg(named[k]!.name, [], head)) return { name: named[k]!.name, related: true, place: i * 1e6 + named[k]!.index };
        }
        // The lede names an institution by its noun before the body names it ("…, their union says." ¶ "The
        // Atlantic Nurses' Federation …"): in the lede only, the next paragraphs may name it.
        if (this.isLede(this.cursor.para)) {
          for (let i = this.cursor.para + 1; i < this.paras.length && i <= this.cursor.para + LEDE_LOOKAHEAD; i++) {
            const hit = organisationCandidates(blankQuotes(this.paras[i]!), head).find((o) => o.related);
            if (hit) return { name: hit.name, related: true, place: this.cursor.para * 1e6 + this.cursor.pos };
          }
        }
        return nearest;
      },
    };
  }

  // ---- the end: resolve late, date, figures, stance ---------------------------

  private finish(): Extraction {
    for (const d of this.drafts) {
      if (d.deferred === null || d.resolution !== null) continue;
      if (d.deferred.kind === 'name') {
        // The body's first person of that surname (the story's principal, introduced first), else the name as written.
        const person = this.registry.resolveNameLate(d.deferred.name!);
        d.resolution = person ? { entity: person, text: person.name, type: person.type, rule: 'headline-late', via: `${d.deferred.name} → ${person.name}` } : this.registry.resolve(d.deferred, d.deferred.name!);
        continue;
      }
      const entity = d.deferred.kind === 'pronoun' ? this.registry.earliestSpeaker('person') : this.registry.resolveRoleLate(d.deferred);
      d.resolution = entity ? { entity, text: entity.name, type: entity.type, rule: 'headline-late' } : { entity: null, text: d.deferred.text, type: d.deferred.type, rule: 'headline-late' };
      if (entity && d.deferred.kind === 'role') this.registry.addRoles(entity, [d.deferred.text]);
    }
    this.assignDates();
    const statements = this.drafts.map((d) => this.toStatement(d)).filter((s): s is Statement => s !== null);
    statements.sort((a, b) => a.contentSpan.start - b.contentSpan.start || a.contentSpan.end - b.contentSpan.end);
    return { statements, mentions: this.mentions(), readUpTo: this.readUpTo };
  }

  private assignDates(): void {
    const articleDate = this.input.date;
    let previous: Draft | null = null;
    for (const d of [...this.drafts].sort((a, b) => a.content.para - b.content.para || a.content.start - b.content.start)) {
      for (const [k, place] of d.dateIn.entries()) {
        const text = this.paras[place.para]!.text.slice(place.start, place.end);
        const found = firstDate(text, articleDate);
        if (found) {
          const isContent = place.para === d.content.para && place.start === d.content.start && place.end === d.content.end;
          d.date = { ...found, basis: isContent && k === d.dateIn.length - 1 ? 'content' : 'frame' };
          break;
        }
      }
      // Consecutive statements of one speaker at one event share its date ("… on Monday" once, then "he added").
      if (d.date === null && previous?.date && previous.date.basis !== 'content' && sameSpeaker(previous, d)) {
        d.date = { ...previous.date, basis: 'context' };
      }
      previous = d;
    }
  }

  private toStatement(d: Draft): Statement | null {
    const content = this.span(d.content);
    if (content.end <= content.start) return null;
    const source = this.input.source;
    const resolution = d.resolution;
    const speaker = resolution?.entity?.name ?? resolution?.text ?? null;
    let kind = d.kind;
    if (speaker === null && kind !== 'according-to') kind = 'unattributed';
    const text = this.sliceSource(content);
    const cueSpan = d.cue ? this.span(d.cue) : null;
    const speakerSpan = d.phrase && kind !== 'unattributed' ? this.span(d.phrase) : null;
    const stance = d.cueStance ?? detectStance(text);
    void source;
    return {
      kind,
      speaker: kind === 'unattributed' ? null : speaker,
      speakerType: kind === 'unattributed' || speaker === null ? null : (resolution?.type ?? null),
      speakerMention: speakerSpan ? this.sliceSource(speakerSpan) : null,
      speakerSpan,
      cue: cueSpan ? this.sliceSource(cueSpan) : null,
      cueSpan,
      content: text,
      contentSpan: content,
      paragraphIndex: this.paras[d.content.para]!.index,
      stance,
      figures: parseFigures(text, content.start),
      eventDate: d.date?.iso ?? null,
      eventDatePrecision: d.date?.precision ?? null,
      quoted: d.quoted,
      rule: d.rule,
      speakerRule: speakerRuleOf(d, kind),
      speakerVia: resolution?.via ?? null,
    };
  }

  private span(place: Place): { start: number; end: number } {
    const p = this.paras[place.para]!;
    return { start: p.cpStart + p.toCp(place.start), end: p.cpStart + p.toCp(place.end) };
  }

  private sourceMapper: ((cp: number) => number) | null = null;

  private sliceSource(span: { start: number; end: number }): string {
    this.sourceMapper ??= codePointToUtf16Mapper(this.input.source);
    return this.input.source.slice(this.sourceMapper(span.start), this.sourceMapper(span.end));
  }

  private mentions(): SpeakerMention[] {
    const speaking = new Set<Entity>();
    for (const d of this.drafts) if (d.resolution?.entity) speaking.add(d.resolution.entity);
    return [...speaking].map((e) => ({
      name: e.name,
      type: e.type,
      roles: e.roles.filter((r) => r.trim() !== ''),
      variants: [...new Set([e.name, ...e.variants].filter((v) => v.trim() !== ''))],
    }));
  }
}

/** "NAME:", "A:", "Jane Doe, The Ledger:" opening a paragraph; no quote mark or sentence before the colon. */
// A period only after an initial: "DOUGLAS J. PRENTICE:".
const LABEL = /^((?:[^:"“”‘’«».!?]|(?<=(?:^|\s)\p{Lu})\.){1,60}?)\s*:\s+(?=\S)/u;
/** A label that names the host: "DALE HUTCHINS, HOST:", "MODERATOR:", "ANCHOR:". */
const HOST_LABEL = /\b(?:host|moderator|anchor|interviewer|presenter|reporter|co-host|byline|correspondent)\b/i;
/** A label for the outlet's own reporter in a two-way ("SARAH THORSGAARD, BYLINE:"): the turn is narration, not a statement. */
const NARRATOR_LABEL = /\b(?:byline|reporter|correspondent)\b/i;

/** "BILL HARTIGAN" → "Bill Hartigan" (same length); other text unchanged. */
function titleCaseCaps(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  return text.replace(/\p{L}+/gu, (w) => w[0]! + w.slice(1).toLowerCase());
}

/** A speaker phrase for a full name known from the text. */
function namePhrase(name: string): SpeakerPhrase {
  return { kind: 'name', type: 'person', name, roles: [], head: null, determiner: null, bare: false, gender: null, text: name, start: 0, end: 0, nameStart: 0, nameEnd: 0, source: null };
}

/** The rule that chose a statement's speaker: the resolution's own, "carried" for context quotes, or "none". */
function speakerRuleOf(d: Draft, kind: StatementKind): SpeakerRule {
  const rule = d.resolution?.rule;
  // An unclear speaker keeps the rule that declined to guess; other unattributed statements have none.
  if (kind === 'unattributed' && rule !== 'pronoun-unclear' && rule !== 'surname-ambiguous') return 'none';
  if (d.weak || isCarried(d.rule)) return 'carried';
  return rule ?? 'none';
}

/** Quotes that take their speaker from context rather than from an attribution of their own. */
function isCarried(rule: AttributionRule): boolean {
  return rule === 'quote-chain' || rule === 'quote-in-paragraph' || rule === 'quote-previous-paragraph';
}

function placeIn(para: number, r: Range): Place {
  return { para, start: r.start, end: r.end };
}

function sameSpeaker(a: Draft, b: Draft): boolean {
  const ea = a.resolution?.entity;
  const eb = b.resolution?.entity;
  return ea !== undefined && ea !== null && ea === eb;
}

function stanceOfCue(hit: Hit): Stance | null {
  const info = hit.cueInfo;
  if (!info?.stance) return null;
  if (hit.negated) return info.stance === 'confirms' ? 'cannot-confirm' : null;
  return info.stance;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s,;:]/u.test(text[end - 1]!)) end--;
  while (end > start && /[.!?…]/u.test(text[end - 1]!)) end--;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return end;
}

/** Person names in `text` (titles stripped, 2-4 name words, kin appositions): the rule-based name finder. */
export function findPersonNames(text: string): string[] {
  return personCandidates(text).filter((c) => !c.single && !c.afterPreposition).map((c) => c.name);
}

/** The paragraph's tokens outside what speakers said (the quote marks kept), so look-ups skip quotes. */
function tokensOutsideQuotes(p: Para): Token[] {
  if (p.quotes.length === 0) return p.tokens;
  return p.tokens.filter((_, i) => p.quoteOf[i] === -1 || p.markOf[i] !== 0);
}

/** The words inside the paragraph's quotes, each quote closed by a mark so names never run from one quote into the next. */
function tokensInsideQuotes(p: Para): Token[] {
  const out: Token[] = [];
  let previous = -1;
  for (let i = 0; i < p.tokens.length; i++) {
    if (p.quoteOf[i] === -1 || p.markOf[i] !== 0) continue;
    if (p.quoteOf[i] !== previous && out.length > 0) out.push({ ...QUOTE_BREAK, start: p.tokens[i]!.start, end: p.tokens[i]!.start });
    previous = p.quoteOf[i]!;
    out.push(p.tokens[i]!);
  }
  return out;
}

const QUOTE_BREAK: Token = { start: 0, end: 0, text: '"', low: '"', kind: 'punct', cap: false };

/** The paragraph text with quoted words blanked (same length), so look-ups skip what speakers said. */
function blankQuotes(p: Para): string {
  if (p.quotes.length === 0) return p.text;
  let out = p.text;
  for (const r of p.quotes) {
    const end = r.close === -1 ? p.text.length : r.close;
    out = out.slice(0, r.innerStart) + ' '.repeat(Math.max(0, end - r.innerStart)) + out.slice(end);
  }
  return out;
}

const KIN_GENDER: ReadonlyMap<string, 'm' | 'f'> = new Map([
  ['son', 'm'], ['husband', 'm'], ['brother', 'm'], ['father', 'm'], ['daughter', 'f'], ['wife', 'f'], ['sister', 'f'], ['mother', 'f'],
]);
// Word sets read for every capitalised run (sets, not patterns: this runs over every paragraph's tokens).
const PLACE_PREPOSITIONS = new Set(['at', 'in', 'on', 'from', 'to', 'near', 'of', 'into', 'across']);
const NAME_CONTINUING = new Set(['for', 'of', 'de', 'du', 'des']);
const SENTENCE_OPENERS = new Set(['.', '!', '?', ':', ';']);
const PHRASAL_PARTICLES = new Set(['back', 'down', 'up', 'out', 'off', 'away', 'against']);
const BYLINE = /^\s*(?:by|written by|reporting by|interview by)\s+\p{Lu}/iu;
/** A question's addressee: "…, Dr. Whitfield?", "Senator Ortega, would you …?" (titles dropped, the name kept). */
const VOCATIVE_END = /,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Senator|Rep|Minister|Premier|Mayor|Judge|Chief|Governor|Gov)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?)\?$/u;
const VOCATIVE_START = /^(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Senator|Rep|Minister|Premier|Mayor|Judge|Chief|Governor|Gov)\.?\s+)?(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)?),\s/u;
/** After a cue: "said in a statement", "said Monday in a news release", "told reporters in an emailed statement". */
const ISSUED_IN = /^\s+(?:[\p{L}]+\s+){0,3}?in\s+(?:a|an|the|its|his|her|their)\s+(?:(?:news|press|written|emailed|joint|brief)\s+)?(statement|release|letter|memo|note|filing)\b/iu;

const BEFORE_VERB = new Set(['also', 'then', 'later', 'again', 'repeatedly', 'had', 'has', 'have', 'was', 'is', 'were', 'are', 'been', 'being']);
const PASSIVE_AUXILIARIES = new Set(['was', 'is', 'were', 'are', 'been', 'being']);
const NOT_AFTER_SUBJECT = new Set(['and', 'or', 'but', 'who', 'which', 'whose', 'a', 'an', 'the', 'of', 'in', 'on', 'at', 'for', 'to', 'with', 'by', 'from', 'as']);


interface PersonCandidate {
  name: string;
  gender: 'm' | 'f' | null;
  index: number;
  /** Opens a sentence or a clause ("On Monday, Smith …"): the likeliest antecedent. */
  subject: boolean;
  /** "Clinton's running mate": the possessor is not who the next pronoun means. */
  possessive: boolean;
  /** "Moderator Lester Holt asked …": the one asking is not the one answering. */
  asker: boolean;
  /** One name word ("Smith", "Mr. Smith"): a mention only when the article gave the full name. */
  single: boolean;
  /** Title and role words written right before the name: "Mayor Lorraine Okafor-Brandt" → mayor. */
  titles: string[];
  /** A nickname written in quotes inside the name: 'Augustus "Big Gus" Thibodeaux Jr.' → Big Gus. */
  nickname?: string;
  /** After "to", "at", "in" …: often a place; a full name there counts only with a known given name. */
  afterPreposition: boolean;
  /** "Her husband, Ray,": a given name alone, introduced as kin of someone of this gender (whose surname it takes). */
  kinOf?: 'm' | 'f';
}

/** The surname of a named possessor right before the kin noun at `k` ("Mr Pettigrew’s wife", "Sharon Dietz's husband"), or null. */
function possessorSurname(tokens: Token[], k: number): string | null {
  let j = k - 1;
  while (j >= 0 && k - j <= 3 && tokens[j]!.kind === 'word' && !tokens[j]!.cap && !/^['’]s$/.test(tokens[j]!.low)) j--;
  if (!/^['’]s$/.test(tokens[j]?.low ?? '')) return null;
  const owner = tokens[j - 1];
  return owner !== undefined && owner.cap && owner.kind === 'word' && !isTitleWord(owner.low) && !isNotNameWord(owner.text) && (tokens[j - 2]?.cap === true || isTitleWord(tokens[j - 2]?.low ?? '') || tokens[j - 2]?.text === '.') ? owner.text : null;
}

/** The gender of "his"/"her" before the kin noun at `k`, over up to three lower-case words ("his younger brother"). */
function possessorGender(tokens: Token[], k: number): 'm' | 'f' | undefined {
  for (let j = k - 1; j >= 0 && k - j <= 4; j--) {
    const low = tokens[j]!.low;
    if (low === 'his') return 'm';
    if (low === 'her') return 'f';
    if (tokens[j]!.kind !== 'word' || tokens[j]!.cap) return undefined;
  }
  return undefined;
}

const ASKING = /^(?:asked|asks|pressed|presses|questioned|questions|quizzed|interviewed|interrupted|challenged|moderated|wrote|emailed|e-mailed|texted|messaged)$/;
const ASKER_TITLES = /^(?:moderator|host|interviewer|anchor|presenter|co-host|questioner)$/;
const TITLE_GENDER: Readonly<Record<string, 'm' | 'f'>> = { mr: 'm', mrs: 'f', ms: 'f', miss: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f' };

/**
 * People named in `text`, in order: capitalised runs with titles stripped ("City Attorney Robert
 * Kline" → "Robert Kline"), 2-4 name words, plus "son, Michael," appositions (one word, gendered),
 * plus single name words (marked `single`, for surnames of people named in full elsewhere).
 */
function personCandidates(text: string): PersonCandidate[] {
  return personCandidatesIn(tokenize(text));
}

export function personCandidatesIn(tokens: Token[]): PersonCandidate[] {
  const out: PersonCandidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.cap && !isArabicArticleName(tokens[i]!.text)) {
      const kin = KIN_GENDER.get(tokens[i]!.low);
      // "her son, Marco." ends a sentence as "her son, Marco, said" sets the name off.
      if (kin && tokens[i + 1]?.text === ',' && tokens[i + 2]?.cap && isPersonNameToken(tokens[i + 2]!, tokens[i + 3]) && (tokens[i + 3]?.text === ',' || (tokens[i + 3]?.text === '.' && isKnownGivenName(tokens[i + 2]!.text)))) {
        // "Mr Pettigrew’s wife, Deborah,": the possessor's surname is hers.
        const owner = possessorSurname(tokens, i);
        const name = owner !== null && isKnownGivenName(tokens[i + 2]!.text) ? `${tokens[i + 2]!.text} ${owner}` : tokens[i + 2]!.text;
        out.push({ name, gender: kin, index: tokens[i + 2]!.start, subject: false, possessive: false, asker: false, single: false, afterPreposition: false, titles: [], kinOf: owner === null ? possessorGender(tokens, i) : undefined });
      } else if (kin && tokens[i + 1]?.cap && isKnownGivenName(tokens[i + 1]!.text) && !tokens[i + 2]?.cap) {
        // "his younger brother Armando": a given name right after a kin noun of someone's.
        const kinOf = possessorGender(tokens, i);
        if (kinOf !== undefined) out.push({ name: tokens[i + 1]!.text, gender: kin, index: tokens[i + 1]!.start, subject: false, possessive: false, asker: false, single: false, afterPreposition: false, titles: [], kinOf });
      }
      i++;
      continue;
    }
    let j = i;
    const nickname = new Set<number>();
    for (;;) {
      if (j < tokens.length && (isNameWordAt(tokens, j) || (tokens[j]!.text === '.' && j > i && (isTitleWord(tokens[j - 1]!.low) || isInitial(tokens[j - 1]!.text) || isSaintParticle(tokens, j - 1))))) j++;
      else {
        // 'Joseph "Joe" Biden', 'William T. "Buck" Rademacher': a nickname in quotes after a given name or an initial.
        const length = j > i && (tokens[j - 1]!.cap || (tokens[j - 1]!.text === '.' && isInitial(tokens[j - 2]?.text ?? ''))) ? nicknameLength(tokens, j) : 0;
        if (length === 0) break;
        for (const end = j + length; j < end; j++) nickname.add(j);
      }
    }
    // "Jonathan Ashby-Clarke QC", "Brendan Smith TD": letters after a name are not part of it.
    while (j > i + 1 && isPostnominal(tokens[j - 1]!)) j--;
    const before = tokens[i - 1];
    // The name words ending the run, titles and the like before them dropped: "City Attorney Robert Kline" → "Robert Kline".
    // A generational suffix ends the name and is kept: "Theodore R. Banks III", "Donald Trump Jr.".
    let nameEnd = j;
    while (nameEnd > i + 1 && (isGenerationalToken(tokens[nameEnd - 1]!.text) || (tokens[nameEnd - 1]!.text === '.' && isGenerationalToken(tokens[nameEnd - 2]!.text)))) nameEnd--;
    let k = nameEnd;
    // "Theodore R. Banks": after a middle initial, the last word is a surname even when it is also an organisation or place word.
    while (k > i && (tokens[k - 1]!.text !== '.' || isInitial(tokens[k - 2]?.text ?? '') || isSaintParticle(tokens, k - 2)) && (tokens[k - 1]!.text === '.' || (JOINED_INITIALS.test(tokens[k - 1]!.text) && tokens[k]?.text === '.') || nickname.has(k - 1) || isSurnameAfterInitial(tokens, k - 1, nameEnd) || isGivenNameSpelledLikePlace(tokens, k - 1, i, nameEnd) || (isPersonNameToken(tokens[k - 1]!, tokens[k]) && !isNotNameWord(tokens[k - 1]!.text)))) k--;
    if (k === nameEnd) k = j;
    while (k < j && tokens[k]!.text === '.') k++;
    if (k + 1 < nameEnd && isLeadingDescriptor(tokens, k)) k++; // "Witness Tremaine Oduya" → "Tremaine Oduya"
    if (k + 1 < nameEnd && isPlaceModifier(tokens[k]!.text)) k++; // "Toronto-based Northwave" → "Northwave"
    const words: Token[] = [];
    const written: string[] = [];
    for (let w = k; w < j; w++) {
      const t = tokens[w]!;
      if (t.text === '.' || nickname.has(w)) continue;
      words.push(t);
      // An initial takes its dot; "Ó" of "Pádraig Ó Conghaile" is a particle, not an initial: initials carry no accents.
      const dotted = tokens[w + 1]?.text === '.' && tokens[w + 1]!.start === t.end;
      written.push(/^[A-Z]$/.test(t.text) || ((GIVEN_NAME_ABBREVIATIONS.has(t.text) || JOINED_INITIALS.test(t.text) || t.text === 'Jr' || t.text === 'Sr' || isSaintParticle(tokens, w)) && dotted) ? `${t.text}.` : t.text);
    }
    const nameText = written.join(' ');
    const nicknameWords = [...nickname].filter((w) => w >= k && tokens[w]!.kind === 'word').map((w) => tokens[w]!.text);
    const prep = before !== undefined && PLACE_PREPOSITIONS.has(before.low) && k === i;
    // "the Center for Countering Disinformation": a run after "for"/"of"/"and" that follows a capitalised word continues a name already begun.
    if (before !== undefined && NAME_CONTINUING.has(before.low) && tokens[i - 2]?.cap && k === i) {
      i = Math.max(j, i + 1);
      continue;
    }
    // "When Harwell was asked …, she said": the subject of an opening subordinate clause is a subject too.
    const opensClause = before !== undefined && SUBORDINATORS.has(before.low) && (tokens[i - 2] === undefined || SENTENCE_OPENERS.has(tokens[i - 2]!.text));
    const opensSentence = before === undefined || SENTENCE_OPENERS.has(before.text) || opensClause || afterOpeningTitles(tokens, i);
    const after = tokens[j];
    // "Harbour Lane co-star Danny Quist", "The Maratha Kranti Paksh general secretary": a name written before a
    // noun for a person is what that person belongs to (a show, a party, a firm), not a person of its own.
    // A given name still makes a person: "a Marco van der Berg double".
    // Not a verb spelled like such a noun: "McCormick shot back", "Lee guards against …" (a phrasal verb's particle follows).
    // So is one before what a person has: "A Holloway campaign spokesman", "The Marlowe campaign's chief spokeswoman" (a
    // surname alone there, though census lists hold "Marlowe" as a given name too).
    const owner = after !== undefined && PERSONAL_ORGANISATIONS.has(after.low) && !after.cap;
    if (after !== undefined && (describesAPerson(after) || owner) && !OBJECT_OPENERS.has(tokens[j + 1]?.low ?? '') && !PHRASAL_PARTICLES.has(tokens[j + 1]?.low ?? '') && words.length > 0 && (!isKnownGivenName(words[0]!.text) || (owner && words.length === 1)) && !isGenerationalToken(words.at(-1)!.text) && tokens[k - 1]?.text !== '.') {
      i = Math.max(j, i + 1);
      continue;
    }
    const possessive = after?.low === "'s";
    let v = j;
    while (v < tokens.length && BEFORE_VERB.has(tokens[v]!.low)) v++;
    const titleWord = tokens[k - 1]?.text === '.' ? tokens[k - 2] : tokens[k - 1];
    // "Harwell was asked whether …": the one asked answers; only an active "asked" makes an asker.
    const passive = tokens.slice(j, v).some((t) => PASSIVE_AUXILIARIES.has(t.low));
    // "Crown prosecutor Sanjeev Malhotra had asked for eight years": a request ("asked for", "asked to", "asked that") puts no question.
    const request = /^(?:for|to|that)$/.test(tokens[v + 1]?.low ?? '');
    const asker = (ASKING.test(tokens[v]?.low ?? '') && !passive && !request) || (titleWord !== undefined && ASKER_TITLES.test(titleWord.low));
    // "On Monday, Smith said": a comma-led run followed by a verb-like lower-case word is a clause subject.
    const clauseSubject = before?.text === ',' && after !== undefined && !after.cap && after.kind === 'word' && !NOT_AFTER_SUBJECT.has(after.low);
    const gender = titleWord ? (TITLE_GENDER[titleWord.low.replace('.', '')] ?? null) : null;
    const base = { gender, index: tokens[k]?.start ?? 0, subject: opensSentence || clauseSubject, possessive, asker, afterPreposition: prep, titles: [...titlesBefore(tokens, i, k, j), ...ageOf(tokens, k, j)], ...(nicknameWords.length > 0 ? { nickname: nicknameWords.join(' ') } : {}) };
    if (words.length >= 2 && words.length <= 5) out.push({ ...base, name: nameText, single: false });
    else if (words.length === 1 && tokens[j]?.low === 'and' && isKnownGivenName(words[0]!.text)) {
      // "Bernice and Cyril Pardy": two people of one surname, each named in full.
      const partner = coupleSurname(tokens, j + 1);
      if (partner !== null) out.push({ ...base, name: `${words[0]!.text} ${partner}`, single: false });
      else out.push({ ...base, name: words[0]!.text, single: true });
    }
    else if (words.length === 1 && !prep && !NOT_NAME.has(words[0]!.text) && !isNotNameWord(words[0]!.text)) out.push({ ...base, name: words[0]!.text, single: true });
    i = Math.max(j, i + 1);
  }
  return out;
}

/** Words in `text`, counted up to `enough` (a paragraph of a million words is not split to learn it has twelve). */
function countWords(text: string, enough: number): number {
  let n = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++n >= enough) break;
  return n;
}

/** How many paragraphs after the lede may name the institution the lede calls by a noun. */
const LEDE_LOOKAHEAD = 3;
const LEDE_MIN_WORDS = 12;

/** "Theodore R. Banks": after a middle initial (or a given name), the last word `w` of a run ending at `nameEnd` is a surname. */
/**
 * "Eagles captain Nana Kwesi Owusu was …", "The younger Boateng, who …": a name after only titles, role nouns
 * and what they belong to, from the sentence's start, is its subject.
 */
function afterOpeningTitles(tokens: Token[], i: number): boolean {
  let b = i - 1;
  let lower = 0;
  for (; b >= 0 && i - b <= 6; b--) {
    const t = tokens[b]!;
    if (SENTENCE_OPENERS.has(t.text) || (t.text === ',' && afterIntroductoryPhrase(tokens, b))) break;
    if (t.cap) continue;
    if (t.kind !== 'word' || !(isTitleWord(t.low) || PERSON_ROLE_NOUNS.has(t.low) || SENIORITY.has(t.low) || t.low === 'the')) return false;
    lower++;
  }
  // "Back in Athens, the younger Pruett lingered": after a sentence's opening place or time, the clause's subject.
  return (lower > 0 || tokens[b]?.text === ',') && (b < 0 || SENTENCE_OPENERS.has(tokens[b]!.text) || tokens[b]!.text === ',');
}

/** The comma at `comma` closes a short opening phrase of place or time: the sentence's first word opens one, and no other comma or quote mark lies between. */
function afterIntroductoryPhrase(tokens: Token[], comma: number): boolean {
  let b = comma - 1;
  while (b >= 0 && comma - b <= 8 && !SENTENCE_OPENERS.has(tokens[b]!.text) && tokens[b]!.text !== ',' && !/["“”]/u.test(tokens[b]!.text)) b--;
  if (comma - b > 8 || (b >= 0 && !SENTENCE_OPENERS.has(tokens[b]!.text))) return false;
  return introductoryPhraseEnd(tokens, b + 1, comma + 1) === comma + 1;
}

/**
 * A reported clause cut where "and that" / "but that" opens a second one, outside quotes and brackets: each part
 * keeps at least three words, and the part after "that" opens as a clause does (a determiner, a pronoun, a name).
 */
function splitAtAndThat(p: PreparedParagraph, content: Range): Range[] {
  const { tokens } = p;
  const parts: Range[] = [];
  let start = content.start;
  let depth = 0;
  const first = partitionPoint(tokens, (t) => t.start < content.start);
  for (let k = first; k < tokens.length && tokens[k]!.end <= content.end; k++) {
    const t = tokens[k]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth = Math.max(0, depth - 1);
    if (depth > 0 || p.quoteOf[k] !== -1 || (t.low !== 'and' && t.low !== 'but') || tokens[k + 1]?.low !== 'that') continue;
    const next = tokens[k + 2];
    // "and that closures at many rural sites were going down": a noun opens the clause too when a verb follows it.
    if (next === undefined || next.end > content.end || !(next.cap || CLAUSE_OPENERS.has(next.low) || finiteVerbSoonAfter(tokens, k + 2, content.end))) continue;
    const end = trimEnd(p.text, start, tokens[k - 1]?.text === ',' ? tokens[k - 1]!.start : t.start);
    if (countWords(p.text.slice(start, end), 3) < 3 || countWords(p.text.slice(next.start, content.end), 3) < 3) continue;
    parts.push({ start, end });
    start = next.start;
  }
  parts.push({ start, end: content.end });
  return parts;
}

/** A finite verb within a few words of `from` ("closures at many rural sites were"), before `end`: a clause, not "that road". */
function finiteVerbSoonAfter(tokens: Token[], from: number, end: number): boolean {
  for (let k = from + 1; k < tokens.length && k <= from + 6 && tokens[k]!.end <= end; k++) if (FINITE_VERBS.has(tokens[k]!.low)) return true;
  return false;
}

/**
 * "In her catalogue essay, Park writes that …": a possessive in the words before the subject, with no one else named
 * there, is the subject's own and tells the subject's gender.
 */
function withIntroGender(text: string, hit: Hit): SpeakerPhrase {
  const phrase = hit.phrase!;
  if (phrase.kind !== 'name' || phrase.type !== 'person' || phrase.gender !== null || hit.intro === null) return phrase;
  const intro = text.slice(hit.intro.start, hit.intro.end);
  // Only an adverbial opening ("In her essay,", "At his hearing,"): in "His daughter, Okada Mariko," the possessive is another's.
  if (!/^\s*(?:In|At|On|During|Throughout|Through|Over|From|After|Before|Since)\s/.test(intro) || !/,\s*$/.test(intro)) return phrase;
  const words = intro.match(/\b(?:his|her)\b/gi) ?? [];
  const genders = new Set(words.map((w) => POSSESSIVE_PRONOUNS.get(w.toLowerCase())!));
  if (genders.size !== 1 || /\b(?:he|she|him)\b/i.test(intro) || /(?:^|[^.!?]\s)\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(intro.slice(1))) return phrase;
  return { ...phrase, gender: [...genders][0]! };
}

/** After a name and its apposition: ", who goes by Remy,", ", known as “Migz”," — the one word the person is called. */
const GOES_BY = /^(?:[^.;:!?“”"]|\.(?!\s+\p{Lu})){0,120}?,\s*(?:who\s+(?:goes|went)\s+by|(?:better\s+|widely\s+)?known\s+as|nicknamed)\s+["“‘']?(\p{Lu}[\p{Ll}'’-]+)["”’']?\s*[,.;]/u;

/** Words that open a clause after "that": determiners, pronouns, quantifiers. */
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'there', 'this', 'these', 'those', 'no', 'every', 'each', 'all', 'some', 'any', 'many', 'most', 'several', 'both', 'none', 'nobody', 'one', 'two', 'three', 'more', 'about', 'only']);

/** A paragraph that opens by naming who spoke the quote before it: "That was …", "Those were the words of …". */
const NAMED_AFTER = /^(?:That|This|Those|These|So) (?:was|were|is|are|said) (?:the (?:words|voice|verdict|view|message|plea|warning) of )?/;

/** A name after a preposition whose first word only the census list knows as a given name: a person unless it reads as a place. */
function censusPersonAfterPreposition(name: string): boolean {
  const low = name.split(' ')[0]!.toLowerCase();
  return !PLACE_NAME_OPENERS.has(low) && !isPlaceWord(low) && genderOfFullName(name) !== null;
}

/** Words that open place names and that the census list of given names also holds ("North Bay", "Lake Louise", "San Diego"). */
const PLACE_NAME_OPENERS: ReadonlySet<string> = new Set('north south east west new old lake mount mt fort port san santa saint st ste sainte la las los el upper lower great little grand cape point bay glen palm long royal grove park'.split(' '));

function isSurnameAfterInitial(tokens: Token[], w: number, nameEnd: number): boolean {
  // "Mary Bishop", "Odell Banks", "Tyra Banks": after a given name, a title, place or plural group word ends the name as its surname.
  return w === nameEnd - 1 && (followsInitial(tokens, w) || ((isTitleWord(tokens[w]!.low) || isPlaceWord(tokens[w]!.low) || GROUP_NOUNS.has(tokens[w]!.low)) && followsGivenName(tokens, w)));
}

/** Tokens of a nickname in quote marks at `j` inside a name ('Jose Miguel “Migz” Ocampo'): marks and one or two words, or 0. */
function nicknameLength(tokens: Token[], j: number): number {
  const open = tokens[j];
  if (open === undefined || !/^[“"‘']$/u.test(open.text)) return 0;
  for (let words = 1; words <= 2; words++) {
    const close = tokens[j + words + 1];
    const inner = tokens.slice(j + 1, j + words + 1);
    if (inner.length === words && inner.every((t) => t.cap && t.kind === 'word') && close !== undefined && /^[”"’']$/u.test(close.text) && isNameWordAt(tokens, j + words + 2)) return words + 2;
  }
  return 0;
}

/** The words of a full name between its first and its last, initials, particles and suffixes left out. */
function innerNameWords(name: string): string[] {
  const words = name.split(' ').filter((w) => !isGenerational(w));
  const inner = words.slice(1, -1).filter((w) => w.length > 1 && !w.endsWith('.') && !NAME_PARTICLES.has(w.toLowerCase()));
  // Each part of a double-barrelled surname: "Villanueva" of "Maria Lourdes de la Cruz-Villanueva".
  const surname = words.length > 1 ? words.at(-1)! : '';
  const parts = surname.includes('-') && !isArabicArticleName(surname) ? surname.split('-').filter((part) => /^\p{Lu}\p{Ll}{2,}/u.test(part)) : [];
  return parts.length > 1 ? [...inner, ...parts] : inner;
}

/**
 * "Jordan Ellis-Park", "Chad Okonkwo", "Georgia Whitlock-Hayes": a given name that also names a place, opening a
 * name run right before a surname. Not after another capitalised word of the run ("Georgia Governor …" stops at the title).
 */
function isGivenNameSpelledLikePlace(tokens: Token[], w: number, runStart: number, nameEnd: number): boolean {
  const t = tokens[w]!;
  const next = tokens[w + 1];
  return (w === runStart || !isPersonNameToken(tokens[w - 1]!, t)) && w + 1 < nameEnd && t.cap && PLACE_WORDS.has(t.low) && !NATIONALITY_WORDS.has(t.low) && isKnownGivenName(t.text) && next !== undefined && isPersonNameToken(next, tokens[w + 2]) && !isPlaceWord(next.low);
}

/** A lower-case noun for a person, not a verb spelled like one ("St-Onge accused the minister", "Patel judges the contest"). */
function describesAPerson(w: Token): boolean {
  return w.kind === 'word' && !w.cap && !/ed$/.test(w.low) && (isTitleWord(w.low) || isPersonNoun(w.low) || isSingularPersonNoun(w.low));
}

/** "Atlantic Nurses' Federation": a plural possessive's mark inside a name, at token `m`. */
function isPluralPossessive(tokens: Token[], m: number): boolean {
  return /^['’]$/.test(tokens[m]!.text) && /s$/.test(tokens[m - 1]?.text ?? '') && tokens[m - 1]!.end === tokens[m]!.start && tokens[m + 1]?.cap === true;
}

/** Words that open a verb's object: after "Smith judges", "the contest". */
const OBJECT_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'this', 'that', 'these', 'those', 'him', 'them', 'it', 'us', 'me', 'our', 'my']);

const QUOTED_NAME_TOKENS = 4_000;

/** How many of `people` (in text order) start before `pos`. */
function countBefore(people: PersonCandidate[], pos: number): number {
  return partitionPoint(people, (c) => c.index < pos);
}

/** Abbreviated or formal titles under the noun a later description uses: "Const." → constable, "Justice" → judge. */
const TITLE_ALIASES: Readonly<Record<string, string>> = {
  const: 'constable', sgt: 'sergeant', lt: 'lieutenant', capt: 'captain', gen: 'general', col: 'colonel', det: 'detective',
  insp: 'inspector', supt: 'superintendent', sen: 'senator', rep: 'representative', gov: 'governor', prof: 'professor',
  justice: 'judge', cllr: 'councillor', coun: 'councillor', councilor: 'councillor', dr: 'doctor',
};

/** Lower-case words of tokens [from, to), aliases added, possessors and "'s" left out. */
function roleWordsIn(tokens: Token[], from: number, to: number): string[] {
  const out: string[] = [];
  // "the mayor's budget chief": the words after the possessive only.
  for (let w = from; w < to; w++) if (tokens[w]!.low === "'s") from = w + 1;
  for (let w = from; w < to; w++) {
    const t = tokens[w]!;
    if (t.kind !== 'word' || t.low === "'s" || /^(?:the|a|an|of|for|at|in|and|his|her|its|their)$/.test(t.low)) continue;
    out.push(t.low);
    const alias = TITLE_ALIASES[t.low];
    if (alias !== undefined) out.push(alias);
  }
  return out;
}

/**
 * The role words written with a name (its run of capitalised words from `runFrom`, the name from `k` to
 * `end`): a title before it ("Nova Scotia Premier Alasdair MacEachern", "Conservative housing critic Darren
 * Fehr", "Const. Martine Leblanc"), or an apposition before or after it ("The health secretary, Rachel
 * Ainsworth-Doyle,", "Anita R. Mehta, an epidemiologist at Lakeshore University,"). Empty when no role word
 * is among them; a possessor's words are not the person's ("the mayor's budget chief Amara Nwosu" → chief).
 */
function titlesBefore(tokens: Token[], runFrom: number, k: number, end: number): string[] {
  let from = k;
  for (let w = k - 1; w >= Math.max(0, runFrom - 4, k - 6); w--) {
    const t = tokens[w]!;
    if (t.text === '.') continue;
    if (t.kind !== 'word' || t.low === "'s") break;
    if (w < runFrom && !isTitleWord(t.low) && !PERSON_ROLE_NOUNS.has(t.low)) break;
    from = w;
  }
  const words = roleWordsIn(tokens, from, k);
  // Appositions: ", the health secretary," before the name; ", an epidemiologist at …," after it.
  if (tokens[runFrom - 1]?.text === ',') {
    let w = runFrom - 2;
    while (w >= 0 && w > runFrom - 8 && tokens[w]!.kind === 'word') w--;
    if (/^(?:the|a|an)$/i.test(tokens[w + 1]?.text ?? '')) words.push(...roleWordsIn(tokens, w + 1, runFrom - 1));
  }
  if (tokens[end]?.text === ',' && /^(?:the|a|an|its|his|her)$/i.test(tokens[end + 1]?.text ?? '')) {
    let w = end + 1;
    // "a spokesperson for Health Minister Deborah Whitcombe": the titles after "for" are the principal's, not this person's.
    while (w < tokens.length && w < end + 9 && tokens[w]!.kind === 'word' && !(/^(?:for|to)$/.test(tokens[w]!.low) && tokens[w + 1]?.cap === true)) w++;
    // "… for striker Marko Horvat, the Croatian club's president said": a description with its own reporting verb
    // is the subject of another clause, not an apposition to the name.
    if (!tokens.slice(end + 1, w).some((t) => CUES.has(t.low))) words.push(...roleWordsIn(tokens, end + 1, w));
  }
  if (!words.some((w) => isTitleWord(w) || PERSON_ROLE_NOUNS.has(w) || NATIONALITY_WORDS.has(w))) return [];
  // "Chief financial officer David Oyelaran-Brooks" is also "the CFO"; "chief executive" is "the CEO".
  const roleRun = words.filter((w) => isTitleWord(w));
  if (roleRun.length >= 3 && roleRun.at(-1) === 'officer') words.push(roleRun.map((word) => word[0]).join(''));
  if (words.includes('chief') && words.includes('executive')) words.push('ceo');
  return [...new Set(words)];
}

/**
 * The surname ending "Cyril Pardy" at `k` in "Bernice and Cyril Pardy": a known given name, then one or two name
 * words; or a given name no list holds ("Gerard and Bride Hynes") when exactly one name word follows it and the run ends there.
 */
function coupleSurname(tokens: Token[], k: number): string | null {
  const given = tokens[k];
  if (given === undefined || !given.cap || !isPersonNameToken(given, tokens[k + 1])) return null;
  const known = isKnownGivenName(given.text);
  let end = k + 1;
  while (end < tokens.length && end <= k + (known ? 2 : 1) && isPersonNameToken(tokens[end]!, tokens[end + 1])) end++;
  if (!known && tokens[end]?.cap === true) return null;
  return end > k + 1 ? tokens[end - 1]!.text : null;
}

/** Nouns for a person described, not named: kin, newcomers, roles. */
function isPersonNoun(low: string): boolean {
  return KIN_GENDER.has(low) || NEW_PERSON_NOUNS.has(low) || PERSON_ROLE_NOUNS.has(low);
}

/**
 * The age a name is written with, as a title word "age:54": "Tom Barrett, 54,", "Tom Barrett (54)", "54-year-old
 * Tom Barrett"; none otherwise. A later "the 54-year-old" looks it up (speakers.ts reads it so).
 */
function ageOf(tokens: Token[], nameFrom: number, nameTo: number): string[] {
  const after = tokens[nameTo + 1];
  if (after?.kind === 'num' && /^(?:,|\()$/.test(tokens[nameTo]?.text ?? '') && /^(?:,|\))$/.test(tokens[nameTo + 2]?.text ?? '') && Number(after.text) > 0 && Number(after.text) < 120) return [`age:${Number(after.text)}`];
  const before = tokens[nameFrom - 3];
  if (before?.kind === 'num' && tokens[nameFrom - 2]?.text === '-' && tokens[nameFrom - 1]?.low === 'year-old') return [`age:${Number(before.text)}`];
  return [];
}

/** "Jr", "III" as written in a capitalised run (the dot is a token of its own). */
function isGenerationalToken(word: string): boolean {
  return /^\p{Lu}/u.test(word) && isGenerational(word);
}

/** An initial, or a given name written short with a dot ("Ma." for Maria in Filipino copy, "Wm.", "Jas."). */
function isInitial(word: string): boolean {
  return JOINED_INITIALS.test(word) || GIVEN_NAME_ABBREVIATIONS.has(word);
}

/** "J", and initials written together: "J.P" of "J.P. Thibault" (the last dot is a token of its own). */
const JOINED_INITIALS = /^\p{Lu}(?:\.\p{Lu})*$/u;

const GIVEN_NAME_ABBREVIATIONS = new Set(['Ma', 'Wm', 'Jas', 'Chas', 'Geo', 'Thos', 'Jos', 'Robt', 'Benj']);

const lastNameToken = memoized((name: string): string => {
  const tokens = name.split(' ').filter((t) => !/^(?:jr|sr|ii|iii|iv)\.?$/i.test(t));
  return tokens.at(-1) ?? name;
});


/** "St." of "Ryan St. Amand", "Ste." of "Marie Ste. Croix": a saint's name made a surname, its dot inside the name. */
function isSaintParticle(tokens: Token[], k: number): boolean {
  return /^(?:St|Ste)$/.test(tokens[k]?.text ?? '') && tokens[k + 1]?.text === '.' && tokens[k + 1]!.start === tokens[k]!.end && tokens[k + 2]?.cap === true && k > 0 && tokens[k - 1]!.cap;
}

/** A word that continues a capitalised name run: capitalised, "al-Rashidi", or a particle chain before one ("de la Vega"). */
function isNameWordAt(tokens: Token[], j: number): boolean {
  const t = tokens[j];
  // A nickname's closing mark may end the paragraph: nothing follows it.
  if (t === undefined) return false;
  if (t.cap || isArabicArticleName(t.text)) return true;
  let k = j;
  while (k < tokens.length && NAME_PARTICLES.has(tokens[k]!.text)) k++;
  return k > j && tokens[k]?.cap === true;
}

/** Organisations named in `text`: runs with an organisation word, known organisations, acronyms, and "automaker Veltrix". */
export function organisationCandidates(text: string, head: string, acronyms: ReadonlySet<string> = NO_ACRONYMS, tokenized?: Token[]): { name: string; index: number; related: boolean }[] {
  // A paragraph's own tokens when the caller has them (the same text, read once).
  const tokens = tokenized ?? tokenize(text);
  const out: { name: string; index: number; related: boolean }[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // "Automaker Veltrix", "the airline Skyward": a generic noun written before a name.
    if (ORG_ROLE_NOUNS.has(t.low) && tokens[i + 1]?.cap && !ORG_NAME_WORDS.has(tokens[i + 1]!.low)) {
      let j = i + 1;
      while (j < tokens.length && tokens[j]!.cap) j++;
      const name = tokens.slice(i + 1, j).map((x) => x.text).join(' ');
      out.push({ name, index: t.start, related: t.low === head || isRelatedOrg(t.low, [], head) || (head === 'company' && ORG_ROLE_NOUNS.has(t.low)) });
      i = j;
      continue;
    }
    // Not a name's first word: a lower-case word, or a sentence's opening article ("The Holloway campaign said …").
    if (!t.cap || (/^(?:the|a|an)$/i.test(t.text) && tokens[i + 1]?.cap === true && PERSONAL_ORGANISATIONS.has(tokens[i + 2]?.low ?? ''))) {
      i++;
      continue;
    }
    // "the Holloway campaign": a name before a noun for what a person has is that organisation.
    const owned = tokens[i + 1] !== undefined && PERSONAL_ORGANISATIONS.has(tokens[i + 1]!.low) && !tokens[i + 1]!.cap && !NOT_NAME.has(t.text) && isPersonNameToken(t, tokens[i + 1]);
    if (owned) {
      const name = `${t.text} ${tokens[i + 1]!.low}`;
      out.push({ name, index: t.start, related: isRelatedOrg(name, [], head) });
      i += 2;
      continue;
    }
    let j = i;
    // "St. Brendan's University": a saint's possessive inside an institution's name.
    const saint = /^(?:st|saint|ste)$/.test(t.low);
    // "U.S. Department of Agriculture": the dot of a dotted acronym opening the name.
    const dottedAcronymDot = (k: number) => tokens[k]!.text === '.' && k > i && /^(?:\p{L}\.)+\p{L}$/u.test(tokens[k - 1]!.text) && tokens[k]!.start === tokens[k - 1]!.end && tokens[k + 1]?.cap === true;
    // "Amalgamated Transit Union Local 1093": a union local's number is part of its name.
    const localNumber = (k: number) => tokens[k]!.kind === 'num' && k > i && tokens[k - 1]!.low === 'local';
    // "Festival Scènes du Plateau", "Banco de la Nación": a Romance or Dutch particle between capitalised words.
    const particleRun = (k: number) => {
      if (k === i) return false;
      let m = k;
      while (m < tokens.length && NAME_PARTICLE_WORDS.has(tokens[m]!.text)) m++;
      return m > k && m - k <= 2 && tokens[m]?.cap === true;
    };
    // "Department for Environment, Food and Rural Affairs", "Immigration, Refugees and Citizenship Canada": a list of
    // portfolios inside a ministry's name, when the name opens with "Ministry of"/"Department for" or the article uses its initials.
    const portfolioComma = (k: number) => tokens[k]!.text === ',' && k > i && tokens[k + 1]?.cap === true && isPortfolioList(tokens, i, k, acronyms);
    // "Bergen County Prosecutor's Office", "Children's Hospital": a possessive before the organisation word that ends the name.
    const ownedOffice = (k: number) => k > i && /^['’]s$/.test(tokens[k]!.low) && isOwnedOffice(tokens, k);
    // "Department of Agriculture, Food and the Marine": "and the" inside a list of portfolios.
    const andTheInList = (k: number) => tokens[k]!.low === 'and' && tokens[k + 1]?.low === 'the' && tokens[k + 2]?.cap === true && tokens.slice(i, k).some((t) => t.text === ',');
    while (j < tokens.length && (tokens[j]!.cap || dottedAcronymDot(j) || localNumber(j) || (/^(?:of|for|and|the|&)$/.test(tokens[j]!.low) && tokens[j + 1]?.cap) || particleRun(j) || portfolioComma(j) || ownedOffice(j) || andTheInList(j) || (j > i && isPluralPossessive(tokens, j)) || (saint && /^['’]s$/.test(tokens[j]!.low) && tokens[j + 1]?.cap) || (saint && tokens[j]!.text === '.' && j === i + 1))) j++;
    const inParens = text[t.start - 1] === '(' && text[tokens[j - 1]!.end] === ')';
    const run = tokens.slice(i, j);
    // "Even the Reserve Bank", "Shares of Lumora Systems": an opening adverb, an article, or a part "of" an
    // organisation are not part of its name.
    for (;;) {
      if (run.length > 0 && (/^(?:the|a|an)$/i.test(run[0]!.text) || ((INTRO_WORDS.has(run[0]!.low) || FOCUS_ADVERBS.has(run[0]!.low) || isPlaceModifier(run[0]!.text)) && run.length > 1))) run.shift();
      else if (run.length > 2 && run[1]!.low === 'of' && !ORG_NAME_WORDS.has(run[0]!.low) && !KNOWN_ORGS.has(run[0]!.low) && !isTitleWord(run[0]!.low) && hasOrgWord(run.slice(2))) run.splice(0, 2);
      else break;
    }
    // "Federal Reserve Governor Lionel P. Abernathy": a person's title after an organisation's name ends it.
    // "Ministry of Defence", "Department for Transport": a title word after "of"/"for" is the organisation's portfolio.
    // "Department for Environment, Food and Rural Affairs": a portfolio word that ends a name with "of"/"for" in it belongs to it.
    const endsPortfolio = (w: Token, k: number) => (k === run.length - 1 || /^(?:and|&|,)$/.test(run[k + 1]!.low)) && PORTFOLIO_WORDS.has(w.low) && run.slice(0, k).some((x) => /^(?:of|for)$/.test(x.low));
    const titleAt = run.findIndex((w, k) => k > 0 && w.cap && isTitleWord(w.low) && !ORG_NAME_WORDS.has(w.low) && hasOrgWord(run.slice(0, k)) && !/^(?:of|for|and|&|,)$/.test(run[k - 1]!.low) && !endsPortfolio(w, k) && !/^['’]s$/.test(run[k + 1]?.low ?? ''));
    if (titleAt > 0) run.splice(titleAt);
    // "the Southern Defence Forces Oleksii Starmer": a given name after an organisation word opens a person's name.
    const personAt = run.findIndex((w, k) => k > 0 && ORG_NAME_WORDS.has(run[k - 1]!.low) && w.cap && genderOfGivenName(w.text) !== null && run[k + 1]?.cap === true);
    if (personAt > 0) run.splice(personAt);
    // "the Canadian Rail Workers Union and Dominion Rail": two organisations, each its own candidate.
    const joint = run.findIndex((w) => w.low === 'and');
    // An organisation's name ends at its organisation word ("Union"): what follows "and" is another one ("Dominion Rail").
    // Not inside a ministry's portfolios: "Ministry of Health and Long-Term Care" is one ministry ("Health" is an organisation word too).
    const portfolios = /^(?:ministry|department|minister|secretary)$/.test(run[0]?.low ?? '') && /^(?:of|for)$/.test(run[1]?.low ?? '');
    const endsAtOrgWord = joint > 0 && ORG_NAME_WORDS.has(run[joint - 1]!.low) && run.length - joint > 1 && !portfolios;
    // One word before "and" joins the name: "Securities and Exchange Commission", "Food and Drug Administration".
    // A list of portfolios ("Ministry of Housing, Communities and Local Government") is one name.
    const listed = run.some((w) => w.text === ',');
    const parts = !listed && joint > 1 && hasOrgWord(run.slice(0, joint)) && (hasOrgWord(run.slice(joint + 1)) || endsAtOrgWord) ? [run.slice(0, joint), run.slice(joint + 1)] : [run];
    // "the 4th U.S. Circuit Court of Appeals", "the 101st Airborne Division": an ordinal opening the name is part of it.
    const ordinal = i > 0 && tokens[i - 1]!.kind === 'num' && /^\d+(?:st|nd|rd|th)$/i.test(tokens[i - 1]!.text) ? tokens[i - 1]! : null;
    for (const words of parts) {
      const from = ordinal !== null && words[0] === tokens[i] ? ordinal.start : (words[0]?.start ?? 0);
      const name = text.slice(from, words.at(-1)?.end ?? 0).replace(/ \.$/, '');
      // With a noun to fit, a name that fits it is an organisation even without a word like "Inc." ("Cascade Skyways" for "the airline").
      const fitsHead = head !== '' && words.length >= 2 && isRelatedOrg(name, [], head) && !isKnownGivenName(words[0]!.text);
      // One word is a name only as an acronym or a known institution ("Kremlin"): "Campaign officials said" names none.
      const single = words.length === 1;
      // "Immigration and Customs Enforcement", when the article also writes "ICE".
      const initialled = !single && words.length >= 3 && acronyms.size > 0 && abbreviationsOf(name).some((a) => a.length >= 3 && acronyms.has(a));
      const isOrg = (!single && (hasOrgWord(words) || fitsHead || initialled)) || (single && KNOWN_ORGS.has(words[0]!.low)) || (single && /^[\p{Lu}]{2,6}$/u.test(words[0]!.text) && !PLACE_WORDS.has(words[0]!.low));
      if (!inParens && isOrg && name !== '') out.push({ name, index: words[0]!.start, related: isRelatedOrg(name, [], head) });
    }
    i = Math.max(j, i + 1);
  }
  return out;
}


/** Lower-case particles inside an organisation's name in French, Spanish, Italian, Portuguese, Dutch and German. */
const NAME_PARTICLE_WORDS: ReadonlySet<string> = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'y', 'e']);


/** The end of "from the", "to", "against the", "before the": what an oblique organisation's name follows. */
const AFTER_DIRECTION = /\b(?:from|to|against|before|toward|towards|into)\s+(?:the\s+)?$/i;

/** Whether the name at `index` follows "obtained by", "seen by" and the like. */
function obtainedBy(text: string, index: number): boolean {
  const before = /(\p{L}+)\s+by\s+(?:the\s+)?$/iu.exec(text.slice(Math.max(0, index - 30), index));
  return before !== null && SEEN_BY.has(before[1]!.toLowerCase());
}

/** Short forms news writing uses for an organisation whatever the article: "the Fed". */
const ORGANISATION_SHORT_FORMS: ReadonlyMap<string, RegExp> = new Map([['fed', /\bFederal Reserve\b/]]);

/** The keys under which a short name may stand for the organisation `name` (see `organisationNamed`). */
function fullNameKeys(name: string): string[] {
  const words = name.replace(/^the\s+/i, '').split(' ');
  if (words.length < 2) return [];
  const keys = [`first:${words[0]}`, ...abbreviationsOf(name).map((a) => `acronym:${a}`), ...nameTails(name).map((tail) => `tail:${tail}`)];
  // "Ministry of Housing" for "Ministry of Housing, Communities and Local Government": the name up to its list of portfolios.
  if (name.includes(', ')) keys.push(`lead:${name.slice(0, name.indexOf(', ')).replace(/^the\s+/i, '')}`);
  // "Cardinal Valley" for "Cardinal Valley Railroad", "Lakeshore City" for "Lakeshore City FC": the name without the organisation words that end it.
  for (let k = words.length - 1; k >= 2 && ORG_NAME_WORDS.has(words[k]!.toLowerCase().replace(/\.$/, '')); k--) keys.push(`lead:${words.slice(0, k).join(' ')}`);
  // "Boreal Crest" for "Boreal Crest Forest Products Inc.": a company's legal form ends its name, and what the
  // business is ("Forest Products") goes with it; the words before it are the name it goes by.
  if (words.length >= 4 && LEGAL_FORMS.has(words.at(-1)!.toLowerCase().replace(/\.$/, ''))) {
    for (let k = 2; k <= words.length - 2; k++) if (words.slice(0, k).every((w) => /^\p{Lu}/u.test(w))) keys.push(`lead:${words.slice(0, k).join(' ')}`);
  }
  // "Ridgeway Institute" for "Ridgeway Institute for Public Finance": the name up to what it is for, when an organisation word ends that part.
  const purpose = words.findIndex((w, k) => k >= 2 && /^(?:for|of|on)$/.test(w));
  if (purpose !== -1 && ORG_NAME_WORDS.has(words[purpose - 1]!.toLowerCase())) keys.push(`lead:${words.slice(0, purpose).join(' ')}`);
  for (const [short, full] of ORGANISATION_SHORT_FORMS) if (full.test(name)) keys.push(`short:${short}`);
  return keys;
}

/** An organisation of a paragraph under one key: where it is, its place among the paragraph's, and the nearest earlier entry of the key with another name (-1: none). */
interface OrganisationByKey {
  name: string;
  index: number;
  order: number;
  otherBefore: number;
}

/** The keys a short name looks up: a word by its first-word, initials and short-form keys, several words by their tail key. */
/** What follows an organisation's name to give the name it goes by: ", …, known as Petroluz", " (known as Petroluz)". */
const KNOWN_AS = /^[^.;]{0,100}?\b(?:known|referred to) as\s+[“"]?(\p{Lu}[\p{L}\p{N}-]+)[”"]?(?=[,.;)\s])/u;

function shortNameKeys(name: string): string[] {
  const bare = name.replace(/^the\s+/i, '');
  if (bare.includes(' ')) return [`tail:${bare}`, `lead:${bare}`];
  const keys = [`first:${bare}`, `short:${bare.toLowerCase()}`];
  if (/^\p{Lu}{2,6}$/u.test(bare.replace(/\./g, ''))) keys.push(`acronym:${bare.replace(/\./g, '')}`);
  return keys;
}

function hasOrgWord(words: Token[]): boolean {
  return words.some((w) => ORG_NAME_WORDS.has(w.low) || KNOWN_ORGS.has(w.low));
}

function isTitleCase(text: string): boolean {
  const words = text.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((w) => w.length > 3);
  return long.length >= 3 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.7;
}

/** The key a nickname of one or more words is looked up by ("Big Gus"). */
function nicknameKey(nickname: string): string {
  return nickname.split(/\s+/).map(spellingKey).join(' ');
}

/** How far after the cursor a kin's given name may stand in its own speaker phrase: "Her husband, Gene". */
const KIN_PHRASE_REACH = 24;

const NOT_NAME = new Set(['I', 'So', 'Yes', 'No', 'Of', 'Well', 'Then', 'Now', 'Q', 'The', 'A', 'An', 'In', 'On', 'At', 'When', 'For', 'As', 'By', 'And', 'But', 'If', 'It', 'He', 'She', 'They', 'We', 'This', 'That', 'Asked', 'After', 'Before', 'Her', 'His', 'Their', 'Its',
  // Words that open a sentence before a name ("Without Teresa, he said, …"), never part of it.
  'Without', 'With', 'Despite', 'During', 'Under', 'Through', 'Since', 'Until', 'Unlike', 'Like', 'From', 'To', 'Into', 'Against', 'Because', 'Although', 'Though', 'While', 'Once', 'Even', 'Only', 'Also', 'Perhaps', 'Maybe', 'Among', 'Beyond', 'Behind', 'Besides']);

function isNotNameWord(word: string): boolean {
  if (NAME_PARTICLES.has(word)) return false; // "ap" of "Owain ap Rhys" in lower case, whatever "AP" stands for
  const low = word.toLowerCase();
  return NOT_NAME.has(word) || isTitleWord(low) || PORTFOLIO_NOUNS.has(low) || ORG_NAME_WORDS.has(low) || PLACE_WORDS.has(low) || NATIONALITY_WORDS.has(low) || CALENDAR_AND_PLACE_NOUNS.has(low);
}

const CALENDAR_AND_PLACE_NOUNS: ReadonlySet<string> = new Set([...WEEKDAYS, ...MONTHS, 'point', 'street', 'road', 'avenue', 'river', 'lake', 'mount', 'elementary']);
