/**
 * Statements and people in the index: writing an article's extraction and reading
 * statements and people back as plain views (the people table is kept by peopleTable.ts).
 */
import type { Citation } from '../answers/types.js';
import type { ArticleParagraph } from '../corpus/types.js';
import type { Figure, Span, Statement } from '../extract/types.js';
import { sliceByCodePoints } from '../text/offsets.js';
import type { PreparedArticle } from './prepared.js';
import { cached, type Db } from './database.js';

/**
 * Writes one article's statements and speaker mentions (inside the article's transaction).
 * Its sentences were written with ids from `firstSentenceId` on, in order.
 */
export function writeStatements(db: Db, articleId: number, day: number, article: PreparedArticle, firstSentenceId: number): void {
  const insert = cached(
    db,
    `INSERT INTO statement_rows(article_id, sentence_id, paragraph_idx, kind, speaker, speaker_type, speaker_mention, speaker_start, speaker_end,
       cue, cue_start, cue_end, content_start, content_end, stance, figures, event_date, quoted, fingerprint, day, rule, speaker_rule)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of article.statements) {
    const sentence = sentenceHolding(article.sentences, s.contentSpan.start);
    const paragraph = article.paragraphs[s.paragraphIndex];
    insert.run(
      articleId, sentence < 0 ? null : firstSentenceId + sentence, s.paragraphIndex, KIND_CODES[s.kind],
      s.speaker, s.speakerType === null ? null : SPEAKER_TYPE_CODES[s.speakerType], storedWords(s.speakerMention, s.speakerSpan, paragraph),
      s.speakerSpan?.start ?? null, s.speakerSpan?.end ?? null, storedWords(s.cue, s.cueSpan, paragraph), s.cueSpan?.start ?? null, s.cueSpan?.end ?? null,
      s.contentSpan.start, s.contentSpan.end, STANCE_CODES[s.stance], storedFigures(s.figures), s.eventDate, s.quoted ? 1 : 0,
      Buffer.from(s.fingerprint, 'hex'), day, s.rule, s.speakerRule,
    );
  }
  const mention = cached(db, 'INSERT INTO speaker_mentions(article_id, name, type, roles, variants) VALUES (?, ?, ?, ?, ?)');
  for (const m of article.mentions) mention.run(articleId, m.name, m.type, JSON.stringify(m.roles), JSON.stringify(m.variants));
}

// The codes migration 015 stores (the views `statements` spells them out again).
const KIND_CODES: Readonly<Record<Statement['kind'], number>> = { direct: 0, indirect: 1, 'according-to': 2, unattributed: 3 };
const SPEAKER_TYPE_CODES: Readonly<Record<NonNullable<Statement['speakerType']>, number>> = { person: 0, organisation: 1 };
const STANCE_CODES: Readonly<Record<Statement['stance'], number>> = { asserts: 0, confirms: 1, denies: 2, 'cannot-confirm': 3 };

/** NULL when `words` are the paragraph's own text at `span` (the view reads them there), else the words. */
function storedWords(words: string | null, span: Span | null, paragraph: ArticleParagraph | undefined): string | null {
  if (words === null || span === null || paragraph === undefined) return words;
  if (span.start < paragraph.span.start || span.end > paragraph.span.end) return words;
  const local = { start: span.start - paragraph.span.start, end: span.end - paragraph.span.start };
  return sliceByCodePoints(paragraph.text, local) === words ? null : words;
}

/** A figure as stored: [start, end, min, max, qualifier, counted]; its words are the source text at [start, end). */
type StoredFigure = [number, number, number, number, string, string | null];

function storedFigures(figures: readonly Figure[]): string {
  return JSON.stringify(figures.map((f): StoredFigure => [f.span.start, f.span.end, f.min, f.max, f.qualifier, f.counted]));
}

/** The figures of a statement whose `content` starts at code point `contentStart`, as extraction made them. */
export function figuresFromStored(stored: string, content: string, contentStart: number): Figure[] {
  const rows = JSON.parse(stored) as StoredFigure[];
  return rows.map(([start, end, min, max, qualifier, counted]) => ({
    text: sliceByCodePoints(content, { start: start - contentStart, end: end - contentStart }),
    span: { start, end },
    min,
    max,
    qualifier: qualifier as Figure['qualifier'],
    counted,
  }));
}

/** Index of the last sentence starting at or before `offset` (sentences in reading order), or -1. */
function sentenceHolding(sentences: readonly { span: { start: number } }[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sentences[mid]!.span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export interface PersonEntry {
  id: number;
  canonical: string;
  type: 'person' | 'organisation';
  roles: string[];
  aliases: string[];
  statements: number;
}

/** Every person with their aliases: the input to fuzzy name lookups. */
export function loadPeopleIndex(db: Db): PersonEntry[] {
  const people = db.prepare('SELECT id, canonical, type, roles, statements FROM people').all() as (Omit<PersonEntry, 'roles' | 'aliases'> & { roles: string })[];
  const aliases = db.prepare('SELECT person_id AS personId, display FROM person_aliases').all() as { personId: number; display: string }[];
  const byPerson = new Map<number, string[]>();
  for (const a of aliases) byPerson.set(a.personId, [...(byPerson.get(a.personId) ?? []), a.display]);
  return people.map((p) => ({ ...p, roles: JSON.parse(p.roles) as string[], aliases: byPerson.get(p.id) ?? [] }));
}

export interface StatementView {
  id: number;
  articleId: number;
  file: string;
  speaker: string | null;
  personId: number | null;
  kind: string;
  stance: 'asserts' | 'confirms' | 'denies' | 'cannot-confirm';
  cue: string | null;
  content: string;
  quoted: boolean;
  figures: { text: string; min: number; max: number; qualifier: string; counted: string | null }[];
  eventDate: string | null;
  fingerprint: string;
  /** The article's recency key: days since 1970, 0 when undated. */
  day: number;
  citation: Citation;
}

export interface StatementFilter {
  /** Statements of articles ingested at or after this ISO time. */
  since?: string;
  personIds?: number[];
  ids?: number[];
  articleIds?: number[];
  limit?: number;
}

/** A row as SQLite returns it: the view's fields, flags and JSON still encoded, and what the citation is built from. */
type StatementRaw = Omit<StatementView, 'quoted' | 'figures' | 'citation'> & {
  quoted: number;
  figures: string;
  paragraph: number;
  start: number;
  end: number;
  title: string;
  publisher: string | null;
  cites: string;
  url: string | null;
  date: string | null;
  dateInferred: number;
};

function inList(column: string, values: number[] | undefined, params: unknown[]): string | null {
  if (values === undefined) return null;
  if (values.length === 0) return '0';
  params.push(...values);
  return `${column} IN (${values.map(() => '?').join(',')})`;
}

/** Statements with their citations, newest article first. */
export function loadStatements(db: Db, filter: StatementFilter = {}): StatementView[] {
  const params: unknown[] = [];
  const where = [
    inList('s.person_id', filter.personIds, params),
    inList('s.id', filter.ids, params),
    inList('s.article_id', filter.articleIds, params),
  ].filter((w): w is string => w !== null);
  if (filter.since !== undefined) {
    where.push('a.ingested_at >= ?');
    params.push(filter.since);
  }
  params.push(filter.limit ?? 1000);
  const rows = db
    .prepare(
      `SELECT s.id, s.article_id AS articleId, a.key AS file, s.speaker, s.person_id AS personId, s.kind, s.stance, s.cue, s.content, s.quoted,
              s.figures, s.event_date AS eventDate, s.fingerprint, s.day, s.paragraph_idx AS paragraph, s.content_start AS start, s.content_end AS end,
              a.title, a.publisher, a.cites, a.url, a.date, a.date_inferred AS dateInferred
       FROM statements s JOIN articles a ON a.id = s.article_id
       ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY s.day DESC, s.id LIMIT ?`,
    )
    .all(...params) as StatementRaw[];
  return rows.map(toView);
}

function toView(r: StatementRaw): StatementView {
  return {
    id: r.id,
    articleId: r.articleId,
    file: r.file,
    speaker: r.speaker,
    personId: r.personId,
    kind: r.kind,
    stance: r.stance,
    cue: r.cue,
    content: r.content,
    quoted: r.quoted === 1,
    figures: figuresFromStored(r.figures, r.content, r.start),
    eventDate: r.eventDate,
    fingerprint: r.fingerprint,
    day: r.day,
    citation: citationFromRow(r, r.paragraph, { start: r.start, end: r.end }),
  };
}

/** An article row as SQLite returns it (cites as JSON, date_inferred as 0/1). */
export interface ArticleCitationRow {
  file: string;
  title: string;
  publisher: string | null;
  cites: string;
  url: string | null;
  date: string | null;
  dateInferred: number;
}

/** The citation of a passage of an article row read straight from SQL. */
export function citationFromRow(r: ArticleCitationRow, paragraph: number, span: { start: number; end: number }): Citation {
  return { file: r.file, url: r.url, title: r.title, publisher: r.publisher, cites: JSON.parse(r.cites) as string[], date: r.date, dateInferred: r.dateInferred === 1, paragraph, span };
}

/** Statements whose content overlaps any of the given sentences (a quote may span several). */
export function statementsInSentences(db: Db, sentenceIds: number[]): StatementView[] {
  if (sentenceIds.length === 0) return [];
  // Only the statements that overlap a hit, found through statements_article: not every statement of every hit's article.
  const ids = db
    .prepare(
      `SELECT DISTINCT st.id FROM sentence_rows se
       JOIN statement_rows st ON st.article_id = se.article_id AND st.content_start < se.end AND st.content_end > se.start
       WHERE se.id IN (SELECT value FROM json_each(?))`,
    )
    .pluck()
    .all(JSON.stringify(sentenceIds)) as number[];
  return ids.length === 0 ? [] : loadStatements(db, { ids, limit: ids.length });
}

/** Changes whenever the people are rebuilt: the key for caching loadPeopleIndex. */
export function peopleVersion(db: Db): string {
  return String(cached(db, 'SELECT version FROM people_version').pluck().get());
}

export interface ExportRow {
  file: string;
  kind: string;
  /** The resolved speaker: the person's canonical name, else the article's name for them. */
  speaker: string | null;
  /** The words in the text that name the speaker ("he", "the NATO Secretary General"). */
  speakerMention: string | null;
  /** The canonical name of the person or organisation resolved, or null (unnamed speakers, unclear ones). */
  person: string | null;
  rule: string | null;
  speakerRule: string | null;
  speakerType: string | null;
  speakerStart: number | null;
  speakerEnd: number | null;
  cue: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  content: string;
  contentStart: number;
  contentEnd: number;
  stance: string;
  figures: Figure[];
  eventDate: string | null;
  title: string;
  publisher: string | null;
  url: string | null;
  date: string | null;
  dateInferred: number;
  paragraph: number;
}

/** Every statement with its canonical speaker and article, in corpus order, streamed. */
export function* iterateExportRows(db: Db): Generator<ExportRow> {
  const rows = db
    .prepare(
      `SELECT a.key AS file, s.kind, coalesce(p.canonical, s.speaker) AS speaker, coalesce(p.type, s.speaker_type) AS speakerType,
              s.speaker_mention AS speakerMention, p.canonical AS person, s.rule, s.speaker_rule AS speakerRule,
              s.speaker_start AS speakerStart, s.speaker_end AS speakerEnd, s.cue, s.cue_start AS cueStart, s.cue_end AS cueEnd,
              s.content, s.content_start AS contentStart, s.content_end AS contentEnd, s.stance, s.figures, s.event_date AS eventDate,
              a.title, a.publisher, a.url, a.date, a.date_inferred AS dateInferred, s.paragraph_idx AS paragraph
       FROM statements s JOIN articles a ON a.id = s.article_id LEFT JOIN people p ON p.id = s.person_id
       ORDER BY a.key, s.content_start`,
    )
    .iterate() as IterableIterator<Omit<ExportRow, 'figures'> & { figures: string }>;
  for (const row of rows) yield { ...row, figures: figuresFromStored(row.figures, row.content, row.contentStart) };
}
