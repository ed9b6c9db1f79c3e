/** /source article — an article's publisher, date and numbered paragraphs, to check a citation. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { articleChoices } from '../src/answers/autocomplete.js';
import { addPrivateOption, defineCommand, privateFlag, queryText } from '../src/discord/command.js';

const ARTICLE_MAX = 200;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription("An article's publisher, date and numbered paragraphs, to check a citation")
    .addStringOption((o) =>
      o.setName('article').setDescription('The article’s URL, file name, or words from its title').setRequired(true).setMinLength(1).setMaxLength(ARTICLE_MAX).setAutocomplete(true),
    )
    .addBooleanOption(addPrivateOption),
  options: z.object({ article: queryText('article', ARTICLE_MAX), private: privateFlag }),
  execute: ({ options, ephemeral, services }) => services.lookups.ask({ command: 'source', query: options.article }, { ephemeral }),
  autocomplete: ({ focused, services }) => articleChoices(services.answers, focused.value),
});
