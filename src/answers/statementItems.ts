/** Statements as answer items: repeats merged, with speaker, stance, figures and dates. */
import type { StatementView } from '../index/statements.js';
import { byCodeUnits } from '../text/search.js';
import { figureConflicts, mergeStatementRepeats, statementDate, type PositionChange } from './analysis.js';
import { itemFromGroup } from './citations.js';
import type { SynonymGroups } from '../index/synonyms.js';
import type { AnswerItem, AnswerSection, PositionChangeRef, StanceRef } from './types.js';

const STANCE_LABEL: Record<StatementView['stance'], string> = {
  confirms: 'confirms',
  denies: 'denies',
  'cannot-confirm': 'cannot confirm',
  asserts: 'asserts',
};

/** Statements (best or earliest first) → items, one per passage however many articles repeat it. */
export function statementItems(statements: StatementView[]): AnswerItem[] {
  return mergeStatementRepeats(statements).map((group) => {
    const s = group.first;
    const toCandidate = (v: StatementView) => ({ text: v.content, fingerprint: v.fingerprint, citation: v.citation });
    return {
      ...itemFromGroup({ first: toCandidate(s), repeats: group.repeats.map(toCandidate) }),
      speaker: s.speaker,
      stance: STANCE_LABEL[s.stance],
      kind: s.kind,
      cue: s.cue,
      figures: s.figures,
      eventDate: s.eventDate,
    };
  });
}

export function byDate(a: StatementView, b: StatementView): number {
  return byCodeUnits(statementDate(a).date ?? '9999', statementDate(b).date ?? '9999') || a.day - b.day || a.id - b.id;
}

/** The "figures differ" block: each figure, who gave it and when, as references render/ writes out. */
export function figuresSection(statements: StatementView[], synonyms: SynonymGroups): AnswerSection | null {
  const conflicts = figureConflicts(statements, synonyms);
  if (conflicts.length === 0) return null;
  return { title: 'Figures differ', items: [], figureGroups: conflicts.map((c) => ({ counted: c.counted, entries: c.entries })) };
}

function stanceRef(s: StatementView): StanceRef {
  const { date, inferred } = statementDate(s);
  return { stance: s.stance, date, dateInferred: inferred, citation: s.citation };
}

/** Position changes as references (render/ writes "Position changed: … went from … to …"). */
export function positionChangeRefs(changes: PositionChange[]): PositionChangeRef[] {
  return changes.map((c) => ({ speaker: c.speaker, from: stanceRef(c.from), to: stanceRef(c.to) }));
}
