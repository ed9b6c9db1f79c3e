/** /help — what each command does, with examples. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { addPrivateOption, defineCommand, privateFlag } from '../src/discord/command.js';

export default defineCommand({
  data: new SlashCommandBuilder().setName('help').setDescription('What each command does, with examples').addBooleanOption(addPrivateOption),
  options: z.object({ private: privateFlag }),
  execute: ({ ephemeral, services }) => services.lookups.ask({ command: 'help', query: '' }, { ephemeral }),
});
