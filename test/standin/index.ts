/**
 * A local stand-in for Discord — REST under /api/v10 and a v10 JSON gateway on one random
 * 127.0.0.1 port — that the real discord.js Client can log in to. Tests drive it like a user
 * (sendCommand, clickButton…), inject faults (429s, 5xx, dropped gateway), and assert on what the
 * bot sent (requests, violations, messages).
 *
 *   const standin = new DiscordStandIn({ token, applicationId, botUserId, guilds: [...] });
 *   const { restBase } = await standin.start();
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: standInRestOptions(standin) });
 *   await client.login(token);
 *   const reply = await standin.sendCommand({ name: 'claims', options: { who: 'mayor' } }).final();
 *   expect(standin.violations).toEqual([]);
 *
 * See client.ts for pointing discord.js at it, and the other modules for each concern.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIMessage } from 'discord.js';
import { FaultInjector } from './faults.js';
import { Gateway, type DropOptions } from './gateway.js';
import {
  AutocompleteHandle,
  buildButtonInteraction,
  buildCommandInteraction,
  buildMessageCommandInteraction,
  InteractionHandle,
  InteractionRecord,
  type AutocompleteInvocation,
  type ButtonClick,
  type CommandInvocation,
  type MessageCommandInvocation,
} from './interactions.js';
import { messageObject, userObject } from './objects.js';

/** Gateway intent bit 9: guild message events. */
const GUILD_MESSAGES_INTENT = 1 << 9;
import { API_PREFIX, RestApi } from './rest.js';
import { coreRoutes } from './routes.js';
import { interactionRoutes } from './routes-interactions.js';
import { waitUntil } from './wait.js';
import { World, type ResolvedConfig } from './world.js';
import type {
  GatewayCloseRecord,
  GatewayFrameRecord,
  IdentifyRecord,
  MessageWrite,
  RecordedRequest,
  ResumeRecord,
  StandInConfig,
  StartedStandIn,
  ToleratedQuirk,
  Violation,
} from './types.js';

export type * from './types.js';
export type { RestFaultSpec, ArmedFault, FaultHit } from './faults.js';
export type { DropOptions } from './gateway.js';
export type {
  AutocompleteInvocation,
  ButtonClick,
  CommandInvocation,
  FinalOptions,
  InvocationContext,
  OptionValue,
} from './interactions.js';
export { InteractionHandle, AutocompleteHandle } from './interactions.js';
export { Limits } from './limits.js';
export { Permission, DEFAULT_MEMBER_PERMISSIONS, DEFAULT_BOT_PERMISSIONS } from './objects.js';
export { nextSnowflake } from './snowflake.js';

const RESUME_PATH = '/resume-gateway';

export class DiscordStandIn {
  /** Arm REST faults: `standin.faults.next({ route: /callback/, status: 429, retryAfter: 0.3 })`. */
  readonly faults = new FaultInjector();

  readonly #world: World;
  readonly #gateway: Gateway;
  readonly #rest: RestApi;
  #server: Server | undefined;
  #started: StartedStandIn | undefined;

