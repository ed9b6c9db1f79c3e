/**
 * What an ingest derives from the articles: the people (peopleTable.ts), the spelling vocabulary
 * and the ranking window (queries.ts). After a small change they are updated from the change log
 * (changes.ts) for what changed, at a cost that follows the change, not the archive; after a large
 * one (a first ingest, an extraction upgrade) they are rebuilt from the whole index. Both ways end
 * in the same tables (test/derived.property.test.ts).
 */
import { cached, type Db } from './database.js';
import { clearPending, pendingSentenceCount, pendingState } from './changes.js';
import { rebuildPeople, updatePeople } from './peopleTable.js';
import { rebuildRankingWindow, rebuildVocabulary, windowFloor } from './write.js';

/**
 * A change holding more than this share of the index's sentences is cheaper to rebuild from: the
 * vocabulary's update tokenises every changed sentence again, its rebuild reads each term's count
 * once (0.9 s for 1.4 million sentences).
 */
const REBUILD_SHARE = 0.1;
/** Changes this small are updated without counting the index's sentences (a count reads a whole index of the table). */
const ALWAYS_UPDATE_SENTENCES = 20_000;

export type DerivedUpdate = 'current' | 'updated' | 'rebuilt';

export interface DerivedOptions {
  /** 'auto' (default): update when the change is small, rebuild when it is large; the others force one way. */
  mode?: 'auto' | 'update' | 'rebuild';
}

/**
 * Brings people, vocabulary and ranking window up to date with the articles, in one transaction:
 * nothing to do when they are current; an update from the change log when it covers everything
 * since they were built and is small; else a rebuild.
 */
export function updateDerived(db: Db, options: DerivedOptions = {}): DerivedUpdate {
  const mode = options.mode ?? 'auto';
  return db.transaction((): DerivedUpdate => {
    const state = pendingState(db);
    if (mode !== 'rebuild' && state.base === null && state.builtAt === state.version) return 'current';
    // The log covers every change since the build only if it began where the build ended.
    const logComplete = state.base !== null && state.base === state.builtAt;
    const small = () => {
      const pending = pendingSentenceCount(db);
      return pending <= ALWAYS_UPDATE_SENTENCES || pending <= REBUILD_SHARE * (cached(db, 'SELECT count(*) FROM sentence_rows').pluck().get() as number);
    };
    if (mode !== 'rebuild' && logComplete && (mode === 'update' || small())) {
      applyChanges(db);
      clearPending(db);
      return 'updated';
    }
    rebuildDerived(db);
    return 'rebuilt';
  }).immediate();
}

/** Rebuilds people, vocabulary and ranking window from the whole index and empties the change log. */
export function rebuildDerived(db: Db): void {
  db.transaction(() => {
    rebuildPeople(db);
    rebuildVocabulary(db);
    rebuildRankingWindow(db, windowSize(db));
    clearPending(db);
  }).immediate();
}

interface SentenceText {
  id: number;
  text: string;
}

function applyChanges(db: Db): void {
  const added = cached(db, 'SELECT id, text FROM sentences WHERE article_id IN (SELECT article_id FROM pending_articles) ORDER BY id').all() as SentenceText[];
  const removed = cached(db, 'SELECT id, text FROM pending_removed_sentences ORDER BY id').all() as SentenceText[];
  updatePeople(db);
  updateVocabulary(db, added, removed);
  updateRankingWindow(db, added, removed);
}

/** The FTS5 tokenizer of sentences_fts, so the scratch table below counts terms the same way. */
function sentencesTokenizer(db: Db): string {
  const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'sentences_fts'").pluck().get() as string;
  const match = /tokenize\s*=\s*'([^']*)'/i.exec(sql);
  if (match === null) throw new Error('sentences_fts has no tokenize option: cannot count its terms');
  return match[1]!;
}

/**
 * Documents per term among `sentences`, counted by FTS5 itself in a scratch contentless table with
 * the index's tokenizer (stems, diacritics: exactly the terms sentences_fts holds).
 */
