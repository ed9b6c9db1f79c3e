/** /timeline topic — dated statements on a topic in order, marking where the picture changed. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { addPrivateOption, defineCommand, privateFlag, queryText } from '../src/discord/command.js';

const TOPIC_MAX = 500;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('timeline')
    .setDescription('Dated statements on a topic in order, marking where the picture changed')
    .addStringOption((o) => o.setName('topic').setDescription('A topic, e.g. North Korean troops').setRequired(true).setMinLength(1).setMaxLength(TOPIC_MAX))
    .addBooleanOption(addPrivateOption),
  options: z.object({ topic: queryText('topic', TOPIC_MAX), private: privateFlag }),
  execute: ({ options, ephemeral, services }) => services.lookups.ask({ command: 'timeline', query: options.topic }, { ephemeral }),
});
