/**
 * Pointing discord.js at the stand-in — and making sure nothing slips past it.
 *
 * How discord.js 14 finds Discord:
 * - REST: @discordjs/rest builds `${rest.api}/v${rest.version}${route}`; `rest.api` defaults to
 *   https://discord.com/api, so we pass `http://127.0.0.1:PORT/api`.
 * - Gateway: there is no gateway URL option. @discordjs/ws calls `GET /gateway/bot` through that
 *   same REST client (WebSocketManager#fetchGatewayInformation) and connects to the returned
 *   `url` + `?v=10&encoding=json`; after READY it reconnects to `resume_gateway_url`. Both come
 *   from the stand-in, so pointing REST at it is enough.
 * - CDN / media proxy: only used to build URLs (avatars, attachments); pointed here anyway so a
 *   stray fetch of one would land on the stand-in (and be recorded as unexpected).
 *
 * As a belt-and-braces check, `makeRequest` refuses any URL outside the stand-in: the request
 * fails loudly in the bot and is listed in `standin.blockedRequests`.
 */
import { DefaultRestOptions, type RESTOptions } from 'discord.js';
import type { DiscordStandIn } from './index.js';

/** REST options for `new Client({ rest: standInRestOptions(standin) })` (call after start()). */
export function standInRestOptions(standin: DiscordStandIn): Partial<RESTOptions> {
  const { restBase } = standin.urls;
  const origin = new URL(restBase).origin;
  return {
    api: restBase,
    cdn: `${origin}/cdn`,
    mediaProxy: `${origin}/media`,
    async makeRequest(url, init) {
      if (new URL(url).origin !== origin) {
        standin.recordBlockedRequest(url);
        throw new Error(`standin: blocked a request to ${url} — only ${origin} is reachable in tests`);
      }
      return DefaultRestOptions.makeRequest(url, init);
    },
  };
}
