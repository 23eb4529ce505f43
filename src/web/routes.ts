import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CoreDeps } from '../core/deps.ts';
import { CATEGORIES, type Category } from '../core/types.ts';
import type { RequestHandler } from '../http-server.ts';
import type { Access } from './access.ts';
import { groupPage } from './group-page.ts';
import { html } from './html.ts';
import { CONTENT_SECURITY_POLICY, layout } from './layout.ts';
import { memberPage } from './member-page.ts';
import { groupView, heatCache, memberView } from './page-data.ts';
import { verifyToken } from './sign.ts';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

function send(req: IncomingMessage, res: ServerResponse, status: number, body: string, cache: string): true {
  res.writeHead(status, { ...HEADERS, 'cache-control': cache });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}

const notice = (title: string, sentence: string) =>
  layout({ title: `${title} · mlq`, heading: html`<h1>${title}</h1>`, main: html`<p>${sentence}</p>` });

const FORBIDDEN = notice(
  'This link does not open the page',
  'The link has expired, was changed, or was replaced by newer links. Ask for a new one with /mlq web in the channel.',
);
const NOT_FOUND = notice('Not found', 'There is no such page.');

/** The route's parts: `/web/<channel>` or `/web/<channel>/m/<member>`, decoded; null for any other path. */
function parsePath(pathname: string): { channelId: string; memberId: string | null } | null {
  const parts = pathname.split('/');
  if (parts[1] !== 'web' || !parts[2]) return null;
  try {
    if (parts.length === 3) return { channelId: decodeURIComponent(parts[2]), memberId: null };
    if (parts.length === 5 && parts[3] === 'm' && parts[4]) {
      return { channelId: decodeURIComponent(parts[2]), memberId: decodeURIComponent(parts[4]) };
    }
  } catch {
    return null;
  }
  return null;
}

const isCategory = (value: string | null): value is Category => (CATEGORIES as readonly (string | null)[]).includes(value);

/**
 * The group's web pages on the service's HTTP server: a channel's group page and its members' pages, opened by a
 * link signed for that channel (403 when it is forged, expired, for another channel or rotated), or by anyone once
 * an organiser made the page public. A hidden member's page opens for that member alone.
 */
export function webRoutes(options: { deps: CoreDeps; secret: string }): RequestHandler {
  const { deps, secret } = options;
  const heats = heatCache();
  return async (req, res) => {
    if (!req.url?.startsWith('/web/') || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
    const url = new URL(req.url, 'http://localhost');
    const route = parsePath(url.pathname);
    if (!route) return send(req, res, 404, NOT_FOUND, 'no-store');
    const page = await deps.repo.webPage(route.channelId);
    const token = url.searchParams.get('t');
    const verified = token
      ? verifyToken(secret, token, { channelId: route.channelId, generation: page.generation, now: deps.clock.now() })
      : null;
    if (!page.public && !verified?.ok) return send(req, res, 403, FORBIDDEN, 'no-store');
    const access: Access = verified?.ok ? { token, viewer: verified.claims.memberId } : { token: null, viewer: null };
    const cache = access.token ? 'private, no-store' : 'public, max-age=60';
    const channel = await deps.repo.getChannel(route.channelId);
    if (!channel) return send(req, res, 404, NOT_FOUND, 'no-store');
    if (route.memberId === null) {
      const category = url.searchParams.get('category');
      const search = {
        q: (url.searchParams.get('q') ?? '').trim().slice(0, 100),
        category: isCategory(category) ? category : undefined,
        cursor: url.searchParams.get('cursor')?.slice(0, 400) || undefined,
      };
      return send(req, res, 200, groupPage(await groupView(deps, channel, search, heats), access), cache);
    }
    const self = route.memberId === access.viewer;
    const [name, hidden] = [await deps.repo.memberName(route.memberId), await deps.repo.hiddenMembers([route.memberId])];
    if (name === null || (hidden.has(route.memberId) && !self)) return send(req, res, 404, NOT_FOUND, 'no-store');
    return send(req, res, 200, memberPage(await memberView(deps, channel, route.memberId, self), access), cache);
  };
}