function termCounts(db: Db, sentences: SentenceText[]): Map<string, number> {
  db.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.changed_fts USING fts5(text, content = '', tokenize = '${sentencesTokenizer(db).replace(/'/g, "''")}');
           CREATE VIRTUAL TABLE IF NOT EXISTS temp.changed_terms USING fts5vocab(temp, changed_fts, 'row');`);
  db.exec("INSERT INTO temp.changed_fts(changed_fts) VALUES ('delete-all')");
  const insert = cached(db, 'INSERT INTO temp.changed_fts(rowid, text) VALUES (?, ?)');
  sentences.forEach((s, i) => insert.run(i + 1, s.text));
  const counts = new Map((cached(db, 'SELECT term, doc FROM temp.changed_terms').raw(true).all() as [string, number][]));
  db.exec("INSERT INTO temp.changed_fts(changed_fts) VALUES ('delete-all')");
  return counts;
}

/** vocabulary(term, documents) moved by the sentences written and removed. */
function updateVocabulary(db: Db, added: SentenceText[], removed: SentenceText[]): void {
  const delta = termCounts(db, added);
  for (const [term, n] of termCounts(db, removed)) delta.set(term, (delta.get(term) ?? 0) - n);
  const upsert = cached(db, 'INSERT INTO vocabulary(term, documents) VALUES (?, ?) ON CONFLICT(term) DO UPDATE SET documents = documents + excluded.documents');
  const dropEmpty = cached(db, 'DELETE FROM vocabulary WHERE term = ? AND documents <= 0');
  for (const [term, n] of delta) {
    if (n === 0) continue;
    upsert.run(term, n);
    if (n < 0) dropEmpty.run(term);
  }
}

function windowSize(db: Db): number {
  return cached(db, 'SELECT size FROM ranking_window').pluck().get() as number;
}

/**
 * The ranking window moved to hold the newest sentences as they are now: sentences removed from
 * it, those written into it, and those its new floor lets in or out. Inserted in id order, as
 * FTS5 flushes its pending terms when an id goes backwards.
 */
function updateRankingWindow(db: Db, added: SentenceText[], removed: SentenceText[]): void {
  const { floor: before, size } = cached(db, 'SELECT floor, size FROM ranking_window').get() as { floor: number | null; size: number };
  const after = before === null ? windowFloor(db, size) : movedFloor(db, before, size, added, removed);
  if (before === null || after === null) {
    // The window appears or goes (the index crossed twice its size): a rebuild, either way.
    if (before !== after) rebuildRankingWindow(db, size);
    else markWindowBuilt(db, after);
    return;
  }
  const addedIds = new Set(added.map((s) => s.id));
  const between = (from: number, to: number) =>
    (cached(db, 'SELECT id, text FROM sentences WHERE id >= ? AND id < ? ORDER BY id').all(from, to) as SentenceText[]).filter((s) => !addedIds.has(s.id));
  const leaving = [...removed.filter((s) => s.id >= before), ...(after > before ? between(before, after) : [])];
  const entering = [...added.filter((s) => s.id >= after), ...(after < before ? between(after, before) : [])].sort((a, b) => a.id - b.id);
  const remove = cached(db, "INSERT INTO recent_fts(recent_fts, rowid, text) VALUES ('delete', ?, ?)");
  for (const s of leaving) remove.run(s.id, s.text);
  const insert = cached(db, 'INSERT INTO recent_fts(rowid, text) VALUES (?, ?)');
  for (const s of entering) insert.run(s.id, s.text);
  markWindowBuilt(db, after);
}

/**
 * The floor of a window of `size` sentences that held every sentence from `before` up, once the
 * changes are made: stepped from the old floor by as many sentences as the window gained or lost
 * (not counted again from the newest); null when the index no longer holds twice the window.
 */
function movedFloor(db: Db, before: number, size: number, added: SentenceText[], removed: SentenceText[]): number | null {
  const surplus = added.filter((s) => s.id >= before).length - removed.filter((s) => s.id >= before).length;
  const floor =
    surplus >= 0
      ? (cached(db, 'SELECT id FROM sentence_rows WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?').pluck().get(before, surplus) as number | undefined)
      : (cached(db, 'SELECT id FROM sentence_rows WHERE id < ? ORDER BY id DESC LIMIT 1 OFFSET ?').pluck().get(before, -surplus - 1) as number | undefined);
  if (floor === undefined) return null;
  if (removed.length === 0) return floor;
  const older = cached(db, 'SELECT id FROM sentence_rows WHERE id < ? ORDER BY id DESC LIMIT 1 OFFSET ?').pluck().get(floor, size - 1);
  return older === undefined ? null : floor;
}

function markWindowBuilt(db: Db, floor: number | null): void {
  cached(db, 'UPDATE ranking_window SET floor = ?, built_at = (SELECT version FROM sentences_version)').run(floor);
}
