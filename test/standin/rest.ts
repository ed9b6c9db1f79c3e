/**
 * The HTTP side of the stand-in: one pipeline every request goes through, in Discord's order —
 * record, route, authenticate, inject faults, run the handler (which validates), answer with
 * Discord's headers and JSON error shapes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBody, readRaw, type ParsedBody } from './body.js';
import { DiscordHttpError, notFoundRoute, unauthorized, invalidFormBody } from './errors.js';
import { normalRateLimitHeaders, tooManyRequests, type FaultInjector, type RestFaultSpec } from './faults.js';
import { validateBody, type BodyKind } from './validate.js';
import type { RecordedFile, RecordedRequest, Violation, ViolationIssue } from './types.js';
import type { World } from './world.js';

export const API_PREFIX = '/api/v10';

export interface RouteResult {
  status: number;
  body?: unknown;
}

/** Who may call a route: the bot token, the interaction/webhook token in the URL, or anyone. */
export type RouteAuth = 'bot' | 'token' | 'none';

export interface MessageWriteMeta {
  kind: 'create' | 'edit';
  /** The message part of the body (for callbacks: `data`). */
  message: unknown;
  interactionId?: string;
  channelId?: string;
}

export interface RouteContext {
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  files: RecordedFile[];
  request: RecordedRequest;
  /**
   * Validates the body as `kind`; on failure records a violation (and the message write, when
   * given) and throws Discord's 400 / 50035.
   */
  validate(kind: BodyKind, options?: { interactionId?: string; write?: MessageWriteMeta }): void;
  /** Records a rule violation found by the handler itself (wrong callback type, empty message…). */
  violation(kind: Violation['kind'], issues: ViolationIssue[], interactionId?: string): Violation;
  /** Records a body that creates or edits a visible message (allowed_mentions audit). */
  recordWrite(meta: MessageWriteMeta, accepted: boolean): void;
}

export interface RouteDef {
  method: string;
  template: string;
  auth: RouteAuth;
  handler(ctx: RouteContext): RouteResult | Promise<RouteResult>;
}

interface CompiledRoute extends RouteDef {
  segments: string[];
}

export class RestApi {
  readonly #routes: CompiledRoute[];
  #seq = 0;

  constructor(
    private readonly world: World,
    private readonly faults: FaultInjector,
    routes: RouteDef[],
  ) {
    this.#routes = routes.map((route) => ({ ...route, segments: splitPath(route.template) }));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://standin.invalid');
    const method = (req.method ?? 'GET').toUpperCase();
    // Decoded per segment, so `%40original` reads (and matches faults) as `@original`.
    const pathname = url.pathname.split('/').map(safeDecode).join('/');
    const inApi = pathname === API_PREFIX || pathname.startsWith(`${API_PREFIX}/`);
    const path = inApi ? pathname.slice(API_PREFIX.length) || '/' : pathname;

    const authHeader = req.headers.authorization;
    const authState = authHeader === undefined ? 'absent' : authHeader === `Bot ${this.world.config.token}` ? 'valid' : 'invalid';
    const request: RecordedRequest = {
      seq: ++this.#seq,
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      route: null,
      body: undefined,
      files: [],
      headers: redactHeaders(req, authState),
      time: performance.timeOrigin + performance.now(),
    };
    this.world.requests.push(request);
    this.world.log(`→ ${method} ${pathname}${url.search}`);
    // Arrival is observable too (waitFor on a request that an injected delay is holding back).
    this.world.changed();

    let result: RouteResult;
    let extraHeaders: Record<string, string> = {};
    try {
      // The body is read before routing so even unexpected requests are recorded in full.
      let parsed: ParsedBody | undefined;
      let parseError: unknown;
      try {
        parsed = await parseBody(await readRaw(req), req.headers['content-type']);
        request.body = parsed.json;
        request.files = parsed.files;
      } catch (error) {
        parseError = error;
      }

      const found = inApi ? this.#match(method, path) : undefined;
      if (!found || found === 'method-not-allowed') {
        this.world.unexpected.push(request);
        throw found === 'method-not-allowed'
          ? new DiscordHttpError(405, { message: '405: Method Not Allowed', code: 0 })
          : notFoundRoute();
      }
      const { route, params } = found;
      request.route = `${method} ${route.template}`;

      if ((route.auth === 'bot' && authState !== 'valid') || (route.auth === 'token' && authState === 'invalid')) {
        throw unauthorized();
      }
      if (parseError !== undefined) throw parseError;

      const fault = this.faults.take(method, path);
      const phase = fault?.spec.phase ?? 'before';
      if (fault) {
        request.fault = describeFault(fault.spec);
        fault.record({
          time: request.time,
          method,
          path,
          phase,
          ...(fault.spec.status !== undefined ? { status: fault.spec.status } : {}),
          ...(fault.spec.delayMs !== undefined ? { delayMs: fault.spec.delayMs } : {}),
        });
        if (fault.spec.delayMs) await sleep(fault.spec.delayMs);
      }

      if (fault?.spec.status !== undefined && phase === 'before') {
        ({ result, headers: extraHeaders } = this.#faultResponse(fault.spec, route.template));
      } else {
        const ctx = this.#context(method, path, params, request, parsed);
        result = await route.handler(ctx);
        if (fault?.spec.status !== undefined && phase === 'after') {
          ({ result, headers: extraHeaders } = this.#faultResponse(fault.spec, route.template));
        } else if (result.status < 300) {
          extraHeaders = normalRateLimitHeaders(route.template);
        }
      }
    } catch (error) {
      if (error instanceof DiscordHttpError) {
        result = { status: error.status, body: error.body };
      } else {
        // A bug in the stand-in itself: make it impossible to miss.
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`[standin] internal error on ${method} ${path}: ${message}\n`);
        result = { status: 500, body: { message: `standin internal error: ${String(error)}`, code: 0 } };
      }
    }

    request.status = result.status;
    request.responseBody = result.body;
    this.world.log(`← ${result.status} ${method} ${path}`);
    this.#send(res, result, extraHeaders);
    this.world.changed();
  }

  #match(
    method: string,
    path: string,
  ): { route: CompiledRoute; params: Record<string, string> } | 'method-not-allowed' | undefined {
    const segments = splitPath(path);
    let pathKnown = false;
    for (const route of this.#routes) {
      const params = matchSegments(route.segments, segments);
      if (!params) continue;
      if (route.method === method) return { route, params };
      pathKnown = true;
    }
    return pathKnown ? 'method-not-allowed' : undefined;
  }

