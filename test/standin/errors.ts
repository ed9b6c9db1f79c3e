/**
 * Discord's JSON error bodies, and an exception that carries one out of a route handler.
 *
 * Codes and messages are Discord's (https://discord.com/developers/docs/topics/opcodes-and-status-codes),
 * because discord.js surfaces them verbatim as `DiscordAPIError.code` / `.message` and the bot
 * may branch on them (10062 "Unknown interaction" after a slow handler is the classic).
 */

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: Record<string, unknown>;
}

/** Thrown inside a handler; the HTTP layer turns it into `status` + JSON `body`. */
export class DiscordHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: DiscordErrorBody,
  ) {
    super(`${status} ${body.code}: ${body.message}`);
    this.name = 'DiscordHttpError';
  }
}

export const JsonErrorCode = {
  General: 0,
  UnknownApplication: 10002,
  UnknownChannel: 10003,
  UnknownGuild: 10004,
  UnknownMessage: 10008,
  UnknownWebhook: 10015,
  UnknownApplicationCommand: 10063,
  UnknownInteraction: 10062,
  InteractionAlreadyAcknowledged: 40060,
  MissingAccess: 50001,
  CannotSendEmptyMessage: 50006,
  InvalidFormBody: 50035,
  InvalidJson: 50109,
} as const;

export function unauthorized(): DiscordHttpError {
  return new DiscordHttpError(401, { message: '401: Unauthorized', code: JsonErrorCode.General });
}

export function notFoundRoute(): DiscordHttpError {
  return new DiscordHttpError(404, { message: '404: Not Found', code: JsonErrorCode.General });
}

export function unknownInteraction(): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown interaction', code: JsonErrorCode.UnknownInteraction });
}

export function alreadyAcknowledged(): DiscordHttpError {
  return new DiscordHttpError(400, {
    message: 'Interaction has already been acknowledged.',
    code: JsonErrorCode.InteractionAlreadyAcknowledged,
  });
}

export function unknownWebhook(): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown Webhook', code: JsonErrorCode.UnknownWebhook });
}

export function unknownChannel(): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown Channel', code: JsonErrorCode.UnknownChannel });
}

export function unknownGuild(): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown Guild', code: JsonErrorCode.UnknownGuild });
}

export function unknownMessage(): DiscordHttpError {
  return new DiscordHttpError(404, { message: 'Unknown Message', code: JsonErrorCode.UnknownMessage });
}

export function unknownCommand(): DiscordHttpError {
  return new DiscordHttpError(404, {
    message: 'Unknown application command',
    code: JsonErrorCode.UnknownApplicationCommand,
  });
}

export function missingAccess(): DiscordHttpError {
  return new DiscordHttpError(403, { message: 'Missing Access', code: JsonErrorCode.MissingAccess });
}

export function emptyMessage(): DiscordHttpError {
  return new DiscordHttpError(400, {
    message: 'Cannot send an empty message',
    code: JsonErrorCode.CannotSendEmptyMessage,
  });
}

export function invalidJson(): DiscordHttpError {
  return new DiscordHttpError(400, {
    message: 'The request body contains invalid JSON.',
    code: JsonErrorCode.InvalidJson,
  });
}

export function invalidFormBody(errors: Record<string, unknown>): DiscordHttpError {
  return new DiscordHttpError(400, { message: 'Invalid Form Body', code: JsonErrorCode.InvalidFormBody, errors });
}
