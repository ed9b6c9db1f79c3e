/**
 * Wiring shared by every entry point: open the index, bring it up to date with
 * the corpus, and answer a command line with both renderings.
 */
import { existsSync } from 'node:fs';
import type { Config } from './config.js';
import { formatSummary, ingestCorpus, type IngestSummary } from './pipeline/ingest.js';
import { openDatabase, type Db } from './index/database.js';
import { rankingWindowCurrent, saveQuery } from './index/queries.js';
import { DEFAULT_SYNONYMS_FILE, loadSynonyms } from './index/synonyms.js';
import { answer, parseCommandLine, type AnswerContext } from './answers/index.js';
import type { Answer, AskRequest } from './answers/types.js';
import { pagingKey, renderDiscordPage, type MessagePayload } from './render/discord.js';
import { renderText } from './render/text.js';
import { canonicalOf, mergePeople } from './extract/people.js';
import { allSpeakerMentions, replacePeople } from './index/statements.js';
import { rebuildRankingWindow, rebuildVocabulary } from './index/write.js';

export interface Logger {
  info(line: string): void;
  warn(line: string): void;
}

export const stderrLogger: Logger = {
  info: (line) => process.stderr.write(`${line}\n`),
  warn: (line) => process.stderr.write(`${line}\n`),
};

export function openIndex(file: string): Db {
  return openDatabase(file);
}

/** People (merged across the whole corpus), the spelling vocabulary and the ranking window are rebuilt once after the articles. */
export function rebuildDerived(db: Db): void {
  const people = mergePeople(allSpeakerMentions(db));
  replacePeople(db, people, (speaker) => canonicalOf(speaker, people));
  rebuildVocabulary(db);
  rebuildRankingWindow(db);
}

export async function updateIndex(db: Db, corpusDir: string, maxBytes: number, log: Logger): Promise<IngestSummary> {
  if (!existsSync(corpusDir)) throw new Error(`corpus directory ${corpusDir} does not exist`);
  const summary = await ingestCorpus(db, {
    corpusDir,
    maxBytes,
    afterWrites: rebuildDerived,
    onSkip: (file, reason) => log.warn(`skipped ${file}: ${reason}`),
    onChanged: (file) => log.warn(`${file} changed while being ingested: indexed the version read last`),
    onProgress: (line) => log.info(line),
  });
  // A migration may have emptied a derived table (005 recreates people): rebuild even with no article changed.
  if (summary.added + summary.updated + summary.removed === 0 && derivedTablesMissing(db)) rebuildDerived(db);
  // Derived data built from older sentences: an ingest stopped between its writes and the rebuild.
  else if (!rankingWindowCurrent(db)) rebuildDerived(db);
  log.info(formatSummary(summary));
  return summary;
}

function derivedTablesMissing(db: Db): boolean {
  const count = (sql: string) => (db.prepare(sql).pluck().get() as number) > 0;
  return (count('SELECT EXISTS (SELECT 1 FROM speaker_mentions)') && !count('SELECT EXISTS (SELECT 1 FROM people)')) ||
    (count('SELECT EXISTS (SELECT 1 FROM sentences)') && !count('SELECT EXISTS (SELECT 1 FROM vocabulary)'));
}

export function answerContext(db: Db, config: Pick<Config, 'SYNONYMS_FILE'>): AnswerContext {
  return { db, synonyms: loadSynonyms(config.SYNONYMS_FILE ?? DEFAULT_SYNONYMS_FILE) };
}

export interface Asked {
  request: AskRequest;
  answer: Answer;
  text: string;
  payload: MessagePayload;
}

/** Answers one request, rendered for the terminal and for Discord (the same payload the bot sends). */
export function ask(ctx: AnswerContext, request: AskRequest, options: { page?: number; ephemeral?: boolean } = {}): Asked {
  const result = answer(ctx, request);
  const { key, mustSave } = pagingKey(request.query);
  if (mustSave) saveQuery(ctx.db, key, request.command, request.query);
  const payload = renderDiscordPage(result, options.page ?? 0, { key, ephemeral: options.ephemeral ?? false });
  return { request, answer: result, text: renderText(result), payload };
}

/** A terminal line → the answer, or a usage message. */
export function askLine(ctx: AnswerContext, line: string, options: { page?: number } = {}): Asked | { usage: string } {
  const request = parseCommandLine(line);
  if ('usage' in request) return request;
  return ask(ctx, request, options);
}
