/**
 * Scoring extraction against labelled fixtures. Pure: predictions and gold in,
 * figures out.
 *
 * A gold statement is located in the source by its content text (verbatim
 * substring). A prediction matches a gold statement when their content spans
 * overlap (overlapping spans share at least one sentence); each is matched at
 * most once, largest overlap first. Gold marked `optional` (ambiguous items)
 * counts neither way: matching it is no true positive and missing it no
 * false negative, and a prediction matched to it is no false positive.
 */
import type { Span } from '../text/offsets.js';
import { codePointLength } from '../text/offsets.js';
import type { Stance, Statement, StatementKind } from './types.js';

export interface GoldFigure {
  text?: string;
  min: number;
  max: number;
  qualifier: string;
  counted: string | null;
}

export interface GoldStatement {
  /** Canonical speaker; a list gives acceptable alternatives; null for unattributed. */
  speaker: string | string[] | null;
  kind?: StatementKind;
  /** Verbatim expected content (a substring of the source). */
  content: string;
  stance?: Stance;
  eventDate?: string;
  figures?: GoldFigure[];
  optional?: boolean;
  /** Which appearance of `content` in the source, when it appears more than once (0-based). */
  occurrence?: number;
}

export interface EvalCase {
  id: string;
  source: string;
  gold: GoldStatement[];
  predicted: Statement[];
  /**
   * The speakers the extraction resolved to a person or organisation (its mentions, the export's `person`).
   * A speaker outside it is a description the engine could not resolve ("his father", "police"): shown as
   * the text words it, but naming nobody. Absent: every speaker counts as named.
   */
  resolved?: ReadonlySet<string>;
}

export interface EvalError {
  id: string;
  type: 'missed' | 'spurious' | 'speaker' | 'kind' | 'stance' | 'date' | 'figure';
  expected?: string;
  got?: string;
  content: string;
  /** For a wrong speaker: whether it named someone (counts against named precision) or only described them, and by which speaker rule. */
  speakerWas?: 'named' | 'described' | 'unclear';
  speakerRule?: string;
}

export interface EvalReport {
  gold: number;
  predicted: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Among matched statements: speaker equal to gold (normalised). */
  speakerAccuracy: number;
  kindAccuracy: number;
  stanceAccuracy: number;
  /** Among matched statements: content equal to gold up to edge punctuation. */
  contentExact: number;
  eventDateAccuracy: number;
  figureRecall: number;
  /** Among matched statements the engine gave a named speaker: the share naming the right one. */
  namedSpeakerPrecision: number;
  /** Matched statements with a named speaker (the denominator above). */
  named: number;
  /** Matched statements whose speaker is a description naming nobody ("his father", "police"), and how many of them equal the gold. */
  described: number;
  describedRight: number;
  /** Among matched statements given any speaker, named or described: the share equal to the gold. */
  anySpeakerPrecision: number;
  /** Matched statements left without a speaker where the gold names one ("speaker unclear"). */
  unclear: number;
  /** Figures per attribution rule and per speaker rule. */
  byRule: RuleFigures[];
  bySpeakerRule: RuleFigures[];
  errors: EvalError[];
}

/** How one rule did: statements it made, how many matched gold, and how many of those named the right speaker. */
export interface RuleFigures {
  rule: string;
  predicted: number;
  truePositives: number;
  falsePositives: number;
  /** Matched statements with a named speaker, and how many of them were right. */
  named: number;
  namedRight: number;
}

/** Code-point span of the `occurrence`-th appearance of `content` in `source`, or null. */
export function locate(source: string, content: string, occurrence = 0): Span | null {
  let from = 0;
  let index = -1;
  for (let k = 0; k <= occurrence; k++) {
    index = source.indexOf(content, from);
    if (index === -1) return null;
    from = index + 1;
  }
  const start = codePointLength(source.slice(0, index));
  return { start, end: start + codePointLength(content) };
}

const HONORIFICS = /^(?:dr|mr|mrs|ms|mx|prof|cllr|sgt|sir|dame|lord|lady|gen|col|capt|lt|president|prince|nana)\.?\s+/;
/** A company's or a barrister's letters, not a generational suffix: "Jr." tells a son from his father and must match. */
const SUFFIXES = /\s+(?:inc|ltd|plc|corp|llc|co|kc|qc|mp)\.?$/;

