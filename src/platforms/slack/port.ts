import type { webApi } from '@slack/bolt';
import { LRUCache } from 'lru-cache';
import type { ChartImage } from '../../core/charts.ts';
import type { Logger } from '../../core/log.ts';
import type { Card } from '../../core/message.ts';
import { type Ack, ChannelUnavailableError, type ChatPort, type Conversation, type PostedMessage } from '../../core/port.ts';
import { PacedPosts } from './paced-posts.ts';
import { ids } from './parse.ts';
import { ACK_EMOJI, renderHome, renderMessage, renderMessages } from './render.ts';
import { uploadImages } from './upload.ts';

/** Slack errors that mean the channel is gone or closed to the bot: retrying cannot help, so the channel is paused. */
const CHANNEL_GONE = new Set([
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'channel_is_archived',
  'access_denied',
  'restricted_action',
]);

/** Slack errors that mean a workspace's own token (OAuth mode) is gone: its channels wait for a reinstall. */
const TOKEN_GONE = new Set(['token_revoked', 'invalid_auth', 'account_inactive', 'not_authed']);

const CACHE_MS = 10 * 60_000;

/** Each workspace's Web API client when mlq is installed into many workspaces (see SlackOAuth). */
export interface WorkspaceClients {
  /** The workspace's client; null when it has no installation. */
  client(team: string): Promise<webApi.WebClient | null>;
  /** Forgets the workspace's client after Slack refused its token. */
  forget(team: string): void;
}

/** Slack message metadata carrying the work's key, so a post can be found again after a crash (see findPosted). */
const metadata = (key?: string) => (key ? { metadata: { event_type: 'mlq_work', event_payload: { key } } } : {});

/** The Web API error code of a failed call, such as `invalid_auth`. */
export const slackError = (error: unknown): string | undefined => (error as { data?: { error?: string } }).data?.error;

/** Outbound Slack: the core's messages through the Web API, and members' names and admin flags from users.info. */
export class SlackPort implements ChatPort {
  readonly platform = 'slack';
  /** Display names and admin flags from users.info, for 10 minutes, for at most 10,000 members (bounded memory). */
  private readonly users = new LRUCache<string, { name: string; admin: boolean }>({ max: 10_000, ttl: CACHE_MS });

  constructor(
    private readonly client: webApi.WebClient,
    private readonly logger: Logger,
    private readonly workspaces?: WorkspaceClients,
    /** chat.postMessage paced per workspace and per channel, at Slack's limits. */
    readonly posts = new PacedPosts(),
  ) {}

  /** chat.postMessage once the workspace's and the channel's limits allow it. */
  private postMessage(client: webApi.WebClient, team: string, args: webApi.ChatPostMessageArguments) {
    return this.posts.run(team, args.channel, () => client.chat.postMessage(args));
  }

  /**
   * The Web API client for the workspace: its own installation's when mlq is installed through OAuth, the one bot
   * token's otherwise. A workspace without an installation is unavailable (`id` names it), as after an uninstall.
   */
  private async api(team: string, id: string): Promise<webApi.WebClient> {
    if (!this.workspaces) return this.client;
    const client = await this.workspaces.client(team);
    if (!client) throw new ChannelUnavailableError(id, 'app_uninstalled');
    return client;
  }

