import { classifyDispatch, DIRECT, ids } from '../parse.ts';
import type { DiscordListenerContext } from './context.ts';

/** Raw gateway dispatches (thread replies, direct messages, edits, deletions, reactions) as the core's events. */
export async function handleDispatch(ctx: DiscordListenerContext, packet: { t?: string; d?: unknown }): Promise<void> {
  if (!packet.t || !ctx.attached()) return;
  const action = classifyDispatch(packet.t, packet.d, ctx.botUserId());
  try {
    const core = ctx.core();
    if (action.kind === 'reply') {
      if (!ctx.messageContent) return;
      await core.threadMessage({
        channelId: ids.channel(action.guild, action.thread),
        communityId: ids.community(action.guild),
        threadId: ids.channel(action.guild, action.thread),
        messageId: ids.message(action.guild, action.thread, action.message),
        author: { id: ids.member(action.guild, action.user), name: action.name },
        text: action.text,
      });
    } else if (action.kind === 'direct') {
      await core.directMessage({
        conversationId: ids.channel(DIRECT, action.channel),
        messageId: ids.message(DIRECT, action.channel, action.message),
        text: action.text,
      });
    } else if (action.kind === 'edit') {
      await core.messageEdited({
        messageId: ids.message(action.guild, action.channel, action.message),
        text: action.text,
        channelId: ids.channel(action.guild, action.channel),
        communityId: ids.community(action.guild),
        threadId: ids.channel(action.guild, action.channel),
        author: action.user ? { id: ids.member(action.guild, action.user), name: action.name ?? action.user } : undefined,
      });
    } else if (action.kind === 'delete') {
      await core.messageDeleted({ messageId: ids.message(action.guild, action.channel, action.message) });
    } else if (action.kind === 'reaction') {
      await core.reaction({
        channelId: ids.channel(action.guild, action.channel),
        communityId: ids.community(action.guild),
        messageId: ids.message(action.guild, action.channel, action.message),
        member: { id: ids.member(action.guild, action.user), name: action.name },
      });
    }
  } catch (error) {
    ctx.logger.error({ platform: 'discord', event: packet.t, err: error }, 'a Discord event could not be handled');
  }
}
