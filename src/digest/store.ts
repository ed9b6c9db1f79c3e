/**
 * The digest's SQL: guild configurations, the ledger of windows, parts and
 * items posted, and the reads that feed a digest (articles ingested in a
 * window, with their lead paragraph). Everything the scheduler decides is
 * decided from these rows, so a restart or a second process sees the same.
 */
import type { Db } from '../index/database.js';
import { citationFromRow } from '../index/statements.js';
import type { Citation } from '../answers/types.js';
import type { MessagePayload } from '../render/discord.js';
import { StoredConfig, type DigestConfig } from './config.js';

// ---------------------------------------------------------------- configuration

interface ConfigRow {
  guild_id: string;
  channel_id: string;
  schedule: string;
  timezone: string;
  sections: string;
  when_empty: string;
  max_messages: number;
  enabled: number;
  updated_by: string | null;
  active_since: string;
  created_at: string;
  updated_at: string;
}

export class StoredConfigError extends Error {}

function toConfig(row: ConfigRow): DigestConfig {
  let sections: unknown;
  try {
    sections = JSON.parse(row.sections);
  } catch {
    sections = null;
  }
  const parsed = StoredConfig.safeParse({
    guildId: row.guild_id,
    channelId: row.channel_id,
    schedule: row.schedule,
    timezone: row.timezone,
    sections,
    whenEmpty: row.when_empty,
    maxMessages: row.max_messages,
    enabled: row.enabled === 1,
    updatedBy: row.updated_by,
    activeSince: row.active_since,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new StoredConfigError(`digest configuration of guild ${row.guild_id} is damaged (${String(issue.path[0] ?? '')}: ${issue.message}); run /digest set again`);
  }
  return parsed.data as DigestConfig;
}

export function getDigestConfig(db: Db, guildId: string): DigestConfig | null {
  const row = db.prepare('SELECT * FROM digest_configs WHERE guild_id = ?').get(guildId) as ConfigRow | undefined;
  return row ? toConfig(row) : null;
}

/** Enabled configurations; a damaged one is reported through `onError` and left out. */
export function enabledDigestConfigs(db: Db, onError: (error: Error) => void = () => {}): DigestConfig[] {
  const rows = db.prepare('SELECT * FROM digest_configs WHERE enabled = 1 ORDER BY guild_id').all() as ConfigRow[];
  const out: DigestConfig[] = [];
  for (const row of rows) {
    try {
      out.push(toConfig(row));
    } catch (error) {
      onError(error as Error);
    }
  }
  return out;
}

export function saveDigestConfig(db: Db, c: DigestConfig): void {
  db.prepare(
    `INSERT INTO digest_configs(guild_id, channel_id, schedule, timezone, sections, when_empty, max_messages, enabled, updated_by, active_since, created_at, updated_at)
     VALUES (@guildId, @channelId, @schedule, @timezone, @sections, @whenEmpty, @maxMessages, @enabled, @updatedBy, @activeSince, @createdAt, @updatedAt)
     ON CONFLICT(guild_id) DO UPDATE SET channel_id = excluded.channel_id, schedule = excluded.schedule, timezone = excluded.timezone,
       sections = excluded.sections, when_empty = excluded.when_empty, max_messages = excluded.max_messages, enabled = excluded.enabled, updated_by = excluded.updated_by,
       active_since = excluded.active_since, updated_at = excluded.updated_at`,
  ).run({ ...c, sections: JSON.stringify(c.sections), enabled: c.enabled ? 1 : 0 });
}

/** Turns a guild's digest off (the configuration is kept for `/digest set` to build on). False if there was none. */
export function disableDigest(db: Db, guildId: string, userId: string | null, now: Date): boolean {
  const r = db
    .prepare('UPDATE digest_configs SET enabled = 0, updated_by = ?, updated_at = ? WHERE guild_id = ? AND enabled = 1')
    .run(userId, now.toISOString(), guildId);
  return r.changes === 1;
}

// ---------------------------------------------------------------- ledger

export interface DigestPart {
  payload: MessagePayload;
  /** The items this message carries: recorded as posted when Discord accepts it. */
  itemKeys: string[];
}

export type RunStatus = 'pending' | 'posted' | 'superseded';

export interface DigestRun {
  guildId: string;
  tick: string;
  windowStart: string | null;
  channelId: string;
  parts: DigestPart[];
  status: RunStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  postedAt: string | null;
  /** Parts Discord already accepted: part index → message id. */
  posted: Map<number, string>;
}

interface RunRow {
  guild_id: string;
  tick: string;
  window_start: string | null;
  channel_id: string;
  parts: string;
  status: RunStatus;
  attempts: number;
  last_error: string | null;
  created_at: string;
  posted_at: string | null;
}

function toRun(db: Db, row: RunRow): DigestRun {
  const posted = db.prepare('SELECT part, message_id AS messageId FROM digest_parts WHERE guild_id = ? AND tick = ?').all(row.guild_id, row.tick) as {
    part: number;
    messageId: string;
  }[];
  return {
    guildId: row.guild_id,
    tick: row.tick,
    windowStart: row.window_start,
    channelId: row.channel_id,
    parts: JSON.parse(row.parts) as DigestPart[],
    status: row.status,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: row.created_at,
    postedAt: row.posted_at,
    posted: new Map(posted.map((p) => [p.part, p.messageId])),
  };
}

export function getRun(db: Db, guildId: string, tick: string): DigestRun | null {
  const row = db.prepare('SELECT * FROM digest_runs WHERE guild_id = ? AND tick = ?').get(guildId, tick) as RunRow | undefined;
  return row ? toRun(db, row) : null;
}

export function pendingRuns(db: Db, guildId: string): DigestRun[] {
  const rows = db.prepare("SELECT * FROM digest_runs WHERE guild_id = ? AND status = 'pending' ORDER BY tick").all(guildId) as RunRow[];
  return rows.map((r) => toRun(db, r));
}

export function listRuns(db: Db, guildId: string): DigestRun[] {
  const rows = db.prepare('SELECT * FROM digest_runs WHERE guild_id = ? ORDER BY tick').all(guildId) as RunRow[];
  return rows.map((r) => toRun(db, r));
}

export interface LedgerTicks {
  /** The newest tick in the ledger, any status. */
  lastTick: string | null;
  /** The newest posted tick. */
  lastPostedTick: string | null;
  /** The oldest window's start (undefined when the ledger holds no window). */
  firstStart: string | null | undefined;
}

export function ledgerTicks(db: Db, guildId: string): LedgerTicks {
  const row = db
    .prepare(
      `SELECT count(*) AS n, max(tick) AS lastTick, max(CASE WHEN status = 'posted' THEN tick END) AS lastPostedTick,
              (SELECT window_start FROM digest_runs WHERE guild_id = @guildId ORDER BY tick LIMIT 1) AS firstStart
       FROM digest_runs WHERE guild_id = @guildId`,
    )
    .get({ guildId }) as { n: number; lastTick: string | null; lastPostedTick: string | null; firstStart: string | null };
  return { lastTick: row.lastTick, lastPostedTick: row.lastPostedTick, firstStart: row.n === 0 ? undefined : row.firstStart };
}

/** Records a composed window before anything is sent. False if the window is already in the ledger. */
export function insertRun(db: Db, run: { guildId: string; tick: string; windowStart: string | null; channelId: string; parts: DigestPart[] }, now: Date): boolean {
  const r = db
    .prepare(
      `INSERT INTO digest_runs(guild_id, tick, window_start, channel_id, parts, status, created_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?) ON CONFLICT DO NOTHING`,
    )
    .run(run.guildId, run.tick, run.windowStart, run.channelId, JSON.stringify(run.parts), now.toISOString());
  return r.changes === 1;
}

/** One part accepted by Discord: the part and its items, in one transaction. */
export function recordPart(db: Db, guildId: string, tick: string, part: number, messageId: string, itemKeys: string[], now: Date): void {
  db.transaction(() => {
    db.prepare('INSERT OR IGNORE INTO digest_parts(guild_id, tick, part, message_id, posted_at) VALUES (?, ?, ?, ?, ?)').run(guildId, tick, part, messageId, now.toISOString());
    const item = db.prepare('INSERT OR IGNORE INTO digest_items(guild_id, item_key, tick) VALUES (?, ?, ?)');
    for (const key of itemKeys) item.run(guildId, key, tick);
  }).immediate();
}

/** Every part accepted: the window is posted. */
export function markPosted(db: Db, guildId: string, tick: string, now: Date): void {
  db.prepare("UPDATE digest_runs SET status = 'posted', posted_at = ?, last_error = NULL WHERE guild_id = ? AND tick = ?").run(now.toISOString(), guildId, tick);
}

export function markFailedAttempt(db: Db, guildId: string, tick: string, error: string): number {
  db.prepare('UPDATE digest_runs SET attempts = attempts + 1, last_error = ? WHERE guild_id = ? AND tick = ?').run(error.slice(0, 500), guildId, tick);
  return (db.prepare('SELECT attempts FROM digest_runs WHERE guild_id = ? AND tick = ?').pluck().get(guildId, tick) as number | undefined) ?? 0;
}

/** Points a run with nothing posted yet at the channel now configured. */
export function setRunChannel(db: Db, guildId: string, tick: string, channelId: string): void {
  db.prepare("UPDATE digest_runs SET channel_id = ? WHERE guild_id = ? AND tick = ? AND status = 'pending'").run(channelId, guildId, tick);
}

/** A later window fell due while this one was still failing: its unposted items roll into the later one. */
export function markSuperseded(db: Db, guildId: string, tick: string): void {
  db.prepare("UPDATE digest_runs SET status = 'superseded' WHERE guild_id = ? AND tick = ? AND status = 'pending'").run(guildId, tick);
}

export function postedItemKeys(db: Db, guildId: string): Set<string> {
  return new Set(db.prepare('SELECT item_key FROM digest_items WHERE guild_id = ?').pluck().all(guildId) as string[]);
}

/** Records a window as posted with its items in one go (the terminal's --record: nothing is sent). */
export function recordWholeRun(db: Db, run: { guildId: string; tick: string; windowStart: string | null; channelId: string; parts: DigestPart[] }, now: Date): void {
  db.transaction(() => {
    insertRun(db, run, now);
    run.parts.forEach((p, i) => recordPart(db, run.guildId, run.tick, i, `local-${i}`, p.itemKeys, now));
    markPosted(db, run.guildId, run.tick, now);
  }).immediate();
}

// ---------------------------------------------------------------- what a window holds

export interface NewArticle {
  id: number;
  file: string;
  hash: string;
  ingestedAt: string;
  /** What brought it in from the web: a polled source's name, or "added by link"; absent for corpus files. */
  via?: string | null;
  /** The lead paragraph (first body paragraph), cited; the title when the article has none. */
  lead: { text: string; citation: Citation };
}

/** A lead worth quoting: at least this many words (a bare "X said this, Y reports" line is not). */
const LEAD_MIN_WORDS = 20;

/** Articles ingested in (start, end], newest article date first. */
export function articlesIngested(db: Db, start: string | null, end: string): NewArticle[] {
  const rows = db
    .prepare(
      `SELECT a.id, a.key AS file, a.hash, a.title, a.publisher, a.cites, a.url,
              CASE WHEN a.origin_kind = 'web' THEN coalesce(src.title, src.url, 'added by link') END AS via, a.date, a.date_inferred AS dateInferred, a.ingested_at AS ingestedAt
       FROM articles a LEFT JOIN sources src ON src.id = a.source_id
       WHERE a.ingested_at <= @end AND (@start IS NULL OR a.ingested_at > @start)
       ORDER BY a.day DESC, a.key`,
    )
    .all({ start, end }) as {
    id: number;
    file: string;
    hash: string;
    title: string;
    publisher: string | null;
    cites: string;
    url: string | null;
    via: string | null;
    date: string | null;
    dateInferred: number;
    ingestedAt: string;
  }[];
  const paragraphs = db.prepare(
    `SELECT idx, kind, start, end, text FROM paragraphs WHERE article_id = ? AND kind IN ('title', 'body') ORDER BY idx LIMIT 4`,
  );
  return rows.map((r) => {
    const candidates = paragraphs.all(r.id) as { idx: number; kind: string; start: number; end: number; text: string }[];
    const bodies = candidates.filter((p) => p.kind === 'body');
    // The first substantial body paragraph among the first three; else the first; else the title.
    const lead = bodies.find((p) => p.text.split(/\s+/).length >= LEAD_MIN_WORDS) ?? bodies[0] ?? candidates.find((p) => p.kind === 'title');
    const citation = citationFromRow(r, lead?.idx ?? 0, { start: lead?.start ?? 0, end: lead?.end ?? 0 });
    return { id: r.id, file: r.file, hash: r.hash, ingestedAt: r.ingestedAt, via: r.via, lead: { text: lead?.text ?? r.title, citation } };
  });
}

/** People ranked by how many statements the index holds for them. */
export function statementCounts(db: Db): Map<number, { name: string; statements: number }> {
  const rows = db.prepare('SELECT id, canonical AS name, statements FROM people').all() as { id: number; name: string; statements: number }[];
  return new Map(rows.map((r) => [r.id, { name: r.name, statements: r.statements }]));
}
