import type { ChartImage } from './charts.ts';
import type { Card } from './message.ts';
import { type Metrics, noMetrics } from './metrics.ts';

/** What the core wants a platform to signal quietly on a member's message. */
export type Ack = 'answer-counted' | 'probe-bonus';

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
  /** Buttons in a private message can be pressed (not in Discord's direct messages, which mlq sends outside any server). */
  privateButtons: boolean;
  /** A sentence `/mlq help` adds about the platform itself, such as how to leave the terminal. */
  helpNote?: string;
  /** The most fields one form holds (Discord's modals: 5); longer forms come in steps. Absent: no limit. */
  formFields?: number;
}

/** The capabilities of a port that declares none: a chat platform with reactions and public replies. */
export const DEFAULT_CAPABILITIES: PortCapabilities = { reactions: true, publicReplies: true, revealRecap: false, privateButtons: true };

/** What a platform did with the champion role: moved it, lacked the permission, or found no such role. */
export type ChampionRoleResult = 'done' | 'no-permission' | 'no-role';

/**
 * A private conversation with one member: a direct message (`direct`, only the member and the bot in it) or a private
 * thread in the channel; `buttons` when buttons pressed in it reach mlq. `refused`: the member does not accept direct
 * messages (Discord's 50007); `unsupported`: the platform has no such conversation.
 */
export type Conversation =
  | { ok: true; conversationId: string; direct: boolean; buttons: boolean }
  | { ok: false; reason: 'refused' | 'unsupported' };

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
  /**
   * Opens a private space beside a channel for some of its members and the bot (Slack: a group DM, or a DM for one
   * member; Discord: a private thread, or a DM for one member) and returns a target for `reply`. Absent where members
   * cannot meet privately (the terminal).
   */
  openSpace?(channelId: string, memberIds: string[], title: string): Promise<string>;
  isAdmin(channelId: string, memberId: string): Promise<boolean>;
  /** A link members can open to a message (Slack's permalink, Discord's message URL); absent or null where there is none. */
  link?(messageId: string): Promise<string | null>;
  /** Gives a role to `add` and takes it from `remove` (members of the channel's community); absent where there are no roles. */
  setChampionRole?(channelId: string, roleId: string, add: string[], remove: string[]): Promise<ChampionRoleResult>;
  /**
   * Opens a private conversation with a member who ran a command in `channelId` (`direct`: a direct message; `thread`: a
   * private thread in the channel) and sends `greeting` as its first message; later messages go to it with `reply`.
   */
  openConversation?(memberId: string, channelId: string, how: 'direct' | 'thread', greeting: Card): Promise<Conversation>;
  /** Shows `card` as the member's own dashboard page (Slack's App Home tab), replacing the last one; absent where there is none. */
  publishHome?(memberId: string, card: Card): Promise<void>;
  /** Posts images (PNG charts, each with its alt text) into a thread; absent where a platform cannot show them. */
  postImages?(threadId: string, images: ChartImage[]): Promise<void>;
}

/** Thrown by a port when the platform says the channel is gone or the bot lost access; the core pauses the channel. */
export class ChannelUnavailableError extends Error {
  constructor(
    readonly channelId: string,
    readonly reason: string,
  ) {
    super(`channel ${channelId} is unavailable: ${reason}`);
    this.name = 'ChannelUnavailableError';
  }
}

/** The platform prefix of an opaque id such as `slack:T1:C2`. */
export function platformOf(id: string): string {
  const at = id.indexOf(':');
  return at < 0 ? id : id.slice(0, at);
}

const TOKEN = /^[A-Za-z0-9_.-]{1,48}$/;
const token = (value: unknown): string | null => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  return typeof text === 'string' && TOKEN.test(text) ? text : null;
};

/**
 * A short, bounded label for a platform error: the reason a channel is unavailable (its first word), Slack's
 * `data.error`, a numeric or word `code` (Discord's API codes, Node's network codes), an HTTP status, else `other`.
 */
export function errorCode(error: unknown): string {
  if (error instanceof ChannelUnavailableError) return token(error.reason.split(/\s/)[0]) ?? 'other';
  if (typeof error !== 'object' || error === null) return 'other';
  const e = error as { data?: { error?: unknown }; code?: unknown; status?: unknown; statusCode?: unknown };
  const status = token(e.status ?? e.statusCode);
  return token(e.data?.error) ?? token(e.code) ?? (status ? `http-${status}` : 'other');
}

/** The port as the core calls it: the same calls, with each failure counted under the platform and its error code. */
function observed(port: ChatPort, metrics: Metrics): ChatPort {
  const count = <T>(call: Promise<T>): Promise<T> =>
    call.catch((error: unknown) => {
      metrics.platformError(port.platform, errorCode(error));
      throw error;
    });
  const run = <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return count(call());
    } catch (error) {
      return count(Promise.reject(error));
    }
  };
  return {
    platform: port.platform,
    get answersInThread() {
      return port.answersInThread;
    },
    get capabilities() {
      return port.capabilities;
    },
    get findPosted() {
      const find = port.findPosted;
      return find && ((targetId: string, key: string, since: Date) => run(() => find.call(port, targetId, key, since)));
    },
    get setChampionRole() {
      const set = port.setChampionRole;
      return (
        set &&
        ((channelId: string, roleId: string, add: string[], remove: string[]) => run(() => set.call(port, channelId, roleId, add, remove)))
      );
    },
    get openConversation() {
      const open = port.openConversation;
      return (
        open &&
        ((memberId: string, channelId: string, how: 'direct' | 'thread', greeting: Card) =>
          run(() => open.call(port, memberId, channelId, how, greeting)))
      );
    },
    get publishHome() {
      const publish = port.publishHome;
      return publish && ((memberId: string, card: Card) => run(() => publish.call(port, memberId, card)));
    },
    get postImages() {
      const postImages = port.postImages;
      return postImages && ((threadId: string, images: ChartImage[]) => run(() => postImages.call(port, threadId, images)));
    },
    post: (channelId, message, key) => run(() => port.post(channelId, message, key)),
    reply: (threadId, message, key) => run(() => port.reply(threadId, message, key)),
    update: (messageId, message) => run(() => port.update(messageId, message)),
    react: (messageId, ack) => run(() => port.react(messageId, ack)),
    sendPrivate: (memberId, channelId, message) => run(() => port.sendPrivate(memberId, channelId, message)),
    get openSpace() {
      const open = port.openSpace;
      return open && ((channelId: string, memberIds: string[], title: string) => run(() => open.call(port, channelId, memberIds, title)));
    },
    isAdmin: (channelId, memberId) => run(() => port.isAdmin(channelId, memberId)),
    get link() {
      const link = port.link;
      return link && ((messageId: string) => run(() => link.call(port, messageId)));
    },
  };
}

/** Routes each call to the port that owns the id's platform prefix, counting the platform's errors in `metrics`. */
export class Ports {
  private readonly byPlatform = new Map<string, ChatPort>();

  constructor(private readonly metrics: Metrics = noMetrics) {}

  register(port: ChatPort): void {
    this.byPlatform.set(port.platform, observed(port, this.metrics));
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
