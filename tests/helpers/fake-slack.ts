import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { type SlackLimits, sentAt } from './fake-limits.ts';

export interface SlackCall {
  method: string;
  params: Record<string, unknown>;
  result?: Record<string, unknown>;
  /** The token the call carried (`Authorization: Bearer …`), if any. */
  token?: string;
}

/** A workspace the fake serves for the OAuth flow: its team, its bot, and the tokens its installs were given. */
export interface FakeWorkspace {
  team: string;
  name: string;
  botUserId: string;
  botId: string;
  tokens: Set<string>;
}

/** A message the fake keeps, as conversations.history and conversations.replies return it. */
export interface SlackMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text?: string;
  blocks?: unknown;
  user: string;
  bot_id: string;
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

export interface Injected {
  status: number;
  body?: Record<string, unknown>;
  headers?: Record<string, string>;
}

const LIMITS = { blocks: 50, section: 3000, header: 150 };

/** A file shared with files.completeUploadExternal: where it went, its bytes as uploaded, and its alt text. */
export interface SlackFile {
  id: string;
  channel: string;
  thread_ts?: string;
  filename: string;
  title?: string;
  alt?: string;
  bytes: Buffer;
}

function readBytes(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

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
  /** Every message posted through chat.postMessage, in order, with its metadata (edits applied). */
  readonly messages: SlackMessage[] = [];
  /** The fake's clock for message timestamps; a harness points it at the test's clock, as Slack's ts is the post time. */
  now: () => Date = () => new Date();
  /** Slack's limits on chat.postMessage, when a test opts in (see fake-limits.ts); without them only injected 429s. */
  limits?: SlackLimits;
  private readonly injected = new Map<string, Injected[]>();
  private readonly limitedUntil = new Map<string, number>();
  private readonly held = new Map<string, ((release: () => void) => void)[]>();
  private readonly waiting = new Set<() => void>();
  private server!: Server;
  private sockets!: WebSocketServer;
  private socket?: WebSocket;
  /** Conversations opened with conversations.open by their sorted member list: a DM (D…) for one user, a group DM (G…) for more. */
  readonly opened = new Map<string, string>();
  /** Every Home tab view published with views.publish, by user, oldest first (the last is what the user sees). */
  readonly homes = new Map<string, Record<string, unknown>[]>();
  private tsCounter = 1_700_000_000;
  private envelopeCounter = 0;
  private readonly acks = new Map<string, (payload: unknown) => void>();
  /** Files asked for with files.getUploadURLExternal, by id, and their bytes once sent to the upload URL. */
  private readonly pendingFiles = new Map<string, { filename: string; length: number; alt?: string; bytes?: Buffer }>();
  /** Every file shared with files.completeUploadExternal, in order. */
  readonly files: SlackFile[] = [];
  port = 0;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      if (req.url?.startsWith('/upload/')) return this.upload(req, res);
      const arrived = performance.now();
      const raw = await readBody(req);
      const url = req.url ?? '';
      if (url.startsWith('/respond/')) {
        this.responses.push({ url, body: JSON.parse(raw) });
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
        return;
      }
      const method = url.replace(/^\/api\//, '').split('?')[0]!;
      const params = parseParams(raw, req.headers['content-type']);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      const call: SlackCall = { method, params, ...(bearer ? { token: bearer } : {}) };
      this.calls.push(call);
      const limited = this.limitedUntil.get(method);
      if (limited !== undefined && performance.now() < limited) {
        const refusal = JSON.stringify({ ok: false, error: 'ratelimited' });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(refusal);
        return;
      }
      const refusal = this.limits?.check(method, params, req.headers.authorization, sentAt(req.headers) ?? arrived);
      if (refusal) {
        res.writeHead(429, { 'content-type': 'application/json', ...refusal.headers }).end(JSON.stringify(refusal.body));
        return;
      }
      const next = this.injected.get(method)?.shift();
      if (next) {
        const retryAfter = next.status === 429 ? Number(next.headers?.['retry-after'] ?? 0) : 0;
        if (retryAfter > 0) this.limitedUntil.set(method, performance.now() + retryAfter * 1000);
        res
          .writeHead(next.status, { 'content-type': 'application/json', ...next.headers })
          .end(JSON.stringify(next.body ?? { ok: false, error: 'fatal_error' }));
        return;
      }
      call.result = this.workspaceAnswer(call) ?? this.answer(method, params);
      const respond = () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(call.result));
      const hold = this.held.get(method)?.shift();
      if (!hold) return respond();
      const release = () => {
        this.waiting.delete(release);
        respond();
      };
      this.waiting.add(release);
      hold(release);
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
    // Idle kept-alive connections stay open longer than any client's pool keeps them, as Slack's do: with Node's 5 s
    // default, a reply sent after a slow command could reuse a socket the fake was closing ("other side closed").
    this.server.keepAliveTimeout = 65_000;
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

  /** The next answers to a method, before it answers normally again; a 429 keeps refusing it until its Retry-After. */
  inject(method: string, ...answers: Injected[]): void {
    this.injected.set(method, [...(this.injected.get(method) ?? []), ...answers]);
  }

  /**
   * The next call to `method` takes effect (a message is kept) but its answer is held back until `release()`, as when
   * the caller crashed or stalled after Slack did the work and before it heard back.
   */
  hold(method: string): Promise<{ release(): void }> {
    return new Promise((resolve) => this.held.set(method, [...(this.held.get(method) ?? []), (release) => resolve({ release })]));
  }

  /** A Slack message ts for now: seconds since the epoch, and a counter as the fraction so every ts is unique. */
  private nextTs(): string {
    return `${Math.floor(this.now().getTime() / 1000)}.${String(++this.tsCounter % 1_000_000).padStart(6, '0')}`;
  }

  /** The top-level messages of a channel, newest first, as conversations.history pages them. */
  private history(params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    const oldest = Number(params.oldest ?? 0);
    const latest = params.latest === undefined ? Infinity : Number(params.latest);
    const limit = Number(params.limit ?? 100);
    const inRange = this.messages
      .filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts))
      .filter((m) => Number(m.ts) > oldest && Number(m.ts) < latest)
      .reverse();
    const page = inRange.slice(0, limit).map((m) => this.shown(m, params));
    return { ok: true, messages: page, has_more: inRange.length > limit };
  }

  /** A thread's parent and then its replies, oldest first, as conversations.replies returns them. */
  private replies(params: Record<string, unknown>): Record<string, unknown> {
    const channel = String(params.channel ?? '');
    const ts = String(params.ts ?? '');
    const limit = Number(params.limit ?? 1000);
    const thread = this.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
    if (!thread.some((m) => m.ts === ts)) return { ok: false, error: 'thread_not_found' };
    return { ok: true, messages: thread.slice(0, limit).map((m) => this.shown(m, params)), has_more: thread.length > limit };
  }

  /** A kept message as the API shows it: metadata only when the caller asked for it with include_all_metadata. */
  private shown(message: SlackMessage, params: Record<string, unknown>): Record<string, unknown> {
    const { metadata, channel: _channel, ...rest } = message;
    const wanted = params.include_all_metadata === true || params.include_all_metadata === 'true';
    return { type: 'message', ...rest, ...(wanted && metadata ? { metadata } : {}) };
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
      case 'chat.postMessage': {
        const ts = this.nextTs();
        const metadata = params.metadata as SlackMessage['metadata'];
        const threadTs = params.thread_ts === undefined ? undefined : String(params.thread_ts);
        const message: SlackMessage = { channel, ts, text: params.text as string, blocks: params.blocks, user: 'UBOT', bot_id: 'BBOT' };
        if (threadTs) message.thread_ts = threadTs;
        if (metadata) message.metadata = metadata;
        this.messages.push(message);
        return { ok: true, channel, ts, message: { text: params.text } };
      }
      case 'chat.update': {
        const kept = this.messages.find((m) => m.channel === channel && m.ts === params.ts);
        if (!kept) return { ok: false, error: 'message_not_found' };
        Object.assign(kept, { text: params.text as string, blocks: params.blocks });
        return { ok: true, channel, ts: params.ts };
      }
      case 'conversations.history':
        return this.history(params);
      case 'conversations.replies':
        return this.replies(params);
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink': {
        const kept = this.messages.find((m) => m.channel === channel && m.ts === params.message_ts);
        if (!kept) return { ok: false, error: 'message_not_found' };
        return { ok: true, channel, permalink: `https://study.example/archives/${channel}/p${kept.ts.replace('.', '')}` };
      }
      case 'reactions.add':
        return { ok: true };
      case 'conversations.open':
        return this.open(params);
      case 'files.getUploadURLExternal':
        return this.uploadUrl(params);
      case 'files.completeUploadExternal':
        return this.completeUpload(params);
      case 'views.open':
        return { ok: true, view: { id: `V${++this.tsCounter}` } };
      case 'views.publish':
        return this.publish(params);
      case 'users.info': {
        const user = String(params.user);
        return {
          ok: true,
          user: {
            id: user,
            name: user.toLowerCase(),
            is_admin: this.admins.has(user),
            profile: { display_name: `${user.toLowerCase()}-name` },
          },
        };
      }
      default:
        return { ok: true };
    }
  }

  /**
   * conversations.open with `users`: the same DM (`D<user>`) or group DM for the same people (as Slack returns), at most 8 users,
   * `users_not_found` without any.
   */
  private open(params: Record<string, unknown>): Record<string, unknown> {
    const users = [
      ...new Set(
        String(params.users ?? '')
          .split(',')
          .filter(Boolean),
      ),
    ].sort();
    if (users.length === 0) return { ok: false, error: 'users_not_found' };
    if (users.length > 8) return { ok: false, error: 'too_many_users' };
    const key = users.join(',');
    let id = this.opened.get(key);
    if (!id) {
      id = users.length === 1 ? `D${users[0]}` : `G${String(this.opened.size + 1).padStart(8, '0')}`;
      this.opened.set(key, id);
    }
    return { ok: true, channel: { id, is_im: users.length === 1, is_mpim: users.length > 1 } };
  }

  /** The app's OAuth credentials oauth.v2.access accepts. */
  oauthApp = { clientId: '1234567890.1234567890123', clientSecret: '0f1e2d3c4b5a69788796a5b4c3d2e1f0' };
  /** Workspaces by team id, for the OAuth flow; a token of one sees only its own team's channels. */
  readonly workspaces = new Map<string, FakeWorkspace>();
  /** Channels that belong to a workspace: another workspace's token gets `channel_not_found` for them. */
  readonly channelTeams = new Map<string, string>();
  private readonly codes = new Map<string, string>();
  private readonly revoked = new Set<string>();
  private installCounter = 0;

  /** Adds a workspace (team) the app can be installed into, with channels of its own. */
  workspace(team: string, name: string, channels: string[] = []): FakeWorkspace {
    const n = this.workspaces.size + 2;
    const ws = { team, name, botUserId: `UBOT${n}`, botId: `BBOT${n}`, tokens: new Set<string>() };
    this.workspaces.set(team, ws);
    for (const channel of channels) this.channelTeams.set(channel, team);
    return ws;
  }

  /** A one-time code, as Slack hands the installer's browser after consent, for an install into `team`. */
  grantCode(team: string): string {
    const code = `code-${team}-${++this.installCounter}`;
    this.codes.set(code, team);
    return code;
  }

  /** The workspace uninstalls the app: every token it was given is revoked (`token_revoked` afterwards). */
  uninstall(team: string): void {
    for (const token of this.workspaces.get(team)?.tokens ?? []) this.revoked.add(token);
  }

  /** The workspace whose install gave `token`. */
  workspaceOf(token: string | undefined): FakeWorkspace | undefined {
    return [...this.workspaces.values()].find((ws) => token !== undefined && ws.tokens.has(token));
  }

  /** oauth.v2.access, and what a workspace token may do: its own auth.test, its own team's channels only. */
  private workspaceAnswer(call: SlackCall): Record<string, unknown> | undefined {
    if (call.method === 'oauth.v2.access') return this.exchange(call.params);
    if (call.token && this.revoked.has(call.token)) return { ok: false, error: 'token_revoked' };
    const ws = this.workspaceOf(call.token);
    if (!ws) return undefined;
    if (call.method === 'auth.test') {
      return { ok: true, user_id: ws.botUserId, bot_id: ws.botId, team_id: ws.team, team: ws.name, url: `https://${ws.team}.example/` };
    }
    const owner = this.channelTeams.get(String(call.params.channel ?? ''));
    if (owner !== undefined && owner !== ws.team) return { ok: false, error: 'channel_not_found' };
    return undefined;
  }

  /** oauth.v2.access: the app's credentials and a code not used before give the workspace a new bot token. */
  private exchange(params: Record<string, unknown>): Record<string, unknown> {
    if (params.client_id !== this.oauthApp.clientId) return { ok: false, error: 'invalid_client_id' };
    if (params.client_secret !== this.oauthApp.clientSecret) return { ok: false, error: 'bad_client_secret' };
    const team = this.codes.get(String(params.code ?? ''));
    if (!team) return { ok: false, error: 'invalid_code' };
    this.codes.delete(String(params.code));
    const ws = this.workspaces.get(team)!;
    const token = `xoxb-${team.toLowerCase()}-${this.installCounter}-secretpart`;
    ws.tokens.add(token);
    return {
      ok: true,
      access_token: token,
      token_type: 'bot',
      scope: 'commands,chat:write',
      bot_user_id: ws.botUserId,
      app_id: 'A1',
      team: { id: ws.team, name: ws.name },
      enterprise: null,
      is_enterprise_install: false,
      authed_user: { id: `U${team}OWNER` },
    };
  }

  /**
   * views.publish as Slack checks it: a `user_id`, a view of type `home` with at most 100 blocks (and the message
   * limits on each), kept as the user's latest Home tab.
   */
  private publish(params: Record<string, unknown>): Record<string, unknown> {
    const user = String(params.user_id ?? '');
    const view = params.view as { type?: string; blocks?: unknown[] } | undefined;
    if (!user || !view) return { ok: false, error: 'invalid_arguments' };
    if (view.type !== 'home') return { ok: false, error: 'invalid_arguments', detail: 'view type must be home' };
    if ((view.blocks?.length ?? 0) > 100) return { ok: false, error: 'invalid_blocks', detail: 'more than 100 blocks' };
    const blocks = view.blocks ?? [];
    for (let i = 0; i < blocks.length; i += LIMITS.blocks) {
      const invalid = invalidBlocks(blocks.slice(i, i + LIMITS.blocks));
      if (invalid) return { ok: false, error: 'invalid_blocks', detail: invalid };
    }
    this.homes.set(user, [...(this.homes.get(user) ?? []), view]);
    return { ok: true, view: { id: `V${++this.tsCounter}`, type: 'home', blocks: view.blocks } };
  }

  /** The Home tab a user sees: the last view published for them, if any. */
  home(user: string): { type: string; blocks: unknown[] } | undefined {
    return this.homes.get(user)?.at(-1) as { type: string; blocks: unknown[] } | undefined;
  }

  /** The `app_home_opened` event Slack sends when `user` opens the app's Home (or Messages) tab, for `event` or `envelope`. */
  homeOpenedEvent(user: string, tab: 'home' | 'messages' = 'home'): Record<string, unknown> {
    const last = this.home(user);
    return {
      type: 'app_home_opened',
      user,
      channel: `D${user}`,
      tab,
      event_ts: this.nextTs(),
      ...(last ? { view: { id: 'VHOME', type: 'home', blocks: last.blocks } } : {}),
    };
  }

  /** files.getUploadURLExternal: a file id and an upload URL on this server; `length` must be over 0, `alt_txt` at most 1000 characters. */
  private uploadUrl(params: Record<string, unknown>): Record<string, unknown> {
    const length = Number(params.length ?? 0);
    if (!params.filename || !(length > 0)) return { ok: false, error: 'missing_argument' };
    const alt = params.alt_txt === undefined ? undefined : String(params.alt_txt);
    if (alt && alt.length > 1000) return { ok: false, error: 'alt_txt_too_large' };
    const id = `F${++this.tsCounter}`;
    this.pendingFiles.set(id, { filename: String(params.filename), length, alt });
    return { ok: true, file_id: id, upload_url: `http://127.0.0.1:${this.port}/upload/${id}` };
  }

  /** The upload URL: takes the file's bytes, raw or as the first file of a multipart form, as Slack's upload service does. */
  private async upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBytes(req);
    const pending = this.pendingFiles.get(req.url!.slice('/upload/'.length));
    if (!pending || req.method !== 'POST') return void res.writeHead(404).end('not found');
    const type = req.headers['content-type'] ?? '';
    let bytes = raw;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
      const file = [...form.values()].find((v) => typeof v !== 'string');
      bytes = file && typeof file !== 'string' ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    }
    pending.bytes = bytes;
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`OK - ${bytes.length}`);
  }

  /** files.completeUploadExternal: shares uploaded files in `channel_id` (and `thread_ts`); a file never uploaded is refused. */
  private completeUpload(params: Record<string, unknown>): Record<string, unknown> {
    const wanted = (Array.isArray(params.files) ? params.files : []) as { id: string; title?: string }[];
    const channel = params.channel_id === undefined ? undefined : String(params.channel_id);
    if (wanted.length === 0) return { ok: false, error: 'invalid_arguments' };
    if (wanted.some((f) => !this.pendingFiles.get(f.id)?.bytes)) return { ok: false, error: 'file_not_found' };
    if (channel && this.goneChannels.has(channel)) return { ok: false, error: 'channel_not_found' };
    for (const f of wanted) {
      const pending = this.pendingFiles.get(f.id)!;
      this.pendingFiles.delete(f.id);
      if (!channel) continue;
      const shared: SlackFile = { id: f.id, channel, filename: pending.filename, title: f.title, alt: pending.alt, bytes: pending.bytes! };
      if (params.thread_ts !== undefined) shared.thread_ts = String(params.thread_ts);
      this.files.push(shared);
    }
    return { ok: true, files: wanted.map((f) => ({ id: f.id, title: f.title })) };
  }

  /** The conversation conversations.open gave these users, if any. */
  conversationOf(...users: string[]): string | undefined {
    return this.opened.get([...users].sort().join(','));
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
    for (const release of [...this.waiting]) release();
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
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
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, text: await response.text() };
}
