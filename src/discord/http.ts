/**
 * HTTP interactions mode: Discord POSTs each interaction to our endpoint
 * instead of sending it over the gateway. We check the signature, answer PING
 * with PONG, and hand everything else to the same router as the gateway; the
 * first callback becomes the HTTP response, later edits go through REST.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Routes, type REST } from 'discord.js';
import { z } from 'zod';
import type { MessagePayload } from '../render/discord.js';
import { EPHEMERAL_FLAG } from '../render/limits.js';
import { flattenOptions, messageCommandInput, type InteractionInput, type RawOption, type Responder } from './interaction.js';
import type { BotLog } from './log.js';
import { ALREADY_ACKNOWLEDGED, UNKNOWN_INTERACTION } from './respond.js';
import type { InteractionRouter } from './router.js';
import { SignatureVerifier } from './signature.js';

/** Discord's interaction payloads are a few KB; anything much larger is not one. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Connections served at once: beyond them new ones wait in the kernel's queue, not in our memory. */
const MAX_CONNECTIONS = 128;
/** A whole request (headers and body) must arrive within this; Discord sends it at once. */
const REQUEST_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 5_000;
/** Listen on this host unless INTERACTIONS_HOST says otherwise: a reverse proxy on the same machine forwards to it. */
export const DEFAULT_INTERACTIONS_HOST = '127.0.0.1';

const InteractionType = { Ping: 1, ApplicationCommand: 2, MessageComponent: 3, Autocomplete: 4 } as const;
const CallbackType = { Pong: 1, Reply: 4, Defer: 5, DeferUpdate: 6, Update: 7, Choices: 8 } as const;
const BUTTON = 2;
const MESSAGE_COMMAND = 3;

const RawOptionSchema: z.ZodType<RawOption> = z.lazy(() =>
  z.object({ name: z.string(), type: z.number(), value: z.unknown().optional(), focused: z.boolean().optional(), options: z.array(RawOptionSchema).optional() }),
);
const UserSchema = z.object({ id: z.string() });

/** The part of Discord's interaction object the bot reads. */
const RawInteractionSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  type: z.number().int(),
  token: z.string(),
  data: z
    .object({
      name: z.string().optional(),
      options: z.array(RawOptionSchema).optional(),
      custom_id: z.string().optional(),
      component_type: z.number().optional(),
      /** 1 chat input, 3 message context menu. */
      type: z.number().optional(),
      target_id: z.string().optional(),
      resolved: z.object({ messages: z.record(z.string(), z.object({ content: z.string().default('') })).optional() }).optional(),
    })
    .optional(),
  guild_id: z.string().optional(),
  channel_id: z.string().optional(),
  // A permissions bit set as a decimal string; anything else is not from Discord.
  member: z.object({ user: UserSchema, permissions: z.string().regex(/^\d{1,40}$/).optional() }).optional(),
  user: UserSchema.optional(),
  locale: z.string().optional(),
});
type RawInteraction = z.infer<typeof RawInteractionSchema>;

export function httpInput(raw: RawInteraction, receivedAt: number): InteractionInput | null {
  const userId = raw.member?.user.id ?? raw.user?.id;
  if (!userId) return null;
  const common = {
    id: raw.id,
    userId,
    guildId: raw.guild_id ?? null,
    channelId: raw.channel_id ?? null,
    locale: raw.locale ?? null,
    memberPermissions: raw.member?.permissions !== undefined ? BigInt(raw.member.permissions) : null,
    receivedAt,
  };
  const data = raw.data ?? {};
  if (raw.type === InteractionType.ApplicationCommand || raw.type === InteractionType.Autocomplete) {
    const commandName = data.name ?? '';
    if (raw.type === InteractionType.ApplicationCommand && data.type === MESSAGE_COMMAND) {
      return messageCommandInput(common, commandName, data.resolved?.messages?.[data.target_id ?? '']?.content ?? '');
    }
    const { focused, ...flat } = flattenOptions(data.options);
    if (raw.type === InteractionType.ApplicationCommand) return { kind: 'command', ...common, commandName, ...flat };
    return { kind: 'autocomplete', ...common, commandName, ...flat, focused: focused ?? { name: '', value: '' } };
  }
  if (raw.type === InteractionType.MessageComponent && data.component_type === BUTTON && data.custom_id !== undefined) {
    return { kind: 'button', ...common, customId: data.custom_id };
  }
  return null;
}

