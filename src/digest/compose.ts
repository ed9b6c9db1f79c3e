/**
 * A digest from plain data: the articles ingested in the window, the new
 * statements of the most-cited people, the figures that now differ and the
 * positions that changed — each item cited, each with a stable key so the
 * ledger can tell what a guild has already been shown. No I/O here.
 */
import { createHash } from 'node:crypto';
import { figureConflicts, mergeStatementRepeats, positionChanges, statementDate, type FigureConflict, type PositionChange, type StatementView } from '../answers/analysis.js';
import type { Citation, FigureRef, PositionChangeRef } from '../answers/types.js';
import type { SynonymGroups } from '../index/synonyms.js';
import { shorten } from '../render/escape.js';
import { positionChangeRefs } from '../answers/statementItems.js';
import { SECTION_IMPORTANCE, SECTION_TITLES, type SectionKind } from './config.js';
import { formatLocal } from './schedule.js';
import type { NewArticle } from './store.js';

/**
 * A line of an item: a verbatim excerpt (quote), a figure someone gave (figure),
 * or a plain listing (bullet). References stay data: render/ writes them out.
 */
export type DigestLine =
  | { style: 'quote'; text: string; citation: Citation }
  | { style: 'figure'; figure: FigureRef }
  | { style: 'bullet'; text: string };

/** What an item is about, as data: render/ (formatDigestHead) writes the heading. */
export type DigestHead =
  | { kind: 'article'; citation: Citation; /** The source that brought it in (a feed's name, "added by link"), or null. */ via: string | null }
  | { kind: 'statement'; speaker: string | null; stance: string; statementKind: string; date: string | null; dateInferred: boolean; figures: string[] }
  | { kind: 'figures'; counted: string }
  | { kind: 'position'; change: PositionChangeRef };

export interface DigestItem {
  /** Stable identity in the ledger (`a:`, `s:`, `f:`, `p:` + hash). */
  key: string;
  section: SectionKind;
  head: DigestHead;
  lines: DigestLine[];
  /** Every source the item rests on; never empty. */
  citations: Citation[];
}

export interface DigestSection {
  kind: SectionKind;
  title: string;
  items: DigestItem[];
  /** Items left out to keep the digest readable (shown as a note). */
  omitted: number;
  /**
   * Ledger keys the section covers besides its items' own: the items left out (counted in this
   * digest) and repeats merged into a shown item. Recorded with the digest, never offered again.
   */
  coveredKeys: string[];
}

export interface Digest {
  title: string;
  /** One line under the title: counts and the window. */
  summary: string;
  /** ISO tick the digest is for. */
  tick: string;
  /** ISO start of the window (exclusive), or null from the beginning. */
  start: string | null;
  timeZone: string;
  sections: DigestSection[];
  empty: boolean;
  /** The one line posted when nothing is new. */
  emptyLine: string;
}

export interface DigestData {
  articles: NewArticle[];
  /** Statements of the articles in the window. */
  newStatements: StatementView[];
  /** Every statement on file: figures and positions are compared across all of them. */
  allStatements: StatementView[];
  /** person id → name and statement count (the ranking of "most-cited"). */
  people: Map<number, { name: string; statements: number }>;
  synonyms?: SynonymGroups;
}

export interface ComposeOptions {
  tick: string;
  start: string | null;
  timeZone: string;
  sections: readonly SectionKind[];
  /** Item keys the guild was already shown. */
  posted?: ReadonlySet<string>;
  /** How many people the statements section follows. */
  topPeople?: number;
  statementsPerPerson?: number;
  /** Ticks this window stands for (more than one after downtime). */
  ticksCovered?: number;
}

export const EXCERPT_MAX = 360;
export const LEAD_MAX = 280;
const FIGURE_ENTRIES_MAX = 10;

