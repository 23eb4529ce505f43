import type { ChartImage } from '../../src/core/charts.ts';
import type { Card } from '../../src/core/message.ts';
import type { Ack, ChatPort, PostedMessage } from '../../src/core/port.ts';

export interface Sent {
  kind: 'post' | 'reply' | 'update' | 'react' | 'private' | 'space' | 'images';
  target: string;
  card?: Card;
  ack?: Ack;
  key?: string;
  messageId?: string;
  threadId?: string;
  /** The members of a space opened with openSpace. */
  members?: string[];
  /** The images posted with postImages. */
  images?: ChartImage[];
}

/** A fake platform that keeps what the core sent, so a test can read the conversation back. */
export class RecordingPort implements ChatPort {
  readonly sent: Sent[] = [];
  readonly admins = new Set<string>();
  private counter = 0;

  constructor(readonly platform = 'test') {}

  /** When set, called before each post: a test makes the platform slow, failing or crashing here. */
  beforePost?: (channelId: string, key?: string) => Promise<void> | void;

  /** When set, called after a post reached the platform and before it is returned: a test crashes the caller here. */
  afterPost?: (channelId: string, key?: string) => Promise<void> | void;

  async post(channelId: string, card: Card, key?: string): Promise<PostedMessage> {
    await this.beforePost?.(channelId, key);
    const n = ++this.counter;
    const posted = { messageId: `${this.platform}:msg:${n}`, threadId: `${this.platform}:thread:${n}` };
    this.sent.push({ kind: 'post', target: channelId, card, key, ...posted });
    await this.afterPost?.(channelId, key);
    return posted;
  }

  async reply(threadId: string, card: Card, key?: string): Promise<{ messageId: string }> {
    const messageId = `${this.platform}:msg:${++this.counter}`;
    this.sent.push({ kind: 'reply', target: threadId, card, key, messageId });
    return { messageId };
  }

  async findPosted(targetId: string, key: string): Promise<PostedMessage | null> {
    const found = this.sent.find((s) => s.key === key && s.target === targetId && (s.kind === 'post' || s.kind === 'reply'));
    return found ? { messageId: found.messageId!, threadId: found.threadId ?? found.messageId! } : null;
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

  /** A private space of some members (one per distinct set, as a Slack group DM is); kept as a `space` entry. */
  async openSpace(channelId: string, memberIds: string[], title: string): Promise<string> {
    const members = [...memberIds].sort();
    const earlier = this.sent.find((s) => s.kind === 'space' && s.members?.join() === members.join());
    if (earlier) return earlier.messageId!;
    const id = `${this.platform}:space:${++this.counter}`;
    this.sent.push({ kind: 'space', target: channelId, members, messageId: id, key: title });
    return id;
  }

  async postImages(threadId: string, images: ChartImage[]): Promise<void> {
    this.sent.push({ kind: 'images', target: threadId, images });
  }

  async isAdmin(_channelId: string, memberId: string): Promise<boolean> {
    return this.admins.has(memberId);
  }

  of(kind: Sent['kind']): Sent[] {
    return this.sent.filter((s) => s.kind === kind);
  }
}
