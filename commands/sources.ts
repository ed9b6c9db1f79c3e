/**
 * /sources add | list | remove — the feeds and pages the bot polls (Manage Server; private
 * replies). `start` runs the poller for the bot's lifetime: node-cron looks every minute for
 * the sources that are due (each on its own jittered interval) and stops at shutdown.
 */
import { InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { updateDerived } from '../src/app.js';
import { defineCommand, type BotServices } from '../src/discord/command.js';
import { sourcesAdd, sourcesList, sourcesRemove, type SourcesDeps } from '../src/discord/sourcesAdmin.js';
import { fetchSettingsFrom, type FetchSettings } from '../src/pipeline/live.js';
import { startPoller } from '../src/pipeline/poller.js';

const URL_MAX = 2000;
const settingsFor = new WeakMap<BotServices, FetchSettings>();

export function sourcesDeps(services: BotServices): SourcesDeps {
  let settings = settingsFor.get(services);
  if (settings === undefined) {
    settings = fetchSettingsFrom(services.config);
    settingsFor.set(services, settings);
  }
  return { db: services.answers.db, settings, intervalMinutes: services.config.SOURCE_POLL_MINUTES, now: services.clock, afterWrites: updateDerived };
}

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('The news feeds and pages the bot polls for new articles')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('add')
        .setDescription('Poll a feed (RSS, Atom, JSON Feed) or a page (Manage Server)')
        .addStringOption((o) => o.setName('url').setDescription('The feed or page URL (http or https)').setRequired(true).setMaxLength(URL_MAX))
        .addIntegerOption((o) => o.setName('every_minutes').setDescription('How often to poll it (default 10 minutes)').setMinValue(1).setMaxValue(1440)),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Each source: last success, last error, next poll'))
    .addSubcommand((s) =>
      s
        .setName('remove')
        .setDescription('Stop polling a source; what it brought in stays on file (Manage Server)')
        .addStringOption((o) => o.setName('url').setDescription('The source URL, or its number in /sources list').setRequired(true).setMaxLength(URL_MAX)),
    ),
  options: z.object({
    url: z.string().trim().min(1, 'url: give the feed or page address').max(URL_MAX, `url: at most ${URL_MAX} characters`).optional(),
    every_minutes: z.number().int('every_minutes: a whole number of minutes').min(1, 'every_minutes: at least 1').max(1440, 'every_minutes: at most 1440 (a day)').optional(),
  }),
  execute: ({ interaction, options, services }) => {
    const input = { guildId: interaction.guildId, userId: interaction.userId, memberPermissions: interaction.memberPermissions };
    const deps = sourcesDeps(services);
    if (interaction.subcommand === 'add') return sourcesAdd(deps, input, options.url ?? '', options.every_minutes);
    if (interaction.subcommand === 'remove') return sourcesRemove(deps, input, options.url ?? '');
    return sourcesList(deps);
  },
  ephemeral: true,
  start: (services) => {
    const deps = sourcesDeps(services);
    const poller = startPoller({
      db: deps.db,
      settings: deps.settings,
      log: { info: (line) => services.log.info(line), warn: (line) => services.log.warn(line) },
      afterWrites: updateDerived,
    });
    services.onShutdown(() => poller.stop());
  },
});
