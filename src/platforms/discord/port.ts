import { createHash } from 'node:crypto';
import { ChannelType, DiscordAPIError, type REST, Routes } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { ChartImage } from '../../core/charts.ts';
import type { Logger } from '../../core/log.ts';
import type { Card } from '../../core/message.ts';
import {
  type Ack,
  type ChampionRoleResult,
  ChannelUnavailableError,
  type ChatPort,
  type Conversation,
  type PostedMessage,
} from '../../core/port.ts';
import { imageMessage } from './attachments.ts';
import { moveChampionRole } from './champion-role.ts';
import { DIRECT, ids } from './parse.ts';
import { ACK_EMOJI, renderMessage, renderMessages } from './render.ts';

/** Discord REST errors that mean the channel is gone or closed to the bot (Unknown Channel, Missing Access, Missing Permissions). */
const CHANNEL_GONE = new Set([10003, 50001, 50013]);
/** "Cannot send messages to this user": the member does not accept direct messages from the server's members. */
const DMS_CLOSED = 50007;
/** "A thread has already been created for this message": a repeated post after a crash; the thread shares the message id. */
const THREAD_EXISTS = 160004;

/**
 * Discord's own dedupe: a message sent again with the same nonce within a few minutes returns the first one instead
 * of posting twice (enforce_nonce), which covers a crash between posting and recording within the lease.
 */
const nonce = (key?: string) =>
  key ? { nonce: createHash('sha256').update(key).digest('base64url').slice(0, 25), enforce_nonce: true } : {};

/** Outbound Discord: the core's messages through discord.js's REST client; organiser flags as interactions report them. */
export class DiscordPort implements ChatPort {
  readonly platform = 'discord';
  /**
   * Private messages are direct messages, whose buttons arrive outside the server; members grade from the reveal's
   * button. A modal holds five fields, so longer forms come in steps.
   */
  readonly capabilities = { privateButtons: false, formFields: 5 };
  /** Whether a member may organise a channel, as their last interaction there reported; bounded. */
  private readonly organisers = new LRUCache<string, boolean>({ max: 50_000 });

  constructor(
    private readonly rest: REST,
    private readonly logger: Logger,
    readonly answersInThread: boolean,
  ) {}

  /** Remembers whether a member has Manage Channels on a channel, from an interaction there. */
  noteOrganiser(channelId: string, memberId: string, canManage: boolean): void {
    this.organisers.set(`${channelId}|${memberId}`, canManage);
  }

  private gone(error: unknown, id: string): never {
    if (error instanceof DiscordAPIError && typeof error.code === 'number' && CHANNEL_GONE.has(error.code)) {
      throw new ChannelUnavailableError(id, `${error.code} ${error.message}`);
    }
    throw error;
  }

