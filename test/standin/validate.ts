/**
 * Request-body validation: route → strict spec schema, then Discord's documented limits.
 *
 * Which schema for which route comes from the OpenAPI document the package is generated from
 * (`paths[...].requestBody`, see the table in ROUTE_SCHEMAS below). Where the OpenAPI body is an
 * `anyOf` over variants tagged by `type` (interaction callbacks), we pick the variant by `type`
 * first: same acceptance as the union, but the error names the field that is wrong instead of
 * "matched none of seven alternatives".
 */
import * as z from 'zod/mini';
import type { $ZodIssue, $ZodType } from 'zod/v4/core';
import * as spec from 'discord-api-spec/zod';
import { strictify } from './strict.js';
import {
  autocompleteLimitIssues,
  bulkCommandIssues,
  commandLimitIssues,
  formatPath,
  messageLimitIssues,
  type PathedIssue,
} from './limits.js';
import type { Violation, ViolationIssue } from './types.js';
import { isWellFormed } from '../../src/text/cut.js';

/** The kinds of request body the stand-in validates, one per family of routes. */
export type BodyKind =
  | 'interactionCallback' // POST /interactions/{id}/{token}/callback
  | 'webhookExecute' // POST /webhooks/{app}/{token}            (interaction follow-up)
  | 'webhookEdit' // PATCH /webhooks/{app}/{token}/messages/{@original|id}
  | 'messageCreate' // POST /channels/{id}/messages
  | 'messageEdit' // PATCH /channels/{id}/messages/{id}
  | 'commandsBulk' // PUT /applications/{app}[/guilds/{guild}]/commands
  | 'commandCreate' // POST /applications/{app}[/guilds/{guild}]/commands
  | 'commandPatch'; // PATCH /applications/{app}[/guilds/{guild}]/commands/{id}

/** Interaction callback types (InteractionResponseType). */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
  SocialLayerSkuPurchaseEligibility: 13,
} as const;

const strict = {
  pong: strictify(spec.PongInteractionCallbackRequestSchema),
  createMessage: strictify(spec.CreateMessageInteractionCallbackRequestSchema),
  updateMessage: strictify(spec.UpdateMessageInteractionCallbackRequestSchema),
  autocomplete: strictify(spec.ApplicationCommandAutocompleteCallbackRequestSchema),
  modal: strictify(spec.ModalInteractionCallbackRequestSchema),
  launchActivity: strictify(spec.LaunchActivityInteractionCallbackRequestSchema),
  skuEligibility: strictify(spec.SocialLayerSKUPurchaseEligibilityInteractionCallbackRequestSchema),
  // OpenAPI: execute_webhook body is anyOf [IncomingWebhookRequestPartial, IncomingWebhookUpdateRequestPartial].
  webhookExecute: z.union([
    strictify(spec.IncomingWebhookRequestPartialSchema),
    strictify(spec.IncomingWebhookUpdateRequestPartialSchema),
  ]),
  webhookEdit: strictify(spec.IncomingWebhookUpdateRequestPartialSchema),
  messageCreate: strictify(spec.MessageCreateRequestSchema),
  messageEdit: strictify(spec.MessageEditRequestPartialSchema),
  // OpenAPI: bulk_set_*_application_commands body is an array of ApplicationCommandUpdateRequest
  // (not ...CreateRequest: the update shape additionally allows `id`), maxItems 130.
  commandsBulk: z.array(strictify(spec.ApplicationCommandUpdateRequestSchema)).check(z.maxLength(130)),
  commandCreate: strictify(spec.ApplicationCommandCreateRequestSchema),
  commandPatch: strictify(spec.ApplicationCommandPatchRequestPartialSchema),
};

/** Callback `type` → the anyOf variant of create_interaction_response that carries it. */
const CALLBACK_SCHEMAS: Record<number, $ZodType> = {
  [CallbackType.Pong]: strict.pong,
  [CallbackType.ChannelMessageWithSource]: strict.createMessage,
  [CallbackType.DeferredChannelMessageWithSource]: strict.createMessage,
  [CallbackType.DeferredUpdateMessage]: strict.updateMessage,
  [CallbackType.UpdateMessage]: strict.updateMessage,
  [CallbackType.ApplicationCommandAutocompleteResult]: strict.autocomplete,
  [CallbackType.Modal]: strict.modal,
  [CallbackType.LaunchActivity]: strict.launchActivity,
  [CallbackType.SocialLayerSkuPurchaseEligibility]: strict.skuEligibility,
};

/**
 * Known, deliberate differences between what discord.js 14 puts on the wire and the spec's
 * request schemas, which real Discord accepts. Without these every discord.js reply would be a
 * "violation" and the signal would drown. Each application is recorded (`standin.quirks`), and
 * the list is short on purpose: anything else unknown is still rejected.
 */
interface Quirk {
  id: string;
  kinds: readonly BodyKind[];
  /** Mutates the (already cloned) body; returns a description when it changed something. */
  apply(body: unknown, kind: BodyKind): string | null;
}

const MESSAGE_BODY_KINDS: readonly BodyKind[] = ['interactionCallback', 'webhookExecute', 'webhookEdit'];

