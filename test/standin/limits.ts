/**
 * Discord's documented limits that the OpenAPI-derived schemas do not encode (or encode more
 * loosely). The schemas describe what the endpoint *type-checks*; these are the rules that make a
 * real Discord answer 400 anyway — e.g. the spec allows 4000-character content (the Nitro limit)
 * while a bot gets 2000, and nothing in a JSON schema can express "6000 characters across all
 * embeds of one message".
 *
 * Every check is defensive about shapes: it runs even when the schema check already failed, so
 * the test author sees every problem of a body at once.
 */
import type { ViolationIssue } from './types.js';

export const Limits = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooterText: 2048,
  embedAuthorName: 256,
  embedTotal: 6000,
  actionRows: 5,
  buttonsPerRow: 5,
  customId: 100,
  buttonLabel: 80,
  autocompleteChoices: 25,
  choiceName: 100,
  choiceStringValue: 100,
  commandName: 32,
  commandDescription: 100,
  commandOptions: 25,
  optionChoices: 25,
  /** Name + description + choice names/values over a command and all its options. */
  commandCombinedCharacters: 4000,
  chatInputCommandsPerScope: 100,
} as const;

/** Discord's command/option name rule, as documented. */
export const COMMAND_NAME_PATTERN = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

const ComponentType = { ActionRow: 1, Button: 2 } as const;
const ButtonStyle = { Link: 5, Premium: 6 } as const;
const CommandType = { ChatInput: 1 } as const;
const OptionType = { Subcommand: 1, SubcommandGroup: 2, String: 3 } as const;
/** MessageFlags.IS_COMPONENTS_V2: top-level components are layout components, not just rows. */
const IS_COMPONENTS_V2 = 1 << 15;

type Path = ReadonlyArray<string | number>;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Dotted path used in reports: `data.embeds[0].title`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out;
}

/**
 * Issues carry their path as segments while being collected (so they can also be folded into
 * Discord's nested `errors` object); `segments` is dropped from the public record.
 */
export interface PathedIssue extends ViolationIssue {
  segments: Array<string | number>;
}

function issue(path: Path, code: string, message: string): PathedIssue {
  return { path: formatPath(path), segments: [...path], code, message };
}

function maxLength(path: Path, value: unknown, max: number, out: PathedIssue[]): void {
  const text = str(value);
  // Discord counts characters the way JavaScript's length does not for astral symbols; the
  // difference never matters for the limits a bot hits, so UTF-16 length it is.
  if (text !== undefined && text.length > max) {
    out.push(issue(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${max} or fewer in length.`));
  }
}

function lengthBetween(path: Path, value: unknown, min: number, max: number, out: PathedIssue[]): void {
  const text = str(value);
  if (text === undefined) return;
  if (text.length < min || text.length > max) {
    out.push(issue(path, 'BASE_TYPE_BAD_LENGTH', `Must be between ${min} and ${max} in length.`));
  }
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/** Limits on a message-shaped body (channel message, interaction response data, webhook body). */
export function messageLimitIssues(body: unknown, base: Path = []): PathedIssue[] {
  const out: PathedIssue[] = [];
  if (!isRecord(body)) return out;

  maxLength([...base, 'content'], body.content, Limits.content, out);

  const embeds = body.embeds;
  if (Array.isArray(embeds)) {
    if (embeds.length > Limits.embedsPerMessage) {
      out.push(issue([...base, 'embeds'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embedsPerMessage} or fewer in length.`));
    }
    let total = 0;
    embeds.forEach((embed, index) => {
      total += embedIssues(embed, [...base, 'embeds', index], out);
    });
    if (total > Limits.embedTotal) {
      out.push(
        issue([...base, 'embeds'], 'MAX_EMBED_SIZE_EXCEEDED', `Embed size exceeds maximum size of ${Limits.embedTotal}`),
      );
    }
  }

  const flags = typeof body.flags === 'number' ? body.flags : 0;
  if (Array.isArray(body.components)) componentIssues(body.components, [...base, 'components'], flags, out);
  return out;
}

