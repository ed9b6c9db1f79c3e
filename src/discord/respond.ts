/**
 * Tracks what has been sent for one interaction, so the error path knows
 * whether to reply, edit, or follow up; and turns Discord's "Unknown
 * interaction" (10062: the token expired or Discord forgot it) and "already
 * acknowledged" (40060: another process or a retried request answered first)
 * into logged warnings instead of exceptions.
 */
import type { Choice } from '../answers/autocomplete.js';
import type { MessagePayload } from '../render/discord.js';
import type { Responder } from './interaction.js';
import type { BotLog } from './log.js';
import { withoutFlags } from './notices.js';

export const UNKNOWN_INTERACTION = 10062;
export const ALREADY_ACKNOWLEDGED = 40060;

export type AckState = 'none' | 'replied' | 'deferred' | 'deferredUpdate';

export function isGoneOrAnswered(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === UNKNOWN_INTERACTION || code === ALREADY_ACKNOWLEDGED;
}

export class TrackedResponder {
  state: AckState = 'none';
  /** Set once Discord said the interaction is gone (10062): further sends are pointless. */
  abandoned = false;

  constructor(
    private readonly inner: Responder,
    private readonly log: BotLog,
    private readonly interactionId: string,
  ) {}

  reply(body: MessagePayload): Promise<boolean> {
    return this.#send('replied', () => this.inner.reply(body));
  }

  defer(ephemeral: boolean): Promise<boolean> {
    return this.#send('deferred', () => this.inner.defer(ephemeral));
  }

  update(body: MessagePayload): Promise<boolean> {
    return this.#send('replied', () => this.inner.update(body));
  }

  deferUpdate(): Promise<boolean> {
    return this.#send('deferredUpdate', () => this.inner.deferUpdate());
  }

  choices(choices: Choice[]): Promise<boolean> {
    return this.#send('replied', () => this.inner.choices(choices));
  }

  editOriginal(body: MessagePayload): Promise<boolean> {
    return this.#send(this.state, () => this.inner.editOriginal(withoutFlags(body)));
  }

  followUp(body: MessagePayload): Promise<boolean> {
    return this.#send(this.state, () => this.inner.followUp(body));
  }

  /**
   * Sends; false (logged) when Discord refuses with 10062 or 40060. After 40060 the
   * interaction counts as acknowledged: usually our own request did land and only its
   * response was lost, so a deferred answer should still be edited in.
   */
  async #send(next: AckState, send: () => Promise<void>): Promise<boolean> {
    if (this.abandoned) return false;
    try {
      await send();
      this.state = next;
      return true;
    } catch (error) {
      if (!isGoneOrAnswered(error)) throw error;
      const code = (error as { code: number }).code;
      if (code === UNKNOWN_INTERACTION) this.abandoned = true;
      else this.state = next;
      this.log.warn('interaction could not be answered', { interactionId: this.interactionId, code });
      return false;
    }
  }
}
