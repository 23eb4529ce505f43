import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  result?: Record<string, unknown>;
}

export interface Injected {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const LIMITS = { blocks: 50, section: 3000, header: 150 };

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => (data += chunk));
    req.on('end', () => resolve(data));
  });
}

function parseParams(raw: string, type: string | undefined): Record<string, unknown> {
  if (type?.includes('application/json')) return raw ? JSON.parse(raw) : {};
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    params[key] = /^[[{]/.test(value) ? JSON.parse(value) : value;
  }
  return params;
}

/** Checks the Block Kit limits Slack enforces, so a rendering that breaks them fails here as it would there. */
function invalidBlocks(blocks: unknown): string | null {
  if (!Array.isArray(blocks)) return null;
  if (blocks.length > LIMITS.blocks) return `more than ${LIMITS.blocks} blocks`;
  for (const block of blocks as { type: string; text?: { text: string }; fields?: { text: string }[] }[]) {
    if (block.type === 'header' && (block.text?.text.length ?? 0) > LIMITS.header) return 'header too long';
    if (block.type === 'section' && (block.text?.text.length ?? 0) > LIMITS.section) return 'section too long';
    if (block.fields && block.fields.length > 10) return 'too many fields';
  }
  return null;
}

/** A Slack Web API (and Socket Mode websocket) of our own on 127.0.0.1, recording every call. */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  readonly responses: { url: string; body: Record<string, unknown> }[] = [];
  readonly admins = new Set<string>();
  readonly goneChannels = new Set<string>();
  private readonly injected = new Map<string, Injected[]>();
  private server!: Server;
  private sockets!: WebSocketServer;
  private socket?: WebSocket;
  private tsCounter = 1_700_000_000;
  private envelopeCounter = 0;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  port = 0;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const raw = await readBody(req);
      const url = req.url ?? '';
      if (url.startsWith('/respond/')) {
        this.responses.push({ url, body: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0]!;
      const params = parseParams(raw, req.headers['content-type']);
      const call: SlackCall = { method, params };
      this.calls.push(call);
      const next = this.injected.get(method)?.shift();
      if (next) {
        res.writeHead(next.status, { 'content-type': 'application/json', ...next.headers }).end(JSON.stringify(next.body ?? { ok: false, error: 'fatal_error' }));
        return;
      }
      call.result = this.answer(method, params);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
    });
    this.sockets = new WebSocketServer({ server: this.server, path: '/socket' });
    this.sockets.on('connection', (ws) => {
      this.socket = ws;
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { envelope_id?: string; payload?: unknown };
        if (message.envelope_id) this.acks.get(message.envelope_id)?.(message.payload);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A1' }, debug_info: { host: 'fake' } }));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(n: number | string): string {
    return `http://127.0.0.1:${this.port}/respond/${n}`;
  }

  /** The next answers to a method, before it answers normally again. */
  inject(method: string, ...answers: Injected[]): void {
    this.injected.set(method, [...(this.injected.get(method) ?? []), ...answers]);
  }

  private answer(method: string, params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    if (['chat.postMessage', 'chat.update', 'chat.postEphemeral'].includes(method)) {
      if (this.goneChannels.has(channel)) return { ok: false, error: 'channel_not_found' };
      const invalid = invalidBlocks(params.blocks);
      if (invalid) return { ok: false, error: 'invalid_blocks', detail: invalid };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T1', team: 'Study', url: 'https://study.example/' };
      case 'apps.connections.open':
        return { ok: true, url: `ws://127.0.0.1:${this.port}/socket` };
      case 'chat.postMessage':
        return { ok: true, channel, ts: `${++this.tsCounter}.000100`, message: { text: params.text } };
      case 'chat.update':
        return { ok: true, channel, ts: params.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: `${++this.tsCounter}.000200` };
      case 'reactions.add':
        return { ok: true };
      case 'views.open':
        return { ok: true, view: { id: `V${++this.tsCounter}` } };
      case 'users.info': {
        const user = String(params.user);
        return { ok: true, user: { id: user, name: user.toLowerCase(), is_admin: this.admins.has(user), profile: { display_name: `${user.toLowerCase()}-name` } } };
      }
      default:
        return { ok: true };
    }
  }

  of(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Sends a Socket Mode envelope and resolves with the client's acknowledgement payload. */
  envelope(type: 'slash_commands' | 'events_api' | 'interactive', payload: unknown): Promise<unknown> {
    const id = `env-${++this.envelopeCounter}`;
    const acked = new Promise<unknown>((resolve) => this.acks.set(id, resolve));
    this.socket!.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api' }));
    return acked;
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  async stop(): Promise<void> {
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Signs a request body as Slack does (v0 HMAC-SHA256 over `v0:timestamp:body`). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  timestamp?: number;
  retryNum?: number;
  signature?: string;
}

/** Posts a signed Slack request to the service: a form body for commands and interactivity, JSON for events. */
export async function sendSigned(url: string, secret: string, body: string, contentType: string, options: SignedOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': options.signature ?? slackSignature(secret, timestamp, body),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text(), ms: performance.now() - started };
}
