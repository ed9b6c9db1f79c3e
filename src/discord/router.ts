/**
 * Routes each interaction to its command module and does everything generic
 * around it: rate limit, option validation, acknowledging in time, paging
 * clicks, and the error reply. Knows nothing of gateway or HTTP: it gets an
 * InteractionInput and a Responder from either.
 */
import { isLookupName, type LookupName } from '../answers/index.js';
import { decodePageRef, type MessagePayload } from '../render/discord.js';
import { DISCORD_LIMITS } from '../render/limits.js';
import { answerInTime, buttonSteps, commandSteps, type AckPolicy } from './ack.js';
import { PRIVATE_OPTION, type BotCommand, type BotServices } from './command.js';
import type { AutocompleteInput, ButtonInput, CommandInput, InteractionInput, Responder } from './interaction.js';
import { newErrorId } from './log.js';
import { expiredPageNotice, failureNotice, invalidOptionNotice, notice, rateLimitNotice, readOnlyNotice, shuttingDownNotice, unknownCommandNotice } from './notices.js';
import { pageQuery } from './paging.js';
import type { TokenBucketLimiter } from './rateLimit.js';
import { TrackedResponder } from './respond.js';

export interface RouterOptions {
  commands: BotCommand[];
  services: BotServices;
  limiter: TokenBucketLimiter;
  deferAfterMs: number;
}

export class InteractionRouter {
  readonly #commands: Map<string, BotCommand>;
  readonly #services: BotServices;
  readonly #limiter: TokenBucketLimiter;
  readonly #deferAfterMs: number;
  readonly #inFlight = new Set<Promise<void>>();
  #accepting = true;

