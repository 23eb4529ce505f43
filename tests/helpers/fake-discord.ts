import { createServer, type IncomingMessage, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { type DiscordLimits, type LimitAnswer, sentAt } from './fake-limits.ts';

export interface DiscordCall {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  status: number;
  result?: Record<string, unknown>;
}

export const GUILD = '900000000000000001';
export const CHANNEL = '900000000000000002';
export const APP = '900000000000000003';
export const BOT = '900000000000000004';
const MESSAGE_CONTENT = 1 << 15;
const MANAGE_CHANNELS = 1n << 4n;
const ADMINISTRATOR = 1n << 3n;
export const MANAGE_ROLES = 1n << 28n;

/** A guild role as the fake keeps it. */
export interface FakeRole {
  id: string;
  name: string;
  permissions: string;
  position: number;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** A file sent with a message (multipart `files[n]`), with the description (alt text) its `attachments` entry gave it. */
export interface DiscordAttachment {
  /** The request path it came with: a channel's messages, or an interaction's callback or webhook. */
  path: string;
  name: string;
  description?: string;
  bytes: Buffer;
}

/** A JSON body, or a multipart one (`payload_json` and `files[n]`) as discord.js sends messages with files. */
async function parseBody(
  raw: Buffer,
  type: string | undefined,
): Promise<{ body?: Record<string, unknown>; files: Omit<DiscordAttachment, 'path'>[] }> {
  if (!type?.startsWith('multipart/form-data'))
    return { body: raw.length ? (JSON.parse(raw.toString()) as Record<string, unknown>) : undefined, files: [] };
  const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  const payload = form.get('payload_json');
  const body = typeof payload === 'string' ? (JSON.parse(payload) as Record<string, unknown>) : {};
  // A message names its attachments at the top; an interaction callback inside `data`.
  const data = body.data as { attachments?: unknown } | undefined;
  const described = (body.attachments ?? data?.attachments ?? []) as { id: number | string; description?: string }[];
  const files: Omit<DiscordAttachment, 'path'>[] = [];
  for (const [key, value] of form.entries()) {
    const n = /^files\[(\d+)\]$/.exec(key)?.[1];
    if (n === undefined || typeof value === 'string') continue;
    const description = described.find((a) => String(a.id) === n)?.description;
    files.push({ name: value.name, bytes: Buffer.from(await value.arrayBuffer()), ...(description === undefined ? {} : { description }) });
  }
  return { body, files };
}

const user = (id: string, name: string, bot = false) => ({ id, username: name, global_name: name, discriminator: '0', avatar: null, bot });

/** A Discord REST API and gateway of our own on 127.0.0.1, recording every call and checking message limits. */
export class FakeDiscord {
  readonly calls: DiscordCall[] = [];
  readonly goneChannels = new Set<string>();
  refuseMessageContent = false;
  /** Discord's rate limits, when a test opts in (see fake-limits.ts); without them the fake never says 429. */
  limits?: DiscordLimits;
  identifiedIntents = 0;
  /** The names of the application commands the bot registered (`mlq`, and any `mlq-<name>` past the subcommand limit). */
  readonly registered = new Set<string>();
  /** Every message created in a channel or thread, in order. */
  readonly messages: Record<string, unknown>[] = [];
  /** The guild's roles, @everyone first (without Manage Roles, like the bot's invite). */
  readonly roles: FakeRole[] = [{ id: GUILD, name: '@everyone', permissions: '2248473465835073', position: 0 }];
  /** The roles of each guild member by user id (the bot's too); @everyone is implied. */
  readonly memberRoles = new Map<string, Set<string>>();
  /** Every file sent with a message or an interaction reply, in order. */
  readonly attachments: DiscordAttachment[] = [];
  private readonly nonces = new Map<string, Record<string, unknown>>();
  private readonly threads = new Set<string>();
  /** Members who do not accept direct messages: a message to their DM channel fails with 50007. */
  readonly refuseDms = new Set<string>();
  /** Each member's direct-message channel id, created on first use as Discord does. */
  readonly dmChannels = new Map<string, string>();
  /** Threads created without a message (private threads), with their settings and the members added. */
  readonly standaloneThreads = new Map<string, { type: number; invitable: boolean; parent: string; name: string; members: Set<string> }>();
  private readonly held = new Map<string, ((release: () => void) => void)[]>();
  private readonly waiting = new Set<() => void>();
  private readonly injected = new Map<string, { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[]>();
  private server!: Server;
  private gateway!: WebSocketServer;
  private socket?: WebSocket;
  /** Each identified gateway connection's shard, [id, count], as its IDENTIFY gave it ([0, 1] when it gave none). */
  readonly sessions = new Map<WebSocket, [number, number]>();
  /** The shard count GET /gateway/bot recommends. */
  recommendedShards = 1;
  /** Milliseconds every REST answer waits, so a test can stop a service in the middle of its work. */
  latencyMs = 0;
  private seq = 0;
  private snowflake = 1_100_000_000_000_000_000n;
  port = 0;

  next(): string {
    return String(++this.snowflake);
  }

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const arrived = performance.now();
      const raw = await readBody(req);
      if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
      const url = new URL(req.url ?? '/', 'http://x');
      const path = decodeURIComponent(url.pathname).replace(/^\/api\/v10/, '');
      const { body, files } = await parseBody(raw, req.headers['content-type']);
      for (const file of files) this.attachments.push({ path, ...file });
      const call: DiscordCall = { method: req.method ?? 'GET', path, body, status: 200 };
      this.calls.push(call);
      const key = `${call.method} ${path.replace(/\d{15,}/g, ':id')}`;
      const injected = this.injected.get(key)?.shift();
      const hold = this.held.get(key)?.shift();
      let limited: LimitAnswer | undefined;
      const send = (
        status: number,
        payload?: Record<string, unknown> | unknown[],
        headers: Record<string, string> = limited?.headers ?? {},
      ) => {
        call.status = status;
        call.result = payload as Record<string, unknown>;
        const respond = () => {
          res.writeHead(status, payload === undefined ? headers : { 'content-type': 'application/json', ...headers });
          res.end(payload === undefined ? undefined : JSON.stringify(payload));
        };
        if (!hold) return respond();
        const release = () => {
          this.waiting.delete(release);
          respond();
        };
        this.waiting.add(release);
        hold(release);
      };
      if (injected) return send(injected.status, injected.body, injected.headers);
      limited = this.limits?.check(call.method, path, sentAt(req.headers) ?? arrived);
      if (limited?.status === 429) return send(429, limited.body, limited.headers);
      const channel = /^\/channels\/(\d+)/.exec(path)?.[1];
      if (channel && this.goneChannels.has(channel)) return send(403, { message: 'Missing Access', code: 50001 });
      this.route(call.method, path, body, url, send);
    });
    this.gateway = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.gateway.on('connection', (ws) => this.connect(ws));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
    return this;
  }

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /**
   * The next request matching `key` (e.g. 'POST /channels/:id/messages') takes effect but its answer is held back until
   * `release()`, as when the caller crashed or stalled after Discord did the work and before it heard back.
   */
  hold(key: string): Promise<{ release(): void }> {
    return new Promise((resolve) => this.held.set(key, [...(this.held.get(key) ?? []), (release) => resolve({ release })]));
  }

  inject(key: string, ...answers: { status: number; body: Record<string, unknown>; headers?: Record<string, string> }[]): void {
    this.injected.set(key, [...(this.injected.get(key) ?? []), ...answers]);
  }

  /** Adds a guild role; `bot` gives it to the bot as well. */
  addRole(role: FakeRole, bot = false): void {
    this.roles.push(role);
    if (bot) this.memberRoles.set(BOT, new Set([...(this.memberRoles.get(BOT) ?? []), role.id]));
  }

  /** As Discord decides it: Manage Roles (or Administrator) on one of the bot's roles, and a bot role above `role`. */
  private botMayGive(role: FakeRole): boolean {
    const mine = this.roles.filter((r) => r.id === GUILD || this.memberRoles.get(BOT)?.has(r.id));
    const bits = mine.reduce((all, r) => all | BigInt(r.permissions), 0n);
    return (bits & (MANAGE_ROLES | ADMINISTRATOR)) !== 0n && Math.max(...mine.map((r) => r.position)) > role.position;
  }

  private roleBody(r: FakeRole) {
    return { ...r, color: 0, hoist: false, managed: false, mentionable: false, flags: 0, icon: null, unicode_emoji: null };
  }

  private message(channelId: string, body: Record<string, unknown> | undefined, author = user(BOT, 'mlq', true)) {
    return {
      id: this.next(),
      channel_id: channelId,
      ...(this.dmUser(channelId) ? {} : { guild_id: GUILD }),
      author,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      type: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      flags: 0,
    };
  }

  private route(
    method: string,
    path: string,
    body: Record<string, unknown> | undefined,
    url: URL,
    send: (s: number, p?: Record<string, unknown> | unknown[]) => void,
  ): void {
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/gateway/bot') {
      return send(200, {
        url: `ws://127.0.0.1:${this.port}/gateway`,
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) {
      for (const c of body as unknown as { name: string }[]) this.registered.add(c.name);
      return send(
        200,
        (body as unknown as Record<string, unknown>[]).map((c) => ({ ...c, id: this.next(), application_id: APP, version: '1' })),
      );
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      const recipient = this.dmUser(m[1]!);
      if (recipient && this.refuseDms.has(recipient)) return send(403, { message: 'Cannot send messages to this user', code: 50007 });
      const invalid = this.invalidMessage(body);
      if (invalid) return send(400, { message: `Invalid Form Body: ${invalid}`, code: 50035 });
      return send(200, this.create(m[1]!, body));
    }
    if (method === 'PATCH' && (m = /^\/channels\/(\d+)\/messages\/(\d+)$/.exec(path)))
      return send(200, { ...this.message(m[1]!, body), id: m[2] });
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages\/(\d+)\/threads$/.exec(path))) {
      if (this.threads.has(m[2]!)) return send(400, { message: 'A thread has already been created for this message', code: 160004 });
      this.threads.add(m[2]!);
      return send(201, {
        id: m[2],
        type: 11,
        guild_id: GUILD,
        parent_id: m[1],
        name: body?.name,
        owner_id: BOT,
        thread_metadata: { archived: false, auto_archive_duration: 1440, locked: false, archive_timestamp: new Date().toISOString() },
      });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/threads$/.exec(path))) {
      if (body?.type !== 12) return send(400, { message: 'Invalid Form Body: only private threads start without a message', code: 50035 });
      const id = this.next();
      const type = Number(body?.type ?? 11);
      this.standaloneThreads.set(id, {
        type,
        invitable: body?.invitable !== false,
        parent: m[1]!,
        name: String(body?.name ?? ''),
        members: new Set(),
      });
      return send(201, { id, type, guild_id: GUILD, parent_id: m[1], name: body?.name, owner_id: BOT });
    }
    if (method === 'PUT' && (m = /^\/channels\/(\d+)\/thread-members\/(\d+)$/.exec(path))) {
      const thread = this.standaloneThreads.get(m[1]!);
      if (!thread) return send(404, { message: 'Unknown Channel', code: 10003 });
      thread.members.add(m[2]!);
      return send(204);
    }
    if (method === 'PUT' && /^\/channels\/\d+\/messages\/\d+\/reactions\/[^/]+\/@me$/.test(path)) return send(204);
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) {
      return url.searchParams.get('with_response') === 'true'
        ? send(200, { interaction: { id: path.split('/')[2], type: 2 }, resource: { type: body?.type } })
        : send(204);
    }
    if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(path)) return send(200, this.message(CHANNEL, body));
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return send(200, this.message(CHANNEL, body));
    if (method === 'POST' && path === '/users/@me/channels') {
      const recipient = String(body?.recipient_id ?? '');
      if (!this.dmChannels.has(recipient)) this.dmChannels.set(recipient, this.next());
      return send(200, { id: this.dmChannels.get(recipient), type: 1, recipients: [user(recipient, `user${recipient.slice(-2)}`)] });
    }
    if (method === 'GET' && path === '/users/@me') return send(200, user(BOT, 'mlq', true));
    if (method === 'GET' && path === '/applications/@me') return send(200, { id: APP, name: 'mlq', flags: 0, bot: user(BOT, 'mlq', true) });
    if (method === 'GET' && path === `/guilds/${GUILD}/roles`)
      return send(
        200,
        this.roles.map((r) => ({ ...this.roleBody(r) })),
      );
    if (method === 'GET' && (m = new RegExp(`^/guilds/${GUILD}/members/(\\d+)$`).exec(path))) {
      const roles = [...(this.memberRoles.get(m[1]!) ?? [])];
      return send(200, {
        user: user(m[1]!, `user${m[1]!.slice(-2)}`, m[1] === BOT),
        roles,
        nick: null,
        joined_at: new Date().toISOString(),
        deaf: false,
        mute: false,
      });
    }
    if ((method === 'PUT' || method === 'DELETE') && (m = new RegExp(`^/guilds/${GUILD}/members/(\\d+)/roles/(\\d+)$`).exec(path))) {
      const role = this.roles.find((r) => r.id === m![2]);
      if (!role) return send(404, { message: 'Unknown Role', code: 10011 });
      if (!this.botMayGive(role)) return send(403, { message: 'Missing Permissions', code: 50013 });
      const held = this.memberRoles.get(m[1]!) ?? new Set<string>();
      if (method === 'PUT') held.add(role.id);
      else held.delete(role.id);
      this.memberRoles.set(m[1]!, held);
      return send(204);
    }
    send(404, { message: `fake discord has no route for ${method} ${path}`, code: 0 });
  }

  /**
   * Creates a message, or, as Discord does for `enforce_nonce`, returns the message the same author already created with
   * the same nonce in that channel instead of creating a second one.
   */
  private create(channelId: string, body: Record<string, unknown> | undefined): Record<string, unknown> {
    const nonce = body?.enforce_nonce === true && body.nonce !== undefined ? `${channelId}|${BOT}|${String(body.nonce)}` : null;
    const earlier = nonce ? this.nonces.get(nonce) : undefined;
    if (earlier) return earlier;
    const message = { ...this.message(channelId, body), ...(body?.nonce === undefined ? {} : { nonce: body.nonce }) };
    this.messages.push(message);
    if (nonce) this.nonces.set(nonce, message);
    return message;
  }

  /** The member whose direct-message channel `channelId` is, if it is one. */
  private dmUser(channelId: string): string | undefined {
    for (const [member, channel] of this.dmChannels) if (channel === channelId) return member;
    return undefined;
  }

  /** A member writes to the bot in their direct messages (opened by the bot before): a MESSAGE_CREATE outside any server. */
  directMessage(userId: string, content: string, id = this.next()): string {
    const channel = this.dmChannels.get(userId);
    if (!channel) throw new Error(`no direct-message channel with ${userId}`);
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: channel,
      author: user(userId, `user${userId.slice(-2)}`),
      content,
      type: 0,
      timestamp: new Date().toISOString(),
      attachments: [],
      embeds: [],
      mentions: [],
    });
    return id;
  }

  /** A member writes in a thread of the server. */
  threadMessage(userId: string, threadId: string, content: string, id = this.next()): string {
    this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: threadId,
      guild_id: GUILD,
      author: user(userId, `user${userId.slice(-2)}`),
      member: { nick: null, roles: [] },
      content,
      type: 0,
      timestamp: new Date().toISOString(),
      attachments: [],
      embeds: [],
      mentions: [],
    });
    return id;
  }

  /** The messages created in a channel or thread. */
  messagesIn(channelId: string): Record<string, unknown>[] {
    return this.messages.filter((m) => m.channel_id === channelId);
  }

  /** Checks Discord's embed limits so a rendering that breaks them fails here as it would there. */
  private invalidMessage(body: Record<string, unknown> | undefined): string | null {
    const embeds = (body?.embeds ?? []) as { title?: string; description?: string; fields?: { name: string; value: string }[] }[];
    if (embeds.length > 10) return 'more than 10 embeds';
    let total = 0;
    for (const e of embeds) {
      if ((e.description?.length ?? 0) > 4096) return 'description over 4096';
      if ((e.fields?.length ?? 0) > 25) return 'more than 25 fields';
      if (e.fields?.some((f) => f.value.length > 1024)) return 'field over 1024';
      total +=
        (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    }
    return total > 6000 ? 'message over 6000 characters' : null;
  }

  /** Sends to every connection of the shard `guildId` is on, as Discord does: (guild_id >> 22) % count, shard 0 for none. */
  private send(payload: Record<string, unknown>, guildId?: string): void {
    for (const [ws, [id, count]] of this.sessions) {
      if (ws.readyState === 1 && id === shardOf(guildId, count)) ws.send(JSON.stringify(payload));
    }
  }

  /** The connections open now for each shard id (with the count each identified with). */
  shardConnections(): { shard: number; count: number }[] {
    return [...this.sessions]
      .filter(([ws]) => ws.readyState === 1)
      .map(([, [shard, count]]) => ({ shard, count }))
      .sort((a, b) => a.shard - b.shard);
  }

  private connect(ws: WebSocket): void {
    this.socket = ws;
    ws.on('close', () => this.sessions.delete(ws));
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 }, s: null, t: null }));
    ws.on('message', (data) => {
      const packet = JSON.parse(String(data)) as { op: number; d: { intents?: number; shard?: [number, number] } };
      if (packet.op === 1) ws.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      if (packet.op === 2) {
        this.identifiedIntents = packet.d.intents ?? 0;
        if (this.refuseMessageContent && this.identifiedIntents & MESSAGE_CONTENT) {
          ws.close(4014, 'Disallowed intent(s).');
          return;
        }
        const shard = packet.d.shard ?? [0, 1];
        this.sessions.set(ws, shard);
        const mine = shardOf(GUILD, shard[1]) === shard[0];
        ws.send(
          JSON.stringify({
            op: 0,
            t: 'READY',
            s: ++this.seq,
            d: {
              v: 10,
              user: { ...user(BOT, 'mlq', true), verified: true, flags: 0, mfa_enabled: false },
              guilds: mine ? [{ id: GUILD, unavailable: true }] : [],
              session_id: `session-${shard[0]}-${this.sessions.size}`,
              resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
              application: { id: APP, flags: 0 },
              shard,
            },
          }),
        );
        if (!mine) return;
        this.dispatch('GUILD_CREATE', {
          id: GUILD,
          name: 'ML study',
          icon: null,
          owner_id: '900000000000000099',
          afk_timeout: 300,
          verification_level: 0,
          default_message_notifications: 0,
          explicit_content_filter: 0,
          mfa_level: 0,
          premium_tier: 0,
          system_channel_flags: 0,
          nsfw_level: 0,
          preferred_locale: 'en-US',
          features: [],
          roles: [
            {
              id: GUILD,
              name: '@everyone',
              permissions: '2248473465835073',
              position: 0,
              color: 0,
              hoist: false,
              managed: false,
              mentionable: false,
              flags: 0,
            },
          ],
          emojis: [],
          stickers: [],
          members: [],
          channels: [
            {
              id: CHANNEL,
              type: 0,
              guild_id: GUILD,
              name: 'study',
              position: 0,
              permission_overwrites: [],
              parent_id: null,
              nsfw: false,
              topic: null,
              last_message_id: null,
              rate_limit_per_user: 0,
            },
          ],
          threads: [],
          presences: [],
          voice_states: [],
          stage_instances: [],
          guild_scheduled_events: [],
          member_count: 3,
          large: false,
          unavailable: false,
          joined_at: new Date().toISOString(),
        });
      }
    });
  }

  /** Sends a gateway dispatch (op 0) with the next sequence number, on the shard of its guild (of the guild's own id for GUILD_CREATE). */
  dispatch(type: string, data: Record<string, unknown>): void {
    const guild = typeof data.guild_id === 'string' ? data.guild_id : type.startsWith('GUILD_') ? String(data.id) : undefined;
    this.send({ op: 0, t: type, s: ++this.seq, d: data }, guild);
  }

  get connected(): boolean {
    return this.socket?.readyState === 1;
  }

  /** Dispatches a slash-command interaction, as Discord does when a member runs `/mlq <sub> …` (or `/mlq-<sub>` where registered so). */
  command(userId: string, sub: string, options: Record<string, unknown>[] = [], manager = false): string {
    const id = this.next();
    const own = `mlq-${sub}`;
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(id, userId, manager),
      type: 2,
      data: this.registered.has(own)
        ? { id: '900000000000000011', name: own, type: 1, options }
        : { id: '900000000000000010', name: 'mlq', type: 1, options: [{ type: 1, name: sub, options }] },
    });
    return id;
  }

  /** A button press in the channel (or in `channelId`, such as a thread); `id` repeats an interaction to replay it. */
  button(userId: string, customId: string, messageId: string, channelId = CHANNEL, id = this.next()): string {
    const base = this.interactionBase(id, userId, false);
    this.dispatch('INTERACTION_CREATE', {
      ...base,
      ...(channelId === CHANNEL
        ? {}
        : { channel_id: channelId, channel: { id: channelId, type: 12, guild_id: GUILD, parent_id: CHANNEL } }),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: { ...this.message(channelId, {}), id: messageId },
    });
    return id;
  }

  /** A button pressed in a member's direct messages with the bot: an interaction outside any server. */
  dmButton(userId: string, customId: string, messageId: string, id = this.next()): string {
    const channel = this.dmChannels.get(userId)!;
    this.dispatch('INTERACTION_CREATE', {
      ...this.directBase(id, userId, channel),
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message: { ...this.message(channel, {}), id: messageId },
    });
    return id;
  }

  /** A modal submitted in a member's direct messages with the bot. */
  dmModal(userId: string, customId: string, components: Record<string, unknown>[], id = this.next()): string {
    const channel = this.dmChannels.get(userId)!;
    this.dispatch('INTERACTION_CREATE', { ...this.directBase(id, userId, channel), type: 5, data: { custom_id: customId, components } });
    return id;
  }

  private directBase(id: string, userId: string, channel: string) {
    return {
      id,
      application_id: APP,
      token: `token-${id}`,
      version: 1,
      channel_id: channel,
      channel: { id: channel, type: 1 },
      user: user(userId, `user${userId.slice(-2)}`),
      app_permissions: '2248473465835073',
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD },
      context: 1,
      attachment_size_limit: 10_000_000,
    };
  }

  modal(userId: string, customId: string, value: string): string {
    const id = this.next();
    this.dispatch('INTERACTION_CREATE', {
      ...this.interactionBase(id, userId, false),
      type: 5,
      data: { custom_id: customId, components: [{ type: 1, components: [{ type: 4, custom_id: 'answer', value }] }] },
    });
    return id;
  }

  /** A modal submission with components of any kind (labels with checkbox groups); `id` repeats an interaction to replay it. */
  modalWith(userId: string, customId: string, components: Record<string, unknown>[], id = this.next()): string {
    this.dispatch('INTERACTION_CREATE', { ...this.interactionBase(id, userId, false), type: 5, data: { custom_id: customId, components } });
    return id;
  }

  private interactionBase(id: string, userId: string, manager: boolean) {
    const permissions = manager ? String(MANAGE_CHANNELS | 2048n) : '2048';
    return {
      id,
      application_id: APP,
      token: `token-${id}`,
      version: 1,
      guild_id: GUILD,
      channel_id: CHANNEL,
      channel: { id: CHANNEL, type: 0, guild_id: GUILD, name: 'study' },
      member: {
        user: user(userId, `user${userId.slice(-2)}`),
        roles: [],
        permissions,
        joined_at: new Date().toISOString(),
        nick: null,
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: '2248473465835073',
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': GUILD },
      context: 0,
      attachment_size_limit: 10_000_000,
    };
  }

  /** The interaction callbacks and webhook edits that answered interaction `id`. */
  answers(id: string): DiscordCall[] {
    return this.calls.filter((c) => c.path.includes(`/interactions/${id}/`) || c.path.includes(`/token-${id}`));
  }

  of(method: string, pattern: RegExp): DiscordCall[] {
    return this.calls.filter((c) => c.method === method && pattern.test(c.path));
  }

  async stop(): Promise<void> {
    for (const release of [...this.waiting]) release();
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** The shard a guild's events go to, as Discord routes them: (guild_id >> 22) % count; shard 0 outside any guild. */
export const shardOf = (guildId: string | undefined, count: number) => (guildId ? Number((BigInt(guildId) >> 22n) % BigInt(count)) : 0);

export { user as discordUser };
