/**
 * What `/sources add | list | remove` and `/add url:` do, as functions from plain input to a
 * private reply. Managing the polled sources needs Manage Server (checked here, on every path);
 * adding one article by link is open to every reporter, and says what was indexed or why not.
 */
import { canManage, type AdminInput } from '../digest/admin.js';
import type { Db } from '../index/database.js';
import { listSources } from '../index/sources.js';
import { failureReason, fetchAndIndexPage, type FetchSettings } from '../pipeline/live.js';
import { addPolledSource, removePolledSource } from '../pipeline/sources.js';
import type { MessagePayload } from '../render/discord.js';
import { escapeForDiscord } from '../render/escape.js';
import { formatSourceList } from '../render/sources.js';
import { notice } from './notices.js';

export interface SourcesDeps {
  db: Db;
  settings: FetchSettings;
  intervalMinutes: number;
  now: () => number;
  /** Rebuild what is derived from all articles (people, vocabulary, ranking window) after a write. */
  afterWrites: (db: Db) => void;
}

const NOT_ALLOWED = 'Only members with the **Manage Server** permission can change the sources the bot polls.';

/** Text in a code block: URLs and server errors shown as they are, nothing in them formatted or linked. */
function block(text: string): string {
  const body = text.replace(/```/g, 'ʼʼʼ');
  const max = 2000 - 12;
  return `\`\`\`text\n${body.length > max ? `${body.slice(0, max - 2)}…` : body}\n\`\`\``;
}

export function sourcesList(deps: SourcesDeps): MessagePayload {
  return notice(block(formatSourceList(listSources(deps.db), new Date(deps.now()))));
}

export function sourcesAdd(deps: SourcesDeps, input: AdminInput, url: string, everyMinutes?: number): MessagePayload {
  if (!canManage(input.memberPermissions)) return notice(NOT_ALLOWED);
  const change = addPolledSource(deps.db, url, { allow: deps.settings.allow, intervalMinutes: everyMinutes ?? deps.intervalMinutes, addedBy: input.userId, now: new Date(deps.now()) });
  return notice(escapeForDiscord(change.ok ? change.message : `Not added: ${change.message}`));
}

export function sourcesRemove(deps: SourcesDeps, input: AdminInput, url: string): MessagePayload {
  if (!canManage(input.memberPermissions)) return notice(NOT_ALLOWED);
  return notice(escapeForDiscord(removePolledSource(deps.db, url).message));
}

/** `/add url:` — fetch one page, index it, and say what was indexed (title, date, statements) or why not. */
export async function addArticle(deps: SourcesDeps, url: string): Promise<MessagePayload> {
  try {
    const page = await fetchAndIndexPage(deps.db, url.trim(), deps.settings, { now: () => new Date(deps.now()) });
    if (page.written) deps.afterWrites(deps.db);
    const date = page.date === null ? 'undated' : `${page.dateInferred ? '≈' : ''}${page.date}`;
    const what = `${escapeForDiscord(page.title)} — ${date}, ${page.statements} attributed statement${page.statements === 1 ? '' : 's'}`;
    return notice(page.written ? `Indexed: ${what}.\nCite it as /source ${escapeForDiscord(page.key)}` : `Already on file, unchanged: ${what}.`);
  } catch (error) {
    return notice(`Not indexed: ${escapeForDiscord(failureReason(error))}`);
  }
}