/** Checks one embed and returns its character count towards the 6000 total. */
function embedIssues(embed: unknown, path: Path, out: PathedIssue[]): number {
  if (!isRecord(embed)) return 0;
  let total = 0;
  const count = (value: unknown): void => {
    total += str(value)?.length ?? 0;
  };

  maxLength([...path, 'title'], embed.title, Limits.embedTitle, out);
  count(embed.title);
  maxLength([...path, 'description'], embed.description, Limits.embedDescription, out);
  count(embed.description);

  if (isRecord(embed.footer)) {
    maxLength([...path, 'footer', 'text'], embed.footer.text, Limits.embedFooterText, out);
    count(embed.footer.text);
  }
  if (isRecord(embed.author)) {
    maxLength([...path, 'author', 'name'], embed.author.name, Limits.embedAuthorName, out);
    count(embed.author.name);
  }
  if (Array.isArray(embed.fields)) {
    if (embed.fields.length > Limits.embedFields) {
      out.push(issue([...path, 'fields'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.embedFields} or fewer in length.`));
    }
    embed.fields.forEach((field: unknown, index: number) => {
      if (!isRecord(field)) return;
      const fieldPath = [...path, 'fields', index];
      // Discord rejects empty field names/values even though the schema allows "".
      for (const key of ['name', 'value'] as const) {
        const text = str(field[key]);
        if (text !== undefined && text.trim() === '') {
          out.push(issue([...fieldPath, key], 'BASE_TYPE_REQUIRED', 'This field is required'));
        }
      }
      maxLength([...fieldPath, 'name'], field.name, Limits.embedFieldName, out);
      maxLength([...fieldPath, 'value'], field.value, Limits.embedFieldValue, out);
      count(field.name);
      count(field.value);
    });
  }
  return total;
}

function componentIssues(components: unknown[], path: Path, flags: number, out: PathedIssue[]): void {
  const componentsV2 = (flags & IS_COMPONENTS_V2) !== 0;
  const rows = components.filter((c) => isRecord(c) && c.type === ComponentType.ActionRow);
  if (!componentsV2 && rows.length > Limits.actionRows) {
    out.push(issue(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.actionRows} or fewer in length.`));
  }

  const seenCustomIds = new Map<string, string>();
  components.forEach((row, rowIndex) => {
    if (!isRecord(row) || row.type !== ComponentType.ActionRow || !Array.isArray(row.components)) return;
    const rowPath = [...path, rowIndex, 'components'];
    const buttons = row.components.filter((c: unknown) => isRecord(c) && c.type === ComponentType.Button);
    if (buttons.length > Limits.buttonsPerRow) {
      out.push(issue(rowPath, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.buttonsPerRow} or fewer in length.`));
    }
    // A row holds up to five buttons *or* exactly one select menu.
    const selects = row.components.length - buttons.length;
    if (selects > 0 && row.components.length > 1) {
      out.push(issue(rowPath, 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', 'A select menu must be alone in its action row.'));
    }
    row.components.forEach((component: unknown, index: number) => {
      if (!isRecord(component)) return;
      const componentPath = [...rowPath, index];
      maxLength([...componentPath, 'custom_id'], component.custom_id, Limits.customId, out);
      const customId = str(component.custom_id);
      if (customId !== undefined) {
        const previous = seenCustomIds.get(customId);
        if (previous !== undefined) {
          out.push(
            issue([...componentPath, 'custom_id'], 'COMPONENT_CUSTOM_ID_DUPLICATED', `Component custom id cannot be duplicated (also at ${previous})`),
          );
        } else {
          seenCustomIds.set(customId, formatPath(componentPath));
        }
      }
      if (component.type !== ComponentType.Button) return;
      maxLength([...componentPath, 'label'], component.label, Limits.buttonLabel, out);
      if (component.style === ButtonStyle.Link) {
        if (customId !== undefined) {
          out.push(issue([...componentPath, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_NOT_ALLOWED', 'A link button cannot have a custom id.'));
        }
        if (str(component.url) === undefined) {
          out.push(issue([...componentPath, 'url'], 'BUTTON_COMPONENT_URL_REQUIRED', 'A link button requires a url.'));
        }
      } else if (component.style !== ButtonStyle.Premium && customId === undefined) {
        out.push(issue([...componentPath, 'custom_id'], 'BUTTON_COMPONENT_CUSTOM_ID_REQUIRED', 'A non-link button requires a custom id.'));
      }
      if (component.style !== ButtonStyle.Link && component.style !== ButtonStyle.Premium && component.label === undefined && component.emoji === undefined) {
        out.push(issue([...componentPath, 'label'], 'BUTTON_COMPONENT_LABEL_OR_EMOJI_REQUIRED', 'A button needs a label or an emoji.'));
      }
    });
  });
}

/**
 * Discord refuses a *new* message with nothing to show (code 50006). Whitespace-only content
 * counts as nothing.
 */
export function isEmptyMessage(body: unknown, fileCount: number): boolean {
  if (!isRecord(body)) return fileCount === 0;
  const hasContent = (str(body.content)?.trim() ?? '') !== '';
  const nonEmpty = (value: unknown): boolean => Array.isArray(value) && value.length > 0;
  return !(
    hasContent ||
    nonEmpty(body.embeds) ||
    nonEmpty(body.components) ||
    nonEmpty(body.sticker_ids) ||
    nonEmpty(body.attachments) ||
    isRecord(body.poll) ||
    fileCount > 0
  );
}

// ---------------------------------------------------------------------------------------------
// Autocomplete
// ---------------------------------------------------------------------------------------------

export function autocompleteLimitIssues(data: unknown, base: Path): PathedIssue[] {
  const out: PathedIssue[] = [];
  if (!isRecord(data) || !Array.isArray(data.choices)) return out;
  if (data.choices.length > Limits.autocompleteChoices) {
    out.push(issue([...base, 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.autocompleteChoices} or fewer in length.`));
  }
  data.choices.forEach((choice: unknown, index: number) => choiceIssues(choice, [...base, 'choices', index], out));
  return out;
}

function choiceIssues(choice: unknown, path: Path, out: PathedIssue[]): void {
  if (!isRecord(choice)) return;
  lengthBetween([...path, 'name'], choice.name, 1, Limits.choiceName, out);
  maxLength([...path, 'value'], choice.value, Limits.choiceStringValue, out);
}

// ---------------------------------------------------------------------------------------------
// Application commands
// ---------------------------------------------------------------------------------------------

/** Limits on one command definition (create, bulk-overwrite item, or patch). */
export function commandLimitIssues(command: unknown, base: Path, partial = false): PathedIssue[] {
  const out: PathedIssue[] = [];
  if (!isRecord(command)) return out;
  const type = typeof command.type === 'number' ? command.type : CommandType.ChatInput;
  const chatInput = type === CommandType.ChatInput;

  if (command.name !== undefined || !partial) {
    nameIssues(command.name, [...base, 'name'], chatInput, out);
  }
  if (chatInput) {
    if (command.description !== undefined || !partial) {
      const description = str(command.description) ?? '';
      lengthBetween([...base, 'description'], description, 1, Limits.commandDescription, out);
    }
  } else if (str(command.description)) {
    out.push(issue([...base, 'description'], 'APPLICATION_COMMAND_DESCRIPTION_NOT_ALLOWED', 'User and message commands cannot have a description.'));
  }

  if (Array.isArray(command.options)) {
    if (!chatInput && command.options.length > 0) {
      out.push(issue([...base, 'options'], 'APPLICATION_COMMAND_OPTIONS_NOT_ALLOWED', 'Only chat input commands take options.'));
    }
    optionListIssues(command.options, [...base, 'options'], 0, out);
  }

  const combined = combinedCharacters(command);
  if (combined > Limits.commandCombinedCharacters) {
    out.push(
      issue(base, 'APPLICATION_COMMAND_TOO_LARGE', `Command exceeds maximum size (${Limits.commandCombinedCharacters})`),
    );
  }
  return out;
}

/** Rules that span the whole list of a bulk overwrite. */
export function bulkCommandIssues(commands: unknown): PathedIssue[] {
  const out: PathedIssue[] = [];
  if (!Array.isArray(commands)) return out;
  const seen = new Map<string, number>();
  let chatInputCount = 0;
  commands.forEach((command, index) => {
    out.push(...commandLimitIssues(command, [index]));
    if (!isRecord(command)) return;
    const type = typeof command.type === 'number' ? command.type : CommandType.ChatInput;
    if (type === CommandType.ChatInput) chatInputCount += 1;
    const key = `${type}:${String(command.name)}`;
    const first = seen.get(key);
    if (first !== undefined) {
      out.push(issue([index, 'name'], 'APPLICATION_COMMANDS_DUPLICATE_NAME', `Application command names must be unique (same as [${first}])`));
    } else {
      seen.set(key, index);
    }
  });
  if (chatInputCount > Limits.chatInputCommandsPerScope) {
    out.push(issue([], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.chatInputCommandsPerScope} or fewer chat input commands.`));
  }
  return out;
}

function nameIssues(value: unknown, path: Path, chatInputRules: boolean, out: PathedIssue[]): void {
  const name = str(value);
  if (name === undefined) return; // the schema reports missing/wrong-typed names
  if (!chatInputRules) {
    lengthBetween(path, name, 1, Limits.commandName, out);
    return;
  }
  if (!COMMAND_NAME_PATTERN.test(name)) {
    out.push(issue(path, 'APPLICATION_COMMAND_INVALID_NAME', `Command name is invalid (must match ${COMMAND_NAME_PATTERN.source})`));
  } else if (name !== name.toLowerCase()) {
    out.push(issue(path, 'APPLICATION_COMMAND_INVALID_NAME', 'Command name must be lowercase.'));
  }
}

function optionListIssues(options: unknown[], path: Path, depth: number, out: PathedIssue[]): void {
  if (options.length > Limits.commandOptions) {
    out.push(issue(path, 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.commandOptions} or fewer in length.`));
  }
  const names = new Set<string>();
  let sawOptional = false;
  options.forEach((option, index) => {
    if (!isRecord(option)) return;
    const optionPath = [...path, index];
    nameIssues(option.name, [...optionPath, 'name'], true, out);
    lengthBetween([...optionPath, 'description'], str(option.description) ?? '', 1, Limits.commandDescription, out);

    const name = str(option.name);
    if (name !== undefined) {
      if (names.has(name)) {
        out.push(issue([...optionPath, 'name'], 'APPLICATION_COMMAND_OPTION_NAME_ALREADY_EXISTS', 'Option names must be unique.'));
      }
      names.add(name);
    }

    const isSub = option.type === OptionType.Subcommand || option.type === OptionType.SubcommandGroup;
    if (!isSub) {
      // Discord: required options must be listed before optional ones.
      if (option.required === true && sawOptional) {
        out.push(issue([...optionPath, 'required'], 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', 'Required options must be placed before non-required options.'));
      }
      if (option.required !== true) sawOptional = true;
    }
    if (option.type === OptionType.SubcommandGroup && depth > 0) {
      out.push(issue([...optionPath, 'type'], 'APPLICATION_COMMAND_OPTION_TYPE_INVALID', 'Subcommand groups can only be top-level options.'));
    }

    if (Array.isArray(option.choices)) {
      if (option.choices.length > Limits.optionChoices) {
        out.push(issue([...optionPath, 'choices'], 'BASE_TYPE_MAX_LENGTH', `Must be ${Limits.optionChoices} or fewer in length.`));
      }
      if (option.autocomplete === true && option.choices.length > 0) {
        out.push(issue([...optionPath, 'autocomplete'], 'APPLICATION_COMMAND_AUTOCOMPLETE_CHOICES_INVALID', 'Autocomplete cannot be enabled on an option with choices.'));
      }
      option.choices.forEach((choice: unknown, choiceIndex: number) =>
        choiceIssues(choice, [...optionPath, 'choices', choiceIndex], out),
      );
    }
    if (Array.isArray(option.options)) optionListIssues(option.options, [...optionPath, 'options'], depth + 1, out);
  });
}

function combinedCharacters(node: Record<string, unknown>): number {
  let total = (str(node.name)?.length ?? 0) + (str(node.description)?.length ?? 0);
  if (Array.isArray(node.choices)) {
    for (const choice of node.choices) {
      if (!isRecord(choice)) continue;
      total += (str(choice.name)?.length ?? 0) + String(choice.value ?? '').length;
    }
  }
  if (Array.isArray(node.options)) {
    for (const option of node.options) if (isRecord(option)) total += combinedCharacters(option);
  }
  return total;
}
