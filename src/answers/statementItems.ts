/** Statements as answer items: repeats merged, with speaker, stance, figures and dates. */
import type { StatementView } from '../index/statements.js';
import { formatDate } from '../render/citation.js';
import { figureConflicts, mergeStatementRepeats, statementDate, type FigureConflict, type PositionChange } from './analysis.js';
import { itemFromGroup } from './citations.js';
import type { SynonymGroups } from '../index/synonyms.js';
import type { AnswerItem, AnswerSection } from './types.js';

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
  return (statementDate(a).date ?? '9999').localeCompare(statementDate(b).date ?? '9999') || a.day - b.day || a.id - b.id;
}

/** The "figures differ" block: each figure, who gave it and when, with where to check it. */
export function figuresSection(statements: StatementView[], synonyms: SynonymGroups): AnswerSection | null {
  const conflicts = figureConflicts(statements, synonyms);
  if (conflicts.length === 0) return null;
  return { title: 'Figures differ', items: [], lines: conflicts.flatMap(conflictLines) };
}

function conflictLines(conflict: FigureConflict): string[] {
  return [
    `${conflict.counted}:`,
    ...conflict.entries.map(
      (e) => `• ${e.figureText} — ${e.speaker ?? 'unattributed'}, ${formatDate(e.date, e.dateInferred)} (${e.citation.file} ¶${e.citation.paragraph})`,
    ),
  ];
}

export function positionNotes(changes: PositionChange[]): string[] {
  return changes.map((c) => {
    const from = statementDate(c.from);
    const to = statementDate(c.to);
    return `Position changed: ${c.speaker} went from "${STANCE_LABEL[c.from.stance]}" (${formatDate(from.date, from.inferred)}, ${c.from.file} ¶${c.from.citation.paragraph}) to "${STANCE_LABEL[c.to.stance]}" (${formatDate(to.date, to.inferred)}, ${c.to.file} ¶${c.to.citation.paragraph}).`;
  });
}
