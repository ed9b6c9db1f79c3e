/**
 * The Discord commands of the lookup registry (src/answers/registry.ts): for
 * each lookup a slash command with its one text option (validated with zod,
 * autocompleted when the registry says how) and the `private` option, and a
 * message context-menu command where the entry names one. Paging needs nothing
 * here: the router re-asks the lookup named in the button.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, SlashCommandBuilder } from 'discord.js';
import { z } from 'zod';
import { LOOKUPS, type LookupDefinition, type LookupName } from '../answers/index.js';
import { addPrivateOption, defineCommand, privateFlag, queryText, type BotCommand } from './command.js';
import { MESSAGE_TEXT_OPTION } from './interaction.js';

/** Discord messages hold at most 4,000 characters (2,000 without Nitro). */
const MESSAGE_TEXT_MAX = 4000;

function slashCommand(lookup: LookupDefinition<LookupName>): BotCommand {
  const data = new SlashCommandBuilder().setName(lookup.name).setDescription(lookup.description);
  const option = lookup.option;
  if (option) {
    data.addStringOption((o) =>
      o.setName(option.name).setDescription(option.description).setRequired(true).setMinLength(1).setMaxLength(option.maxLength).setAutocomplete(option.autocomplete !== undefined),
    );
  }
  data.addBooleanOption(addPrivateOption);
  const text = option ? { [option.name]: queryText(option.name, option.maxLength) } : {};
  return defineCommand({
    data,
    options: z.object({ ...text, private: privateFlag }),
    execute: ({ options, ephemeral, services }) => {
      const query = option ? String((options as Record<string, unknown>)[option.name]) : '';
      return services.lookups.ask({ command: lookup.name, query }, { ephemeral });
    },
    ...(option?.autocomplete ? { autocomplete: ({ focused, services }) => option.autocomplete!(services.answers, focused.value) } : {}),
  });
}

/** "Check claim" on a message: the lookup runs on the message's text; an empty text gets the lookup's own message. */
function messageCommand(lookup: LookupDefinition<LookupName>, name: string): BotCommand {
  return defineCommand({
    data: new ContextMenuCommandBuilder().setName(name).setType(ApplicationCommandType.Message),
    options: z.object({ [MESSAGE_TEXT_OPTION]: z.string().max(MESSAGE_TEXT_MAX, `message: at most ${MESSAGE_TEXT_MAX} characters`).default('') }),
    // Private: the reporter checks a colleague's (or a source's) message without answering in the thread.
    ephemeral: true,
    execute: ({ options, services }) => services.lookups.ask({ command: lookup.name, query: String(options[MESSAGE_TEXT_OPTION]) }, { ephemeral: true }),
  });
}

export function lookupCommands(): BotCommand[] {
  return LOOKUPS.flatMap((lookup) => [slashCommand(lookup), ...(lookup.messageCommand ? [messageCommand(lookup, lookup.messageCommand)] : [])]);
}
