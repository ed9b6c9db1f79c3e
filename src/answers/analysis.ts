/**
 * What a fact-checker looks for across statements: figures that differ for the
 * same thing, and speakers whose position changed. Pure functions over views.
 */
import { byCodeUnits } from '../text/search.js';
import { figureFacets, type FigureAspect } from '../extract/figures.js';
import { NATIONALITY_WORDS, PLACE_WORDS } from '../extract/places.js';
import type { StatementView } from '../index/statements.js';
import type { SynonymGroups } from '../index/synonyms.js';
import { mergeRepeats, REPEAT_SIMILARITY } from './citations.js';
import type { Citation } from './types.js';

export type { StatementView } from '../index/statements.js';

export interface FigureEntry {
  figureText: string;
  min: number;
  max: number;
  speaker: string | null;
  /** When the figure was given: the statement's event date, else its article's date. */
  date: string | null;
  dateInferred: boolean;
  citation: Citation;
}

export interface FigureConflict {
  /** What the figures count, as a reader would name it ("north korean troops, deployed or in training"). */
  counted: string;
  /** The comparison key (see comparableFigure): figures differ only within one key. */
  key: string;
  entries: FigureEntry[];
}

function singular(word: string): string {
  return word.replace(/(?<=[a-z]{3})(es|s)$/, '');
}

/** The class of a counted thing: its head noun, unified through the synonym list. */
export function countedClass(counted: string, synonyms: SynonymGroups): string {
  const words = counted.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  for (const group of synonyms) {
    for (const phrase of group) {
      const tail = words.slice(-phrase.length).map(singular).join(' ');
      if (tail === phrase.map(singular).join(' ')) return group[0]!.join(' ');
    }
  }
  return singular(words.at(-1) ?? counted);
}

/**
 * Counted things that cannot be compared without knowing what they measure:
 * durations ("two years"), shares and amounts of money ("$5bn" of what?).
 */
const NOT_COMPARABLE = new Set([
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'decade', 'century', 'time', 'percent', 'per', 'cent',
  'dollar', 'pound', 'euro', 'yen', 'hryvnia', 'rouble', 'ruble', 'kilometre', 'kilometer', 'mile', 'metre', 'meter',
]);

/** Group key of a place or nationality ("north korean" ~ "north korea" ~ "dprk"): its synonym group, else its stem. */
export function placeClass(place: string, synonyms: SynonymGroups): string {
  const stem = (phrase: string) => phrase.toLowerCase().replace(/(?:ians?|ans?|ns?|ese|is?|ia|e|a)$/, '');
  const key = stem(place);
  for (const group of synonyms) if (group.some((p) => stem(p.join(' ')) === key)) return group[0]!.join(' ');
  return key;
}

export type AspectGroup = 'present' | 'lost' | 'escaped' | 'captured';

const ASPECT_GROUP: Record<FigureAspect, AspectGroup> = { deployed: 'present', trained: 'present', lost: 'lost', escaped: 'escaped', captured: 'captured' };
const ASPECT_LABEL: Record<AspectGroup, string> = { present: 'deployed or in training', lost: 'killed or wounded', escaped: 'escaped or deserted', captured: 'captured' };

/** A figure as comparable data: what it counts, whose, and what it is about. */
export interface ComparableFigure {
  /** "troops": the counted class, unified through the synonym list. */
  counts: string;
  /** The place class of whose they are; null when the text does not say. */
  whose: string | null;
  aspect: AspectGroup | null;
  /** counts|whose|aspect: figures differ only within one key. */
  key: string;
  /** "north korean troops, deployed or in training". */
  label: string;
}

/**
 * The figure's comparable reading, or null for figures that count nothing
 * comparable (durations, shares, money). `context` is the text the figure
 * stands in (a statement's content, a claim).
 */
export function comparableFigure(context: string, figure: { text: string; counted: string | null }, synonyms: SynonymGroups): ComparableFigure | null {
  if (figure.counted === null) return null;
  const counts = countedClass(figure.counted.split(' ').filter((w) => !isPlaceLike(w)).join(' ') || figure.counted, synonyms);
  if (NOT_COMPARABLE.has(counts) || NOT_COMPARABLE.has(singular(figure.counted.split(' ').at(-1) ?? ''))) return null;
  const facets = figureFacets(context, figure);
  const whose = facets.whose === null ? null : placeClass(facets.whose, synonyms);
  const aspect = facets.aspect === null ? null : ASPECT_GROUP[facets.aspect];
  // "north korean troops" for a nationality, "troops of north korea" for a place.
  const owner = facets.whose === null ? counts : NATIONALITY_WORDS.has(facets.whose.split(' ').at(-1)!) ? `${facets.whose} ${counts}` : `${counts} of ${facets.whose}`;
  const label = [owner, aspect ? ASPECT_LABEL[aspect] : null].filter(Boolean).join(', ');
  return { counts, whose, aspect, key: `${counts}|${whose ?? ''}|${aspect ?? ''}`, label };
}

