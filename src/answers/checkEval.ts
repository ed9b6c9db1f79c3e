/**
 * How well /check finds the evidence for a claim: a set of claims, each with
 * the statements it must find (by a verbatim snippet) and those it must not,
 * scored on the five best pieces of evidence /check ranks (rankedEvidence:
 * distinct passages, repeats in other articles merged, before they are shown
 * by group).
 *
 *   recall@5    = must-find statements among the first five / must-find statements (at most five)
 *   precision@5 = first-five items that are must-find statements / first-five items
 *   first       = claims whose first item is a must-find statement / claims
 *   violations  = must-not statements among the first five
 */
import { rankedEvidence } from './check.js';
import { statementItems } from './statementItems.js';
import type { AnswerContext } from './context.js';
import type { AnswerItem } from './types.js';

export interface ClaimCase {
  claim: string;
  find: string[];
  not: string[];
}

export interface ClaimScore {
  claim: string;
  found: number;
  expected: number;
  relevantShown: number;
  shown: number;
  /** The first item is a must-find statement. */
  firstRelevant: boolean;
  violations: string[];
  missed: string[];
}

export const TOP = 5;

function topItems(ctx: AnswerContext, claim: string): AnswerItem[] {
  const ranked = rankedEvidence(ctx, claim);
  return ranked === null ? [] : statementItems(ranked.evidence.map((e) => e.statement)).slice(0, TOP);
}

export function scoreClaim(ctx: AnswerContext, c: ClaimCase): ClaimScore {
  const top = topItems(ctx, c.claim);
  const holds = (snippet: string) => (item: AnswerItem) => item.excerpt.includes(snippet);
  const found = c.find.filter((snippet) => top.some(holds(snippet)));
  return {
    claim: c.claim,
    found: found.length,
    expected: Math.min(c.find.length, TOP),
    relevantShown: top.filter((item) => c.find.some((snippet) => holds(snippet)(item))).length,
    shown: top.length,
    firstRelevant: top[0] !== undefined && c.find.some((snippet) => holds(snippet)(top[0]!)),
    violations: c.not.filter((snippet) => top.some(holds(snippet))),
    missed: c.find.filter((snippet) => !found.includes(snippet)),
  };
}

export interface EvalSummary {
  claims: number;
  recall: number;
  precision: number;
  first: number;
  violations: number;
  scores: ClaimScore[];
}

/** Micro-averaged over the set: every expected statement and every shown item counts once. */
export function evaluateClaims(ctx: AnswerContext, cases: ClaimCase[]): EvalSummary {
  const scores = cases.map((c) => scoreClaim(ctx, c));
  const sum = (f: (s: ClaimScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    claims: scores.length,
    recall: sum((s) => Math.min(s.found, s.expected)) / sum((s) => s.expected),
    precision: sum((s) => s.relevantShown) / Math.max(1, sum((s) => s.shown)),
    first: sum((s) => Number(s.firstRelevant)) / Math.max(1, scores.length),
    violations: sum((s) => s.violations.length),
    scores,
  };
}
