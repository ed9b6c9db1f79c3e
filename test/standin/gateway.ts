/**
 * The WebSocket gateway, speaking v10 JSON the way @discordjs/ws (discord.js 14) expects:
 *
 *   connect  ws://host:port/?v=10&encoding=json[&compress=zlib-stream]
 *   ← HELLO (op 10, heartbeat_interval)
 *   → IDENTIFY (op 2)                  ← READY (s=1, session_id, resume_gateway_url), GUILD_CREATE…
 *   → HEARTBEAT (op 1, last seq)       ← HEARTBEAT_ACK (op 11)
 *   ← dispatches (op 0) with increasing `s`, buffered per session
 *   … connection lost …
 *   connect  <resume_gateway_url>?v=10&encoding=json
 *   ← HELLO  → RESUME (op 6, session_id, seq)  ← missed dispatches, then RESUMED
 *   (unknown/expired session → INVALID_SESSION op 9 d:false; the client re-identifies)
 *
 * discord.js only asks for zlib-stream when the optional `zlib-sync` package is installed, and
 * falls back to IDENTIFY `compress: true` (per-payload zlib) when compression is configured but
 * zlib-sync is missing. Both are supported here so either set-up works; plain JSON is the default.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { guildCreateObject } from './objects.js';
import type {
  GatewayCloseRecord,
  GatewayFrameRecord,
  IdentifyRecord,
  ResumeRecord,
} from './types.js';
import type { World } from './world.js';

export const Op = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
  RequestSoundboardSounds: 31,
} as const;

export const CloseCode = {
  UnknownError: 4000,
  UnknownOpcode: 4001,
  DecodeError: 4002,
  NotAuthenticated: 4003,
  AuthenticationFailed: 4004,
  AlreadyAuthenticated: 4005,
  InvalidSeq: 4007,
  RateLimited: 4008,
  SessionTimedOut: 4009,
  InvalidShard: 4010,
  InvalidAPIVersion: 4012,
  InvalidIntents: 4013,
  DisallowedIntents: 4014,
} as const;

const Intent = { Guilds: 1 << 0, GuildMembers: 1 << 1, GuildPresences: 1 << 8, MessageContent: 1 << 15 } as const;
const PRIVILEGED_INTENTS = Intent.GuildMembers | Intent.GuildPresences | Intent.MessageContent;
/** Every intent bit Discord currently defines (0–25, minus unused 22–23 still accepted). */
const ALL_INTENTS = (1 << 26) - 1;

/** Application flags READY reports for enabled privileged intents (the "limited" variants: unverified bot). */
const AppFlag = { PresenceLimited: 1 << 13, GuildMembersLimited: 1 << 15, MessageContentLimited: 1 << 19 } as const;

/** Discord allows 120 gateway sends per connection per 60 s before closing with 4008. */
const SEND_LIMIT = { count: 120, windowMs: 60_000 } as const;
const REPLAY_BUFFER = 1_000;

interface DispatchFrame {
  op: 0;
  t: string;
  s: number;
  d: unknown;
}

interface Session {
  id: string;
  seq: number;
  buffer: DispatchFrame[];
  connection?: Connection;
  intents: number;
  /** No longer resumable (closed normally by the client, invalidated, or timed out). */
  invalid: boolean;
  disconnectedAt?: number;
}

interface Connection {
  id: number;
  ws: WebSocket;
  path: string;
  session?: Session;
  /** zlib-stream transport compression: one deflate context for the whole connection. */
  deflate?: zlib.Deflate;
  deflateOut: Buffer[];
  /** IDENTIFY `compress: true`: each payload deflated on its own. */
  payloadCompression: boolean;
  /** Frames leave in order; with an injected delay each leaves no earlier than its slot. */
  sendChain: Promise<void>;
  lastSendAt: number;
  inbound: number[];
  serverClose?: { code: number; reason: string };
}

