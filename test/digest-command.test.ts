/** /digest set | show | off | preview: permissions, validation messages, ephemeral replies, and the terminal digest. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import digestCommand from '../commands/digest.js';
import { openDatabase, type Db } from '../src/index/database.js';
import { EPHEMERAL_FLAG } from '../src/render/limits.js';
import { MANAGE_GUILD, offDigest, previewDigest, setDigest, showDigest, timeZoneChoices, type AdminDeps, type AdminInput } from '../src/digest/admin.js';
import { getDigestConfig, listRuns, postedItemKeys } from '../src/digest/store.js';
import { terminalDigest } from '../src/digest/terminal.js';

const GUILD = '320000000000000001';
const CHANNEL = '320000000000000002';
const EDITOR: AdminInput = { guildId: GUILD, userId: '320000000000000003', memberPermissions: MANAGE_GUILD | 0x800n };
const REPORTER: AdminInput = { guildId: GUILD, userId: '320000000000000004', memberPermissions: 0x800n | 0x400n };

let dir: string;
let db: Db;
let now: number;
let admin: AdminDeps;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'digest-command-'));
  db = openDatabase(join(dir, 'index.db'));
  now = Date.parse('2025-10-20T09:00:00Z');
  admin = { db, now: () => now, defaultTimeZone: 'UTC' };
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function addArticles(count: number, ingestedAt: string, leadWords = 3): void {
  for (let i = 1; i <= count; i++) {
    const n = (db.prepare('SELECT count(*) FROM articles').pluck().get() as number) + 1;
    const id = db
      .prepare(
        `INSERT INTO articles(key, hash, bytes, title, section, publisher, cites, url, date, date_inferred, date_basis, context_year, day, ingested_at)
         VALUES (?, ?, 100, ?, NULL, NULL, '[]', NULL, '2024-10-22', 1, 'inferred', 2024, 20018, ?)`,
      )
      .run(`${String(n).padStart(3, '0')}_a.txt`, `h${n}`, `Headline ${n}`, ingestedAt).lastInsertRowid;
    const lead = `Lead ${n}. ${'More words here. '.repeat(leadWords)}`;
    db.prepare(`INSERT INTO paragraphs(article_id, idx, kind, start, end, text) VALUES (?, 1, 'body', 0, ?, ?)`).run(id, lead.length, lead);
  }
}

describe('/digest set, show, off', () => {
  it('only members with Manage Server may change the digest; anyone may look', () => {
    const refused = setDigest(admin, REPORTER, { channel: CHANNEL, schedule: '0 7 * * *' });
    expect(refused.changed).toBe(false);
    expect(refused.reply).toMatchObject({ flags: EPHEMERAL_FLAG, content: 'Only members with the **Manage Server** permission can change the digest.' });
    expect(getDigestConfig(db, GUILD)).toBeNull();
    expect(offDigest(admin, REPORTER).changed).toBe(false);
    expect(showDigest(admin, REPORTER).content).toMatch(/No digest is set up/);
    expect(setDigest(admin, { ...EDITOR, guildId: null }, { channel: CHANNEL, schedule: '0 7 * * *' }).reply.content).toMatch(/use \/digest in a server/);
  });

  it('stores channel, schedule, zone and sections, and shows the next times in the zone', () => {
    const set = setDigest(admin, EDITOR, { channel: CHANNEL, schedule: '0  7 * * 1-5', timezone: 'europe/kyiv', sections: 'articles,positions', when_empty: 'skip' });
    expect(set.changed).toBe(true);
    expect(set.reply.flags).toBe(EPHEMERAL_FLAG);
    expect(set.reply.allowed_mentions).toEqual({ parse: [] });
    expect(getDigestConfig(db, GUILD)).toMatchObject({
      channelId: CHANNEL,
      schedule: '0 7 * * 1-5',
      timezone: 'Europe/Kyiv',
      sections: ['articles', 'positions'],
      whenEmpty: 'skip',
      enabled: true,
      updatedBy: EDITOR.userId,
      activeSince: '2025-10-20T09:00:00.000Z',
    });
    const shown = showDigest(admin, REPORTER).content!;
    expect(shown).toContain(`<#${CHANNEL}>`);
    expect(shown).toContain('`0 7 * * 1-5` in Europe/Kyiv');
    expect(shown).toContain('Tue 21 Oct 2025, 07:00 (Europe/Kyiv) · Wed 22 Oct 2025, 07:00 (Europe/Kyiv) · Thu 23 Oct 2025, 07:00 (Europe/Kyiv)');

    // Changing only the channel keeps the schedule's start; changing the schedule restarts it.
    now += 3_600_000;
    setDigest(admin, EDITOR, { channel: '320000000000000009', schedule: '0 7 * * 1-5' });
    expect(getDigestConfig(db, GUILD)).toMatchObject({ channelId: '320000000000000009', timezone: 'Europe/Kyiv', activeSince: '2025-10-20T09:00:00.000Z' });
    setDigest(admin, EDITOR, { channel: CHANNEL, schedule: '30 6 * * *' });
    expect(getDigestConfig(db, GUILD)!.activeSince).toBe('2025-10-20T10:00:00.000Z');

    expect(offDigest(admin, EDITOR)).toMatchObject({ changed: true });
    expect(getDigestConfig(db, GUILD)!.enabled).toBe(false);
    expect(showDigest(admin, EDITOR).content).toMatch(/The digest is \*\*off\*\*/);
    expect(offDigest(admin, EDITOR).reply.content).toBe('The digest is already off for this server.');
  });

  it('names the problem with a bad schedule or time zone', () => {
    const cron = setDigest(admin, EDITOR, { channel: CHANNEL, schedule: '0 25 * * *' });
    expect(cron.reply.content).toBe(
      'That didn\'t work: schedule: "0 25 * * *": the hour (0–23) field "25" is not valid; use five fields: minute hour day-of-month month day-of-week, e.g. "0 7 * * *" (07:00 daily) or "30 6 * * 1-5" (06:30 on weekdays)',
    );
    const zone = setDigest(admin, EDITOR, { channel: CHANNEL, schedule: '0 7 * * *', timezone: 'Europe/Kiyv' });
    expect(zone.reply.content).toMatch(/^That didn't work: timezone: "Europe\/Kiyv" is not an IANA time zone: did you mean .*Europe\/Kyiv/);
    expect(getDigestConfig(db, GUILD)).toBeNull();
    expect(timeZoneChoices('kyiv').map((c) => c.value)).toContain('Europe/Kyiv');
    expect(timeZoneChoices('new y').map((c) => c.value)).toEqual(['America/New_York']);
  });
});