/** Lower-case, accents and leading articles/honorifics/corporate suffixes removed. */
export function normaliseSpeaker(name: string): string {
  let s = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/’/g, "'").trim();
  s = s.replace(/^(?:the|a|an)\s+/, '');
  s = s.replace(HONORIFICS, '');
  // A nickname in quotes inside a name ("Terrance “Tuck” Hiscock") and a possessive ("Fairweather's campaign") are the same speaker without them.
  s = s.replace(/\s["“'‘][^"”'’\s]+["”'’](?=\s)/gu, '').replace(/'s\b/g, '');
  s = s.replace(/[^\p{L}\p{N}'\s.-]/gu, ' ').replace(/\s+/g, ' ').trim();
  s = s.replace(/\.$/, '');
  s = s.replace(SUFFIXES, '');
  return s.trim();
}

export function speakerMatches(predicted: string | null, gold: string | string[] | null): boolean {
  if (gold === null) return predicted === null;
  if (predicted === null) return false;
  const p = normaliseSpeaker(predicted);
  return (Array.isArray(gold) ? gold : [gold]).some((g) => normaliseSpeaker(g) === p);
}

function normaliseContent(text: string): string {
  return text
    .replace(/[’‘]/g, "'")
    .replace(/[“”«»]/g, '"')
    .trim()
    .replace(/^["'\s]+|["'\s.,;:]+$/g, '');
}

function overlap(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

export function scoreExtraction(cases: EvalCase[]): EvalReport {
  let gold = 0;
  let predicted = 0;
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let speakerOk = 0;
  let kindOk = 0;
  let kindN = 0;
  let stanceOk = 0;
  let stanceN = 0;
  let exact = 0;
  let dateOk = 0;
  let dateN = 0;
  let figureOk = 0;
  let figureN = 0;
  let named = 0;
  let namedRight = 0;
  let described = 0;
  let describedRight = 0;
  let unclear = 0;
  const byRule = new Map<string, RuleFigures>();
  const bySpeakerRule = new Map<string, RuleFigures>();
  const tally = (table: Map<string, RuleFigures>, rule: string): RuleFigures => {
    let row = table.get(rule);
    if (row === undefined) {
      row = { rule, predicted: 0, truePositives: 0, falsePositives: 0, named: 0, namedRight: 0 };
      table.set(rule, row);
    }
    return row;
  };
  const errors: EvalError[] = [];

  for (const c of cases) {
    const seen = new Map<string, number>();
    const spans = c.gold.map((g) => {
      const k = seen.get(g.content) ?? 0;
      seen.set(g.content, k + 1);
      const span = locate(c.source, g.content, g.occurrence ?? k);
      if (span === null) throw new Error(`${c.id}: gold content not found in source: ${g.content.slice(0, 60)}`);
      return span;
    });
    const pairs: { g: number; p: number; overlap: number }[] = [];
    for (const [gi, gs] of spans.entries()) {
      for (const [pi, ps] of c.predicted.entries()) {
        const o = overlap(gs, ps.contentSpan);
        if (o > 0) pairs.push({ g: gi, p: pi, overlap: o });
      }
    }
    // Required gold first, then by overlap.
    pairs.sort((a, b) => Number(c.gold[a.g]!.optional ?? false) - Number(c.gold[b.g]!.optional ?? false) || b.overlap - a.overlap);
    const goldTaken = new Map<number, number>();
    const predTaken = new Set<number>();
    for (const pair of pairs) {
      if (goldTaken.has(pair.g) || predTaken.has(pair.p)) continue;
      goldTaken.set(pair.g, pair.p);
      predTaken.add(pair.p);
    }

    for (const [gi, g] of c.gold.entries()) {
      if (g.optional) continue;
      gold++;
      const pi = goldTaken.get(gi);
      if (pi === undefined) {
        fn++;
        errors.push({ id: c.id, type: 'missed', expected: String(g.speaker), content: g.content });
        continue;
      }
      tp++;
      const p = c.predicted[pi]!;
      const rows = [tally(byRule, p.rule), tally(bySpeakerRule, p.speakerRule)];
      for (const row of rows) row.truePositives++;
      const speakerWas = p.speaker === null ? 'unclear' : c.resolved !== undefined && !c.resolved.has(p.speaker) ? 'described' : 'named';
      if (speakerWas === 'described') {
        described++;
        if (speakerMatches(p.speaker, g.speaker)) describedRight++;
      } else if (speakerWas === 'named') {
        named++;
        for (const row of rows) row.named++;
        if (speakerMatches(p.speaker, g.speaker)) {
          namedRight++;
          for (const row of rows) row.namedRight++;
        }
      } else if (g.speaker !== null) unclear++;
      if (speakerMatches(p.speaker, g.speaker)) speakerOk++;
      else errors.push({ id: c.id, type: 'speaker', expected: JSON.stringify(g.speaker), got: String(p.speaker), content: g.content, speakerWas, speakerRule: p.speakerRule });
      if (g.kind !== undefined) {
        kindN++;
        if (p.kind === g.kind) kindOk++;
        else errors.push({ id: c.id, type: 'kind', expected: g.kind, got: p.kind, content: g.content });
      }
      if (g.stance !== undefined) {
        stanceN++;
        if (p.stance === g.stance) stanceOk++;
        else errors.push({ id: c.id, type: 'stance', expected: g.stance, got: p.stance, content: g.content });
      }
      if (normaliseContent(p.content) === normaliseContent(g.content)) exact++;
      if (g.eventDate !== undefined) {
        dateN++;
        if (p.eventDate === g.eventDate) dateOk++;
        else errors.push({ id: c.id, type: 'date', expected: g.eventDate, got: String(p.eventDate), content: g.content });
      }
      for (const gf of g.figures ?? []) {
        figureN++;
        const hit = p.figures.some((f) => f.min === gf.min && f.max === gf.max && f.qualifier === gf.qualifier && f.counted === gf.counted);
        if (hit) figureOk++;
        else errors.push({ id: c.id, type: 'figure', expected: JSON.stringify(gf), got: JSON.stringify(p.figures.map((f) => [f.text, f.min, f.max, f.qualifier, f.counted])), content: g.content });
      }
    }
    for (const [pi, p] of c.predicted.entries()) {
      predicted++;
      const rows = [tally(byRule, p.rule), tally(bySpeakerRule, p.speakerRule)];
      if (predTaken.has(pi)) {
        const gi = [...goldTaken.entries()].find(([, v]) => v === pi)![0];
        if (c.gold[gi]!.optional) predicted--;
        else for (const row of rows) row.predicted++;
        continue;
      }
      for (const row of rows) {
        row.predicted++;
        row.falsePositives++;
      }
      fp++;
      errors.push({ id: c.id, type: 'spurious', got: String(p.speaker), content: p.content });
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    gold,
    predicted,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    speakerAccuracy: ratio(speakerOk, tp),
    kindAccuracy: ratio(kindOk, kindN),
    stanceAccuracy: ratio(stanceOk, stanceN),
    contentExact: ratio(exact, tp),
    eventDateAccuracy: ratio(dateOk, dateN),
    figureRecall: ratio(figureOk, figureN),
    namedSpeakerPrecision: ratio(namedRight, named),
    named,
    described,
    describedRight,
    anySpeakerPrecision: ratio(namedRight + describedRight, named + described),
    unclear,
    byRule: [...byRule.values()].sort((a, b) => b.predicted - a.predicted),
    bySpeakerRule: [...bySpeakerRule.values()].sort((a, b) => b.predicted - a.predicted),
    errors,
  };
}

/** A short multi-line summary for logs. */
export function formatReport(name: string, r: EvalReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return [
    `${name}: gold ${r.gold}, predicted ${r.predicted}, TP ${r.truePositives}, FP ${r.falsePositives}, FN ${r.falseNegatives}`,
    `  precision ${pct(r.precision)}  recall ${pct(r.recall)}  F1 ${pct(r.f1)}  speaker ${pct(r.speakerAccuracy)}`,
    `  named speaker right ${pct(r.namedSpeakerPrecision)} of ${r.named}  described, naming nobody ${r.described} (${r.describedRight} as gold)  any speaker right ${pct(r.anySpeakerPrecision)} of ${r.named + r.described}  speaker unclear ${r.unclear}`,
    `  kind ${pct(r.kindAccuracy)}  stance ${pct(r.stanceAccuracy)}  exact content ${pct(r.contentExact)}  event date ${pct(r.eventDateAccuracy)}  figures ${pct(r.figureRecall)}`,
  ].join('\n');
}

/** Per-rule table: statements made, precision, and the right-speaker share among those it named. */
export function formatRuleTable(title: string, rows: RuleFigures[]): string {
  const pct = (n: number, d: number) => (d === 0 ? '    –' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
  const lines = [`${title.padEnd(26)} made   TP   FP  precision  named  right`];
  for (const r of rows) {
    lines.push(`${r.rule.padEnd(26)} ${String(r.predicted).padStart(4)} ${String(r.truePositives).padStart(4)} ${String(r.falsePositives).padStart(4)}     ${pct(r.truePositives, r.truePositives + r.falsePositives)} ${String(r.named).padStart(6)} ${pct(r.namedRight, r.named)}`);
  }
  return lines.join('\n');
}
