/**
 * The personal tab "Wissensbasis" on the bot's own server:
 * - `GET /tab` and `GET /tab/<file>`: the page, its ES modules and CSS, and teams-js;
 * - `GET /api/entries`: the catalog (categories and entry titles) to browse;
 * - `GET /tab/api/entries/:id`: one entry as the tab shows it.
 * Searching uses the public `GET /api/ask`, the bot's own matcher.
 *
 * Page responses carry a Content-Security-Policy that allows Teams to frame the tab and allows
 * scripts, styles and requests from this server only (no inline scripts).
 */
import type { Next, Request, Response, Server } from 'restify';
import type { KnowledgeBase } from '../../knowledge';
import type { Logger } from '../../logger';
import { ApiError, ErrorCode, ErrorMessage } from '../errors';
import { route, sendJson } from '../respond';
import { loadTabAssets, type TabAsset } from '../../tab';
import { catalogView, entryView } from './tabViews';

/** Hosts allowed to show the tab in a frame: the Teams web, desktop and Microsoft 365 clients. */
export const FRAME_ANCESTORS = ["'self'", 'teams.microsoft.com', '*.teams.microsoft.com', '*.office.com', '*.cloud.microsoft'];

/** The tab's Content-Security-Policy. */
export const TAB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js fetches its list of Teams host origins from Microsoft's CDN (it falls back to a
  // built-in copy when that fails).
  "connect-src 'self' https://res.cdn.office.net",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
].join('; ');

/** Headers on every page response (HTML, scripts, styles). */
export const TAB_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': TAB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Small files; revalidate so a deploy shows up at once.
  'Cache-Control': 'no-cache',
});

/** What the tab routes need. */
export interface TabDeps {
  /** Asked per request, so a knowledge hot reload applies at once. */
  readonly knowledge: () => KnowledgeBase;
  readonly logger: Logger;
  /** The page files; defaults to {@link loadTabAssets} (tests may pass their own). */
  readonly assets?: ReadonlyMap<string, TabAsset>;
}

/** Adds the tab's routes to the server. Call once, from `createServer`. */
export function registerTabRoutes(server: Server, deps: TabDeps): void {
  const assets = deps.assets ?? loadTabAssets();
  const index = assets.get('index.html');
  if (!index) throw new Error('Tab asset index.html is missing');

  const sendAsset = (asset: TabAsset) => (_req: Request, res: Response, next: Next) => {
    res.sendRaw(200, asset.body, { 'Content-Type': asset.contentType, ...TAB_HEADERS });
    next();
  };
  server.get('/tab', sendAsset(index));
  server.get('/tab/', sendAsset(index));
  server.get(
    '/tab/:file',
    route(deps.logger, (req, res) => {
      const name = String((req.params as Record<string, unknown> | undefined)?.file ?? '');
      const asset = name === 'index.html' ? undefined : assets.get(name);
      if (!asset) throw new ApiError(404, ErrorCode.RouteNotFound, ErrorMessage.routeNotFound('GET', `/tab/${name}`));
      res.sendRaw(200, asset.body, { 'Content-Type': asset.contentType, ...TAB_HEADERS });
    }),
  );

  server.get(
    '/api/entries',
    route(deps.logger, (_req, res) => sendJson(res, 200, catalogView(deps.knowledge()))),
  );
  server.get(
    '/tab/api/entries/:id',
    route(deps.logger, (req, res) => {
      const id = String((req.params as Record<string, unknown> | undefined)?.id ?? '');
      const kb = deps.knowledge();
      const entry = kb.getEntry(id);
      if (!entry) throw new ApiError(404, ErrorCode.EntryNotFound, ErrorMessage.entryNotFound(id));
      sendJson(res, 200, entryView(kb, entry));
    }),
  );
}