function hash(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

export function articleKey(a: Pick<NewArticle, 'file' | 'hash'>): string {
  return `a:${a.file}:${a.hash.slice(0, 12)}`;
}

export function statementKey(s: Pick<StatementView, 'file' | 'fingerprint' | 'speaker'>): string {
  return `s:${s.file}:${hash(`${s.speaker ?? ''}|${s.fingerprint}`)}`;
}

export function conflictKey(c: FigureConflict): string {
  const entries = c.entries.map((e) => `${e.citation.file}|${e.citation.paragraph}|${e.figureText}`).sort();
  return `f:${hash(`${c.counted}|${entries.join('|')}`)}`;
}

export function changeKey(c: PositionChange): string {
  return `p:${hash(`${c.speaker}|${c.from.file}|${c.from.fingerprint}|${c.to.file}|${c.to.fingerprint}`)}`;
}

function articleItem(a: NewArticle): DigestItem {
  const c = a.lead.citation;
  return {
    key: articleKey(a),
    section: 'articles',
    head: { kind: 'article', citation: c, via: a.via ?? null },
    lines: [{ text: shorten(a.lead.text, LEAD_MAX), style: 'quote', citation: c }],
    citations: [c],
  };
}

/** A statement, citing every article that repeats it. */
function statementItem({ first: s, repeats }: { first: StatementView; repeats: StatementView[] }): DigestItem {
  const { date, inferred } = statementDate(s);
  return {
    key: statementKey(s),
    section: 'people',
    head: { kind: 'statement', speaker: s.speaker, stance: s.stance, statementKind: s.kind, date, dateInferred: inferred, figures: s.figures.map((f) => f.text) },
    lines: [{ text: shorten(s.content, EXCERPT_MAX), style: 'quote', citation: s.citation }],
    citations: [s.citation, ...repeats.map((r) => r.citation)],
  };
}

function conflictItem(c: FigureConflict): DigestItem {
  const shown = c.entries.slice(0, FIGURE_ENTRIES_MAX);
  const lines: DigestLine[] = shown.map((e) => ({ style: 'figure', figure: e }));
  if (c.entries.length > shown.length) lines.push({ text: `and ${c.entries.length - shown.length} more (/claims ${c.counted})`, style: 'bullet' });
  return { key: conflictKey(c), section: 'figures', head: { kind: 'figures', counted: c.counted }, lines, citations: shown.map((e) => e.citation) };
}

function changeItem(c: PositionChange): DigestItem {
  return {
    key: changeKey(c),
    section: 'positions',
    head: { kind: 'position', change: positionChangeRefs([c])[0]! },
    lines: [
      { text: shorten(c.from.content, EXCERPT_MAX), style: 'quote', citation: c.from.citation },
      { text: shorten(c.to.content, EXCERPT_MAX), style: 'quote', citation: c.to.citation },
    ],
    citations: [c.from.citation, c.to.citation],
  };
}

/** The most-cited people among those with new statements, and up to `perPerson` new statements each. */
function peopleItems(data: DigestData, top: number, perPerson: number, fresh: (key: string) => boolean): { items: DigestItem[]; omitted: number; coveredKeys: string[] } {
  const byPerson = new Map<number, StatementView[]>();
  for (const s of data.newStatements) {
    if (s.personId === null || !fresh(statementKey(s))) continue;
    byPerson.set(s.personId, [...(byPerson.get(s.personId) ?? []), s]);
  }
  const ranked = [...byPerson.keys()].sort((a, b) => {
    const pa = data.people.get(a);
    const pb = data.people.get(b);
    return (pb?.statements ?? 0) - (pa?.statements ?? 0) || (pa?.name ?? '').localeCompare(pb?.name ?? '');
  });
  const items: DigestItem[] = [];
  const coveredKeys: string[] = [];
  let omitted = 0;
  ranked.forEach((personId, rank) => {
    const statements = dedupe(byPerson.get(personId)!, statementKey).sort(
      (a, b) => (statementDate(a).date ?? '').localeCompare(statementDate(b).date ?? '') || a.id - b.id,
    );
    const groups = mergeStatementRepeats(statements);
    const shown = rank >= top ? 0 : perPerson;
    items.push(...groups.slice(0, shown).map(statementItem));
    omitted += Math.max(0, groups.length - shown);
    for (const group of groups.slice(shown)) coveredKeys.push(statementKey(group.first));
    for (const group of groups) coveredKeys.push(...group.repeats.map(statementKey));
  });
  return { items, omitted, coveredKeys };
}

function dedupe<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((t) => {
    const k = key(t);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the live sources brought in among the articles shown: " (3 from Harbour Wire, 1 added by link)". */
function viaSummary(articles: NewArticle[], shown: DigestItem[]): string {
  const keys = new Set(shown.map((i) => i.key));
  const counts = new Map<string, number>();
  for (const a of articles) if (a.via && keys.has(articleKey(a))) counts.set(a.via, (counts.get(a.via) ?? 0) + 1);
  if (counts.size === 0) return '';
  return ` (${[...counts].map(([via, n]) => (via === 'added by link' ? `${n} ${via}` : `${n} from ${via}`)).join(', ')})`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Composes the digest for one window. */
export function composeDigest(data: DigestData, options: ComposeOptions): Digest {
  const posted = options.posted ?? new Set<string>();
  const fresh = (key: string) => !posted.has(key);
  const newFiles = new Set(data.articles.map((a) => a.file));
  const sections: DigestSection[] = [];
  // Most important first, whatever order the sections were chosen in: a digest cut short keeps these.
  for (const kind of SECTION_IMPORTANCE.filter((k) => options.sections.includes(k))) {
    let items: DigestItem[] = [];
    let omitted = 0;
    let coveredKeys: string[] = [];
    if (kind === 'articles') {
      items = data.articles.map(articleItem).filter((i) => fresh(i.key));
    } else if (kind === 'people') {
      ({ items, omitted, coveredKeys } = peopleItems(data, options.topPeople ?? 5, options.statementsPerPerson ?? 3, fresh));
    } else if (kind === 'figures') {
      const conflicts = figureConflicts(data.allStatements, data.synonyms ?? []).filter((c) => c.entries.some((e) => newFiles.has(e.citation.file)));
      items = conflicts.map(conflictItem).filter((i) => fresh(i.key));
    } else {
      const changes = positionChanges(data.allStatements).filter((c) => newFiles.has(c.to.file) || newFiles.has(c.from.file));
      items = changes.map(changeItem).filter((i) => fresh(i.key));
    }
    items = dedupe(items, (i) => i.key);
    if (items.length > 0) sections.push({ kind, title: SECTION_TITLES[kind], items, omitted, coveredKeys });
  }
  const since = options.start === null ? null : formatLocal(Date.parse(options.start), options.timeZone);
  const empty = sections.length === 0;
  const counts = sections.map((s) => {
    const n = s.items.length;
    switch (s.kind) {
      case 'articles':
        return `${plural(n, 'new article', 'new articles')}${viaSummary(data.articles, s.items)}`;
      case 'people':
        return plural(n, 'statement by the most-cited people', 'statements by the most-cited people');
      case 'figures':
        return plural(n, 'figure that now differs', 'figures that now differ');
      case 'positions':
        return plural(n, 'position change', 'position changes');
    }
  });
  const covered = (options.ticksCovered ?? 1) > 1 ? ` (catching up ${options.ticksCovered} scheduled digests missed while the bot was offline)` : '';
  const window = since === null ? 'everything on file' : `since ${since}`;
  return {
    title: `Newsroom digest — ${formatLocal(Date.parse(options.tick), options.timeZone)}`,
    summary: `${counts.join(' · ')} — ${window}${covered}`,
    tick: options.tick,
    start: options.start,
    timeZone: options.timeZone,
    sections,
    empty,
    emptyLine: since === null ? 'Nothing new: the index holds no articles yet.' : `Nothing new since ${since}.`,
  };
}

/** Every ledger key a digest covers: its items', and those its sections cover besides (left out, merged). */
export function digestItemKeys(digest: Digest): string[] {
  return digest.sections.flatMap((s) => [...s.items.map((i) => i.key), ...s.coveredKeys]);
}
