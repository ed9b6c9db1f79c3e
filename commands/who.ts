/** /who name — a person or organisation: roles, then every statement in date order. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { nameChoices } from '../src/answers/autocomplete.js';
import { addPrivateOption, defineCommand, privateFlag, queryText } from '../src/discord/command.js';

const NAME_MAX = 100;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('who')
    .setDescription('A person or organisation: the roles the articles give, then their statements by date')
    .addStringOption((o) => o.setName('name').setDescription('A name, e.g. Rutte').setRequired(true).setMinLength(1).setMaxLength(NAME_MAX).setAutocomplete(true))
    .addBooleanOption(addPrivateOption),
  options: z.object({ name: queryText('name', NAME_MAX), private: privateFlag }),
  execute: ({ options, ephemeral, services }) => services.lookups.ask({ command: 'who', query: options.name }, { ephemeral }),
  autocomplete: ({ focused, services }) => nameChoices(services.answers, focused.value),
});