  /** A member's display name and whether they administer the workspace; the user id when users.info fails. */
  async user(team: string, user: string): Promise<{ name: string; admin: boolean }> {
    const cached = this.users.get(`${team}:${user}`);
    if (cached) return cached;
    try {
      const { user: info } = await (await this.api(team, ids.community(team))).users.info({ user });
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

  private async gone(error: unknown, id: string): Promise<never> {
    const code = slackError(error);
    if (code && CHANNEL_GONE.has(code)) throw new ChannelUnavailableError(id, code);
    const team = ids.decode(id)?.community;
    if (code && team && this.workspaces && TOKEN_GONE.has(code)) await this.tokenGone(this.workspaces, team, id);
    throw error;
  }

  /**
   * The workspace's token was refused: the store is read again. A token that changed since (a reinstall another
   * replica stored) leaves the refusal a failed attempt, retried with the new one; otherwise the channel is paused.
   */
  private async tokenGone(workspaces: WorkspaceClients, team: string, id: string): Promise<void> {
    const stale = (await workspaces.client(team))?.token;
    workspaces.forget(team);
    const fresh = await workspaces.client(team);
    if (!fresh) throw new ChannelUnavailableError(id, 'app_uninstalled');
    if (fresh.token === stale) throw new ChannelUnavailableError(id, 'tokens_revoked');
  }

  async post(id: string, card: Card, key?: string): Promise<PostedMessage> {
    const ref = ids.decode(id)!;
    const client = await this.api(ref.community, id);
    const result = await this.postMessage(client, ref.community, {
      channel: ref.channel,
      unfurl_links: false,
      unfurl_media: false,
      ...renderMessage(card),
      ...metadata(key),
    }).catch((error) => this.gone(error, id));
    const posted = ids.message(ref.community, ref.channel, result.ts!);
    return { messageId: posted, threadId: posted };
  }

  async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    const ref = ids.decode(threadId)!;
    const client = await this.api(ref.community, ids.channel(ref.community, ref.channel));
    let first: string | undefined;
    for (const message of renderMessages(card)) {
      const result = await this.postMessage(client, ref.community, {
        channel: ref.channel,
        thread_ts: ref.message,
        unfurl_links: false,
        ...message,
        ...(first ? {} : metadata(key)),
      }).catch((error) => this.gone(error, ids.channel(ref.community, ref.channel)));
      first ??= ids.message(ref.community, ref.channel, result.ts!);
    }
    return { messageId: first! };
  }

  /** Looks for a message of ours carrying `key` in its metadata: in the channel's history, or in a thread's replies. */
  async findPosted(targetId: string, key: string, since: Date): Promise<PostedMessage | null> {
    const ref = ids.decode(targetId);
    if (!ref) return null;
    const oldest = String(Math.floor(since.getTime() / 1000));
    const client = await this.api(ref.community, targetId);
    const result = ref.message
      ? await client.conversations.replies({ channel: ref.channel, ts: ref.message, include_all_metadata: true, limit: 200 })
      : await client.conversations.history({ channel: ref.channel, oldest, include_all_metadata: true, limit: 200 });
    const found = (result.messages ?? []).find((m) => (m.metadata?.event_payload as { key?: string } | undefined)?.key === key);
    if (!found?.ts) return null;
    const posted = ids.message(ref.community, ref.channel, found.ts);
    return { messageId: posted, threadId: posted };
  }

  async update(id: string, card: Card): Promise<void> {
    const ref = ids.decode(id)!;
    await (await this.api(ref.community, id)).chat
      .update({ channel: ref.channel, ts: ref.message!, ...renderMessage(card) })
      .catch((error) => this.gone(error, id));
  }

  async react(id: string, ack: Ack): Promise<void> {
    const ref = ids.decode(id);
    if (!ref?.message) return;
    const client = await this.api(ref.community, id).catch(() => null);
    await client?.reactions.add({ channel: ref.channel, timestamp: ref.message, name: ACK_EMOJI[ack] }).catch((error) => {
      if (slackError(error) !== 'already_reacted') this.logger.warn({ platform: 'slack', err: error }, 'reactions.add failed');
    });
  }

  async sendPrivate(member: string, channel: string, card: Card): Promise<void> {
    const ref = ids.decode(channel)!;
    await (await this.api(ref.community, channel)).chat.postEphemeral({
      channel: ref.channel,
      user: ids.userOf(member),
      ...renderMessage(card),
    });
  }

  /** A group DM of the members and the bot (a DM for one member), through conversations.open: `mpim:write`, `im:write`. */
  async openSpace(channel: string, members: string[], _title: string): Promise<string> {
    const ref = ids.decode(channel)!;
    const result = await (await this.api(ref.community, channel)).conversations.open({ users: members.map(ids.userOf).join(',') });
    return ids.channel(ref.community, result.channel!.id!);
  }

  /** The message's permalink from chat.getPermalink; null when Slack gives none. */
  async link(messageId: string): Promise<string | null> {
    const ref = ids.decode(messageId);
    if (!ref?.message) return null;
    const result = await (await this.api(ref.community, messageId)).chat.getPermalink({ channel: ref.channel, message_ts: ref.message });
    return result.permalink ?? null;
  }

  /** A direct message with the member (conversations.open, `im:write`), greeted; Slack has no private threads to fall back to. */
  async openConversation(member: string, channel: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    const ref = ids.decode(channel);
    if (how !== 'direct' || !ref) return { ok: false, reason: 'unsupported' };
    const client = await this.api(ref.community, channel);
    const opened = await client.conversations.open({ users: ids.userOf(member) }).catch((error) => {
      if (slackError(error) !== 'missing_scope') throw error;
      this.logger.warn(
        { platform: 'slack' },
        'conversations.open needs the im:write scope: update the app from the manifest and reinstall it',
      );
      return null;
    });
    const dm = opened?.channel?.id;
    if (!dm) return { ok: false, reason: 'unsupported' };
    await this.postMessage(client, ref.community, { channel: dm, unfurl_links: false, ...renderMessage(greeting) });
    return { ok: true, conversationId: ids.channel(ref.community, dm), direct: true, buttons: true };
  }

  /** The member's App Home tab, replaced with `card` (views.publish; no scope, the manifest's `home_tab_enabled`). */
  async publishHome(member: string, card: Card): Promise<void> {
    const team = ids.decode(member)!.community;
    const client = await this.api(team, ids.community(team));
    await client.views.publish({ user_id: ids.userOf(member), view: renderHome(card) });
  }

  /** Charts into a thread (the digest's) with files:write: one message with every image and its alt text. */
  async postImages(threadId: string, images: ChartImage[]): Promise<void> {
    const ref = ids.decode(threadId)!;
    const channel = ids.channel(ref.community, ref.channel);
    const client = await this.api(ref.community, channel);
    await uploadImages(client, ref.channel, images, ref.message).catch((error) => this.gone(error, channel));
  }

  async isAdmin(channel: string, member: string): Promise<boolean> {
    const ref = ids.decode(channel);
    return ref ? (await this.user(ref.community, ids.userOf(member))).admin : false;
  }
}
