/**
 * /check <claim> (and the "Check claim" message command): what the archive
 * says about a claim a reporter pasted. The claim is read — who (people and
 * organisations, any spelling), what (its key words), figures (what they
 * count, whose, about what) and when — and the statements on file are laid out
 * by what they do to it: give the same figure, give a different figure for the
 * same thing, confirm, cannot confirm, deny, or only relate to it. Verbatim and
 * cited like every answer; never a verdict.
 */
import { parseFigures } from '../extract/figures.js';
import { isStopword, parseQuery, queryWords, type ParsedQuery } from '../index/ftsQuery.js';
import type { SentenceHit } from '../index/queries.js';
import type { PersonEntry, StatementView } from '../index/statements.js';
import { comparableFigure, statementDate, type ComparableFigure } from './analysis.js';
import { emptyQueryAnswer, relaxedSearch, sentenceItems, statementsOfHits } from './claims.js';
import type { AnswerContext } from './context.js';
import { matchPeople } from './people.js';
import { statementItems } from './statementItems.js';
import { suggestForQuery } from './suggest.js';
import type { Answer, AnswerItem, AnswerSection, FigureView } from './types.js';

const USAGE = 'Nothing to check: paste the claim as a sentence, e.g. /check North Korea has sent 12,000 troops to Russia (or right-click a message → Apps → Check claim).';
/** Items per group: the best evidence; the rest is one /claims away. */
const MAX_PER_GROUP = 10;
const MAX_RELATED = 8;
/** Claims of at most this many content words are also searched through related words. */
const RELATED_UP_TO = 3;
/** How sure a name in the claim must be of its person (findPeople's 0..1 score). */
const PERSON_SCORE = 0.8;
/**
 * Words that say what was done with a claim (said, confirmed, denied), not what it is about:
 * the stance groups show those. They are not searched.
 */
const CLAIM_VERBS = new Set(
  'said says say told stated state announced announces claimed claim claims confirmed confirms confirm confirming denied denies deny denying reported reports report according not no never cannot cant can t has have had is are was were been being will would may might'.split(' '),
);

export interface ClaimFigure {
  figure: FigureView;
  comparable: ComparableFigure;
}

export interface ClaimReading {
  who: PersonEntry[];
  query: ParsedQuery;
  figures: ClaimFigure[];
  /** A date or month the claim names, as written. */
  when: string | null;
}

const NAME_RUN = /\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu;
const WHEN = /\b(?:(?:\d{1,2}\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+\d{1,2})?(?:,?\s+\d{4})?|(?:in|since|by)\s+(?:19|20)\d{2})\b/;

/** Capitalised runs looked up as names: a pasted message may hold many; the first ones are the claim's. */
const MAX_NAME_RUNS = 12;
/** Discord mentions, custom emoji and links in a pasted message: not words of the claim. */
const MESSAGE_MARKUP = /<[@#][!&]?\d+>|<a?:\w+:\d+>|https?:\/\/\S+/g;

/** People and organisations the claim names: capitalised runs that the people index resolves with confidence. */
function claimPeople(ctx: AnswerContext, text: string): { people: PersonEntry[]; spans: string[] } {
  const people: PersonEntry[] = [];
  const spans: string[] = [];
  for (const run of (text.match(NAME_RUN) ?? []).slice(0, MAX_NAME_RUNS)) {
    const best = matchPeople(ctx, run, 1)[0];
    if (best && best.score >= PERSON_SCORE && best.person.type === 'person' && !people.some((p) => p.id === best.person.id)) {
      people.push(best.person);
      spans.push(run);
    }
  }
  return { people, spans };
}

/** Reads a claim; null when it holds nothing to search (empty, only punctuation or function words). */
export function readClaim(ctx: AnswerContext, message: string): ClaimReading | null {
  const text = message.replace(MESSAGE_MARKUP, ' ');
  const { people, spans } = claimPeople(ctx, text);
  const figures = parseFigures(text).flatMap((f) => {
    const comparable = comparableFigure(text, f, ctx.synonyms);
    return comparable ? [{ figure: { text: f.text, min: f.min, max: f.max, qualifier: f.qualifier, counted: f.counted }, comparable }] : [];
  });
  // The words to search: figures reduced to what they count, people's names and claim verbs left out.
  let words = text;
  for (const f of parseFigures(text)) words = words.replace(f.text, f.counted ?? ' ');
  for (const span of spans) words = words.replace(span, ' ');
  words = words.replace(/[\p{L}\p{N}’']+/gu, (w) => (CLAIM_VERBS.has(w.toLowerCase().replace(/[’']/g, '')) ? ' ' : w));
  // Only function words ("is it the"): nothing to search, though a topic search would fall back to them.
  // Related words (WordNet) help a short claim find its wording; a long one has words enough, and each relative widens the search.
  const content = queryWords(words).filter((w) => !isStopword(w));
  const query = content.length === 0 ? { terms: [], truncated: false } : parseQuery(words, ctx.synonyms, content.length <= RELATED_UP_TO ? ctx.lexicon : undefined);
  if (query.terms.length === 0 && people.length === 0) return null;
  return { who: people, query, figures, when: WHEN.exec(text)?.[0] ?? null };
}

