/**
 * Interaction routes: the initial callback and the interaction webhook (follow-ups, @original).
 *
 * Discord's rules modelled here, in the order Discord applies them:
 * - the callback must name a live interaction with its token, within the callback window
 *   (3 s) → else 404 / 10062 "Unknown interaction";
 * - only one initial callback → else 400 / 40060 "Interaction has already been acknowledged.";
 * - the body must be valid (schema + limits) → else 400 / 50035;
 * - the callback type must suit the interaction type (no UPDATE_MESSAGE for a slash command,
 *   only AUTOCOMPLETE_RESULT for autocomplete…);
 * - the webhook token works for 15 minutes → else 404 / 10015 "Unknown Webhook".
 */
import type { APIMessage, APIMessageInteractionMetadata } from 'discord.js';
import {
  alreadyAcknowledged,
  emptyMessage,
  invalidFormBody,
  unknownInteraction,
  unknownMessage,
  unknownWebhook,
} from './errors.js';
import { ALLOWED_CALLBACKS, InteractionType, type InteractionRecord } from './interactions.js';
import { isEmptyMessage } from './limits.js';
import { applyMessageBody, MessageFlag, messageObject, type MessageBody } from './objects.js';
import type { RouteContext, RouteDef, RouteResult } from './rest.js';
import { nextSnowflake } from './snowflake.js';
import { CallbackType, toDiscordErrors } from './validate.js';
import type { World } from './world.js';

/** Message types Discord gives interaction responses. */
const MessageType = { Default: 0, ChatInputCommand: 20, ContextMenuCommand: 23 } as const;

