/** /source <article>: an article's metadata and numbered paragraphs, to check a citation against. */
import { articleByFile, findArticles, paragraphsOf, recentArticles } from '../index/queries.js';
import { citationFor } from './citations.js';
import type { AnswerContext } from './context.js';
import { emptyQueryAnswer } from './claims.js';
import type { Answer } from './types.js';

export function answerSource(ctx: AnswerContext, reference: string): Answer {
  const wanted = reference.trim();
  if (wanted === '') return emptyQueryAnswer('source', 'Usage: /source <article URL, file or title words>, e.g. /source 002_852c7ea92689125f.txt');
  const article = articleByFile(ctx.db, wanted) ?? findArticles(ctx.db, wanted, 1)[0] ?? null;
  if (article === null) {
    return {
      command: 'source',
      query: wanted,
      title: `No article matches "${wanted}"`,
      sections: [],
      notes: ['Articles are named by their URL, or by their file in the corpus.'],
      suggestions: recentArticles(ctx.db, 5).map((a) => `/source ${a.file}`),
      empty: true,
    };
  }
  const paragraphs = paragraphsOf(ctx.db, article.id);
  const date = article.date === null ? 'date unknown' : `${article.dateInferred ? '≈' : ''}${article.date}`;
  const lines = [
    // An article known by its URL shows it below; one read from a file names the file.
    ...(article.file !== article.url ? [`File: ${article.file}`] : []),
    `Publisher: ${article.publisher ?? 'not stated'}${article.cites.length > 0 ? ` (citing ${article.cites.join(', ')})` : ''}`,
    `Date: ${date}${article.dateInferred ? ` (inferred: ${article.dateBasis})` : ''}`,
    ...(article.byline ? [`By: ${article.byline}`] : []),
    ...(article.section ? [`Section: ${article.section}`] : []),
    ...(article.url ? [`URL: ${article.url}`] : []),
    `Paragraphs: ${paragraphs.length - 1} after the title`,
  ];
  return {
    command: 'source',
    query: wanted,
    title: article.title,
    sections: [
      { title: 'Article', items: [], lines },
      {
        title: 'Paragraphs',
        items: paragraphs.map((p) => ({
          excerpt: p.text,
          citations: [citationFor(article, p.index, { start: p.start, end: p.end })],
          kind: p.kind,
        })),
      },
    ],
    notes: [],
    suggestions: [],
    empty: false,
  };
}