  constructor(config: StandInConfig) {
    this.#world = new World(config);
    this.#gateway = new Gateway(this.#world, {
      resumePath: RESUME_PATH,
      resumeGatewayUrl: () => this.urls.resumeGatewayUrl,
    });
    this.#rest = new RestApi(this.#world, this.faults, [
      ...coreRoutes({
        world: this.#world,
        gatewayUrl: () => this.urls.gatewayUrl,
        sessionStarts: () => this.#gateway.identifies.length,
      }),
      ...interactionRoutes(this.#world),
    ]);
  }

  // --- lifecycle -------------------------------------------------------------------------------

  /** Listens on 127.0.0.1 with a random port. */
  async start(): Promise<StartedStandIn> {
    if (this.#started) return this.#started;
    const server = createServer((req, res) => {
      void this.#rest.handle(req, res);
    });
    server.on('upgrade', (req, socket, head) => {
      if (!this.#gateway.handleUpgrade(req, socket, head)) {
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    const origin = `http://127.0.0.1:${port}`;
    this.#server = server;
    this.#started = {
      restBase: `${origin}/api`,
      apiBase: `${origin}${API_PREFIX}`,
      gatewayUrl: `ws://127.0.0.1:${port}`,
      resumeGatewayUrl: `ws://127.0.0.1:${port}${RESUME_PATH}`,
      port,
    };
    return this.#started;
  }

  /** Closes every socket and the server. Safe to call twice or before start(). */
  async stop(): Promise<void> {
    const server = this.#server;
    this.#server = undefined;
    await this.#gateway.close();
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** URLs of the running stand-in (throws before start()). */
  get urls(): StartedStandIn {
    if (!this.#started) throw new Error('standin: not started; await standin.start() first');
    return this.#started;
  }

  get config(): Readonly<ResolvedConfig> {
    return this.#world.config;
  }

  // --- what the bot did ----------------------------------------------------------------------------

  /** Every HTTP request, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.#world.requests;
  }
  /** Bodies that broke the spec's schema, Discord's limits or other Discord rules. Expect []. */
  get violations(): readonly Violation[] {
    return this.#world.violations;
  }
  /** Requests to routes the stand-in does not know (answered 404/405). Expect []. */
  get unexpected(): readonly RecordedRequest[] {
    return this.#world.unexpected;
  }
  /** Every body that created or edited a visible message, with its allowed_mentions. */
  get messageWrites(): readonly MessageWrite[] {
    return this.#world.messageWrites;
  }
  /** discord.js wire habits that the spec does not list but Discord accepts (see validate.ts). */
  get quirks(): readonly ToleratedQuirk[] {
    return this.#world.quirks;
  }
  /** Requests discord.js tried to send elsewhere than the stand-in (see client.ts). Expect []. */
  get blockedRequests(): readonly string[] {
    return this.#world.blockedRequests;
  }
  get identifies(): readonly IdentifyRecord[] {
    return this.#gateway.identifies;
  }
  /** RESUME attempts (`ok` tells whether the session was resumed). */
  get resumes(): readonly ResumeRecord[] {
    return this.#gateway.resumes;
  }
  get gatewayFrames(): readonly GatewayFrameRecord[] {
    return this.#gateway.frames;
  }
  get gatewayCloses(): readonly GatewayCloseRecord[] {
    return this.#gateway.closes;
  }
  get heartbeats(): number {
    return this.#gateway.heartbeats;
  }

  /** Throws a readable error if anything unexpected or invalid was sent. */
  assertClean(): void {
    const problems: string[] = [];
    for (const v of this.violations) {
      problems.push(`${v.kind} violation on ${v.route}: ${v.issues.map((i) => `${i.path || '(body)'} ${i.code}: ${i.message}`).join('; ')}`);
    }
    for (const r of this.unexpected) problems.push(`unexpected request ${r.method} ${r.path}`);
    for (const url of this.blockedRequests) problems.push(`blocked request to ${url}`);
    if (problems.length > 0) throw new Error(`Discord stand-in saw problems:\n- ${problems.join('\n- ')}`);
  }

  /** Forgets recorded requests, violations and writes (state such as messages stays). */
  clearRecords(): void {
    for (const list of [
      this.#world.requests,
      this.#world.violations,
      this.#world.unexpected,
      this.#world.messageWrites,
      this.#world.quirks,
      this.#world.blockedRequests,
    ] as unknown[][]) {
      list.length = 0;
    }
  }

  /** Internal hook for client.ts: remember a request that was stopped before leaving the process. */
  recordBlockedRequest(url: string): void {
    this.#world.blockedRequests.push(url);
    this.#world.changed();
  }

  // --- gateway faults ----------------------------------------------------------------------------

  /** Cuts the gateway connection(s); discord.js should reconnect and RESUME. Returns how many were cut. */
  dropGateway(options: DropOptions = {}): number {
    return this.#gateway.drop(options);
  }
  /** Delays every gateway frame the stand-in sends by `ms` (0 to stop). */
  delayGateway(ms: number): void {
    this.#gateway.delay(ms);
  }
  /** Sends INVALID_SESSION (op 9) with d = resumable. */
  invalidateSession(options: { resumable: boolean }): number {
    return this.#gateway.invalidateSession(options.resumable);
  }
  /** Sends RECONNECT (op 7). */
  requestReconnect(): number {
    return this.#gateway.requestReconnect();
  }
  /** Sends a server-side HEARTBEAT request (op 1). */
  requestHeartbeat(): number {
    return this.#gateway.requestHeartbeat();
  }
  /** Resolves once a gateway session is connected (e.g. after a drop and resume). */
  waitForGateway(timeoutMs = 5_000): Promise<true> {
    return waitUntil(this.#world, () => this.#gateway.connected, timeoutMs, () => 'no connected gateway session');
  }

  // --- acting as a user ------------------------------------------------------------------------------

  /** Types a slash command and dispatches INTERACTION_CREATE. */
  sendCommand(invocation: CommandInvocation): InteractionHandle {
    const { payload, label } = buildCommandInteraction(this.#world, invocation);
    return new InteractionHandle(this.#world, this.#dispatchInteraction(payload, label));
  }

  /** Types into an autocomplete option (`focused`) and dispatches the autocomplete interaction. */
  sendAutocomplete(invocation: AutocompleteInvocation): AutocompleteHandle {
    const { payload, label } = buildCommandInteraction(this.#world, invocation, invocation.focused);
    return new AutocompleteHandle(this.#world, this.#dispatchInteraction(payload, label));
  }

  /**
   * A user posts `content` in a channel: the message is stored and MESSAGE_CREATE is dispatched to
   * sessions with the GUILD_MESSAGES intent (the bot, with Guilds only, does not get it, as on Discord).
   */
  postUserMessage(options: { content: string; channelId?: string; user?: { id?: string; username?: string } }): APIMessage {
    const guild = this.#world.config.guilds[0];
    const channelId = options.channelId ?? guild?.channels[0]?.id;
    if (channelId === undefined) throw new Error('standin: postUserMessage: no channel');
    const guildId = this.#world.channels.get(channelId)?.guildId;
    const author = userObject(options.user?.id ?? '200000000000000001', options.user?.username ?? 'reporter');
    const message = messageObject({ channelId, author, type: 0 }, { content: options.content }, []);
    this.#world.storeMessage({ message, ...(guildId ? { guildId } : {}), deleted: false });
    this.#gateway.dispatch('MESSAGE_CREATE', { ...message, ...(guildId ? { guild_id: guildId } : {}) }, GUILD_MESSAGES_INTENT);
    return message;
  }

  /** Right-clicks a message → Apps → `name`: dispatches the message command's INTERACTION_CREATE. */
  sendMessageCommand(invocation: MessageCommandInvocation): InteractionHandle {
    const { payload, label } = buildMessageCommandInteraction(this.#world, invocation);
    return new InteractionHandle(this.#world, this.#dispatchInteraction(payload, label));
  }

  /** Clicks a button on a message the bot posted (it must exist and not be disabled). */
  clickButton(click: ButtonClick): InteractionHandle {
    const { payload, label } = buildButtonInteraction(this.#world, click);
    return new InteractionHandle(this.#world, this.#dispatchInteraction(payload, label));
  }

  #dispatchInteraction(payload: InteractionRecord['payload'], label: string): InteractionRecord {
    const record = new InteractionRecord(payload, label);
    this.#world.interactions.set(record.id, record);
    if (this.#gateway.dispatch('INTERACTION_CREATE', payload) === 0) {
      this.#world.interactions.delete(record.id);
      throw new Error(`standin: cannot send ${label}: no gateway session (log the client in first)`);
    }
    return record;
  }

  // --- state ----------------------------------------------------------------------------------------------

  /** Live messages of a channel, oldest first, including interaction responses and follow-ups. */
  messagesIn(channelId: string): APIMessage[] {
    return this.#world.messagesIn(channelId);
  }

  message(id: string): APIMessage | undefined {
    const entry = this.#world.messages.get(id);
    return entry && !entry.deleted ? entry.message : undefined;
  }

  /** Registered commands: global ones, or those of a guild. */
  commands(guildId?: string): APIApplicationCommand[] {
    return this.#world.commandsIn(guildId ?? 'global');
  }

  /**
   * Resolves with the first truthy value of `predicate`, re-checked whenever anything happens
   * (a request, a gateway frame, a message). Rejects after `timeoutMs`.
   */
  waitFor<T>(predicate: (standin: this) => T | undefined | null | false, timeoutMs = 5_000): Promise<T> {
    return waitUntil(this.#world, () => predicate(this), timeoutMs, () => 'waitFor predicate never held');
  }
}
