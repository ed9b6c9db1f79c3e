/** Building citations and merging repeats of one passage across articles. */
import type { ArticleRow } from '../index/queries.js';
import { wordSimilarity } from '../text/normalize.js';
import type { Span } from '../text/offsets.js';
import type { AnswerItem, Citation } from './types.js';

export function citationFor(article: ArticleRow, paragraph: number, span: Span): Citation {
  return {
    file: article.file,
    title: article.title,
    publisher: article.publisher,
    cites: article.cites,
    date: article.date,
    dateInferred: article.dateInferred,
    paragraph,
    span,
  };
}

/** Passages at least this similar (word-set Jaccard) are one passage repeated. */
export const REPEAT_SIMILARITY = 0.7;

export interface Candidate {
  text: string;
  fingerprint: string;
  citation: Citation;
}

/**
 * Groups candidates (best first) so that a passage repeated across articles —
 * verbatim or with small edits — appears once, citing every article. The
 * excerpt shown is the best-ranked version, quoted exactly.
 */
export function mergeRepeats<T extends Candidate>(candidates: T[], threshold: (a: T, b: T) => number = () => REPEAT_SIMILARITY): { first: T; repeats: T[] }[] {
  const groups: { first: T; repeats: T[] }[] = [];
  for (const candidate of candidates) {
    const group = groups.find(
      (g) =>
        g.first.citation.file !== candidate.citation.file &&
        !g.repeats.some((r) => r.citation.file === candidate.citation.file) &&
        (g.first.fingerprint === candidate.fingerprint || wordSimilarity(g.first.text, candidate.text) >= threshold(g.first, candidate)),
    );
    if (group) group.repeats.push(candidate);
    else groups.push({ first: candidate, repeats: [] });
  }
  return groups;
}

/** The item for a merged group: the excerpt is the first's text; repeats that differ in wording are said to. */
export function itemFromGroup(group: { first: Candidate; repeats: Candidate[] }): AnswerItem {
  const byDate = [...group.repeats].sort((a, b) => (a.citation.date ?? '').localeCompare(b.citation.date ?? ''));
  const item: AnswerItem = { excerpt: group.first.text, citations: [group.first.citation, ...byDate.map((r) => r.citation)] };
  const reworded = byDate.filter((r) => r.fingerprint !== group.first.fingerprint).length;
  if (reworded > 0) item.remark = `also in ${byDate.length} other article${byDate.length > 1 ? 's' : ''}${reworded > 0 ? ', wording differs slightly' : ''}`;
  else if (byDate.length > 0) item.remark = `repeated word for word in ${byDate.length} other article${byDate.length > 1 ? 's' : ''}`;
  return item;
}
