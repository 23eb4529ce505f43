import type { Card } from './message.ts';

/** What the core wants a platform to signal quietly on a member's message. */
export type Ack = 'answer-counted' | 'answer-updated' | 'answer-withdrawn' | 'discussion' | 'probe-bonus' | 'sealed';

/** What a platform can do, so the core's help and cards leave out what members there cannot use. */
export interface PortCapabilities {
  /** Members react to each other's answers, and a reaction counts as a peer vote. */
  reactions: boolean;
  /** A reply can be shown to the whole channel instead of the member alone (`/mlq leaderboard public`). */
  publicReplies: boolean;
  /**
   * At the reveal, each member who answered gets a private card with their answer and the points it earned. Off by
   * default: in a busy Slack or Discord channel that is one more message per member per day, and their answer sits
   * right above the reveal in the thread anyway.
   */
  revealRecap: boolean;
  /** A sentence `/mlq help` adds about the platform itself, such as how to leave the terminal. */
  helpNote?: string;
}

/** The capabilities of a port that declares none: a chat platform with reactions and public replies. */
export const DEFAULT_CAPABILITIES: PortCapabilities = { reactions: true, publicReplies: true, revealRecap: false };

export interface PostedMessage {
  messageId: string;
  threadId: string;
}

/** The one small port through which the core speaks to a chat platform; ids are opaque and prefixed by the platform. */
export interface ChatPort {
  readonly platform: string;
  /** False when the platform cannot read thread replies, so members answer only through the answer button. */
  readonly answersInThread?: boolean;
  /** What members can do here; absent means DEFAULT_CAPABILITIES. */
  readonly capabilities?: Partial<PortCapabilities>;
  /** Posts a message; `key` identifies the work so the platform can recognise a repeat (Slack metadata, Discord nonce). */
  post(channelId: string, message: Card, key?: string): Promise<PostedMessage>;
  reply(threadId: string, message: Card, key?: string): Promise<{ messageId: string }>;
  /** Finds a message posted earlier under `key` (in a channel, or in a thread), for work whose lease lapsed mid-post. */
  findPosted?(targetId: string, key: string, since: Date): Promise<PostedMessage | null>;
  update(messageId: string, message: Card): Promise<void>;
  react(messageId: string, ack: Ack): Promise<void>;
  sendPrivate(memberId: string, channelId: string, message: Card): Promise<void>;
  isAdmin(channelId: string, memberId: string): Promise<boolean>;
}

/** Thrown by a port when the platform says the channel is gone or the bot lost access; the core pauses the channel. */
export class ChannelUnavailableError extends Error {
  constructor(readonly channelId: string, readonly reason: string) {
    super(`channel ${channelId} is unavailable: ${reason}`);
    this.name = 'ChannelUnavailableError';
  }
}

/** The platform prefix of an opaque id such as `slack:T1:C2`. */
export function platformOf(id: string): string {
  const at = id.indexOf(':');
  return at < 0 ? id : id.slice(0, at);
}

/** Routes each call to the port that owns the id's platform prefix. */
export class Ports {
  private readonly byPlatform = new Map<string, ChatPort>();

  register(port: ChatPort): void {
    this.byPlatform.set(port.platform, port);
  }

  for(id: string): ChatPort {
    const port = this.byPlatform.get(platformOf(id));
    if (!port) throw new Error(`no platform is connected for ${platformOf(id)} (id ${id})`);
    return port;
  }

  /** The capabilities of the platform that owns an id (the defaults when none is connected). */
  capabilities(id: string): PortCapabilities {
    return { ...DEFAULT_CAPABILITIES, ...this.byPlatform.get(platformOf(id))?.capabilities };
  }

  has(id: string): boolean {
    return this.byPlatform.has(platformOf(id));
  }
}