const QUIRKS: readonly Quirk[] = [
  {
    // MessagePayload.resolveBody() always emits `enforce_nonce` (false unless a nonce is enforced),
    // and `tts` (false) — also on interaction responses and webhook edits, whose schemas have
    // neither (only channel messages do). Discord ignores them there.
    id: 'discordjs-message-defaults',
    kinds: MESSAGE_BODY_KINDS,
    apply(body, kind) {
      const target = kind === 'interactionCallback' ? recordAt(body, 'data') : asRecord(body);
      if (!target) return null;
      const removed: string[] = [];
      if (target.enforce_nonce === false) {
        delete target.enforce_nonce;
        removed.push('enforce_nonce=false');
      }
      const schemaHasTts = kind !== 'webhookEdit' && !(kind === 'interactionCallback' && isUpdateCallback(body));
      if (!schemaHasTts && target.tts === false) {
        delete target.tts;
        removed.push('tts=false');
      }
      return removed.length > 0 ? `ignored ${removed.join(', ')}` : null;
    },
  },
  {
    // Discord documents default_member_permissions as a *string* bitfield ("?string") and
    // discord.js sends it that way; the OpenAPI document types it as an integer.
    id: 'default-member-permissions-string',
    kinds: ['commandsBulk', 'commandCreate', 'commandPatch'],
    apply(body) {
      const commands = Array.isArray(body) ? body : [body];
      let changed = 0;
      for (const command of commands) {
        const record = asRecord(command);
        if (record && typeof record.default_member_permissions === 'string' && /^\d+$/.test(record.default_member_permissions)) {
          record.default_member_permissions = Number(record.default_member_permissions);
          changed += 1;
        }
      }
      return changed > 0 ? `read ${changed} string default_member_permissions as integers` : null;
    },
  },
];

export interface ValidationOutcome {
  ok: boolean;
  /** Category of the first failing stage (schema before limits). */
  kind?: Violation['kind'];
  issues: ViolationIssue[];
  /** Discord's nested `errors` object for the 400 response. */
  errors: Record<string, unknown>;
  /** Quirks that were applied before validating. */
  quirks: Array<{ quirk: string; detail: string }>;
}

/** Validates a request body of the given kind. Never throws. */
export function validateBody(kind: BodyKind, rawBody: unknown): ValidationOutcome {
  const body = structuredClone(rawBody);
  const quirks: ValidationOutcome['quirks'] = [];
  for (const quirk of QUIRKS) {
    if (!quirk.kinds.includes(kind)) continue;
    const detail = quirk.apply(body, kind);
    if (detail) quirks.push({ quirk: quirk.id, detail });
  }

  const schemaIssues = schemaCheck(kind, body);
  // Limits supplement the schema; where the schema already flagged a field, one report is enough.
  const flagged = new Set(schemaIssues.map((i) => i.path));
  const limitIssues = limitCheck(kind, body).filter((i) => !flagged.has(i.path));
  const all = [...schemaIssues, ...limitIssues, ...illFormedStrings(body, [])];
  return {
    ok: all.length === 0,
    kind: schemaIssues.length > 0 ? 'schema' : limitIssues.length > 0 ? 'limit' : undefined,
    issues: all.map(({ path, code, message }) => ({ path, code, message })),
    errors: toDiscordErrors(all),
    quirks,
  };
}

/** Every string of every outgoing body must be well-formed UTF-16: text cut inside an emoji is not. */
function illFormedStrings(value: unknown, path: (string | number)[]): PathedIssue[] {
  if (typeof value === 'string') return isWellFormed(value) ? [] : [pathed(path, 'STRING_ILL_FORMED', 'String contains an unpaired surrogate (text cut inside a character).')];
  if (Array.isArray(value)) return value.flatMap((v, i) => illFormedStrings(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => illFormedStrings(v, [...path, k]));
  return [];
}

function schemaCheck(kind: BodyKind, body: unknown): PathedIssue[] {
  let schema: $ZodType | undefined;
  if (kind === 'interactionCallback') {
    const type = asRecord(body)?.type;
    schema = typeof type === 'number' ? CALLBACK_SCHEMAS[type] : undefined;
    if (!schema) {
      const allowed = Object.keys(CALLBACK_SCHEMAS).join(', ');
      return [pathed(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed}}.`)];
    }
  } else {
    schema = strict[kind];
  }
  const result = z.safeParse(schema, body, { reportInput: true });
  return result.success ? [] : flattenIssues(result.error.issues, []);
}

function limitCheck(kind: BodyKind, body: unknown): PathedIssue[] {
  switch (kind) {
    case 'interactionCallback': {
      const record = asRecord(body);
      if (!record) return [];
      if (record.type === CallbackType.ApplicationCommandAutocompleteResult) {
        return autocompleteLimitIssues(record.data, ['data']);
      }
      return messageLimitIssues(record.data, ['data']);
    }
    case 'webhookExecute':
    case 'webhookEdit':
    case 'messageCreate':
    case 'messageEdit':
      return messageLimitIssues(body);
    case 'commandsBulk':
      return bulkCommandIssues(body);
    case 'commandCreate':
      return commandLimitIssues(body, []);
    case 'commandPatch':
      return commandLimitIssues(body, [], true);
  }
}

// ---------------------------------------------------------------------------------------------
// zod issues → Discord-style issues
// ---------------------------------------------------------------------------------------------

function pathed(segments: Array<string | number>, code: string, message: string): PathedIssue {
  return { path: formatPath(segments), segments, code, message };
}

function flattenIssues(issues: readonly $ZodIssue[], prefix: Array<string | number>): PathedIssue[] {
  const out: PathedIssue[] = [];
  for (const zodIssue of issues) {
    const segments = [...prefix, ...zodIssue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    switch (zodIssue.code) {
      case 'unrecognized_keys':
        // One entry per key, so the report points at the offending field itself.
        for (const key of zodIssue.keys) {
          out.push(
            pathed(
              [...segments, key],
              'STANDIN_UNKNOWN_FIELD',
              `Unknown field "${key}" (not in the spec's request schema; real Discord would silently ignore it)`,
            ),
          );
        }
        break;
      case 'invalid_union': {
        const best = closestBranch(zodIssue.errors);
        if (best) out.push(...flattenIssues(best, segments));
        else out.push(pathed(segments, 'UNION_TYPE_CHOICES', 'Value matches none of the allowed shapes.'));
        break;
      }
      default:
        out.push(pathed(segments, ...describe(zodIssue)));
    }
  }
  return out;
}

