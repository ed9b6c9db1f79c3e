/**
 * The command module interface. Lookups get theirs from the registry
 * (src/discord/lookupCommands.ts); every other file in commands/ default-exports
 * one BotCommand, built with defineCommand (see commands/digest.ts). The loader registers its `data` with Discord and routes
 * interactions for that name to it; the router does everything generic around
 * it, so a command only turns validated options into a reply:
 *
 *  - validates the options with `options` (zod) before `execute` is called; a
 *    failure is answered ephemerally with the first issue's message, so write
 *    messages a user understands ("topic: type at least one character");
 *  - applies the per-user rate limit;
 *  - acknowledges within Discord's 3 s (see `ack`), sends exactly the payload
 *    `execute` returns, and edits it in if the answer had to be deferred;
 *  - answers ephemerally when the user set the `private` option (addPrivateOption),
 *    or when the command says so (`ephemeral`);
 *  - turns a throw into an ephemeral "something went wrong" with an error id,
 *    logged with the same id;
 *  - handles Previous/Next clicks whose custom_id the renderer built
 *    (page:<command>:<page>:<key>) by calling `page`, or by default re-asking
 *    the lookup for that page.
 *
 * No SQL and no text parsing in commands: call the answers layer (through
 * `services.lookups` for anything that may be slow) and the renderer.
 */
import type { RESTPostAPIApplicationCommandsJSONBody, SlashCommandBooleanOption } from 'discord.js';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { AnswerContext } from '../answers/index.js';
import type { Choice } from '../answers/autocomplete.js';
import type { MessagePayload, PageRef } from '../render/discord.js';
import type { AutocompleteInput, ButtonInput, CommandInput } from './interaction.js';
import type { LookupRunner } from './lookups.js';
import type { BotLog } from './log.js';

/** Runs at shutdown: after in-flight interactions have finished, before the database closes. */
export type ShutdownHook = () => void | Promise<void>;

/** What the bot offers every handler. */
export interface BotServices {
  config: Config;
  /**
   * The index on the main thread. Quick reads only (autocomplete, a settings row):
   * a long synchronous read here blocks every other interaction.
   */
  answers: AnswerContext;
  /** Lookups off the main thread; resolves to exactly `ask(...).payload`. */
  lookups: LookupRunner;
  log: BotLog;
  clock: () => number;
  /** Register cleanup (stop a scheduler, flush a ledger). Hooks run once, last registered first. */
  onShutdown(hook: ShutdownHook): void;
  /** Posts `body` unchanged to a channel with the bot token (for scheduled posts such as digests). */
  postMessage(channelId: string, body: MessagePayload): Promise<{ id: string }>;
}

export interface CommandContext<Options> {
  /** Who, where, which subcommand, member permissions (bigint bitfield; null in DMs). */
  interaction: CommandInput;
  /** The options after `options.parse`. */
  options: Options;
  /** True when the answer must be private (the `private` option, or the command's `ephemeral`): pass it to the renderer. */
  ephemeral: boolean;
  services: BotServices;
}

export interface AutocompleteContext {
  interaction: AutocompleteInput;
  /** The option being typed and its text so far. */
  focused: { name: string; value: string };
  services: BotServices;
}

export interface PageContext {
  interaction: ButtonInput;
  /** The query the button carries, resolved from `q:` or the saved `h:` key; null if it is gone. */
  query: string | null;
  services: BotServices;
}

/** A Discord message body as the renderer builds it; sent unchanged. */
export type Reply = MessagePayload;

export interface BotCommand<Schema extends z.ZodType = z.ZodType> {
  /** The definition registered with Discord: a SlashCommandBuilder or ContextMenuCommandBuilder (or anything with its toJSON). */
  data: { readonly name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Validates the flattened leaf options (by name; subcommands are in `interaction.subcommand`). */
  options: Schema;
  /**
   * How to acknowledge, given Discord's 3 s window:
   *  - 'auto' (default): start `execute`; reply if it settles within the defer threshold
   *    (~1.5 s), else defer ("thinking…") and edit the answer in when it comes. Requires
   *    `execute` not to block the event loop: slow reads go through services.lookups.
   *  - 'defer': defer first, then run `execute`. For handlers that must block or wait on the
   *    network (e.g. a digest preview composed on the main thread).
   */
  ack?: 'auto' | 'defer';
  /**
   * Whether the answer is private when the user has no `private` option to set. Matters when
   * the answer is deferred: visibility is fixed by the defer, before `execute` has returned.
   */
  ephemeral?: boolean | ((interaction: CommandInput) => boolean);
  execute(ctx: CommandContext<z.infer<Schema>>): Reply | Promise<Reply>;
  /** ≤ 25 choices (extra ones are dropped), quickly: autocomplete cannot be deferred. */
  autocomplete?(ctx: AutocompleteContext): Choice[] | Promise<Choice[]>;
  /** Page `ref.page` for a Previous/Next click. Default: services.lookups.ask for that page. */
  page?(ref: PageRef, ctx: PageContext): Reply | Promise<Reply>;
  /** Called once when the bot is up (e.g. start a scheduler and register its stop with onShutdown). */
  start?(services: BotServices): void | Promise<void>;
}

/** Identity function that keeps the options type flowing from `options` into `execute`. */
export function defineCommand<Schema extends z.ZodType>(command: BotCommand<Schema>): BotCommand<Schema> {
  return command;
}

/** The name of the boolean option every lookup command takes for an ephemeral answer. */
export const PRIVATE_OPTION = 'private';

export function addPrivateOption(option: SlashCommandBooleanOption): SlashCommandBooleanOption {
  return option.setName(PRIVATE_OPTION).setDescription('Only you see the answer').setRequired(false);
}

export const privateFlag = z.boolean().default(false);

/** Free text a user typed (topic, name, article): trimmed, 1..max characters, with messages naming the option. */
export function queryText(optionName: string, max: number) {
  return z
    .string({ error: `${optionName}: expected text` })
    .trim()
    .min(1, `${optionName}: type at least one character (not only spaces)`)
    .max(max, `${optionName}: at most ${max} characters, please`);
}
