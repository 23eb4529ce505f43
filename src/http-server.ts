import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/** What `GET /metrics` serves: a registry in Prometheus's text format. */
export interface MetricsSource {
  readonly contentType: string;
  render(): Promise<string>;
}

/** The service's one HTTP server: `/healthz` and `/metrics` here, and whatever routes platforms add (Slack's `/slack/events`). */
export async function startHttpServer(options: {
  port: number;
  host: string;
  healthy: () => Promise<boolean>;
  handlers?: RequestHandler[];
  metrics?: MetricsSource;
}): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer(async (req, res) => {
    try {
      if (req.url === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
        const ok = await options.healthy();
        res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: ok ? 'reachable' : 'unreachable' }));
        return;
      }
      if (options.metrics && req.url?.split('?')[0] === '/metrics' && (req.method === 'GET' || req.method === 'HEAD')) {
        const body = await options.metrics.render();
        res.writeHead(200, { 'content-type': options.metrics.contentType });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
      for (const handler of options.handlers ?? []) if (await handler(req, res)) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  return {
    server,
    port: typeof address === 'object' && address ? address.port : options.port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