function discordError(code: number, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Writes a JSON response; resolves when it is sent or the connection is gone. */
function sendJson(res: ServerResponse, status: number, body: unknown): Promise<void> {
  return new Promise((resolve) => {
    res.once('finish', resolve);
    res.once('close', resolve);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  });
}

/** The Responder for one HTTP interaction: the first callback is the HTTP response. */
class HttpCallback {
  sent = false;

  constructor(
    private readonly res: ServerResponse,
    private readonly rest: REST,
    private readonly applicationId: string,
    private readonly token: string,
  ) {}

  async initial(type: number, data?: unknown): Promise<void> {
    if (this.sent) throw discordError(ALREADY_ACKNOWLEDGED, 'Interaction has already been acknowledged.');
    // Discord gave up waiting and closed the request: the interaction is gone.
    if (this.res.destroyed) throw discordError(UNKNOWN_INTERACTION, 'Unknown interaction');
    this.sent = true;
    await sendJson(this.res, 200, data === undefined ? { type } : { type, data });
  }

  responder(): Responder {
    const original = Routes.webhookMessage(this.applicationId, this.token, '@original');
    return {
      reply: (body) => this.initial(CallbackType.Reply, body),
      defer: (ephemeral) => this.initial(CallbackType.Defer, ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
      update: (body) => this.initial(CallbackType.Update, body),
      deferUpdate: () => this.initial(CallbackType.DeferUpdate),
      choices: (choices) => this.initial(CallbackType.Choices, { choices }),
      editOriginal: (body: MessagePayload) => untilDiscordCaughtUp(() => this.rest.patch(original, { body, auth: false })),
      followUp: (body: MessagePayload) => untilDiscordCaughtUp(() => this.rest.post(Routes.webhook(this.applicationId, this.token), { body, auth: false })),
    };
  }
}

const UNKNOWN_MESSAGE = 10008;
const UNKNOWN_WEBHOOK = 10015;
const CATCH_UP_DELAYS_MS = [100, 300, 700];

/**
 * Our first response travels in an HTTP reply that Discord must still process; an
 * edit sent right behind it can find no message yet. Retry that case briefly.
 */
async function untilDiscordCaughtUp(send: () => Promise<unknown>): Promise<void> {
  for (const delayMs of [...CATCH_UP_DELAYS_MS, null]) {
    try {
      await send();
      return;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (delayMs === null || (code !== UNKNOWN_MESSAGE && code !== UNKNOWN_WEBHOOK)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' };

/** The request's body up to `limit` bytes; a client that goes away mid-body is an ordinary event, not an error. */
function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        resolve({ ok: false, reason: 'too-large' });
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve({ ok: true, body: Buffer.concat(chunks) }));
    req.on('error', () => resolve({ ok: false, reason: 'aborted' }));
    req.on('close', () => resolve({ ok: false, reason: 'aborted' })); // no-op once settled
  });
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export interface HttpInteractionsOptions {
  port: number;
  host?: string;
  publicKeyHex: string;
  router: InteractionRouter;
  rest: REST;
  log: BotLog;
  clock: () => number;
}

export class HttpInteractionsServer {
  readonly #server: Server;
  readonly #verifier: SignatureVerifier;

  constructor(private readonly options: HttpInteractionsOptions) {
    this.#verifier = new SignatureVerifier(options.publicKeyHex, options.clock);
    this.#server = createServer({ requestTimeout: REQUEST_TIMEOUT_MS, headersTimeout: HEADERS_TIMEOUT_MS }, (req, res) => {
      this.#serve(req, res).catch((error: unknown) => {
        options.log.error('HTTP interaction handling failed', { error });
        if (!res.headersSent) void sendJson(res, 500, { error: 'internal error' });
      });
    });
    this.#server.maxConnections = MAX_CONNECTIONS;
    // A client that drops its connection is routine on the open internet: debug, not an error with a stack.
    this.#server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
      options.log.debug('HTTP client went away', { code: error.code });
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  /** Starts listening; resolves with the port (useful when 0 asked for any free one). */
  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(this.options.port, this.options.host ?? DEFAULT_INTERACTIONS_HOST, () => {
        const { port, address } = this.#server.address() as AddressInfo;
        this.options.log.info('serving HTTP interactions', { host: address, port });
        resolve(port);
      });
    });
  }

  /** Stops accepting connections, then closes the idle and remaining ones. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #refuse(req: IncomingMessage, res: ServerResponse, verdict: string): Promise<void> {
    this.options.log.warn('refused an HTTP interaction', { verdict });
    return this.#close(res, 401, { error: 'invalid request signature' });
  }

  /** Answers and closes the connection, so an unread body is not drained into memory. */
  #close(res: ServerResponse, status: number, body: unknown): Promise<void> {
    res.setHeader('connection', 'close');
    return sendJson(res, status, body).then(() => void res.socket?.destroySoon());
  }

  async #serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'POST interactions here' });
    const receivedAt = this.options.clock();
    const signature = header(req, 'x-signature-ed25519');
    const timestamp = header(req, 'x-signature-timestamp');
    // Refuse what the headers already condemn before reading (and holding) a byte of the body.
    const early = this.#verifier.precheck(signature, timestamp);
    if (early !== 'ok') return this.#refuse(req, res, early);
    if (Number(header(req, 'content-length') ?? 0) > MAX_BODY_BYTES) return this.#close(res, 413, { error: 'body too large' });
    const read = await readBody(req, MAX_BODY_BYTES);
    if (!read.ok) {
      if (read.reason === 'aborted') return this.options.log.debug('HTTP interaction aborted by the client');
      return this.#close(res, 413, { error: 'body too large' });
    }
    const body = read.body;
    const verdict = this.#verifier.check(signature, timestamp, body);
    if (verdict !== 'ok') {
      this.options.log.warn('refused an HTTP interaction', { verdict });
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    const raw = RawInteractionSchema.safeParse(safeJson(body));
    if (!raw.success) return sendJson(res, 400, { error: 'not an interaction' });
    if (raw.data.type === InteractionType.Ping) return sendJson(res, 200, { type: CallbackType.Pong });
    const input = httpInput(raw.data, receivedAt);
    if (!input) return sendJson(res, 400, { error: 'unsupported interaction type' });
    const callback = new HttpCallback(res, this.options.rest, raw.data.application_id, raw.data.token);
    await this.options.router.handle(input, callback.responder());
    if (!callback.sent && !res.headersSent) await sendJson(res, 500, { error: 'no response' });
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return null;
  }
}