export function interactionRoutes(world: World): RouteDef[] {
  const config = world.config;

  // --- the initial callback -------------------------------------------------------------------------

  const callback = (ctx: RouteContext): RouteResult => {
    const record = world.interactions.get(ctx.params.id ?? '');
    if (!record || record.token !== ctx.params.token) throw unknownInteraction();
    if (record.callback) throw alreadyAcknowledged();
    if (Date.now() - record.createdAt > config.callbackWindowMs) throw unknownInteraction();

    const body = (ctx.body ?? {}) as { type?: unknown; data?: Record<string, unknown> };
    const type = typeof body.type === 'number' ? body.type : -1;
    const writesMessage = type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage;
    const write = writesMessage
      ? {
          kind: type === CallbackType.UpdateMessage ? ('edit' as const) : ('create' as const),
          message: body.data,
          interactionId: record.id,
          channelId: record.channelId,
        }
      : undefined;
    ctx.validate('interactionCallback', { interactionId: record.id, ...(write ? { write } : {}) });

    if (!(ALLOWED_CALLBACKS[record.type] ?? []).includes(type)) {
      const issue = {
        path: 'type',
        code: 'INTERACTION_RESPONSE_TYPE_INVALID',
        message: `Callback type ${type} is not valid for interaction type ${record.type}`,
      };
      ctx.violation('semantic', [issue], record.id);
      throw invalidFormBody(toDiscordErrors([{ ...issue, segments: ['type'] }]));
    }
    if (type === CallbackType.ChannelMessageWithSource && isEmptyMessage(body.data, ctx.files.length)) {
      ctx.violation('semantic', [{ path: 'data', code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' }], record.id);
      if (write) ctx.recordWrite(write, false);
      throw emptyMessage();
    }

    // Accepted: from here on the interaction is acknowledged.
    record.callback = { type, body: { type, ...(body.data ? { data: body.data } : {}) }, time: ctx.request.time };
    const data = (body.data ?? {}) as MessageBody;
    switch (type) {
      case CallbackType.ChannelMessageWithSource: {
        const message = createResponseMessage(world, record, data, ctx);
        record.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredChannelMessageWithSource: {
        // The "Bot is thinking…" placeholder: an empty message flagged LOADING (and ephemeral if asked).
        const flags = MessageFlag.Loading | ((data.flags ?? 0) & MessageFlag.Ephemeral);
        const message = createResponseMessage(world, record, { flags: 0 }, ctx);
        message.flags = flags;
        record.originalMessageId = message.id;
        break;
      }
      case CallbackType.DeferredUpdateMessage:
      case CallbackType.UpdateMessage: {
        // Component interactions: @original is the message the component sits on.
        const messageId = 'message' in record.payload ? record.payload.message?.id : undefined;
        record.originalMessageId = messageId;
        const entry = messageId ? world.messages.get(messageId) : undefined;
        if (type === CallbackType.UpdateMessage && entry) {
          applyMessageBody(entry.message, data, ctx.files);
          entry.message.edited_timestamp = new Date().toISOString();
        }
        break;
      }
      default:
        break; // autocomplete results, modals: nothing visible in the channel
    }
    if (write) ctx.recordWrite(write, true);
    world.changed();

    if (ctx.query.with_response !== 'true') return { status: 204 };
    return { status: 200, body: callbackResponse(world, record, type) };
  };

  // --- the interaction webhook --------------------------------------------------------------------------

  const webhookRecord = (ctx: RouteContext): InteractionRecord => {
    if (ctx.params.app !== config.applicationId) throw unknownWebhook();
    const record = world.interactionByToken(ctx.params.token ?? '');
    if (!record || Date.now() - record.createdAt > config.webhookTtlMs) throw unknownWebhook();
    return record;
  };

  /** The message a webhook route addresses: @original or one of this interaction's messages. */
  const targetMessage = (record: InteractionRecord, messageParam: string | undefined): APIMessage => {
    const id = messageParam === undefined ? record.originalMessageId : messageParam;
    const belongs = id !== undefined && (id === record.originalMessageId || record.followUpIds.includes(id));
    const entry = belongs ? world.messages.get(id) : undefined;
    if (!entry || entry.deleted) throw unknownMessage();
    return entry.message;
  };

  const getMessage = (ctx: RouteContext): RouteResult => {
    const record = webhookRecord(ctx);
    return { status: 200, body: targetMessage(record, ctx.params.message) };
  };

  const editMessage = (ctx: RouteContext): RouteResult => {
    const record = webhookRecord(ctx);
    const message = targetMessage(record, ctx.params.message);
    const write = { kind: 'edit' as const, message: ctx.body, interactionId: record.id, channelId: message.channel_id };
    ctx.validate('webhookEdit', { interactionId: record.id, write });

    const wasLoading = ((message.flags ?? 0) & MessageFlag.Loading) !== 0;
    const before = structuredClone(message);
    applyMessageBody(message, ctx.body as MessageBody, ctx.files);
    if (isEmptyMessage(message, message.attachments.length)) {
      // Discord refuses an edit that leaves nothing to show; undo.
      Object.assign(message, before);
      ctx.violation('semantic', [{ path: '', code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' }], record.id);
      ctx.recordWrite(write, false);
      throw emptyMessage();
    }
    // Fulfilling the "thinking…" placeholder is not an edit in the client's eyes.
    if (!wasLoading) message.edited_timestamp = new Date().toISOString();
    record.edits.push({ time: ctx.request.time, messageId: message.id, body: ctx.body as MessageBody });
    ctx.recordWrite(write, true);
    return { status: 200, body: message };
  };

  const deleteMessage = (ctx: RouteContext): RouteResult => {
    const record = webhookRecord(ctx);
    const message = targetMessage(record, ctx.params.message);
    const entry = world.messages.get(message.id);
    if (entry) entry.deleted = true;
    return { status: 204 };
  };

  const followUp = (ctx: RouteContext): RouteResult => {
    const record = webhookRecord(ctx);
    const write = { kind: 'create' as const, message: ctx.body, interactionId: record.id, channelId: record.channelId };
    ctx.validate('webhookExecute', { interactionId: record.id, write });
    if (!record.callback) {
      // The interaction webhook only exists once the interaction has been responded to.
      ctx.violation('semantic', [{ path: '', code: 'FOLLOWUP_BEFORE_RESPONSE', message: 'Follow-up sent before the initial response' }], record.id);
      ctx.recordWrite(write, false);
      throw unknownWebhook();
    }
    if (isEmptyMessage(ctx.body, ctx.files.length)) {
      ctx.violation('semantic', [{ path: '', code: 'EMPTY_MESSAGE', message: 'Cannot send an empty message' }], record.id);
      ctx.recordWrite(write, false);
      throw emptyMessage();
    }
    const body = ctx.body as MessageBody;

    // Discord's backwards-compatible behaviour: the first follow-up after a deferral, while the
    // "thinking…" placeholder is still showing, replaces the placeholder instead of adding a message.
    const original = record.originalMessageId ? world.messages.get(record.originalMessageId) : undefined;
    const placeholder =
      record.callback.type === CallbackType.DeferredChannelMessageWithSource &&
      original &&
      !original.deleted &&
      ((original.message.flags ?? 0) & MessageFlag.Loading) !== 0;
    let message: APIMessage;
    if (placeholder && original) {
      message = original.message;
      applyMessageBody(message, { flags: 0, ...body }, ctx.files);
      message.flags = (message.flags ?? 0) & ~MessageFlag.Loading;
      record.edits.push({ time: ctx.request.time, messageId: message.id, body });
    } else {
      message = createResponseMessage(world, record, body, ctx);
      record.followUpIds.push(message.id);
    }
    ctx.recordWrite(write, true);
    // Without ?wait=true Discord answers 204 and the caller never learns the message id.
    return ctx.query.wait === 'true' ? { status: 200, body: message } : { status: 204 };
  };

  return [
    { method: 'POST', template: '/interactions/:id/:token/callback', auth: 'token', handler: callback },
    { method: 'POST', template: '/webhooks/:app/:token', auth: 'token', handler: followUp },
    { method: 'GET', template: '/webhooks/:app/:token/messages/@original', auth: 'token', handler: getMessage },
    { method: 'PATCH', template: '/webhooks/:app/:token/messages/@original', auth: 'token', handler: editMessage },
    { method: 'DELETE', template: '/webhooks/:app/:token/messages/@original', auth: 'token', handler: deleteMessage },
    { method: 'GET', template: '/webhooks/:app/:token/messages/:message', auth: 'token', handler: getMessage },
    { method: 'PATCH', template: '/webhooks/:app/:token/messages/:message', auth: 'token', handler: editMessage },
    { method: 'DELETE', template: '/webhooks/:app/:token/messages/:message', auth: 'token', handler: deleteMessage },
  ];
}

/** A message sent in response to an interaction (reply, placeholder or follow-up). */
function createResponseMessage(world: World, record: InteractionRecord, body: MessageBody, ctx: RouteContext): APIMessage {
  const payload = record.payload;
  const data = 'data' in payload ? (payload.data as { name?: string; type?: number } | undefined) : undefined;
  const isCommand = record.type === InteractionType.ApplicationCommand;
  const metadata = {
    id: record.id,
    type: record.type,
    user: ('member' in payload && payload.member ? payload.member.user : payload.user) ?? world.botUser,
    authorizing_integration_owners: payload.authorizing_integration_owners,
    ...(isCommand && data?.name ? { name: data.name, command_type: data.type ?? 1 } : {}),
    ...('message' in payload && payload.message ? { interacted_message_id: payload.message.id } : {}),
  } as unknown as APIMessageInteractionMetadata;

  const message = messageObject(
    {
      id: nextSnowflake(),
      channelId: record.channelId,
      author: world.botUser,
      type: isCommand ? (data?.type === 1 || data?.type === undefined ? MessageType.ChatInputCommand : MessageType.ContextMenuCommand) : MessageType.Default,
      webhookId: world.config.applicationId,
      applicationId: world.config.applicationId,
      interactionMetadata: metadata,
    },
    body,
    ctx.files,
  );
  world.storeMessage({
    message,
    ...(record.guildId !== undefined ? { guildId: record.guildId } : {}),
    interactionId: record.id,
    deleted: false,
  });
  return message;
}

/** InteractionCallbackResponse, returned when the callback carries ?with_response=true. */
function callbackResponse(world: World, record: InteractionRecord, type: number): Record<string, unknown> {
  const original = record.originalMessageId ? world.messages.get(record.originalMessageId)?.message : undefined;
  const flags = original?.flags ?? 0;
  const interaction: Record<string, unknown> = {
    id: record.id,
    type: record.type,
    activity_instance_id: null,
    ...(original
      ? {
          response_message_id: original.id,
          response_message_loading: (flags & MessageFlag.Loading) !== 0,
          response_message_ephemeral: (flags & MessageFlag.Ephemeral) !== 0,
        }
      : {}),
  };
  const hasResource =
    original && (type === CallbackType.ChannelMessageWithSource || type === CallbackType.UpdateMessage);
  return { interaction, ...(hasResource ? { resource: { type, message: original } } : {}) };
}
