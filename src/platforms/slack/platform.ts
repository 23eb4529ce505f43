import type { IncomingMessage, ServerResponse } from 'node:http';
import { App, HTTPReceiver, type Logger as BoltLogger, LogLevel, SocketModeReceiver } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { Mlq } from '../../core/app.ts';
import type { Logger } from '../../core/log.ts';
import type { Card } from '../../core/message.ts';
import { type Ack, ChannelUnavailableError, type ChatPort, type PostedMessage } from '../../core/port.ts';
import type { SlackConfig } from './config.ts';
import {
  channelId,
  classifyMessage,
  communityId,
  decode,
  memberId,
  messageId,
  neutralCommandText,
  plainMessageText,
  type SlackMessageEvent,
  userOf,
} from './parse.ts';
import { ACK_EMOJI, renderMessage, renderMessages, sealedAnswerModal } from './render.ts';

/** Web API retries: minutes, not Bolt's default half hour; a 429 waits for its Retry-After before the next try. */
export const DEFAULT_RETRY = { retries: 6, factor: 2, minTimeout: 1_000, maxTimeout: 30_000, maxRetryTime: 3 * 60_000, randomize: true };

/** Slack errors that mean the channel is gone or closed to the bot: retrying cannot help, so the channel is paused. */
const CHANNEL_GONE = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'access_denied', 'restricted_action']);

const CACHE_MS = 10 * 60_000;

/** Slack message metadata carrying the work's key, so a post can be found again after a crash (see findPosted). */
const metadata = (key?: string) => (key ? { metadata: { event_type: 'mlq_work', event_payload: { key } } } : {});