  #context(
    method: string,
    path: string,
    params: Record<string, string>,
    request: RecordedRequest,
    parsed: ParsedBody | undefined,
  ): RouteContext {
    const world = this.world;
    const route = request.route ?? `${method} ${path}`;
    const ctx: RouteContext = {
      method,
      path,
      params,
      query: request.query,
      body: parsed?.json,
      files: parsed?.files ?? [],
      request,
      validate(kind, options = {}) {
        const outcome = validateBody(kind, request.body);
        for (const { quirk, detail } of outcome.quirks) {
          world.quirks.push({ time: request.time, route, quirk, detail });
        }
        if (outcome.ok) return;
        ctx.violation(outcome.kind ?? 'schema', outcome.issues, options.interactionId);
        if (options.write) ctx.recordWrite(options.write, false);
        throw invalidFormBody(outcome.errors);
      },
      violation(kind, issues, interactionId) {
        const violation: Violation = {
          time: request.time,
          method,
          path,
          route,
          kind,
          issues,
          body: request.body,
          ...(interactionId !== undefined ? { interactionId } : {}),
        };
        world.violations.push(violation);
        if (interactionId !== undefined) world.interactions.get(interactionId)?.rejections.push(violation);
        world.log(`✗ ${kind} violation on ${route}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
        return violation;
      },
      recordWrite(meta, accepted) {
        const message = meta.message;
        const present = typeof message === 'object' && message !== null && 'allowed_mentions' in message;
        world.messageWrites.push({
          time: request.time,
          method,
          path,
          route,
          kind: meta.kind,
          allowedMentionsPresent: present,
          allowedMentions: present ? (message as { allowed_mentions: unknown }).allowed_mentions : undefined,
          body: message,
          accepted,
          ...(meta.interactionId !== undefined ? { interactionId: meta.interactionId } : {}),
          ...(meta.channelId !== undefined ? { channelId: meta.channelId } : {}),
        });
      },
    };
    return ctx;
  }

  #faultResponse(spec: RestFaultSpec, template: string): { result: RouteResult; headers: Record<string, string> } {
    const status = spec.status ?? 500;
    if (status === 429) {
      const limited = tooManyRequests(
        template,
        spec.retryAfter ?? 1,
        spec.global ?? false,
        spec.scope,
        this.world.config.retryAfterHeader,
      );
      return { result: { status, body: spec.body ?? limited.body }, headers: limited.headers };
    }
    if (status === 502 && spec.body === undefined) {
      // What Cloudflare in front of Discord answers: HTML, not JSON.
      return {
        result: { status, body: new HtmlBody('<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>') },
        headers: {},
      };
    }
    return {
      result: { status, body: spec.body ?? { message: `${status}: ${STATUS_TEXT[status] ?? 'Error'}`, code: 0 } },
      headers: {},
    };
  }

  #send(res: ServerResponse, result: RouteResult, headers: Record<string, string>): void {
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (result.body instanceof HtmlBody) {
      res.writeHead(result.status, { 'content-type': 'text/html' });
      res.end(result.body.html);
    } else if (result.body === undefined || result.status === 204) {
      res.writeHead(result.status);
      res.end();
    } else {
      const text = JSON.stringify(result.body);
      res.writeHead(result.status, { 'content-type': 'application/json' });
      res.end(text);
    }
  }
}

/** Marks a non-JSON body (only the injected 502 uses it). */
class HtmlBody {
  constructor(readonly html: string) {}
}

const STATUS_TEXT: Record<number, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  403: 'Forbidden',
  404: 'Not Found',
};

function describeFault(spec: RestFaultSpec): string {
  const parts = [];
  if (spec.delayMs) parts.push(`delay ${spec.delayMs}ms`);
  if (spec.status !== undefined) parts.push(`status ${spec.status}${spec.phase === 'after' ? ' (after applying)' : ''}`);
  return parts.join(', ');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function splitPath(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** `:name` segments capture; everything else (including `@original`, `@me`) must match exactly. */
function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  if (template.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < template.length; i += 1) {
    const expected = template[i] as string;
    const segment = actual[i] as string;
    if (expected.startsWith(':')) {
      // A capture never swallows a literal that another route names (e.g. "@original").
      if (segment.startsWith('@')) return undefined;
      params[expected.slice(1)] = segment;
    } else if (expected !== segment) {
      return undefined;
    }
  }
  return params;
}

function redactHeaders(req: IncomingMessage, authState: 'absent' | 'valid' | 'invalid'): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  if (authState !== 'absent') headers.authorization = authState === 'valid' ? 'Bot [valid]' : 'Bot [invalid]';
  return headers;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
