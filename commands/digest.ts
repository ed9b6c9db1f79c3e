/**
 * /digest set | show | off | preview — the scheduled newsroom digest.
 * Changing it needs Manage Server: the command's default permissions hide it
 * from other members, and every change checks the member's permissions again.
 * `start` runs the scheduler for the bot's lifetime and stops it at shutdown.
 */
import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { defineCommand, type BotServices } from '../src/discord/command.js';
import { encodePageRef } from '../src/render/discord.js';
import { offDigest, previewDigest, setDigest, showDigest, timeZoneChoices, type AdminDeps, type AdminInput } from '../src/digest/admin.js';
import { DigestScheduler } from '../src/digest/scheduler.js';
import { DEFAULT_MAX_MESSAGES, MAX_MESSAGES_LIMIT, SECTION_KINDS } from '../src/digest/config.js';
import type { Sender } from '../src/digest/poster.js';

/** One scheduler per running bot (tests may run several bots in one process). */
const schedulers = new WeakMap<BotServices, DigestScheduler>();

function deps(services: BotServices): AdminDeps {
  return { db: services.answers.db, now: services.clock, defaultTimeZone: services.config.DIGEST_DEFAULT_TIMEZONE, synonyms: services.answers.synonyms };
}

const previewRef = (page: number) => encodePageRef({ command: 'digest', page, key: 'q:preview' });

const text = (max: number) => z.string().max(max).optional();

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('digest')
    .setDescription('The scheduled newsroom digest: new articles, statements, differing figures, changed positions')
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((s) =>
      s
        .setName('set')
        .setDescription('Post the digest to a channel on a schedule (Manage Server)')
        .addChannelOption((o) =>
          o.setName('channel').setDescription('Where to post it').setRequired(true).addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
        )
        .addStringOption((o) => o.setName('schedule').setDescription('Cron: minute hour day month weekday, e.g. "0 7 * * *" for 07:00 daily').setRequired(true).setMaxLength(100))
        .addStringOption((o) => o.setName('timezone').setDescription('IANA time zone, e.g. Europe/Kyiv (default: the bot’s)').setAutocomplete(true).setMaxLength(64))
        .addStringOption((o) => o.setName('sections').setDescription(`Which sections, comma-separated: ${SECTION_KINDS.join(', ')} (default: all)`).setMaxLength(100))
        .addStringOption((o) =>
          o
            .setName('when_empty')
            .setDescription('When nothing is new')
            .addChoices({ name: 'post one line “nothing new since …”', value: 'line' }, { name: 'post nothing', value: 'skip' }),
        )
        .addIntegerOption((o) =>
          o
            .setName('max_messages')
            .setDescription(`At most this many messages a digest, most important first (default ${DEFAULT_MAX_MESSAGES})`)
            .setMinValue(1)
            .setMaxValue(MAX_MESSAGES_LIMIT),
        ),
    )
    .addSubcommand((s) => s.setName('show').setDescription('Show this server’s digest settings and the next times it posts'))
    .addSubcommand((s) => s.setName('off').setDescription('Stop posting the digest (Manage Server)'))
    .addSubcommand((s) => s.setName('preview').setDescription('See the digest as it would be posted now (only you see it; nothing is posted)')),
  // Checked for real in src/digest/config.ts once the subcommand is known (set needs channel + schedule).
  options: z.object({ channel: text(20), schedule: text(100), timezone: text(64), sections: text(100), when_empty: text(10), max_messages: z.number().optional() }),
  execute: async ({ interaction, options, services }) => {
    const input: AdminInput = { guildId: interaction.guildId, userId: interaction.userId, memberPermissions: interaction.memberPermissions };
    switch (interaction.subcommand) {
      case 'set': {
        const result = setDigest(deps(services), input, options);
        if (result.changed) void schedulers.get(services)?.reload(input.guildId!);
        return result.reply;
      }
      case 'off': {
        const result = offDigest(deps(services), input);
        if (result.changed) void schedulers.get(services)?.reload(input.guildId!);
        return result.reply;
      }
      case 'preview':
        return previewDigest(deps(services), input, 0, previewRef);
      case 'show':
      default:
        return showDigest(deps(services), input);
    }
  },
  // Settings and previews are for the editor who asked: private even when an answer has to be deferred.
  ephemeral: true,
  autocomplete: ({ focused }) => (focused.name === 'timezone' ? timeZoneChoices(focused.value) : []),
  page: (ref, { interaction, services }) =>
    previewDigest(deps(services), { guildId: interaction.guildId, userId: interaction.userId, memberPermissions: interaction.memberPermissions }, ref.page, previewRef),
  start: async (services) => {
    const sender: Sender = { send: (channelId, body) => services.postMessage(channelId, body) };
    const scheduler = new DigestScheduler({
      db: services.answers.db,
      sender,
      clock: services.clock,
      log: { info: (line) => services.log.info(line), warn: (line) => services.log.warn(line) },
      synonyms: services.answers.synonyms,
    });
    schedulers.set(services, scheduler);
    services.onShutdown(async () => {
      await scheduler.stop();
      schedulers.delete(services);
    });
    // Catch-up may post (and retry) for a while: the bot does not wait for it to start answering.
    void scheduler.start().catch((error: unknown) => services.log.warn(`digest scheduler failed to start: ${(error as Error).message}`));
  },
});
