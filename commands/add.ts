/** /add url — index one article by its link; a private reply says what was indexed, or why not. */
import { SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { defineCommand } from '../src/discord/command.js';
import { addArticle } from '../src/discord/sourcesAdmin.js';
import { sourcesDeps } from './sources.js';

const URL_MAX = 2000;

export default defineCommand({
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add one article to the index by its link (only you see the reply)')
    .addStringOption((o) => o.setName('url').setDescription('The article page (http or https)').setRequired(true).setMinLength(8).setMaxLength(URL_MAX)),
  options: z.object({ url: z.string().trim().min(1, 'url: give the article’s address').max(URL_MAX, `url: at most ${URL_MAX} characters`) }),
  // Fetching waits on the network: acknowledge first, privately.
  ack: 'defer',
  ephemeral: true,
  execute: ({ options, services }) => addArticle(sourcesDeps(services), options.url),
});
