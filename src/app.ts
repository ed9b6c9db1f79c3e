/**
 * Wiring shared by every entry point: open the index, bring it up to date with
 * the corpus, and answer a command line with both renderings.
 */
import { existsSync } from 'node:fs';
import { ConfigError, type Config } from './config.js';
import type { IngestOptions, IngestSummary } from './pipeline/ingest.js';
import { openDatabase, type Db } from './index/database.js';
import { saveQuery } from './index/queries.js';
import { DEFAULT_SYNONYMS_FILE, loadSynonyms } from './index/synonyms.js';
import { corpusLexicon } from './index/wordnet.js';
import { answer, parseCommandLine, type AnswerContext } from './answers/index.js';
import type { Answer, AskRequest } from './answers/types.js';
import { pagingKey, renderDiscordPage, type MessagePayload } from './render/discord.js';
import { renderText } from './render/text.js';
import { quoteFileName } from './render/escape.js';
import { stderrLog, type LineSink } from './log.js';
import { updateDerived } from './index/derived.js';

/** Where a component's lines go: the one logger's sink (src/log.ts). */
export type Logger = LineSink;

/** The command-line tools' lines on stderr, through the one logger (secrets redacted). */
export const stderrLogger: Logger = stderrLog;

/** The index for this process: read-only (DB_READONLY=1: no migrations, no writes) or the writer's, migrated. */
export function openIndex(file: string, options: { readonly?: boolean } = {}): Db {
  return openDatabase(file, { readonly: options.readonly ?? false });
}

/**
 * The index for a process that answers: read-only under DB_READONLY=1 (never built or migrated here);
 * otherwise the writer's, built from the corpus first when the file does not exist yet.
 */
export async function openForAnswering(file: string, config: Config): Promise<Db> {
  if (config.DB_READONLY) return openIndex(file, { readonly: true });
  const fresh = !existsSync(file);
  const db = openIndex(file);
  try {
    if (fresh) await updateIndex(db, config.CORPUS_DIR, config.MAX_ARTICLE_BYTES, stderrLogger, ingestSettings(config));
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * People (merged across the whole corpus), the spelling vocabulary and the ranking window, brought
 * up to date after articles were written or removed: updated for what changed, or rebuilt after a
 * large change (index/derived.ts).
 */
export { updateDerived };

/** The ingest's safety settings from the configuration (time limit per large file, removals allowed); the bench times the scan with afterScan. */
export type IngestSettings = Pick<IngestOptions, 'prepareTimeoutMs' | 'maxRemovalShare' | 'allowRemovals' | 'afterScan' | 'changed'>;

export function ingestSettings(config: Pick<Config, 'PREPARE_TIMEOUT_SECONDS' | 'MAX_REMOVAL_SHARE'>, allowRemovals = false): IngestSettings {
  return { prepareTimeoutMs: config.PREPARE_TIMEOUT_SECONDS * 1000, maxRemovalShare: config.MAX_REMOVAL_SHARE, allowRemovals };
}

export async function updateIndex(db: Db, corpusDir: string, maxBytes: number, log: Logger, settings: IngestSettings = {}): Promise<IngestSummary> {
  // Loaded here, not at the top: a process that only answers never pays for the readers and the extractor's set-up.
  const { formatSummary, ingestCorpus } = await import('./pipeline/ingest.js');
  const summary = await ingestCorpus(db, {
    ...settings,
    corpusDir,
    maxBytes,
    afterWrites: (db) => updateDerived(db),
    onSkip: (file, reason) => log.warn(`skipped ${quoteFileName(file)}: ${reason}`),
    onPartlyRead: (file, reason) => log.warn(`${quoteFileName(file)}: ${reason}`),
    onChanged: (file) => log.warn(`${quoteFileName(file)} changed while being ingested: indexed the version read last`),
    onProgress: (line) => log.info(line),
  });
  // Derived tables behind the articles with no article changed now: an ingest stopped between its
  // writes and the update, or a migration that asks for a rebuild. A no-op when they are current.
  updateDerived(db);
  log.info(formatSummary(summary));
  return summary;
}

export function answerContext(db: Db, config: Pick<Config, 'SYNONYMS_FILE'>): AnswerContext {
  const file = config.SYNONYMS_FILE ?? DEFAULT_SYNONYMS_FILE;
  try {
    return { db, synonyms: loadSynonyms(file), lexicon: corpusLexicon(db) };
  } catch (error) {
    throw new ConfigError(`SYNONYMS_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a text file of synonym groups`);
  }
}

export interface Asked {
  request: AskRequest;
  answer: Answer;
  text: string;
  payload: MessagePayload;
}

type PageOptions = { page?: number; ephemeral?: boolean };

function discordPayload(ctx: AnswerContext, request: AskRequest, result: Answer, options: PageOptions): MessagePayload {
  const { key, mustSave } = pagingKey(request.query);
  // A query too long for a button is saved for its buttons to find; a read-only process cannot save it, so it shows no buttons.
  if (mustSave && !ctx.db.readonly) saveQuery(ctx.db, key, request.command, request.query);
  const pagingBy = mustSave && ctx.db.readonly ? null : key;
  return renderDiscordPage(result, options.page ?? 0, { key: pagingBy, ephemeral: options.ephemeral ?? false });
}

/** Answers one request, rendered for the terminal and for Discord (the same payload the bot sends). */
export function ask(ctx: AnswerContext, request: AskRequest, options: PageOptions = {}): Asked {
  const result = answer(ctx, request);
  return { request, answer: result, text: renderText(result), payload: discordPayload(ctx, request, result, options) };
}

/** The Discord payload alone, as the bot's lookups need it: no terminal text rendered to be thrown away. */
export function askPayload(ctx: AnswerContext, request: AskRequest, options: PageOptions = {}): MessagePayload {
  return discordPayload(ctx, request, answer(ctx, request), options);
}

/** A terminal line → the answer, or a usage message. */
export function askLine(ctx: AnswerContext, line: string, options: { page?: number } = {}): Asked | { usage: string } {
  const request = parseCommandLine(line);
  if ('usage' in request) return request;
  return ask(ctx, request, options);
}