function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.WARN;
  const text = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : String(m))).join(' ');
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: (...msg) => logger.warn({ platform: 'slack' }, text(msg)),
    error: (...msg) => logger.error({ platform: 'slack' }, text(msg)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Slack through @slack/bolt: Socket Mode with an app token, HTTP mode at /slack/events otherwise. */
export class SlackPlatform implements ChatPort {
  readonly platform = 'slack';
  readonly app: App;
  private readonly httpReceiver?: HTTPReceiver;
  private mlq?: Mlq;
  private botUserId?: string;
  /** Display names and admin flags from users.info, for 10 minutes, for at most 10,000 members (bounded memory). */
  private readonly users = new LRUCache<string, { name: string; admin: boolean }>({ max: 10_000, ttl: CACHE_MS });

  constructor(
    private readonly config: SlackConfig,
    private readonly logger: Logger,
    options: { retry?: Partial<typeof DEFAULT_RETRY> } = {},
  ) {
    const clientOptions = { slackApiUrl: config.apiUrl, retryConfig: { ...DEFAULT_RETRY, ...options.retry }, rejectRateLimitedCalls: false };
    const log = boltLogger(logger);
    const receiver =
      config.mode === 'socket'
        ? new SocketModeReceiver({ appToken: config.appToken!, installerOptions: { clientOptions }, logger: log })
        : (this.httpReceiver = new HTTPReceiver({ signingSecret: config.signingSecret!, endpoints: '/slack/events', logger: log }));
    this.app = new App({ token: config.botToken, receiver, clientOptions, logger: log, deferInitialization: true });
    this.app.error(async (error) => logger.error({ platform: 'slack', err: error }, 'a Slack event could not be handled'));
    this.listen();
  }

  /** Connects the core; events that arrive before this are not acknowledged as handled. */
  attach(mlq: Mlq): void {
    this.mlq = mlq;
  }

  private core(): Mlq {
    if (!this.mlq) throw new Error('the Slack platform is not attached to the core');
    return this.mlq;
  }

  /** Checks the bot token (auth.test) and, in Socket Mode, opens the websocket. */
  async start(): Promise<{ team: string; botUserId: string }> {
    await this.app.init();
    const auth = await this.app.client.auth.test();
    this.botUserId = auth.user_id;
    if (this.config.mode === 'socket') await this.app.start();
    return { team: auth.team_id ?? '', botUserId: auth.user_id ?? '' };
  }

  async stop(): Promise<void> {
    if (this.config.mode === 'socket') await this.app.stop().catch(() => undefined);
  }

  /** The HTTP-mode route for the service's one server; false for any other path. */
  handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (!this.httpReceiver || !req.url?.startsWith('/slack/events')) return false;
    this.httpReceiver.requestListener(req, res);
    return true;
  };

  private async user(team: string, user: string): Promise<{ name: string; admin: boolean }> {
    const cached = this.users.get(`${team}:${user}`);
    if (cached) return cached;
    try {
      const { user: info } = await this.app.client.users.info({ user });
      const entry = {
        name: info?.profile?.display_name || info?.real_name || info?.name || user,
        admin: Boolean(info?.is_admin || info?.is_owner || info?.is_primary_owner),
      };
      this.users.set(`${team}:${user}`, entry);
      return entry;
    } catch (error) {
      this.logger.warn({ platform: 'slack', user, err: error }, 'users.info failed');
      return { name: user, admin: false };
    }
  }

  private listen(): void {
    this.app.command('/mlq', async ({ command, ack, respond }) => {
      await ack();
      const team = command.team_id;
      const reply = await this.core().command({
        channelId: channelId(team, command.channel_id),
        communityId: communityId(team),
        channelName: command.channel_name,
        actor: { id: memberId(team, command.user_id), name: (await this.user(team, command.user_id)).name },
        text: neutralCommandText(command.text ?? '', team),
      });
      for (const message of renderMessages(reply.card)) {
        await respond({ response_type: reply.visibility === 'public' ? 'in_channel' : 'ephemeral', ...message });
      }
    });

    this.app.event('message', async ({ event, body }) => {
      const team = (body as { team_id?: string }).team_id ?? '';
      const action = classifyMessage(event as unknown as SlackMessageEvent, this.botUserId);
      const core = this.core();
      if (action.kind === 'reply') {
        const who = await this.user(team, action.user);
        await core.threadMessage({
          channelId: channelId(team, action.channel),
          communityId: communityId(team),
          threadId: messageId(team, action.channel, action.threadTs),
          messageId: messageId(team, action.channel, action.ts),
          author: { id: memberId(team, action.user), name: who.name },
          text: plainMessageText(action.text),
        });
      } else if (action.kind === 'edit') {
        const author = action.user ? { id: memberId(team, action.user), name: (await this.user(team, action.user)).name } : undefined;
        await core.messageEdited({
          messageId: messageId(team, action.channel, action.ts),
          text: plainMessageText(action.text),
          channelId: channelId(team, action.channel),
          communityId: communityId(team),
          threadId: messageId(team, action.channel, action.threadTs),
          author,
        });
      } else if (action.kind === 'delete') {
        await core.messageDeleted({ messageId: messageId(team, action.channel, action.ts) });
      }
    });

    this.app.event('reaction_added', async ({ event, body }) => {
      if (event.item.type !== 'message') return;
      const team = (body as { team_id?: string }).team_id ?? '';
      const who = await this.user(team, event.user);
      await this.core().reaction({
        channelId: channelId(team, event.item.channel),
        communityId: communityId(team),
        messageId: messageId(team, event.item.channel, event.item.ts),
        member: { id: memberId(team, event.user), name: who.name },
      });
    });

    this.app.action('answer.sealed', async ({ ack, body, client }) => {
      await ack();
      const action = (body as { actions?: { value?: string }[] }).actions?.[0];
      const trigger = (body as { trigger_id?: string }).trigger_id;
      const channel = (body as { channel?: { id: string } }).channel?.id ?? '';
      const round = await this.core().roundQuestion(Number(action?.value));
      if (!trigger || !round) return;
      if (!round.open) {
        await client.chat.postEphemeral({ channel, user: body.user.id, text: 'This round is revealed already: reply to a probe in its thread instead.' });
        return;
      }
      await client.views.open({ trigger_id: trigger, view: sealedAnswerModal(action!.value!, channel, round.prompt) });
    });

    this.app.action('practice.reveal', async ({ ack, body, respond }) => {
      await ack();
      const team = body.team?.id ?? '';
      const channel = (body as { channel?: { id: string } }).channel?.id ?? '';
      const reply = await this.core().button({
        channelId: channelId(team, channel),
        communityId: communityId(team),
        actor: { id: memberId(team, body.user.id), name: (await this.user(team, body.user.id)).name },
        action: 'practice.reveal',
        value: '',
      });
      for (const message of renderMessages(reply.card)) await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    });

    this.app.view('mlq.sealed', async ({ ack, view, body, client }) => {
      const team = body.team?.id ?? '';
      const { roundId, channel } = JSON.parse(view.private_metadata || '{}') as { roundId?: string; channel?: string };
      const text = view.state.values.answer?.text?.value ?? '';
      const who = await this.user(team, body.user.id);
      const outcome = await this.core().sealedAnswer({
        channelId: channelId(team, channel ?? ''),
        communityId: communityId(team),
        roundId: Number(roundId),
        author: { id: memberId(team, body.user.id), name: who.name },
        text,
        submissionId: `slack:${team}:view:${view.id}`,
      });
      const errors: Record<string, string> = {
        closed: 'This round is revealed already, so it takes no more answers.',
        'already-answered': 'You have answered this round already; later replies are discussion.',
        empty: 'Write an answer first.',
      };
      if (errors[outcome]) {
        await ack({ response_action: 'errors', errors: { answer: errors[outcome]! } });
        return;
      }
      await ack();
      if (outcome === 'answer' && channel) {
        await client.chat.postEphemeral({ channel, user: body.user.id, text: 'Sealed: your answer is stored and counts. Everyone sees it at the reveal.' });
      }
    });
  }

  private gone(error: unknown, id: string): never {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && CHANNEL_GONE.has(code)) throw new ChannelUnavailableError(id, code);
    throw error;
  }

  async post(id: string, card: Card, key?: string): Promise<PostedMessage> {
    const ref = decode(id)!;
    const result = await this.app.client.chat
      .postMessage({ channel: ref.channel, unfurl_links: false, unfurl_media: false, ...renderMessage(card), ...metadata(key) })
      .catch((error) => this.gone(error, id));
    const posted = messageId(ref.team, ref.channel, result.ts!);
    return { messageId: posted, threadId: posted };
  }

  async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    const ref = decode(threadId)!;
    let first: string | undefined;
    for (const message of renderMessages(card)) {
      const result = await this.app.client.chat
        .postMessage({ channel: ref.channel, thread_ts: ref.ts, unfurl_links: false, ...message, ...(first ? {} : metadata(key)) })
        .catch((error) => this.gone(error, channelId(ref.team, ref.channel)));
      first ??= messageId(ref.team, ref.channel, result.ts!);
    }
    return { messageId: first! };
  }

  /** Looks for a message of ours carrying `key` in its metadata: in the channel's history, or in a thread's replies. */
  async findPosted(targetId: string, key: string, since: Date): Promise<PostedMessage | null> {
    const ref = decode(targetId);
    if (!ref) return null;
    const oldest = String(Math.floor(since.getTime() / 1000));
    const result = ref.ts
      ? await this.app.client.conversations.replies({ channel: ref.channel, ts: ref.ts, include_all_metadata: true, limit: 200 })
      : await this.app.client.conversations.history({ channel: ref.channel, oldest, include_all_metadata: true, limit: 200 });
    const found = (result.messages ?? []).find((m) => (m.metadata?.event_payload as { key?: string } | undefined)?.key === key);
    if (!found?.ts) return null;
    const posted = messageId(ref.team, ref.channel, found.ts);
    return { messageId: posted, threadId: posted };
  }

  async update(id: string, card: Card): Promise<void> {
    const ref = decode(id)!;
    await this.app.client.chat.update({ channel: ref.channel, ts: ref.ts!, ...renderMessage(card) }).catch((error) => this.gone(error, id));
  }

  async react(id: string, ack: Ack): Promise<void> {
    const name = ACK_EMOJI[ack];
    const ref = decode(id);
    if (!name || !ref?.ts) return;
    await this.app.client.reactions.add({ channel: ref.channel, timestamp: ref.ts, name }).catch((error) => {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== 'already_reacted') this.logger.warn({ platform: 'slack', err: error }, 'reactions.add failed');
    });
  }

  async sendPrivate(member: string, channel: string, card: Card): Promise<void> {
    const ref = decode(channel)!;
    await this.app.client.chat.postEphemeral({ channel: ref.channel, user: userOf(member), ...renderMessage(card) });
  }

  async isAdmin(channel: string, member: string): Promise<boolean> {
    const ref = decode(channel);
    return ref ? (await this.user(ref.team, userOf(member))).admin : false;
  }
}