export interface DropOptions {
  /**
   * Close code the client sees. 1006 (default) is an abnormal closure: the TCP connection just
   * dies, as on a network blip. Other codes are sent in a close frame. @discordjs/ws 1.2 resumes
   * after 1006 and other unlisted codes, 4000, 4001, 4002 and 4009; re-identifies after 1000,
   * 4003, 4005, 4007 and 4008; and gives up (error, no reconnect) on 4004 and 4010–4014.
   */
  code?: number;
  reason?: string;
  /** false: also forget the session, so the client's RESUME gets INVALID_SESSION. Default true. */
  resumable?: boolean;
}

export class Gateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly frames: GatewayFrameRecord[] = [];
  readonly closes: GatewayCloseRecord[] = [];
  heartbeats = 0;

  readonly #wss = new WebSocketServer({ noServer: true, perMessageDeflate: false });
  readonly #sessions = new Map<string, Session>();
  readonly #connections = new Set<Connection>();
  #nextConnectionId = 1;
  #delayMs = 0;

  constructor(
    private readonly world: World,
    private readonly urls: { resumeGatewayUrl(): string; resumePath: string },
  ) {}

  /** Claims WebSocket upgrades on `/` (gateway) and the resume path; returns false otherwise. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://standin.invalid');
    if (url.pathname !== '/' && url.pathname !== this.urls.resumePath) return false;
    this.#wss.handleUpgrade(req, socket, head, (ws) => this.#accept(ws, url));
    return true;
  }

  /** Whether at least one session is connected and past READY/RESUMED. */
  get connected(): boolean {
    return [...this.#sessions.values()].some((s) => s.connection !== undefined && !s.invalid);
  }

  /**
   * Sends a dispatch to every live session (with `requiredIntent`, to those that identified with it). A session that is momentarily disconnected keeps
   * the event for replay on RESUME, as Discord does. Returns how many sessions took it.
   */
  dispatch(t: string, d: unknown, requiredIntent = 0): number {
    let count = 0;
    for (const session of this.#sessions.values()) {
      if (!this.#resumable(session)) continue;
      // Events behind an intent (MESSAGE_CREATE needs GUILD_MESSAGES) go only to sessions that asked for it.
      if (requiredIntent !== 0 && (session.intents & requiredIntent) === 0) continue;
      this.#dispatchTo(session, t, d);
      count += 1;
    }
    return count;
  }

  /** Cuts every open connection (see DropOptions). Returns how many were cut. */
  drop(options: DropOptions = {}): number {
    const code = options.code ?? 1006;
    const reason = options.reason ?? 'standin: dropGateway';
    let count = 0;
    for (const connection of this.#connections) {
      if (connection.ws.readyState !== WebSocket.OPEN) continue;
      count += 1;
      if (connection.session && options.resumable === false) connection.session.invalid = true;
      this.#serverClose(connection, code, reason);
    }
    return count;
  }

  /** Delays every outgoing frame (HELLO, ACKs, dispatches) by `ms` from now on; 0 to stop. */
  delay(ms: number): void {
    this.#delayMs = Math.max(0, ms);
  }

  /** Sends INVALID_SESSION (op 9). With `resumable: false` the session is forgotten too. */
  invalidateSession(resumable: boolean): number {
    let count = 0;
    for (const connection of this.#connections) {
      if (!connection.session || connection.ws.readyState !== WebSocket.OPEN) continue;
      if (!resumable) connection.session.invalid = true;
      this.#send(connection, { op: Op.InvalidSession, d: resumable });
      count += 1;
    }
    return count;
  }

  /** Sends RECONNECT (op 7): the client should close and resume. */
  requestReconnect(): number {
    return this.#broadcastOp(Op.Reconnect, null);
  }

  /** Sends a server-requested HEARTBEAT (op 1): the client must heartbeat immediately. */
  requestHeartbeat(): number {
    return this.#broadcastOp(Op.Heartbeat, null);
  }

  async close(): Promise<void> {
    for (const connection of this.#connections) {
      connection.ws.terminate();
      connection.deflate?.close();
    }
    this.#connections.clear();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  // ---------------------------------------------------------------------------------------------

  #accept(ws: WebSocket, url: URL): void {
    const connection: Connection = {
      id: this.#nextConnectionId++,
      ws,
      path: url.pathname,
      deflateOut: [],
      payloadCompression: false,
      sendChain: Promise.resolve(),
      lastSendAt: 0,
      inbound: [],
    };
    this.#connections.add(connection);
    this.world.log(`gateway: connection #${connection.id} on ${url.pathname}${url.search}`);

    ws.on('message', (data, isBinary) => this.#receive(connection, data, isBinary));
    ws.on('close', (code, reason) => this.#closed(connection, code, reason.toString()));
    ws.on('error', (error) => this.world.log(`gateway: connection #${connection.id} error ${error.message}`));

    // Discord accepts the socket first and reports bad parameters with a close code.
    const version = url.searchParams.get('v');
    const encoding = url.searchParams.get('encoding') ?? 'json';
    const compress = url.searchParams.get('compress');
    if (version !== '10') {
      this.#serverClose(connection, CloseCode.InvalidAPIVersion, `Invalid API version (stand-in serves v=10, got ${version})`);
      return;
    }
    if (encoding !== 'json') {
      this.#serverClose(connection, CloseCode.DecodeError, `stand-in supports encoding=json only (got ${encoding})`);
      return;
    }
    if (compress !== null) {
      if (compress !== 'zlib-stream') {
        this.#serverClose(connection, CloseCode.UnknownError, `stand-in supports compress=zlib-stream only (got ${compress})`);
        return;
      }
      const deflate = zlib.createDeflate();
      deflate.on('data', (chunk: Buffer) => connection.deflateOut.push(chunk));
      connection.deflate = deflate;
    }

    this.#send(connection, { op: Op.Hello, d: { heartbeat_interval: this.world.config.heartbeatIntervalMs } });
  }

  #receive(connection: Connection, data: RawData, isBinary: boolean): void {
    const now = Date.now();
    connection.inbound = connection.inbound.filter((t) => now - t < SEND_LIMIT.windowMs);
    connection.inbound.push(now);
    if (connection.inbound.length > SEND_LIMIT.count) {
      this.#serverClose(connection, CloseCode.RateLimited, 'You are being rate limited.');
      return;
    }

    let payload: { op?: unknown; d?: unknown };
    try {
      if (isBinary) throw new Error('binary frame');
      payload = JSON.parse(rawText(data)) as { op?: unknown; d?: unknown };
    } catch {
      this.#serverClose(connection, CloseCode.DecodeError, 'Error while decoding payload.');
      return;
    }
    const op = typeof payload.op === 'number' ? payload.op : -1;
    this.frames.push({ time: now, connectionId: connection.id, direction: 'in', op });
    this.world.log(`gateway: #${connection.id} → op ${op}`);

    switch (op) {
      case Op.Heartbeat:
        this.heartbeats += 1;
        this.#send(connection, { op: Op.HeartbeatAck });
        break;
      case Op.Identify:
        this.#identify(connection, payload.d);
        break;
      case Op.Resume:
        this.#resume(connection, payload.d);
        break;
      case Op.PresenceUpdate:
      case Op.VoiceStateUpdate:
      case Op.RequestGuildMembers:
      case Op.RequestSoundboardSounds:
        // Accepted and recorded (frames); the stand-in models no presences or voice.
        if (!connection.session) this.#serverClose(connection, CloseCode.NotAuthenticated, 'Not authenticated.');
        break;
      default:
        this.#serverClose(connection, CloseCode.UnknownOpcode, 'Unknown opcode.');
    }
    this.world.changed();
  }

  #identify(connection: Connection, data: unknown): void {
    const d = (data ?? {}) as { token?: unknown; intents?: unknown; properties?: unknown; shard?: unknown; compress?: unknown };
    if (connection.session) {
      this.#serverClose(connection, CloseCode.AlreadyAuthenticated, 'You sent more than one identify payload.');
      return;
    }
    const record: IdentifyRecord = {
      time: Date.now(),
      connectionId: connection.id,
      token: typeof d.token === 'string' ? d.token : '',
      intents: typeof d.intents === 'number' ? d.intents : Number.NaN,
      properties: d.properties,
      shard: d.shard,
      compress: d.compress === true,
    };
    this.identifies.push(record);

    if (d.token !== this.world.config.token) {
      this.#serverClose(connection, CloseCode.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const intents = record.intents;
    if (!Number.isInteger(intents) || intents < 0 || (intents & ~ALL_INTENTS) !== 0) {
      this.#serverClose(connection, CloseCode.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if ((intents & PRIVILEGED_INTENTS & ~this.world.config.privilegedIntents) !== 0) {
      this.#serverClose(connection, CloseCode.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    if (d.shard !== undefined && !(Array.isArray(d.shard) && d.shard[0] === 0 && d.shard[1] === 1)) {
      this.#serverClose(connection, CloseCode.InvalidShard, 'Invalid shard.');
      return;
    }

    connection.payloadCompression = record.compress;
    const session: Session = { id: randomBytes(16).toString('hex'), seq: 0, buffer: [], intents, invalid: false };
    record.sessionId = session.id;
    this.#sessions.set(session.id, session);
    session.connection = connection;
    connection.session = session;

    const config = this.world.config;
    this.#dispatchTo(session, 'READY', {
      v: 10,
      user_settings: {},
      user: { ...this.world.botUser, verified: true, mfa_enabled: true, email: null },
      guilds: [...this.world.guilds.keys()].map((id) => ({ id, unavailable: true })),
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: this.urls.resumeGatewayUrl(),
      shard: [0, 1],
      application: { id: config.applicationId, flags: applicationFlags(config.privilegedIntents) },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    // Guilds arrive lazily after READY, only for clients that asked for them.
    if (intents & Intent.Guilds) {
      for (const guild of this.world.guilds.values()) {
        this.#dispatchTo(session, 'GUILD_CREATE', guildCreateObject(guild.config, this.world.botUser, guild.botRoleId, guild.joinedAt));
      }
    }
  }

  #resume(connection: Connection, data: unknown): void {
    const d = (data ?? {}) as { token?: unknown; session_id?: unknown; seq?: unknown };
    const sessionId = typeof d.session_id === 'string' ? d.session_id : '';
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    const record: ResumeRecord = {
      time: Date.now(),
      connectionId: connection.id,
      sessionId,
      seq,
      replayed: 0,
      ok: false,
      connectionPath: connection.path,
    };
    this.resumes.push(record);

    if (d.token !== this.world.config.token) {
      this.#serverClose(connection, CloseCode.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.#sessions.get(sessionId);
    if (!session || !this.#resumable(session)) {
      // Not resumable: the client must identify afresh.
      this.#send(connection, { op: Op.InvalidSession, d: false });
      return;
    }
    if (seq > session.seq) {
      this.#serverClose(connection, CloseCode.InvalidSeq, 'Invalid seq.');
      return;
    }

    // A session lives on one connection at a time; a resume moves it.
    const previous = session.connection;
    if (previous && previous !== connection && previous.ws.readyState === WebSocket.OPEN) {
      this.#serverClose(previous, CloseCode.UnknownError, 'Session resumed elsewhere');
    }
    connection.session = session;
    session.connection = connection;
    session.disconnectedAt = undefined;

    const missed = session.buffer.filter((frame) => frame.s > seq);
    if (missed.length > 0 && (missed[0]?.s ?? 0) > seq + 1) {
      // The replay buffer no longer reaches back far enough: Discord invalidates such sessions.
      session.invalid = true;
      this.#send(connection, { op: Op.InvalidSession, d: false });
      return;
    }
    for (const frame of missed) this.#send(connection, frame);
    record.replayed = missed.length;
    record.ok = true;
    this.#dispatchTo(session, 'RESUMED', {});
  }

  #closed(connection: Connection, code: number, reason: string): void {
    this.#connections.delete(connection);
    connection.deflate?.close();
    const byServer = connection.serverClose !== undefined;
    if (!byServer) {
      this.closes.push({ time: Date.now(), connectionId: connection.id, code, by: 'client', reason });
    }
    const session = connection.session;
    if (session && session.connection === connection) {
      session.connection = undefined;
      session.disconnectedAt = Date.now();
      // Discord ends a session the client closed normally; any other closure may be resumed.
      if (!byServer && (code === 1000 || code === 1001)) session.invalid = true;
    }
    this.world.log(`gateway: connection #${connection.id} closed ${code} by ${byServer ? 'server' : 'client'}`);
    this.world.changed();
  }

  #serverClose(connection: Connection, code: number, reason: string): void {
    if (connection.serverClose) return;
    connection.serverClose = { code, reason };
    this.closes.push({ time: Date.now(), connectionId: connection.id, code, by: 'server', reason });
    this.world.log(`gateway: closing #${connection.id} with ${code} (${reason})`);
    // Let frames already queued (e.g. an ACK) go out first, as they would on a real socket.
    void connection.sendChain.then(() => {
      if (code === 1006) {
        // 1006 cannot be sent in a close frame; it is what the peer sees when the TCP link dies.
        connection.ws.terminate();
      } else if (connection.ws.readyState === WebSocket.OPEN) {
        connection.ws.close(code, reason);
      }
    });
  }

  #resumable(session: Session): boolean {
    if (session.invalid) return false;
    if (session.connection) return true;
    const expired = session.disconnectedAt !== undefined && Date.now() - session.disconnectedAt > this.world.config.resumeWindowMs;
    if (expired) session.invalid = true;
    return !expired;
  }

  #dispatchTo(session: Session, t: string, d: unknown): void {
    session.seq += 1;
    const frame: DispatchFrame = { op: Op.Dispatch, t, s: session.seq, d };
    session.buffer.push(frame);
    if (session.buffer.length > REPLAY_BUFFER) session.buffer.shift();
    const connection = session.connection;
    if (connection && connection.ws.readyState === WebSocket.OPEN && !connection.serverClose) {
      this.#send(connection, frame);
    }
  }

  #broadcastOp(op: number, d: unknown): number {
    let count = 0;
    for (const connection of this.#connections) {
      if (connection.ws.readyState !== WebSocket.OPEN || connection.serverClose) continue;
      this.#send(connection, { op, d });
      count += 1;
    }
    return count;
  }

  #send(connection: Connection, payload: { op: number; d?: unknown; t?: string; s?: number }): void {
    const frame = { op: payload.op, d: payload.d ?? null, s: payload.s ?? null, t: payload.t ?? null };
    this.frames.push({ time: Date.now(), connectionId: connection.id, direction: 'out', op: frame.op, t: frame.t, s: frame.s });
    this.world.log(`gateway: #${connection.id} ← op ${frame.op}${frame.t ? ` ${frame.t} s=${frame.s}` : ''}`);
    const json = JSON.stringify(frame);
    // HELLO precedes IDENTIFY and is never compressed per payload.
    const compressPayload = connection.payloadCompression && frame.op !== Op.Hello;

    const delay = this.#delayMs;
    const dueAt = Math.max(Date.now() + delay, connection.lastSendAt);
    connection.lastSendAt = dueAt;

    connection.sendChain = connection.sendChain
      .then(async () => {
        const data = await this.#encode(connection, json, compressPayload);
        const wait = dueAt - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (connection.ws.readyState === WebSocket.OPEN) connection.ws.send(data);
      })
      .catch((error: unknown) => this.world.log(`gateway: send failed: ${String(error)}`));
  }

  async #encode(connection: Connection, json: string, compressPayload: boolean): Promise<string | Buffer> {
    if (connection.deflate) {
      const deflate = connection.deflate;
      // A Z_SYNC_FLUSH after each payload makes every message end in 00 00 ff ff, which is how
      // zlib-stream clients know a payload is complete.
      await new Promise<void>((resolve) => {
        deflate.write(json);
        deflate.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve());
      });
      const out = Buffer.concat(connection.deflateOut);
      connection.deflateOut = [];
      return out;
    }
    if (compressPayload) return zlib.deflateSync(json);
    return json;
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function applicationFlags(privilegedIntents: number): number {
  let flags = 0;
  if (privilegedIntents & Intent.GuildPresences) flags |= AppFlag.PresenceLimited;
  if (privilegedIntents & Intent.GuildMembers) flags |= AppFlag.GuildMembersLimited;
  if (privilegedIntents & Intent.MessageContent) flags |= AppFlag.MessageContentLimited;
  return flags;
}
