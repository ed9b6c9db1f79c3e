/**
 * Public types of the Discord stand-in: its configuration and everything it records.
 */

export interface StandInChannelConfig {
  id: string;
  name: string;
  /** Discord channel type; 0 (GUILD_TEXT) unless given. */
  type?: number;
  topic?: string | null;
}

export interface StandInGuildConfig {
  id: string;
  name: string;
  channels: StandInChannelConfig[];
  /** Guild locale sent as `guild_locale` in interactions. Default "en-US". */
  locale?: string;
  /**
   * Permissions of the bot in this guild (its role), as a bitfield. They become `app_permissions`
   * on interactions and the permissions discord.js computes from GUILD_CREATE. Default: the usual
   * text-bot set (view, send, embed links, attach files, read history, use application commands).
   */
  botPermissions?: bigint | string;
}

export interface StandInConfig {
  token: string;
  /** A real-looking snowflake (17–19 digits): @discordjs/rest buckets webhook routes by it. */
  applicationId: string;
  botUserId: string;
  botUsername?: string;
  guilds?: StandInGuildConfig[];
  /** How long an interaction accepts its initial callback. Discord: 3 s. */
  callbackWindowMs?: number;
  /** How long the interaction token works for webhooks (follow-ups, @original). Discord: 15 min. */
  webhookTtlMs?: number;
  /** Sent in HELLO. Discord sends 41250 ms; tests that exercise heartbeats may lower it. */
  heartbeatIntervalMs?: number;
  /**
   * Privileged intents enabled for the application in the (imaginary) developer portal.
   * IDENTIFY with any other privileged intent is closed with 4014, like Discord does. Default 0.
   */
  privilegedIntents?: number;
  /**
   * Format of the `Retry-After` header on injected 429s. "exact" repeats the body's float
   * (fast tests); "ceil" rounds up to whole seconds as HTTP's Retry-After grammar requires.
   */
  retryAfterHeader?: 'exact' | 'ceil';
  /** How long a disconnected gateway session stays resumable. Default 5 minutes. */
  resumeWindowMs?: number;
  /** Log every request and gateway frame to stderr (debugging aid). */
  debug?: boolean;
}

export interface StartedStandIn {
  /** Pass as discord.js `rest.api` (it appends `/v10`). */
  restBase: string;
  /** `restBase` + `/v10`, for raw fetches in tests. */
  apiBase: string;
  /** What GET /gateway/bot returns. */
  gatewayUrl: string;
  /** What READY's `resume_gateway_url` points at (a distinct path, so resumes are visible). */
  resumeGatewayUrl: string;
  port: number;
}

export interface RecordedFile {
  field: string;
  name: string;
  size: number;
  contentType: string;
}

export interface RecordedRequest {
  /** 1-based order of arrival. */
  seq: number;
  method: string;
  /** Path below `/api/v10`, e.g. `/interactions/123/tok/callback` (the full path if outside it). */
  path: string;
  query: Record<string, string>;
  /** Route template that matched, e.g. `POST /interactions/:id/:token/callback`; null if none did. */
  route: string | null;
  /** Parsed JSON body (or multipart `payload_json`); undefined without a body. */
  body: unknown;
  files: RecordedFile[];
  /** Lower-cased headers; `authorization` is reduced to "Bot [valid]", "Bot [invalid]" or absent. */
  headers: Record<string, string>;
  /** Epoch milliseconds (fractional) when the request arrived. */
  time: number;
  /** Filled in when the response is sent. */
  status?: number;
  responseBody?: unknown;
  /** Set when an injected fault produced (or delayed) the response. */
  fault?: string;
}

export interface ViolationIssue {
  /** Dotted path into the request body, e.g. `data.embeds[0].title`. */
  path: string;
  /** Discord-style error code (e.g. BASE_TYPE_MAX_LENGTH) or STANDIN_* for the stand-in's own strictness. */
  code: string;
  message: string;
}

export interface Violation {
  time: number;
  method: string;
  path: string;
  route: string;
  /** `schema`: the spec's (strict) request schema; `limit`: Discord's documented limits; `semantic`: other Discord rules. */
  kind: 'schema' | 'limit' | 'semantic';
  issues: ViolationIssue[];
  body: unknown;
  /** Interaction the request belonged to, when there is one. */
  interactionId?: string;
}

/** One body that creates or edits a visible message, kept so tests can audit `allowed_mentions`. */
export interface MessageWrite {
  time: number;
  method: string;
  path: string;
  route: string;
  kind: 'create' | 'edit';
  allowedMentionsPresent: boolean;
  allowedMentions: unknown;
  body: unknown;
  interactionId?: string;
  channelId?: string;
  /** False when the write was rejected (validation, expiry…). */
  accepted: boolean;
}

/** A wire-level difference between what discord.js sends and the spec that Discord tolerates. */
export interface ToleratedQuirk {
  time: number;
  route: string;
  quirk: string;
  detail: string;
}

export interface IdentifyRecord {
  time: number;
  connectionId: number;
  token: string;
  intents: number;
  properties: unknown;
  shard: unknown;
  compress: boolean;
  sessionId?: string;
}

export interface ResumeRecord {
  time: number;
  connectionId: number;
  sessionId: string;
  /** Sequence the client said it had seen. */
  seq: number;
  /** Dispatches re-sent because the client missed them. */
  replayed: number;
  /** Whether the resume succeeded (false → op 9 was sent). */
  ok: boolean;
  /** Path the client connected to (the resume URL path when it honoured resume_gateway_url). */
  connectionPath: string;
}

export interface GatewayFrameRecord {
  time: number;
  connectionId: number;
  direction: 'in' | 'out';
  op: number;
  t?: string | null;
  s?: number | null;
}

export interface GatewayCloseRecord {
  time: number;
  connectionId: number;
  code: number;
  by: 'client' | 'server';
  reason: string;
}