/** A figure's bounds as a reader would take them: "about 12,000" ±10 %, "at least 3,000" a little above, a range as given. */
function bounds(f: { min: number; max: number; qualifier: string }): [number, number] {
  switch (f.qualifier) {
    case 'about':
      return [f.min * 0.9, f.max * 1.1];
    case 'nearly':
      return [f.min * 0.9, f.max];
    case 'at-least':
    case 'more-than':
      return [f.min, f.min * 1.1];
    case 'up-to':
      return [f.max * 0.9, f.max];
    default:
      return [f.min, f.max];
  }
}

function sameFigure(a: FigureView, b: FigureView): boolean {
  const [aLow, aHigh] = bounds(a);
  const [bLow, bHigh] = bounds(b);
  return aLow <= bHigh && bLow <= aHigh;
}

/** Whether a statement's figure counts the same thing as the claim's: same class, and whose and what agree where both say. */
function comparableTo(claim: ComparableFigure, other: ComparableFigure): boolean {
  const agree = <T>(x: T | null, y: T | null) => x === null || y === null || x === y;
  return claim.counts === other.counts && agree(claim.whose, other.whose) && agree(claim.aspect, other.aspect);
}

type Verdictless = 'match' | 'different' | 'confirms' | 'cannot-confirm' | 'denies' | 'related';

export interface Evidence {
  statement: StatementView;
  group: Verdictless;
  /** The statement's figure set against the claim's, for the remark. */
  figure?: { theirs: FigureView; claim: FigureView };
}

function classify(statement: StatementView, reading: ClaimReading, ctx: AnswerContext): Evidence {
  for (const claimed of reading.figures) {
    for (const f of statement.figures) {
      const theirs = comparableFigure(statement.content, f, ctx.synonyms);
      if (theirs === null || !comparableTo(claimed.comparable, theirs)) continue;
      return { statement, group: sameFigure(f, claimed.figure) ? 'match' : 'different', figure: { theirs: f, claim: claimed.figure } };
    }
  }
  const byStance: Record<StatementView['stance'], Verdictless> = { confirms: 'confirms', 'cannot-confirm': 'cannot-confirm', denies: 'denies', asserts: 'related' };
  return { statement, group: byStance[statement.stance] };
}

const GROUPS: { group: Verdictless; title: string; count: (n: number) => string }[] = [
  { group: 'match', title: 'Matches the figure', count: (n) => `${n} ${n === 1 ? 'gives' : 'give'} the same figure` },
  { group: 'different', title: 'Different figures', count: (n) => `${n} ${n === 1 ? 'source gives' : 'sources give'} a different figure` },
  { group: 'confirms', title: 'Confirms', count: (n) => `${n} ${n === 1 ? 'confirms' : 'confirm'}` },
  { group: 'cannot-confirm', title: 'Cannot confirm', count: (n) => `${n} cannot confirm` },
  { group: 'denies', title: 'Denies', count: (n) => `${n} ${n === 1 ? 'denies' : 'deny'}` },
  { group: 'related', title: 'Related reports', count: (n) => `${n} related ${n === 1 ? 'report' : 'reports'}` },
];

function withRemark(item: AnswerItem, evidence: Evidence[]): AnswerItem {
  const first = item.citations[0]!;
  const e = evidence.find((x) => x.statement.citation.file === first.file && x.statement.citation.span.start === first.span.start);
  if (!e?.figure) return item;
  const remark = `gives ${e.figure.theirs.text}; the claim says ${e.figure.claim.text}`;
  return { ...item, remark: [remark, item.remark].filter(Boolean).join('; ') };
}

function readingLines(reading: ClaimReading): string[] {
  const figures = reading.figures.map((f) => `${f.figure.text} (${f.comparable.label})`);
  return [
    `Who: ${reading.who.map((p) => p.canonical).join(', ') || 'no one named'}`,
    `What: ${reading.query.terms.map((t) => t.words.join(' ')).join(' + ') || '—'}`,
    `Figures: ${figures.join('; ') || 'none'}`,
    ...(reading.when ? [`When: ${reading.when}`] : []),
  ];
}