describe('/digest preview', () => {
  it('shows every message the digest would post, paged, ephemerally, posting and recording nothing', () => {
    setDigest(admin, EDITOR, { channel: CHANNEL, schedule: '0 7 * * *', timezone: 'UTC' });
    addArticles(40, '2025-10-20T08:00:00.000Z', 40);
    const ref = (page: number) => `page:digest:${page}:q:preview`;
    const first = previewDigest(admin, REPORTER, 0, ref);
    expect(first.flags).toBe(EPHEMERAL_FLAG);
    expect(first.content).toMatch(/^Preview only — nothing is posted\. Next digest: Tue 21 Oct 2025, 07:00 \(UTC\) in <#320000000000000002>\. This digest would be \d+ messages; showing 1\.$/);
    expect(first.components[0]!.components.map((b) => [b.custom_id, b.disabled])).toEqual([
      ['page:digest:0:q:preview', true],
      ['page:digest:1:q:preview', false],
    ]);
    const second = previewDigest(admin, REPORTER, 1, ref);
    expect(second.embeds[0]!.footer!.text).toMatch(/^Part 2\//);
    expect(listRuns(db, GUILD)).toEqual([]);
    expect(postedItemKeys(db, GUILD).size).toBe(0);
  });

  it('says nothing is new when nothing is', () => {
    const body = previewDigest(admin, EDITOR);
    expect(body.content).toContain('No digest is set up yet');
    expect(body.content).toContain('Nothing new');
  });
});

describe('the command module', () => {
  it('is hidden from members without Manage Server, usable only in servers, with four subcommands', () => {
    const json = digestCommand.data.toJSON() as RESTPostAPIChatInputApplicationCommandsJSONBody;
    expect(json.name).toBe('digest');
    expect(json.default_member_permissions).toBe(String(MANAGE_GUILD));
    expect(json.contexts).toEqual([0]);
    expect(json.options?.map((o) => o.name)).toEqual(['set', 'show', 'off', 'preview']);
    const set = json.options?.find((o) => o.name === 'set') as { options: { name: string; required?: boolean }[] };
    expect(set.options.map((o) => [o.name, o.required ?? false])).toEqual([
      ['channel', true],
      ['schedule', true],
      ['timezone', false],
      ['sections', false],
      ['when_empty', false],
      ['max_messages', false],
    ]);
  });

  it('checks permissions at run time too, whatever Discord let through', async () => {
    const reply = await digestCommand.execute({
      interaction: { kind: 'command', id: '1', userId: REPORTER.userId, guildId: GUILD, channelId: CHANNEL, locale: null, memberPermissions: 0n, receivedAt: now, commandName: 'digest', subcommandGroup: null, subcommand: 'set', options: {} },
      options: { channel: CHANNEL, schedule: '0 7 * * *' },
      ephemeral: false,
      services: { answers: { db, synonyms: [] }, clock: () => now, config: { DIGEST_DEFAULT_TIMEZONE: 'UTC' } } as never,
    });
    expect(reply.content).toMatch(/Manage Server/);
    expect(getDigestConfig(db, GUILD)).toBeNull();
  });
});

describe('npm run digest (terminalDigest)', () => {
  it('prints the payloads as JSON; --record marks them posted, so a second run over the window prints []', () => {
    addArticles(5, '2025-10-20T08:00:00.000Z');
    const first = JSON.parse(terminalDigest(db, { json: true, record: true, timeZone: 'UTC', now: new Date(now) })) as { embeds: { description: string }[] }[];
    expect(first).toHaveLength(1);
    for (let i = 1; i <= 5; i++) expect(first[0]!.embeds[0]!.description).toContain(`Headline ${i} —`);
    expect(terminalDigest(db, { json: true, timeZone: 'UTC', now: new Date(now + 1000) })).toBe('[]\n');
    // Even over an explicit window that includes them, what was recorded is not posted again.
    expect(terminalDigest(db, { json: true, since: '2025-10-01', timeZone: 'UTC', now: new Date(now + 2000) })).toBe('[]\n');
    expect(terminalDigest(db, { timeZone: 'UTC', now: new Date(now + 3000) })).toBe('Nothing new since Mon 20 Oct 2025, 09:00 (UTC).\n');
  });

  it('without --record prints the same digest every time, and --since narrows it', () => {
    addArticles(2, '2025-10-18T08:00:00.000Z');
    addArticles(1, '2025-10-20T08:00:00.000Z');
    const text = terminalDigest(db, { timeZone: 'Europe/Kyiv', now: new Date(now) });
    expect(text).toBe(terminalDigest(db, { timeZone: 'Europe/Kyiv', now: new Date(now) }));
    expect(text).toContain('3 new articles — everything on file');
    const since = terminalDigest(db, { since: '2025-10-19T00:00:00Z', timeZone: 'Europe/Kyiv', now: new Date(now) });
    expect(since).toContain('1 new article — since Sun 19 Oct 2025, 03:00 (Europe/Kyiv)');
    expect(() => terminalDigest(db, { since: 'yesterday', timeZone: 'UTC' })).toThrow(/--since: expected an ISO date/);
  });
});