function isPlaceLike(word: string): boolean {
  return NATIONALITY_WORDS.has(word) || PLACE_WORDS.has(word) || ['north', 'south', 'east', 'west'].includes(word);
}

export function statementDate(s: StatementView): { date: string | null; inferred: boolean } {
  if (s.eventDate) return { date: s.eventDate, inferred: false };
  return { date: s.citation.date, inferred: s.citation.dateInferred };
}

/**
 * Groups figures by the thing counted; a group where statements give different
 * values (or ranges) is a conflict. A figure repeated verbatim in several
 * articles counts once, at its earliest appearance.
 */
export function figureConflicts(statements: StatementView[], synonyms: SynonymGroups = []): FigureConflict[] {
  const groups = new Map<string, Map<string, FigureEntry>>();
  const labels = new Map<string, string>();
  for (const s of statements) {
    for (const f of s.figures) {
      const comparable = comparableFigure(s.content, f, synonyms);
      if (comparable === null) continue;
      const cls = comparable.key;
      if (!labels.has(cls)) labels.set(cls, comparable.label);
      // One speaker giving one figure is one claim, however many articles repeat or reword it;
      // unattributed reports are only the same when their wording is.
      const key = s.speaker !== null ? `${s.speaker}|${f.min}|${f.max}` : `|${f.min}|${f.max}|${s.fingerprint}`;
      const { date, inferred } = statementDate(s);
      const entry: FigureEntry = { figureText: f.text, min: f.min, max: f.max, speaker: s.speaker, date, dateInferred: inferred, citation: s.citation };
      const group = groups.get(cls) ?? new Map<string, FigureEntry>();
      const existing = group.get(key);
      if (!existing || (date ?? '9999') < (existing.date ?? '9999')) group.set(key, entry);
      groups.set(cls, group);
    }
  }
  const conflicts: FigureConflict[] = [];
  for (const [counted, entries] of groups) {
    const list = [...entries.values()].sort((a, b) => byCodeUnits(a.date ?? '9999', b.date ?? '9999') || a.min - b.min);
    const distinct = new Set(list.map((e) => `${e.min}-${e.max}`));
    if (distinct.size > 1) conflicts.push({ counted: labels.get(counted)!, key: counted, entries: list });
  }
  return conflicts.sort((a, b) => b.entries.length - a.entries.length);
}

/**
 * The same speaker with the same stance needs less shared wording to be the same
 * statement retold (a background paragraph edited between articles: "is sending"
 * → "has sent", typos such as "confirmedthat").
 */
const SAME_SPEAKER_SIMILARITY = 0.5;

function sameClaimant(a: StatementView, b: StatementView): boolean {
  return a.speaker !== null && a.speaker === b.speaker && a.stance === b.stance;
}

/** Groups a statement with its repeats in other articles; the first of each group is the first given. */
export function mergeStatementRepeats(statements: StatementView[]): { first: StatementView; repeats: StatementView[] }[] {
  const candidates = statements.map((s) => ({ text: s.content, fingerprint: s.fingerprint, citation: s.citation, statement: s }));
  return mergeRepeats(candidates, (a, b) => (sameClaimant(a.statement, b.statement) ? SAME_SPEAKER_SIMILARITY : REPEAT_SIMILARITY)).map((g) => ({
    first: g.first.statement,
    repeats: g.repeats.map((r) => r.statement),
  }));
}

export interface PositionChange {
  speaker: string;
  from: StatementView;
  to: StatementView;
}

const CONFIRMATION_STANCES = new Set(['confirms', 'cannot-confirm', 'denies']);

/**
 * Per speaker, in date order: where a confirm / cannot-confirm / deny stance
 * gives way to a different one of those (could not confirm → confirmed).
 */
export function positionChanges(statements: StatementView[]): PositionChange[] {
  const bySpeaker = new Map<string, StatementView[]>();
  for (const s of statements) {
    if (s.speaker === null || !CONFIRMATION_STANCES.has(s.stance)) continue;
    const key = s.personId !== null ? `#${s.personId}` : s.speaker;
    bySpeaker.set(key, [...(bySpeaker.get(key) ?? []), s]);
  }
  const changes: PositionChange[] = [];
  for (const list of bySpeaker.values()) {
    // A background paragraph repeated in a later article is not a new position: count each statement once, when first given.
    const byDate = [...list].sort((a, b) => byCodeUnits(statementDate(a).date ?? '', statementDate(b).date ?? '') || a.id - b.id);
    const ordered = mergeStatementRepeats(byDate).map((g) => g.first).sort((a, b) => byCodeUnits(statementDate(a).date ?? '', statementDate(b).date ?? '') || a.id - b.id);
    for (let i = 1; i < ordered.length; i++) {
      const from = ordered[i - 1]!;
      const to = ordered[i]!;
      if (from.stance !== to.stance) changes.push({ speaker: to.speaker!, from, to });
    }
  }
  return changes;
}