/**
 * For a failed union, report the alternative that came closest: fewest issues, and not one that
 * failed on its discriminator (`type`), because "wrong variant" is rarely what the author meant.
 */
function closestBranch(branches: readonly (readonly $ZodIssue[])[]): readonly $ZodIssue[] | undefined {
  let best: readonly $ZodIssue[] | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const branch of branches) {
    // A branch that rejects the value's very kind (e.g. "expected undefined" for an object) or its
    // discriminator is the wrong alternative, not the closest one.
    const discriminatorMiss = branch.some(
      (i) =>
        (i.code === 'invalid_value' && i.path.length === 1 && i.path[0] === 'type') ||
        (i.code === 'invalid_type' && i.path.length === 0),
    );
    const score = branch.length + (discriminatorMiss ? 1000 : 0);
    if (score < bestScore) {
      best = branch;
      bestScore = score;
    }
  }
  return best;
}

function describe(zodIssue: $ZodIssue): [code: string, message: string] {
  switch (zodIssue.code) {
    case 'invalid_type':
      return zodIssue.input === undefined
        ? ['BASE_TYPE_REQUIRED', 'This field is required']
        : ['BASE_TYPE_BAD_TYPE', `Expected ${zodIssue.expected}, got ${describeValue(zodIssue.input)}.`];
    case 'too_big':
      return zodIssue.origin === 'string' || zodIssue.origin === 'array'
        ? ['BASE_TYPE_MAX_LENGTH', `Must be ${String(zodIssue.maximum)} or fewer in length.`]
        : ['NUMBER_TYPE_MAX', `Value should be less than or equal to ${String(zodIssue.maximum)}.`];
    case 'too_small':
      return zodIssue.origin === 'string' || zodIssue.origin === 'array'
        ? ['BASE_TYPE_MIN_LENGTH', `Must be ${String(zodIssue.minimum)} or more in length.`]
        : ['NUMBER_TYPE_MIN', `Value should be greater than or equal to ${String(zodIssue.minimum)}.`];
    case 'invalid_value':
      return ['BASE_TYPE_CHOICES', `Value must be one of ${JSON.stringify(zodIssue.values)}.`];
    case 'invalid_format':
      return zodIssue.format === 'url'
        ? ['URL_TYPE_INVALID_URL', 'Not a well formed URL.']
        : ['STRING_TYPE_REGEX', `String value did not match the ${zodIssue.format} format.`];
    default:
      return ['BASE_TYPE_INVALID', zodIssue.message];
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/**
 * Folds issues into Discord's nested error object:
 * `{ data: { embeds: { 0: { title: { _errors: [{ code, message }] } } } } }`.
 */
export function toDiscordErrors(issues: readonly PathedIssue[]): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const { segments, code, message } of issues) {
    let node = root;
    for (const segment of segments) {
      const key = String(segment);
      const next = node[key];
      if (typeof next === 'object' && next !== null) node = next as Record<string, unknown>;
      else {
        const created: Record<string, unknown> = {};
        node[key] = created;
        node = created;
      }
    }
    const list = (node._errors as Array<{ code: string; message: string }> | undefined) ?? [];
    list.push({ code, message });
    node._errors = list;
  }
  return root;
}

// ---------------------------------------------------------------------------------------------

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function recordAt(value: unknown, key: string): Record<string, unknown> | undefined {
  return asRecord(asRecord(value)?.[key]);
}

function isUpdateCallback(body: unknown): boolean {
  const type = asRecord(body)?.type;
  return type === CallbackType.DeferredUpdateMessage || type === CallbackType.UpdateMessage;
}
