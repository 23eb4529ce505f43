import type { Card } from '../../src/core/message.ts';
import type { Conversation } from '../../src/core/port.ts';
import { RecordingPort } from './recording-port.ts';

/** The recording platform with private conversations: a direct message, or (when refused) a private thread. */
export class PrivatePort extends RecordingPort {
  refuseDirect = false;
  /** The thread fallback fails too (the bot may not create private threads). */
  refuseThread = false;
  /** Conversations run in the channel itself, as the terminal does. */
  inPlace = false;
  failReplies = 0;
  /** Conversations whose every message fails (a closed DM, a deleted thread). */
  readonly broken = new Set<string>();
  readonly opened: { how: string; greeting: Card }[] = [];

  async openConversation(memberId: string, channelId: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation> {
    this.opened.push({ how, greeting });
    if (how === 'direct' && this.refuseDirect) return { ok: false, reason: 'refused' };
    if (how === 'thread' && this.refuseThread) throw new Error('Missing Permissions');
    const direct = how === 'direct' ? `test:T1:D-${memberId.split(':')[1]}` : 'test:T1:thread-1';
    const conversationId = this.inPlace ? channelId : direct;
    this.sent.push({ kind: 'reply', target: conversationId, card: greeting });
    return { ok: true, conversationId, direct: how === 'direct', buttons: true };
  }

  override async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    if (this.broken.has(threadId)) throw new Error('that conversation is gone');
    if (this.failReplies > 0) {
      this.failReplies--;
      throw new Error('the platform is down');
    }
    return super.reply(threadId, card, key);
  }

  /** The cards sent into a conversation, in order. */
  in(conversationId: string): Card[] {
    return this.sent.filter((s) => s.kind === 'reply' && s.target === conversationId).map((s) => s.card!);
  }
}
