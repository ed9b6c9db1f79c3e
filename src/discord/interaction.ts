/**
 * The bot's view of an interaction, the same whether it came over the gateway
 * (a discord.js Interaction) or as an HTTP POST (raw JSON): plain input data
 * plus a Responder that knows how to send each kind of callback. The router and
 * every command are written against these two, so both modes share them.
 */
import type { MessagePayload } from '../render/discord.js';
import type { Choice } from '../answers/autocomplete.js';

export type OptionValue = string | number | boolean;

/**
 * A message context-menu command ("Check claim") has no options: its target
 * message's text is handed to the command as this option, so it is validated
 * like any other.
 */
export const MESSAGE_TEXT_OPTION = 'message';

interface InteractionCommon {
  id: string;
  userId: string;
  guildId: string | null;
  channelId: string | null;
  locale: string | null;
  /** The invoking member's permissions in the channel (null in DMs). */
  memberPermissions: bigint | null;
  /** Epoch ms when the bot received it: the 3-second window counts from about here. */
  receivedAt: number;
}

export interface CommandInput extends InteractionCommon {
  kind: 'command';
  commandName: string;
  subcommandGroup: string | null;
  subcommand: string | null;
  /** Leaf options by name; channel, user and role options carry their id. */
  options: Record<string, OptionValue>;
}

export interface AutocompleteInput extends Omit<CommandInput, 'kind'> {
  kind: 'autocomplete';
  focused: { name: string; value: string };
}

export interface ButtonInput extends InteractionCommon {
  kind: 'button';
  customId: string;
}

export type InteractionInput = CommandInput | AutocompleteInput | ButtonInput;

/** A message context-menu command as a command whose one option is the target message's text. */
export function messageCommandInput(common: InteractionCommon, commandName: string, text: string): CommandInput {
  return { kind: 'command', ...common, commandName, subcommandGroup: null, subcommand: null, options: { [MESSAGE_TEXT_OPTION]: text } };
}

/**
 * One method per interaction callback Discord offers us. Each sends exactly the
 * body it is given. Only one of reply/defer/update/deferUpdate/choices may be
 * called per interaction (the initial callback); edits and follow-ups after it.
 */
export interface Responder {
  /** Callback type 4: a new message. */
  reply(body: MessagePayload): Promise<void>;
  /** Callback type 5: "thinking…", edited later. */
  defer(ephemeral: boolean): Promise<void>;
  /** Callback type 7: replace the message the clicked button is on. */
  update(body: MessagePayload): Promise<void>;
  /** Callback type 6: acknowledge a click, edit later. */
  deferUpdate(): Promise<void>;
  /** Callback type 8: autocomplete choices. */
  choices(choices: Choice[]): Promise<void>;
  /** PATCH the original response (or the clicked message, for a component). */
  editOriginal(body: MessagePayload): Promise<void>;
  /** A further message after the initial response. */
  followUp(body: MessagePayload): Promise<void>;
}

/** An option as both discord.js (`interaction.options.data`) and the raw API give it. */
export interface RawOption {
  name: string;
  type: number;
  value?: unknown;
  focused?: boolean;
  options?: readonly RawOption[];
}

const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;

export interface FlatOptions {
  subcommandGroup: string | null;
  subcommand: string | null;
  options: Record<string, OptionValue>;
  focused: { name: string; value: string } | null;
}

/** Walks subcommand groups and subcommands down to the leaf options. */
export function flattenOptions(options: readonly RawOption[] = []): FlatOptions {
  const flat: FlatOptions = { subcommandGroup: null, subcommand: null, options: {}, focused: null };
  let level = options;
  const group = level.find((o) => o.type === SUB_COMMAND_GROUP);
  if (group) {
    flat.subcommandGroup = group.name;
    level = group.options ?? [];
  }
  const sub = level.find((o) => o.type === SUB_COMMAND);
  if (sub) {
    flat.subcommand = sub.name;
    level = sub.options ?? [];
  }
  for (const option of level) {
    if (typeof option.value === 'string' || typeof option.value === 'number' || typeof option.value === 'boolean') {
      flat.options[option.name] = option.value;
      if (option.focused) flat.focused = { name: option.name, value: String(option.value) };
    }
  }
  return flat;
}