  async post(id: string, card: Card, key?: string): Promise<PostedMessage> {
    const ref = ids.decode(id)!;
    const message = (await this.rest
      .post(Routes.channelMessages(ref.channel), { body: { ...renderMessage(card), ...nonce(key) } })
      .catch((error) => this.gone(error, id))) as { id: string };
    const title = (card.fallback.split('\n')[0] ?? 'Question').replace(/^Question of the day \(([^)]*)\):?.*/, 'Question of the day · $1');
    const thread = (await this.rest
      .post(Routes.threads(ref.channel, message.id), { body: { name: title.slice(0, 100), auto_archive_duration: 1440 } })
      .catch((error) =>
        error instanceof DiscordAPIError && error.code === THREAD_EXISTS ? { id: message.id } : this.gone(error, id),
      )) as { id: string };
    return { messageId: ids.message(ref.community, ref.channel, message.id), threadId: ids.channel(ref.community, thread.id) };
  }

  async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    const ref = ids.decode(threadId)!;
    let first: string | undefined;
    for (const [i, message] of renderMessages(card).entries()) {
      const body = { ...message, ...nonce(key && `${key}-${i}`) };
      const sent = (await this.rest.post(Routes.channelMessages(ref.channel), { body }).catch((error) => this.gone(error, threadId))) as {
        id: string;
      };
      first ??= ids.message(ref.community, ref.channel, sent.id);
    }
    return { messageId: first! };
  }

  async update(id: string, card: Card): Promise<void> {
    const ref = ids.decode(id)!;
    await this.rest
      .patch(Routes.channelMessage(ref.channel, ref.message!), { body: renderMessage(card) })
      .catch((error) => this.gone(error, id));
  }

  async react(id: string, ack: Ack): Promise<void> {
    const ref = ids.decode(id);
    if (!ref?.message) return;
    await this.rest
      .put(Routes.channelMessageOwnReaction(ref.channel, ref.message, encodeURIComponent(ACK_EMOJI[ack])))
      .catch((error) => this.logger.warn({ platform: 'discord', err: error }, 'adding a reaction failed'));
  }

  async sendPrivate(member: string, _channel: string, card: Card): Promise<void> {
    const dm = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: ids.userOf(member) } })) as { id: string };
    await this.rest.post(Routes.channelMessages(dm.id), { body: renderMessage(card) });
  }

  /**
   * A private thread in the channel with the members added (Create Private Threads, Send Messages in Threads), or a
   * DM for one member; bots cannot open group DMs.
   */
  async openSpace(channel: string, members: string[], title: string): Promise<string> {
    const ref = ids.decode(channel)!;
    if (members.length === 1) {
      const dm = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: ids.userOf(members[0]!) } })) as { id: string };
      return ids.channel(ref.community, dm.id);
    }
    const thread = (await this.rest
      .post(Routes.threads(ref.channel), {
        body: { name: title.slice(0, 100), type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 10080 },
      })
      .catch((error) => this.gone(error, channel))) as { id: string };
    for (const member of members) await this.rest.put(Routes.threadMembers(thread.id, ids.userOf(member)));
    return ids.channel(ref.community, thread.id);
  }

  /** The message's URL, which opens it in Discord for members of the guild. */
  async link(messageId: string): Promise<string | null> {
    const ref = ids.decode(messageId);
    return ref?.message ? `https://discord.com/channels/${ref.community}/${ref.channel}/${ref.message}` : null;
  }

  /** Gives the season's champion role, and takes it from the previous champions, where the bot may manage roles. */
  setChampionRole(channel: string, roleId: string, add: string[], remove: string[]): Promise<ChampionRoleResult> {
    const guild = ids.decode(channel)!.community;
    return moveChampionRole(this.rest, guild, roleId, add.map(ids.userOf), remove.map(ids.userOf));
  }

  /**
   * A direct message (greeted; `refused` on 50007, as Discord only refuses when a message is sent), or a private thread
   * in the channel with only the member added (`invitable: false`), greeted there.
   */
  async openConversation(member: string, channel: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    const ref = ids.decode(channel);
    if (!ref) return { ok: false, reason: 'unsupported' };
    if (how === 'direct') {
      const dm = (await this.rest.post(Routes.userChannels(), { body: { recipient_id: ids.userOf(member) } })) as { id: string };
      try {
        await this.rest.post(Routes.channelMessages(dm.id), { body: renderMessage(greeting) });
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === DMS_CLOSED) return { ok: false, reason: 'refused' };
        throw error;
      }
      return { ok: true, conversationId: ids.channel(DIRECT, dm.id), direct: true, buttons: true };
    }
    const thread = (await this.rest
      .post(Routes.threads(ref.channel), {
        body: { name: 'Mock interview', type: ChannelType.PrivateThread, invitable: false, auto_archive_duration: 1440 },
      })
      .catch((error) => this.gone(error, channel))) as { id: string };
    await this.rest.put(Routes.threadMembers(thread.id, ids.userOf(member)));
    await this.rest.post(Routes.channelMessages(thread.id), { body: renderMessage(greeting) });
    return { ok: true, conversationId: ids.channel(ref.community, thread.id), direct: false, buttons: true };
  }

  /** Manage Channels on the channel, as the member's last interaction there reported it. */
  /** Charts as attachments of one message in a thread (the digest's), each described by its alt text. */
  async postImages(threadId: string, images: ChartImage[]): Promise<void> {
    const ref = ids.decode(threadId)!;
    await this.rest.post(Routes.channelMessages(ref.channel), imageMessage(images)).catch((error) => this.gone(error, threadId));
  }

  async isAdmin(channel: string, member: string): Promise<boolean> {
    return this.organisers.get(`${channel}|${member}`) ?? false;
  }
}
