/** /claims topic — what the articles say on a topic, by stance, with citations. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { addPrivateOption, defineCommand, privateFlag, queryText } from '../src/discord/command.js';

const TOPIC_MAX = 500;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('claims')
    .setDescription('What the articles say on a topic: statements by stance, who made them, figures that differ')
    .addStringOption((o) => o.setName('topic').setDescription('A topic, e.g. North Korean troops').setRequired(true).setMinLength(1).setMaxLength(TOPIC_MAX))
    .addBooleanOption(addPrivateOption),
  options: z.object({ topic: queryText('topic', TOPIC_MAX), private: privateFlag }),
  execute: ({ options, ephemeral, services }) => services.lookups.ask({ command: 'claims', query: options.topic }, { ephemeral }),
});
