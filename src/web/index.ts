import type { Config } from '../config.ts';
import type { CoreDeps, WebLinks } from '../core/deps.ts';
import type { RequestHandler } from '../http-server.ts';
import { webLinks } from './links.ts';
import { webRoutes } from './routes.ts';

/**
 * The group's web page, wired by main.ts when MLQ_WEB_SECRET is set: adds its route to the HTTP server's and
 * returns the links the core hands out (undefined without the secret, so `/mlq web` says it is not enabled).
 */
export function createWeb(
  config: Pick<Config, 'MLQ_WEB_SECRET' | 'MLQ_PUBLIC_URL' | 'MLQ_WEB_LINK_DAYS'>,
  port: number | undefined,
  deps: CoreDeps,
  routes: RequestHandler[],
): WebLinks | undefined {
  const secret = config.MLQ_WEB_SECRET;
  if (!secret) return undefined;
  routes.push(webRoutes({ deps, secret }));
  return webLinks({ secret, baseUrl: config.MLQ_PUBLIC_URL ?? `http://localhost:${port ?? 3000}`, linkDays: config.MLQ_WEB_LINK_DAYS });
}
