import type { Card } from '../../src/core/message.ts';
import type { Ack, ChatPort, PostedMessage } from '../../src/core/port.ts';

export interface Sent {
  kind: 'post' | 'reply' | 'update' | 'react' | 'private';
  target: string;
  card?: Card;
  ack?: Ack;
}

/** A fake platform that keeps what the core sent, so a test can read the conversation back. */
export class RecordingPort implements ChatPort {
  readonly sent: Sent[] = [];
  readonly admins = new Set<string>();
  private counter = 0;

  constructor(readonly platform = 'test') {}

  async post(channelId: string, card: Card): Promise<PostedMessage> {
    this.sent.push({ kind: 'post', target: channelId, card });
    const n = ++this.counter;
    return { messageId: `${this.platform}:msg:${n}`, threadId: `${this.platform}:thread:${n}` };
  }

  async reply(threadId: string, card: Card): Promise<{ messageId: string }> {
    this.sent.push({ kind: 'reply', target: threadId, card });
    return { messageId: `${this.platform}:msg:${++this.counter}` };
  }

  async update(messageId: string, card: Card): Promise<void> {
    this.sent.push({ kind: 'update', target: messageId, card });
  }

  async react(messageId: string, ack: Ack): Promise<void> {
    this.sent.push({ kind: 'react', target: messageId, ack });
  }

  async sendPrivate(memberId: string, _channelId: string, card: Card): Promise<void> {
    this.sent.push({ kind: 'private', target: memberId, card });
  }

  async isAdmin(_channelId: string, memberId: string): Promise<boolean> {
    return this.admins.has(memberId);
  }

  of(kind: Sent['kind']): Sent[] {
    return this.sent.filter((s) => s.kind === kind);
  }
}