/** The stance a claim itself reports ("cannot confirm", "denied"): statements taking it are the closest evidence. */
function claimStance(text: string): StatementView['stance'] | null {
  const low = text.toLowerCase();
  if (/\b(?:can(?:no|')t|could(?:n't| not)|(?:has|have)(?:n't| not)(?: yet)?|not yet|unable to)\s+(?:\w+\s+)?confirm/.test(low) || /\bno (?:information|evidence)\b/.test(low)) return 'cannot-confirm';
  if (/\b(?:den(?:y|ied|ies)|false|not true|untrue|refuted?)\b/.test(low)) return 'denies';
  if (/\bconfirm/.test(low)) return 'confirms';
  return null;
}

/**
 * The statements on file about the claim, best evidence first: by the people
 * the claim names, then giving a figure for the same thing, then taking the
 * stance the claim reports, then holding more of its words, then by rank. Null when the claim cannot be read.
 */
export function rankedEvidence(ctx: AnswerContext, claim: string): { reading: ClaimReading; evidence: Evidence[]; hits: SentenceHit[] } | null {
  const reading = claim.trim() === '' ? null : readClaim(ctx, claim);
  if (reading === null) return null;
  const terms = reading.query.terms.length;
  const found = terms > 0 ? relaxedSearch(ctx, reading.query, Math.max(1, Math.ceil(terms / 2))) : { hits: [], held: new Map<number, number>() };
  const spoke = new Set(reading.who.map((p) => p.id));
  const stance = claimStance(claim);
  // A statement by someone the claim names weighs most, then a figure for the same thing, then the claim's own stance.
  const score = (e: Evidence) =>
    4 * Number(spoke.has(e.statement.personId ?? -1)) + 2 * Number(e.figure !== undefined) + Number(stance !== null && e.statement.stance === stance);
  const evidence = statementsOfHits(ctx, found.hits, found.held)
    .map((x, i) => ({ evidence: classify(x.statement, reading, ctx), held: x.held, i }))
    .sort((a, b) => score(b.evidence) - score(a.evidence) || b.held - a.held || a.i - b.i)
    .map((x) => x.evidence);
  return { reading, evidence, hits: found.hits };
}

export function answerCheck(ctx: AnswerContext, claim: string): Answer {
  const ranked = rankedEvidence(ctx, claim);
  if (ranked === null) return emptyQueryAnswer('check', USAGE);
  const { reading, evidence, hits } = ranked;
  const statements = evidence.map((e) => e.statement);
  const terms = reading.query.terms.length;
  const sections: AnswerSection[] = [{ title: 'The claim, as read', items: [], lines: readingLines(reading) }];
  const counts: string[] = [];
  const shown: Evidence[] = [];
  for (const { group, title, count } of GROUPS) {
    const inGroup = evidence.filter((e) => e.group === group);
    const items = statementItems(inGroup.map((e) => e.statement))
      .slice(0, group === 'related' ? MAX_RELATED : MAX_PER_GROUP)
      .map((item) => withRemark(item, inGroup));
    if (items.length === 0) continue;
    sections.push({ title, items });
    shown.push(...inGroup.filter((e) => items.some((i) => i.citations.some((c) => c.file === e.statement.citation.file && c.span.start === e.statement.citation.span.start))));
    counts.push(count(items.length));
  }
  const covered = new Set(statements.map((s) => `${s.citation.file}#${s.citation.paragraph}`));
  const sentences = sentenceItems(ctx, hits.slice(0, 20)).filter((i) => !covered.has(`${i.citations[0]!.file}#${i.citations[0]!.paragraph}`)).slice(0, 5);
  if (sentences.length > 0) sections.push({ title: 'Other sentences on this', items: sentences });
  const dates = shown.map((e) => statementDate(e.statement).date).filter((d): d is string => d !== null).sort();
  const empty = counts.length === 0 && sentences.length === 0;
  const summary = empty
    ? 'Nothing on file speaks to this claim.'
    : `${counts.length > 0 ? counts.join('; ') : 'No attributed statement on it; sentences that mention it below'}${dates[0] ? `; the earliest ${dates[0]}` : ''}. The evidence as on file, best first: no verdict.`;
  return {
    command: 'check',
    query: claim,
    title: `Check: ${claim.trim().replace(/\s+/g, ' ')}`,
    summary,
    sections,
    notes: reading.query.truncated ? [`Only the first ${terms} words of the claim were searched.`] : [],
    suggestions: empty ? suggestForQuery(ctx, 'claims', reading.query) : [],
    empty,
  };
}