  constructor(options: RouterOptions) {
    this.#commands = new Map(options.commands.map((c) => [c.data.name, c]));
    this.#services = options.services;
    this.#limiter = options.limiter;
    this.#deferAfterMs = options.deferAfterMs;
  }

  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Answers one interaction. Never rejects: failures are answered and logged here. */
  handle(input: InteractionInput, responder: Responder): Promise<void> {
    const tracked = new TrackedResponder(responder, this.#services.log, input.id);
    const task = this.#dispatch(input, tracked)
      .then(() => this.#logAnswered(input, tracked))
      .catch((error: unknown) => this.#reportFailure(input, tracked, error));
    this.#inFlight.add(task);
    void task.finally(() => this.#inFlight.delete(task));
    return task;
  }

  /** From now on every interaction is told the bot is restarting. */
  stopAccepting(): void {
    this.#accepting = false;
  }

  /** Waits for the interactions being answered, up to `timeoutMs`; false if some did not finish. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = this.#services.clock() + timeoutMs;
    while (this.#inFlight.size > 0) {
      const left = deadline - this.#services.clock();
      if (left <= 0) return false;
      await Promise.race([Promise.allSettled([...this.#inFlight]), sleep(left)]);
    }
    return true;
  }

  #dispatch(input: InteractionInput, responder: TrackedResponder): Promise<unknown> {
    if (!this.#accepting) return input.kind === 'autocomplete' ? responder.choices([]) : responder.reply(shuttingDownNotice());
    switch (input.kind) {
      case 'command':
        return this.#command(input, responder);
      case 'autocomplete':
        return this.#autocomplete(input, responder);
      case 'button':
        return this.#button(input, responder);
    }
  }

  async #command(input: CommandInput, responder: TrackedResponder): Promise<unknown> {
    const command = this.#commands.get(input.commandName);
    if (!command) return responder.reply(unknownCommandNotice(input.commandName));
    if (await this.#rateLimited(input.userId, responder)) return;
    const parsed = command.options.safeParse(input.options);
    if (!parsed.success) return responder.reply(invalidOptionNotice(parsed.error.issues[0]?.message ?? 'invalid options'));
    const ephemeral = input.options[PRIVATE_OPTION] === true || isPrivateByDefault(command, input);
    const context = { interaction: input, options: parsed.data, ephemeral, services: this.#services };
    return answerInTime(async () => command.execute(context), commandSteps(responder, ephemeral), this.#policy(command));
  }

  async #autocomplete(input: AutocompleteInput, responder: TrackedResponder): Promise<unknown> {
    const command = this.#commands.get(input.commandName);
    const choices = command?.autocomplete ? await command.autocomplete({ interaction: input, focused: input.focused, services: this.#services }) : [];
    return responder.choices(choices.slice(0, DISCORD_LIMITS.autocompleteChoices));
  }

  async #button(input: ButtonInput, responder: TrackedResponder): Promise<unknown> {
    const ref = decodePageRef(input.customId);
    const command = ref ? this.#commands.get(ref.command) : undefined;
    if (!ref || !command) return responder.reply(notice('That button belongs to a command this bot no longer has.'));
    if (await this.#rateLimited(input.userId, responder)) return;
    const query = pageQuery(this.#services.answers.db, ref);
    const lookup = ref.command;
    if (!command.page && !isLookupName(lookup)) return responder.reply(notice('That button belongs to a command this bot no longer has.'));
    if (query === null && !command.page) return responder.reply(expiredPageNotice());
    const page = (): Promise<MessagePayload> =>
      command.page
        ? Promise.resolve(command.page(ref, { interaction: input, query, services: this.#services }))
        : this.#services.lookups.ask({ command: lookup as LookupName, query: query! }, { page: ref.page });
    return answerInTime(page, buttonSteps(responder), this.#policy(command));
  }

  /** True (and the user told, politely) when this user has used up their requests for now. */
  async #rateLimited(userId: string, responder: TrackedResponder): Promise<boolean> {
    const decision = this.#limiter.take(userId);
    if (decision.allowed) return false;
    this.#services.log.info('rate limited', { userId, retryAfterMs: decision.retryAfterMs });
    await responder.reply(rateLimitNotice(decision.retryAfterMs));
    return true;
  }

  #policy(command: BotCommand): AckPolicy {
    return { mode: command.ack ?? 'auto', deferAfterMs: this.#deferAfterMs };
  }

  #logAnswered(input: InteractionInput, responder: TrackedResponder): void {
    this.#services.log.info('answered', {
      interactionId: input.id,
      kind: input.kind,
      command: input.kind === 'button' ? input.customId.split(':')[1] : input.commandName,
      ack: responder.state,
      ms: Math.round(this.#services.clock() - input.receivedAt),
    });
  }

  /** Logs the failure with a fresh error id and tells the user that id, however far the answer got. */
  async #reportFailure(input: InteractionInput, responder: TrackedResponder, error: unknown): Promise<void> {
    if (isReadOnlyRefusal(error)) {
      this.#services.log.info('write refused: read-only index', { interactionId: input.id, command: input.kind === 'button' ? input.customId : input.commandName });
      await this.#sendFailure(input, responder, readOnlyNotice()).catch((replyError: unknown) => this.#services.log.error('could not tell the user about a failure', { interactionId: input.id, error: replyError }));
      return;
    }
    const errorId = newErrorId();
    const command = input.kind === 'button' ? input.customId : input.commandName;
    this.#services.log.error('interaction failed', { errorId, interactionId: input.id, kind: input.kind, command, ackState: responder.state, error });
    try {
      await this.#sendFailure(input, responder, failureNotice(errorId));
    } catch (replyError) {
      this.#services.log.error('could not tell the user about a failure', { errorId, interactionId: input.id, error: replyError });
    }
  }

  #sendFailure(input: InteractionInput, responder: TrackedResponder, body: MessagePayload): Promise<boolean> {
    if (input.kind === 'autocomplete') return responder.state === 'none' ? responder.choices([]) : Promise.resolve(false);
    switch (responder.state) {
      case 'none':
        return responder.reply(body);
      case 'deferred':
        return responder.editOriginal(body);
      case 'deferredUpdate':
      case 'replied':
        return responder.followUp(body);
    }
  }
}

/** SQLite refusing a write on a connection opened read-only (DB_READONLY=1): expected, not a bug. */
function isReadOnlyRefusal(error: unknown): boolean {
  return (error as { code?: unknown }).code === 'SQLITE_READONLY';
}

function isPrivateByDefault(command: BotCommand, input: CommandInput): boolean {
  return typeof command.ephemeral === 'function' ? command.ephemeral(input) : command.ephemeral === true;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
